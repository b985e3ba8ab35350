"""The KA2 return as an officer opens it: figures from the core, formats, drop-down, print set-up."""

from __future__ import annotations

import openpyxl
import pytest

from tests.seed_figures import FARE_ROWS
from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.model import Rag
from vfk_desktop.domain.periods import parse_period
from vfk_desktop.facts.exports import data_records, return_facts
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.ka2_return import write_ka2_return
from vfk_desktop.palette import RAG_TINT
from vfk_desktop.store.queries import ka2_codes
from vfk_desktop.store.sample_flag import ILLUSTRATIVE


@pytest.fixture
def ka2(sample_store, tmp_path):
    path = tmp_path / "tw.xlsx"
    indicators, records = write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    return path, indicators, records


def return_rows(path) -> tuple[openpyxl.worksheet.worksheet.Worksheet, dict[str, dict]]:
    sheet = openpyxl.load_workbook(path)[layout.RETURN_SHEET]
    header = [cell.value for cell in sheet[4]]
    assert header == list(layout.RETURN_HEADERS)
    rows = {}
    for cells in sheet.iter_rows(min_row=5):
        rows[cells[1].value] = {heading: cell for heading, cell in zip(header, cells, strict=True)}
    return sheet, rows


def test_every_ka2_indicator_is_listed_by_theme(ka2, sample_store):
    path, indicators, _ = ka2
    _, rows = return_rows(path)
    listed = set(rows)
    represented = listed | {parent_code(code) for code in listed}
    assert set(ka2_codes(sample_store)) <= represented
    assert {row.code for row in fare_table(sample_store, "Tunbridge Wells")} <= listed
    assert indicators == len(rows)
    themes = [row["Theme"].value for row in rows.values()]
    assert themes.index("Economic Success") < themes.index("Keep Kent Moving")
    assert themes == sorted(themes, key=themes.index)  # each theme's rows together


def test_the_seed_figures_come_out_as_the_core_gives_them(ka2):
    _, rows = return_rows(ka2[0])
    for seed in FARE_ROWS:
        row = rows[seed.code]
        assert row["Period"].value == seed.period
        assert row["Value"].value == seed.value
        assert row["Kent target"].value == (seed.target if seed.target is not None else "N/a")
        assert (row["Kent best"].value, row["Kent worst"].value) == (seed.best, seed.worst)
        assert row["Priority"].value == {"H": "High", "M": "Medium", "L": "Low"}[seed.band]
        assert row["Of"].value == 12 and 1 <= row["Rank"].value <= 12
    ni163 = rows["NI 163"]
    assert (ni163["Status"].value, ni163["RAG"].value) == ("Worse than target", "■ Red")
    assert ni163["Rank"].value == 6
    assert ni163["Target period"].value == "2010/11" and ni163["Ranking period"].value == "2009/10"
    assert ni163["Direction"].value == "↑ improved"
    assert ni163["Commentary"].value.startswith("Illustrative: below target")
    assert rows["NI 39"]["Status"].value == "Met target" and rows["NI 39"]["RAG"].value == "● Green"
    assert rows["NI 155"]["Status"].value == "No target" and rows["NI 155"]["RAG"].value is None
    assert rows["NI 32"]["Status"].value == "No data" and rows["NI 32"]["Priority"].value == "High"


def test_formats_follow_the_unit_and_rag_is_a_fill_and_a_word(ka2):
    _, rows = return_rows(ka2[0])
    assert rows["NI 163"]["Value"].number_format == '#,##0.0"%"'  # 70.9 shown as 70.9%
    assert rows["NI 39"]["Value"].number_format == "#,##0"  # 1,212 per 100,000: whole figures
    assert rows["NI 111"]["Value"].number_format == "#,##0.0"  # 8 beside 15.6: one decimal
    red = rows["NI 163"]["RAG"]
    assert red.fill.fgColor.rgb.endswith(RAG_TINT[Rag.RED].lstrip("#").upper())
    assert red.value == "■ Red"
    assert rows["NI 163"]["Indicator"].alignment.wrap_text


def test_made_for_people_frozen_filtered_validated_and_set_up_for_print(ka2):
    book = openpyxl.load_workbook(ka2[0])
    assert book.sheetnames == [layout.COVER_SHEET, layout.RETURN_SHEET, layout.ACTIONS_SHEET,
                               layout.ACTION_NOTES_SHEET, layout.DATA_SHEET]
    sheet = book[layout.RETURN_SHEET]
    assert sheet.freeze_panes == "D5"
    assert sheet.auto_filter.ref.startswith("A4:Y")
    assert sheet["D4"].font.b
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"High,Medium,Low"' and str(validation.sqref).startswith("D5:D")
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage  # one page wide (fitToWidth's default, 1)
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$4:$4"
    assert "Page &P of &N" in sheet.oddFooter.center.text
    assert sheet.column_dimensions["C"].width > 30 and sheet.column_dimensions["B"].width < 12
    props = book.properties
    assert props.title == "KA2 return: Tunbridge Wells" and "KA2" in props.keywords
    data = book[layout.DATA_SHEET]
    assert data.freeze_panes == "A2" and data.auto_filter.ref.startswith("A1:")


def test_the_cover_says_what_where_and_that_the_sample_is_illustrative(ka2, sample_store):
    cover = openpyxl.load_workbook(ka2[0])[layout.COVER_SHEET]
    facts = {row[0]: row[1] for row in cover.iter_rows(values_only=True) if row[0]}
    assert facts["Locality"] == "Tunbridge Wells"
    assert facts["Period"] == "each indicator's newest comparable period: 2007, 2008, 2008/09"
    assert facts["Database"] == sample_store.path.name  # the file alone: a return is sent out
    assert facts["Made with"].startswith("vfk_desktop ") and facts["Exported"]
    assert facts["Illustrative"].startswith("Yes")
    assert ILLUSTRATIVE in facts


def test_one_period(sample_store, tmp_path):
    path = tmp_path / "tw-2007-08.xlsx"
    write_ka2_return(return_facts(sample_store, "Tunbridge Wells", parse_period("2007/08")), path)
    _, rows = return_rows(path)
    assert rows["NI 39"]["Period"].value == "2007/08" and rows["NI 39"]["Value"].value != 1212
    cover = openpyxl.load_workbook(path)[layout.COVER_SHEET]
    assert ("Period", "2007/08") in [row[:2] for row in cover.iter_rows(values_only=True)]


def test_the_data_sheet_holds_every_record_with_its_source(ka2, sample_store):
    path, _, records = ka2
    sheet = openpyxl.load_workbook(path)[layout.DATA_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(layout.DATA_HEADERS) and len(rows) - 1 == records
    assert records == len(data_records(sample_store, ["Tunbridge Wells"], {"NI 163"}))
    heading = {name: index for index, name in enumerate(layout.DATA_HEADERS)}
    value = next(r for r in rows if r[1] == "NI 163" and r[0] == "Tunbridge Wells" and r[3] == "2008")
    assert value[heading["Value"]] == 70.9
    assert value[heading["Source file"]] == "kent_districts_sample.csv"
    assert value[heading["Source cell"]] and value[heading["Import no."]] == 1
    target = next(r for r in rows if r[1] == "NI 163" and r[0] == "Kent" and r[heading["Kent target"]])
    assert (target[3], target[heading["Kent target"]]) == ("2010/11", 75.6)
    ranking = next(r for r in rows if r[1] == "NI 163" and r[heading["Priority"]])
    assert (ranking[heading["Ranking period"]], ranking[heading["Priority"]], ranking[3]) == (
        "2009/10", "High", None)
    assert {r[0] for r in rows[1:]} == {"Tunbridge Wells", "Kent"}  # no other district's figures
