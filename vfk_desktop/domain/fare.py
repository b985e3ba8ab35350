""""How does <locality> fare in Kent?": one row per indicator, every figure worked out here.

The facts layer gathers the facts of one indicator (IndicatorFacts); `assess` turns them into a
FareRow, which the table, the charts, the reports and `vfk fare --json` all show unchanged.

Where an indicator is compared (`placement`): by default at its newest *comparable* period, the
newest in which at least `min_districts` districts have a value or for which a partner stated Kent's
best and worst. A newer figure of the locality's own is shown beside it (`own_newer`), never ranked.
A chosen financial year means its reporting year (`domain.reporting`); any other chosen period is
compared exactly. Where fewer than the minimum reported, there is no rank (never "1 of 1").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from vfk_desktop.domain import compare
from vfk_desktop.domain.codes import code_sort_key, parent_code
from vfk_desktop.domain.fare_statistics import (
    NO_STATISTICS,
    RowStatistics,
    kent_figure,
    row_statistics,
)
from vfk_desktop.domain.localities import DISTRICT_COUNT
from vfk_desktop.domain.model import (
    Direction,
    Figure,
    Indicator,
    Polarity,
    Priority,
    Rag,
    Status,
    json_number,
)
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.profiles import Forecast
from vfk_desktop.domain.reporting import ANNUAL, in_reporting_year, is_reporting_year
from vfk_desktop.domain.statistics import Counts

DEFAULT_MIN_DISTRICTS = 8  # of 12: fewer than this and a period is not ranked
NOT_AVAILABLE = "not available"


@dataclass(frozen=True)
class StatedRange:
    """Kent best and worst as a partner's sheet states them (used when the store lacks the districts)."""

    best: Figure | None = None
    worst: Figure | None = None


@dataclass(frozen=True)
class IndicatorFacts:
    """Everything known of one indicator for a locality, as the facts layer gathers it for `assess`."""

    indicator: Indicator
    locality: str
    priority: Priority | None = None
    values: Mapping[Period, Figure] = field(default_factory=dict)  # the locality's own series
    districts: Mapping[Period, Mapping[str, float]] = field(default_factory=dict)  # all 12
    kent_values: Mapping[Period, Figure] = field(default_factory=dict)
    kent_targets: Mapping[Period, Figure] = field(default_factory=dict)
    stated: Mapping[Period, StatedRange] = field(default_factory=dict)
    # districts whose figure at a period is given but is no value: name -> "suppressed", …
    district_missing: Mapping[Period, Mapping[str, str]] = field(default_factory=dict)
    min_districts: int = DEFAULT_MIN_DISTRICTS
    all_districts: tuple[str, ...] = ()  # the 12, so a district with no figure at all is shown too
    # counts, denominators and stated limits beside values: the locality's own, by period; and
    # every place's (the districts, for Kent worked out from them), by period and place
    own_counts: Mapping[Period, Counts] = field(default_factory=dict)
    counts: Mapping[Period, Mapping[str, Counts]] = field(default_factory=dict)
    england: Mapping[Period, float] = field(default_factory=dict)  # the comparator's values
    # every comparator's values (England, South East), by name then period: shown, never ranked
    comparators: Mapping[str, Mapping[Period, float]] = field(default_factory=dict)
    at_998: bool = False  # views show vs Kent at 99.8 % rather than 95 %
    local_targets: Mapping[Period, Figure] = field(default_factory=dict)  # the locality's own
    follows_local: bool = False  # the status follows the local target where there is one


@dataclass(frozen=True)
class Placement:
    """Where an indicator is compared: the period, whether it can be ranked there, and how many
    districts reported; a newer figure of the locality's own, shown beside it."""

    period: Period | None
    comparable: bool
    districts_reported: int
    own_newer: Period | None = None
    own_newer_reported: int = 0  # districts with a value at that newer period so far


@dataclass(frozen=True)
class FareRow:
    """One indicator's row of the fare table: the locality's value, Kent's, the target, rank and status."""

    code: str
    title: str
    theme: str | None
    unit: str | None
    priority: Priority | None
    period: Period | None
    value: float | None
    value_text: str | None
    kent_target: float | None
    kent_target_text: str | None
    target_period: Period | None
    kent_value: float | None
    kent_best: float | None
    kent_worst: float | None
    range_source: str | None  # "districts" (worked out) or "stated" (a partner's figure)
    rank: int | None
    of: int | None
    polarity: Polarity | None
    vs_target: Status | None
    vs_kent: Status | None  # the locality against the Kent figure, by polarity
    rag: Rag | None
    direction: Direction | None
    previous_period: Period | None
    previous_value: float | None
    tolerance: float
    comparable: bool = False
    districts_reported: int = 0
    own_newer: Figure | None = None
    own_newer_period: Period | None = None
    own_newer_reported: int = 0
    rankable: bool = False  # enough districts reported at period to rank them
    missing: str | None = None  # why value is None: "suppressed", "not available" or "error"
    statistics: RowStatistics = NO_STATISTICS  # intervals, significance, trend, quartile
    local_target: float | None = None  # the locality's own target for the period (or the next)
    target_followed: str = "kent"  # the target vs_target and rag compare with: "kent" or "local"
    profiled_target: float | None = None  # a quarter's share of the year's target, when profiled
    forecast: Forecast | None = None  # the year-end forecast from the quarters so far
    lead: str | None = None  # who leads it: "J Smith (Kent Police) · SSCG"
    comparators: tuple[tuple[str, float], ...] = ()  # (England, 68.1), … at the period, beside Kent

    def to_json(self) -> dict[str, object]:
        """The row as the CLI contract spells it."""
        return {
            "code": self.code,
            "title": self.title,
            "theme": self.theme,
            "priority": self.priority.value if self.priority else None,
            "period": self.period.label if self.period else None,
            "value": json_number(self.value),
            "kent_target": json_number(self.kent_target),
            "kent_value": json_number(self.kent_value),
            "kent_best": json_number(self.kent_best),
            "kent_worst": json_number(self.kent_worst),
            "rank": self.rank,
            "of": self.of,
            "polarity": self.polarity.contract if self.polarity else None,
            "vs_target": self.vs_target.value if self.vs_target else None,
            "rag": self.rag.value if self.rag else None,
            "direction": self.direction.value if self.direction else None,
            "comparable": self.comparable,
            "districts_reported": self.districts_reported,
            "own_newer": ({"period": self.own_newer_period.label,
                           "value": json_number(self.own_newer.value)}
                          if self.own_newer and self.own_newer_period else None),
            "missing": self.missing,
            **self.statistics.to_json(),
            "local_target": json_number(self.local_target),
            "forecast": self.forecast.to_json() if self.forecast else None,
        }


def effective_polarity(facts: IndicatorFacts, period: Period | None) -> Polarity | None:
    """The catalogue's polarity, else the one a stated best and worst imply (that period's first)."""
    if facts.indicator.polarity is not None:
        return facts.indicator.polarity
    ordered = sorted(facts.stated, reverse=True)
    if period is not None and period in facts.stated:
        ordered.insert(0, period)
    for candidate in ordered:
        stated = facts.stated[candidate]
        polarity = compare.infer_polarity(
            stated.best.value if stated.best else None,
            stated.worst.value if stated.worst else None,
        )
        if polarity is not None:
            return polarity
    return None


def latest_period(values: Mapping[Period, Figure]) -> Period | None:
    """The newest period that has a value (text such as "N/a" is not a value)."""
    with_values = [p for p, f in values.items() if f.value is not None]
    return max(with_values, default=None, key=lambda p: p.sort_key)


def has_stated_range(facts: IndicatorFacts, period: Period) -> bool:
    stated = facts.stated.get(period)
    return bool(stated and ((stated.best and stated.best.value is not None)
                            or (stated.worst and stated.worst.value is not None)))


def is_comparable(facts: IndicatorFacts, period: Period) -> bool:
    """Enough districts have a value at period, or a partner stated Kent's best and worst for it."""
    return (len(facts.districts.get(period, {})) >= facts.min_districts
            or has_stated_range(facts, period))


def placement(facts: IndicatorFacts, choice: Period | None = None, exact: bool = False) -> Placement:
    """Where the indicator is compared for choice: None (each indicator's newest comparable period),
    a financial year (its reporting year, unless exact) or any other period (exactly that one)."""
    if choice is None:
        chosen = max((p for p in set(facts.districts) | set(facts.stated) if is_comparable(facts, p)),
                     default=None)
        own = latest_period(facts.values)
        if chosen is None:
            chosen = own
        newer = own if own is not None and chosen is not None and own > chosen else None
    elif is_reporting_year(choice) and not exact:
        chosen, newer = _in_year(facts, choice)
    else:
        chosen, newer = choice, None
    if chosen is None:
        return Placement(None, False, 0)
    return Placement(chosen, is_comparable(facts, chosen), len(facts.districts.get(chosen, {})), newer,
                     len(facts.districts.get(newer, {})) if newer else 0)


def _in_year(facts: IndicatorFacts, year: Period) -> tuple[Period, Period | None]:
    """The period of the reporting year to compare at: a whole year where there is one, else the
    latest quarter or month; comparable first, then the locality's own, then any figure."""
    known = set(facts.values) | set(facts.districts) | set(facts.stated) | set(facts.kent_values)
    periods = in_reporting_year(known, year)
    annual = [p for p in periods if p.kind in ANNUAL]
    periods = annual or periods
    own = [p for p in periods if p in facts.values and facts.values[p].value is not None]
    chosen = next((p for p in periods if is_comparable(facts, p)), None) or next(iter(own), None)
    if chosen is None:
        return next(iter(periods), year), None
    newer = own[0] if own and own[0] > chosen else None
    return chosen, newer


def kent_range(
    facts: IndicatorFacts, period: Period, polarity: Polarity | None
) -> tuple[float | None, float | None, str | None]:
    """Kent best and worst: worked out from all 12 districts, else as stated, else from those
    present when at least the minimum reported; None when no comparison can be made."""
    districts = facts.districts.get(period, {})
    computed = compare.best_and_worst(districts, polarity)
    if computed and len(districts) >= DISTRICT_COUNT:
        return computed[0], computed[1], "districts"
    if has_stated_range(facts, period):
        stated = facts.stated[period]
        return (
            stated.best.value if stated.best else None,
            stated.worst.value if stated.worst else None,
            "stated",
        )
    if computed and len(districts) >= facts.min_districts:
        return computed[0], computed[1], "districts"
    return None, None, None


def assess(facts: IndicatorFacts, period: Period | None = None, exact: bool = False) -> FareRow:
    """The fare row of one indicator for a period choice (see `placement`); exact: at period itself."""
    indicator = facts.indicator
    place = placement(facts, period, exact)
    chosen = place.period
    rankable = place.districts_reported >= facts.min_districts
    polarity = effective_polarity(facts, chosen)
    tolerance = (
        indicator.tolerance if indicator.tolerance is not None else compare.DEFAULT_TOLERANCE
    )
    own = facts.values.get(chosen) if chosen else None
    value = own.value if own else None

    target_period, target = None, None
    anchor = chosen or max(facts.kent_targets, default=None)
    if anchor is not None:
        found = compare.applicable_target(anchor, facts.kent_targets)
        if found:
            target_period, target = found

    best = worst = source = None
    rank = of = None
    previous = previous_value = None
    kent_value = kent_source = None
    if chosen is not None:
        best, worst, source = kent_range(facts, chosen, polarity)
        districts = facts.districts.get(chosen, {})
        if value is not None and compare.directional(polarity) and rankable:
            of = len(districts)
            rank = compare.rank(value, districts, polarity)
        previous = compare.previous_period(
            chosen, {p: f for p, f in facts.values.items() if f.value is not None}
        )
        previous_value = facts.values[previous].value if previous else None
        kent_value, kent_source = kent_figure(indicator, facts.kent_values.get(chosen), facts.counts,
                                              chosen, facts.all_districts)

    target_value = target.value if target else None
    local = compare.applicable_target(anchor, facts.local_targets) if anchor is not None else None
    local_value = local[1].value if local else None
    followed = "local" if facts.follows_local and local_value is not None else "kent"
    compared = local_value if followed == "local" else target_value
    statistics = NO_STATISTICS
    if chosen is not None:
        statistics = row_statistics(indicator, chosen, value, facts.own_counts, facts.values,
                                    (kent_value, kent_source), facts.england.get(chosen), polarity,
                                    rank, of, compared, facts.at_998)
    return FareRow(
        code=indicator.code,
        title=indicator.title,
        theme=indicator.theme,
        unit=indicator.unit,
        priority=facts.priority,
        period=chosen,
        value=value,
        value_text=own.text if own else None,
        kent_target=target_value,
        kent_target_text=target.text if target else None,
        target_period=target_period,
        kent_value=kent_value,
        kent_best=best,
        kent_worst=worst,
        range_source=source,
        rank=rank,
        of=of,
        polarity=polarity,
        vs_target=compare.vs_target(value, compared, polarity),
        vs_kent=compare.vs_target(value, kent_value, polarity),
        rag=compare.rag(value, compared, polarity, tolerance),
        direction=compare.direction(value, previous_value, polarity),
        previous_period=previous,
        previous_value=previous_value,
        tolerance=tolerance,
        comparable=place.comparable,
        districts_reported=place.districts_reported,
        own_newer=facts.values[place.own_newer] if place.own_newer else None,
        own_newer_period=place.own_newer,
        own_newer_reported=place.own_newer_reported,
        rankable=rankable,
        missing=None if value is not None else ((own.missing if own else None) or NOT_AVAILABLE),
        statistics=statistics,
        local_target=local_value,
        target_followed=followed,
        comparators=tuple((name, found[chosen]) for name, found in facts.comparators.items()
                          if chosen is not None and chosen in found),
    )


def fare_sort_key(row: FareRow, theme_order: Mapping[str, int]) -> tuple[object, ...]:
    """High, Medium, Low, then unranked; within a band by theme (KA2 order), then by code."""
    return (
        row.priority.order if row.priority else 3,
        theme_order.get(row.theme or "", len(theme_order) + 1),
        code_sort_key(row.code),
    )


def count_bands(priorities: Iterable[Priority]) -> dict[Priority, int]:
    """How many indicators are ranked in each band. An indicator counts once as it is ranked: NI 120
    is one Medium priority, however many of its sub-indicators (NI 120f, NI 120m) have rows."""
    counts = dict.fromkeys(Priority, 0)
    for priority in priorities:
        counts[priority] += 1
    return counts


def indicator_count(rows: Iterable[FareRow]) -> int:
    """Indicators among fare rows, counted as they are ranked: NI 120f and NI 120m are one, NI 120."""
    return len({parent_code(row.code) or row.code for row in rows})


def status_counts(rows: list[FareRow]) -> dict[Priority | None, dict[Rag | None, int]]:
    """How many rows of each priority band are red, amber, green or without a status."""
    counts: dict[Priority | None, dict[Rag | None, int]] = {}
    for row in rows:
        band = counts.setdefault(row.priority, {})
        band[row.rag] = band.get(row.rag, 0) + 1
    return counts
