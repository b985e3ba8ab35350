"""The Priorities page's cells: the band as a drop-down (drawn as one before it is opened) and the
grip a row is dragged by. Loaded with that page, not at start-up."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QWidget,
)

from vfk_desktop.domain.model import Priority

Index = QModelIndex | QPersistentModelIndex


PRIORITY_CHOICES = ["High", "Medium", "Low", "Not ranked"]


class PriorityDelegate(QStyledItemDelegate):
    """A drop-down of High, Medium, Low and Not ranked, drawn as a drop-down before it is opened so
    that an officer sees the band can be chosen; a choice is made as soon as it is picked."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        widget = option.widget
        if not editable or widget is None:
            super().paint(painter, option, index)
            return
        style = widget.style()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        box = QStyleOptionComboBox()
        box.initFrom(widget)
        box.rect = option.rect.adjusted(2, 2, -2, -2)
        box.currentText = index.data(Qt.ItemDataRole.DisplayRole) or "Not ranked"
        box.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, box, painter, widget)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, box, painter, widget)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setAccessibleName("Priority")
        editor.addItems(PRIORITY_CHOICES)
        where = QPersistentModelIndex(index)
        editor.activated.connect(lambda _: self._chosen(editor, where))
        return editor

    def _chosen(self, editor: QComboBox, where: QPersistentModelIndex) -> None:
        # Close the drop-down before the change: the change rebuilds the rows, and an editor still
        # open on a rebuilt table is one the view no longer knows.
        choice = editor.currentText()
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if where.isValid():
            where.model().setData(where, choice, Qt.ItemDataRole.EditRole)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or "Not ranked"
        editor.setCurrentText(text if text in PRIORITY_CHOICES else "Not ranked")

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class DragHandleDelegate(QStyledItemDelegate):
    """Six dots at the start of a row: the grip that says the row can be dragged to another band."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if not index.flags() & Qt.ItemFlag.ItemIsDragEnabled:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#6B6B6B"))
        centre = option.rect.center()
        for dx in (-3, 3):
            for dy in (-5, 0, 5):
                painter.drawEllipse(QPointF(centre.x() + dx, centre.y() + dy), 1.5, 1.5)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index):
        hint = super().sizeHint(option, index)
        hint.setWidth(22)
        return hint


def priority_from_choice(text: str) -> Priority | None:
    return None if text == "Not ranked" else Priority(text)
