"""The LSP's own priorities, each tied to Ambitions and to the indicators that evidence it:
add, edit, reorder and delete, every change undoable."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.codes import code_sort_key
from vfk_desktop.domain.rollup import roll_up
from vfk_desktop.facts.rollups import local_priority_rollups
from vfk_desktop.palette import RAG_TINT
from vfk_desktop.store.local_priorities import LocalPriority, local_priorities
from vfk_desktop.store.queries import catalogue
from vfk_desktop.store.vision import ambitions
from vfk_desktop.ui.errors import shown
from vfk_desktop.ui.pages.heading import page_heading
from vfk_desktop.ui.rollup_views import LINK, badge, code_links
from vfk_desktop.ui.screen_fit import fit_to_screen
from vfk_desktop.ui.table_model import ROW_ROLE, Column, RecordTableModel
from vfk_desktop.ui.undo import DeleteLocalPriority, MoveLocalPriority, SaveLocalPriority, push


class LocalPriorityModel(RecordTableModel):
    columns = (
        Column("#", lambda p: str(p.position), "Its place in the LSP's list", numeric=True),
        Column("Priority", lambda p: p.title, "The LSP's own priority",
               cell_tip=lambda p: p.description or p.title),
        Column("Ambitions", lambda p: "; ".join(p.ambition_names) or "none",
               "The Countywide Ambitions it serves"),
        Column("Evidenced by", lambda p: ", ".join(p.indicators) or "no indicator yet",
               "The indicators that show progress on it"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rollups: dict = {}  # priority id -> RollUp, set before the rows
        self.columns = (*type(self).columns,
                        Column("Statuses", lambda p: self._rollup(p).summary(),
                               "Its indicators' statuses, counted as the Overview counts them"),
                        Column("Worst", lambda p: self._worst(p), "The worst status among them",
                               background=lambda p: RAG_TINT.get(self._rollup(p).worst)))

    def _rollup(self, priority: LocalPriority):
        return self.rollups.get(priority.id) or roll_up(priority.title, (), ())

    def _worst(self, priority: LocalPriority) -> str:
        worst = self._rollup(priority).worst
        return worst.value if worst else ""


class LocalPriorityDialog(QDialog):
    """Edit one priority: its title, description, Ambitions and indicators."""

    def __init__(self, session, priority: LocalPriority, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Local priority")
        self.priority = priority
        self.title_edit = QLineEdit(priority.title, self)
        self.title_edit.setAccessibleName("Title")
        self.description = QPlainTextEdit(priority.description or "", self)
        self.description.setAccessibleName("Description")
        self.description.setFixedHeight(self.fontMetrics().height() * 4)
        self.ambition_boxes = []
        ambition_row = QVBoxLayout()
        for ambition in ambitions(session.store):
            box = QCheckBox(f"Ambition {ambition.number}: {ambition.title}", self)
            box.setChecked(ambition.number in priority.ambitions)
            box.setProperty("number", ambition.number)
            self.ambition_boxes.append(box)
            ambition_row.addWidget(box)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find an indicator…")
        self.search.setAccessibleName("Find an indicator")
        self.indicators = QListWidget(self)
        self.indicators.setAccessibleName("Indicators")
        for code, indicator in sorted(catalogue(session.store).items(), key=lambda i: code_sort_key(i[0])):
            item = QListWidgetItem(f"{code} – {indicator.title}", self.indicators)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in priority.indicators
                               else Qt.CheckState.Unchecked)
        self.search.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("&Description", self.description)
        form.addRow("Ambitions", ambition_row)
        form.addRow("Indicators", self.search)
        form.addRow("", self.indicators)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 560)  # an indicator's title on one line

    def _filter(self, text: str) -> None:
        for row in range(self.indicators.count()):
            item = self.indicators.item(row)
            item.setHidden(text.lower() not in item.text().lower())

    def result_priority(self) -> LocalPriority:
        codes = tuple(self.indicators.item(r).data(Qt.ItemDataRole.UserRole)
                      for r in range(self.indicators.count())
                      if self.indicators.item(r).checkState() == Qt.CheckState.Checked)
        chosen = tuple(b.property("number") for b in self.ambition_boxes if b.isChecked())
        return replace(self.priority, title=self.title_edit.text().strip(),
                       description=self.description.toPlainText().strip() or None,
                       ambitions=chosen, indicators=codes)


class LocalPrioritiesPage(QWidget):
    title = "Local priorities"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = LocalPriorityModel(self)
        self.heading = page_heading(self)
        self.view = QTableView(self)
        self.view.setAccessibleName("Local priorities")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _: self.edit())
        self.evidence = QLabel(self)
        self.evidence.setObjectName("evidence")
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.evidence.linkActivated.connect(
            lambda link: session.indicator_requested.emit(link.removeprefix(LINK)))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_evidence())
        self.buttons = {}
        row = QHBoxLayout()
        for name, text, tip, slot in (
            ("add", "&Add…", "Add a local priority", self.add),
            ("edit", "&Edit…", "Change the chosen priority", self.edit),
            ("delete", "&Delete", "Delete the chosen priority (Ctrl+Z brings it back)", self.delete),
            ("up", "Move &up", "Move the chosen priority up the list", lambda: self.move(-1)),
            ("down", "Move d&own", "Move the chosen priority down the list", lambda: self.move(1)),
        ):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.evidence)
        session.period_changed.connect(lambda _: self.refresh())
        session.locality_changed.connect(lambda _: self.refresh())
        session.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.chosen()
        rows = local_priorities(self.session.store, self.session.locality)
        self.model.rollups = local_priority_rollups(self.session.store, self.session.locality,
                                                    self.session.period)
        self.model.set_rows(rows)
        self.heading.setText(f"{self.session.locality} LSP priorities ({len(rows)})")
        if chosen is not None:
            for index, row in enumerate(rows):
                if row.id == chosen.id:
                    self.view.selectRow(index)
        for button in self.buttons.values():
            button.setEnabled(not self.session.readonly)
        self._show_evidence()

    def _show_evidence(self) -> None:
        chosen = self.chosen()
        rollup = self.model.rollups.get(chosen.id) if chosen else None
        self.evidence.setText(f"<b>{escape(chosen.title)}</b>: {badge(rollup)}<br>{code_links(rollup)}"
                              if rollup else "Choose a priority to see its indicators; a code opens "
                              "the Indicator page.")

    def chosen(self) -> LocalPriority | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def add(self) -> None:
        rows = self.model.rows()
        blank = LocalPriority(None, self.session.locality, (rows[-1].position if rows else 0) + 1, "")
        self._edit(blank)

    def edit(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self._edit(chosen)

    def _edit(self, priority: LocalPriority) -> None:
        dialog = LocalPriorityDialog(self.session, priority, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            with shown(self, "Local priority"):
                push(self.session, SaveLocalPriority(self.session, dialog.result_priority()))

    def delete(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        answer = QMessageBox.question(self, "Delete local priority",
                                      f"Delete “{chosen.title}”? (Edit → Undo brings it back.)")
        if answer == QMessageBox.StandardButton.Yes:
            with shown(self, "Local priority"):
                push(self.session, DeleteLocalPriority(self.session, chosen))

    def move(self, step: int) -> None:
        rows = self.model.rows()
        chosen = self.chosen()
        if chosen is None:
            return
        index = next(i for i, row in enumerate(rows) if row.id == chosen.id)
        other = index + step
        if 0 <= other < len(rows):
            with shown(self, "Local priority"):
                push(self.session, MoveLocalPriority(self.session, rows[index], rows[other]))
            self.view.selectRow(other)
