"""The tested recent trend: is the district's figure really moving, over its last five points?

The five most recent comparable points (periods of the same kind, the newest the one compared) are
fitted with a straight line by weighted least squares, each point weighted by the inverse of its
variance, read from its 95 % interval (standard error = width / (2 × 1.96)). The slope is tested
at 99.8 % (|slope / its standard error| > 3.0902), as Fingertips marks a recent trend only when it
is significant at that level. The words are Fingertips' trend-marker labels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from vfk_desktop.domain.model import Polarity
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.statistics import Z95, Z998, Interval

POINTS = 5
INCREASING_BETTER = "Increasing and getting better"
INCREASING_WORSE = "Increasing and getting worse"
DECREASING_BETTER = "Decreasing and getting better"
DECREASING_WORSE = "Decreasing and getting worse"
INCREASING = "Increasing"  # an indicator without polarity
DECREASING = "Decreasing"
NO_CHANGE = "No significant change"
NOT_CALCULATED = "Could not be calculated"


@dataclass(frozen=True, slots=True)
class Trend:
    """A series' tested recent trend: its Fingertips label, or why it could not be calculated."""

    label: str
    points: int  # how many points were tested (or found, when too few)
    reason: str | None = None  # why it could not be calculated
    slope: float | None = None  # change per period
    z: float | None = None  # slope / its standard error

    @property
    def shown(self) -> str:
        return f"{self.label} ({self.reason})" if self.reason else self.label

    def to_json(self) -> dict[str, object]:
        return {"label": self.label, "points": self.points}


def recent_points(values: Mapping[Period, float], intervals: Mapping[Period, Interval | None],
                  at: Period) -> list[tuple[Period, float, Interval | None]]:
    """The newest POINTS periods of at's kind, up to at, that have a value; oldest first."""
    same = sorted((p for p in values if p.kind == at.kind and p <= at), reverse=True)[:POINTS]
    return [(p, values[p], intervals.get(p)) for p in reversed(same)]


def recent_trend(points: Sequence[tuple[Period, float, Interval | None]],
                 polarity: Polarity | None) -> Trend:
    """The trend of the points (oldest first), tested at 99.8 %."""
    if len(points) < POINTS:
        return Trend(NOT_CALCULATED, len(points), f"fewer than {POINTS} points")
    errors = [(s.high - s.low) / (2 * Z95) for _, _, s in points if s is not None]
    if len(errors) < len(points):
        return Trend(NOT_CALCULATED, len(points), "no intervals")
    if any(e <= 0 for e in errors):
        return Trend(NOT_CALCULATED, len(points), "an interval of no width")
    weights = [1 / (e * e) for e in errors]
    xs = [float(x) for x in range(len(points))]
    ys = [value for _, value, _ in points]
    total = sum(weights)
    mean_x = sum(w * x for w, x in zip(weights, xs, strict=True)) / total
    mean_y = sum(w * y for w, y in zip(weights, ys, strict=True)) / total
    spread = sum(w * (x - mean_x) ** 2 for w, x in zip(weights, xs, strict=True))
    slope = sum(w * (x - mean_x) * (y - mean_y) for w, x, y in zip(weights, xs, ys, strict=True)) / spread
    z = slope * math.sqrt(spread)  # the slope's standard error is 1 / sqrt(spread)
    return Trend(_label(slope, z, polarity), len(points), None, slope, z)


def _label(slope: float, z: float, polarity: Polarity | None) -> str:
    if abs(z) <= Z998:
        return NO_CHANGE
    rising = slope > 0
    if polarity is Polarity.HIGHER or polarity is Polarity.LOWER:
        better = rising == (polarity is Polarity.HIGHER)
        if rising:
            return INCREASING_BETTER if better else INCREASING_WORSE
        return DECREASING_BETTER if better else DECREASING_WORSE
    return INCREASING if rising else DECREASING
