"""The trend chart: the locality, Kent, the Kent target and the comparators over time.

The x-axis is time: 2008/09 to 2010/11 is two steps, and a period with no figure leaves a gap in
the line. The legend is the axis title below the plot, so it never sits on the data. Error bars
are the locality's 95 % intervals where counts are stored.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from vfk_desktop import present
from vfk_desktop.charts.drawing import DRAW, TEXT, _esc, _label, _unit, fit_left_axis, prepare
from vfk_desktop.domain import charts
from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.periods import Period
from vfk_desktop.palette import HIGHLIGHT, KENT, NO_STATUS, TARGET

COMPARATOR_STYLES = (("#56B4E9", "d"), (NO_STATUS, "x"))  # England, South East, … (sky blue, grey)


def months(period: Period) -> int:
    """How many months the period lasts (12, 3 or 1)."""
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def time_x(period: Period, step: int) -> float:
    """Where a period sits on a time axis counted in steps of step months (its end month)."""
    return (period.end.year * 12 + period.end.month - 1) / step


def with_gaps(xs: list[float], ys: list[float], step: float = 1.0) -> tuple[list[float], list[float]]:
    """The points with a NaN wherever more than one step passes, so the line breaks there."""
    out_x: list[float] = []
    out_y: list[float] = []
    for x, y in zip(xs, ys, strict=True):
        if out_x and x - out_x[-1] > step * 1.01:
            out_x.append((x + out_x[-1]) / 2)
            out_y.append(math.nan)
        out_x.append(x)
        out_y.append(y)
    return out_x, out_y


def time_ticks(xs: list[float], labels: list[str], width: int = 900) -> list[tuple[float, str]]:
    """Every nth period's label, so that labels never meet on a chart width pixels wide."""
    from PySide6.QtGui import QFontMetrics

    from vfk_desktop.charts.drawing import _font

    if not xs:
        return []
    widest = max(QFontMetrics(_font(9)).horizontalAdvance(label) for label in labels) + 14
    span = max(xs) - min(xs) + 1
    plot_px = width - 160  # less the left axis and margins
    closest = min((b - a for a, b in zip(xs, xs[1:], strict=False)), default=1.0)
    every = max(1, math.ceil(widest / (plot_px * closest / span)))
    return [(x, label) for x, label in list(zip(xs, labels, strict=True))[::-1][::every]]


def legend_text(entries: list[tuple[str, str, str]]) -> str:
    """An HTML line of (glyph, colour, name) for the axis title below the plot."""
    return " &nbsp; ".join(f"<span style='color:{colour}'>{glyph}</span> {_esc(name)}"
                           for glyph, colour, name in entries)


def draw_trend(plot: pg.PlotItem, data: charts.TrendData) -> None:
    """The locality, Kent and the Kent target over time, spaced by time, gaps shown."""
    direction = present.direction(data.row)
    since = f" since {data.row.previous_period.label}" if data.row.previous_period else ""
    prepare(plot, f"{data.code} {data.title}", f"{data.locality} over time: {direction}{since}")
    # the axis counts in the compared kind's steps (years, say); a quarter among years sits in time
    step = months(data.row.period) if data.row.period else min((months(p.period) for p in data.points),
                                                                  default=12)
    xs = [time_x(p.period, step) for p in data.points]
    series = [(lambda p: p.value, data.locality, HIGHLIGHT, Qt.PenStyle.SolidLine, "o", "●"),
              (lambda p: p.kent, "Kent", KENT, Qt.PenStyle.DashLine, "s", "■"),
              (lambda p: p.target, "Kent target", TARGET, Qt.PenStyle.DotLine, "t1", "▲")]
    for index, name in enumerate(data.comparator_names):
        colour, symbol = COMPARATOR_STYLES[index % len(COMPARATOR_STYLES)]
        series.append((lambda p, n=name: dict(p.comparators).get(n), name, colour, Qt.PenStyle.DashDotLine,
                       symbol, "◆" if symbol == "d" else "✕"))
    main_kind = data.row.period.kind if data.row.period else None
    legend = []
    for pick, name, colour, style, symbol, glyph in series:
        found = [(x, p, pick(p)) for x, p in zip(xs, data.points, strict=True) if pick(p) is not None]
        if not found:
            continue
        legend.append((glyph, colour, name))
        tip = name + ": " + ", ".join(f"{p.period.label} {format_number(v)}" for _, p, v in found)
        for kind in dict.fromkeys(p.period.kind for _, p, _ in found):  # a line joins one kind only
            same = [(x, p, v) for x, p, v in found if p.period.kind is kind]
            gx, gy = with_gaps([x for x, _, _ in same], [v for _, _, v in same],
                               months(same[0][1].period) / step)
            line = plot.plot(gx, gy, connect="finite", pen=pg.mkPen(colour, width=2.5, style=style),
                             symbol=symbol, symbolSize=9, symbolBrush=colour, symbolPen=pg.mkPen(colour))
            line.setToolTip(tip)
        if name == data.locality:
            for x, p, v in found:  # above the point, or beside it where an error bar stands there
                if main_kind is not None and p.period.kind is not main_kind:
                    continue  # the other kinds' figures are in the tooltip, not crowded in as labels
                spread = p.low is not None
                _label(plot, x, v, f"   {format_number(v)}" if spread else format_number(v),
                       anchor=(0, 0.5) if spread else (0.5, 1.3), colour=colour)
    bars = [(x, p) for x, p in zip(xs, data.points, strict=True)
            if p.value is not None and p.low is not None and p.high is not None]
    if bars:
        plot.addItem(pg.ErrorBarItem(x=np.array([x for x, _ in bars]), y=np.array([p.value for _, p in bars]),
                                     top=np.array([p.high - p.value for _, p in bars]),  # type: ignore[operator]
                                     bottom=np.array([p.value - p.low for _, p in bars]),  # type: ignore[operator]
                                     beam=0.12, pen=pg.mkPen(HIGHLIGHT, width=1.5)))
        legend.append(("⊥", HIGHLIGHT, "95 % interval"))
    values = [v for p in data.points for v in (p.value, p.kent, p.target, p.low, p.high,
                                                *(c for _, c in p.comparators)) if v is not None]
    fit_left_axis(plot, [format_number(v) for v in values])
    labelled = [(x, p.period.label) for x, p in zip(xs, data.points, strict=True)
                if main_kind is None or p.period.kind is main_kind] or \
        [(x, p.period.label) for x, p in zip(xs, data.points, strict=True)]
    plot.getAxis("bottom").setTicks([time_ticks([x for x, _ in labelled], [t for _, t in labelled]), []])
    plot.getAxis("bottom").setLabel(legend_text(legend))
    plot.getAxis("left").setLabel(_unit(data.unit))
    plot.getAxis("left").label.setDefaultTextColor(pg.mkColor(TEXT))
    if xs:
        plot.setXRange(min(xs) - 0.5, max(xs) + 0.5, padding=0)
    if values:
        low, high = min(values), max(values)
        room = (high - low) * 0.15 or abs(high) * 0.1 or 1
        plot.setYRange(low - room, high + room * 1.5, padding=0)


DRAW[charts.TrendData] = draw_trend
