"""A sparkline in a table cell: the indicator's recent values for the district, oldest on the left,
the newest as a dot. The series come from the facts layer once per table build; painting only draws."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.periods import Period
from vfk_desktop.palette import HIGHLIGHT, OTHER
from vfk_desktop.ui.delegates import is_selected
from vfk_desktop.ui.table_model import ROW_ROLE

Series = Mapping[str, tuple[tuple[Period, float], ...]]


def spark_points(values: list[float], left: float, top: float, width: float, height: float) -> list[QPointF]:
    """The values as points across the rectangle, the lowest at its bottom and the highest at its top."""
    low, high = min(values), max(values)
    span = high - low or 1.0
    step = width / (len(values) - 1) if len(values) > 1 else 0.0
    middle = len(values) == 1 or high == low
    return [QPointF(left + i * step if len(values) > 1 else left + width / 2,
                    top + height / 2 if middle else top + height - (v - low) / span * height)
            for i, v in enumerate(values)]


def said(series: tuple[tuple[Period, float], ...]) -> str:
    """"2006/07 1,099 · 2007/08 1,147 · 2008/09 1,212" (tooltip and accessible text)."""
    return " · ".join(f"{period.label} {format_number(value)}" for period, value in series)


class SparklineDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.series: Series = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        super().paint(painter, option, index)  # the row's background and selection
        row = index.data(ROW_ROLE)
        found = self.series.get(row.code, ()) if row is not None else ()
        if not found:
            return
        box = option.rect.adjusted(6, 5, -8, -5)
        points = spark_points([v for _, v in found], box.left(), box.top(), box.width(), box.height())
        selected = is_selected(option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = QColor("#FFFFFF" if selected else OTHER)
        painter.setPen(QPen(line, 1.5))
        painter.drawPolyline(QPolygonF(points))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#FFFFFF" if selected else HIGHLIGHT))
        painter.drawEllipse(points[-1], 3.0, 3.0)
        painter.restore()

    def helpEvent(self, event, view, option, index) -> bool:
        row = index.data(ROW_ROLE)
        found = self.series.get(row.code, ()) if row is not None else ()
        if found:
            QToolTip.showText(event.globalPos(), f"{row.code}, recent values: {said(found)}", view)
            return True
        return super().helpEvent(event, view, option, index)
