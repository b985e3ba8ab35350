"""Every stored figure with where it came from; filters; values and targets typed by hand.

A figure typed here is recorded like an import (the change log keeps what it replaced), and each
change is a step on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop import present
from vfk_desktop.domain.codes import code_sort_key
from vfk_desktop.domain.localities import KENT
from vfk_desktop.facts.fare import listed_codes
from vfk_desktop.store.history import Observation, observations
from vfk_desktop.store.queries import catalogue, districts
from vfk_desktop.ui.errors import shown
from vfk_desktop.ui.pages.heading import page_heading
from vfk_desktop.ui.screen_fit import fit_hint_to_screen
from vfk_desktop.ui.table_model import ROW_ROLE, Column, RecordTableModel, number_key, sorting_proxy
from vfk_desktop.ui.undo import SetFigure, push

KINDS = (("Every kind", None), ("Values", "value"), ("Targets", "target"),
         ("Stated Kent best", "best"), ("Stated Kent worst", "worst"))
KIND_NAMES = {kind: name for name, kind in KINDS}
FIGURE_COLUMN = 5


class ObservationModel(RecordTableModel):
    columns = (
        Column("Place", lambda o: o.area, "A district, or Kent as a whole"),
        Column("Code", lambda o: o.code, "The indicator's code", sort=lambda o: code_sort_key(o.code)),
        Column("Indicator", lambda o: o.title, "What the indicator measures",
               cell_tip=lambda o: f"{o.code} {o.title}"),
        Column("Period", lambda o: o.period.label, "The period of the figure",
               sort=lambda o: o.period.sort_key),
        Column("Kind", lambda o: KIND_NAMES[o.kind].rstrip("s"), "Value, target, or stated best/worst"),
        Column("Figure", lambda o: present.figure(o.figure.value, o.figure.text),
               "As given (double-click to type a new one; N/a for not available)",
               sort=lambda o: number_key(o.figure.value), numeric=True),
        Column("Why no value", lambda o: o.missing or "", "Not available, suppressed, or an error"),
        Column("Where it came from", lambda o: o.provenance.describe(),
               "The file, sheet and cell, the import, when and by whom — or typed by hand",
               cell_tip=lambda o: o.provenance.describe()),
    )

    def __init__(self, on_edit, parent: object | None = None) -> None:
        super().__init__(parent)
        self.on_edit = on_edit
        self.editable = True

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() == FIGURE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != FIGURE_COLUMN:
            return False
        record: Observation = self.row_at(index.row())
        if str(value).strip() != self.columns[FIGURE_COLUMN].text(record):
            self.on_edit(record.area, record.code, record.period.label, record.kind, str(value))
        return True


class AddFigureDialog(QDialog):
    """Type a figure that is not in the database yet: a value, a target or a stated best/worst."""

    def __init__(self, session, parent: QWidget | None = None, code: str | None = None,
                 period: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a figure")
        self.indicator = QComboBox(self)
        for known, indicator in sorted(catalogue(session.store).items(), key=lambda i: code_sort_key(i[0])):
            self.indicator.addItem(f"{known} – {indicator.title}", known)
        self.indicator.setCurrentIndex(max(self.indicator.findData(code), 0))
        self.place = QComboBox(self)
        self.place.addItems([KENT, *districts(session.store)])
        self.place.setCurrentText(session.locality)
        self.kind = QComboBox(self)
        for name, kind in KINDS[1:]:
            self.kind.addItem(name.rstrip("s"), kind)
        self.period = QLineEdit(period, self)
        self.period.setPlaceholderText("e.g. 2010/11, 2009, 2009/10 Q3")
        self.figure = QLineEdit(self)
        self.figure.setPlaceholderText("e.g. 1,212 or 70.9% or N/a")
        for widget, name in ((self.indicator, "Indicator"), (self.place, "Place"), (self.kind, "Kind"),
                             (self.period, "Period"), (self.figure, "Figure")):
            widget.setAccessibleName(name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (("&Indicator", self.indicator), ("P&lace", self.place),
                              ("&Kind", self.kind), ("&Period", self.period), ("&Figure", self.figure)):
            form.addRow(label, widget)
        form.addRow(buttons)
        fit_hint_to_screen(self)

    def values(self) -> tuple[str, str, str, str, str]:
        return (self.place.currentText(), self.indicator.currentData(), self.period.text().strip(),
                self.kind.currentData(), self.figure.text().strip())


class DataPage(QWidget):
    title = "Data"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ObservationModel(self.edit_figure, self)
        self.proxy = sorting_proxy(self.model, self)
        self.place = QComboBox(self)
        self.place.setAccessibleName("Place")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind of figure")
        for name, kind in KINDS:
            self.kind.addItem(name, kind)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter by code, indicator, period or source")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter figures")
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton("&Add figure…", self)
        self.add_button.setToolTip("Type a value or target that is not in the database yet")
        self.add_button.clicked.connect(self.add_figure)
        self.count = QLabel(self)
        for combo in (self.place, self.kind):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.view = QTableView(self)
        self.view.setAccessibleName("Figures")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        samples = ("Tonbridge and Malling_", "NI 120m__", "M" * 24, "2009/10 Q3__", "Target___",
                   "1,234,567_", "not available__")
        for column, sample in enumerate(samples):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample))
        row = QHBoxLayout()
        for label, widget in (("&Place ", self.place), ("  &Kind ", self.kind)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        heading = page_heading(self, "Figures and where they came from")
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        session.locality_changed.connect(lambda _: self._fill_places())
        session.data_changed.connect(self.refresh)
        self._fill_places()

    def _fill_places(self) -> None:
        self.place.blockSignals(True)
        self.place.clear()
        self.place.addItem("Every place", None)
        for name in [self.session.locality, KENT, *districts(self.session.store)]:
            if self.place.findData(name) < 0:
                self.place.addItem(name, name)
        self.place.setCurrentIndex(1)
        self.place.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        rows = observations(self.session.store, area=self.place.currentData(),
                            kind=self.kind.currentData())
        self.model.editable = not self.session.readonly
        self.model.set_rows(rows)
        self.add_button.setEnabled(not self.session.readonly)
        self.count.setText(f"{len(rows):,} figures")

    def edit_figure(self, area: str, code: str, period: str, kind: str, text: str) -> None:
        with shown(self, "Type a figure"):
            push(self.session, SetFigure(self.session, area, code, period, kind, text or None))

    def indicator_in_view(self) -> tuple[str | None, str]:
        """The indicator (and period) Add figure starts on: the chosen row's, else the one the
        Indicator page shows, else the district's first indicator."""
        index = self.view.currentIndex()
        if index.isValid():
            record: Observation = index.data(ROW_ROLE)
            return record.code, record.period.label
        if self.session.indicator:
            return self.session.indicator, ""
        listed = sorted(listed_codes(self.session.store, self.session.locality), key=code_sort_key)
        return (listed[0] if listed else None), ""

    def add_figure(self) -> None:
        code, period = self.indicator_in_view()
        dialog = AddFigureDialog(self.session, self, code, period)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            area, code, period, kind, text = dialog.values()
            self.edit_figure(area, code, period, kind, text)

    def record_at(self, row: int) -> Observation:
        return self.proxy.index(row, 0).data(ROW_ROLE)
