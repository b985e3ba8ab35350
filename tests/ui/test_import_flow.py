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
    window.import_files(paths)
    qtbot.waitUntil(lambda: bool(reports), timeout=20000)
    flow = window._import_flow
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
    assert seen["actions"] == [("insert", "Dover"), ("skip", ""), ("update", "Tunbridge Wells")]
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
    qtbot.wait(200)
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
    qtbot.waitUntil(lambda: window._import_flow.finished_result is not None, timeout=20000)
    assert reports == [3]
    assert window._import_flow.paths == [Path(path)]


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
            for header, role in (("Place", Role.AREA), ("Measure", Role.CODE), ("When", Role.PERIOD),
                                 ("Amount", Role.VALUE)):
                dialog.choose(header, role)
            dialog.accept()
        answer_modal(answer)  # and the next dialog

    answer_modal(answer)
    window.import_files([path])
    qtbot.waitUntil(lambda: getattr(window._import_flow, "finished_result", None) is not None,
                    timeout=30000)
    assert steps[:3] == ["report", "mapping", "report"]
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
    window.import_files([path])
    qtbot.waitUntil(lambda: any(isinstance(w, ProgressDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=20000)
    progress = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, ProgressDialog) and w.isVisible())
    assert 0 <= progress.bar.value() < 1000
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=30000)
    assert len(observations(window.session.store)) == before
    assert window._import_flow.finished_result is None
    assert not too_late  # Cancel stopped the check before any report
