"""File → Export → Board paper (Word) and Slides, and View → What changed since the last Board:
the papers that go straight to the Board, from the window.

The figures and charts are gathered on the GUI thread (charts are drawn by widgets); the document is
written in the background behind a progress dialog. The dialog lists the changes and records the
Board's date in the database.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

FOLDER_KEY = "report/folder"
KIND = {".docx": ("Board paper", "Word document (*.docx)"), ".pptx": ("slides", "PowerPoint slides (*.pptx)")}


def export_paper(window, suffix: str, path: Path | None = None) -> None:
    """Write the Word paper (.docx) or the slides (.pptx) for the window's district and period."""
    from vfk_desktop.facts.board import build_pack
    from vfk_desktop.reports.board import check_target, pack_images, png_bytes
    from vfk_desktop.ui.errors import shown
    from vfk_desktop.ui.workers import run_job

    session = window.session
    what, file_filter = KIND[suffix]
    if path is None:
        folder = QSettings().value(FOLDER_KEY, str(Path.home()), type=str)
        name = f"{session.locality} {'Board paper' if suffix == '.docx' else 'slides'}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(window, f"Export the {what}", str(Path(folder) / name),
                                                file_filter)
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)
        QSettings().setValue(FOLDER_KEY, str(path.parent))
    with shown(window, f"Export the {what}"):
        check_target(path, (suffix,))
        pack = build_pack(session.store, session.locality, session.period)
        charts = {chart: png_bytes(image) for chart, image in pack_images(pack).items()}

        def work(ctx):
            ctx.progress(0.5, f"Writing the {what}")
            if suffix == ".docx":
                from vfk_desktop.reports.word_paper import write_word

                return write_word(pack, path, charts)
            from vfk_desktop.reports.slides import write_slides

            write_slides(pack, path, charts)
            return path

        def done(_written: object) -> None:
            window.statusBar().showMessage(f"Saved the {what} to {path}.", 10000)
            window.last_paper = path

        run_job(window, f"Exporting the {what}", session.store.path, work, done)


class ChangesDialog(QDialog):
    """What is new or changed since the last Board, with the Board's date to record or change."""

    def __init__(self, window) -> None:
        super().__init__(window)
        from vfk_desktop.facts.changes import board_date

        self.session = window.session
        self.setWindowTitle(f"What changed since the last Board: {self.session.locality}")
        self.board_day = QDateEdit(self)
        self.board_day.setCalendarPopup(True)
        self.board_day.setDisplayFormat("d MMMM yyyy")
        self.board_day.setAccessibleName("Date of the last Board")
        recorded = board_date(self.session.store, self.session.locality)
        day = recorded or dt.date.today()
        self.board_day.setDate(QDate(day.year, day.month, day.day))
        self.record = QPushButton("&Record as the last Board", self)
        self.record.clicked.connect(self.record_board)
        self.board_day.dateChanged.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("changes_table")
        self.table.setHorizontalHeaderLabels(["Code", "Indicator", "What", "Before", "After", "Period"])
        self.table.setAccessibleName("Changes since the last Board")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        row = QHBoxLayout()
        row.addWidget(QLabel("&Last Board:", self, buddy=self.board_day))
        row.addWidget(self.board_day)
        row.addWidget(self.record)
        row.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 500)
        self.refresh()

    def day(self) -> dt.date:
        return self.board_day.date().toPython()

    def refresh(self) -> None:
        from vfk_desktop.facts.changes import changes_since

        words, changes = changes_since(self.session.store, self.session.locality, self.day().isoformat(),
                                       self.session.period)
        self.summary.setText(f"{len(changes)} changes since {words}." if changes
                             else f"Nothing has changed since {words}.")
        self.table.setRowCount(len(changes))
        for number, change in enumerate(changes):
            texts = (change.code, change.title, change.what, change.before or "–", change.after or "–",
                     change.period or "–")
            for column, text in enumerate(texts):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def record_board(self) -> None:
        from vfk_desktop.facts.changes import day_words, record_board_date
        from vfk_desktop.ui.errors import shown

        with shown(self, "Record the Board's date"):
            record_board_date(self.session.store, self.session.locality, self.day())
            self.summary.setText(f"The last Board is recorded as {day_words(self.day())}. "
                                 + self.summary.text())


def show_changes(window: QWidget) -> None:
    from vfk_desktop.ui.errors import shown

    with shown(window, "What changed since the last Board"):
        dialog = ChangesDialog(window)
        dialog.exec()
        dialog.deleteLater()
