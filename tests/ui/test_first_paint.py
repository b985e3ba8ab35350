"""The start is timed at the Overview's own first paint (vfk-desktop --painted, bench/ui_startup.py)."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView

from tests.ui.conftest import dispose
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.first_paint import show_until_painted
from vfk_desktop.ui.main_window import MainWindow


class PaintLog(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.append(watched)
        return False


@pytest.fixture
def unshown(qtbot, sample_db):
    window = MainWindow(open_store(sample_db), "Tunbridge Wells")
    yield window
    dispose(window)


def test_it_returns_once_the_overview_on_screen_has_painted_its_figures(unshown):
    overview = unshown.pages["Overview"]
    log = PaintLog()
    views = overview.findChildren(QTableView)
    for view in views:
        view.viewport().installEventFilter(log)
    assert not unshown.isVisible()
    show_until_painted(QApplication.instance(), unshown)
    assert unshown.isVisible() and unshown.windowHandle().isExposed()
    top = overview.findChild(QTableView, "fare_high")  # the High table, at the top of the page
    assert top.model().rowCount() > 0 and top.viewport() in log.painted
    # every table with any part on screen has painted; none waits for a second pass
    on_screen = [view.viewport() for view in views if not view.viewport().visibleRegion().isEmpty()]
    assert on_screen and all(viewport in log.painted for viewport in on_screen)


def test_a_window_that_never_paints_is_a_clear_timeout(unshown, monkeypatch):
    # a platform that never exposes the window: its handle says so
    from PySide6.QtGui import QWindow

    monkeypatch.setattr(QWindow, "isExposed", lambda _self: False)
    with pytest.raises(TimeoutError, match="not painted within 0.5 s"):
        show_until_painted(QApplication.instance(), unshown, timeout_s=0.5)
