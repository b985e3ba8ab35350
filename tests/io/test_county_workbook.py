"""The county workbook: the 12 districts side by side by theme, the High priority reds, the Data."""

from __future__ import annotations

import openpyxl
import pytest

from tests.io.exported import DISTRICTS
from vfk_desktop.domain.model import Priority, Rag
from vfk_desktop.facts.exports import county_facts, data_records
from vfk_desktop.facts.fare import fare_row
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.county_workbook import write_county_workbook
from vfk_desktop.palette import RAG_TINT
from vfk_desktop.store import edits


@pytest.fixture
def county(sample_store, tmp_path):
    path = tmp_path / "county.xlsx"
    indicators, records = write_county_workbook(county_facts(sample_store), path)
    return openpyxl.load_workbook(path), indicators, records


def table(sheet, header_row: int = 4) -> tuple[list[str], dict[str, list]]:
    header = [cell.value for cell in sheet[header_row]]
    rows = {cells[0].value: list(cells) for cells in sheet.iter_rows(min_row=header_row + 1)
            if cells[0].value}
    return header, rows


def test_a_sheet_per_theme_with_the_districts_across_the_top(county):
    book, indicators, _ = county
    assert book.sheetnames[:2] == [layout.COVER_SHEET, layout.SUMMARY_SHEET]
    assert book.sheetnames[-1] == layout.DATA_SHEET
    themes = book.sheetnames[2:-1]
    assert themes[0] == "Economic Success" and "Keep Kent Moving" in themes
    assert "Improved Health, Care and Wellb" in themes  # 31 characters, as Excel allows
    header, rows = table(book["Economic Success"])
    assert header == ["Code", "Indicator", "Unit", "Period", *DISTRICTS, "Kent", "Kent target",
                      "Target period", "Kent best", "Kent worst", "Kent figure from",
                      "vs Kent (95% interval)"]
    ni163 = dict(zip(header, rows["NI 163"], strict=True))
    assert ni163["Period"].value == "2008" and ni163["Tunbridge Wells"].value == 70.9
    assert (ni163["Kent target"].value, ni163["Kent best"].value, ni163["Kent worst"].value) == (
        75.6, 77.6, 58.7)
    tw = ni163["Tunbridge Wells"]
    assert tw.number_format == '"■ "#,##0.0"%"'  # the shape and the word are there without colour
    assert tw.fill.fgColor.rgb.endswith(RAG_TINT[Rag.RED].lstrip("#").upper())
    assert sum(len(table(book[name])[1]) for name in themes) == indicators
    sheet = book["Economic Success"]
    assert sheet.freeze_panes == "C5" and sheet.page_setup.orientation == "landscape"


def test_the_reds_on_each_districts_high_priorities(sample_store, tmp_path):
    edits.set_priority(sample_store, "Ashford", "NI 163", "2009/10", Priority.HIGH)  # 60.0: red
    path = tmp_path / "county.xlsx"
    write_county_workbook(county_facts(sample_store), path)
    sheet = openpyxl.load_workbook(path)[layout.SUMMARY_SHEET]
    values = list(sheet.iter_rows(values_only=True))
    counts = {row[0]: row[1:6] for row in values[4:16]}
    assert list(counts) == DISTRICTS
    assert counts["Tunbridge Wells"] == (8, 2, 0, 2, 4)  # High: NI 21 and NI 163 red
    assert counts["Ashford"] == (1, 1, 0, 0, 0) and counts["Dover"] == (0, 0, 0, 0, 0)
    listing = [row for row in values[19:] if row[0]]
    assert [(row[0], row[1]) for row in listing] == [
        ("Ashford", "NI 163"), ("Tunbridge Wells", "NI 163"), ("Tunbridge Wells", "NI 21")]  # theme order
    assert listing[1][3:5] == (70.9, 75.6) and listing[1][8:10] == (6, 12)


def test_the_data_sheet_holds_every_record(county, sample_store):
    book, _, records = county
    assert records == len(data_records(sample_store)) == 672 + 35 + 3  # figures, rankings, comments
    assert book[layout.DATA_SHEET].max_row == records + 1
    cover = {row[0]: row[1] for row in book[layout.COVER_SHEET].iter_rows(values_only=True) if row[0]}
    assert cover["Districts"] == ", ".join(DISTRICTS) and cover["Illustrative"].startswith("Yes")
    assert book.properties.title == "Vision for Kent: the 12 districts"


def test_the_districts_that_differ_from_kent_beyond_chance(sample_store, tmp_path):
    path = tmp_path / "county.xlsx"
    write_county_workbook(county_facts(sample_store), path)
    header, rows = table(openpyxl.load_workbook(path)["Economic Success"])
    ni163 = dict(zip(header, rows["NI 163"], strict=True))
    assert ni163["Kent figure from"].value == "as stated"
    said = {shape: names.split(", ") for shape, names in
            (part.split(": ") for part in ni163["vs Kent (95% interval)"].value.split("; "))}
    expected: dict[str, list[str]] = {}
    for district in DISTRICTS:  # each district's own fare row, as `vfk fare --json` gives it
        found = fare_row(sample_store, district, "NI 163").statistics.vs_kent
        if found is not None and found.value != "similar":
            expected.setdefault({"better": "▲ Better", "worse": "▼ Worse"}[found.value], []).append(district)
    assert said == expected and expected
