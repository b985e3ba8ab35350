"""Importing from the window: the report before anything is written, Import or Cancel, drops,
Cancel during a long check, refusals, and columns mapped by hand."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.io.spreadsheets import write
from tests.ui.conftest import answer_modal
from vfk_desktop.domain.columns import Role
from vfk_desktop.store.history import observations
from vfk_desktop.ui.workers import ProgressDialog

GOOD = {"Data": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2009/10", 1400],
                 ["Tunbridge Wells", "NI 39", "2008/09", "1,250"], ["Medway", "NI 39", "2009/10", 1]]}


def click_button(dialog, text):
    box = dialog.findChild(QDialogButtonBox)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    assert button.isEnabled(), f"{text} is disabled"
    button.click()


def run_import(window, qtbot, paths, answer):
    """Import paths through the window; answer(dialog) acts on the report; returns the flow."""
    reports = []

    def on_report(dialog):
        reports.append(dialog)
        answer(dialog)

    answer_modal(on_report)
    window.files.import_files(paths)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    flow = window.files.import_flow
    return flow, reports[0]


def test_the_report_lists_every_row_and_import_writes_them(window, qtbot, tmp_path):
    path = write(tmp_path / "partner.xlsx", GOOD)
    seen = {}

    def read_then_import(dialog):
        rows = dialog.model.rows()
        seen["actions"] = sorted((r.action, r.place) for r in rows)
        seen["summary"] = dialog.findChild(type(dialog.findChildren(object)[0]), "summary")
        seen["import_enabled"] = dialog.import_button.isEnabled()
        update = next(r for r in rows if r.action == "update")
        seen["update"] = (update.old, update.new, update.source)
        click_button(dialog, "Import")

    flow, _ = run_import(window, qtbot, [path], read_then_import)
    assert seen["actions"] == [("insert", "Dover"), ("skip", "Medway"), ("update", "Tunbridge Wells")]
    assert seen["update"] == ("1,212", "1,250", "partner.xlsx, sheet Data, D3")
    assert seen["import_enabled"]
    qtbot.waitUntil(lambda: flow.finished_result is not None, timeout=20000)
    assert flow.finished_result.inserted == 1 and flow.finished_result.updated == 1
    dover = observations(window.session.store, area="Dover", code="NI 39", period="2009/10")[0]
    assert dover.figure.value == 1400 and dover.provenance.file == "partner.xlsx"
    assert "Last import: 2" in window.last_import_label.text()
    imports = window.show_page("Imports")
    assert imports.model.row_at(imports.model.rowCount() - 1).files == ["partner.xlsx"]


def test_cancel_in_the_report_writes_nothing(window, qtbot, tmp_path):
    path = write(tmp_path / "partner.csv", GOOD)
    before = len(observations(window.session.store))
    flow, _ = run_import(window, qtbot, [path], lambda dialog: click_button(dialog, "Cancel"))
    qtbot.waitUntil(lambda: flow.report is None, timeout=20000)  # the report has closed
    assert not [p for p in window.findChildren(ProgressDialog) if p.isVisible()]  # no import started
    assert flow.finished_result is None
    assert len(observations(window.session.store)) == before


def test_dropping_files_on_the_window_imports_them(window, qtbot, tmp_path):
    path = write(tmp_path / "dropped.csv", GOOD)
    reports = []
    answer_modal(lambda dialog: (reports.append(dialog.model.rowCount()), click_button(dialog, "Import")))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.files.import_flow.finished_result is not None, timeout=20000)
    assert reports == [3]
    assert window.files.import_flow.paths == [Path(path)]


def test_a_file_with_problems_cannot_be_imported_and_says_why(window, qtbot, tmp_path):
    bad = {"Data": [["District", "NI", "Year", "Value"], ["Tunbrige Wells", "NI 39", "2009/10", 1]]}
    path = write(tmp_path / "bad.xlsx", bad)
    seen = {}

    def look(dialog):
        seen["enabled"] = dialog.import_button.isEnabled()
        seen["why"] = [r.reason for r in dialog.model.rows() if r.action == "reject"]
        click_button(dialog, "Cancel")

    run_import(window, qtbot, [path], look)
    assert seen["enabled"] is False
    assert 'did you mean "Tunbridge Wells"' in seen["why"][0]


def test_a_sheet_nobody_understands_can_be_mapped_by_hand_and_is_remembered(window, qtbot, tmp_path):
    odd = {"Data": [["Place", "Measure", "When", "Amount"], ["Dover", "NI 39", "2009/10", 1400]]}
    path = write(tmp_path / "odd.xlsx", odd)
    steps = []

    def answer(dialog):
        if dialog.windowTitle().startswith("Import"):
            steps.append("report")
            if len(steps) == 1:
                click_button(dialog, "Choose columns…")
            else:
                click_button(dialog, "Import")
        else:
            steps.append("mapping")
            sample = dialog.table.model()
            steps.append((sample.index(1, 0).data(), sample.index(1, 3).data()))
            for header, role in (("Place", Role.AREA), ("Measure", Role.CODE), ("When", Role.PERIOD),
                                 ("Amount", Role.VALUE)):
                dialog.choose(header, role)
            dialog.accept()
        answer_modal(answer)  # and the next dialog

    answer_modal(answer)
    window.files.import_files([path])
    qtbot.waitUntil(lambda: getattr(window.files.import_flow, "finished_result", None) is not None,
                    timeout=30000)
    assert steps[:4] == ["report", "mapping", ("Dover", "1400"), "report"]
    dover = observations(window.session.store, area="Dover", code="NI 39", period="2009/10")[0]
    assert dover.figure.value == 1400
    saved = window.session.store.conn.execute("SELECT name FROM import_profiles").fetchone()[0]
    assert saved == "odd layout"


def test_cancel_stops_a_long_check_and_nothing_is_written(window, qtbot, tmp_path):
    lines = ["District,NI,Period,Value"]
    codes = [code for (code,) in window.session.store.conn.execute("SELECT code FROM indicators")]
    districts = ["Ashford", "Dover", "Swale", "Thanet", "Maidstone", "Sevenoaks"]
    n = 0
    for year in range(1950, 2050):
        for quarter in range(1, 5):
            for code in codes:
                for district in districts:
                    lines.append(f"{district},{code},{year}/{(year + 1) % 100:02d} Q{quarter},{n}")
                    n += 1
    assert n > 120_000
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines) + "\n")
    before = len(observations(window.session.store))
    too_late = answer_modal(lambda dialog: click_button(dialog, "Cancel"))  # never hang on a report
    window.files.import_files([path])
    qtbot.waitUntil(lambda: any(isinstance(w, ProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=20000)
    progress = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, ProgressDialog) and w.isVisible())
    assert 0 <= progress.bar.value() < 1000
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=30000)
    assert len(observations(window.session.store)) == before
    assert window.files.import_flow.finished_result is None
    assert not too_late  # Cancel stopped the check before any report


MIXED = {"Data": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2019/20", 1400],
                  ["Thanet", "NI 77", "2019/20", 5], ["Ashford", "NI 39", "2019/20", None],
                  ["Swale", "NI 39", "2019/20", "+1 lots"]]}


def test_the_why_column_is_visible_at_1366_by_768_and_the_good_rows_can_be_imported(
        window, qtbot, tmp_path, monkeypatch):
    import openpyxl
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QFileDialog

    path = write(tmp_path / "mixed.xlsx", MIXED)
    out = tmp_path / "back to partner.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))  # not ours
    seen = {}

    def look(dialog):
        dialog.fit_to(QSize(1366, 768))
        QApplication.processEvents()
        view, why = dialog.view, dialog.model.column_index("Why")
        seen["size"] = (dialog.width(), dialog.height())
        seen["why_right"] = view.columnViewportPosition(why) + view.columnWidth(why)
        seen["viewport"] = view.viewport().width()
        seen["why_width"] = view.columnWidth(why)
        seen["scroll"] = view.horizontalScrollBar().maximum()
        rows = dialog.model.rows()
        seen["blank"] = [(r.action, r.place, r.new) for r in rows if r.place == "Ashford"]
        seen["refused"] = [(r.place, r.indicator, r.new) for r in rows if r.action == "reject"]
        seen["import_enabled"] = dialog.import_button.isEnabled()
        seen["summary"] = dialog.findChild(QLabel, "summary").text()
        click_button(dialog, "Import the 1 good figures, leave the 2 refused")

    from PySide6.QtWidgets import QLabel

    flow, _ = run_import(window, qtbot, [path], look)
    assert seen["size"][0] <= 1366 and seen["size"][1] <= 768
    assert seen["why_right"] <= seen["viewport"] and seen["why_width"] >= 250
    assert seen["scroll"] == 0
    assert seen["blank"] == [("blank", "Ashford", "")]
    assert ("Thanet", "NI 77", "5") in seen["refused"] and ("Swale", "NI 39", "+1 lots") in seen["refused"]
    assert not seen["import_enabled"] and "leave the 2 refused out" in seen["summary"]
    qtbot.waitUntil(lambda: flow.finished_result is not None, timeout=20000)
    result = flow.finished_result
    assert result.partial and result.inserted == 1 and result.left_out == 2
    dover = observations(window.session.store, area="Dover", code="NI 39", period="2019/20")[0]
    assert dover.figure.value == 1400
    count = window.session.store.conn.execute(
        "SELECT count(*) FROM imports WHERE undone_at IS NULL AND id = ?", (result.import_id,)).fetchone()
    assert count == (1,)
    sheet = openpyxl.load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(values_only=False)]
    reasons = {row[0]: row[-1] for row in rows[1:]}
    assert "not in the indicator catalogue" in reasons["Thanet"] and "not a number" in reasons["Swale"]
    assert sheet["D3"].value == "+1 lots" and sheet["D3"].data_type == "s"


def test_choose_columns_shows_the_first_rows_and_fits_a_small_laptop_screen(qtbot, tmp_path):
    from PySide6.QtCore import QSize

    from vfk_desktop.domain.import_plan import UnreadSheet
    from vfk_desktop.ui.mapping_dialog import MappingDialog

    headings = ("Area", "Rate per 1,000", "Quarter", "Source", "Notes", "Updated", "Checked by",
                "Denominator", "Numerator", "Confidence")
    sample = tuple((f"Place {n}", 10.5 + n, "2009/10 Q3", "ONS", "", "", "", 1000, 10, "95%")
                   for n in range(12))
    sheet = UnreadSheet(tmp_path / "odd.xlsx", "Rates", 3, headings, sample[:8],
                        tuple(range(4, 12)))
    dialog = MappingDialog(sheet)
    qtbot.addWidget(dialog)
    dialog.fit_to(QSize(1366, 768))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert dialog.width() > 600 and dialog.height() > 400
    model = dialog.table.model()
    assert model.rowCount() == 9  # "Becomes", then 8 rows
    assert model.headerData(0, Qt.Orientation.Vertical) == "Becomes"
    assert model.headerData(1, Qt.Orientation.Vertical) == "4"
    assert model.index(1, 0).data() == "Place 0" and model.index(1, 1).data() == "10.5"
    assert model.index(8, 7).data() == "1000"
    combo = dialog.table.indexWidget(model.index(0, 1))
    assert combo is dialog.combos[1]
    dialog.choose("Rate per 1,000", Role.VALUE)
    assert dialog.mapping() == {1: "VALUE"}
    assert dialog.table.rowViewportPosition(8) + dialog.table.rowHeight(8) <= (
        dialog.table.viewport().height())  # every sample row shows without scrolling
