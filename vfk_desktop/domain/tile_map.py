"""The tile map: the 12 Kent districts as equal squares laid out roughly as they lie on the map, each
marked by its status for one indicator, drawn offline (no boundaries, no tiles from a server).

Medway, a unitary authority between Gravesham and Swale, is not one of the 12: it keeps its place in
the grid as an empty outline so that the map reads as Kent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Rag, format_number
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.statistics import Significance

# (column, row) from the north-west corner; west to east, north to south
LAYOUT: dict[str, tuple[int, int]] = {
    "Dartford": (0, 0), "Gravesham": (1, 0), "Swale": (3, 0), "Canterbury": (4, 0), "Thanet": (5, 0),
    "Sevenoaks": (0, 1), "Tonbridge and Malling": (1, 1), "Maidstone": (2, 1), "Ashford": (3, 1),
    "Dover": (5, 1), "Tunbridge Wells": (1, 2), "Shepway": (4, 2),
}
MEDWAY = (2, 0)  # not one of the 12: an outline only
SHORT = {"Tonbridge and Malling": "T. & Malling", "Tunbridge Wells": "Tunbridge W."}
COLUMNS, ROWS = 6, 3


@dataclass(frozen=True)
class Tile:
    """One district's square on the tile map: its place in the grid, its value and what its mark says."""

    district: str
    short: str
    column: int
    row: int
    value: float | None
    value_text: str  # "70.9", "suppressed", "no figure"
    mark: str  # what the tile's colour and shape say: "better", "similar", "worse", "lower",
    # "higher", "not compared" (by significance) or "green", "amber", "red", "no target" (by status)
    highlighted: bool


@dataclass(frozen=True)
class TileMapData:
    """The tile map of one indicator: the 12 districts marked by significance against Kent or by status."""

    code: str
    title: str
    unit: str | None
    period: Period | None
    locality: str
    by: str  # "significance" (against Kent) or "status" (against target)
    tiles: tuple[Tile, ...]
    kent_value: float | None

    def table(self) -> list[list[object]]:
        heading = "vs Kent" if self.by == "significance" else "Status"
        rows: list[list[object]] = [["District", "Value", heading]]
        return rows + [[t.district, t.value, t.mark] for t in self.tiles]

    def alt_text(self) -> str:
        when = f" in {self.period.label}" if self.period else ""
        own = next((t for t in self.tiles if t.highlighted), None)
        kent = f", Kent {format_number(self.kent_value)}" if self.kent_value is not None else ""
        head = f"{self.code}{when}: {self.locality} {own.value_text if own else 'no figure'}"
        if own and own.value is not None:
            than = " than Kent" if self.by == "significance" and own.mark in ("better", "worse") else ""
            head += f" ({own.mark}{than})"
        groups: dict[str, list[str]] = {}
        for tile in self.tiles:
            groups.setdefault(tile.mark, []).append(tile.district)
        order = (*BY_SIGNIFICANCE, *BY_STATUS)
        parts = [f"{mark}: {', '.join(groups[mark])}" for mark in order if mark in groups]
        return f"{head}{kent}. {'; '.join(parts)}."


BY_SIGNIFICANCE = ("better", "similar", "worse", "lower", "higher", "not compared")
BY_STATUS = ("green", "amber", "red", "no target")
NO_FIGURE = "no figure"


def tile_map(code: str, title: str, unit: str | None, locality: str,
             rows: Mapping[str, FareRow], by: str | None = None) -> TileMapData:
    """rows: each district's fare row for the indicator at the same period choice. by: what marks a
    tile; without one, significance where any district has an interval, else status."""
    if by is None:
        by = "significance" if any(r.statistics.vs_kent_shown is not None for r in rows.values()) \
            else "status"
    periods = [r.period for r in rows.values() if r.period is not None and r.value is not None]
    own = rows.get(locality)
    period = own.period if own is not None and own.period else max(periods, default=None)
    tiles = []
    for district, (column, row_index) in LAYOUT.items():
        found = rows.get(district)
        value = found.value if found is not None else None
        if value is None:
            text = found.missing if found is not None and found.missing else NO_FIGURE
            mark = "not compared" if by == "significance" else "no target"
        else:
            text = format_number(round(value, 1) if abs(value) < 1000 else round(value))
            mark = _mark(found, by)
        tiles.append(Tile(district, SHORT.get(district, district), column, row_index, value, text, mark,
                          district == locality))
    kent = own.kent_value if own is not None else None
    return TileMapData(code, title, unit, period, locality, by, tuple(tiles), kent)


def _mark(row: FareRow | None, by: str) -> str:
    if row is None:
        return "not compared" if by == "significance" else "no target"
    if by == "significance":
        found: Significance | None = row.statistics.vs_kent_shown
        return found.value if found is not None else "not compared"
    return {Rag.GREEN: "green", Rag.AMBER: "amber", Rag.RED: "red"}.get(row.rag, "no target") \
        if row.rag is not None else "no target"
