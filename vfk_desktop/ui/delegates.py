"""Cell painters: the RAG chip (colour, shape and word) and the theme heading its group of rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from vfk_desktop.palette import RAG_COLOUR, RAG_TINT
from vfk_desktop.ui.table_model import ROW_ROLE

Index = QModelIndex | QPersistentModelIndex


class RagChipDelegate(QStyledItemDelegate):
    """Status as a chip: a tinted pill with a strong border, the shape symbol and the word."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ROW_ROLE)
        rag = getattr(row, "rag", None)
        if rag is None:
            super().paint(painter, option, index)
            return
        painter.save()
        if is_selected(option, index):
            painter.fillRect(option.rect, option.palette.highlight())
        chip = option.rect.adjusted(3, 3, -3, -3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(RAG_COLOUR[rag]), 1.5))
        painter.setBrush(QColor(RAG_TINT[rag]))
        radius = chip.height() / 2.5
        painter.drawRoundedRect(chip, radius, radius)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        symbol, _, words = text.partition(" ")
        metrics = option.fontMetrics
        symbol_rect = QRect(chip.left() + 8, chip.top(), metrics.horizontalAdvance(symbol) + 2, chip.height())
        painter.setPen(QColor(RAG_COLOUR[rag]))
        painter.drawText(symbol_rect, Qt.AlignmentFlag.AlignVCenter, symbol)
        painter.setPen(QColor("#1A1A1A"))
        text_rect = chip.adjusted(symbol_rect.width() + 12, 0, -6, 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, words)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index):
        hint = super().sizeHint(option, index)
        hint.setWidth(hint.width() + 28)
        return hint


class ThemeDelegate(QStyledItemDelegate):
    """The theme column: a theme's name heads its group of rows, once, while the rows are in the
    table's own order (sorted by another column, every row shows its theme)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._blank = False  # painting a row under its group's heading: the cell without its text

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self._blank = not shows_theme(index)
        try:
            super().paint(painter, option, index)  # the background and selection, as every cell
        finally:
            self._blank = False

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if self._blank:
            option.text = ""


def is_selected(option: QStyleOptionViewItem, index: Index) -> bool:
    """Whether the cell is drawn selected, asked of its view: reading option.state would build Python's
    copy of every QStyle enum (some 6 ms) before the first table is painted."""
    view = option.widget
    selection = getattr(view, "selectionModel", lambda: None)()
    if selection is not None:
        return selection.isSelected(index)
    from PySide6.QtWidgets import QStyle

    return bool(option.state & QStyle.StateFlag.State_Selected)


def shows_theme(index: Index) -> bool:
    """False when the row above, in the view's order, has the same theme."""
    model = index.model()
    if index.row() == 0 or getattr(model, "sortColumn", lambda: -1)() >= 0:
        return True
    return model.index(index.row() - 1, index.column()).data() != index.data()
