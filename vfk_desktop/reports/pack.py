"""The Board pack's contents, gathered from the core once: the report only lays them out.

No Qt here: the same pack feeds the PDF, the printer and the print preview, and tests read it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vfk_desktop.domain.fare import FareRow, status_counts
from vfk_desktop.domain.model import Priority, Status
from vfk_desktop.domain.periods import Period, period_of_label
from vfk_desktop.store.connection import Store

SECTIONS = ("rankings", "local", "fare", "charts", "reds", "commentary")
SECTION_TITLES = {
    "rankings": "Priority rankings",
    "local": "Local priorities",
    "fare": "How does {locality} fare in Kent?",
    "charts": "Charts",
    "reds": "PSB Reds",
    "commentary": "Commentary",
}


@dataclass(frozen=True)
class RankedIndicator:
    code: str
    title: str
    theme: str | None
    priority: Priority


@dataclass(frozen=True)
class LocalPriorityLine:
    position: int
    title: str
    ambitions: tuple[str, ...]  # "1 Grow the economy"
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class RedLine:
    code: str
    title: str
    priority: Priority | None
    row: FareRow | None  # the district's own figures for it, when it has any


@dataclass(frozen=True)
class ChartRequest:
    """A chart the pack shows: the range chart once, a districts chart per High priority worse
    than target."""

    kind: str  # "range" | "districts"
    code: str | None
    caption: str


@dataclass(frozen=True)
class BoardPack:
    locality: str
    period: Period | None  # None: each indicator at its latest period
    made: date
    database: Path
    illustrative: bool
    ranking_round: str | None
    rankings: tuple[RankedIndicator, ...]
    local_priorities: tuple[LocalPriorityLine, ...]
    fare: tuple[FareRow, ...]
    counts: dict
    psb_date: str
    reds: tuple[RedLine, ...]
    reds_sentence: str
    commentary: tuple[tuple[FareRow, str], ...]
    charts: tuple[ChartRequest, ...]
    sections: tuple[str, ...] = SECTIONS

    @property
    def period_words(self) -> str:
        return self.period.label if self.period else "latest period of each indicator"

    def band(self, priority: Priority | None) -> list[FareRow]:
        return [row for row in self.fare if row.priority is priority]


def worse_high_priorities(rows: list[FareRow] | tuple[FareRow, ...]) -> list[FareRow]:
    return [r for r in rows if r.priority is Priority.HIGH and r.vs_target is Status.WORSE]


def build_pack(store: Store, locality: str, period: Period | None = None,
               sections: tuple[str, ...] = SECTIONS) -> BoardPack:
    """Everything the Board pack shows for locality (a name the store knows) at period."""
    from vfk_desktop.store import queries, vision
    from vfk_desktop.store.edits import commentary_of
    from vfk_desktop.store.local_priorities import local_priorities
    from vfk_desktop.store.sample_flag import has_sample

    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown report sections {unknown}")
    fare = queries.fare_table(store, locality, period)
    by_code = {row.code: row for row in fare}
    ranked = queries.ranking_rows(store, locality, period)
    names = {a.number: a.title for a in vision.ambitions(store)}
    locals_ = tuple(
        LocalPriorityLine(p.position, p.title, tuple(f"{n} {names.get(n, '')}".strip() for n in p.ambitions),
                          p.indicators)
        for p in local_priorities(store, locality))
    psb_date, reds = vision.psb_reds(store, locality)
    commentary = []
    for row in fare:
        text = commentary_of(store, locality, row.code, row.period.label) if row.period else None
        if text:
            commentary.append((row, text))
    charts = [ChartRequest("range", None, f"Where {locality} sits between the Kent worst and best")]
    charts += [ChartRequest("districts", row.code, f"{row.code} {row.title}")
               for row in worse_high_priorities(fare)]
    return BoardPack(
        locality=locality, period=period, made=date.today(), database=store.path,
        illustrative=has_sample(store),
        ranking_round=max((r.round for r in ranked), default=None, key=period_of_label),
        rankings=tuple(RankedIndicator(r.code, r.title, r.theme, r.priority) for r in ranked),
        local_priorities=locals_, fare=tuple(fare), counts=status_counts(fare),
        psb_date=psb_date,
        reds=tuple(RedLine(r.code, r.title, r.priority, by_code.get(r.code)) for r in reds),
        reds_sentence=vision.reds_sentence(locality, reds), commentary=tuple(commentary),
        charts=tuple(charts), sections=tuple(sections))

