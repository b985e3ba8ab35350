"""The honest side of a fare row: the value's intervals, whether it differs from Kent and England
beyond chance, its tested recent trend, its quartile, and Kent's value worked out from the districts
where no one stated it. `fare.assess` calls `kent_figure` and `row_statistics`; the methods live in
`domain.statistics` and `domain.trend`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vfk_desktop.domain.model import Figure, Indicator, Polarity
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.statistics import (
    NO_COUNTS,
    Z95,
    Z998,
    Counts,
    Interval,
    Significance,
    ValueType,
    interval,
    kent_from_districts,
    quartile,
    significance,
    target_assurance,
)
from vfk_desktop.domain.trend import Trend, recent_points, recent_trend

STATED = "stated"
COMPUTED = "computed"  # worked out from the 12 districts' counts and denominators


@dataclass(frozen=True)
class RowStatistics:
    """The honest side of a fare row: intervals, significance against Kent and England, trend, quartile."""

    count: float | None = None
    denominator: float | None = None
    ci95: Interval | None = None
    ci998: Interval | None = None
    kent_value_source: str | None = None  # "stated", "computed" or None
    vs_kent: Significance | None = None  # at 95 %
    vs_kent_998: Significance | None = None
    vs_england: Significance | None = None  # at 95 %, where England's figure is stored
    england: float | None = None
    trend: Trend | None = None
    quartile: int | None = None
    target_assurance: str | None = None  # "worse than target, beyond the margin of error", …
    at_998: bool = False  # the level the views show vs Kent at (the JSON gives both)

    @property
    def vs_kent_shown(self) -> Significance | None:
        """vs Kent at the level the views are set to."""
        return self.vs_kent_998 if self.at_998 else self.vs_kent

    def to_json(self) -> dict[str, object]:
        """The contract's keys for these figures."""
        from vfk_desktop.domain.model import json_number

        return {
            "count": json_number(self.count),
            "denominator": json_number(self.denominator),
            "ci95": self.ci95.to_json() if self.ci95 else None,
            "ci998": self.ci998.to_json() if self.ci998 else None,
            "kent_value_source": self.kent_value_source,
            "vs_kent": self.vs_kent.value if self.vs_kent else None,
            "vs_kent_998": self.vs_kent_998.value if self.vs_kent_998 else None,
            "vs_england": self.vs_england.value if self.vs_england else None,
            "trend": self.trend.to_json() if self.trend else None,
            "quartile": self.quartile,
        }


NO_STATISTICS = RowStatistics()


def kind_of(indicator: Indicator, counts: Counts) -> tuple[ValueType | None, float | None]:
    """The value type and multiplier: the figure's own where its file said, else the catalogue's."""
    if counts.value_type is not None:
        return counts.value_type, counts.multiplier
    return ValueType.parse(indicator.value_type), indicator.multiplier


def kent_figure(indicator: Indicator, stated: Figure | None,
                counts: Mapping[Period, Mapping[str, Counts]], period: Period,
                districts: tuple[str, ...]) -> tuple[float | None, str | None]:
    """Kent's value at period and where it comes from: as stated, else worked out from the
    districts when every one of them has a count and a denominator (counts are looked into only
    then: a store reads them when asked)."""
    if stated is not None and stated.value is not None:
        return stated.value, STATED
    value_type, multiplier = kind_of(indicator, NO_COUNTS)
    if value_type not in (ValueType.PROPORTION, ValueType.RATE) or not districts:
        return None, None
    computed = kent_from_districts(counts.get(period, {}), districts, multiplier)
    return (computed, COMPUTED) if computed is not None else (None, None)


def intervals_of(indicator: Indicator, counts: Counts) -> tuple[Interval | None, Interval | None]:
    value_type, multiplier = kind_of(indicator, counts)
    return interval(counts, value_type, multiplier, Z95), interval(counts, value_type, multiplier, Z998)


def _interval95(indicator: Indicator, counts: Counts | None) -> Interval | None:
    if counts is None:
        return None
    value_type, multiplier = kind_of(indicator, counts)
    return interval(counts, value_type, multiplier, Z95)


def row_statistics(indicator: Indicator, period: Period | None, value: float | None,
                   own_counts: Mapping[Period, Counts], own_values: Mapping[Period, Figure],
                   kent: tuple[float | None, str | None], england: float | None,
                   polarity: Polarity | None, rank: int | None, of: int | None,
                   target: float | None, at_998: bool = False) -> RowStatistics:
    """Everything honest about one district's figure at period."""
    if period is None:
        return NO_STATISTICS
    counts = own_counts.get(period, NO_COUNTS)
    ci95, ci998 = intervals_of(indicator, counts) if value is not None else (None, None)
    kent_value, source = kent
    values = {p: f.value for p, f in own_values.items() if f.value is not None}
    trend = None
    if value is not None:
        points = recent_points(values, {}, period)
        points = [(p, v, ci95 if p == period else _interval95(indicator, own_counts.get(p)))
                  for p, v, _ in points]
        trend = recent_trend(points, polarity)
    return RowStatistics(
        count=counts.count if value is not None else None,
        denominator=counts.denominator if value is not None else None,
        ci95=ci95, ci998=ci998, kent_value_source=source,
        vs_kent=significance(value, ci95, kent_value, polarity),
        vs_kent_998=significance(value, ci998, kent_value, polarity),
        vs_england=significance(value, ci95, england, polarity), england=england,
        trend=trend, quartile=quartile(rank, of),
        target_assurance=target_assurance(value, ci95, target, polarity), at_998=at_998,
    )
