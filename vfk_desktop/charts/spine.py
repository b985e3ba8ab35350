"""Drawing the spine chart: a row per indicator, Kent at the centre line, the districts' spread in
three grey bands, the locality's marker shaped and coloured by its significance against Kent, and the
figures as columns at the right."""

from __future__ import annotations

import pyqtgraph as pg

from vfk_desktop.charts import drawing
from vfk_desktop.domain.spine import SpineData, significance_word, value_text
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
    level = "99.8" if data.at_998 else "95"
    drawing.prepare(plot, f"{data.locality} against Kent: every indicator",
                    f"Kent at the centre; right is better; bars: worst, quartiles, best of the 12 "
                    f"districts; marker: significance at {level} %")
    rows = list(data.rows)
    count = len(rows)
    ticks = []
    for index, row in enumerate(rows):
        y = count - 1 - index
        _bands(plot, row, y)
        fill, symbol, word = SIGNIFICANCE_STYLE[significance_word(row.significance)]
        marker = pg.ScatterPlotItem([row.marker], [y], symbol=symbol, size=14, pen=pg.mkPen(TEXT, width=1.2),
                                    brush=fill)
        marker.setToolTip(f"{row.code} {row.title}\n{data.locality} {value_text(row.value)}, "
                          f"{word.split()[-1]} (Kent {value_text(row.kent)})")
        plot.addItem(marker)
        for (_, x), figure in zip(COLUMNS, (row.value, row.kent, row.worst, row.best), strict=True):
            drawing._label(plot, x, y, value_text(figure), anchor=(0.5, 0.5), bold=x == COLUMNS[0][1])
        letter = row.priority.value[0] if row.priority else "–"
        ticks.append((y, f"{letter}  {row.code}"))
    for index in range(1, count):  # a rule between priority bands
        if rows[index].priority is not rows[index - 1].priority:
            plot.addItem(pg.InfiniteLine(pos=count - index - 0.5, angle=0, pen=pg.mkPen("#808080", width=1)))
    centre = pg.InfiniteLine(pos=0.5, angle=90, pen=pg.mkPen(TARGET, width=2))
    centre.setToolTip("Kent")
    plot.addItem(centre)
    for title, x in COLUMNS:
        drawing._label(plot, x, count - 0.25, title, anchor=(0.5, 0.5), bold=True)
    plot.getAxis("left").setTicks([ticks, []])
    drawing.fit_left_axis(plot, [t for _, t in ticks] or ["H  NI 000"])
    plot.getAxis("bottom").setTicks([[(0, "worse"), (0.5, "Kent"), (1, "better")], []])
    legend = "  ".join(style[2] for style in SIGNIFICANCE_STYLE.values())
    plot.getAxis("bottom").setLabel(f"Against Kent: {legend} · H / M / L = priority")
    plot.setXRange(-0.04, RIGHT_EDGE, padding=0)
    plot.setYRange(-0.7, max(count, 1) + 0.2, padding=0)


def _bands(plot: pg.PlotItem, row, y: float) -> None:
    """Worst to the worse quartile, the quartiles, the better quartile to best (left to right)."""
    edges = [row.position(v) for v in (row.worst, row.worse_quartile, row.better_quartile, row.best)]
    for (start, end), colour in zip(zip(edges, edges[1:], strict=False),
                                    (OUTER_BAND, INNER_BAND, OUTER_BAND), strict=True):
        band = pg.BarGraphItem(x0=[start], y=[y], height=[0.56], width=[end - start], brush=colour,
                               pen=pg.mkPen(colour))
        band.setToolTip(f"{row.code}: worst {value_text(row.worst)}, quartiles "
                        f"{value_text(row.worse_quartile)} to {value_text(row.better_quartile)}, "
                        f"best {value_text(row.best)}")
        plot.addItem(band)


drawing.DRAW[SpineData] = draw_spine
