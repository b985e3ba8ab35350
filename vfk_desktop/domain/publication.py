"""Small-number suppression for published outputs: a rule per indicator, applied to a copy of a row.

Official statistics withhold small counts so that no one can be recognised from them (the ONS and
NHS Digital disclosure-control guidance suppresses counts of 1 to 7 by default); the rule suppresses
such a count at district level and every value and interval worked out from it. The officer's
own view is never changed: only an export or report made "for publication" uses these copies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.fare_statistics import NO_STATISTICS

SUPPRESSED_MARK = "*"
SUPPRESSED = "suppressed"


@dataclass(frozen=True)
class SuppressionRule:
    """Counts from `low` to `high` (inclusive) are suppressed; zero is not (it discloses no one)."""

    low: int = 1
    high: int = 7

    def hides(self, count: float | None) -> bool:
        return count is not None and self.low <= count <= self.high  # high 0: nothing withheld

    @property
    def words(self) -> str:
        return f"counts of {self.low} to {self.high}"


DEFAULT_RULE = SuppressionRule()


def rules_from(limits: Mapping[str, int]) -> dict[str, SuppressionRule]:
    """The catalogue's rules (code -> the largest count withheld) as rules; others take the default."""
    return {code: SuppressionRule(1, high) for code, high in limits.items()}


def rule_for(code: str, rules: Mapping[str, SuppressionRule] | None = None) -> SuppressionRule:
    return (rules or {}).get(code, DEFAULT_RULE)


def note(rule: SuppressionRule = DEFAULT_RULE) -> str:
    """The sentence every published output carries."""
    return (f"Prepared for publication: {rule.words} at district level, and every value and "
            f"interval worked out from them, are suppressed (shown as {SUPPRESSED_MARK}).")


def suppressed_row(row: FareRow) -> FareRow:
    """The row with its value and everything worked out from it withheld."""
    return replace(row, value=None, value_text=SUPPRESSED_MARK, missing=SUPPRESSED, rank=None,
                   vs_target=None, vs_kent=None, rag=None, direction=None, previous_value=None,
                   own_newer=None, own_newer_period=None, statistics=NO_STATISTICS)


def published_row(row: FareRow, own_count: float | None, hidden_district_values: set[float],
                  rule: SuppressionRule = DEFAULT_RULE) -> FareRow:
    """row as published: withheld when its own count is small; Kent's best or worst withheld when
    it is a small-count district's value (it would give that district's figure away)."""
    if row.value is not None and rule.hides(own_count):
        row = suppressed_row(row)
    if hidden_district_values and (row.kent_best in hidden_district_values
                                   or row.kent_worst in hidden_district_values):
        best = None if row.kent_best in hidden_district_values else row.kent_best
        worst = None if row.kent_worst in hidden_district_values else row.kent_worst
        row = replace(row, kent_best=best, kent_worst=worst)
    return row
