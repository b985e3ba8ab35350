"""The window's file actions: new, open and recent databases, importing (the dialog, recent files, a
drop), restoring a backup, and coming forward when another window asks for the file this one holds."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QSettings, QTimer

from vfk_desktop.store.sample_flag import has_sample
from vfk_desktop.ui import recent
from vfk_desktop.ui import settings_keys as keys

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from vfk_desktop.store.instance_lock import InstanceLock
    from vfk_desktop.ui.main_window import MainWindow

IMPORTABLE = ("*.xlsx", "*.xlsm", "*.xls", "*.ods", "*.csv")
WATCH_AFTER_MS = 300  # the watch starts once the window is painted: starting it takes ~6 ms


class FileActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.import_flow = None  # the import under way, kept alive while it runs
        # While the window holds its file, another window may ask it to come forward (ui/opening.py).
        self._wake_watcher = QFileSystemWatcher(window)
        self._wake_watcher.directoryChanged.connect(self._maybe_asked_forward)

    # --- databases ----------------------------------------------------------------------------
    def new_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self.window, "New database", str(Path.home() / "vfk.db"),
                                              "vfk databases (*.db)")
        if name:
            self.open_database(Path(name), create=True)

    def open_database_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.window, "Open database", str(Path.home()),
                                              "vfk databases (*.db);;All files (*)")
        if name:
            self.open_database(Path(name))

    def open_database(self, path: Path, create: bool = False) -> bool:
        from vfk_desktop.store.reference import load_reference
        from vfk_desktop.ui.opening import ShownElsewhere, open_database

        try:
            opened = open_database(path, self.window, create=create, fill=load_reference)
        except ShownElsewhere as handed_over:
            self.window.statusBar().showMessage(str(handed_over), 10000)
            return False
        if opened is None:
            return False
        self.window.use_store(opened.store, lock=opened.lock, note=opened.note)
        return True

    def restore_from_backup(self) -> None:
        from vfk_desktop.ui.restore import restore_from_backup

        restore_from_backup(self.window)

    def refresh_recent_menus(self) -> None:
        window = self.window
        for menu, key, opener in ((window.recent_databases_menu, recent.DATABASES, self.open_database),
                                  (window.recent_files_menu, recent.FILES, lambda p: self.import_files([p]))):
            menu.clear()
            for path in recent.paths(key):
                menu.addAction(str(path), lambda p=path, o=opener: o(p))
            menu.setEnabled(bool(menu.actions()))

    # --- importing ----------------------------------------------------------------------------
    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = QSettings().value(keys.IMPORT_FOLDER, str(Path.home()), type=str)
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import spreadsheets", start,
            f"Spreadsheets ({' '.join(IMPORTABLE)});;All files (*)")
        if names:
            QSettings().setValue(keys.IMPORT_FOLDER, str(Path(names[0]).parent))
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        from vfk_desktop.ui.import_flow import ImportFlow

        for path in paths:
            recent.remember(recent.FILES, path)
        self.refresh_recent_menus()
        self.import_flow = ImportFlow(self.window, self.window.session, paths, on_imported=self._imported)
        self.import_flow.start()

    def _imported(self) -> None:
        window = self.window
        window.sample_banner.setVisible(has_sample(window.session.store))
        window.refresh()

    @staticmethod
    def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]

    # --- another window asking for this file --------------------------------------------------
    def watch_for_requests(self, lock: InstanceLock | None) -> None:
        if self._wake_watcher.directories():
            self._wake_watcher.removePaths(self._wake_watcher.directories())
        if lock is not None and lock.held:
            lock.take_wake_request()  # one left from before this window opened the file is stale
            QTimer.singleShot(WATCH_AFTER_MS, self._wake_watcher, lambda: self._start_watching(lock))

    def _start_watching(self, lock: InstanceLock) -> None:
        session = self.window.session
        if session is None or session.lock is not lock or not lock.held:
            return  # another file was opened meanwhile: its own watch is on its way
        folder = str(lock.path.parent)
        if folder not in self._wake_watcher.directories():
            self._wake_watcher.addPath(folder)
        self._maybe_asked_forward(folder)  # a request made before the watch began

    def _maybe_asked_forward(self, _folder: str) -> None:
        window = self.window
        lock = window.session.lock if window.session is not None else None
        if lock is None or not lock.take_wake_request():
            return
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        window.statusBar().showMessage(f"Another vfk_desktop window asked for {lock.path.stem}: it is "
                                       f"open here.", 15000)
