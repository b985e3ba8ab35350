"""File → Restore from backup…: choose one of the database's backups and put it back.

The store does the work (store/integrity.py): it checks the backup, backs up the current file, then
copies the backup in. The window closes its connection first and opens the restored file after,
keeping its hold on the file's lock throughout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.store.backups import Backup, list_backups
from vfk_desktop.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from vfk_desktop.ui.main_window import MainWindow

TITLE = "Restore from backup"


class BackupsDialog(QDialog):
    """The backups of one database, newest first; Restore is enabled once one is chosen."""

    def __init__(self, backups: list[Backup], database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle(TITLE)
        self.backups = backups
        intro = QLabel(f"Backups of {database}, newest first. The one you choose replaces the database; "
                       f"the database as it is now is backed up first, so this can be undone too.")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), 3, self)
        self.table.setHorizontalHeaderLabels(["Made", "Size", "Why it was made"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(backups):
            size = QTableWidgetItem(f"{backup.size / 1024:,.0f} KiB")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((QTableWidgetItem(f"{backup.at:%a %d %b %Y, %H:%M:%S}"), size,
                                           QTableWidgetItem(backup.reason))):
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None))
        self.table.doubleClicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 420)

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


def restore_from_backup(window: MainWindow) -> None:
    session = window.session
    path = session.store.path
    backups = list_backups(path)
    if not backups:
        QMessageBox.information(window, TITLE, f"There are no backups of {path} yet. One is made before "
                                "every import and undo, and on the first open of each day.")
        return
    dialog = BackupsDialog(backups, str(path), window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    put_back(window, dialog.chosen())


def put_back(window: MainWindow, backup: Backup) -> bool:
    """Swap backup in for the window's database; True when it was put back."""
    from vfk_desktop.logs import logger
    from vfk_desktop.store.connection import open_store
    from vfk_desktop.store.integrity import restore_backup

    session = window.session
    path, locality, lock = session.store.path, session.locality, session.lock
    session.store.close()
    try:
        safety = restore_backup(path, str(backup.path))
    except VfkError as error:
        window.use_store(open_store(path), locality, lock)
        QMessageBox.warning(window, TITLE, str(error))
        return False
    logger().info("restored %s over %s; the file it replaced is in %s", backup.path.name, path, safety.name)
    window.use_store(open_store(path), locality, lock,
                     note=f"Restored the backup made {backup.at:%d %b %Y %H:%M}; the database as it was "
                          f"is kept as {safety.name}.")
    return True
