"""Who answers for each indicator and whether the year will end on target, for every face: the leads
(with the working group the matrix puts in the lead), a quarter's profiled target and the year-end
forecast. Worked out in `domain`; gathered here once per database change."""

from __future__ import annotations

from dataclasses import dataclass, replace

from vfk_desktop.domain import compare
from vfk_desktop.domain.fare import FareRow, IndicatorFacts
from vfk_desktop.domain.leads import default_group
from vfk_desktop.domain.periods import Period, PeriodKind
from vfk_desktop.domain.profiles import (
    Forecast,
    financial_year_of,
    forecast,
    quarter_targets,
    quarters_of,
)
from vfk_desktop.store import accountability as acc
from vfk_desktop.store.connection import Store


@dataclass(frozen=True)
class LeadFacts:
    """Who answers for an indicator: the lead officer, their partner and the working group."""

    officer: str | None
    partner: str | None
    working_group: str | None  # a code such as KEB
    group_from_matrix: bool  # True when the theme's leading group, not one an officer chose

    @property
    def summary(self) -> str:
        """ "J Smith (Kent Police) · SSCG"; empty when nobody is named."""
        people = " ".join(p for p in (self.officer, f"({self.partner})" if self.partner else None) if p)
        return " · ".join(p for p in (people, self.working_group) if p)


def leads_for(store: Store, locality: str) -> dict[str, LeadFacts]:
    """Every catalogued indicator's leads for locality (the working group alone where none is named)."""
    found: dict[str, LeadFacts] = store.cached(("leads", locality), lambda: _leads(store, locality))
    return found


def _leads(store: Store, locality: str) -> dict[str, LeadFacts]:
    from vfk_desktop.store.queries import catalogue

    named = acc.leads(store, locality)
    result = {}
    for code, indicator in catalogue(store).items():
        lead = named.get(code, acc.Lead())
        group = lead.working_group or default_group(indicator.theme)
        result[code] = LeadFacts(lead.officer, lead.partner, group, lead.working_group is None)
    return result


def target_choices(store: Store, locality: str) -> dict[str, str]:
    found: dict[str, str] = store.cached(("target choices", locality),
                                         lambda: acc.target_choices(store, locality))
    return found


def _profiles(store: Store, locality: str) -> dict[tuple[str, str], acc.StoredProfile]:
    found: dict[tuple[str, str], acc.StoredProfile] = store.cached(
        ("profiles", locality), lambda: acc.profiles(store, locality))
    return found


def accountable(store: Store, facts: IndicatorFacts, row: FareRow) -> FareRow:
    """The fare row with its quarter's profiled target (and the status against it) and the forecast."""
    stored = _profiles(store, facts.locality)
    row = _against_profile(facts, row, stored)
    lead = leads_for(store, facts.locality).get(row.code)
    forecast, summary = _forecast(facts, row, stored), lead.summary if lead else None
    if forecast == row.forecast and summary == row.lead:
        return row  # most rows: nothing to add, and a copy of a row costs as much as the rest here
    return replace(row, forecast=forecast, lead=summary)


def year_target(facts: IndicatorFacts, year: Period) -> float | None:
    """The year's target that the status follows: the local one where chosen and given, else Kent's."""
    for targets in ((facts.local_targets,) if facts.follows_local else ()) + (facts.kent_targets,):
        found = compare.applicable_target(year, targets)
        if found and found[1].value is not None:
            return found[1].value
    return None


def profiled_targets(facts: IndicatorFacts, year: Period,
                     profile: acc.StoredProfile) -> tuple[float, ...] | None:
    """Q1 to Q4 targets of year as profiled; None when the year has no target to profile."""
    annual = year_target(facts, year)
    if annual is None and profile.method != "typed":
        return None
    last = facts.values.get(Period(PeriodKind.FINANCIAL_YEAR, year.year - 1))
    return quarter_targets(profile.method, annual or 0.0, last.value if last else None, profile.quarters)


def _against_profile(facts: IndicatorFacts, row: FareRow,
                     stored: dict[tuple[str, str], acc.StoredProfile]) -> FareRow:
    if row.period is None or row.period.kind is not PeriodKind.FINANCIAL_QUARTER:
        return row
    year = financial_year_of(row.period)
    profile = stored.get((row.code, year.label))
    targets = profiled_targets(facts, year, profile) if profile else None
    if targets is None:
        return row
    target = targets[row.period.part - 1]
    return replace(row, profiled_target=target,
                   vs_target=compare.vs_target(row.value, target, row.polarity),
                   rag=compare.rag(row.value, target, row.polarity, row.tolerance))


def _forecast(facts: IndicatorFacts, row: FareRow,
              stored: dict[tuple[str, str], acc.StoredProfile]) -> Forecast | None:
    values = {p: f.value for p, f in facts.values.items() if f.value is not None}
    quarters = [p for p in values if p.kind is PeriodKind.FINANCIAL_QUARTER]
    if not quarters:
        return None
    year = financial_year_of(row.period) if row.period and row.period.kind is PeriodKind.FINANCIAL_QUARTER \
        else financial_year_of(max(quarters))
    profile = stored.get((row.code, year.label))
    last_year = quarters_of(values, Period(PeriodKind.FINANCIAL_YEAR, year.year - 1))
    return forecast(year, quarters_of(values, year), year_target(facts, year), row.polarity,
                    cumulative=bool(profile and profile.method == "cumulative"),
                    last_year=last_year if len(last_year) == 4 else None)
