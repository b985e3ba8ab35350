"""File → Print…, Print Preview… and Export PDF…: the Board pack, or the part the current page shows.

The pack is gathered by the core and laid out by vfk_desktop.reports; this module only asks the
officer what to print and where. Export PDF runs off the GUI thread behind a progress dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.reports.pack import SECTION_TITLES, SECTIONS
from vfk_desktop.ui import settings_keys as keys
from vfk_desktop.ui.screen_fit import fit_hint_to_screen, fit_to_screen

# what "this page only" prints, for the pages that have a part of the pack
PAGE_SECTIONS = {
    "Overview": ("fare",),
    "Priorities": ("rankings",),
    "Local priorities": ("local",),
    "Vision": ("reds",),
    "Actions": ("actions",),
}


@dataclass(frozen=True)
class ReportChoice:
    """What the officer chose to print: the pack's sections, the paper, and whether it is for publication."""

    sections: tuple[str, ...] = SECTIONS
    paper: str = "A4"
    landscape: bool = False
    publication: bool = False  # small numbers suppressed (facts.publication)

    def page_setup(self):
        from vfk_desktop.reports.printing import PageSetup

        return PageSetup(paper=self.paper, landscape=self.landscape)


class ReportOptionsDialog(QDialog):
    """Whole pack or this page; for a PDF also the paper and which way up."""

    def __init__(self, parent: QWidget, page_name: str, locality: str, with_paper: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle("Board pack")
        self.page_sections = PAGE_SECTIONS.get(page_name)
        self.whole = QRadioButton("The whole &Board pack", self)
        self.whole.setChecked(True)
        self.this_page = QRadioButton(self)
        if self.page_sections:
            title = SECTION_TITLES[self.page_sections[0]].format(locality=locality)
            self.this_page.setText(f"&This page only: {title}")
        else:
            self.this_page.setText("This page only (only the Overview, Priorities, Local priorities and "
                                   "Vision pages are printed on their own)")
            self.this_page.setEnabled(False)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.this_page)
        form = QFormLayout()
        settings = QSettings()
        self.paper = QComboBox(self)
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentText(settings.value(keys.REPORT_PAPER, "A4", type=str))
        self.paper.setAccessibleName("Paper size")
        self.orientation = QComboBox(self)
        self.orientation.addItems(["Portrait", "Landscape"])
        self.orientation.setCurrentIndex(int(settings.value(keys.REPORT_LANDSCAPE, False, type=bool)))
        self.orientation.setAccessibleName("Orientation")
        if with_paper:
            form.addRow("&Paper", self.paper)
            form.addRow("&Orientation", self.orientation)
        else:  # kept for choice(), but never shown: outside a layout they sat over the first button
            self.paper.hide()
            self.orientation.hide()
        self.for_publication = QCheckBox("For &publication: withhold district counts of 1 to 7 and "
                                         "everything worked out from them", self)
        button = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(button.Ok | button.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whole)
        layout.addWidget(self.this_page)
        layout.addLayout(form)
        layout.addWidget(self.for_publication)
        layout.addWidget(buttons)
        fit_hint_to_screen(self)

    def choice(self) -> ReportChoice:
        sections = self.page_sections if self.this_page.isChecked() and self.page_sections else SECTIONS
        landscape = self.orientation.currentIndex() == 1
        QSettings().setValue(keys.REPORT_PAPER, self.paper.currentText())
        QSettings().setValue(keys.REPORT_LANDSCAPE, landscape)
        return ReportChoice(sections, self.paper.currentText(), landscape,
                            self.for_publication.isChecked())


class Printing:
    """The window's print actions; window is the MainWindow (its session, its current page)."""

    def __init__(self, window) -> None:
        self.window = window

    def _ask(self, with_paper: bool) -> ReportChoice | None:
        dialog = ReportOptionsDialog(self.window, self.window.current_page_name(),
                                     self.window.session.locality, with_paper)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def shown_codes(self, choice: ReportChoice) -> list[str] | None:
        """The Overview's filtered, sorted rows when "this page only" prints it: what is seen is printed."""
        if choice.sections != PAGE_SECTIONS["Overview"] or self.window.current_page_name() != "Overview":
            return None
        return self.window.page("Overview").visible_codes()

    def _pack_printer(self, choice: ReportChoice):
        from vfk_desktop.facts.board import build_pack
        from vfk_desktop.reports.board import pack_images
        from vfk_desktop.reports.printing import PackPrinter

        session = self.window.session
        pack = build_pack(session.store, session.locality, session.period, choice.sections,
                          only=self.shown_codes(choice))
        if choice.publication:
            from vfk_desktop.facts.publication import published_pack

            pack = published_pack(session.store, pack)
        return PackPrinter(pack, pack_images(pack))

    def _printer(self, choice: ReportChoice):
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(choice.page_setup().page_layout())
        printer.setDocName(f"{self.window.session.locality} Board pack")
        return printer

    def preview(self, choice: ReportChoice | None = None) -> None:
        choice = choice or self._ask(with_paper=False)
        if choice is None:
            return
        dialog = self.preview_dialog(choice)
        dialog.exec()
        dialog.deleteLater()

    def preview_dialog(self, choice: ReportChoice) -> QDialog:
        """The preview of choice, sized to the screen (a page's height where there is room)."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        pack_printer = self._pack_printer(choice)
        printer = self._printer(choice)
        dialog = QPrintPreviewDialog(printer, self.window)
        # the dialog owns neither its printer nor the painter of its pages (a slot held weakly):
        # both live as long as it does
        dialog.printer_kept, dialog.pages_kept = printer, pack_printer
        dialog.setWindowTitle(f"Print preview: {self.window.session.locality} Board pack")
        dialog.paintRequested.connect(pack_printer.paint)
        fit_to_screen(dialog, 900, 1000)
        return dialog

    def print_pack(self, choice: ReportChoice | None = None) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        choice = choice or self._ask(with_paper=False)
        if choice is None:
            return
        printer = self._printer(choice)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = self._pack_printer(choice).paint(printer)
            self.window.statusBar().showMessage(f"Sent {pages} pages to {printer.printerName()}.", 8000)
        dialog.deleteLater()

    def export_pdf(self, path: Path | None = None, choice: ReportChoice | None = None) -> None:
        choice = choice or self._ask(with_paper=True)
        if choice is None:
            return
        session = self.window.session
        if path is None:
            folder = QSettings().value(keys.REPORT_FOLDER, str(Path.home()), type=str)
            name, _ = QFileDialog.getSaveFileName(self.window, "Export the Board pack as PDF",
                                                  str(Path(folder) / f"{session.locality} Board pack.pdf"),
                                                  "PDF (*.pdf)")
            if not name:
                return
            path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
            QSettings().setValue(keys.REPORT_FOLDER, str(path.parent))
        self._write(path, choice)

    def _write(self, path: Path, choice: ReportChoice) -> None:
        """Figures and charts here (charts are drawn by widgets); the pages in the background."""
        from vfk_desktop.reports.board import check_target
        from vfk_desktop.ui.errors import shown
        from vfk_desktop.ui.workers import run_job

        with shown(self.window, "Export PDF"):
            check_target(path)
            pack_printer = self._pack_printer(choice)

            def work(ctx):
                from vfk_desktop.reports.printing import write_pdf

                return write_pdf(pack_printer, path, choice.page_setup(), ctx.progress)

            def done(pages: object) -> None:
                self.window.statusBar().showMessage(f"Saved the Board pack ({pages} pages) to {path}.", 10000)
                self.window.last_report = path

            run_job(self.window, "Exporting the Board pack", self.window.session.store.path, work, done)
