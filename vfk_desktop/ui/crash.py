"""Unexpected errors: logged with their traceback and shown in a dialog; the window stays open."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.logs import log_exception


def install_crash_hook() -> None:
    sys.excepthook = handle_exception


def handle_exception(kind: type[BaseException], error: BaseException,
                     tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(error, VfkError):
        QMessageBox.warning(QApplication.activeWindow(), "vfk_desktop", str(error))
        return
    error.__traceback__ = tb
    where = log_exception(error, context="vfk_desktop")
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("vfk_desktop: something went wrong")
    box.setText("Something unexpected went wrong. Your data is safe: nothing was half-written.")
    box.setInformativeText(f"The details are in {where}.")
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
    box.exec()
