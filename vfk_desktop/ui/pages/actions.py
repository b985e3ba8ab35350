"""The district's actions on its indicators: filter to the overdue, one indicator or one owner; add,
edit, note progress and delete, every change undoable; High priorities worse than target with no
open action are named at the top, for the Board will ask about them first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.actions import OVERDUE, Action, ActionStatus, Note, unanswered_reds
from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.store.actions import actions, link_choices
from vfk_desktop.store.changes import now_text
from vfk_desktop.ui.errors import shown
from vfk_desktop.ui.forms import labelled_form
from vfk_desktop.ui.pages.heading import page_heading
from vfk_desktop.ui.table_model import ROW_ROLE, SORT_ROLE, Column, FilterProxy, RecordTableModel
from vfk_desktop.ui.undo import push
from vfk_desktop.ui.undo_accounts import DeleteAction, SaveAction, UpdateAction
from vfk_desktop.who import current_user

ALL = "All"
STATUS_COLOURS = {OVERDUE: "#f4c7c3", ActionStatus.AT_RISK.value: "#fce8b2",
                  ActionStatus.ON_TRACK.value: "#d9ead3", ActionStatus.DONE.value: "#e8eaed"}


def _status(action: Action) -> str:
    shown = action.shown_status()
    return f"{shown} ({action.status.value})" if shown == OVERDUE else shown


def _latest(action: Action) -> str:
    note = action.latest_note()
    return f"{note.at[:10]} {note.author}: {note.text}" if note else ""


class ActionModel(RecordTableModel):
    columns = (
        Column("ID", lambda a: str(a.id), "The action's number (`vfk action update ID`)", numeric=True,
               sort=lambda a: a.id),
        Column("Action", lambda a: a.title, "What is being done"),
        Column("Owner", lambda a: a.owner, "Who answers for it"),
        Column("Due", lambda a: a.due.isoformat() if a.due else "", "When it is due"),
        Column("Status", _status, "Not started, on track, at risk or done; "
               "overdue once past its due date and not done",
               background=lambda a: STATUS_COLOURS.get(a.shown_status())),
        Column("Indicators", lambda a: ", ".join(a.indicators), "The indicators it answers for"),
        Column("Latest note", _latest, "The newest progress note, with its date and author",
               cell_tip=lambda a: "\n".join(f"{n.at[:16].replace('T', ' ')} {n.author}: {n.text}"
                                            for n in a.notes) or None),
    )


class ActionFilter(FilterProxy):
    """Rows passing a test on the action itself (overdue, by indicator, by owner)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepts = lambda _action: True
        self.setSortRole(SORT_ROLE)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 (Qt's name)
        return self.accepts(self.sourceModel().row_at(row))


class ActionDialog(QDialog):
    """Add or edit one action; a progress note typed here is added with today's date and your name."""

    def __init__(self, action: Action, parent: QWidget | None = None,
                 choices: tuple[list, list] = ([], [])) -> None:
        super().__init__(parent)
        self.setWindowTitle("Action")
        self.action = action
        self.title_edit = QLineEdit(action.title, self)
        self.owner_edit = QLineEdit(action.owner, self)
        self.due_edit = QDateEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        due = action.due or dt.date.today() + dt.timedelta(days=90)
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.status_box = QComboBox(self)
        self.status_box.addItems([s.value for s in ActionStatus])
        self.status_box.setCurrentText(action.status.value)
        self.indicators_edit = QLineEdit(", ".join(action.indicators), self)
        self.indicators_edit.setPlaceholderText("NI 39, NI 40")
        self.priority_box, self.plan_box = QComboBox(self), QComboBox(self)
        for box, found, chosen in ((self.priority_box, choices[0], action.local_priority),
                                   (self.plan_box, choices[1], action.delivery_plan)):
            box.addItem("none", None)
            for key, title in found:
                box.addItem(title, key)
            box.setCurrentIndex(max(box.findData(chosen), 0))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 4)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = labelled_form(self, [("&Title", self.title_edit), ("&Owner", self.owner_edit),
                                    ("&Due", self.due_edit), ("&Status", self.status_box),
                                    ("&Indicators", self.indicators_edit),
                                    ("Local &priority", self.priority_box), ("Delivery p&lan", self.plan_box),
                                    ("Progress &note", self.note_edit)])
        form.addRow(buttons)
        self.resize(560, 360)

    def result_action(self) -> Action:
        codes = []
        for part in self.indicators_edit.text().replace(";", ",").split(","):
            if part.strip():
                code = try_parse_code(part.strip())
                if code is None:
                    raise VfkError(f'"{part.strip()}" is not an indicator code such as NI 39.')
                codes.append(code)
        date = self.due_edit.date()
        notes = self.action.notes
        if self.note_edit.toPlainText().strip():
            notes += (Note(now_text(), current_user(), self.note_edit.toPlainText().strip()),)
        return Action(self.action.id, self.action.locality, self.title_edit.text().strip(),
                      self.owner_edit.text().strip(), dt.date(date.year(), date.month(), date.day()),
                      ActionStatus(self.status_box.currentText()), tuple(dict.fromkeys(codes)), notes,
                      self.priority_box.currentData(), self.plan_box.currentData())


class ActionsPage(QWidget):
    title = "Actions"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ActionModel(self)
        self.proxy = ActionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.heading = page_heading(self)
        self.unanswered = QLabel(self)
        self.unanswered.setObjectName("unanswered_reds")
        self.unanswered.setWordWrap(True)
        self.unanswered.setStyleSheet("background: #fdecea; border: 1px solid #d93025; padding: 6px;")
        self.overdue_filter = QCheckBox("&Overdue only", self)
        self.indicator_filter = QComboBox(self)
        self.indicator_filter.setAccessibleName("Indicator")
        self.owner_filter = QComboBox(self)
        self.owner_filter.setAccessibleName("Owner")
        for control in (self.indicator_filter, self.owner_filter):
            control.currentTextChanged.connect(self._filter)
        self.overdue_filter.toggled.connect(self._filter)
        self.view = QTableView(self)
        self.view.setAccessibleName("Actions")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorClearable(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # due first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _: self.edit())
        filters = QHBoxLayout()
        for widget in (self.overdue_filter, QLabel("&Indicator:", self), self.indicator_filter,
                       QLabel("O&wner:", self), self.owner_filter):
            filters.addWidget(widget)
            if isinstance(widget, QLabel):
                widget.setBuddy(self.indicator_filter if "Indicator" in widget.text() else self.owner_filter)
        filters.addStretch(1)
        self.buttons = {}
        for name, text, slot in (("add", "&Add…", self.add), ("edit", "&Edit…", self.edit),
                                 ("note", "Add a &note…", self.note), ("delete", "&Delete", self.delete)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            filters.addWidget(button)
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.unanswered)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        session.locality_changed.connect(lambda _: self.refresh())
        session.period_changed.connect(lambda _: self.refresh())
        session.data_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        store, locality = self.session.store, self.session.locality
        rows = actions(store, locality)
        self.model.set_rows(rows)
        reds = unanswered_reds(fare_table(store, locality, self.session.period), rows)
        self.unanswered.setText(
            f"High priorities worse than target with no open action: {', '.join(reds)}" if reds
            else "Every High priority worse than target has an open action.")
        self.unanswered.setStyleSheet(self.unanswered.styleSheet() if reds else "padding: 6px;")
        overdue = sum(a.is_overdue() for a in rows)
        self.heading.setText(f"{locality}: {len(rows)} actions, {overdue} overdue")
        for control, values in ((self.indicator_filter, {c for a in rows for c in a.indicators}),
                                (self.owner_filter, {a.owner for a in rows})):
            chosen = control.currentText()
            control.blockSignals(True)
            control.clear()
            control.addItems([ALL, *sorted(values)])
            control.setCurrentText(chosen if chosen in values else ALL)
            control.blockSignals(False)
        for button in self.buttons.values():
            button.setEnabled(not self.session.readonly)
        self._filter()

    def _filter(self, *_args) -> None:
        overdue, code, owner = (self.overdue_filter.isChecked(), self.indicator_filter.currentText(),
                                self.owner_filter.currentText())
        def accepts(a: Action) -> bool:
            return ((not overdue or a.is_overdue()) and (code in (ALL, "") or code in a.indicators)
                    and (owner in (ALL, "") or a.owner == owner))

        self.proxy.change_filter(lambda: setattr(self.proxy, "accepts", accepts))

    def chosen(self) -> Action | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def add(self) -> None:
        self._edit(Action(None, self.session.locality, "", "", None))

    def edit(self) -> None:
        if (chosen := self.chosen()) is not None:
            self._edit(chosen)

    def _edit(self, action: Action) -> None:
        dialog = ActionDialog(action, self, link_choices(self.session.store, self.session.locality))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            with shown(self, "Action"):
                push(self.session, SaveAction(self.session, dialog.result_action()))

    def note(self) -> None:
        if (chosen := self.chosen()) is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Progress note", f"Progress on “{chosen.title}”:")
        if ok and text.strip():
            with shown(self, "Action"):
                push(self.session, UpdateAction(self.session, chosen.id, note=text))

    def delete(self) -> None:
        if (chosen := self.chosen()) is None:
            return
        if QMessageBox.question(self, "Delete action", f"Delete “{chosen.title}”? (Edit → Undo brings "
                                "it back.)") == QMessageBox.StandardButton.Yes:
            with shown(self, "Action"):
                push(self.session, DeleteAction(self.session, chosen))
