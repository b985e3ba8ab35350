"""File → Export on a real window: written in the background, said where, refused in a sentence."""

from __future__ import annotations

import csv

import openpyxl

from tests.ui.conftest import answer_modal
from vfk_desktop.io import export_layout as layout


def test_the_file_menu_offers_the_exports_named_for_the_district(window):
    texts = [a.text() for a in window.export_menu.actions()]
    assert texts == ["&KA2 return for Tunbridge Wells…", "&County workbook…",
                     "&Fare table for Tunbridge Wells as CSV…", "Board paper (&Word)…", "&Slides…"]
    assert window.export_menu.menuAction() in window.file_menu.actions()
    window.set_locality("Dover")
    assert window.export_return_action.text() == "&KA2 return for Dover…"


def test_the_ka2_return_is_written_in_the_background_and_the_status_bar_says_where(window, qtbot, tmp_path):
    window.set_locality("Dover")
    out = tmp_path / "dover.xlsx"
    window.exporting.export_ka2_return(out)
    qtbot.waitUntil(lambda: window.exporting.last_export == out, timeout=30000)
    assert str(out) in window.statusBar().currentMessage()
    book = openpyxl.load_workbook(out)
    assert book.properties.title == "KA2 return: Dover"
    codes = [row[1] for row in book[layout.RETURN_SHEET].iter_rows(min_row=5, values_only=True)]
    assert "NI 163" in codes


def test_the_county_workbook_and_the_csv_for_the_chosen_period(window, qtbot, tmp_path):
    window.period_picker.setCurrentText("2007/08")
    county, fare = tmp_path / "county.xlsx", tmp_path / "tw.csv"
    window.exporting.export_county(county)
    qtbot.waitUntil(lambda: window.exporting.last_export == county, timeout=30000)
    window.exporting.export_fare_csv(fare)
    qtbot.waitUntil(lambda: window.exporting.last_export == fare, timeout=30000)
    sheet = openpyxl.load_workbook(county)[layout.COVER_SHEET]
    cover = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0]}
    assert cover["Period"] == "2007/08"
    rows = list(csv.DictReader(fare.read_text(encoding="utf-8-sig").splitlines()))
    assert {r["Period"] for r in rows if r["Period"]} == {"2007/08", "2007"}  # the reporting year


def test_a_refusal_is_a_message_box_with_one_sentence(window, qtbot, tmp_path):
    seen = answer_modal(lambda box: box.accept())
    window.exporting.export_county(tmp_path / "missing" / "county.xlsx")
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    assert seen[0].startswith("The folder ") and seen[0].endswith("does not exist.")
    assert window.exporting.last_export is None
