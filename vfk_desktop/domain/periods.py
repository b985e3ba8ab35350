"""Periods: financial years, calendar years, quarters and months, parsed forgivingly and ordered in time.

Canonical labels: "2008/09" (April 2008 to March 2009), "2008" (a calendar year), "2009/10 Q3"
(October to December 2009: quarters of a financial year start in April), "2009 Q1" (January to
March 2009) and "Mar 2010". A period's place in time is its end, then its start: of two periods
ending together the shorter one is the later, so "latest" prefers the finer figure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from vfk_desktop.domain.errors import BadPeriod

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = {name: i for i, name in enumerate(MONTHS, 1)} | {
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "sept": 9, "september": 9, "october": 10, "november": 11, "december": 12,
}


class PeriodKind(Enum):
    FINANCIAL_YEAR = "financial year"
    CALENDAR_YEAR = "calendar year"
    FINANCIAL_QUARTER = "financial quarter"
    CALENDAR_QUARTER = "calendar quarter"
    MONTH = "month"


@dataclass(frozen=True, eq=False)
class Period:
    """A financial or calendar year, a quarter or a month, ordered by its end and then its start."""

    kind: PeriodKind
    year: int  # the starting calendar year ("2008/09" -> 2008)
    part: int = 0  # quarter 1-4 or month 1-12; 0 for a whole year
    start: dt.date = field(init=False, repr=False)
    end: dt.date = field(init=False, repr=False)  # the last day of the period
    sort_key: tuple[dt.date, dt.date] = field(init=False, repr=False)
    label: str = field(init=False, repr=False)  # canonical: "2008/09", "2009/10 Q3", "Mar 2010"

    def __post_init__(self) -> None:
        # Periods are compared constantly (latest, previous, ordering): work the dates out once.
        start = _start_of(self.kind, self.year, self.part)
        index = start.month - 1 + _MONTHS_LONG[self.kind]
        end = dt.date(start.year + index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "sort_key", (end, start))
        object.__setattr__(self, "_hash", hash((self.kind.value, self.year, self.part)))
        object.__setattr__(self, "label", _label_of(self.kind, self.year, self.part))

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Period) and self.kind is other.kind
                and self.sort_key == other.sort_key)

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined,no-any-return]

    def __lt__(self, other: Period) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: Period) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Period) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: Period) -> bool:
        return self.sort_key >= other.sort_key

    def __str__(self) -> str:
        return self.label


_MONTHS_LONG = {PeriodKind.FINANCIAL_YEAR: 12, PeriodKind.CALENDAR_YEAR: 12,
                PeriodKind.FINANCIAL_QUARTER: 3, PeriodKind.CALENDAR_QUARTER: 3, PeriodKind.MONTH: 1}


def _label_of(kind: PeriodKind, year: int, part: int) -> str:
    if kind is PeriodKind.FINANCIAL_YEAR:
        return f"{year}/{(year + 1) % 100:02d}"
    if kind is PeriodKind.CALENDAR_YEAR:
        return str(year)
    if kind is PeriodKind.FINANCIAL_QUARTER:
        return f"{year}/{(year + 1) % 100:02d} Q{part}"
    if kind is PeriodKind.CALENDAR_QUARTER:
        return f"{year} Q{part}"
    return f"{MONTHS[part - 1].title()} {year}"


def _start_of(kind: PeriodKind, year: int, part: int) -> dt.date:
    if kind is PeriodKind.FINANCIAL_YEAR:
        return dt.date(year, 4, 1)
    if kind is PeriodKind.CALENDAR_YEAR:
        return dt.date(year, 1, 1)
    if kind is PeriodKind.FINANCIAL_QUARTER:
        month = 4 + 3 * (part - 1)
        return dt.date(year + (month > 12), (month - 1) % 12 + 1, 1)
    if kind is PeriodKind.CALENDAR_QUARTER:
        return dt.date(year, 1 + 3 * (part - 1), 1)
    return dt.date(year, part, 1)


def _full_year(text: str) -> int:
    """A year from "2008" or "08" (two digits: 70-99 are 19xx, the rest 20xx)."""
    year = int(text)
    if len(text) <= 2:
        year += 1900 if year >= 70 else 2000
    return year


def _second_year_follows(first: int, second_text: str) -> bool:
    """True when "09", "9" or "2009" is the year after first."""
    second: int = int(second_text)
    if len(second_text) == 4:
        return second == first + 1
    return second == (first + 1) % int(10 ** len(second_text))


_FY = r"(?P<y1>\d{4}|\d{2})\s*[/\-–]\s*(?P<y2>\d{4}|\d{2}|\d)"
# patterns other readers find periods inside text with (match them ignoring case)
QUARTER_WORD = r"Q(?:TR\.?|UARTER)?\s*"  # the quarter's word before its number: Q3, Qtr 3, Quarter 3
MONTH_WORD = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))  # "september" before "sep"
_Q = rf"{QUARTER_WORD}(?P<q>[1-4])"
_PATTERNS = [
    ("fy", re.compile(rf"^(?:FY\s*)?{_FY}$", re.I)),
    ("fq", re.compile(rf"^(?:FY\s*)?{_FY}[\s,]*\(?{_Q}\)?$", re.I)),
    ("fq", re.compile(rf"^{_Q}[\s,]*(?:FY\s*)?{_FY}$", re.I)),
    ("cy", re.compile(r"^(?:CY\s*)?(?P<y>\d{4})(?:\.0)?$", re.I)),
    ("cq", re.compile(rf"^(?P<y>\d{{4}})[\s,]*{_Q}$", re.I)),
    ("cq", re.compile(rf"^{_Q}[\s,]*(?P<y>\d{{4}})$", re.I)),
    ("month", re.compile(r"^(?P<m>[a-z]{3,9})\.?[\s\-/,]*(?P<y>\d{4}|\d{2})$", re.I)),
    ("month_num", re.compile(r"^(?P<m>\d{1,2})\s*[/\-.]\s*(?P<y>\d{4})$")),
]
YEAR_RANGE = range(1900, 2101)


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> Period | None:
    cleaned = " ".join(text.replace("\u2013", "-").split())
    for kind, pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if not match:
            continue
        groups = match.groupdict()
        if kind in ("fy", "fq"):
            first = _full_year(groups["y1"])
            if not _second_year_follows(first, groups["y2"]):
                continue
            if kind == "fy":
                return _period(PeriodKind.FINANCIAL_YEAR, first)
            return _period(PeriodKind.FINANCIAL_QUARTER, first, int(groups["q"]))
        if kind == "cy":
            return _period(PeriodKind.CALENDAR_YEAR, int(groups["y"]))
        if kind == "cq":
            return _period(PeriodKind.CALENDAR_QUARTER, int(groups["y"]), int(groups["q"]))
        if kind == "month":
            month = _MONTH_NAMES.get(groups["m"].lower())
            if month is None:
                continue
            return _period(PeriodKind.MONTH, _full_year(groups["y"]), month)
        month = int(groups["m"])
        if 1 <= month <= 12:
            return _period(PeriodKind.MONTH, int(groups["y"]), month)
    return None


def try_parse_period(value: object) -> Period | None:
    """A Period from a label, a year number or a date; None when it is not one."""
    if isinstance(value, Period):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        period: Period | None = _period(PeriodKind.MONTH, value.year, value.month)
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            return None
        period = _period(PeriodKind.CALENDAR_YEAR, int(value))
    else:
        period = _parse_text(str(value))
    if period is None or period.year not in YEAR_RANGE:
        return None
    return period


def _period(kind: PeriodKind, year: int, part: int = 0) -> Period | None:
    """The period, or None for a year outside YEAR_RANGE (200809 or 0 typed in a Year column)."""
    return Period(kind, year, part) if year in YEAR_RANGE else None


def parse_period(value: object) -> Period:
    """A Period, or BadPeriod naming the text that is not one."""
    period = try_parse_period(value)
    if period is None:
        raise BadPeriod(str(value))
    return period


_BY_LABEL: dict[str, Period] = {}


def period_of_label(label: str) -> Period:
    """The Period of a canonical label as the store keeps it; remembered, as labels repeat a lot."""
    period = _BY_LABEL.get(label)
    if period is None:
        period = _BY_LABEL[label] = parse_period(label)
    return period


def latest(periods: list[Period]) -> Period | None:
    return max(periods, default=None)


_YEAR_WORDS = re.compile(r"\byear\s*(?:ending|ended|end|to)\b|\b12 months (?:to|ending|ended)\b|"
                         r"\bfinancial year\b", re.I)
_QUARTER_WORDS = re.compile(r"\bquarter", re.I)
_MONTH_WORDS = re.compile(r"\bmonth", re.I)
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y",
                 "%Y-%m-%d %H:%M:%S")


def date_of_text(text: str) -> dt.date | None:
    """A date written as text ("31/03/2009", "2009-03-31", "31 March 2009"); None otherwise."""
    cleaned = " ".join(text.split())
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def period_closed_by(date: dt.date, wording: str = "") -> Period | None:
    """The period a date closes, as the heading's wording or the date itself says; None if neither.

    Under "year ending" 31 March closes a financial year (31/03/2009 -> 2008/09) and 31 December a
    calendar year; under "quarter ending" a quarter end closes a financial quarter; under "month" any
    date stands for its month. With no such words only 31 March and 31 December say which year they
    close: any other date could be a month, a quarter or a rolling year, so it is not guessed.
    """
    if isinstance(date, dt.datetime):
        date = date.date()
    if date.year not in YEAR_RANGE:
        return None
    last_day = (date + dt.timedelta(days=1)).day == 1
    if _QUARTER_WORDS.search(wording) and not _YEAR_WORDS.search(wording):
        if not last_day or date.month % 3:
            return None
        if date.month == 3:
            return Period(PeriodKind.FINANCIAL_QUARTER, date.year - 1, 4)
        return Period(PeriodKind.FINANCIAL_QUARTER, date.year, date.month // 3 - 1)
    if _MONTH_WORDS.search(wording) and not _YEAR_WORDS.search(wording):
        return Period(PeriodKind.MONTH, date.year, date.month)
    if (date.month, date.day) == (3, 31):
        return Period(PeriodKind.FINANCIAL_YEAR, date.year - 1)
    if (date.month, date.day) == (12, 31):
        return Period(PeriodKind.CALENDAR_YEAR, date.year)
    return None


def describe_date(date: dt.date) -> str:
    return f"{date.day} {dt.date(2000, date.month, 1):%B} {date.year}"
