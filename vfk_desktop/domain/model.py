"""The values that cross layers: enumerations of the domain's words and small frozen records."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class Polarity(Enum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better
    NEITHER = "neither"  # no direction is better

    @property
    def contract(self) -> str | None:
        """The JSON word: "higher", "lower" or null."""
        return None if self is Polarity.NEITHER else self.value

    @classmethod
    def parse(cls, text: object) -> Polarity | None:
        word = str(text or "").strip().lower()
        aliases = {
            "higher": cls.HIGHER, "high": cls.HIGHER, "higher is better": cls.HIGHER,
            "up": cls.HIGHER, "h": cls.HIGHER,
            "lower": cls.LOWER, "low": cls.LOWER, "lower is better": cls.LOWER,
            "down": cls.LOWER, "l": cls.LOWER,
            "neither": cls.NEITHER, "none": cls.NEITHER, "n/a": cls.NEITHER,
        }
        return aliases.get(word)


class Status(Enum):
    BETTER = "better"
    MET = "met"
    WORSE = "worse"


class Rag(Enum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def label(self) -> str:
        return self.value.title()


class Direction(Enum):
    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"


class Priority(Enum):
    HIGH = "High"
    MEDIUM = "Medium"
    LOW = "Low"

    @property
    def letter(self) -> str:
        return self.value[0]

    @property
    def order(self) -> int:
        return {"High": 0, "Medium": 1, "Low": 2}[self.value]

    @classmethod
    def parse(cls, text: object) -> Priority | None:
        """High, Medium or Low from "H", "high", "HIGH PRIORITY", "Med", "low priority"; else None."""
        word = " ".join(str(text or "").lower().replace("priority", "").split())
        return {
            "h": cls.HIGH, "high": cls.HIGH, "hi": cls.HIGH,
            "m": cls.MEDIUM, "med": cls.MEDIUM, "medium": cls.MEDIUM,
            "l": cls.LOW, "lo": cls.LOW, "low": cls.LOW,
        }.get(word)


@dataclass(frozen=True)
class Indicator:
    """An indicator as the catalogue holds it: what it measures and how its figures are read and judged."""

    code: str
    title: str
    theme: str | None = None
    unit: str | None = None
    polarity: Polarity | None = None  # None: the catalogue does not say
    tolerance: float | None = None  # fraction of the target for amber; None = the default
    value_type: str | None = None  # "proportion", "rate", "count", … (domain.statistics.ValueType)
    multiplier: float | None = None  # 100 for a percentage, 100,000 for a rate per 100,000


class Figure(NamedTuple):
    """A number with the text it was given as ("1,212", "102%", "N/a"); value None when there is none.

    A named tuple, not a frozen dataclass: the store makes one per figure it reads (28,000 on a full
    store), and a frozen dataclass takes seven times as long to make (bench/fare_bench.py)."""

    value: float | None
    text: str | None = None
    missing: str | None = None  # why there is no value: "not available", "suppressed" or "error"


def format_number(value: float | None, decimals: int | None = None) -> str:
    """1212.0 -> "1,212"; 70.9 -> "70.9"; None -> ""."""
    if value is None:
        return ""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else min(_decimals_of(value), 3)
    return f"{value:,.{decimals}f}"


def _decimals_of(value: float) -> int:
    text = repr(float(value))
    if "e" in text:
        return 3
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def json_number(value: float | None) -> float | int | None:
    """Integral floats become ints so JSON reads 1212, not 1212.0."""
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value
