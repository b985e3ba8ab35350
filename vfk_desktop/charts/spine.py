"""Drawing the spine chart: a row per indicator, Kent at the centre line, the districts' spread in
three grey bands, the locality's marker shaped and coloured by its significance against Kent, and the
figures as columns at the right."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

from vfk_desktop.charts import drawing
from vfk_desktop.domain.spine import SpineData, SpineRow, significance_word, value_text
from vfk_desktop.palette import GREEN, RED, TARGET

TEXT = drawing.TEXT
# significance against Kent: (fill, symbol, legend), shapes as the tables' "▲ Better", "● Similar"…
SIGNIFICANCE_STYLE = {
    "better": (GREEN, "t1", "▲ better"), "similar": ("#F0E442", "o", "● similar"),
    "worse": (RED, "t", "▼ worse"), "higher": ("#56B4E9", "t1", "△ higher"),
    "lower": ("#56B4E9", "t", "▽ lower"), "not compared": ("#FFFFFF", "d", "◇ not compared"),
}
OUTER_BAND, INNER_BAND = "#D9D9D9", "#9E9E9E"
COLUMNS = (("Value", 1.16), ("Kent", 1.36), ("Worst", 1.56), ("Best", 1.76))  # header, x of its centre
RIGHT_EDGE = 1.87


def draw_spine(plot: pg.PlotItem, data: SpineData) -> None:
    """Drawn with a few items whatever the number of rows (one per band colour, one for the markers,
    light text for the columns): 200 rows draw in a tenth of the time of an item per mark."""
    level = "99.8" if data.at_998 else "95"
    drawing.prepare(plot, f"{data.locality} against Kent: every indicator",
                    f"Kent at the centre; right is better; bars: worst, quartiles, best of the 12 "
                    f"districts; marker: significance at {level} %")
    rows = list(data.rows)
    count = len(rows)
    ys = [count - 1 - index for index in range(count)]
    _bands(plot, rows, ys)
    _markers(plot, data, rows, ys)
    cells = [(x, y, value_text(figure), x == COLUMNS[0][1]) for row, y in zip(rows, ys, strict=True)
             for (_, x), figure in zip(COLUMNS, (row.value, row.kent, row.worst, row.best), strict=True)]
    cells += [(x, count - 0.25, title, True) for title, x in COLUMNS]
    plot.addItem(Labels(cells))
    for index in range(1, count):  # a rule between priority bands
        if rows[index].priority is not rows[index - 1].priority:
            plot.addItem(pg.InfiniteLine(pos=count - index - 0.5, angle=0, pen=pg.mkPen("#808080", width=1)))
    centre = pg.InfiniteLine(pos=0.5, angle=90, pen=pg.mkPen(TARGET, width=2))
    centre.setToolTip("Kent")
    plot.addItem(centre)
    ticks = [(y, f"{row.priority.value[0] if row.priority else '–'}  {row.code}")
             for row, y in zip(rows, ys, strict=True)]
    plot.getAxis("left").setTicks([ticks, []])
    drawing.fit_left_axis(plot, [t for _, t in ticks] or ["H  NI 000"])
    plot.getAxis("bottom").setTicks([[(0, "worse"), (0.5, "Kent"), (1, "better")], []])
    legend = "  ".join(style[2] for style in SIGNIFICANCE_STYLE.values())
    note = left_out_words(data)
    plot.getAxis("bottom").setLabel(f"Against Kent: {legend} · H / M / L = priority"
                                    + (f"<br/>{drawing._esc(note)}" if note else ""))
    if note:
        plot.getAxis("bottom").setHeight(62)
    plot.setXRange(-0.04, RIGHT_EDGE, padding=0)
    plot.setYRange(-0.7, max(count, 1) + 0.2, padding=0)


def left_out_words(data: SpineData) -> str:
    """ "Not drawn: NI 155, NI 154 (Kent's figure is a county total); 20 without a value" ."""
    reasons: dict[str, list[str]] = {}
    for code, why in data.left_out:
        reasons.setdefault(why, []).append(code)
    parts = []
    for why, codes in reasons.items():
        if why == "no value":
            parts.append(f"{len(codes)} without a value")
        else:
            parts.append(f"{', '.join(codes[:4])}{' …' if len(codes) > 4 else ''} ({why})")
    return f"Not drawn: {'; '.join(parts)}" if parts else ""


def _bands(plot: pg.PlotItem, rows: list, ys: list[int]) -> None:
    """Worst to the worse quartile, the quartiles, the better quartile to best (left to right)."""
    outer: tuple[list[float], list[float], list[float]] = ([], [], [])  # x0, width, y
    inner: tuple[list[float], list[float], list[float]] = ([], [], [])
    for row, y in zip(rows, ys, strict=True):
        edges = [row.position(v) for v in (row.worst, row.worse_quartile, row.better_quartile, row.best)]
        spans = zip(edges, edges[1:], strict=False)
        for (start, end), into in zip(spans, (outer, inner, outer), strict=True):
            into[0].append(start)
            into[1].append(end - start)
            into[2].append(y)
    for (x0, width, y), colour in ((outer, OUTER_BAND), (inner, INNER_BAND)):
        if x0:
            plot.addItem(pg.BarGraphItem(x0=x0, y=y, height=0.56, width=width, brush=colour,
                                         pen=pg.mkPen(colour)))


def _markers(plot: pg.PlotItem, data: SpineData, rows: list, ys: list[int]) -> None:
    """One item for every marker. A brush per colour, shared: pyqtgraph renders a symbol once per
    brush object, not per colour; each tooltip is written when its marker is pointed at."""
    spots = []
    brushes: dict[str, Any] = {}
    for row, y in zip(rows, ys, strict=True):
        fill, symbol, _ = SIGNIFICANCE_STYLE[significance_word(row.significance)]
        if fill not in brushes:
            brushes[fill] = pg.mkBrush(fill)
        spots.append({"pos": (row.marker, y), "symbol": symbol, "brush": brushes[fill], "data": row})
    locality = data.locality
    if spots:
        plot.addItem(pg.ScatterPlotItem(spots=spots, size=14, pen=pg.mkPen(TEXT, width=1.2), hoverable=True,
                                        tip=lambda x, y, data: marker_tip(locality, data)))


def marker_tip(locality: str, row: SpineRow) -> str:
    """A marker's tooltip: the row's figures."""
    word = SIGNIFICANCE_STYLE[significance_word(row.significance)][2]
    return (f"{row.code} {row.title}\n{locality} {value_text(row.value)}, {word.split()[-1]} "
            f"(Kent {value_text(row.kent)})\nworst {value_text(row.worst)}, quartiles "
            f"{value_text(row.worse_quartile)} to {value_text(row.better_quartile)}, "
            f"best {value_text(row.best)}")


class Labels(pg.GraphicsObject):
    """Many short texts centred at data positions, at a fixed size in pixels, painted by one item: a
    pyqtgraph TextItem per text does work at every change of view, which made a 200-row chart take
    most of a second to draw. Exports scale the texts as they scale the rest of the picture."""

    _widths: dict[tuple[str, bool], float] = {}  # (text, bold) -> its width in pixels at 8.5 points

    def __init__(self, cells: list[tuple[float, float, str, bool]]) -> None:
        super().__init__()
        from PySide6.QtGui import QFontMetricsF

        self.fonts = {False: drawing._font(8.5), True: drawing._font(8.5, True)}
        metrics = {bold: QFontMetricsF(font) for bold, font in self.fonts.items()}
        widths = Labels._widths  # the same figures come back at every district switch: measured once
        for _, _, text, bold in cells:
            if (text, bold) not in widths:
                widths[text, bold] = metrics[bold].horizontalAdvance(text)
        self.cells = [(x, y, text, bold, widths[text, bold], metrics[bold].height(), metrics[bold].ascent())
                      for x, y, text, bold in cells]
        xs, ys = [c[0] for c in cells] or [0.0], [c[1] for c in cells] or [0.0]
        from PySide6.QtCore import QRectF

        # wide enough in data units for any text at any size the chart is drawn at
        self._bounds = QRectF(min(xs) - 0.5, min(ys) - 1, max(xs) - min(xs) + 1, max(ys) - min(ys) + 2)

    def boundingRect(self):
        return self._bounds

    def label_rects(self) -> list[tuple[str, object]]:
        """Each text's rectangle in the scene (the chart's pixels), for the layout checks."""
        from PySide6.QtCore import QPointF, QRectF

        transform = self.sceneTransform()
        found = []
        for x, y, text, _, width, height, _ in self.cells:
            at = transform.map(QPointF(x, y))
            found.append((text, QRectF(at.x() - width / 2, at.y() - height / 2, width, height)))
        return found

    def paint(self, painter, option, widget=None) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QColor, QTransform

        scale = (self._exportOpts or {}).get("resolutionScale", 1.0)
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor(TEXT))
        if scale == 1.0 and transform.type().value <= QTransform.TransformationType.TxScale.value:
            self._paint_on_screen(painter, transform)
            painter.restore()
            return
        for x, y, text, bold, width, height, ascent in self.cells:
            at = transform.map(QPointF(x, y))
            painter.setTransform(painter.transform().fromTranslate(at.x(), at.y()).scale(scale, scale))
            painter.setFont(self.fonts[bold])
            painter.drawText(QPointF(-width / 2, ascent - height / 2), text)
        painter.restore()

    def _paint_on_screen(self, painter, transform) -> None:
        """The texts at their own size, each font set once and each text placed as the general way
        places it (so the pixels are the same), in half the time: a 200-row chart has 800 texts."""
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QTransform

        sx, sy, dx, dy = transform.m11(), transform.m22(), transform.dx(), transform.dy()
        for bold, font in self.fonts.items():
            painter.setFont(font)
            for x, y, text, in_bold, width, height, ascent in self.cells:
                if in_bold is bold:
                    painter.setTransform(QTransform.fromTranslate(sx * x + dx, sy * y + dy))
                    painter.drawText(QPointF(-width / 2, ascent - height / 2), text)

drawing.DRAW[SpineData] = draw_spine
