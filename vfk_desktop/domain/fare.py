""""How does <locality> fare in Kent?": one row per indicator, every figure worked out here.

The store gathers the facts of one indicator (IndicatorFacts); `assess` turns them into a FareRow,
which the table, the charts, the reports and `vfk fare --json` all show unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from vfk_desktop.domain import compare
from vfk_desktop.domain.codes import code_sort_key
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


@dataclass(frozen=True)
class StatedRange:
    """Kent best and worst as a partner's sheet states them (used when the store lacks the districts)."""

    best: Figure | None = None
    worst: Figure | None = None


@dataclass(frozen=True)
class IndicatorFacts:
    indicator: Indicator
    locality: str
    priority: Priority | None = None
    values: Mapping[Period, Figure] = field(default_factory=dict)  # the locality's own series
    districts: Mapping[Period, Mapping[str, float]] = field(default_factory=dict)  # all 12
    kent_values: Mapping[Period, Figure] = field(default_factory=dict)
    kent_targets: Mapping[Period, Figure] = field(default_factory=dict)
    stated: Mapping[Period, StatedRange] = field(default_factory=dict)


@dataclass(frozen=True)
class FareRow:
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
        }


def effective_polarity(facts: IndicatorFacts, period: Period | None) -> Polarity | None:
    """The catalogue's polarity, else the one a stated best and worst imply (that period's first)."""
    if facts.indicator.polarity is not None:
        return facts.indicator.polarity
    ordered = sorted(facts.stated, reverse=True)
    if period in facts.stated:
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


def kent_range(
    facts: IndicatorFacts, period: Period, polarity: Polarity | None
) -> tuple[float | None, float | None, str | None]:
    """Kent best and worst: worked out from all 12 districts, else as stated, else from those present."""
    districts = facts.districts.get(period, {})
    computed = compare.best_and_worst(districts, polarity)
    if computed and len(districts) >= DISTRICT_COUNT:
        return computed[0], computed[1], "districts"
    stated = facts.stated.get(period)
    if stated and (stated.best or stated.worst):
        return (
            stated.best.value if stated.best else None,
            stated.worst.value if stated.worst else None,
            "stated",
        )
    if computed:
        return computed[0], computed[1], "districts"
    return None, None, None


def assess(facts: IndicatorFacts, period: Period | None = None) -> FareRow:
    """The fare row of one indicator at period (default: the locality's latest with a value)."""
    indicator = facts.indicator
    chosen = period if period is not None else latest_period(facts.values)
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
    kent_value = None
    if chosen is not None:
        best, worst, source = kent_range(facts, chosen, polarity)
        districts = facts.districts.get(chosen, {})
        if value is not None and compare.directional(polarity) and districts:
            of = len(districts)
            rank = compare.rank(value, districts, polarity)
        previous = compare.previous_period(
            chosen, {p: f for p, f in facts.values.items() if f.value is not None}
        )
        previous_value = facts.values[previous].value if previous else None
        kent = facts.kent_values.get(chosen)
        kent_value = kent.value if kent else None

    target_value = target.value if target else None
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
        vs_target=compare.vs_target(value, target_value, polarity),
        vs_kent=compare.vs_target(value, kent_value, polarity),
        rag=compare.rag(value, target_value, polarity, tolerance),
        direction=compare.direction(value, previous_value, polarity),
        previous_period=previous,
        previous_value=previous_value,
        tolerance=tolerance,
    )


def fare_sort_key(row: FareRow, theme_order: Mapping[str, int]) -> tuple:
    """High, Medium, Low, then unranked; within a band by theme (KA2 order), then by code."""
    return (
        row.priority.order if row.priority else 3,
        theme_order.get(row.theme or "", len(theme_order) + 1),
        code_sort_key(row.code),
    )


def status_counts(rows: list[FareRow]) -> dict[Priority | None, dict[Rag | None, int]]:
    """How many rows of each priority band are red, amber, green or without a status."""
    counts: dict[Priority | None, dict[Rag | None, int]] = {}
    for row in rows:
        band = counts.setdefault(row.priority, {})
        band[row.rag] = band.get(row.rag, 0) + 1
    return counts
