"""The same partner table in every file format imports the same figures."""

import datetime as dt

import pytest

from tests.io.spreadsheets import FORMATS, Cell, write
from tests.store.test_imports import do_import, dump, value_of
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.io.readers.sheets import BadFile
from vfk_desktop.store.imports import import_context

LONG = [
    ["District", "NI Ref", "Year", "Outturn", "Kent Target", "Comments"],
    ["Tunbridge Wells BC", "NI 39", "2008/09", "1,212", "1,212", "on target"],
    ["Thanet", 39, "2008-09", 1798, None, None],
    ["TONBRIDGE & MALLING", "ni 39", "2008/2009", "N/a", None, None],
    ["Medway", "NI 39", "2008/09", 1500, None, None],
    ["Shepway", "163", "2008", "70.9 %", "75.6", None],
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_long_table_imports_the_same_from_every_format(empty_store, tmp_path, fmt):
    path = write(tmp_path / f"partner.{fmt}", {"Data": LONG})
    result = do_import(empty_store, path)
    assert result.ok, [p.sentence() for p in result.rejected]
    assert len(result.skipped) == 1 and "Medway" in result.skipped[0].reason
    value, text, _, file, cell = value_of(empty_store, "Tunbridge Wells", "NI 39", "2008/09")
    assert (value, file, cell) == (1212.0, f"partner.{fmt}", "D2")
    assert value_of(empty_store, "Thanet", "NI 39", "2008/09")[0] == 1798.0
    assert value_of(empty_store, "Tonbridge and Malling", "NI 39", "2008/09")[:2] == (None, "N/a")
    assert value_of(empty_store, "Shepway", "NI 163", "2008")[0] == 70.9
    assert value_of(empty_store, "Kent", "NI 39", "2008/09", kind="target")[0] == 1212.0
    sheet = empty_store.conn.execute("SELECT DISTINCT sheet FROM observations").fetchall()
    assert sheet == [(None if fmt == "csv" else "Data",)]
    comment = empty_store.conn.execute("SELECT text, cell FROM commentary").fetchall()
    assert comment == [("on target", "F2")]


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", "\t"), ("cp1252", ",")])
def test_csv_encodings_and_delimiters(empty_store, tmp_path, encoding, delimiter):
    # "1,300" in a file separated by semicolons could be 1.3 (a decimal comma): refused there
    figure = "1300" if delimiter == ";" else "1,300"
    rows = [["Authority", "Code", "Period", "Actual", "Notes"],
            ["Ashford", "NI 39", "2008/09", figure, "Prévention – café £5"]]
    path = write(tmp_path / "a.csv", {"Data": rows}, encoding=encoding, delimiter=delimiter)
    result = do_import(empty_store, path)
    assert result.ok, [p.sentence() for p in result.rejected]
    assert value_of(empty_store, "Ashford", "NI 39", "2008/09")[0] == 1300.0
    assert empty_store.conn.execute("SELECT text FROM commentary").fetchone()[0] == "Prévention – café £5"


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_number_formatted_as_a_percentage_is_per_cent_for_a_percent_indicator(empty_store, tmp_path, fmt):
    rows = [["LA name", "NI", "Year", "Result"],
            ["Dover", "NI 163", 2008, Cell(0.709, "0.0%")],     # NI 163 is a % indicator
            ["Dover", "NI 39", "2008/09", Cell(0.5, "0.0%")],   # a rate: left as it is
            ["Swale", "NI 163", 2008, 0.709]]                   # no % format: as it is
    result = do_import(empty_store, write(tmp_path / f"p.{fmt}", {"Data": rows}))
    assert result.ok
    assert value_of(empty_store, "Dover", "NI 163", "2008")[0] == pytest.approx(70.9)
    assert value_of(empty_store, "Dover", "NI 39", "2008/09")[0] == 0.5
    assert value_of(empty_store, "Swale", "NI 163", "2008")[0] == 0.709


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_excel_error_cells_are_no_value_with_the_reason(empty_store, tmp_path, fmt):
    rows = [["District", "NI", "Period", "Value"],
            ["Dover", "NI 39", "2008/09", Cell("#DIV/0!", error=True)],
            ["Swale", "NI 39", "2008/09", Cell("#N/A", error=True)],
            ["Thanet", "NI 39", "2008/09", "#REF!"]]
    result = do_import(empty_store, write(tmp_path / f"e.{fmt}", {"Data": rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    stored = dict(empty_store.conn.execute(
        "SELECT a.name, o.text || ' ' || o.missing FROM observations o JOIN areas a ON a.id = o.area_id"))
    assert stored == {"Dover": "#DIV/0! error", "Swale": "#N/A error", "Thanet": "#REF! error"}
    assert empty_store.conn.execute("SELECT count(*) FROM observations WHERE value = 0").fetchone()[0] == 0


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_dates_in_a_period_column(empty_store, tmp_path, fmt):
    rows = [["District", "NI", "Month", "Value"], ["Dover", "NI 39", dt.date(2010, 3, 31), 100]]
    assert do_import(empty_store, write(tmp_path / f"d.{fmt}", {"Data": rows})).ok
    assert value_of(empty_store, "Dover", "NI 39", "Mar 2010")[0] == 100


def test_every_sheet_is_read_and_sheet_picks_one(empty_store, tmp_path):
    sheets = {"Alcohol": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2008/09", 1]],
              "Notes": [["These figures are provisional."]],
              "Skills": [["District", "NI", "Year", "Value"], ["Dover", "NI 163", "2008", 70]]}
    path = write(tmp_path / "book.xlsx", sheets)
    plan = plan_import([path], import_context(empty_store))
    assert not plan.rejected and len(plan.figures) == 2
    assert any('"Notes" was not imported' in note for note in plan.notes)
    only = plan_import([path], import_context(empty_store), sheet_name="Skills")
    assert [key[0] for key in only.figures] == ["NI 163"]
    refusal = 'book.xlsx has no sheet "Finance" .its sheets: "Alcohol", "Notes", "Skills".'
    with pytest.raises(BadFile, match=refusal):
        plan_import([path], import_context(empty_store), sheet_name="Finance")


def test_a_workbook_none_of_whose_sheets_is_understood_is_refused_naming_the_headers(empty_store, tmp_path):
    before = dump(empty_store)
    rows = [["Place", "Thing", "Amount"], ["Dover", "Bins", 3]]
    result = do_import(empty_store, write(tmp_path / "odd.xlsx", {"Data": rows}))
    assert not result.ok
    reason = result.rejected[0].reason
    assert result.rejected[0].sheet == "Data" and "this sheet cannot be understood" in reason
    assert '"Place", "Thing", "Amount"' in reason or "no header row" in reason
    assert dump(empty_store) == before


def test_a_semicolon_csv_reads_decimal_commas_and_refuses_what_either_convention_could_mean(
        empty_store, tmp_path):
    rows = [["District", "NI", "Period", "Value"],
            ["Dover", "NI 39", "2009/10", "4,25"], ["Swale", "NI 39", "2009/10", "1.234,5"],
            ["Thanet", "NI 39", "2009/10", "987"], ["Ashford", "NI 39", "2009/10", "12.5"],
            ["Maidstone", "NI 39", "2009/10", "1.212"], ["Dartford", "NI 39", "2009/10", "4,250"]]
    path = write(tmp_path / "eu.csv", {"Data": rows}, delimiter=";")
    plan = plan_import([path], import_context(empty_store))
    figures = {key[1]: figure.value for key, figure in plan.figures.items()}
    assert figures == {"Dover": 4.25, "Swale": 1234.5, "Thanet": 987.0, "Ashford": 12.5}
    assert [p.sentence() for p in plan.rejected] == [
        'eu.csv, row 6: "1.212" could be 1212 or 1.212 (files separated by semicolons often write a dot '
        "between thousands and a comma for decimals; write it without a separator between thousands) in D6.",
        'eu.csv, row 7: "4,250" could be 4.25 or 4,250 (files separated by semicolons often write a dot '
        "between thousands and a comma for decimals; write it without a separator between thousands) in D7."]


def test_a_comma_separated_file_reads_dots_as_decimals_and_commas_as_thousands(empty_store, tmp_path):
    rows = [["District", "NI", "Period", "Value"],
            ["Dover", "NI 39", "2009/10", "1.212"], ["Swale", "NI 39", "2009/10", "4,250"]]
    result = do_import(empty_store, write(tmp_path / "uk.csv", {"Data": rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    assert value_of(empty_store, "Dover", "NI 39", "2009/10")[0] == 1.212
    assert value_of(empty_store, "Swale", "NI 39", "2009/10")[0] == 4250.0
