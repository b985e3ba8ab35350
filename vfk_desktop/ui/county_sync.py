"""File → Publish to county and Pull from county: the shared county store from the window.

Each runs on the thread pool behind a progress dialog with Cancel: first a dry run whose report is
shown before anything is written, then, when the officer agrees, the real thing. The status bar says
when the county picture was last pulled. With no server the window keeps working and says why.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMenu

from vfk_desktop.county.connection import ENV, SETTING, county_url, save_url, without_password
from vfk_desktop.county.state import last_pulled
from vfk_desktop.county.sync_common import Cancelled
from vfk_desktop.domain.errors import UsageError

if TYPE_CHECKING:
    from vfk_desktop.county.report import SyncReport
    from vfk_desktop.ui.main_window import MainWindow
    from vfk_desktop.ui.workers import JobContext

TITLES = {"publish": "Publish to county", "pull": "Pull from county"}


class CountySync:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.status_label = QLabel(window)
        self.last_report: SyncReport | None = None  # the last one written, for the status bar
        self.publish_action = window._action("Pu&blish to county…", lambda: self.start("publish"))
        self.pull_action = window._action("Pu&ll from county…", lambda: self.start("pull"))

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addActions([self.publish_action, self.pull_action])
        self.window.statusBar().addPermanentWidget(self.status_label)

    def show_status(self) -> None:
        """"County picture last pulled 3 Dec 2026 09:12", once a county store is set or pulled."""
        store = self.window.session.store
        pulled = last_pulled(store)
        self.publish_action.setEnabled(not store.readonly)
        self.pull_action.setEnabled(not store.readonly)
        if pulled:
            when = dt.datetime.fromisoformat(pulled)
            self.status_label.setText(f"County picture last pulled {when:%d %b %Y %H:%M}")
        else:
            self.status_label.setText("County picture never pulled")
        self.status_label.setVisible(bool(pulled or store.meta(SETTING) or os.environ.get(ENV)))

    # --- the flow -----------------------------------------------------------------------------
    def start(self, action: str) -> None:
        url = self._address()
        if url is not None:
            self._run(action, url, dry_run=True)

    def _address(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox  # dialogs: loaded when used

        store = self.window.session.store
        try:
            return county_url(store)
        except UsageError:
            pass
        text, ok = QInputDialog.getText(
            self.window, "County store", "The county store's address, as the county's IT gave it "
            "(the password comes from your keyring or pgpass file):", QLineEdit.EchoMode.Normal,
            "postgresql://vfk_district@server/vfk_county")
        if not ok or not text.strip():
            return None
        try:
            return county_url(None, text.strip())
        except UsageError as error:
            QMessageBox.warning(self.window, "County store", str(error))
            return None

    def _run(self, action: str, url: str, dry_run: bool) -> None:
        from vfk_desktop.ui.workers import run_job, show_failure  # the thread pool: not at start-up

        def work(context: JobContext) -> SyncReport:
            def progress(done: int, total: int, what: str) -> None:
                context.progress(done / max(total, 1), what.capitalize() + "…")

            if action == "publish":
                from vfk_desktop.county.publish import publish

                return publish(context.store, url, dry_run=dry_run, progress=progress,
                               should_stop=context.cancelled)
            from vfk_desktop.county.pull import pull

            return pull(context.store, url, dry_run=dry_run, progress=progress,
                        should_stop=context.cancelled)

        run_job(self.window, TITLES[action], self.window.session.store.path, work,
                lambda report: self._done(action, url, report),  # type: ignore[arg-type]
                lambda error: show_failure(self.window, TITLES[action], error, Cancelled))

    def _done(self, action: str, url: str, report: SyncReport) -> None:
        window = self.window
        if report.dry_run:
            if report.changed == 0 and not report.conflicts:
                window.statusBar().showMessage(report.summary(), 15000)
                if action == "pull":  # nothing new is still a pull: the picture is up to date
                    self._run(action, url, dry_run=False)
                return
            if self._confirm(action, report):
                self._run(action, url, dry_run=False)
            return
        self.last_report = report
        store = window.session.store
        if not store.readonly and store.meta(SETTING) != without_password(url):
            save_url(store, url)
        window.statusBar().showMessage(report.summary(), 15000)
        if action == "pull":
            window.refresh()
        self.show_status()

    def _confirm(self, action: str, report: SyncReport) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, TITLES[action], report.summary(),
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("county_report")
        go = box.addButton("Publish" if action == "publish" else "Pull",
                           QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(go)
        box.exec()
        return box.clickedButton() is go
