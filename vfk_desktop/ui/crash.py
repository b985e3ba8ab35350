"""Unexpected errors: logged with their traceback and shown in a dialog; the window stays open.

faulthandler writes a crash log if Python itself dies; the next start says so once.
"""

from __future__ import annotations

import faulthandler
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.logs import log_exception, log_path

_crash_file = None


def crash_log_path() -> Path:
    return log_path().with_name("crash.log")


def install_crash_hook() -> str | None:
    """Set the hook and the fault handler; returns the previous run's crash report, if any."""
    global _crash_file
    sys.excepthook = handle_exception
    path = crash_log_path()
    previous = None
    try:
        if path.exists() and path.stat().st_size:
            previous = path.read_text(encoding="utf-8", errors="replace")
            path.replace(path.with_suffix(".previous.log"))
        _crash_file = path.open("w", encoding="utf-8")
        faulthandler.enable(_crash_file)
    except OSError:
        if sys.stderr is not None:  # a windowed Windows app has no stderr: then no fault handler
            faulthandler.enable()
    return previous


def details_of(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, error, tb))


def handle_exception(kind: type[BaseException], error: BaseException,
                     tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    from PySide6.QtWidgets import QMessageBox  # loaded when first needed: start-up shows no message

    if isinstance(error, VfkError):
        QMessageBox.warning(QApplication.activeWindow(), "vfk_desktop", str(error))
        return
    error.__traceback__ = tb
    where = log_exception(error, context="vfk_desktop")
    details = details_of(kind, error, tb)
    box = QMessageBox(QApplication.activeWindow())
    box.setObjectName("crash_dialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("vfk_desktop: something went wrong")
    box.setText(f"Something unexpected went wrong ({kind.__name__}: {error}).\n\nYour data is safe: "
                f"a change that failed is never half-written. You can carry on working.")
    box.setInformativeText(f"The details are in {where}.")
    box.setDetailedText(details)
    copy = box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    if QApplication.instance().property("vfk_no_modal_dialogs"):
        box.show()  # tests and screenshots: never block
        return
    box.exec()
