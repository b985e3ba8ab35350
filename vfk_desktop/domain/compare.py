"""The comparisons every page, chart, report and `vfk fare` shows: each is decided here, once.

Polarity decides them all: 1,212 alcohol admissions per 100,000 is worse than 1,009 (lower is
better); 77.6 % qualified to Level 2 is better than 58.7 % (higher is better).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import TypeGuard, TypeVar

from vfk_desktop.domain.model import Direction, Polarity, Rag, Status
from vfk_desktop.domain.periods import Period

T = TypeVar("T")
DEFAULT_TOLERANCE = 0.05  # amber: worse than target by at most 5 % of the target


def same(a: float, b: float) -> bool:
    """Equal as figures: float noise from "70.9" typed and 70.9 computed does not count."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def directional(polarity: Polarity | None) -> TypeGuard[Polarity]:
    return polarity in (Polarity.HIGHER, Polarity.LOWER)


def infer_polarity(best: float | None, worst: float | None) -> Polarity | None:
    """Higher or lower is better, read from a stated best and worst; None when they do not tell."""
    if best is None or worst is None or same(best, worst):
        return None
    return Polarity.HIGHER if best > worst else Polarity.LOWER


def is_better(a: float, b: float, polarity: Polarity) -> bool:
    """True when a is strictly better than b."""
    if same(a, b):
        return False
    return (a > b) == (polarity is Polarity.HIGHER)


def vs_target(value: float | None, target: float | None, polarity: Polarity | None) -> Status | None:
    """Better, met or worse than target; None without a value, a target or a direction."""
    if value is None or target is None or not directional(polarity):
        return None
    if same(value, target):
        return Status.MET
    return Status.BETTER if is_better(value, target, polarity) else Status.WORSE


def rag(
    value: float | None,
    target: float | None,
    polarity: Polarity | None,
    tolerance: float | None = None,
) -> Rag | None:
    """Green when met or better; amber when worse by at most tolerance x |target|; red beyond."""
    status = vs_target(value, target, polarity)
    if status is None:
        return None
    if status is not Status.WORSE:
        return Rag.GREEN
    assert value is not None and target is not None  # a status needs both
    allowed = (DEFAULT_TOLERANCE if tolerance is None else tolerance) * abs(target)
    gap = abs(value - target)
    return Rag.AMBER if gap < allowed or same(gap, allowed) else Rag.RED


def direction(
    current: float | None, previous: float | None, polarity: Polarity | None
) -> Direction | None:
    """Improved, worsened or unchanged since the previous period; None without both or a direction."""
    if current is None or previous is None or not directional(polarity):
        return None
    if same(current, previous):
        return Direction.UNCHANGED
    return Direction.IMPROVED if is_better(current, previous, polarity) else Direction.WORSENED


def best_and_worst(
    values: Mapping[str, float], polarity: Polarity | None
) -> tuple[float, float] | None:
    """The best and the worst of the districts' values by polarity."""
    if not values or not directional(polarity):
        return None
    low, high = min(values.values()), max(values.values())
    return (high, low) if polarity is Polarity.HIGHER else (low, high)


def rank(value: float, values: Mapping[str, float], polarity: Polarity) -> int:
    """1 = best; districts that tie share the better rank (1, 2, 2, 4)."""
    margin = 1e-9 * max(1.0, abs(value))  # equal as figures, as in same()
    if polarity is Polarity.HIGHER:
        return 1 + sum(1 for other in values.values() if other > value + margin)
    return 1 + sum(1 for other in values.values() if other < value - margin)


def ranked(values: Mapping[str, float], polarity: Polarity) -> list[tuple[str, float, int]]:
    """(district, value, rank) from best to worst, ties in name order."""
    order = sorted(
        values.items(),
        key=lambda item: (-item[1] if polarity is Polarity.HIGHER else item[1], item[0]),
    )
    return [(name, value, rank(value, values, polarity)) for name, value in order]


def applicable_target(period: Period, targets: Mapping[Period, T]) -> tuple[Period, T] | None:
    """The target for period, else the next later one (2008/09 values meet the 2010/11 target)."""
    if period in targets:
        return period, targets[period]
    later = [candidate for candidate in targets if candidate.sort_key > period.sort_key]
    if not later:
        return None
    chosen = min(later, key=_in_time)
    return chosen, targets[chosen]


def previous_period(period: Period, series: Mapping[Period, T]) -> Period | None:
    """The latest earlier period of the same kind in series (years with years, quarters with quarters)."""
    earlier = [p for p in series if p.kind is period.kind and p.sort_key < period.sort_key]
    return max(earlier, default=None, key=_in_time)


def _in_time(period: Period) -> tuple[dt.date, dt.date]:
    return period.sort_key  # a tuple of dates: compared without calling back into Python
