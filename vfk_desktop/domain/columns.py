"""What a spreadsheet column holds: its role, and the place or period it is bound to.

Readers find these in a sheet's header; the store keeps the ones an officer confirmed as profiles,
keyed by the header's signature, for later files headed the same.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from vfk_desktop.domain.periods import Period, try_parse_period


class Role(Enum):
    AREA = "locality"
    CODE = "indicator code"
    TITLE = "indicator title"
    PERIOD = "period"
    VALUE = "value"
    KENT_TARGET = "Kent target"
    LOCAL_TARGET = "local target"
    TARGET_PERIOD = "target period"
    KENT_VALUE = "Kent figure"
    BEST = "Kent best"
    WORST = "Kent worst"
    COMMENTARY = "commentary"
    PRIORITY = "priority"
    ROUND = "ranking period"
    UNIT = "unit"
    POLARITY = "polarity"
    THEME = "theme"
    RANK = "rank"
    STATUS = "status"
    DIRECTION = "direction"
    PROVENANCE = "provenance"
    COUNT = "count"  # the numerator of the row's value
    DENOMINATOR = "denominator"
    LOWER_95 = "lower 95% limit"
    UPPER_95 = "upper 95% limit"
    LOWER_99_8 = "lower 99.8% limit"
    UPPER_99_8 = "upper 99.8% limit"


# the figures a row may give beside its value, and the FigureRow field each fills
STATISTIC_ROLES = {Role.COUNT: "count", Role.DENOMINATOR: "denominator", Role.LOWER_95: "lower_95",
                   Role.UPPER_95: "upper_95", Role.LOWER_99_8: "lower_99_8",
                   Role.UPPER_99_8: "upper_99_8"}


@dataclass(frozen=True)
class ColumnSpec:
    """What one spreadsheet column holds: its role, and the place or period it is bound to."""

    index: int
    role: Role
    area: str | None = None  # a column of one place's figures ("Tunbridge Wells", "Kent")
    period: Period | None = None  # a column of one period's figures, or the period of a target
    header: str = ""

    def to_json(self) -> dict[str, object]:
        return {"index": self.index, "role": self.role.name, "area": self.area,
                "period": self.period.label if self.period else None, "header": self.header}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ColumnSpec:
        period = try_parse_period(data.get("period")) if data.get("period") else None
        return cls(int(data["index"]), Role[str(data["role"])], data.get("area"), period,
                   str(data.get("header", "")))


def normalise_header(text: object) -> str:
    words = str(text or "").lower().replace("&", " and ")
    words = re.sub(r"[\s_]+", " ", words)
    words = re.sub(r"[.:;#()\[\]*?'’\"]", " ", words)
    words = words.replace("/", " / ").replace("-", " ")
    words = " ".join(words.split())
    words = words.replace(" / ", "/")
    return words.replace("h/m/l", "h m l")


def headers_signature(texts: list[str]) -> str:
    """A key for a header row, the same however the cells are spaced or cased."""
    return json.dumps([normalise_header(t) for t in texts])
