"""A table model over a list of records, its columns described by a table: every page's model.

Each Column says how to write a record's cell, how to sort it, what its header's tooltip explains,
and optionally its tooltip, background and alignment. Models stay free of if/elif chains.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

ROW_ROLE = Qt.ItemDataRole.UserRole  # the record itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts the column correctly
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_INF = float("inf")
_HEADER_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
_ACROSS = Qt.Orientation.Horizontal
Index = QModelIndex | QPersistentModelIndex


_ANSWERED = frozenset({
    Qt.ItemDataRole.DisplayRole, ROW_ROLE, SORT_ROLE, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
})


def number_key(value: float | None) -> float:
    """Sort key that puts missing numbers last."""
    return _INF if value is None else value


@dataclass(frozen=True)
class Column:
    """One column of a table model: its header, and how a record's cell is written, sorted and shown."""

    header: str
    text: Callable[[Any], str]
    tip: str  # what the column means (the header's tooltip)
    sort: Callable[[Any], object] | None = None  # default: the text
    numeric: bool = False
    cell_tip: Callable[[Any], str | None] | None = None
    background: Callable[[Any], str | None] | None = None  # a colour name
    bold: Callable[[Any], bool] | None = None


class RecordTableModel(QAbstractTableModel):
    columns: Sequence[Column] = ()

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._given: list[Any] = []  # the rows in the order they were given (the unsorted order)
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._sorted(self._given, *self._sort)
        self.endResetModel()

    def sortColumn(self) -> int:
        return self._sort[0]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (-1: the order the rows were given), keeping selections on their rows.

        A model that sorts itself needs no proxy; with 200 rows a proxy between the view and the
        model doubled the Python calls made to paint each cell.
        """
        self.layoutAboutToBeChanged.emit()
        before = {id(record): row for row, record in enumerate(self._rows)}
        self._sort = (column, order)
        self._rows = self._sorted(self._given, column, order)
        after = {id(record): row for row, record in enumerate(self._rows)}
        moved_from = {before[key]: row for key, row in after.items()}
        old = self.persistentIndexList()
        self.changePersistentIndexList(
            old, [self.createIndex(moved_from[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Any], column: int, order: Qt.SortOrder) -> list[Any]:
        if not 0 <= column < len(self.columns):
            return list(rows)
        key = self.columns[column].sort or self.columns[column].text
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def column_index(self, header: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.header == header)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python for
        # every cell the proxies and views touch. One bounds check here does the same.
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < len(self.columns)):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # The header asks each section for seven roles, over and over; two are answered.
        if role not in _HEADER_ROLES or not 0 <= section < len(self.columns) or orientation != _ACROSS:
            return None
        column = self.columns[section]
        return column.header if role == _HEADER_ROLES[0] else column.tip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Painting asks every visible cell for a dozen roles, most of which no column answers.
        if role not in _ANSWERED or not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            return column.text(record)  # editing starts from the figure as shown
        if role == ROW_ROLE:
            return record
        if role == SORT_ROLE:
            return column.sort(record) if column.sort else column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.cell_tip(record) if column.cell_tip else None) or column.tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and column.background:
            colour = column.background(record)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and column.bold and column.bold(record):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.header}: {column.text(record)}"
        return None


class FilterProxy(QSortFilterProxyModel):
    """A filter proxy whose filter settings change through `change_filter()`."""

    def change_filter(self, apply) -> None:
        """Run apply() (which changes the filter's settings) and refilter the rows."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            apply()
            self.endFilterChange()
        else:
            apply()
            self.invalidateFilter()


def sorting_proxy(model: RecordTableModel, parent: object | None = None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
