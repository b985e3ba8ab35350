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


def test_it_returns_once_the_tables_on_screen_have_painted_their_cells(unshown):
    overview = unshown.pages["Overview"]
    first = overview.findChild(QTableView, "fare_high")
    log = PaintLog()
    first.viewport().installEventFilter(log)
    assert not unshown.isVisible()
    on_screen = show_until_painted(QApplication.instance(), unshown, overview)
    assert unshown.isVisible() and on_screen >= 1
    assert first.viewport() in log.painted  # the High table, at the top, painted before the return
    assert first.model().rowCount() > 0  # with the district's figures in it


def test_a_page_with_no_table_on_screen_is_a_clear_timeout(unshown):
    hidden = unshown.page("Data")  # built, but the Overview is the page shown
    with pytest.raises(TimeoutError, match="did not paint within 1 s"):
        show_until_painted(QApplication.instance(), unshown, hidden, timeout_s=1)
