"""View → Comparison settings…: the minimum number of districts to rank, for the window and `vfk`."""

import json

from PySide6.QtCore import Qt

from tests.conftest import run_cli
from tests.ui.conftest import answer_modal
from vfk_desktop.store.connection import open_store

NINE = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks", "Swale",
        "Tunbridge Wells"]


def test_raising_the_minimum_moves_the_comparison_to_a_period_enough_districts_reported(
        qtbot, sample_db, tmp_path):
    partner = tmp_path / "nine.csv"
    partner.write_text("District,NI,Period,Value\n" + "".join(
        f"{name},NI 39,2009/10,{1000 + 25 * i}\n" for i, name in enumerate(NINE)), encoding="utf-8")
    assert run_cli("import", str(partner), db=sample_db).returncode == 0
    from tests.ui.conftest import dispose
    from vfk_desktop.ui.main_window import MainWindow

    window = MainWindow(open_store(sample_db), "Tunbridge Wells")
    window.show()
    try:
        page = window.pages["Overview"]
        row = {r.code: r for r in page.rows}["NI 39"]
        assert (row.period.label, row.rank, row.of) == ("2009/10", 9, 9)

        def ask_for_ten(dialog):
            assert dialog.minimum.value() == 8
            dialog.minimum.setValue(10)
            dialog.accept()

        answer_modal(ask_for_ten)
        window.comparison_action.trigger()
        row = {r.code: r for r in page.rows}["NI 39"]
        assert (row.period.label, row.rank, row.of) == ("2008/09", 6, 12)
        assert row.own_newer_period.label == "2009/10" and row.own_newer_reported == 9
        assert "10 of 12" in window.statusBar().currentMessage()
    finally:
        dispose(window)
    rows = {r["code"]: r for r in json.loads(
        run_cli("fare", "--locality", "TWBC", "--json", db=sample_db).stdout)}
    assert rows["NI 39"]["period"] == "2008/09" and rows["NI 39"]["own_newer"]["period"] == "2009/10"


def test_vs_kent_can_be_shown_at_99_8_per_cent(qtbot, sample_db):
    from tests.ui.conftest import dispose
    from vfk_desktop.ui.main_window import MainWindow

    window = MainWindow(open_store(sample_db), "Tunbridge Wells")
    window.show()
    try:
        section = window.pages["Overview"].sections[0]  # High priorities, NI 39 among them

        def vs_kent(code):
            model = section.model
            headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
            for r in range(model.rowCount()):
                if model.index(r, headers.index("Code")).data() == code:
                    return model.index(r, headers.index("vs Kent")).data()
            return None

        assert vs_kent("NI 39") == "▲ Better"  # 1,212 against Kent's 1,309 at 95 %

        def at_998(dialog):
            assert dialog.level.currentText() == "95 %"
            dialog.level.setCurrentIndex(1)
            dialog.accept()

        answer_modal(at_998)
        window.comparison_action.trigger()
        assert vs_kent("NI 39") == "● Similar"  # Kent lies inside the 99.8 % interval
        assert "99.8 %" in window.statusBar().currentMessage()
    finally:
        dispose(window)
    row = {r["code"]: r for r in json.loads(
        run_cli("fare", "--locality", "TWBC", "--json", db=sample_db).stdout)}["NI 39"]
    assert (row["vs_kent"], row["vs_kent_998"]) == ("better", "similar")  # the JSON gives both
