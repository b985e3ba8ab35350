"""Does a window read whole on a laptop? Every visible widget inside the screen and inside its parent,
no two siblings overlapping, and no label, button or box narrower or shorter than its text needs."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QStackedWidget,
    QStatusBar,
    QTabBar,
    QTableView,
    QToolBar,
    QWidget,
)

LAPTOP = QRect(0, 0, 1366, 728)  # a 1366 × 768 screen less its task bar
# Qt's own composite widgets lay out their insides themselves (a scroll area's bars and viewport,
# a spin box's line edit): their parts are not looked into, only the widget as a whole.
OPAQUE = (QAbstractScrollArea, QAbstractSpinBox, QComboBox, QTabBar, QToolBar, QMenuBar, QStatusBar,
          QDialogButtonBox, QLineEdit)
TEXT_WIDGETS = (QLabel, QAbstractButton, QComboBox)
_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


def _name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    text = text if isinstance(text, str) else ""
    label = widget.objectName() or widget.accessibleName() or text[:40]
    return f"{type(widget).__name__}({label!r})"


def _shown_children(widget: QWidget) -> list[QWidget]:
    if isinstance(widget, QStackedWidget):
        current = widget.currentWidget()
        return [current] if current is not None and current.isVisible() else []
    return [child for child in widget.findChildren(QWidget, options=_DIRECT)
            if child.isVisible() and not child.isWindow()]


def problems(top: QWidget, screen: QRect = LAPTOP) -> list[str]:
    """What does not fit in top (a shown window or dialog), one sentence each."""
    found: list[str] = []
    frame = top.frameGeometry()
    if not screen.contains(frame):
        found.append(f"{_name(top)} at {frame.getRect()} does not fit the screen {screen.getRect()}")
    _walk(top, found)
    return found


def _walk(widget: QWidget, found: list[str]) -> None:
    children = _shown_children(widget)
    inside = widget.rect()
    for child in children:
        if not inside.contains(child.geometry()) and not _scrolled(widget):
            found.append(f"{_name(child)} at {child.geometry().getRect()} sticks out of {_name(widget)} "
                         f"{inside.getRect()}")
        if isinstance(child, QTableView):
            found += [f"{_name(child)} cuts column {column}: {why}" for column, why in cut_columns(child)]
        if isinstance(child, TEXT_WIDGETS) and not _reads_whole(child):
            hint = child.minimumSizeHint()
            found.append(f"{_name(child)} is {child.width()} × {child.height()}, its text needs "
                         f"{hint.width()} × {hint.height()}")
    for index, first in enumerate(children):
        for second in children[index + 1:]:
            if first.geometry().intersects(second.geometry()):
                found.append(f"{_name(first)} {first.geometry().getRect()} overlaps {_name(second)} "
                             f"{second.geometry().getRect()}")
    for child in children:
        if not isinstance(child, OPAQUE):
            _walk(child, found)


def cut_columns(view: QTableView) -> list[tuple[str, str]]:
    """The columns of a table narrower than their cells need (a status cut to "Amber (worse"),
    unless the rows are tall enough to wrap the text whole or each cut cell's tooltip holds it."""
    header = view.horizontalHeader()
    model = view.model()
    rows = range(min(model.rowCount(), 200))
    wrapped = view.wordWrap() and all(view.rowHeight(row) >= view.sizeHintForRow(row) for row in rows)
    cut = []
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        needed, width = view.sizeHintForColumn(column), view.columnWidth(column)
        if needed <= width or wrapped or _tips_hold_the_text(model, column, rows):
            continue
        title = model.headerData(column, Qt.Orientation.Horizontal)
        cut.append((str(title), f"{width} px wide, its cells need {needed}"))
    return cut


def _tips_hold_the_text(model, column: int, rows: range) -> bool:
    for row in rows:
        index = model.index(row, column)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if text and (not isinstance(tip, str) or str(text) not in tip):
            return False
    return True


def _scrolled(widget: QWidget) -> bool:
    """The contents of a scroll area may be larger than what shows: that is what it is for."""
    parent = widget.parentWidget()
    return parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)


def _reads_whole(widget: QWidget) -> bool:
    if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
        return widget.height() >= widget.heightForWidth(widget.width()) - 1 if widget.wordWrap() else True
    if isinstance(widget, QLabel) and widget.pixmap() is not None and not widget.pixmap().isNull():
        return True
    hint = widget.minimumSizeHint() if isinstance(widget, QComboBox) else widget.sizeHint()
    return widget.width() >= hint.width() and widget.height() >= hint.height() - 2

