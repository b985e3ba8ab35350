"""The fare table as a Qt model: one row per FareRow, columns from a table, text from `present`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from vfk_desktop import present
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.palette import RAG_TINT

ROW_ROLE = Qt.ItemDataRole.UserRole  # the FareRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts the column correctly
_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_INF = float("inf")


def _number_key(value: float | None) -> float:
    return _INF if value is None else value


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[FareRow], str]
    sort: Callable[[FareRow], object]
    tip: str
    numeric: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("Code", lambda r: r.code, lambda r: r.code, "The indicator's code (National Indicator number)"),
    Column("Indicator", lambda r: r.title, lambda r: r.title.lower(), "What the indicator measures"),
    Column("Priority", lambda r: r.priority.value if r.priority else "", lambda r: r.priority.order
           if r.priority else 9, "The district's KA2 ranking: High, Medium or Low"),
    Column("Period", present.period, lambda r: r.period.sort_key if r.period else (),
           "The latest period with a value for this district"),
    Column("Value", present.value, lambda r: _number_key(r.value), "The district's figure", True),
    Column("Kent target", present.target, lambda r: _number_key(r.kent_target),
           "The Kent target that applies to the period (the next later one if none for it)", True),
    Column("Kent", lambda r: present.figure(r.kent_value), lambda r: _number_key(r.kent_value),
           "The figure for Kent as a whole", True),
    Column("Best", lambda r: present.figure(r.kent_best), lambda r: _number_key(r.kent_best),
           "The best district's figure in Kent (by polarity)", True),
    Column("Worst", lambda r: present.figure(r.kent_worst), lambda r: _number_key(r.kent_worst),
           "The worst district's figure in Kent (by polarity)", True),
    Column("Rank", present.rank, lambda r: _number_key(r.rank),
           "1 = best of the districts that have a value; ties share the better rank", True),
    Column("Status", present.status, lambda r: {"red": 0, "amber": 1, "green": 2}.get(
        r.rag.value, 3) if r.rag else 4,
           "Against the Kent target: green met or better, amber worse within the tolerance, red beyond"),
    Column("Direction", present.direction, lambda r: r.direction.value if r.direction else "~",
           "Since the previous period of the same kind, by polarity"),
)
STATUS_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.header == "Status")


class FareTableModel(QAbstractTableModel):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FareRow] = []

    def set_rows(self, rows: list[FareRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[FareRow]:
        return list(self._rows)

    def row_at(self, row: int) -> FareRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.sort(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(_NUMBER_ALIGN)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == STATUS_COLUMN and row.rag:
            return QBrush(QColor(RAG_TINT[row.rag]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        return None


def _tooltip(row: FareRow, column: Column) -> str:
    if column.header == "Indicator":
        return f"{row.code} {row.title}\nPolarity: {present.polarity(row)}"
    if column.header == "Kent target" and row.target_period:
        return f"Kent target for {row.target_period.label}"
    if column.header in ("Best", "Worst") and row.range_source == "stated":
        return "As stated in a partner's sheet (the store lacks some districts' values)"
    if column.header == "Status" and row.rag:
        return (f"{row.vs_target.value.title()} than target" if row.vs_target and
                row.vs_target.value != "met" else "Target met") + (
            f"; amber within {row.tolerance:.0%} of the target")
    return column.tip
