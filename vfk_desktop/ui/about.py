"""Help -> About: the icon, the version, the database, and the versions of the libraries underneath."""

from __future__ import annotations

import platform
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from vfk_desktop import __version__
from vfk_desktop.logs import log_path
from vfk_desktop.ui.screen_fit import fit_hint_to_screen

# What the app runs on. pandas is left out: the app never uses it and the installed build omits it.
LIBRARIES = ("PySide6-Essentials", "pyqtgraph", "numpy", "python-calamine", "openpyxl", "xlsxwriter",
             "sqlite-utils", "platformdirs", "defusedxml")
SUMMARY = "Locality Board figures for Kent's districts under the Vision for Kent 2011-2021."


def library_versions() -> list[tuple[str, str]]:
    found = [("Python", platform.python_version()), ("SQLite", sqlite3.sqlite_version)]
    for name in LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def build_kind() -> str:
    return "installed build" if getattr(sys, "frozen", False) else "run from Python"


def about_text(db_path: Path) -> str:
    versions = "\n".join(f"  {name} {version}" for name, version in library_versions())
    return (f"vfk_desktop {__version__} ({build_kind()})\n{SUMMARY}\n\n"
            f"Database: {db_path}\nLog: {log_path()}\n\nBuilt on:\n{versions}")


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle("About vfk_desktop")
        from vfk_desktop.ui.icon import app_icon

        picture = QLabel(self)
        picture.setPixmap(app_icon().pixmap(96, 96))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        first, rest = about_text(db_path).split("\n", 1)
        self.heading = QLabel(first, self)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.text = QLabel(rest, self)
        self.text.setObjectName("about_text")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("About vfk_desktop")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(picture)
        row.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        fit_hint_to_screen(self)


def show_about(window: QWidget) -> None:
    """Help → About, over window (shown, not waited for, in tests and the smoke check)."""
    from PySide6.QtWidgets import QApplication

    dialog = AboutDialog(window.session.store.path, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if QApplication.instance().property("vfk_no_modal_dialogs"):
        dialog.show()
    else:
        dialog.exec()
