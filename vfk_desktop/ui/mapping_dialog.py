"""When a sheet cannot be understood, the officer says which column holds what, looking at its first
rows; the answer is saved as a profile and used for every later file whose header row is the same."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.columns import Role
from vfk_desktop.domain.import_plan import UnreadSheet
from vfk_desktop.io.readers.cells import cell_text
from vfk_desktop.ui import screen_fit

CHOICES = (
    ("(leave out)", None), ("Locality", Role.AREA), ("Indicator code", Role.CODE),
    ("Indicator title", Role.TITLE), ("Period", Role.PERIOD), ("Value", Role.VALUE),
    ("Kent target", Role.KENT_TARGET), ("Target period", Role.TARGET_PERIOD),
    ("Kent figure", Role.KENT_VALUE), ("Kent best", Role.BEST), ("Kent worst", Role.WORST),
    ("Priority", Role.PRIORITY), ("Commentary", Role.COMMENTARY), ("Unit", Role.UNIT),
    ("Count (numerator)", Role.COUNT), ("Denominator", Role.DENOMINATOR),
    ("Lower 95% limit", Role.LOWER_95), ("Upper 95% limit", Role.UPPER_95),
)


class SampleModel(QAbstractTableModel):
    """The sheet's headings over its first rows; row 0 holds the role choosers ("Becomes")."""

    def __init__(self, sheet: UnreadSheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(sheet.headers)
        self._rows = [list(row) for row in sheet.sample]
        self._numbers = list(sheet.sample_rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.row() == 0:
            return None
        row = self._rows[index.row() - 1]
        cell = row[index.column()] if index.column() < len(row) else None
        return cell_text(cell)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] or f"(column {section + 1})"
        if section == 0:
            return "Becomes"
        numbers = self._numbers
        return str(numbers[section - 1]) if section - 1 < len(numbers) else str(section)


class MappingDialog(QDialog):
    def __init__(self, sheet: UnreadSheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which column holds what?")
        self.sheet = sheet
        where = f"{sheet.path.name}" + (f", sheet “{sheet.sheet}”" if sheet.sheet else "")
        intro = QLabel(f"{where}: vfk could not tell what the columns of row {sheet.header_row} hold. "
                       f"Under each heading, choose what the column becomes; its first rows are shown "
                       f"below it. Files with the same headings will be read this way from now on.",
                       self)
        intro.setWordWrap(True)
        self.name = QLineEdit(f"{sheet.path.stem} layout", self)
        self.name.setAccessibleName("Name of this layout")
        self.indicator = QLineEdit(self)
        self.indicator.setAccessibleName("Indicator of every row")
        self.indicator.setPlaceholderText("only when no column holds the indicator, e.g. NI 16")
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Indicator", self.indicator)
        self.sample = SampleModel(sheet, self)
        self.table = QTableView(self)
        self.table.setAccessibleName("The sheet's first rows")
        self.table.setModel(self.sample)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.combos: dict[int, QComboBox] = {}
        for index, header in enumerate(sheet.headers):
            if not header:
                continue
            combo = QComboBox(self.table)
            combo.setAccessibleName(f"Column {header}")
            for text, role in CHOICES:
                combo.addItem(text, role.name if role else None)
            self.combos[index] = combo
            self.table.setIndexWidget(self.sample.index(0, index), combo)
        self.table.resizeColumnsToContents()
        for index in range(len(sheet.headers)):
            self.table.setColumnWidth(index, min(max(self.table.columnWidth(index), 150), 260))
        self.table.resizeRowToContents(0)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.fit_to(screen_fit.available(self).size())

    def fit_to(self, available: QSize) -> None:
        """As wide as the columns need, never more than the screen (1366 × 768 laptops included)."""
        bound = available
        frame = self.table.verticalHeader().width() + 2 * self.table.frameWidth() + 40
        want = frame + sum(self.table.columnWidth(i) for i in range(self.sample.columnCount()))
        width = min(max(want, 640), bound.width() - screen_fit.FRAME_WIDTH)
        height = min(max(self.sizeHint().height(), 460), bound.height() - screen_fit.FRAME_HEIGHT)
        self.resize(width, height)

    def choose(self, header: str, role: Role) -> None:
        """Pick role for the column headed `header` (used by keyboard users' tests too)."""
        index = list(self.sheet.headers).index(header)
        combo = self.combos[index]
        combo.setCurrentIndex(combo.findData(role.name))

    def mapping(self) -> dict[int, str]:
        return {index: combo.currentData() for index, combo in self.combos.items() if combo.currentData()}

    def given_indicator(self) -> str | None:
        text = self.indicator.text().strip()
        return try_parse_code(text) if text else None

    def _save(self) -> None:
        if self.indicator.text().strip() and self.given_indicator() is None:
            self.problem.setText(f"“{self.indicator.text().strip()}” is not an indicator code "
                                 f"(e.g. NI 16 or 163).")
            return
        self.accept()

