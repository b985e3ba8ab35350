"""The SPC (XmR) chart: the series, its mean and process limits, the target, and each special-cause
point marked by what it means (improvement, concern or neither) in colour and shape. What each line
is goes in the axis title below the plot, never on the data."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from vfk_desktop.charts.drawing import DRAW, TEXT, _unit, fit_left_axis, prepare
from vfk_desktop.charts.trend import legend_text, months, time_ticks, time_x, with_gaps
from vfk_desktop.domain import spc
from vfk_desktop.domain.model import format_number
from vfk_desktop.palette import AMBER, HIGHLIGHT, KENT, OTHER, TARGET

VARIATION_STYLE = {None: (OTHER, "o", "●", "common cause"),
                   spc.IMPROVEMENT: (HIGHLIGHT, "t1", "▲", "special cause: improvement"),
                   spc.CONCERN: (AMBER, "t", "▼", "special cause: concern"),
                   spc.NEITHER: (KENT, "d", "◆", "special cause (no better direction)")}


def subtitle(data: spc.SpcData) -> str:
    parts = [f"{data.locality}: latest {data.latest_variation}"]
    if data.assurance:
        parts.append(f"target {format_number(data.target)} {data.assurance}")
    if data.warning:
        parts.append(data.warning)
    return " · ".join(parts)


def draw_spc(plot: pg.PlotItem, data: spc.SpcData) -> None:
    prepare(plot, f"{data.code} {data.title} (SPC)", subtitle(data))
    step = min(months(p.period) for p in data.points)
    xs = [time_x(p.period, step) for p in data.points]
    gx, gy = with_gaps(xs, [p.value for p in data.points])
    plot.plot(gx, gy, connect="finite", pen=pg.mkPen(OTHER, width=2))
    left, right = min(xs) - 0.5, max(xs) + 0.5
    mean_pen = pg.mkPen(TEXT, width=1.5)
    limit_pen = pg.mkPen("#7F7F7F", width=1.5, style=Qt.PenStyle.DashLine)
    for y, pen, tip in ((data.mean, mean_pen, "mean"), (data.upper, limit_pen, "upper process limit"),
                        (data.lower, limit_pen, "lower process limit")):
        line = plot.plot([left, right], [y, y], pen=pen)
        line.setToolTip(f"{tip}: {format_number(round(y, 2))}")
    if data.target is not None:
        target = plot.plot([left, right], [data.target, data.target],
                           pen=pg.mkPen(TARGET, width=2, style=Qt.PenStyle.DotLine))
        target.setToolTip(f"Kent target {format_number(data.target)}")
    shown = set()
    for x, point in zip(xs, data.points, strict=True):
        colour, symbol, _, word = VARIATION_STYLE[point.variation]
        shown.add(point.variation)
        marker = pg.ScatterPlotItem([x], [point.value], symbol=symbol, size=11, brush=colour,
                                    pen=pg.mkPen(TEXT if point.variation else colour))
        why = f" ({', '.join(point.rules)})" if point.rules else ""
        marker.setToolTip(f"{point.period.label}: {format_number(point.value)}, {word}{why}")
        plot.addItem(marker)
    legend = [(glyph, colour, word) for key, (colour, _, glyph, word) in VARIATION_STYLE.items()
              if key in shown]
    legend += [("—", TEXT, f"mean {format_number(round(data.mean, 2))}"),
               ("- -", "#7F7F7F", f"limits {format_number(round(data.lower, 2))} to "
                                  f"{format_number(round(data.upper, 2))}")]
    if data.target is not None:
        legend.append(("···", TARGET, f"Kent target {format_number(data.target)}"))
    values = [p.value for p in data.points] + [data.lower, data.upper] + \
        ([data.target] if data.target is not None else [])
    fit_left_axis(plot, [format_number(round(v, 2)) for v in values])
    plot.getAxis("bottom").setTicks([time_ticks(xs, [p.period.label for p in data.points]), []])
    plot.getAxis("bottom").setLabel(legend_text(legend))
    plot.getAxis("left").setLabel(_unit(data.unit))
    plot.setXRange(left, right, padding=0)
    low, high = min(values), max(values)
    room = (high - low) * 0.08 or 1
    plot.setYRange(low - room, high + room, padding=0)


DRAW[spc.SpcData] = draw_spc
