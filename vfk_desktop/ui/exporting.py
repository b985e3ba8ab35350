"""File → Export: the district's KA2 return, the county workbook, the fare table as CSV.

The dialogs only ask where (thin wrappers, so tests call the methods that take a path); the files
are written by vfk_desktop.io.writers in the background, with their own database connection,
behind a progress dialog whose Cancel leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from vfk_desktop.io.writers.output import ExportCancelled
from vfk_desktop.ui import settings_keys as keys


class Exporting:
    """The window's export actions; window is the MainWindow (its session: district and period)."""

    def __init__(self, window) -> None:
        self.window = window
        self.last_export: Path | None = None

    # --- asking where -----------------------------------------------------------------------
    def _ask(self, caption: str, name: str, file_filter: str, suffix: str) -> Path | None:
        folder = Path(QSettings().value(keys.EXPORT_FOLDER, str(Path.home()), type=str))
        chosen, _ = QFileDialog.getSaveFileName(self.window, caption, str(folder / name), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        QSettings().setValue(keys.EXPORT_FOLDER, str(path.parent))
        return path

    def ka2_return_dialog(self) -> None:
        locality = self.window.session.locality
        path = self._ask(f"Export the KA2 return for {locality}", f"{locality} KA2 return.xlsx",
                         "Excel workbook (*.xlsx)", ".xlsx")
        if path:
            self.export_ka2_return(path)

    def county_dialog(self) -> None:
        path = self._ask("Export the county workbook", "Kent districts.xlsx", "Excel workbook (*.xlsx)",
                         ".xlsx")
        if path:
            self.export_county(path)

    def fare_csv_dialog(self) -> None:
        locality = self.window.session.locality
        path = self._ask(f"Export how {locality} fares in Kent as CSV", f"{locality} fare in Kent.csv",
                         "CSV (*.csv)", ".csv")
        if path:
            self.export_fare_csv(path)

    # --- writing ------------------------------------------------------------------------------
    def export_ka2_return(self, path: Path) -> None:
        self._run("Exporting the KA2 return", Path(path), locality=self.window.session.locality)

    def export_fare_csv(self, path: Path) -> None:
        self._run("Exporting the fare table", Path(path), locality=self.window.session.locality)

    def export_county(self, path: Path) -> None:
        self._run("Exporting the county workbook", Path(path), locality=None)

    def _run(self, title: str, path: Path, locality: str | None) -> None:
        from vfk_desktop.ui.workers import run_job

        period = self.window.session.period

        def work(context):
            from vfk_desktop.facts.exports import county_facts, return_facts
            from vfk_desktop.io.writers.exports import check_locality_name, export_county, export_locality

            context.progress(0.02, "Gathering the figures")
            if locality is None:
                return export_county(county_facts(context.store, period), path, context.progress,
                                     context.cancelled)
            check_locality_name(path)
            return export_locality(return_facts(context.store, locality, period), path,
                                   context.progress, context.cancelled)

        def done(exported) -> None:
            self.last_export = exported.path
            self.window.statusBar().showMessage(f"Saved the {exported.kind} to {exported.path}.", 15000)

        run_job(self.window, title, self.window.session.store.path, work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        from vfk_desktop.ui.workers import show_failure

        show_failure(self.window, "Export", error, cancelled=ExportCancelled)
