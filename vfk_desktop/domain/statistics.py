"""Honest comparisons: confidence intervals, significance against a benchmark, quartiles, Kent
worked out from its districts, and whether a target is missed beyond the margin of error.

Methods follow OHID's public health technical guidance (Fingertips, "Confidence intervals":
Proportions; Rates): the Wilson score interval for a proportion; Byar's approximation to the Poisson
limits of a count of 10 or more, the exact (chi-squared) limits below 10, for a rate or a count.
Levels are 95 % (z = 1.96) and 99.8 % (z = 3.0902). Comparison with a benchmark is the single
overlapping interval test Fingertips uses for an area against its county: "similar" when the
benchmark lies inside the area's interval. scipy is loaded only when an exact limit is needed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from vfk_desktop.domain.model import Polarity

Z95 = 1.96
Z998 = 3.0902
BYAR_FROM = 10  # Byar's method from this count; the exact limits below it
_ALPHA = {Z95: 0.05, Z998: 0.002}  # the levels the z values stand for
KENT_DISAGREES = 0.005  # a stated Kent more than 0.5 % from the one worked out is a warning


class ValueType(Enum):
    PROPORTION = "proportion"  # a percentage: count / denominator × 100
    RATE = "rate"  # per 1,000, 10,000 or 100,000: count / denominator × multiplier
    COUNT = "count"
    RATIO = "ratio"
    MEAN = "mean"
    OTHER = "other"

    @classmethod
    def parse(cls, text: object) -> ValueType | None:
        if text is None:
            return None
        return _VALUE_TYPES.get(str(text).strip().lower())


_VALUE_TYPES = {kind.value: kind for kind in ValueType}

# What a unit or a value column's heading says a figure is: "Rate per 100,000 population",
# "Crude rate per 1,000", "%", "Percentage", "Number", "Standardised ratio", "Mean score".
_PER = re.compile(r"\bper\s+(1,?000,?000|100,?000|10,?000|1,?000|100|10)\b")
_UNIT_WORDS = (
    (re.compile(r"%|\bper ?cent(age)?\b|\bproportion\b"), ValueType.PROPORTION, 100.0),
    (re.compile(r"\bratio\b|\bsmr\b"), ValueType.RATIO, None),
    (re.compile(r"\bmean\b|\baverage\b"), ValueType.MEAN, None),
    (re.compile(r"^(count|number|no\.?|total)$|\b(count|number) of\b|^crude count$"),
     ValueType.COUNT, None),
)


@lru_cache(maxsize=256)
def value_type_of(words: object) -> tuple[ValueType, float | None] | None:
    """The value type and multiplier a unit or heading names, or None when it names none:
    "Rate per 1,000" -> (rate, 1000); "%" -> (proportion, 100); "Number" -> (count, None)."""
    if not isinstance(words, str) or not words.strip():
        return None
    text = " ".join(words.lower().split())
    per = _PER.search(text)
    if per is not None and "ratio" not in text:
        return ValueType.RATE, float(per.group(1).replace(",", ""))
    for pattern, kind, multiplier in _UNIT_WORDS:
        if pattern.search(text):
            return kind, multiplier
    return None


class Significance(Enum):
    """An area against a benchmark: by polarity, else only which side it lies on."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    LOWER = "lower"
    HIGHER = "higher"

    @property
    def word(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Interval:
    """A confidence interval: its lower and upper limits."""

    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def to_json(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]


class Counts(NamedTuple):
    """What a file gave beside one value: its count and denominator, and any stated limits.

    A named tuple: a fare table makes one for each figure of the district's series (2,000 on a full
    store), and a frozen dataclass took three times as long to make."""

    count: float | None = None  # type: ignore[assignment]  # hides tuple.count, never called
    denominator: float | None = None
    lower_95: float | None = None
    upper_95: float | None = None
    lower_99_8: float | None = None
    upper_99_8: float | None = None
    value_type: ValueType | None = None  # where the file said what kind of figure this one is
    multiplier: float | None = None

    def stated(self, z: float) -> Interval | None:
        low, high = ((self.lower_95, self.upper_95) if z == Z95 else (self.lower_99_8, self.upper_99_8))
        return Interval(low, high) if low is not None and high is not None and low <= high else None


NO_COUNTS = Counts()


def wilson(count: float, denominator: float, z: float = Z95, multiplier: float = 100.0) -> Interval:
    """Wilson score interval of the proportion count / denominator, times multiplier.

    Reference: Wilson EB (1927) J Am Stat Assoc 22:209-212; PHE technical guide, Proportions."""
    if denominator <= 0 or not 0 <= count <= denominator:
        raise ValueError(f"a proportion needs 0 <= count <= denominator, not {count} of {denominator}")
    p = count / denominator
    spread = z * math.sqrt(z * z + 4 * count * (1 - p))
    scale = multiplier / (2 * (denominator + z * z))
    return Interval((2 * count + z * z - spread) * scale, (2 * count + z * z + spread) * scale)


def byar(count: float, z: float = Z95) -> Interval:
    """Byar's approximation to the Poisson limits of an observed count (Breslow & Day 1987, vol. II
    p. 69; PHE technical guide, Rates); used from 10 events."""
    lower = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3 if count > 0 else 0.0
    above = count + 1
    upper = above * (1 - 1 / (9 * above) + z / (3 * math.sqrt(above))) ** 3
    return Interval(lower, upper)


@lru_cache(maxsize=256)
def exact_poisson(count: int, z: float = Z95) -> Interval:
    """The exact Poisson limits of a small count, from the chi-squared distribution (Ulm 1990):
    lower = χ²(α/2; 2O) / 2, upper = χ²(1 - α/2; 2O + 2) / 2."""
    from scipy.stats import chi2, norm  # type: ignore[import-untyped]  # loaded only when needed

    alpha = _ALPHA.get(z) or 2 * float(norm.sf(z))
    lower = float(chi2.ppf(alpha / 2, 2 * count)) / 2 if count > 0 else 0.0
    return Interval(lower, float(chi2.ppf(1 - alpha / 2, 2 * count + 2)) / 2)


def poisson_limits(count: float, z: float = Z95) -> Interval:
    """The limits of an observed count: Byar's from 10 events, the exact ones below."""
    if count < 0:
        raise ValueError(f"a count cannot be negative ({count})")
    if count >= BYAR_FROM:
        return byar(count, z)
    return exact_poisson(round(count), z)


def rate_interval(count: float, denominator: float, z: float = Z95, multiplier: float = 1.0) -> Interval:
    """The interval of the rate count / denominator × multiplier (the count's limits, scaled)."""
    if denominator <= 0:
        raise ValueError(f"a rate needs a denominator above 0, not {denominator}")
    limits = poisson_limits(count, z)
    return Interval(limits.low / denominator * multiplier, limits.high / denominator * multiplier)


def interval(counts: Counts, value_type: ValueType | None, multiplier: float | None,
             z: float = Z95) -> Interval | None:
    """The value's interval: as stated, else worked out from its count and denominator for a
    proportion or a rate; None where neither can be had."""
    stated = counts.stated(z)
    if stated is not None:
        return stated
    count, denominator = counts.count, counts.denominator
    if count is None or denominator is None or denominator <= 0 or count < 0:
        return None
    if value_type is ValueType.PROPORTION and count <= denominator:
        return wilson(count, denominator, z, multiplier or 100.0)
    if value_type is ValueType.RATE and multiplier:
        return rate_interval(count, denominator, z, multiplier)
    return None


def significance(value: float | None, spread: Interval | None, benchmark: float | None,
                 polarity: Polarity | None) -> Significance | None:
    """The area against a benchmark: similar when the benchmark lies inside the area's interval,
    else better or worse by polarity (lower or higher without one); None without an interval."""
    if value is None or spread is None or benchmark is None:
        return None
    if spread.contains(benchmark):
        return Significance.SIMILAR
    above = spread.low > benchmark
    if polarity is Polarity.HIGHER or polarity is Polarity.LOWER:
        return Significance.BETTER if above == (polarity is Polarity.HIGHER) else Significance.WORSE
    return Significance.HIGHER if above else Significance.LOWER


def quartile(rank: int | None, of: int | None) -> int | None:
    """The quarter of the ranked districts a rank falls in, 1 = the best quarter (3 of 12 each)."""
    if rank is None or not of or not 1 <= rank <= of:
        return None
    return min(4, (rank - 1) * 4 // of + 1)


def kent_from_districts(counts: Mapping[str, Counts], districts: Iterable[str],
                        multiplier: float | None) -> float | None:
    """Kent's value as Σ count / Σ denominator × multiplier, where every district has both."""
    names = tuple(districts)
    if not names or not multiplier:
        return None
    found = [counts.get(name, NO_COUNTS) for name in names]
    denominators = [c.denominator for c in found if c.denominator is not None]
    numbers = [c.count for c in found if c.count is not None]
    if len(denominators) < len(found) or len(numbers) < len(found):
        return None
    total = sum(denominators)
    return sum(numbers) / total * multiplier if total > 0 else None


def kent_disagrees(stated: float, computed: float) -> bool:
    """A stated Kent value more than 0.5 % (of the worked-out one) away from it."""
    if computed == 0:
        return stated != 0
    return abs(stated - computed) / abs(computed) > KENT_DISAGREES


def target_assurance(value: float | None, spread: Interval | None, target: float | None,
                     polarity: Polarity | None) -> str | None:
    """Whether a hit or miss of the target lies beyond the margin of error (the 95 % interval)."""
    if value is None or spread is None or target is None or polarity not in (Polarity.HIGHER,
                                                                              Polarity.LOWER):
        return None
    if value == target:
        return "target met"
    worse = (value < target) == (polarity is Polarity.HIGHER)
    side = "worse than target" if worse else "better than target"
    return f"{side}, {'within' if spread.contains(target) else 'beyond'} the margin of error"
