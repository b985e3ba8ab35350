"""Drawing the funnel plot: the districts' values against their denominators inside Kent's 95 % and
99.8 % control limits; the locality highlighted and named, the districts outside the limits listed."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt

from vfk_desktop.charts import drawing
from vfk_desktop.charts.spine import SIGNIFICANCE_STYLE
from vfk_desktop.domain.funnel import FunnelData, FunnelPoint
from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.statistics import ValueType
from vfk_desktop.palette import HIGHLIGHT, KENT, OTHER

TEXT = drawing.TEXT
LIMIT_STYLE = {0.95: (Qt.PenStyle.DashLine, "95 % limits"), 0.998: (Qt.PenStyle.SolidLine, "99.8 % limits")}


def draw_funnel(plot: pg.PlotItem, data: FunnelData) -> None:
    drawing.prepare(plot, f"{data.code} {data.title}", f"{data.period.label}: {outside_words(data)}")
    xs = list(data.denominators)
    for level, (lows, highs) in data.limits.items():
        style, name = LIMIT_STYLE[level]
        pen = pg.mkPen("#505050", width=1.5, style=style)
        for ys in (lows, highs):
            curve = plot.plot(xs, list(ys), pen=pen)
            curve.setToolTip(f"Kent's {name}")
    centre = pg.InfiniteLine(pos=data.centre, angle=0, pen=pg.mkPen(KENT, width=2))
    centre.setToolTip(f"Kent {format_number(data.centre)}")
    plot.addItem(centre)
    spots = []
    styles: dict[tuple[bool, str], tuple[Any, Any]] = {}  # one pen and brush per look, shared
    for point in data.points:
        mark = point.judgement if point.outside else "similar"
        fill, symbol, _ = SIGNIFICANCE_STYLE.get(mark, SIGNIFICANCE_STYLE["similar"])
        if not point.outside:
            fill = HIGHLIGHT if point.highlighted else OTHER
        if (point.highlighted, fill) not in styles:
            styles[point.highlighted, fill] = (
                pg.mkPen(HIGHLIGHT if point.highlighted else TEXT, width=3 if point.highlighted else 1),
                pg.mkBrush(fill))
        pen, brush = styles[point.highlighted, fill]
        spots.append({"pos": (point.denominator, point.value), "symbol": symbol if point.outside else "o",
                      "size": 15 if point.highlighted else 11, "pen": pen, "brush": brush, "data": point})
        if point.highlighted:
            drawing._label(plot, point.denominator, point.value, f"  {point.district}", anchor=(0, 0.5),
                           colour=HIGHLIGHT, bold=True)
    if spots:  # one item for the 12 districts: an item each took most of the redraw
        plot.addItem(pg.ScatterPlotItem(spots=spots, hoverable=True, tip=lambda x, y, data: point_tip(data)))
    _fit(plot, data)


def point_tip(point: FunnelPoint) -> str:
    """A district's tooltip, written when its marker is pointed at."""
    return (f"{point.district}: {format_number(point.value)} "
            f"(denominator {format_number(point.denominator)}), {point.judgement}")


def outside_words(data: FunnelData) -> str:
    """ "Outside the 95 % limits: Dover (better), Thanet (worse)"; counted when there are many."""
    outside = data.outside()
    if not outside:
        return "every district inside the 95 % limits"
    if len(outside) > 4:
        counts: dict[str, int] = {}
        for point in outside:
            counts[point.judgement] = counts.get(point.judgement, 0) + 1
        words = ", ".join(f"{n} {word}" for word, n in counts.items())
        return f"{len(outside)} districts outside the 95 % limits ({words})"
    return "outside the 95 % limits: " + ", ".join(f"{p.district} ({p.judgement})" for p in outside)


def _fit(plot: pg.PlotItem, data: FunnelData) -> None:
    lows = [v for lows, _ in data.limits.values() for v in lows]
    highs = [v for _, highs in data.limits.values() for v in highs]
    values = [p.value for p in data.points]
    # the curves at the smallest denominators can run far off: keep the districts in view
    low = min([*values, data.centre, min(lows[len(lows) // 4:], default=data.centre)])
    high = max([*values, data.centre, max(highs[len(highs) // 4:], default=data.centre)])
    room = (high - low) * 0.08 or 1
    plot.setYRange(low - room, high + room, padding=0)
    plot.setXRange(data.denominators[0], data.denominators[-1], padding=0)
    kind = "%" if data.value_type is ValueType.PROPORTION else f"per {format_number(data.multiplier)}"
    plot.getAxis("bottom").setLabel(f"denominator · Kent {format_number(round(data.centre, 1))} {kind} "
                                    "(centre line) · dashed 95 %, solid 99.8 % control limits")
    plot.getAxis("left").setLabel(drawing._unit(data.unit))
    drawing.fit_left_axis(plot, [format_number(round(v)) for v in (low, high)] + ["100.0"])


drawing.DRAW[FunnelData] = draw_funnel
