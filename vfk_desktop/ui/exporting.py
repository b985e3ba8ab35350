"""File → Export: the district's KA2 return, the county workbook, the fare table as CSV.

The dialogs only ask where (thin wrappers, so tests call the methods that take a path); the files
are written by vfk_desktop.io.writers in the background, with their own database connection,
behind a progress dialog whose Cancel leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGridLayout

from vfk_desktop.io.writers.output import ExportCancelled
from vfk_desktop.ui import settings_keys as keys


class Exporting:
    """The window's export actions; window is the MainWindow (its session: district and period)."""

    def __init__(self, window) -> None:
        self.window = window
        self.last_export: Path | None = None
        self.publication = False  # the next export is for publication (the dialog's check box)

    # --- asking where -----------------------------------------------------------------------
    def _ask(self, caption: str, name: str, file_filter: str, suffix: str) -> Path | None:
        """Where to save, and (a check box in the dialog) whether the file is for publication."""
        folder = Path(QSettings().value(keys.EXPORT_FOLDER, str(Path.home()), type=str))
        dialog = QFileDialog(self.window, caption, str(folder / name), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the native one takes no check box
        publication = QCheckBox("For &publication: withhold district counts of 1 to 7 and everything "
                                "worked out from them", dialog)
        grid = dialog.layout()
        if isinstance(grid, QGridLayout):
            grid.addWidget(publication, grid.rowCount(), 0, 1, grid.columnCount())
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return None
            chosen, self.publication = dialog.selectedFiles()[0], publication.isChecked()
        finally:
            dialog.deleteLater()
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
    def export_ka2_return(self, path: Path, publication: bool | None = None) -> None:
        self._run("Exporting the KA2 return", Path(path), self.window.session.locality, publication)

    def export_fare_csv(self, path: Path, publication: bool | None = None) -> None:
        self._run("Exporting the fare table", Path(path), self.window.session.locality, publication)

    def export_county(self, path: Path, publication: bool | None = None) -> None:
        self._run("Exporting the county workbook", Path(path), None, publication)

    def _run(self, title: str, path: Path, locality: str | None, publication: bool | None) -> None:
        from vfk_desktop.ui.workers import run_job

        period = self.window.session.period
        published = self.publication if publication is None else publication

        def work(context):
            from vfk_desktop.facts import publication as publish
            from vfk_desktop.facts.exports import county_facts, return_facts
            from vfk_desktop.io.writers.exports import check_locality_name, export_county, export_locality

            context.progress(0.02, "Gathering the figures")
            store = context.store
            if locality is None:
                facts = county_facts(store, period)
                return export_county(publish.published_county(store, facts) if published else facts,
                                     path, context.progress, context.cancelled)
            check_locality_name(path)
            facts = return_facts(store, locality, period)
            return export_locality(publish.published_return(store, facts) if published else facts,
                                   path, context.progress, context.cancelled)

        def done(exported) -> None:
            self.last_export = exported.path
            self.window.statusBar().showMessage(f"Saved the {exported.kind} to {exported.path}.", 15000)

        run_job(self.window, title, self.window.session.store.path, work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        from vfk_desktop.ui.workers import show_failure

        show_failure(self.window, "Export", error, cancelled=ExportCancelled)
