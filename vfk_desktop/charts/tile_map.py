"""Drawing the tile map: a square per district where it lies in Kent, filled and marked by its
significance against Kent (or its status against target), its short name and value on it, the
chosen district outlined."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem

from vfk_desktop.charts import drawing
from vfk_desktop.charts.spine import SIGNIFICANCE_STYLE
from vfk_desktop.domain.tile_map import BY_SIGNIFICANCE, BY_STATUS, COLUMNS, MEDWAY, ROWS, TileMapData
from vfk_desktop.palette import AMBER, GREEN, NO_STATUS, RED

TEXT = drawing.TEXT
STATUS_STYLE = {"green": (GREEN, "● green"), "amber": (AMBER, "▲ amber"), "red": (RED, "■ red"),
                "no target": ("#FFFFFF", "◇ no target")}
DARK_FILLS = {GREEN, RED}
GAP = 0.06  # between tiles, in tiles


def style_of(mark: str) -> tuple[str, str]:
    """(fill, "▲ better") for a tile's mark."""
    if mark in STATUS_STYLE:
        return STATUS_STYLE[mark]
    fill, _, words = SIGNIFICANCE_STYLE[mark]
    return fill, words


def draw_tile_map(plot: pg.PlotItem, data: TileMapData) -> None:
    when = f" · {data.period.label}" if data.period else ""
    against = "significance against Kent" if data.by == "significance" else "status against target"
    drawing.prepare(plot, f"{data.code} {data.title}", f"The 12 districts by {against}{when}")
    two_lines = _tile_height(plot) >= 44  # else one line, in a short strip of a page
    for tile in data.tiles:
        fill, words = style_of(tile.mark)
        x, y = tile.column, ROWS - 1 - tile.row
        _rect(plot, x, y, fill, pg.mkPen(TEXT, width=4) if tile.highlighted else pg.mkPen("#707070", width=1),
              f"{tile.district}: {tile.value_text}, {words.split(' ', 1)[1]}")
        colour = "#FFFFFF" if fill in DARK_FILLS else TEXT
        value = f"{words.split(' ', 1)[0]} {tile.value_text}"
        lines = ((0.64, tile.short), (0.34, value)) if two_lines else ((0.5, f"{tile.short}  {value}"),)
        for place, text in lines:
            label = drawing._label(plot, x + 0.5, y + place, text, anchor=(0.5, 0.5), colour=colour,
                                   bold=tile.highlighted or text is value)
            label.textItem.document().setDocumentMargin(1)  # the text's own height, no more
    column, row = MEDWAY
    _rect(plot, column, ROWS - 1 - row, None, pg.mkPen(NO_STATUS, width=1, style=Qt.PenStyle.DashLine),
          "Medway: a unitary authority, not one of the 12 districts")
    drawing._label(plot, column + 0.5, ROWS - 1 - row + 0.5, "(Medway)", anchor=(0.5, 0.5), colour=NO_STATUS)
    marks = BY_SIGNIFICANCE if data.by == "significance" else BY_STATUS
    shown = {tile.mark for tile in data.tiles}
    legend = "   ".join(style_of(mark)[1] for mark in marks if mark in shown)
    tail = " than Kent" if data.by == "significance" else ""
    plot.getAxis("bottom").setLabel(f"{legend}{tail} · the chosen district outlined")
    for name in ("left", "bottom"):
        plot.getAxis(name).setTicks([[], []])
        plot.getAxis(name).setPen(pg.mkPen("#FFFFFF"))
        plot.getAxis(name).setTextPen(pg.mkPen(TEXT))
    plot.getAxis("left").setWidth(8)
    plot.getAxis("bottom").setHeight(24)  # the legend only: the tiles keep the height
    plot.setXRange(-0.05, COLUMNS + 0.05, padding=0)
    plot.setYRange(-0.05, ROWS + 0.05, padding=0)
    plot.getViewBox().setAspectLocked(False)


def _tile_height(plot: pg.PlotItem) -> float:
    """About how tall a tile is drawn, in pixels, from the chart's size (title and legend taken off)."""
    views = plot.scene().views() if plot.scene() is not None else []
    host = (views[0].parentWidget() or views[0]) if views else None  # the chart view, sized first
    height = host.height() if host is not None else 400
    return (height - 52 - 30) / ROWS


def _rect(plot: pg.PlotItem, x: float, y: float, fill: str | None, pen, tip: str) -> None:
    item = QGraphicsRectItem(QRectF(x + GAP / 2, y + GAP / 2, 1 - GAP, 1 - GAP))
    item.setPen(pen)
    item.setBrush(pg.mkBrush(fill) if fill else pg.mkBrush(None))
    item.setToolTip(tip)
    plot.addItem(item)


drawing.DRAW[TileMapData] = draw_tile_map
