"""The window starts with the cycle collector paused, and resumes it once the window has painted."""

import gc

import pytest

from tests.ui.conftest import dispose
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.main_window import MainWindow
from vfk_desktop.window_start import collection_paused, resume_once_painted


def test_the_collector_runs_again_when_the_start_returns_or_fails():
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("the database could not be opened")
    assert gc.isenabled()


def test_it_resumes_once_the_shown_window_has_painted(qtbot, sample_db):
    window = MainWindow(open_store(sample_db), "Tunbridge Wells")
    try:
        gc.disable()
        window.show()
        resume_once_painted(window)
        assert not gc.isenabled()  # not before the event loop has painted the window
        qtbot.waitUntil(gc.isenabled, timeout=5000)
        assert window.windowHandle().isExposed()
    finally:
        gc.enable()
        dispose(window)
