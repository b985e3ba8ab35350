"""The import log: every import (and, if asked, every change typed by hand), with Undo import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.store.imports import ImportRecord, list_imports, undo_import
from vfk_desktop.ui.errors import shown
from vfk_desktop.ui.pages.heading import page_heading
from vfk_desktop.ui.table_model import ROW_ROLE, Column, RecordTableModel, sorting_proxy

KIND_WORDS = {"import": "import", "sample": "sample data", "edit": "typed by hand"}


def _when(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ")


class ImportLogModel(RecordTableModel):
    columns = (
        Column("#", lambda r: str(r.import_id), "The import's number (vfk undo uses it)",
               sort=lambda r: r.import_id, numeric=True),
        Column("When", lambda r: _when(r.at), "When it was imported", sort=lambda r: r.at),
        Column("Who", lambda r: r.user, "Who imported it"),
        Column("What", lambda r: KIND_WORDS.get(r.kind, r.kind),
               "An import, the sample data, or typed by hand"),
        Column("Files", lambda r: ", ".join(r.files), "The files imported together (all or nothing)"),
        Column("New", lambda r: f"{r.inserted:,}", "Figures added", sort=lambda r: r.inserted, numeric=True),
        Column("Updated", lambda r: f"{r.updated:,}", "Figures changed (the old ones are kept for undo)",
               sort=lambda r: r.updated, numeric=True),
        Column("Unchanged", lambda r: f"{r.unchanged:,}", "Figures already in the database",
               sort=lambda r: r.unchanged, numeric=True),
        Column("Skipped", lambda r: f"{r.skipped:,}", "Rows left out (areas outside Kent, totals)",
               sort=lambda r: r.skipped, numeric=True),
        Column("Undone", lambda r: _when(r.undone), "When it was taken back",
               background=lambda r: "#E8E8E8" if r.undone else None),
    )


class ImportsPage(QWidget):
    title = "Imports"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ImportLogModel(self)
        self.proxy = sorting_proxy(self.model, self)
        heading = page_heading(self, "Imports")
        self.import_button = QPushButton("&Import files…", self)
        self.import_button.setToolTip("Import partner spreadsheets (or drop them on the window)")
        self.import_button.clicked.connect(self._request_import)
        self.undo_button = QPushButton("&Undo import", self)
        self.undo_button.setToolTip("Put back exactly what was there before the chosen import")
        self.undo_button.clicked.connect(self.undo_chosen)
        self.show_edits = QCheckBox("Show changes &typed by hand", self)
        self.show_edits.toggled.connect(lambda _: self.refresh())
        self.view = QTableView(self)
        self.view.setAccessibleName("Import log")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        row = QHBoxLayout()
        for widget in (self.import_button, self.undo_button, self.show_edits):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        session.data_changed.connect(self.refresh)
        self.refresh()

    def _request_import(self) -> None:
        window = self.window()
        if hasattr(window, "import_dialog"):
            window.files.import_dialog()

    def refresh(self) -> None:
        records = [r for r in list_imports(self.session.store)
                   if self.show_edits.isChecked() or r.kind != "edit"]
        self.model.set_rows(records)
        writable = not self.session.readonly
        self.import_button.setEnabled(writable)
        self.undo_button.setEnabled(writable)

    def chosen(self) -> ImportRecord | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def undo_chosen(self, confirm: bool = True) -> None:
        record = self.chosen()
        if record is None:
            return
        if record.undone:
            QMessageBox.information(self, "Undo import", f"Import {record.import_id} is already undone.")
            return
        if confirm:
            answer = QMessageBox.question(
                self, "Undo import",
                f"Take back import {record.import_id} ({', '.join(record.files) or KIND_WORDS[record.kind]})?"
                f" The figures it brought in are removed and those it replaced are put back.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        with shown(self, "Undo import"):
            restored = undo_import(self.session.store, record.import_id)
            self.window().statusBar().showMessage(
                f"Import {record.import_id} undone; {restored} earlier figures put back.", 15000)
            self.session.notify_data_changed()
