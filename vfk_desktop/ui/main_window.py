"""The main window: pages down the left, the locality and period up top, menus for everything.

Pages are built when first shown (start-up builds only the Overview). Every action has a shortcut
and a menu entry; the title names the database; the status bar says which and the last import.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.reporting import reporting_years
from vfk_desktop.store.connection import Store
from vfk_desktop.store.history import last_import, periods_with_values
from vfk_desktop.store.instance_lock import InstanceLock
from vfk_desktop.store.queries import districts
from vfk_desktop.store.sample_flag import ILLUSTRATIVE, has_sample
from vfk_desktop.ui import recent
from vfk_desktop.ui import settings_keys as keys
from vfk_desktop.ui.county_sync import CountySync
from vfk_desktop.ui.file_actions import FileActions
from vfk_desktop.ui.opening import readonly_reason
from vfk_desktop.ui.pickers import add_pickers
from vfk_desktop.ui.screen_fit import available, fit_to_screen
from vfk_desktop.ui.session import Session
from vfk_desktop.ui.shortcuts import redo_keys, standard

if TYPE_CHECKING:  # only named in annotations: creating these Qt classes costs start-up time
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

LATEST = "Latest"


# page name -> (module under vfk_desktop.ui.pages, class); a page's module loads when first shown
PAGES = {
    "Overview": ("overview", "OverviewPage"), "Indicator": ("indicator", "IndicatorPage"),
    "Priorities": ("priorities", "PrioritiesPage"),
    "Local priorities": ("local_priorities", "LocalPrioritiesPage"), "Vision": ("vision", "VisionPage"),
    "Data": ("data", "DataPage"), "Imports": ("imports", "ImportsPage"),
    "Actions": ("actions", "ActionsPage"),
}
PAGE_NAMES = list(PAGES)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, locality: str | None = None, lock: InstanceLock | None = None,
                 note: str = "") -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.session: Session | None = None
        self.pages: dict[str, QWidget] = {}
        self.files = FileActions(self)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._read_settings()
        self.use_store(store, locality, lock, note)

    # --- building -------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable, shortcut: QKeySequence.StandardKey | str | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(standard(shortcut))
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action("&New database…", self.files.new_database, std.New,
                                       "Create an empty database (with the reference data)")
        self.open_action = self._action("&Open database…", self.files.open_database_dialog, std.Open,
                                        "Open another database file")
        self.import_action = self._action("&Import…", self.files.import_dialog, "Ctrl+I",
                                          "Import partner spreadsheets (.xlsx, .xlsm, .xls, .ods, .csv)")
        self.last_report: Path | None = None
        self.print_action = self._action("&Print…", lambda: self.printing.print_pack(), std.Print,
                                         "Print the Board pack, or the part this page shows")
        self.preview_action = self._action("Print pre&view…", lambda: self.printing.preview(), "Ctrl+Shift+P",
                                           "See the printed pages before printing")
        self.pdf_action = self._action("Export P&DF…", lambda: self.printing.export_pdf(), "Ctrl+Shift+E",
                                       "Save the Board pack, or the part this page shows, as a PDF")
        self.export_return_action = self._action(
            "&KA2 return…", lambda: self.exporting.ka2_return_dialog(), "Ctrl+Shift+K",
            "Save the district's KA2 return as an Excel workbook (the county imports it back)")
        self.export_county_action = self._action(
            "&County workbook…", lambda: self.exporting.county_dialog(), None,
            "Save all 12 districts side by side, by theme, as an Excel workbook")
        self.export_csv_action = self._action(
            "&Fare table as CSV…", lambda: self.exporting.fare_csv_dialog(), None,
            "Save \"How does the district fare in Kent?\" as a CSV file")
        self.restore_action = self._action("&Restore from backup…", self.files.restore_from_backup, None,
                                           "Put back a backup of this database (it is backed up first)")
        self.quit_action = self._action("&Quit", self.close)
        self.quit_action.setShortcuts(standard(std.Quit, "Ctrl+Q"))  # Windows has no standard key
        self.refresh_action = self._action("&Refresh", self.refresh)
        self.refresh_action.setShortcuts(standard(std.Refresh, "F5"))
        self.find_action = self._action("&Find…", self._find, std.Find,
                                        "Search the indicators (Overview) or the figures (Data)")
        self.about_action = self._action("&About vfk_desktop", self.about)
        self.page_actions = [
            self._action(f"&{n}. {name}", lambda _=False, name=name: self.show_page(name), f"Ctrl+{n}")
            for n, name in enumerate(PAGE_NAMES, 1)
        ]
        self.focus_locality_action = self._action("Choose &locality", self._focus_locality, "Ctrl+L")
        self.comparison_action = self._action(
            "&Comparison settings…", self._comparison_settings, std.Preferences,
            "How many districts must have a value before a period is ranked")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_databases_menu = file_menu.addMenu("Recent &databases")
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        self.recent_files_menu = file_menu.addMenu("Recent &files")
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.preview_action, self.pdf_action])
        self.export_menu = file_menu.addMenu("E&xport")
        self.export_menu.addActions([self.export_return_action, self.export_county_action,
                                     self.export_csv_action])
        # Board paper (Word), slides, what changed since the last Board: ui/papers.py, loaded when used
        self.export_menu.addAction("Board paper (&Word)…", lambda: _papers().export_paper(self, ".docx"))
        self.export_menu.addAction("&Slides…", lambda: _papers().export_paper(self, ".pptx"))
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        self.county = CountySync(self)
        self.county.add_to(file_menu)
        self.file_menu = file_menu
        self.file_end = file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("&Edit")
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions(self.page_actions)
        view_menu.addSeparator()
        view_menu.addActions([self.focus_locality_action, self.refresh_action])
        view_menu.addSeparator()
        view_menu.addAction(self.comparison_action)
        view_menu.addAction("What changed since the last &Board…", lambda: _papers().show_changes(self))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.locality_picker, self.period_picker = add_pickers(self, self.import_action)
        self.locality_picker.currentTextChanged.connect(self._locality_picked)
        self.period_picker.currentTextChanged.connect(self._period_picked)

    def _build_central(self) -> None:
        central = QWidget(self)
        self.sample_banner = _banner(ILLUSTRATIVE, "#FFF4D6", "#E69F00", central)
        self.readonly_banner = _banner("", "#FDE7E0", "#D55E00", central)
        self.nav = QListWidget(central)
        self.nav.setAccessibleName("Pages")
        self.nav.addItems(PAGE_NAMES)
        for row, name in enumerate(PAGE_NAMES, 1):
            self.nav.item(row - 1).setToolTip(f"{name} (Ctrl+{row})")
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 10px; }")
        self.nav.setFixedWidth(self.nav.fontMetrics().horizontalAdvance("Local priorities") * 14 // 10 + 40)
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGE_NAMES[row]))
        self.stack = QStackedWidget(central)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(central)
        layout.addWidget(self.sample_banner)
        layout.addWidget(self.readonly_banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.database_label = QLabel(self)
        self.last_import_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.last_import_label)
        self.statusBar().addPermanentWidget(self.database_label)

    # --- the database and the session -------------------------------------------------------
    def use_store(self, store: Store, locality: str | None = None, lock: InstanceLock | None = None,
                  note: str = "") -> None:
        """Show store (closing any database shown before); lock is the file's, if this window holds it."""
        if self.session is not None:
            old = self.session
            self.session = None
            for page in self.pages.values():
                self.stack.removeWidget(page)
                page.deleteLater()
            self.pages.clear()
            old.close(keep_lock=old.lock is lock)
            old.deleteLater()
        chosen, refused = Session.choose_locality(store, locality)
        note = " ".join(part for part in (refused, note) if part)
        session = Session(store, chosen, Session.remembered_period(), self, lock)
        self.session = session
        self._fill_pickers()
        session.data_changed.connect(self._show_status)
        session.indicator_requested.connect(self.open_indicator)
        session.locality_changed.connect(self._name_exports)
        self._name_exports(chosen)
        self._rebuild_edit_menu()
        recent.remember(recent.DATABASES, store.path)
        self.files.refresh_recent_menus()
        self.sample_banner.setVisible(has_sample(store))
        self.files.watch_for_requests(lock)
        self.readonly_banner.setText(readonly_reason(store, lock))
        self.readonly_banner.setVisible(store.readonly)
        self.import_action.setEnabled(not store.readonly)
        self.comparison_action.setEnabled(not store.readonly)
        self.restore_action.setEnabled(not store.readonly or bool(store.damaged))  # the way out of damage
        self.setWindowTitle(f"{store.path.name} – vfk_desktop")
        self._show_status()
        if note:
            self.statusBar().showMessage(note, 10000)
        self.show_page(self.nav.currentItem().text() if self.nav.currentItem() else "Overview")

    def _fill_pickers(self) -> None:
        session = self.session
        for picker in (self.locality_picker, self.period_picker):
            picker.blockSignals(True)
            picker.clear()
        self.locality_picker.addItems(districts(session.store))
        self.locality_picker.setCurrentText(session.locality)
        self._fill_periods()
        self.locality_picker.blockSignals(False)
        self.period_picker.blockSignals(False)

    def _fill_periods(self) -> None:
        session = self.session
        self.period_picker.blockSignals(True)
        self.period_picker.clear()
        periods = reporting_years(periods_with_values(session.store, session.locality))
        self.period_picker.addItems([LATEST] + [p.label for p in periods])
        if session.period is not None and session.period not in periods:
            session.period = None
        self.period_picker.setCurrentText(session.period.label if session.period else LATEST)
        self.period_picker.blockSignals(False)

    def _locality_picked(self, name: str) -> None:
        if self.session is not None and name:
            self.session.set_locality(name)
            self._fill_periods()

    def _period_picked(self, label: str) -> None:
        if self.session is None or not label:
            return
        from vfk_desktop.domain.periods import parse_period

        self.session.set_period(None if label == LATEST else parse_period(label))

    def set_locality(self, name: str) -> None:
        self.locality_picker.setCurrentText(name)

    def _comparison_settings(self) -> None:
        from vfk_desktop.ui.comparison_settings import edit_comparison_settings

        edit_comparison_settings(self)

    def _find(self) -> None:
        page = self.stack.currentWidget()
        search = getattr(page, "search", None) or self.show_page("Overview").search
        search.setFocus()
        search.selectAll()

    def _focus_locality(self) -> None:
        self.locality_picker.setFocus()
        self.locality_picker.showPopup()

    def _rebuild_edit_menu(self) -> None:
        self.edit_menu.clear()
        stack = self.session.undo_stack
        undo = stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(standard(QKeySequence.StandardKey.Undo))
        redo = stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(redo_keys())
        self.undo_action, self.redo_action = undo, redo
        self.edit_menu.addActions([undo, redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

    def _show_status(self) -> None:
        store = self.session.store
        self.database_label.setText(f"Database: {store.path}" + (" (read-only)" if store.readonly else ""))
        last = last_import(store)
        self.last_import_label.setText(last.describe() if last else "No imports yet")
        self.county.show_status()

    def refresh(self) -> None:
        self._fill_periods()
        self.session.notify_data_changed()

    # --- pages ----------------------------------------------------------------------------
    def page(self, name: str) -> QWidget:
        """The page called name, built on first use."""
        if name not in self.pages:
            import importlib

            module, cls = PAGES[name]
            factory = getattr(importlib.import_module(f"vfk_desktop.ui.pages.{module}"), cls)
            page = factory(self.session)
            page.setObjectName(name.lower().replace(" ", "_") + "_page")
            self.pages[name] = page
            self.stack.addWidget(page)
        return self.pages[name]

    def show_page(self, name: str) -> QWidget:
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        row = PAGE_NAMES.index(name)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return page

    @cached_property
    def exporting(self):
        """File → Export (loaded when first used)."""
        from vfk_desktop.ui.exporting import Exporting

        return Exporting(self)

    def _name_exports(self, locality: str) -> None:
        self.export_return_action.setText(f"&KA2 return for {locality}…")
        self.export_csv_action.setText(f"&Fare table for {locality} as CSV…")

    @cached_property
    def printing(self):
        """Print, preview and PDF (loaded when first used: start-up does not pay for it)."""
        from vfk_desktop.ui.printing import Printing

        return Printing(self)

    def current_page_name(self) -> str:
        current = self.stack.currentWidget()
        return next((name for name, page in self.pages.items() if page is current), PAGE_NAMES[0])

    def open_indicator(self, code: str) -> None:
        self.show_page("Indicator").show_indicator(code)

    # --- drops --------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.files.dropped_files(event)
        if paths:
            event.acceptProposedAction()
            self.files.import_files(paths)

    def about(self) -> None:
        from vfk_desktop.ui.about import show_about

        show_about(self)

    # --- settings -------------------------------------------------------------------------
    def _read_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value(keys.WINDOW_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if geometry is None or not available(self).contains(self.frameGeometry()):
            fit_to_screen(self, 1320, 820)  # a laptop's 1366 × 728 included
        state = settings.value(keys.WINDOW_STATE)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue(keys.WINDOW_GEOMETRY, self.saveGeometry())
        settings.setValue(keys.WINDOW_STATE, self.saveState())
        super().closeEvent(event)


def _papers():
    from vfk_desktop.ui import papers

    return papers


def _banner(text: str, background: str, border: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"background: {background}; border: 1px solid {border}; padding: 6px; "
                        f"color: #2B2B2B;")
    return label
