"""The README's picture of the import report: a partner's sheet with a title, notes, an unknown place,
an unknown code, a blank and a word where a figure should be, checked against the database given.

    python scripts/import_report_shot.py DATABASE WORK_FOLDER OUT.png   (under Xvfb, at 1366 x 768)
"""

import sys
from pathlib import Path

import openpyxl
from PySide6.QtCore import QSize

from vfk_desktop.app import make_application
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.imports import apply_plan, import_context
from vfk_desktop.ui.import_report import ImportReportDialog, report_rows
from vfk_desktop.ui.main_window import MainWindow

ROWS = [["Alcohol admissions per 100,000, 2009/10"], [], ["District", "NI", "Year", "Value"],
        ["Dover", "NI 39", "2009/10", 1400], ["Ashford", "NI 39", "2009/10", 1100],
        ["T Wells", "NI 39", "2009/10", 1180], ["Thanet", "NI 999", "2009/10", 5],
        ["Canterbury", "NI 39", "2009/10", None], ["Swale", "NI 39", "2009/10", "+1 lots"],
        [], ["1. Figures are provisional."], ["Source: KMPHO"]]


def main(database: Path, folder: Path, out: Path) -> None:
    app = make_application()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in ROWS:
        sheet.append(row)
    path = folder / "partner.xlsx"
    book.save(path)
    store = open_store(database)
    window = MainWindow(store, "TWBC")
    window.resize(1366, 728)
    window.show()
    plan = plan_import([path], import_context(store))
    result = apply_plan(store, plan, dry_run=True, detailed=True)
    partial = apply_plan(store, plan, dry_run=True, skip_refused=True)
    dialog = ImportReportDialog(plan, result, report_rows(plan, result), window, partial=partial)
    dialog.fit_to(QSize(1366, 728))
    dialog.show()
    for _ in range(10):
        app.processEvents()
    dialog.grab().save(str(out))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
