"""Reporting years: which stored periods a Board means by "2008/09".

The rule (one, and documented in the README): a period belongs to the reporting year of the
financial year in which it ends. So "2008/09" gathers the financial year 2008/09, the calendar year
2008 (it ends in December 2008, inside April 2008 to March 2009: the Tunbridge Wells presentation
reports "2008" beside "2008/09" as the same year's data), the academic year 2008/09 (written like a
financial year), the quarters "2008/09 Q1" … "Q4", the calendar quarters 2008 Q2 … 2009 Q1 and the
months Apr 2008 … Mar 2009. Periods are stored exactly as given; only the choice maps them.
"""

from __future__ import annotations

from collections.abc import Iterable

from vfk_desktop.domain.periods import Period, PeriodKind

ANNUAL = (PeriodKind.FINANCIAL_YEAR, PeriodKind.CALENDAR_YEAR)


def reporting_year_of(period: Period) -> Period:
    """The financial year (as a Period) in which period ends."""
    end = period.end
    return Period(PeriodKind.FINANCIAL_YEAR, end.year if end.month >= 4 else end.year - 1)


def is_reporting_year(choice: Period | None) -> bool:
    """A financial year chosen in the period chooser or with --period means its reporting year."""
    return choice is not None and choice.kind is PeriodKind.FINANCIAL_YEAR


def in_reporting_year(periods: Iterable[Period], year: Period) -> list[Period]:
    """The periods that belong to the reporting year, newest first."""
    return sorted((p for p in periods if reporting_year_of(p) == year), reverse=True)


def reporting_years(periods: Iterable[Period]) -> list[Period]:
    """The reporting years that the periods fall in, newest first (the period chooser's list)."""
    return sorted({reporting_year_of(p) for p in periods}, reverse=True)
