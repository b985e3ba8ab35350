"""Partner spreadsheets as they really arrive: notes round the table, hidden parts, year and date
headings, unknown places, indicators by title or sheet name, periods given as dates."""

import datetime as dt
import json

import openpyxl
import pytest

from tests.conftest import run_cli
from tests.io.spreadsheets import write
from tests.store.test_imports import do_import, value_of
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.imports import apply_plan, import_context

DISTRICTS = ["Ashford", "Canterbury", "Dover"]


def plan_of(store, path, **options):
    add = options.pop("add_indicators", False)
    return plan_import([path], import_context(store, add_indicators=add), **options)


def reasons(plan):
    return [p.sentence() for p in plan.rejected]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "ods"])
def test_titles_sources_footnotes_run_dates_and_footers_are_not_indicators(empty_store, tmp_path, fmt):
    rows = [["Performance indicators 2008/09"], ["Source: Kent County Council"], [],
            ["NI", "Indicator", *DISTRICTS],
            ["NI 39", "Alcohol admissions", 1212, 1100, 1300],
            [163, "Level 2 qualifications", 70.9, 75.6, 77.6],
            [],
            ["1. Figures are provisional and may be revised."],
            ["2. Dover's figure is estimated from a sample."],
            ["Source: NHS Information Centre"],
            [dt.date(2010, 3, 12) if fmt != "csv" else "Run date: 12/03/2010"],
            ["Page 1 of 1"]]
    plan = plan_of(empty_store, write(tmp_path / f"kpi.{fmt}", {"KPIs": rows}))
    assert not plan.rejected, reasons(plan)
    assert {key[0] for key in plan.figures} == {"NI 39", "NI 163"}
    assert len(plan.figures) == 6
    (read,) = plan.sheets_read
    assert "heading row 4" in read and "3 localities" in read and "1 period" in read
    assert read.endswith("rows 8-12 ignored (notes)"), read


def hidden_workbook(path):
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    for row in (["District", "NI", "Year", "Value", "Working"],
                ["Dover", "NI 39", "2008/09", 100, 1],
                ["Swale", "NI 39", "2008/09", 200, 2],
                ["Thanet", "NI 39", "2008/09", 300, 3]):
        data.append(row)
    data.row_dimensions[3].hidden = True
    data.column_dimensions["E"].hidden = True
    lists = book.create_sheet("Lists")
    lists.append(["District", "NI", "Year", "Value"])
    lists.append(["Ashford", "NI 39", "2008/09", 999])
    lists.sheet_state = "hidden"
    book.save(path)
    return path


def hidden_xls(path):
    """The same workbook as an Excel 97-2003 file."""
    import xlwt

    book = xlwt.Workbook()
    data = book.add_sheet("Data")
    for r, row in enumerate((["District", "NI", "Year", "Value", "Working"],
                             ["Dover", "NI 39", "2008/09", 100, 1],
                             ["Swale", "NI 39", "2008/09", 200, 2],
                             ["Thanet", "NI 39", "2008/09", 300, 3])):
        for c, value in enumerate(row):
            data.write(r, c, value)
    data.row(2).hidden = True
    data.col(4).hidden = True
    lists = book.add_sheet("Lists")
    for c, value in enumerate(["District", "NI", "Year", "Value"]):
        lists.write(0, c, value)
    for c, value in enumerate(["Ashford", "NI 39", "2008/09", 999]):
        lists.write(1, c, value)
    lists.visibility = 1
    book.save(str(path))
    return path


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_hidden_sheets_rows_and_columns_are_left_out_with_a_note(empty_store, tmp_path, fmt):
    path = (hidden_workbook if fmt == "xlsx" else hidden_xls)(tmp_path / f"hidden.{fmt}")
    plan = plan_of(empty_store, path)
    assert not plan.rejected, reasons(plan)
    assert {key[1] for key in plan.figures} == {"Dover", "Thanet"}
    notes = "\n".join(plan.notes)
    assert f'hidden.{fmt}, sheet "Lists" is hidden: left out' in notes
    assert 'sheet "Data": row 3 hidden: left out' in notes
    assert 'sheet "Data": column E hidden: left out' in notes
    everything = plan_of(empty_store, path, include_hidden=True)
    assert {key[1] for key in everything.figures} == {"Dover", "Swale", "Thanet", "Ashford"}


def test_include_hidden_on_the_command_line(tmp_path):
    db = tmp_path / "k.db"
    assert run_cli("init", db=db).returncode == 0
    path = hidden_workbook(tmp_path / "hidden.xlsx")
    left_out = run_cli("import", str(path), "--dry-run", db=db)
    assert left_out.returncode == 0 and 'sheet "Lists" is hidden: left out' in left_out.stdout
    taken = json.loads(run_cli("import", str(path), "--include-hidden", "--json", db=db).stdout)
    assert taken["inserted"] == 4 and not taken["rejected"]


def test_hidden_ods_rows_are_left_out(empty_store, tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Data")
    for number, row in enumerate([["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2008/09", 1],
                                  ["Swale", "NI 39", "2008/09", 2]]):
        table_row = TableRow(visibility="collapse") if number == 2 else TableRow()
        for value in row:
            cell = TableCell(valuetype="float", value=value) if isinstance(value, int) else TableCell(
                valuetype="string")
            cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "h.ods"
    document.save(str(path))
    plan = plan_of(empty_store, path)
    assert {key[1] for key in plan.figures} == {"Dover"}
    assert any("row 3 hidden: left out" in note for note in plan.notes)


@pytest.mark.parametrize("years", [[2007, 2008, 2009], [2007.0, 2008.0, 2009.0]])
def test_years_typed_as_numbers_head_a_wide_sheet(empty_store, tmp_path, years):
    rows = [["Dover: skills"], ["NI", "Indicator", *years], ["NI 163", "Level 2", 68.1, 69.5, 70.9]]
    plan = plan_of(empty_store, write(tmp_path / "years.xlsx", {"Dover": rows}))
    assert not plan.rejected, reasons(plan)
    assert sorted(key[2] for key in plan.figures) == ["2007", "2008", "2009"]
    assert plan.sheets_read[0].startswith('years.xlsx, sheet "Dover": wide by period')
    assert "heading row 2, 1 locality, 3 periods" in plan.sheets_read[0]


def test_date_headings_under_year_ending_are_financial_years(empty_store, tmp_path):
    rows = [["NI", "Indicator", "Year ending", None],
            [None, None, dt.date(2008, 3, 31), dt.date(2009, 3, 31)],
            ["NI 39", "Alcohol", 1100, 1212]]
    plan = plan_of(empty_store, write(tmp_path / "dates.xlsx", {"Dover": rows}))
    assert not plan.rejected, reasons(plan)
    assert sorted(key[2] for key in plan.figures) == ["2007/08", "2008/09"]


def test_a_date_heading_that_closes_no_period_is_a_problem(empty_store, tmp_path):
    rows = [["NI", "Indicator", dt.date(2009, 6, 30), dt.date(2009, 9, 30)],
            ["NI 39", "Alcohol", 1100, 1212]]
    plan = plan_of(empty_store, write(tmp_path / "dates.xlsx", {"Dover": rows}))
    (problem,) = reasons(plan)
    assert problem.startswith('dates.xlsx, sheet "Dover": this sheet cannot be understood: the heading '
                              "30 June 2009 does not say which period it closes (cell C1)"), problem


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_unknown_place_heading_is_refused_with_a_suggestion(empty_store, tmp_path, fmt):
    rows = [["Figures for 2008/09"], ["NI", "Indicator", "Ashford", "T Wells", "Dover"],
            ["NI 39", "Alcohol", 1, 2, 3]]
    path = write(tmp_path / f"places.{fmt}", {"Data": rows})
    plan = plan_of(empty_store, path)
    (problem,) = plan.rejected
    assert problem.file == f"places.{fmt}" and problem.row == 2
    assert ('the column heading "T Wells" in D2 is not one of the 12 Kent districts '
            '(did you mean "Tunbridge Wells"?)') in problem.reason
    assert not apply_plan(empty_store, plan).ok


def test_unknown_place_in_the_json_report(tmp_path):
    db = tmp_path / "k.db"
    assert run_cli("init", db=db).returncode == 0
    rows = [["NI", "Indicator", "Ashford", "T Wells"], ["NI 39", "Alcohol", 1, 2]]
    path = write(tmp_path / "places.xlsx", {"2008-09": rows})
    result = run_cli("import", str(path), "--json", db=db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert 'did you mean \\"Tunbridge Wells\\"?' in result.stdout


def test_indicators_by_catalogue_title(empty_store, tmp_path):
    rows = [["Indicator", "Year", "Value"],
            ["Obesity in primary school age children in Year 6", "2008/09", 18.2],
            ["Obesity among primary school age children in year 6.", "2009/10", 18.0]]
    plan = plan_of(empty_store, write(tmp_path / "titles.xlsx", {"Dover": rows}))
    assert not plan.rejected, reasons(plan)
    assert set(plan.figures) == {("NI 56", "Dover", "2008/09", "value"),
                                 ("NI 56", "Dover", "2009/10", "value")}
    assert any('"Obesity in primary school age children in Year 6" in A2 read as NI 56' in note
               for note in plan.notes)


def test_the_indicator_from_the_sheet_name(empty_store, tmp_path):
    sheets = {"NI8": [["District", "2007/08", "2008/09"], ["Dover", 21.2, 22.0], ["Swale", 19.9, 20.1],
                      [], ["Source: Active People Survey"]],
              "NI110": [["Adult participation"], ["District", "Year", "Value"], ["Dover", "2008/09", 61]]}
    plan = plan_of(empty_store, write(tmp_path / "by_sheet.xlsx", sheets))
    assert not plan.rejected, reasons(plan)
    assert {key[0] for key in plan.figures} == {"NI 8", "NI 110"}
    assert len(plan.figures) == 5
    assert any("indicator NI 8 from the sheet's name" in read for read in plan.sheets_read)


def test_an_unknown_code_is_one_problem_and_add_indicators_adds_it(empty_store, tmp_path):
    rows = [["District", "NI", "Year", "Value"]] + [[d, "LPI 7", "2008/09", n]
                                                    for n, d in enumerate(DISTRICTS)]
    path = write(tmp_path / "local.csv", {"Data": rows})
    plan = plan_of(empty_store, path)
    (problem,) = plan.rejected
    assert problem.reason.startswith("LPI 7 in B2 is not in the indicator catalogue")
    assert "[3 rows give LPI 7]" in problem.reason
    result = do_import(empty_store, path, add_indicators=True)
    assert result.ok
    assert empty_store.conn.execute("SELECT title FROM indicators WHERE code = 'LPI 7'").fetchone() == (
        "LPI 7",)
    assert value_of(empty_store, "Canterbury", "LPI 7", "2008/09")[0] == 1


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize(("heading", "date", "period"), [
    ("Year ending", dt.date(2009, 3, 31), "2008/09"),
    ("Year to", dt.date(2009, 12, 31), "2009"),
    ("Quarter ending", dt.date(2009, 6, 30), "2009/10 Q1"),
    ("Quarter ending", dt.date(2010, 3, 31), "2009/10 Q4"),
    ("Date", dt.date(2009, 3, 31), "2008/09"),
])
def test_a_date_is_the_period_it_closes(empty_store, tmp_path, fmt, heading, date, period):
    cell = date if fmt == "xlsx" else date.strftime("%d/%m/%Y")
    rows = [["District", "NI", heading, "Value"], ["Dover", "NI 39", cell, 100]]
    plan = plan_of(empty_store, write(tmp_path / f"d.{fmt}", {"Data": rows}))
    assert not plan.rejected, reasons(plan)
    assert list(plan.figures) == [("NI 39", "Dover", period, "value")]


def test_a_date_that_closes_no_period_is_a_problem(empty_store, tmp_path):
    rows = [["District", "NI", "Date", "Value"], ["Dover", "NI 39", dt.date(2009, 6, 30), 100]]
    plan = plan_of(empty_store, write(tmp_path / "d.xlsx", {"Data": rows}))
    (problem,) = plan.rejected
    assert problem.sheet == "Data" and problem.row == 2
    assert problem.reason.startswith("C2 holds the date 30 June 2009, which does not say which period "
                                     "it closes")
    assert not plan.figures


def test_a_heading_repeated_on_every_printed_page_is_named_at_each_row(empty_store, tmp_path):
    """A report printed to a sheet repeats its heading on each page; the second wording is met twice."""
    first, second = ["District", "NI", "Period", "Value"], ["Locality", "Indicator", "Year", "Figure"]
    rows = [first, ["Dover", "39", "2008/09", 1400], second, ["Dover", "39", "2009/10", 1380],
            first, ["Ashford", "39", "2009/10", 1500], second, ["Ashford", "39", "2008/09", 1450],
            second, ["Canterbury", "39", "2009/10", 1600]]
    plan = plan_of(empty_store, write(tmp_path / "pages.csv", {"Pages": rows}))
    assert not plan.rejected, reasons(plan)
    assert len(plan.figures) == 5
    (read,) = plan.sheets_read
    assert "heading rows 1, 3, 5, 7, 9" in read, read


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])  # the sheet's name gives the indicator
@pytest.mark.parametrize("year", [200809, 0, 10000])
def test_a_number_no_calendar_holds_in_a_year_column_is_refused_at_its_cell(tmp_path, fmt, year):
    db = tmp_path / "v.db"
    assert run_cli("init", db=db).returncode == 0
    rows = [["District", "Year", "Value"], ["Ashford", year, 400]]
    book = write(tmp_path / f"years.{fmt}", {"NI 154": rows})
    done = run_cli("import", str(book), "--json", db=db)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    refused = json.loads(done.stdout)["rejected"]
    assert [(r["row"], r["reason"]) for r in refused] == [
        (2, f'"{year}" in B2 is not a period (e.g. "2008/09", "2008", "2009/10 Q3").')]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_headings_with_no_rows_under_them_are_nothing_to_import(empty_store, tmp_path, fmt):
    path = write(tmp_path / f"headings.{fmt}", {"NI 16": [["District", "NI", "Period", "Value"]]})
    plan = plan_of(empty_store, path)
    assert not plan.figures
    where = 'headings.xlsx, sheet "NI 16"' if fmt == "xlsx" else "headings.csv"
    assert reasons(plan) == [
        f"{where}: there is nothing to import: it has headings but no rows of figures under them."]


def test_a_sheet_of_headings_alone_beside_one_with_figures_is_a_note(empty_store, tmp_path):
    path = write(tmp_path / "two.xlsx", {"NI 16": [["District", "Period", "Value"]],
                                         "NI 39": [["District", "Period", "Value"], ["Dover", "2008/09", 5]]})
    plan = plan_of(empty_store, path)
    assert not plan.rejected and len(plan.figures) == 1
    assert ('two.xlsx, sheet "NI 16" was not imported: it has headings but no rows of figures under them.'
            in plan.notes)


@pytest.mark.parametrize("title", ["Serious acquisitive crime - Qtr 3 2009/10", "Quarter 3 2009/10: crime",
                                   "Serious acquisitive crime, 2009/10 Q3"])
def test_a_quarter_named_in_the_title_is_the_period_of_its_figures(empty_store, tmp_path, title):
    rows = [[title], [], ["District", "Value"], ["Ashford", 120], ["Dover", 95]]
    plan = plan_of(empty_store, write(tmp_path / "title.xlsx", {"NI 16": rows}))
    assert not plan.rejected, reasons(plan)
    assert {key[2] for key in plan.figures} == {"2009/10 Q3"}  # not the whole year 2009/10


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "ods"])
def test_the_indicator_named_at_the_start_of_the_title(empty_store, tmp_path, fmt):
    rows = [["NI 155 Number of affordable homes delivered (gross)"], ["Source: KCC"], [],
            ["District", "2008/09", "2009/10"], ["Ashford", 100, 110], ["Dover", 101, 111]]
    plan = plan_of(empty_store, write(tmp_path / f"homes.{fmt}", {"Sheet1": rows}))
    assert not plan.rejected, reasons(plan)
    assert {key[0] for key in plan.figures} == {"NI 155"} and len(plan.figures) == 4
    assert "indicator NI 155 from the title" in plan.sheets_read[0]


def test_a_title_without_a_code_leaves_the_sheet_unread_as_before(empty_store, tmp_path):
    rows = [["Affordable homes delivered"], ["District", "2008/09"], ["Ashford", 100]]
    plan = plan_of(empty_store, write(tmp_path / "homes.xlsx", {"Sheet1": rows}))
    assert not plan.figures and "no header row naming an indicator column" in reasons(plan)[0]


def merged_down_book(path):
    """A district merged down over its block of rows, as partners lay out a return."""
    rows = [["District", "NI", "Period", "Value"], ["Ashford", "NI 5", "2009/10", 80],
            [None, "NI 192", "2009/10", 40], [None, "NI 155", "2009/10", 100],
            ["Dover", "NI 5", "2009/10", 70], [None, "NI 192", "2009/10", 38]]
    if path.suffix == ".ods":
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import CoveredTableCell, Table, TableCell, TableRow
        from odf.text import P

        document = OpenDocumentSpreadsheet()
        table = Table(name="Data")
        spans = {1: 3, 4: 2}  # the rows where a district's merge starts, and how far down it goes
        for r, row in enumerate(rows):
            table_row = TableRow()
            for c, value in enumerate(row):
                if c == 0 and r > 0 and value is None:
                    table_row.addElement(CoveredTableCell())
                    continue
                numeric = isinstance(value, (int, float))
                cell = TableCell(valuetype="float", value=value) if numeric else TableCell(valuetype="string")
                if not numeric:
                    cell.addElement(P(text=str(value)))
                if c == 0 and r in spans:
                    cell.setAttribute("numberrowsspanned", spans[r])
                table_row.addElement(cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
        document.save(str(path))
        return path
    if path.suffix == ".xls":
        import xlwt

        book = xlwt.Workbook()
        sheet = book.add_sheet("Data")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None and not (c == 0 and r > 0):
                    sheet.write(r, c, value)
        sheet.write_merge(1, 3, 0, 0, "Ashford")
        sheet.write_merge(4, 5, 0, 0, "Dover")
        book.save(str(path))
        return path
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("A5:A6")
    book.save(path)
    return path


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_district_merged_down_its_block_of_rows_names_every_row(empty_store, tmp_path, fmt):
    plan = plan_of(empty_store, merged_down_book(tmp_path / f"merged.{fmt}"))
    assert not plan.rejected, reasons(plan)
    assert sorted((key[1], key[0]) for key in plan.figures) == [
        ("Ashford", "NI 155"), ("Ashford", "NI 192"), ("Ashford", "NI 5"),
        ("Dover", "NI 192"), ("Dover", "NI 5")]


def test_a_district_left_blank_down_its_block_without_a_merge_is_still_refused(empty_store, tmp_path):
    rows = [["District", "NI", "Period", "Value"], ["Ashford", "NI 5", "2009/10", 80],
            [None, "NI 192", "2009/10", 40]]
    plan = plan_of(empty_store, write(tmp_path / "blank.xlsx", {"Data": rows}))
    assert len(plan.rejected) == 1 and "A3" in reasons(plan)[0]  # a blank is not guessed


def test_a_heading_merged_down_two_heading_rows_is_read_once(empty_store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "NI 16"
    for row in (["District", "2009/10", None], [None, "Q1", "Q2"], ["Ashford", 10, 11], ["Dover", 12, 13]):
        sheet.append(row)
    sheet.merge_cells("A1:A2")  # "District" over both heading rows
    sheet.merge_cells("B1:C1")
    book.save(tmp_path / "two.xlsx")
    plan = plan_of(empty_store, tmp_path / "two.xlsx")
    assert not plan.rejected, reasons(plan)
    assert sorted(key[1:3] for key in plan.figures) == [
        ("Ashford", "2009/10 Q1"), ("Ashford", "2009/10 Q2"),
        ("Dover", "2009/10 Q1"), ("Dover", "2009/10 Q2")]
