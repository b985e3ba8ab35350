"""The prepared rows every face receives: the exports, the charts and the Board pack take these,
never a store. Plain frozen records over the domain's own (FareRow, Indicator); no store here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from vfk_desktop.domain.actions import Action
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Indicator, Priority, Rag
from vfk_desktop.domain.periods import Period


class DataRecord(NamedTuple):
    """One stored figure, ranking or comment, as a row of the Data sheet."""

    area: str
    code: str
    period: str  # a ranking's round for kind "priority"
    kind: str  # value, target, best, worst, priority or commentary
    value: float | None
    text: str | None  # the figure as given ("N/a"), the priority, or the comment
    file: str | None
    sheet: str | None
    cell: str | None
    import_id: int | None
    count: float | None = None  # type: ignore[assignment]  # (a tuple's count() is not used) beside a value: what its file gave with it
    denominator: float | None = None
    lower_95: float | None = None
    upper_95: float | None = None
    lower_99_8: float | None = None
    upper_99_8: float | None = None


@dataclass(frozen=True)
class ImportFacts:
    """When, by whom and how (import, sample or edit) one import was recorded, for an export's Data sheet."""

    at: str
    user: str
    kind: str


@dataclass(frozen=True)
class Source:
    """Where an output's figures come from, as a cover may state it: the database's file name only
    (a published paper never shows a folder), and whether the sample data is in it."""

    database: str
    illustrative: bool
    publication: str | None = None  # made for publication: the note saying what was suppressed


@dataclass(frozen=True)
class ReturnRow:
    """One indicator of a KA2 return: its fare row, the ranking round of its priority, its comment."""

    fare: FareRow
    ranking_period: Period | None
    commentary: str | None
    commented_by: str | None = None  # "jsmith, 2026-12-02": who wrote the comment and when


@dataclass(frozen=True)
class CountyRow:
    """One indicator across the 12 districts at one period: each district's fare row."""

    indicator: Indicator
    period: Period
    districts: dict[str, FareRow]

    @property
    def county(self) -> FareRow:
        """Any district's row: Kent's figure, target, best and worst are the same in all of them."""
        return next(iter(self.districts.values()))


@dataclass(frozen=True)
class DistrictReds:
    """A district's High priorities: how many of each status, and the red ones."""

    district: str
    high: int  # indicators ranked High (NI 120 once)
    counts: dict[Rag | None, int]  # statuses of the High rows (NI 120f and NI 120m each)
    reds: list[FareRow]


@dataclass(frozen=True)
class ReturnFacts:
    """Everything a district's KA2 return or fare CSV shows."""

    locality: str
    period: Period | None
    rows: tuple[ReturnRow, ...]
    band_counts: dict[Priority, int]
    records: list[DataRecord]
    catalogue: dict[str, Indicator]
    imports: dict[int, ImportFacts]
    source: Source
    actions: tuple[Action, ...] = ()  # the district's actions, for the Actions sheet


@dataclass(frozen=True)
class CountyFacts:
    """Everything the county workbook shows."""

    period: Period | None
    districts: tuple[str, ...]
    rows: list[CountyRow]
    reds: list[DistrictReds]
    records: list[DataRecord]
    catalogue: dict[str, Indicator]
    imports: dict[int, ImportFacts]
    theme_order: dict[str, int]
    source: Source


def latest_of(rows: list[FareRow]) -> list[str]:
    """The distinct periods of rows, in time order (for a cover sheet's "Period")."""
    return [p.label for p in sorted({row.period for row in rows if row.period})]


@dataclass(frozen=True)
class Red:
    """One of the PSB report's Reds, set against the district: its priority in the chosen period's
    ranking round, and its fare rows (its own, or its sub-indicators': NI 187 is shown by NI 187i)."""

    code: str
    title: str
    priority: Priority | None
    rows: tuple[FareRow, ...] = ()

    @property
    def row(self) -> FareRow | None:
        """The row whose status the Red shows: its own, else its worst sub-indicator's."""
        worst = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2, None: 3}
        return min(self.rows, key=lambda r: (r.code != self.code, worst[r.rag]), default=None)


@dataclass(frozen=True)
class PsbReds:
    """The latest PSB report's Reds set against a district, with the report's date."""

    date: str
    locality: str
    reds: tuple[Red, ...]

    @property
    def sentence(self) -> str:
        """ "Tunbridge Wells: High priority for NI 39, NI 163; Medium for NI 152, NI 154; Low for …"."""
        parts: list[str] = []
        for band in Priority:
            codes = [r.code for r in self.reds if r.priority is band]
            if codes:
                label = f"{band.value} priority" if not parts else band.value
                parts.append(f"{label} for {', '.join(codes)}")
        unranked = [r.code for r in self.reds if r.priority is None]
        if unranked:
            parts.append(f"not ranked: {', '.join(unranked)}")
        return f"{self.locality}: " + "; ".join(parts) if parts else f"{self.locality} has no ranking yet."


@dataclass(frozen=True)
class Change:
    """One thing new or changed for a district since a Board (`vfk changes`): what it is
    ("new figure", "changed figure", "status change", "rank move", "new red", "new comment"),
    as it was and as it is, written as the tables write them."""

    code: str
    title: str
    what: str
    before: str | None
    after: str | None
    period: str | None

    def to_json(self) -> dict[str, str | None]:
        return {"code": self.code, "title": self.title, "what": self.what, "before": self.before,
                "after": self.after, "period": self.period}
