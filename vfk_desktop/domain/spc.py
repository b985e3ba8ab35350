"""Statistical process control: the XmR (individuals and moving range) chart of one series.

Method: Wheeler's XmR chart as NHS England's "Making Data Count" uses it. The centre line is the
mean of the values; the process limits are mean ± 2.66 × the mean moving range (2.66 = 3 / 1.128, the
d2 constant for ranges of two). Special cause variation is any of:

- a point beyond a process limit;
- a shift: 7 or more points in a row on one side of the mean (a point on the mean breaks the run);
- a trend: 7 or more points in a row each rising, or each falling;
- two of three points in a row beyond two thirds of the way from the mean to a limit, same side.

A special cause is an improvement or a concern by the indicator's polarity (higher is better: a
point high is an improvement); without a polarity it is neither. Target assurance: a target outside
the limits is consistently met or consistently missed; inside them, it will be hit and missed.
Fewer than 12 points give unreliable limits, and the chart says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vfk_desktop.domain.model import Polarity, format_number
from vfk_desktop.domain.periods import Period

LIMIT_FACTOR = 2.66
RUN = 7  # points in a row for a shift or a trend
FEW_POINTS = 12

BEYOND, SHIFT, TREND, TWO_OF_THREE = "beyond a limit", "shift", "trend", "two of three near a limit"
IMPROVEMENT, CONCERN, NEITHER = "improvement", "concern", "neither"
MET, MISSED, HIT_AND_MISS = "consistently met", "consistently missed", "hit and miss"


@dataclass(frozen=True)
class SpcPoint:
    """One point of the XmR chart: its value, moving range and any special-cause rules it is part of."""

    period: Period
    value: float
    moving_range: float | None  # None for the first point
    rules: tuple[str, ...]  # the special-cause rules this point is part of
    side: int  # +1 special cause high (or rising), -1 low (or falling), 0 common cause
    variation: str | None  # IMPROVEMENT, CONCERN, NEITHER (special cause) or None (common cause)


@dataclass(frozen=True)
class SpcData:
    """The XmR chart of one indicator for a locality: the points, mean, process limits and target."""

    code: str
    title: str
    unit: str | None
    locality: str
    polarity: Polarity | None
    points: tuple[SpcPoint, ...]  # in time order
    mean: float
    mean_moving_range: float
    lower: float
    upper: float
    target: float | None
    target_period: Period | None
    assurance: str | None  # MET, MISSED, HIT_AND_MISS; None without a target or a polarity
    warning: str | None  # "Only 8 points: …" below 12

    @property
    def latest_variation(self) -> str:
        """What the newest point says: "special cause improvement", "common cause", …"""
        last = self.points[-1]
        return f"special cause {last.variation}" if last.variation else "common cause"

    def table(self) -> list[list[str]]:
        """The figures behind the chart, a header row first."""
        rows = [["Period", "Value", "Moving range", "Mean", "Lower limit", "Upper limit", "Target",
                 "Special cause", "Variation"]]
        for p in self.points:
            rows.append([p.period.label, format_number(p.value), format_number(p.moving_range),
                         format_number(round(self.mean, 3)), format_number(round(self.lower, 3)),
                         format_number(round(self.upper, 3)), format_number(self.target),
                         "; ".join(p.rules), p.variation or "common cause"])
        return rows

    def alt_text(self) -> str:
        first, last = self.points[0].period.label, self.points[-1].period.label
        parts = [f"{self.locality} {self.code}, {len(self.points)} points from {first} to {last}: "
                 f"mean {format_number(round(self.mean, 2))}, process limits "
                 f"{format_number(round(self.lower, 2))} to {format_number(round(self.upper, 2))}",
                 f"latest {format_number(self.points[-1].value)}, {self.latest_variation}"]
        if self.target is not None:
            parts.append(f"target {format_number(self.target)}"
                         + (f", {self.assurance}" if self.assurance else ""))
        if self.warning:
            parts.append(self.warning)
        return "; ".join(parts).rstrip(".") + "."


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(b - a) for a, b in zip(values, values[1:], strict=False)]


def limits(values: Sequence[float]) -> tuple[float, float, float, float]:
    """(mean, mean moving range, lower limit, upper limit)."""
    mean = sum(values) / len(values)
    ranges = moving_ranges(values)
    mr = sum(ranges) / len(ranges) if ranges else 0.0
    return mean, mr, mean - LIMIT_FACTOR * mr, mean + LIMIT_FACTOR * mr


def special_causes(values: Sequence[float], mean: float, lower: float, upper: float
                   ) -> list[tuple[set[str], int]]:
    """For each point, the rules it is part of and its side (+1 high or rising, -1 low or falling)."""
    found: list[tuple[set[str], int]] = [(set(), 0) for _ in values]

    def mark(index: int, rule: str, side: int) -> None:
        rules, old = found[index]
        rules.add(rule)
        found[index] = (rules, old or side)

    for i, v in enumerate(values):
        if v > upper:
            mark(i, BEYOND, 1)
        elif v < lower:
            mark(i, BEYOND, -1)
    sides = [(v > mean) - (v < mean) for v in values]
    start = 0
    for i in range(1, len(values) + 1):  # runs on one side of the mean
        if i == len(values) or sides[i] != sides[start] or sides[i] == 0:
            if sides[start] != 0 and i - start >= RUN:
                for j in range(start, i):
                    mark(j, SHIFT, sides[start])
            start = i
    steps = [(b > a) - (b < a) for a, b in zip(values, values[1:], strict=False)]
    start = 0
    for i in range(1, len(steps) + 1):  # runs of steps the same way: n steps join n + 1 points
        if i == len(steps) or steps[i] != steps[start] or steps[i] == 0:
            if steps[start] != 0 and i - start + 1 >= RUN:
                for j in range(start, i + 1):
                    mark(j, TREND, steps[start])
            start = i
    high_zone = mean + (upper - mean) * 2 / 3
    low_zone = mean - (mean - lower) * 2 / 3
    for i in range(len(values) - 2):
        window = range(i, i + 3)
        for side, beyond in ((1, [j for j in window if values[j] > high_zone]),
                             (-1, [j for j in window if values[j] < low_zone])):
            if len(beyond) >= 2:
                for j in beyond:
                    mark(j, TWO_OF_THREE, side)
    return found


def judged(side: int, polarity: Polarity | None) -> str | None:
    """Improvement or concern for a special cause on side, by polarity; None for common cause."""
    if side == 0:
        return None
    if polarity is Polarity.HIGHER:
        return IMPROVEMENT if side > 0 else CONCERN
    if polarity is Polarity.LOWER:
        return IMPROVEMENT if side < 0 else CONCERN
    return NEITHER


def assurance(target: float | None, lower: float, upper: float, polarity: Polarity | None) -> str | None:
    """Is the target consistently met, consistently missed, or hit and miss?"""
    if target is None or polarity not in (Polarity.HIGHER, Polarity.LOWER):
        return None
    if lower <= target <= upper:
        return HIT_AND_MISS
    below = target < lower  # every value the process gives is above the target
    return MET if below == (polarity is Polarity.HIGHER) else MISSED


def spc_chart(code: str, title: str, unit: str | None, locality: str, polarity: Polarity | None,
              series: Sequence[tuple[Period, float]], target: float | None = None,
              target_period: Period | None = None) -> SpcData | None:
    """The XmR chart of series (in time order); None with fewer than 2 points (no moving range)."""
    if len(series) < 2:
        return None
    values = [v for _, v in series]
    mean, mr, lower, upper = limits(values)
    causes = special_causes(values, mean, lower, upper)
    ranges: list[float | None] = [None, *moving_ranges(values)]
    points = tuple(SpcPoint(period, value, r, tuple(sorted(rules)), side,
                            judged(side, polarity) if rules else None)
                   for (period, value), r, (rules, side) in zip(series, ranges, causes, strict=True))
    warning = (f"Only {len(values)} points: limits from fewer than {FEW_POINTS} are unreliable."
               if len(values) < FEW_POINTS else None)
    return SpcData(code, title, unit, locality, polarity, points, mean, mr, lower, upper, target,
                   target_period, assurance(target, lower, upper, polarity), warning)


def chosen_series(series: dict[Period, float]) -> list[tuple[Period, float]]:
    """One kind of period from a mixed series: the kind with most points, the finer on a tie
    (quarters over years), in time order."""
    by_kind: dict[object, list[tuple[Period, float]]] = {}
    for period, value in series.items():
        by_kind.setdefault(period.kind, []).append((period, value))
    if not by_kind:
        return []
    best = max(by_kind.values(), key=lambda pts: (len(pts), -(pts[0][0].end - pts[0][0].start).days))
    return sorted(best)
