"""Drawing each chart on a pyqtgraph PlotItem. Figures and orders come ready from the domain;
colours from the one palette; every mark has a tooltip, and status has a shape as well as a colour."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from vfk_desktop import present
from vfk_desktop.domain import charts
from vfk_desktop.domain.model import Priority, Rag, format_number
from vfk_desktop.palette import HIGHLIGHT, KENT, NO_STATUS, OTHER, RAG_COLOUR, TARGET

RAG_SHAPE = {Rag.GREEN: "o", Rag.AMBER: "t1", Rag.RED: "s", None: "d"}  # ● ▲ ■ ◆
TEXT = "#202020"
COMPARATOR = "#56B4E9"  # sky blue: England, South East


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def prepare(plot: pg.PlotItem, title: str, subtitle: str) -> None:
    plot.clear()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    lines = wrapped(title, _font(12, True), TITLE_WIDTH)
    plot.setTitle(f"<span style='font-size:12pt; font-weight:600'>{'<br/>'.join(map(_esc, lines))}</span>"
                  f"<br/><span style='font-size:9pt'>{_esc(subtitle)}</span>", color=TEXT)
    plot.vfk_subtitle = subtitle  # what a compact chart keeps as its title
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTickFont(_font(9))
        axis.setPen(pg.mkPen(TEXT))
        axis.setTextPen(pg.mkPen(TEXT))
        axis.setTicks(None)
        axis.setLabel("")
    plot.showGrid(x=False, y=False)
    height = max(52, plot.titleLabel.item.boundingRect().height() + 6)
    plot.titleLabel.setMinimumHeight(height)
    plot.titleLabel.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)  # the title's lines and the subtitle, whole
    plot.getAxis("bottom").setHeight(46)  # tick labels and the axis title below them


TITLE_WIDTH = 620  # pixels: a chart is drawn at least 900 wide, less its left axis and margins


def wrapped(text: str, font: QFont, width: int) -> list[str]:
    """text in lines no wider than width, broken between words, so a long title is never cut."""
    from PySide6.QtGui import QFontMetrics

    metrics, lines = QFontMetrics(font), [""]
    for word in text.split():
        trial = f"{lines[-1]} {word}".strip()
        if lines[-1] and metrics.horizontalAdvance(trial) > width:
            lines.append(word)
        else:
            lines[-1] = trial
    return lines


def fit_left_axis(plot: pg.PlotItem, labels: list[str]) -> None:
    """Make the left axis wide enough for its longest label."""
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(_font(9))
    plot.getAxis("left").setWidth(max((metrics.horizontalAdvance(t) for t in labels), default=20) + 18)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _unit(unit: str | None) -> str:
    return unit or "value"


def _label(plot: pg.PlotItem, x: float, y: float, text: str, anchor=(0, 0.5), colour: str = TEXT,
           bold: bool = False) -> pg.TextItem:
    item = pg.TextItem(text, color=colour, anchor=anchor)
    item.textItem.document().setDocumentMargin(1)  # its box is its text: the 4 px default met the next row's
    item.setFont(_font(8.5, bold))
    plot.addItem(item)
    item.setPos(x, y)
    return item


LABEL_LANE = 0.97  # where along a vertical line its label sits: near the top


def _vline(plot: pg.PlotItem, x: float, colour: str, label: str, style: Qt.PenStyle, position: float,
           text_left: bool = False) -> None:
    side = (1.02, 0.5) if text_left else (-0.02, 0.5)
    line = pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen(colour, width=2, style=style), label=label,
                           labelOpts={"position": position, "color": colour, "fill": None,
                                      "anchors": [side, side]})
    line.label.setFont(_font(8.5, True))
    line.setToolTip(label)
    plot.addItem(line)


def draw_districts(plot: pg.PlotItem, data: charts.DistrictsData) -> None:
    """Horizontal bars, best at the top; the locality in the highlight colour with its name in bold."""
    prepare(plot, f"{data.code} {data.title}", f"{data.headline} · {data.period.label}")
    count = len(data.bars)
    values = [bar.value for bar in data.bars if bar.value is not None]
    for index, bar in enumerate(data.bars):
        y = count - 1 - index
        if bar.value is None:  # an empty bar and the word: "suppressed", "not available"
            outline = pg.mkPen(TEXT if bar.highlighted else NO_STATUS, style=Qt.PenStyle.DashLine)
            plot.addItem(pg.BarGraphItem(x0=[0], y=[y], height=[0.7], width=[max(values)], brush=None,
                                         pen=outline))
            _label(plot, 0, y, f" {bar.missing or 'no figure'}", colour=TEXT, bold=bar.highlighted)
            continue
        colour = HIGHLIGHT if bar.highlighted else OTHER
        item = pg.BarGraphItem(x0=[0], y=[y], height=[0.7], width=[bar.value], brush=colour,
                               pen=pg.mkPen(TEXT if bar.highlighted else colour))
        rank = f"{charts.ordinal(bar.rank)} of {count}, " if bar.rank else ""
        item.setToolTip(f"{bar.district}: {format_number(bar.value)} ({rank}{data.period.label})")
        plot.addItem(item)
        gap = "   " if bar.high is not None else " "  # clear of the error bar's end
        _label(plot, max(bar.value, bar.high or bar.value), y, f"{gap}{format_number(bar.value)}",
               bold=bar.highlighted)
    spread = [(count - 1 - i, b) for i, b in enumerate(data.bars)
              if b.value is not None and b.low is not None and b.high is not None]
    if spread:  # the 95 % intervals, where counts are stored: one item for all of them
        import numpy as np

        plot.addItem(pg.ErrorBarItem(x=np.array([b.value for _, b in spread]),
                                     y=np.array([y for y, _ in spread]),
                                     left=np.array([b.value - b.low for _, b in spread]),  # type: ignore[operator]
                                     right=np.array([b.high - b.value for _, b in spread]),  # type: ignore[operator]
                                     beam=0.3, pen=pg.mkPen(TEXT, width=1.2)))
    ticks = [(count - 1 - i, f"{'▶ ' if b.highlighted else ''}{b.district}") for i, b in enumerate(data.bars)]
    plot.getAxis("left").setTicks([ticks, []])
    fit_left_axis(plot, [t for _, t in ticks])
    kent_note = ""
    if data.kent_value is not None and data.kent_value > 1.5 * max(values) > 0:
        # a county total (homes built, say) would squash the districts' bars: say it, don't draw it
        kent_note = f" · Kent as a whole: {format_number(data.kent_value)}"
    # Both lines are labelled in the free lane above the bars, each on its outer side, so the
    # labels never meet: the lower value's label to the left of its line, the higher's to the right.
    target_left = data.kent_value is None or bool(kent_note) or (data.kent_target or 0) <= data.kent_value
    right_label = None  # (x, text) of the line whose label sits right of it: it needs room
    if data.kent_value is not None and not kent_note:
        text = f"Kent {format_number(data.kent_value)}"
        _vline(plot, data.kent_value, KENT, text, Qt.PenStyle.DashLine, LABEL_LANE, text_left=not target_left)
        right_label = (data.kent_value, text) if target_left else None
    if data.kent_target is not None:
        when = f" ({data.target_period.label})" if data.target_period else ""
        text = f"Kent target{when} {format_number(data.kent_target)}"
        _vline(plot, data.kent_target, TARGET, text, Qt.PenStyle.SolidLine, LABEL_LANE, text_left=target_left)
        right_label = right_label if target_left else (data.kent_target, text)
    order = {"higher": "higher is better", "lower": "lower is better"}.get(
        data.polarity.value if data.polarity else "", "polarity not known")
    compared = ""
    for name, value in data.comparators:  # England, South East: reference lines, named below the plot
        line = pg.InfiniteLine(pos=value, angle=90, pen=pg.mkPen(COMPARATOR, width=1.5,
                                                                 style=Qt.PenStyle.DotLine))
        line.setToolTip(f"{name} {format_number(value)}")
        plot.addItem(line)
        compared += f" · ┆ {name} {format_number(value)}"
    plot.getAxis("bottom").setLabel(f"{_unit(data.unit)} ({order}; best at the top){kent_note}{compared}")
    high = max([*values, *(b.high for b in data.bars if b.high is not None),
                *(v for _, v in data.comparators), 0 if kent_note else data.kent_value or 0,
                data.kent_target or 0])
    low = min([*values, 0])
    plot.setXRange(low, _room_for(plot, right_label, low, high * 1.16), padding=0)
    # A free lane above the first bar for the lines' labels, which have no background: pyqtgraph
    # paints a label's fill at a stale place when an image is exported.
    lines = data.kent_target is not None or (data.kent_value is not None and not kent_note)
    plot.setYRange(-0.6, count + (0.7 if lines else -0.4), padding=0)


def _room_for(plot: pg.PlotItem, label: tuple[float, str] | None, low: float, high: float) -> float:
    """The axis end that leaves a line's right-hand label whole inside the smallest chart we draw."""
    if label is None:
        return high
    from PySide6.QtGui import QFontMetrics

    x, text = label
    plot_px = 900 - plot.getAxis("left").width() - 80  # the view box sits inside margins
    share = min((QFontMetrics(_font(8.5, True)).horizontalAdvance(text) * 1.15 + 24) / plot_px, 0.8)
    return max(high, (x - share * low) / (1 - share))


def _spot_tip(x: float, y: float, data: object) -> str:
    """A mark's own tooltip, kept as the spot's data."""
    return str(data)


def range_tip(locality: str, row: charts.RangeRow) -> str:
    """A range chart marker's tooltip, written when the marker is pointed at."""
    return (f"{row.code} {row.title}\n{locality} {present.value(row.row)} ({present.period(row.row)}), "
            f"rank {present.rank(row.row)}, {present.status(row.row)}\nKent worst "
            f"{present.worst(row.row)}, best {present.best(row.row)}")


def draw_range(plot: pg.PlotItem, data: charts.RangeData) -> None:
    """A row per indicator from the Kent worst (left) to the best (right); the locality's marker
    in its status colour and shape, the target as a black bar."""
    prepare(plot, f"Where {data.locality} sits in Kent",
            "Each bar runs from the worst district (left) to the best (right), whatever the polarity")
    rows = list(data.rows)
    count = len(rows)
    ticks = []
    # one item per kind of mark, not per row: 200 indicators drew 600 items and took 0.7 s
    ys = [count - 1 - index for index in range(count)]
    bands = plot.plot([x for _ in rows for x in (0, 1)], [y for y in ys for _ in (0, 1)], connect="pairs",
                      pen=pg.mkPen("#D9D9D9", width=9))
    bands.setToolTip("Each bar runs from the Kent worst (left) to the best (right)")
    targets = [{"pos": (row.target_position, y), "data": f"{row.code} Kent target {present.target(row.row)}"}
               for row, y in zip(rows, ys, strict=True) if row.target_position is not None]
    if targets:
        plot.addItem(pg.ScatterPlotItem(spots=targets, symbol="|", size=22, pen=pg.mkPen(TARGET, width=3),
                                        brush=TARGET, hoverable=True, tip=_spot_tip))
    markers = []
    brushes: dict[str, Any] = {}  # one per colour: pyqtgraph renders a symbol once per brush object
    for row, y in zip(rows, ys, strict=True):
        colour = RAG_COLOUR.get(row.rag, NO_STATUS)
        if colour not in brushes:
            brushes[colour] = pg.mkBrush(colour)
        markers.append({"pos": (row.position, y), "symbol": RAG_SHAPE[row.rag], "brush": brushes[colour],
                        "data": row})
        letter = row.priority.value[0] if row.priority else "–"
        ticks.append((y, f"{letter}  {row.code}"))
    if markers:
        locality = data.locality
        plot.addItem(pg.ScatterPlotItem(spots=markers, size=15, pen=pg.mkPen(TEXT, width=1), hoverable=True,
                                        tip=lambda x, y, data: range_tip(locality, data)))
    for index in range(1, count):  # a rule between priority bands
        if rows[index].priority is not rows[index - 1].priority:
            plot.addItem(pg.InfiniteLine(pos=count - index - 0.5, angle=0, pen=pg.mkPen("#808080", width=1)))
    plot.getAxis("left").setTicks([ticks, []])
    fit_left_axis(plot, [t for _, t in ticks])
    plot.getAxis("bottom").setTicks([[(0, "Kent worst"), (0.5, "middle"), (1, "Kent best")], []])
    plot.getAxis("bottom").setLabel("● green  ▲ amber  ■ red  ◆ no target · | Kent target · "
                                    "H / M / L = priority")
    plot.setXRange(-0.09, 1.09, padding=0)
    plot.setYRange(-0.7, max(count, 1) - 0.3, padding=0)


def draw_priorities(plot: pg.PlotItem, data: charts.PrioritiesStatusData) -> None:
    """For each priority band, how many indicators are red, amber, green or without a status."""
    prepare(plot, f"{data.locality}: status by priority", "Do the reds line up with the priorities?")
    bands = [Priority.HIGH, Priority.MEDIUM, Priority.LOW]
    parts = ((Rag.RED, "red ■"), (Rag.AMBER, "amber ▲"), (Rag.GREEN, "green ●"), (None, "no status"))
    widest = 1
    for index, band in enumerate(bands):
        y = len(bands) - 1 - index
        counts = data.counts.get(band, {})
        left = 0
        for rag, word in parts:
            n = counts.get(rag, 0)
            if not n:
                continue
            colour = RAG_COLOUR.get(rag, "#E0E0E0")
            item = pg.BarGraphItem(x0=[left], y=[y], height=[0.6], width=[n], brush=colour, pen=pg.mkPen("w"))
            item.setToolTip(f"{band.value} priority: {n} {word.split()[0]}")
            plot.addItem(item)
            _label(plot, left + n / 2, y, f"{n} {word}" if n >= 2 else f"{n}", anchor=(0.5, 0.5),
                   colour="#FFFFFF" if rag in (Rag.RED, Rag.GREEN) else TEXT, bold=True)
            left += n
        widest = max(widest, left)
    plot.getAxis("left").setTicks([[(len(bands) - 1 - i, f"{b.value}") for i, b in enumerate(bands)], []])
    fit_left_axis(plot, ["Medium"])
    plot.getAxis("bottom").setLabel("indicators")
    plot.setXRange(0, widest * 1.02, padding=0)
    plot.setYRange(-0.6, len(bands) - 0.4, padding=0)


DRAW: dict[type, Callable[[pg.PlotItem, Any], None]] = {
        charts.DistrictsData: draw_districts, charts.RangeData: draw_range,
        charts.PrioritiesStatusData: draw_priorities}  # trend.py and spc.py add theirs
