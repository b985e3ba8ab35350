"""Header words: which column holds what, however a partner labelled it.

A header is normalised (case, line breaks, punctuation) and any period inside it is taken out:
"Kent\\n2010/11\\nTarget" is the role KENT_TARGET with the period 2010/11.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vfk_desktop.domain.columns import STATISTIC_ROLES, Role, normalise_header
from vfk_desktop.domain.periods import (
    MONTH_WORD,
    Period,
    describe_date,
    period_closed_by,
    try_parse_period,
)

_WORDS: dict[Role, tuple[str, ...]] = {
    Role.AREA: ("district", "locality", "area", "authority", "la name", "la", "local authority",
                "council", "borough", "geography", "area name", "district name", "lsp",
                "locality name", "authority name", "district council"),
    Role.CODE: ("ni", "ni ref", "ni no", "ni number", "ni code", "code", "ref", "reference",
                "indicator code", "indicator ref", "indicator no", "pi", "pi ref", "pi code",
                "ni reference", "indicator reference", "nis"),
    Role.TITLE: ("indicator", "title", "indicator title", "indicator name", "description",
                 "measure", "name", "indicator description", "ni title", "ni description"),
    Role.PERIOD: ("year", "period", "financial year", "date", "time period", "quarter",
                  "reporting period", "fy", "data period", "latest year", "year of data",
                  "latest period", "data year", "month", "reporting month", "period ending",
                  "quarter ending", "month ending", "year ending", "as at", "date of data",
                  "year to", "year end", "quarter to", "quarter end", "month to", "period to",
                  "12 months to", "12 months ending", "year ended", "quarter ended"),
    Role.VALUE: ("value", "actual", "outturn", "result", "figure", "data", "score",
                 "performance", "latest value", "latest data", "actual value", "district value",
                 "locality value", "latest outturn", "latest actual"),
    Role.KENT_TARGET: ("target", "kent target", "county target", "ka2 target", "laa target",
                       "kent ka2 target"),
    Role.LOCAL_TARGET: ("local target", "district target", "locality target", "own target"),
    Role.TARGET_PERIOD: ("target period", "target year", "year of target"),
    Role.KENT_VALUE: ("kent", "county", "kent value", "kent figure", "kent average",
                      "county figure", "county value", "county average", "kent overall",
                      "kent total", "kent actual", "kent outturn"),
    Role.BEST: ("kent best", "best", "best in kent", "best district", "county best"),
    Role.WORST: ("kent worst", "worst", "worst in kent", "worst district", "county worst"),
    Role.COMMENTARY: ("commentary", "comment", "comments", "notes", "note", "narrative",
                      "remarks", "explanation"),
    Role.PRIORITY: ("priority", "ranking", "ka2 priority", "priority ranking", "local priority",
                    "priority band", "h m l", "hml"),
    Role.ROUND: ("ranking period", "priority period", "ranking round", "round",
                 "ranking year"),
    Role.UNIT: ("unit", "units", "measure unit", "unit of measure"),
    Role.POLARITY: ("polarity", "good is", "direction of good", "better is"),
    Role.THEME: ("theme", "ka2 theme", "block", "vision theme"),
    Role.RANK: ("rank", "rank in kent", "position", "kent rank"),
    Role.STATUS: ("status", "rag", "rag status", "status against target", "vs target"),
    Role.DIRECTION: ("direction", "direction of travel", "dot", "trend"),
    Role.PROVENANCE: ("source", "provenance", "source file", "source cell", "imported from"),
    Role.COUNT: ("count", "numerator", "count numerator", "number of events", "events",
                 "observed"),
    Role.DENOMINATOR: ("denominator", "population", "base", "denominator population"),
    Role.LOWER_95: ("lower ci", "lower 95% ci", "lower 95 ci", "95% lower ci", "lower cl",
                    "lower confidence limit", "lower 95% confidence limit", "lower ci 95 0 limit",
                    "lower 95% limit", "lcl", "lower limit", "lower 95%"),
    Role.UPPER_95: ("upper ci", "upper 95% ci", "upper 95 ci", "95% upper ci", "upper cl",
                    "upper confidence limit", "upper 95% confidence limit", "upper ci 95 0 limit",
                    "upper 95% limit", "ucl", "upper limit", "upper 95%"),
    Role.LOWER_99_8: ("lower 99 8% ci", "lower 99 8 ci", "lower ci 99 8 limit", "lower 99 8% limit",
                      "lower 99 8%",
                      "99 8% lower ci", "lower 99 8% confidence limit"),
    Role.UPPER_99_8: ("upper 99 8% ci", "upper 99 8 ci", "upper ci 99 8 limit", "upper 99 8% limit",
                      "upper 99 8%",
                      "99 8% upper ci", "upper 99 8% confidence limit"),
}
_LOOKUP = {word: role for role, words in _WORDS.items() for word in words}
# a unit written after a heading's words, or alone: "%", "per cent", "rate per 1,000", "per 100,000"
_UNIT = re.compile(r"(?:^|\s)(?:%|per ?cent(?:age)?|(?:rate )?per [0-9][0-9, ]*(?: population)?)$")
# A wide table's count, denominator or limits of one place: "Ashford numerator", "Count - Dover".
_STATISTIC_WORDS = sorted(((word, role) for role in STATISTIC_ROLES for word in _WORDS[role]),
                          key=lambda pair: -len(pair[0]))
_MONTH = rf"\b(?:{MONTH_WORD})\.?[\s\-/,]*(?:\d{{4}}|\d{{2}})\b"
_PERIOD_TOKEN = re.compile(
    rf"{_MONTH}|(?:Q[1-4]\s+)?\d{{4}}\s*[/\-–]\s*\d{{2,4}}(?:\s*Q[1-4])?|\b(?:19|20)\d{{2}}\b", re.I
)


@dataclass(frozen=True)
class Header:
    """One column heading as read: its normalised words, the role they name and any period inside."""

    text: str  # as found, for messages
    words: str  # normalised, period removed
    role: Role | None
    period: Period | None  # a period written inside the header ("Kent 2010/11 Target")
    problem: str | None = None  # a date heading that closes no period the wording names


def read_header(cell: object, wording: str = "") -> Header:
    """The header in a cell, whatever Excel stored: text, a year as a number, or a date.

    wording: the header rows' text, which says what a date heading closes ("Year ending").
    """
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, dt.date):
        period = period_closed_by(cell, wording)
        shown = describe_date(cell)
        if period is None:
            return Header(shown, "", None, None, f"the heading {shown} does not say which period it "
                                                 f"closes")
        return Header(shown, "", None, period)
    text = " ".join(str(cell if cell is not None else "").split())
    period = try_parse_period(text)  # the whole heading a period: "2009 Q2", "Apr-09"
    found = None if period else _PERIOD_TOKEN.search(text)
    remainder = "" if period else text
    if found:
        period = try_parse_period(found.group(0))
        if period is not None:
            remainder = (text[: found.start()] + " " + text[found.end():]).strip()
    words = normalise_header(remainder)
    role = _LOOKUP.get(words)
    if role is None and words:  # "Value (%)", "Outturn per cent", "Rate per 1,000": a unit beside it
        bare = _UNIT.sub("", words).strip()
        role = _LOOKUP.get(bare) if bare else Role.VALUE
    if role is None and period is not None and not words:
        role = None  # a bare period heading: a column of values for that period
    return Header(text=text, words=words, role=role, period=period)


def place_statistic(words: str) -> tuple[str, Role] | None:
    """(the place's words, the statistic) of a heading such as "ashford numerator" or "lower ci
    dover"; None when the heading names no statistic at either end."""
    for word, role in _STATISTIC_WORDS:
        if words.endswith(" " + word):
            return words[: -len(word) - 1].strip(), role
        if words.startswith(word + " "):
            return words[len(word) + 1:].strip(), role
    return None


def role_words(role: Role) -> tuple[str, ...]:
    return _WORDS[role]
