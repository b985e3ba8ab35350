"""The funnel plot: each district's value against its denominator, Kent's value as the centre line,
and the 95 % and 99.8 % control limits around it, so that only a district outside the limits reads as
different from Kent (Spiegelhalter DJ (2005) Funnel plots for comparing institutional performance,
Stat Med 24:1185-1202; PHE technical guide, "Funnel plots").

A proportion's limits are the exact binomial ones, binom.ppf(q, n, p) / n; a rate's the exact Poisson
ones, poisson.ppf(q, expected) / n × multiplier; each interpolated between the discrete steps as
Spiegelhalter's appendix and the PHE funnel plot tool do. The distributions are summed here, count
by count, with numpy (CountTable): loading scipy.special would cost a `vfk chart` a fifth of a second.
Only counts too large to sum quickly (an expected count in the millions) take scipy.special's
functions; the tests check both ways against scipy.stats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.fare import IndicatorFacts, assess
from vfk_desktop.domain.fare_statistics import kind_of
from vfk_desktop.domain.model import Polarity, format_number
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.statistics import NO_COUNTS, ValueType

LEVELS = (0.95, 0.998)
CURVE_POINTS = 80


class NoFunnel(VfkError):
    """An indicator that cannot have a funnel plot, with the reason in a sentence."""


@dataclass(frozen=True)
class FunnelPoint:
    """One district on the funnel plot: its value and denominator, and whether it lies outside the limits."""

    district: str
    value: float
    denominator: float
    highlighted: bool
    outside: int = 0  # 0 inside the 95 % limits; ±1 beyond 95 %, ±2 beyond 99.8 % (sign: above/below)
    judgement: str = "within the limits"  # "better", "worse", "higher", "lower" outside them


@dataclass(frozen=True)
class FunnelData:
    """The funnel plot of one indicator at a period: the districts, Kent's centre line, the limits."""

    code: str
    title: str
    unit: str | None
    period: Period
    polarity: Polarity | None
    locality: str
    value_type: ValueType
    multiplier: float
    centre: float  # Kent's value
    points: tuple[FunnelPoint, ...]  # by denominator, smallest first
    denominators: tuple[float, ...]  # where the limits are worked out, for the curves
    limits: dict[float, tuple[tuple[float, ...], tuple[float, ...]]]  # level -> (lows, highs)
    left_out: tuple[str, ...] = ()  # districts with a value but no denominator

    def outside(self) -> list[FunnelPoint]:
        return [p for p in self.points if p.outside]

    def table(self) -> list[list[object]]:
        rows: list[list[object]] = [["District", "Value", "Denominator", "95 % limits", "Judgement"]]
        for p in self.points:
            where = {0: "inside", 1: "above", -1: "below", 2: "above 99.8 %", -2: "below 99.8 %"}[p.outside]
            rows.append([p.district, p.value, p.denominator, where, p.judgement])
        return rows

    def alt_text(self) -> str:
        """ "Tunbridge Wells 24 %, similar to Kent 24.5 % (inside the 95 % limits); outside the
        95 % limits: Dover (better), Thanet (worse, beyond 99.8 %)." """
        unit = " %" if self.value_type is ValueType.PROPORTION else ""
        kent = f"Kent {format_number(round(self.centre, 1))}{unit}"
        own = next((p for p in self.points if p.highlighted), None)
        if own is None:
            head = f"{self.locality} has no value with a denominator in {self.period.label}; {kent}"
        elif not own.outside:
            head = (f"{self.locality} {format_number(round(own.value, 1))}{unit}, similar to {kent} "
                    "(inside the 95 % limits)")
        else:
            level = "99.8" if abs(own.outside) == 2 else "95"
            head = (f"{self.locality} {format_number(round(own.value, 1))}{unit}, {own.judgement} than "
                    f"{kent} (outside the {level} % limits)")
        others = [f"{p.district} ({p.judgement}{', beyond 99.8 %' if abs(p.outside) == 2 else ''})"
                  for p in self.outside() if not p.highlighted]
        if others:
            return f"{head}; also outside the 95 % limits: {', '.join(others)}."
        return f"{head}; no other district outside the 95 % limits."


def funnel_limits(centre: float, denominator: float, level: float, value_type: ValueType,
                  multiplier: float) -> tuple[float, float]:
    """The control limits at level around centre (in the indicator's units) for a denominator."""
    low, high = _limits(centre, [denominator], (level,), value_type, multiplier)[level]
    return low[0], high[0]


def _limits(centre: float, denominators: Sequence[float], levels: Sequence[float], value_type: ValueType,
            multiplier: float) -> dict[float, tuple[list[float], list[float]]]:
    """Each level's (lows, highs) at the denominators; each denominator's distribution made once."""
    import numpy as np

    quantiles = [q for level in levels for q in ((1 - level) / 2, (1 + level) / 2)]
    sizes = np.asarray(denominators, dtype=float)
    if value_type is ValueType.PROPORTION:
        sizes = np.maximum(np.round(sizes), 1)
        p = min(max(centre / multiplier, 1e-12), 1 - 1e-12)
        tables = [CountTable.binomial(int(n), p) for n in sizes]
        fallback: Binomial | Poisson = Binomial(sizes, p)
    else:
        expected = np.maximum(centre / multiplier * sizes, 1e-12)
        tables = [CountTable.poisson(float(mean)) for mean in expected]
        fallback = Poisson(expected)
    if all(table is not None for table in tables):
        counts = np.array([[table.interpolated(q) for table in tables if table] for q in quantiles])
    else:  # a count in the millions: scipy's functions, rather than millions of terms summed
        counts = np.array([_interpolated(fallback, q) for q in quantiles])
    scaled = counts / sizes * multiplier
    return {level: ([float(v) for v in scaled[2 * index]], [float(v) for v in scaled[2 * index + 1]])
            for index, level in enumerate(levels)}


MOST_TERMS = 50_000  # a distribution wider than this (a mean above 6 million) is left to scipy.special
REACH = 10  # standard deviations summed either side of the mean, and 10 counts more: the rest weighs
# less than 1e-20, far below the 1e-12 that could move a limit


class CountTable:
    """The probability of each count from first onwards, summed into the distribution function: every
    count with any weight, so the quantiles and steps are exact to rounding."""

    def __init__(self, first: int, log_steps: Any) -> None:
        """log_steps: log P(k + 1) - log P(k) for each count k from first to the last but one."""
        import numpy as np

        logs = np.cumsum(log_steps)
        weights = np.exp(np.concatenate(([0.0], logs)) - logs.max(initial=0.0))
        cdf = np.cumsum(weights)
        self.first = first
        self.cdf = cdf / cdf[-1]

    @classmethod
    def binomial(cls, n: int, p: float) -> CountTable | None:
        import numpy as np

        first, last = _window(n * p, (n * p * (1 - p)) ** 0.5, n)
        if last - first > MOST_TERMS:
            return None
        k = np.arange(first, last, dtype=float)
        return cls(first, np.log((n - k) / (k + 1) * (p / (1 - p))))

    @classmethod
    def poisson(cls, mean: float) -> CountTable | None:
        import numpy as np

        first, last = _window(mean, mean ** 0.5, None)
        if last - first > MOST_TERMS:
            return None
        return cls(first, np.log(mean / np.arange(first + 1, last + 1, dtype=float)))

    def at(self, count: int) -> float:
        """P(X <= count)."""
        index = count - self.first
        return 0.0 if index < 0 else float(self.cdf[min(index, len(self.cdf) - 1)])

    def quantile(self, q: float) -> int:
        """The smallest count r with P(X <= r) >= q (scipy's ppf)."""
        return self.first + min(int(self.cdf.searchsorted(q)), len(self.cdf) - 1)

    def interpolated(self, q: float) -> float:
        """The count at quantile q between the discrete steps, as _interpolated works it out."""
        r = self.quantile(q)
        at = self.at(r)
        below = self.at(r - 1) if r >= 1 else 0.0
        step = at - below if at > below else 1.0
        return max(r - (at - q) / step, 0.0)


def _window(mean: float, spread: float, most: int | None) -> tuple[int, int]:
    """The first and last count worth summing."""
    import math

    first = max(0, math.floor(mean - REACH * spread - 10))
    last = math.ceil(mean + REACH * spread + 10)
    return first, last if most is None else min(last, most)


class Binomial:
    """The binomial distribution of n trials at p, from scipy.special (the functions scipy.stats.binom
    is built on, without the second scipy.stats takes to load): for counts too many to sum."""

    def __init__(self, n: Any, p: float) -> None:
        import numpy as np

        self.n, self.p = np.asarray(n).astype(np.int64), p  # whole trials: scipy refuses fractions

    def cdf(self, k: Any) -> Any:
        import numpy as np
        from scipy.special import bdtr  # type: ignore[import-untyped]

        return bdtr(np.asarray(k).astype(np.int64), self.n, self.p)

    def inverse(self, q: float) -> Any:
        from scipy.special import bdtrik

        return bdtrik(q, self.n, self.p)


class Poisson:
    """The Poisson distribution with the given mean, from scipy.special."""

    def __init__(self, mean: Any) -> None:
        self.mean = mean

    def cdf(self, k: Any) -> Any:
        from scipy.special import pdtr

        return pdtr(k, self.mean)

    def inverse(self, q: float) -> Any:
        from scipy.special import pdtrik

        return pdtrik(q, self.mean)


def ppf(distribution: Binomial | Poisson, q: float) -> Any:
    """The smallest count r with P(X <= r) >= q: the continuous inverse rounded up, then one lower
    where that one already reaches q."""
    import numpy as np

    r = np.ceil(np.nan_to_num(distribution.inverse(q)))
    lower = np.maximum(r - 1, 0)
    return np.where((r > 0) & (distribution.cdf(lower) >= q), lower, r)


def _interpolated(distribution: Binomial | Poisson, q: float) -> Any:
    """The count at quantile q, interpolated between the discrete steps so the limits are smooth
    curves (Spiegelhalter 2005, appendix A.1.1): r - (F(r) - q) / (F(r) - F(r - 1))."""
    import numpy as np

    r = ppf(distribution, q)
    at = distribution.cdf(r)
    below = np.where(r >= 1, distribution.cdf(np.maximum(r - 1, 0)), 0.0)
    step = np.where(at > below, at - below, 1.0)
    return np.maximum(r - (at - q) / step, 0.0)


def funnel_chart(facts: IndicatorFacts, period: Period | None = None) -> FunnelData:
    """The funnel at the period the fare row compares; NoFunnel says why there is none."""
    row = assess(facts, period)
    code = row.code
    chosen = row.period
    if chosen is None:
        raise NoFunnel(f"No district has a value for {code}; there is no funnel plot to draw.")
    value_type, multiplier = kind_of(facts.indicator, NO_COUNTS)
    if value_type not in (ValueType.PROPORTION, ValueType.RATE) or not multiplier:
        kind = value_type.value if value_type else ""
        raise NoFunnel(f"{code} is {_kind_words(kind)}, not a proportion or a rate, so it has no "
                       "denominators for a funnel plot.")
    values = facts.districts.get(chosen, {})
    counts = facts.counts.get(chosen, {})
    found, left_out = [], []
    for name, value in sorted(values.items()):
        denominator = counts.get(name, NO_COUNTS).denominator
        if denominator is None or denominator <= 0:
            left_out.append(name)
        else:
            found.append((name, value, denominator))
    if len(found) < 3:
        raise NoFunnel(f"{code} has denominators for {len(found)} of the districts in {chosen.label}; "
                       "a funnel plot needs them for at least 3 (import the Denominator column).")
    centre = row.kent_value
    if centre is None:
        raise NoFunnel(f"{code} has no Kent figure for {chosen.label} to centre a funnel plot on.")
    smallest, largest = min(d for _, _, d in found), max(d for _, _, d in found)
    grid = _grid(smallest * 0.3, largest * 1.15)
    limits = {level: (tuple(lows), tuple(highs))
              for level, (lows, highs) in _limits(centre, grid, LEVELS, value_type, multiplier).items()}
    found.sort(key=lambda item: (item[2], item[0]))
    at_points = _limits(centre, [d for _, _, d in found], LEVELS, value_type, multiplier)
    points = []
    for index, (name, value, denominator) in enumerate(found):
        outside = 0
        for rank, level in enumerate(LEVELS, start=1):
            lows, highs = at_points[level]
            if value < lows[index]:
                outside = -rank
            elif value > highs[index]:
                outside = rank
        points.append(FunnelPoint(name, value, denominator, name == facts.locality, outside,
                                  _judgement(outside, row.polarity)))
    return FunnelData(code, row.title, row.unit, chosen, row.polarity, facts.locality, value_type,
                      float(multiplier), centre, tuple(points), tuple(grid),
                      limits, tuple(left_out))


def _kind_words(kind: str) -> str:
    return {"count": "a count", "ratio": "a ratio", "mean": "a mean"}.get(
        kind, "a figure of another kind" if kind else "a figure whose kind is not recorded")


def _grid(low: float, high: float) -> list[float]:
    """Denominators spaced evenly on a log scale: the curves bend most at small denominators."""
    low = max(low, 1.0)
    step = (high / low) ** (1 / (CURVE_POINTS - 1))
    return [low * step ** i for i in range(CURVE_POINTS)]


def _judgement(outside: int, polarity: Polarity | None) -> str:
    if outside == 0:
        return "within the limits"
    above = outside > 0
    if polarity is Polarity.HIGHER or polarity is Polarity.LOWER:
        return "better" if above == (polarity is Polarity.HIGHER) else "worse"
    return "higher" if above else "lower"
