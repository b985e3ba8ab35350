"""File → Publish to county and Pull from county in a real window, against a real server: the report
first, then the write; Cancel writes nothing; with no server the window says so and keeps working."""

from __future__ import annotations

import socket
from pathlib import Path

import psycopg
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.county.conftest import UrlFor, figures, split_database
from tests.ui.conftest import answer_modal, dispose, fresh_settings, stop_dialog_timers  # noqa: F401
from vfk_desktop.county.publish import publish
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.county_store


def click(text: str):
    def act(box) -> None:
        button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
        button.click()
    return act


@pytest.fixture
def tw_window(qtbot, sample_template: Path, tmp_path: Path):
    path = split_database(sample_template, tmp_path / "tw.db", "Tunbridge Wells")
    main = MainWindow(open_store(path), "Tunbridge Wells")
    main.show()
    qtbot.waitExposed(main)
    yield main
    dispose(main)


def test_publish_and_pull_from_the_file_menu(tw_window: MainWindow, qtbot, county: UrlFor,
                                            sample_template: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    ashford = split_database(sample_template, tmp_path / "ashford.db", "Ashford")
    with open_store(ashford) as store:
        publish(store, county("Ashford"))
    monkeypatch.setenv("VFK_COUNTY_URL", county("Tunbridge Wells"))
    sync = tw_window.county
    assert sync.status_label.text() == "County picture never pulled"
    assert tw_window.file_menu.actions().count(sync.publish_action) == 1

    asked = answer_modal(click("Publish"))
    sync.publish_action.trigger()
    qtbot.waitUntil(lambda: sync.last_report is not None, timeout=30000)
    assert asked and asked[0].startswith("Would publish 48 figures (48 new")
    assert sync.last_report.action == "publish" and sync.last_report.counts["figures"][0] == 48
    assert tw_window.statusBar().currentMessage().startswith("Published 48 figures")

    asked = answer_modal(click("Pull"))
    sync.pull_action.trigger()
    qtbot.waitUntil(lambda: sync.last_report.action == "pull", timeout=30000)
    assert "Would pull 48 figures (48 new" in asked[0]
    path = tw_window.session.store.path
    assert figures(path, "WHERE a.name = 'Ashford'") == figures(ashford, "WHERE a.name = 'Ashford'")
    assert sync.status_label.text().startswith("County picture last pulled ")
    assert sync.status_label.isVisible()


def test_cancel_on_the_report_writes_nothing(tw_window: MainWindow, qtbot, county: UrlFor,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VFK_COUNTY_URL", county("Tunbridge Wells"))
    asked = answer_modal(click("Cancel"))
    tw_window.county.publish_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=30000)
    assert tw_window.county.last_report is None
    with psycopg.connect(county("vfk_analyst")) as conn:
        assert conn.execute("SELECT count(*) FROM vfk.figures").fetchone() == (0,)


def test_with_no_server_the_window_says_so(tw_window: MainWindow, qtbot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("VFK_COUNTY_URL", f"postgresql://vfk_tunbridge_wells@127.0.0.1:{port}/county")
    told = answer_modal(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    tw_window.county.publish_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert "cannot be reached (no server answers there); you can keep working offline" in told[0]
    tw_window.show_page("Overview")  # the window carries on
    assert tw_window.current_page_name() == "Overview"
