"""Drawing the funnel plot: the districts' values against their denominators inside Kent's 95 % and
99.8 % control limits; the locality highlighted and named, the districts outside the limits listed."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from vfk_desktop.charts import drawing
from vfk_desktop.charts.spine import SIGNIFICANCE_STYLE
from vfk_desktop.domain.funnel import FunnelData
from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.statistics import ValueType
from vfk_desktop.palette import HIGHLIGHT, KENT, OTHER

TEXT = drawing.TEXT
LIMIT_STYLE = {0.95: (Qt.PenStyle.DashLine, "95 % limits"), 0.998: (Qt.PenStyle.SolidLine, "99.8 % limits")}


def draw_funnel(plot: pg.PlotItem, data: FunnelData) -> None:
    kind = "%" if data.value_type is ValueType.PROPORTION else f"per {format_number(data.multiplier)}"
    drawing.prepare(plot, f"{data.code} {data.title}",
                    f"{data.locality} among the 12 districts, {data.period.label}: value against "
                    f"denominator, Kent {format_number(round(data.centre, 1))} {kind} at the centre")
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
    for point in data.points:
        mark = point.judgement if point.outside else "similar"
        fill, symbol, _ = SIGNIFICANCE_STYLE.get(mark, SIGNIFICANCE_STYLE["similar"])
        if not point.outside:
            fill = HIGHLIGHT if point.highlighted else OTHER
        size = 15 if point.highlighted else 11
        pen = pg.mkPen(HIGHLIGHT if point.highlighted else TEXT, width=3 if point.highlighted else 1)
        item = pg.ScatterPlotItem([point.denominator], [point.value], symbol=symbol if point.outside else "o",
                                  size=size, pen=pen, brush=fill)
        item.setToolTip(f"{point.district}: {format_number(point.value)} "
                        f"(denominator {format_number(point.denominator)}), {point.judgement}")
        plot.addItem(item)
        if point.highlighted:
            drawing._label(plot, point.denominator, point.value, f"  {point.district}", anchor=(0, 0.5),
                           colour=HIGHLIGHT, bold=True)
    _fit(plot, data)


def outside_words(data: FunnelData) -> str:
    """ "Outside the 95 % limits – better: Dover; worse: Thanet" (▲ beyond 99.8 % too)."""
    groups: dict[str, list[str]] = {}
    for point in data.outside():
        star = "*" if abs(point.outside) == 2 else ""
        groups.setdefault(point.judgement, []).append(point.district + star)
    if not groups:
        return "Every district is inside the 95 % limits"
    parts = [f"{word}: {', '.join(names)}" for word, names in groups.items()]
    star = " (* beyond 99.8 % too)" if any(abs(p.outside) == 2 for p in data.points) else ""
    return f"Outside the 95 % limits – {'; '.join(parts)}{star}"


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
    words = drawing.wrapped(outside_words(data), drawing._font(9), 820)
    axis = plot.getAxis("bottom")
    axis.setLabel("denominator · dashed 95 %, solid 99.8 % control limits<br/>"
                  + "<br/>".join(drawing._esc(w) for w in words))
    axis.setHeight(46 + 16 * len(words))
    plot.getAxis("left").setLabel(drawing._unit(data.unit))
    drawing.fit_left_axis(plot, [format_number(round(v)) for v in (low, high)] + ["100.0"])


drawing.DRAW[FunnelData] = draw_funnel
