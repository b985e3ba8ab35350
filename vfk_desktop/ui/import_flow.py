"""Importing from the window: check the files off the GUI thread, show the report, import on OK.

    check (job) -> report dialog -> [Choose columns… -> save profile -> check again] -> import (job)
                                  -> [Import the good figures… -> save the refused rows? -> import (job)]

Both jobs run on the thread pool with their own database connection, behind a progress dialog
whose Cancel stops the reading; nothing is written until the officer chooses Import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.import_plan import ImportPlan
from vfk_desktop.domain.partial import refused_with_copies
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.io.readers.sheets import ImportCancelled
from vfk_desktop.io.writers.refused import write_refused
from vfk_desktop.store.imports import ImportResult, apply_plan, import_context
from vfk_desktop.ui.import_report import ImportReportDialog, report_rows
from vfk_desktop.ui.workers import JobContext, run_job, show_failure


class ImportFlow(QObject):
    def __init__(self, window: QMainWindow, session, paths: list[Path],
                 on_imported: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.session, self.paths = window, session, paths
        self.on_imported = on_imported
        self.plan: ImportPlan | None = None
        self.report: ImportReportDialog | None = None  # the open report (tests drive it)
        self.finished_result: ImportResult | None = None
        self.skip_refused = False  # the officer chose to import the good rows and leave the refused
        self.refused_out: Path | None = None  # where the refused rows are saved
        self.returned: list[tuple[str, list]] = []  # (district, actions) of each KA2 return

    def start(self) -> None:
        if self.session.readonly:
            QMessageBox.warning(self.window, "Import", f"{self.session.store.path} is open read-only; "
                                                       f"nothing can be imported into it.")
            return
        run_job(self.window, "Checking the files", self.session.store.path, self._check,
                self._checked, self._failed)

    def _check(self, context: JobContext) -> tuple:
        plan = plan_import(self.paths, import_context(context.store), progress=context.progress,
                           cancelled=context.cancelled)
        context.progress(1.0, "Comparing with the database")
        result = apply_plan(context.store, plan, dry_run=True, detailed=True)
        partial = apply_plan(context.store, plan, dry_run=True, skip_refused=True) \
            if result.rejected else None
        from vfk_desktop.io.readers.own_export import read_actions

        # a KA2 return's actions, read (and refused) before anything is written, brought in with it
        self.returned = [found for path in self.paths if (found := read_actions(path))]
        return plan, result, report_rows(plan, result), partial

    def _checked(self, outcome: tuple) -> None:
        self.plan, result, rows, partial = outcome
        actions = sum(len(found) for _, found in self.returned)
        self.report = ImportReportDialog(self.plan, result, rows, self.window, partial=partial,
                                         actions=actions)
        accepted = self.report.exec() == QDialog.DialogCode.Accepted
        mapped, self.skip_refused = self.report.map_requested, self.report.partial_requested
        self.report.deleteLater()
        self.report = None
        if mapped:
            self._map_columns()
        elif accepted:
            self.refused_out = self._ask_refused_out() if self.skip_refused else None
            run_job(self.window, "Importing", self.session.store.path, self._apply, self._applied,
                    self._failed)

    def _ask_refused_out(self) -> Path | None:
        """Where to save the refused rows for the partner (Cancel: import without saving them)."""
        first = self.paths[0]
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Save the refused rows, with the reason for each (Cancel: do not save them)",
            str(first.with_name(f"{first.stem} refused rows.xlsx")), "Excel workbook (*.xlsx)")
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def _map_columns(self) -> None:
        from vfk_desktop.store.profiles import save_profile
        from vfk_desktop.ui.mapping_dialog import MappingDialog

        sheet = self.plan.unread[0]
        dialog = MappingDialog(sheet, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.mapping():
            try:
                save_profile(self.session.store, list(sheet.headers), dialog.mapping(),
                             name=dialog.name.text().strip() or None,
                             indicator=dialog.given_indicator())
            except VfkError as error:
                QMessageBox.warning(self.window, "Import", str(error))
                return
            self.start()

    def _apply(self, context: JobContext) -> ImportResult:
        context.progress(0.5, "Writing the figures")
        from vfk_desktop.store.actions import merge_actions

        result = apply_plan(context.store, self.plan, skip_refused=self.skip_refused)
        for locality, actions in self.returned if result.ok else ():
            merge_actions(context.store, locality, actions)
        if result.partial and self.refused_out is not None:
            context.progress(0.9, "Saving the refused rows")
            write_refused(refused_with_copies(self.plan), self.refused_out)
        return result

    def _applied(self, result: ImportResult) -> None:
        self.finished_result = result
        saved = f" The refused rows are in {self.refused_out.name}." if (
            result.partial and self.refused_out is not None) else ""
        self.window.statusBar().showMessage(result.summary() + saved, 15000)
        self.on_imported()

    def _failed(self, error: BaseException) -> None:
        show_failure(self.window, "Import", error, cancelled=ImportCancelled)
