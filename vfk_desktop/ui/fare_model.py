"""The fare table as a Qt model (one row per FareRow, text from `present`) and its filters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from vfk_desktop import present
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Priority, Status
from vfk_desktop.domain.statistics import Significance
from vfk_desktop.palette import RAG_TINT
from vfk_desktop.ui.table_model import (
    SORT_ROLE,
    Column,
    FilterProxy,
    RecordTableModel,
    number_key,
)

SIGNIFICANCE_ORDER = {Significance.WORSE: 0, Significance.SIMILAR: 1, Significance.BETTER: 2,
                      Significance.LOWER: 3, Significance.HIGHER: 4}


def _status_tip(row: FareRow) -> str | None:
    if row.rag is None:
        return None
    said = "Target met" if row.vs_target is Status.MET else f"{row.vs_target.value.title()} than target"
    assured = f" ({present.assurance(row)})" if present.assurance(row) else ""
    return f"{said}{assured}; amber means worse by at most {row.tolerance:.0%} of the target"


def _range_tip(row: FareRow) -> str | None:
    if row.range_source == "stated":
        return "As a partner's sheet states it (the database lacks some districts' values)"
    return None


def _kent_tip(row: FareRow) -> str | None:
    """How the district compares with Kent, and the comparators beside it (England, South East)."""
    lines = [present.vs_kent(row) if row.vs_kent else None, present.comparators(row)]
    return "\n".join(line for line in lines if line) or None


FARE_COLUMNS = (
    Column("Theme", lambda r: r.theme or "", "The KA2 theme the indicator belongs to"),
    Column("Code", lambda r: r.code, "The indicator's code (National Indicator number)"),
    Column("Indicator", lambda r: r.title, "What the indicator measures",
           cell_tip=lambda r: f"{r.code} {r.title}\nUnit: {r.unit or 'not given'}; "
                              f"{present.polarity(r)}"),
    Column("Priority", lambda r: r.priority.value if r.priority else "",
           "The district's KA2 ranking: High, Medium or Low",
           sort=lambda r: r.priority.order if r.priority else 9),
    Column("Period", present.period,
           "The period compared: the newest in which enough districts have a value to rank them "
           "(or the chosen year's)", sort=lambda r: r.period.sort_key if r.period else (),
           cell_tip=present.reported),
    Column("Value", present.value, "The district's figure", sort=lambda r: number_key(r.value),
           numeric=True, bold=lambda r: True, cell_tip=lambda r: present.newer(r) or None),
    Column("Recent", lambda r: "", "The district's recent values, oldest to newest, the newest as a dot "
           "(hover for the figures)"),
    Column("Kent target", present.target,
           "The Kent target for the period (the next later one when the period has none)",
           sort=lambda r: number_key(r.kent_target), numeric=True,
           cell_tip=lambda r: f"Kent target for {r.target_period.label}" if r.target_period else None),
    Column("Kent", present.kent, "The figure for Kent as a whole",
           sort=lambda r: number_key(r.kent_value), numeric=True,
           cell_tip=_kent_tip),
    Column("vs Kent", present.vs_kent_significance,
           "Against Kent allowing for chance: better, similar or worse by polarity (similar when Kent "
           "lies inside the district's 95 % confidence interval); not compared without an interval",
           sort=lambda r: SIGNIFICANCE_ORDER.get(r.statistics.vs_kent_shown, 9),
           cell_tip=present.vs_kent_tip),
    Column("Best", present.best, "The best district's figure (by polarity)",
           sort=lambda r: number_key(r.kent_best), numeric=True, cell_tip=_range_tip),
    Column("Worst", present.worst,
           "The worst district's figure (by polarity)", sort=lambda r: number_key(r.kent_worst),
           numeric=True, cell_tip=_range_tip),
    Column("Rank", present.rank_and_quartile,
           "1 = best of the districts with a value; districts that tie share the better rank; "
           "no rank where too few districts reported. Q1-Q4: the quarter of the districts the "
           "rank falls in (Q1 the best)",
           sort=lambda r: number_key(r.rank), numeric=True, cell_tip=present.reported),
    Column("Status", present.status,
           "Against the Kent target: green met or better, amber worse within the tolerance, red beyond",
           sort=lambda r: {"red": 0, "amber": 1, "green": 2}.get(r.rag.value, 3) if r.rag else 4,
           cell_tip=_status_tip, background=lambda r: RAG_TINT[r.rag] if r.rag else None),
    Column("Direction", present.direction,
           "Since the previous period of the same kind: improved or worsened by polarity",
           sort=lambda r: r.direction.value if r.direction else "~",
           cell_tip=lambda r: f"Tested recent trend: {present.trend(r)}" if r.statistics.trend else None),
    Column("Newer", present.newer_short,
           "A newer figure of the district's own, shown beside the comparison and never ranked "
           "until enough districts have reported",
           sort=lambda r: r.own_newer_period.sort_key if r.own_newer_period else (),
           cell_tip=lambda r: present.newer(r) or None),
    Column("Own target", present.own_target,
           "The district's own target, or a quarter's share of the year's target when it is profiled; "
           "* marks the one the status follows", numeric=True,
           sort=lambda r: number_key(r.profiled_target if r.profiled_target is not None else r.local_target)),
    Column("Lead", lambda r: r.lead or "", "The lead officer (partner) and the working group leading it; "
           "set them on the Indicator page"),
)


class FareTableModel(RecordTableModel):
    columns = FARE_COLUMNS


def column_of(header: str) -> int:
    return next(i for i, column in enumerate(FARE_COLUMNS) if column.header == header)


THEME_COLUMN = column_of("Theme")
PRIORITY_COLUMN = column_of("Priority")
STATUS_COLUMN = column_of("Status")


class BandFilter(FilterProxy):
    """One priority band's rows of a model whose records have a `priority` (the Priorities page)."""

    def __init__(self, band: Priority | None, parent: object | None = None) -> None:
        super().__init__(parent)
        self.band = band
        self.setSortRole(SORT_ROLE)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self.sourceModel().row_at(source_row).priority is self.band


def fare_filter(rows: list[FareRow], band: Priority | None, *, worse_than_target: bool = False,
                below_kent: bool = False, hide_without_data: bool = False, search: str = "") -> list[FareRow]:
    """The overview's choices: one band, and optionally only worse than target, below the Kent
    figure, with data, or matching a search (code, title or theme)."""
    words = search.strip().lower()
    return [
        row for row in rows
        if row.priority is band
        and not (worse_than_target and row.vs_target is not Status.WORSE)
        and not (below_kent and row.vs_kent is not Status.WORSE)
        and not (hide_without_data and row.value is None)
        and (not words or words in f"{row.code} {row.title} {row.theme}".lower())
    ]
