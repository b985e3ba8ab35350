"""Statuses rolled up to what the plan is about: a local priority, an Ambition, a key performance
question. Each counts its indicators' fare rows exactly as the Overview counts them (a sub-indicator's
row counts under its parent, NI 120f and NI 120m both for NI 120), and names the worst status."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Rag

WORST_FIRST = (Rag.RED, Rag.AMBER, Rag.GREEN)


@dataclass(frozen=True)
class RollUp:
    """The statuses of the indicators behind one local priority, Ambition or key performance question."""

    name: str
    codes: tuple[str, ...]  # the indicators it is evidenced by, as linked
    rows: tuple[FareRow, ...]  # their fare rows (sub-indicators' too)
    missing: tuple[str, ...] = ()  # linked indicators with no row in the fare table

    @property
    def counts(self) -> dict[Rag | None, int]:
        counts: dict[Rag | None, int] = {}
        for row in self.rows:
            counts[row.rag] = counts.get(row.rag, 0) + 1
        return counts

    @property
    def worst(self) -> Rag | None:
        return next((rag for rag in WORST_FIRST if self.counts.get(rag)), None)

    def summary(self) -> str:
        """ "2 red, 1 green, 1 without a status" (or "no indicators")."""
        counts = self.counts
        parts = [f"{counts[rag]} {rag.value}" for rag in WORST_FIRST if counts.get(rag)]
        if counts.get(None) or self.missing:
            parts.append(f"{counts.get(None, 0) + len(self.missing)} without a status")
        return ", ".join(parts) if parts else "no indicators"


def roll_up(name: str, codes: Iterable[str], rows: Iterable[FareRow]) -> RollUp:
    """The fare rows of codes (and of their sub-indicators) among rows."""
    wanted = tuple(dict.fromkeys(codes))
    chosen = tuple(row for row in rows if row.code in wanted or (parent_code(row.code) or "") in wanted)
    found = {row.code for row in chosen} | {parent_code(row.code) for row in chosen}
    return RollUp(name, wanted, chosen, tuple(code for code in wanted if code not in found))
