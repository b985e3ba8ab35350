"""UI fixtures: a real main window on a private copy of the sample database, and a way to answer
the modal dialogs the window opens (as an officer would click them)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from vfk_desktop.app import make_application
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.main_window import MainWindow
from vfk_desktop.ui.workers import ProgressDialog


@pytest.fixture(autouse=True)
def fresh_settings(qapp):
    make_application()  # organisation and application names, as the app sets them
    qapp.setProperty("vfk_no_modal_dialogs", True)
    QSettings().clear()
    yield
    QSettings().clear()


_TIMERS: list[QTimer] = []


@pytest.fixture(autouse=True)
def stop_dialog_timers():
    yield
    for timer in _TIMERS:
        timer.stop()
        timer.deleteLater()
    _TIMERS.clear()


def dispose(widget: QWidget) -> None:
    """Delete a window now, while Qt is alive (left to the garbage collector at exit, PySide's
    wrappers of undo commands and models can be freed in the wrong order and crash the process)."""
    session = getattr(widget, "session", None)
    if session is not None:
        session.undo_stack.clear()
        session.close()  # the database, and the file's lock if the window held it
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, sample_db):
    store = open_store(sample_db)
    main = MainWindow(store, "Tunbridge Wells")
    main.show()
    qtbot.waitExposed(main)
    yield main
    dispose(main)


def answer_modal(action: Callable[[QWidget], None], timeout_ms: int = 20000) -> list[str]:
    """When the next modal dialog opens, act on it (accept, click a button…).

    Returns a list that receives the dialog's text (or title) when it is seen: message boxes are
    deleted once answered, so what they said is kept here.
    """
    seen: list[str] = []
    timer = QTimer()
    timer.setInterval(30)

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not isinstance(dialog, ProgressDialog):  # progress: not a question
            timer.stop()
            text = dialog.text() if hasattr(dialog, "text") else dialog.windowTitle()
            seen.append(text)
            action(dialog)

    timer.timeout.connect(check)
    timer.start()
    QTimer.singleShot(timeout_ms, timer.stop)
    _TIMERS.append(timer)  # kept alive until the test ends
    return seen
