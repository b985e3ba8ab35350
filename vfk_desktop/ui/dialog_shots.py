"""The dialogs as `vfk-desktop --screenshots` pictures them: each built over the window as the
officer would meet it, with the sample database's own figures."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMainWindow

ODD_SHEET = "Place,Measure,When,Amount\nDover,NI 39,2009/10,1400\nAshford,NI 39,2009/10,1100\n"


def _about(window: QMainWindow) -> QDialog:
    from vfk_desktop.ui.about import AboutDialog

    return AboutDialog(window.session.store.path, window)


def _comparison_settings(window: QMainWindow) -> QDialog:
    from vfk_desktop.ui.comparison_settings import ComparisonSettingsDialog

    return ComparisonSettingsDialog(window.session.store, window)


def _print_options(window: QMainWindow) -> QDialog:
    from vfk_desktop.ui.printing import ReportOptionsDialog

    return ReportOptionsDialog(window, "Overview", window.session.locality, with_paper=False)


def _pdf_options(window: QMainWindow) -> QDialog:
    from vfk_desktop.ui.printing import ReportOptionsDialog

    return ReportOptionsDialog(window, "Overview", window.session.locality, with_paper=True)


def _print_preview(window: QMainWindow) -> QDialog:
    from vfk_desktop.ui.printing import ReportChoice

    return window.printing.preview_dialog(ReportChoice())


def _restore(window: QMainWindow) -> QDialog:
    from vfk_desktop.store.backups import list_backups, make_backup
    from vfk_desktop.ui.restore import BackupsDialog

    path = window.session.store.path
    if not list_backups(path):
        make_backup(window.session.store, "before the pictures were taken")
    return BackupsDialog(list_backups(path), str(path), window)


def _add_figure(window: QMainWindow) -> QDialog:
    from vfk_desktop.ui.pages.data import AddFigureDialog

    code, period = window.show_page("Data").indicator_in_view()
    return AddFigureDialog(window.session, window, code, period)


def _local_priority(window: QMainWindow) -> QDialog:
    from vfk_desktop.store.local_priorities import LocalPriority, local_priorities
    from vfk_desktop.ui.pages.local_priorities import LocalPriorityDialog

    session = window.session
    listed = local_priorities(session.store, session.locality)
    first = listed[0] if listed else LocalPriority(None, session.locality, 1, "A new local priority")
    return LocalPriorityDialog(session, first, window)


def _choose_columns(window: QMainWindow) -> QDialog:
    from vfk_desktop.io.readers.importer import plan_import
    from vfk_desktop.store.imports import import_context
    from vfk_desktop.ui.mapping_dialog import MappingDialog

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "partner.csv"
        path.write_text(ODD_SHEET, encoding="utf-8")
        plan = plan_import([path], import_context(window.session.store))
    return MappingDialog(plan.unread[0], window)


DIALOGS: dict[str, Callable[[QMainWindow], QDialog]] = {
    "choose-columns": _choose_columns, "print-options": _print_options, "pdf-options": _pdf_options,
    "print-preview": _print_preview, "restore": _restore, "add-figure": _add_figure,
    "local-priority": _local_priority, "comparison-settings": _comparison_settings, "about": _about,
}
