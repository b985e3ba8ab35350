"""The Board pack's contents, as the facts layer gathers them once (`facts.board.build_pack`):
the report only lays them out.

No Qt and no store here: the same pack feeds the PDF, the printer and the print preview, and tests
read it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vfk_desktop.domain.actions import Action
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Priority, Status
from vfk_desktop.domain.periods import Period
from vfk_desktop.facts.records import Change, Red

SECTIONS = ("rankings", "local", "fare", "changes", "charts", "reds", "actions", "commentary")
SECTION_TITLES = {
    "rankings": "Priority rankings",
    "local": "Local priorities",
    "fare": "How does {locality} fare in Kent?",
    "changes": "What has changed since the last Board",
    "charts": "Charts",
    "reds": "PSB Reds",
    "actions": "Actions and leads",
    "commentary": "Commentary",
}


@dataclass(frozen=True)
class RankedIndicator:
    """One indicator in the pack's priority rankings, with its theme and band."""

    code: str
    title: str
    theme: str | None
    priority: Priority


@dataclass(frozen=True)
class LocalPriorityLine:
    """One local priority as the pack lists it: its Ambitions, indicators and rolled-up statuses."""

    position: int
    title: str
    ambitions: tuple[str, ...]  # as the store names them: "1 To grow the economy"
    indicators: tuple[str, ...]
    statuses: str = ""  # its indicators' statuses rolled up: "worst red: 2 red, 1 green"


@dataclass(frozen=True)
class ChartRequest:
    """A chart the pack shows: the range chart once, a districts chart and a map per High priority
    worse than target."""

    kind: str  # "range" | "districts" | "map"
    code: str | None
    caption: str


@dataclass(frozen=True)
class BoardPack:
    """Everything a district's Board pack shows, gathered once for the PDF, the printer and the preview."""

    locality: str
    period: Period | None  # None: each indicator at its latest period
    made: date
    database: str  # the file's name: a published paper never shows a folder
    illustrative: bool
    ranking_round: Period | None
    rankings: tuple[RankedIndicator, ...]
    local_priorities: tuple[LocalPriorityLine, ...]
    fare: tuple[FareRow, ...]
    counts: dict  # Priority | None -> {Rag | None: rows}
    band_counts: dict  # Priority -> indicators ranked in it (NI 120 counts once)
    psb_date: str
    reds: tuple[Red, ...]
    reds_sentence: str
    commentary: tuple[tuple[FareRow, str], ...]
    charts: tuple[ChartRequest, ...]
    chart_data: dict  # ChartRequest -> the domain's chart data, for the charts that can be drawn
    sections: tuple[str, ...] = SECTIONS
    publication: str | None = None  # made for publication: the note saying what was suppressed
    actions: tuple[Action, ...] = ()  # the district's actions, soonest due first
    unanswered: tuple[str, ...] = ()  # High priorities worse than target with no open action
    leads: tuple[tuple[FareRow, str], ...] = ()  # each High priority worse than target and its leads
    all_rows: bool = False  # list indicators without data row by row, not one line per band
    since: str | None = None  # "the Board of 14 December 2009": what changes are counted from
    changes: tuple[Change, ...] = ()
    as_shown: bool = False  # the fare table is the window's filtered, sorted view, exactly
    sources: dict = field(default_factory=dict)  # code -> where its shown figure came from (file, sheet)

    @property
    def period_words(self) -> str:
        from vfk_desktop.present import period_words

        return period_words(self.period)

    def band(self, priority: Priority | None) -> list[FareRow]:
        return [row for row in self.fare if row.priority is priority]


def worse_high_priorities(rows: list[FareRow] | tuple[FareRow, ...]) -> list[FareRow]:
    return [r for r in rows if r.priority is Priority.HIGH and r.vs_target is Status.WORSE]
