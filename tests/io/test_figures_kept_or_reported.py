"""Every figure in a partner's file is stored or reported: none is left behind without a word.

Quarters under a year heading, months typed as text, blanks and errors in a sheet named for its
indicator, a CSV row split by an unquoted comma: each was once dropped with no report.
"""

import json

import pytest

from tests.conftest import run_cli
from tests.io.spreadsheets import Cell, write
from tests.store.test_imports import do_import, value_of
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.imports import import_context

DISTRICTS = ["Ashford", "Canterbury", "Dover"]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]


def plan_of(store, path):
    return plan_import([path], import_context(store))


def reasons(plan):
    return [p.sentence() for p in plan.rejected]


def dry_run(tmp_path, path):
    """`vfk import PATH --dry-run --json` on a new database: (exit status, the JSON)."""
    db = tmp_path / "v.db"
    if not db.exists():
        assert run_cli("init", db=db).returncode == 0
    done = run_cli("import", str(path), "--dry-run", "--json", db=db)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def years_over_quarters(years, merged, code_column=False):
    """A year heading over its quarters, merged across them or left blank to its right; the
    indicator is the sheet's name, or in a column (a CSV has no sheet name)."""
    top, quarters = ["District", "NI"][:1 + code_column], [None] * (1 + code_column)
    for year in years:
        top += [Cell(year, across=4), None, None, None] if merged else [year, None, None, None]
        quarters += QUARTERS
    figures = len(years) * len(QUARTERS)
    rows = [[district, *["NI 16"][:code_column], *(10 * d + q for q in range(figures))]
            for d, district in enumerate(DISTRICTS, 1)]
    return [["Serious acquisitive crime"], [], top, quarters, *rows]


@pytest.mark.parametrize(("fmt", "merged"), [("xlsx", True), ("xlsx", False), ("ods", True),
                                             ("ods", False), ("xls", True), ("csv", False)])
@pytest.mark.parametrize("years", [["2009/10"], ["2008/09", "2009/10"], ["2009", "2010"]])
def test_quarters_under_a_year_heading_are_that_years_quarters(empty_store, tmp_path, fmt, merged,
                                                               years):
    rows = years_over_quarters(years, merged, code_column=fmt == "csv")
    path = write(tmp_path / f"quarters.{fmt}", {"NI 16": rows})
    plan = plan_of(empty_store, path)
    assert not plan.rejected and not plan.notes, (reasons(plan), plan.notes)
    periods = [f"{year} {quarter}" for year in years for quarter in QUARTERS]
    assert {key[2] for key in plan.figures} == set(periods)
    assert len(plan.figures) == len(DISTRICTS) * len(periods)
    (read,) = plan.sheets_read
    assert f"{len(periods)} periods" in read, read
    assert do_import(empty_store, path).ok
    assert value_of(empty_store, "Dover", "NI 16", f"{years[-1]} Q3")[0] == 30 + len(periods) - 2


def test_quarters_under_a_year_heading_through_the_cli(tmp_path):
    path = write(tmp_path / "quarters.xlsx", {"NI 16": years_over_quarters(["2009/10"], True)})
    status, report = dry_run(tmp_path, path)
    assert status == 0 and report["inserted"] == 12, report
    assert {(r["cell"], r["period"]) for r in report["rows"] if r["locality"] == "Ashford"} == {
        ("B5", "2009/10 Q1"), ("C5", "2009/10 Q2"), ("D5", "2009/10 Q3"), ("E5", "2009/10 Q4")}


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "csv"])
@pytest.mark.parametrize("months", [["Apr-09", "May-09", "Jun-09"],
                                    ["April 2009", "May 2009", "June 2009"],
                                    ["Apr 2009", "May 2009", "Jun 2009"],
                                    ["Apr-2009", "May-2009", "Jun-2009"]])
def test_months_typed_as_text_headings_are_months(empty_store, tmp_path, fmt, months):
    code = ["NI"] if fmt == "csv" else []  # a CSV has no sheet name to give the indicator
    rows = [["District", *code, *months, "Q1 2009/10"],
            *[[district, *["NI 16"][:len(code)], d, d + 1, d + 2, 3 * d + 3]
              for d, district in enumerate(DISTRICTS, 1)]]
    path = write(tmp_path / f"months.{fmt}", {"NI 16": rows})
    plan = plan_of(empty_store, path)
    assert not plan.rejected and not plan.notes, (reasons(plan), plan.notes)
    assert {key[2] for key in plan.figures} == {"Apr 2009", "May 2009", "Jun 2009", "2009/10 Q1"}
    assert len(plan.figures) == 4 * len(DISTRICTS)
    assert plan.figures[("NI 16", "Dover", "Jun 2009", "value")].cell == ("E4" if code else "D4")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_figures_under_a_heading_vfk_does_not_know_are_reported_by_column(empty_store, tmp_path, fmt):
    heading = ["District", "NI", "2008/09", "2009/10", "Change", "Spare"]  # on every printed page
    rows = [heading, ["Ashford", "NI 16", 1, 2, 1, None], ["Dover", "NI 16", 3, 5, 2, "as forecast"],
            heading, ["Swale", "NI 16", 4, 4, 0, None]]
    where = 'change.xlsx, sheet "Crime"' if fmt == "xlsx" else "change.csv"
    plan = plan_of(empty_store, write(tmp_path / f"change.{fmt}", {"Crime": rows}))
    assert not plan.rejected, reasons(plan)
    assert len(plan.figures) == 6
    assert plan.notes == [f'{where}, cell E1: the column headed "Change", a heading vfk does not '
                          f"know, with figures under it; skipped."]


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_figures_under_no_heading_are_reported_by_column(empty_store, tmp_path, fmt):
    rows = [["District", "2009/10", None, None], ["Ashford", 1, 2, None], ["Dover", 5, 6, "ok"]]
    plan = plan_of(empty_store, write(tmp_path / f"blank.{fmt}", {"NI 16": rows}))
    assert not plan.rejected, reasons(plan)
    assert len(plan.figures) == 2
    assert plan.notes == [f'blank.{fmt}, sheet "NI 16", cell C1: the column with no heading, with '
                          f"figures under it; skipped."]


def sheet_named_for_its_indicator(with_code_column):
    """Blank and error cells of NI 192, the indicator given by a column or by the sheet's name."""
    rows = [["District", "Period", "Value"],
            ["Ashford", "2009/10", Cell("#DIV/0!", error=True)],
            ["Dover", "2009/10", None],
            ["Swale", "2009/10", Cell("#N/A", error=True)],
            ["Thanet", "2009/10", 40]]
    if with_code_column:
        rows = [[row[0], "NI" if n == 0 else "NI 192", *row[1:]] for n, row in enumerate(rows)]
    return {"NI 192" if not with_code_column else "Waste": rows}


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_blank_and_error_cells_are_kept_however_the_indicator_is_known(tmp_path, fmt):
    def read(with_code_column):
        name = "by_column" if with_code_column else "by_sheet_name"
        path = write(tmp_path / f"{name}.{fmt}", sheet_named_for_its_indicator(with_code_column))
        status, report = dry_run(tmp_path, path)
        assert status == 0 and not report["rejected"], report
        rows = [(r["action"], r["locality"], r["code"], r["period"], r["new"], r["reason"])
                for r in report["rows"]]
        return report["inserted"], report["skipped"], sorted(rows, key=str)

    by_sheet_name = read(False)
    assert by_sheet_name == read(True)
    inserted, skipped, rows = by_sheet_name
    assert (inserted, skipped) == (3, 1)
    assert ("skipped", "Dover", "NI 192", "2009/10", None, "blank") in rows
    assert {r[1] for r in rows} == {"Ashford", "Dover", "Swale", "Thanet"}


def test_a_section_heading_in_a_sheet_named_for_its_indicator_is_still_a_heading(empty_store, tmp_path):
    rows = [["District", "Period", "Value"], ["East Kent"], ["Dover", "2009/10", 40],
            ["West Kent"], ["Sevenoaks", "2009/10", 41]]
    plan = plan_of(empty_store, write(tmp_path / "sections.xlsx", {"NI 192": rows}))
    assert not plan.rejected and not plan.skipped, reasons(plan)
    assert len(plan.figures) == 2


def csv_file(path, text):
    path.write_bytes(text.encode("cp1252"))
    return path


def test_a_csv_row_split_by_an_unquoted_comma_is_refused_naming_the_row(tmp_path):
    path = csv_file(tmp_path / "spend.csv",
                    "Cost of temporary accommodation\r\n"
                    "District,NI,Period,Value,Comment\r\n"
                    "Ashford,NI 156,2009/10,20,Spend £1,000 on B&B\r\n"
                    'Dover,NI 156,2009/10,21,"Spend £2,000 on B&B"\r\n')
    status, report = dry_run(tmp_path, path)
    assert status == 1
    assert report["rejected"] == [{
        "file": "spend.csv", "sheet": None, "row": 3,
        "reason": 'this row has 6 fields but the heading row (row 2) has 5, leaving "000 on B&B" in F3 '
                  "under no heading: put any value holding a comma in double quotes."}]
    assert [(r["action"], r["locality"], r["new"]) for r in report["rows"] if r["action"] != "refused"] == [
        ("new", "Dover", 21), ("new", "Dover", "Spend £2,000 on B&B")]


def test_a_semicolon_csv_row_with_too_many_fields_names_the_semicolon(empty_store, tmp_path):
    path = csv_file(tmp_path / "semi.csv", "District;NI;Period;Value\r\nDover;NI 39;2009/10;5;6\r\n")
    plan = plan_of(empty_store, path)
    assert not plan.figures
    assert reasons(plan) == ['semi.csv, row 2: this row has 5 fields but the heading row (row 1) has 4, '
                             'leaving "6" in E2 under no heading: put any value holding a semicolon in '
                             "double quotes."]


def test_trailing_empty_fields_in_a_csv_are_harmless(empty_store, tmp_path):
    path = csv_file(tmp_path / "trailing.csv",
                    "District,NI,Period,Value\r\n"
                    "Ashford,NI 39,2009/10,20,,,\r\n"
                    "Dover,NI 39,2009/10,21,\r\n"
                    "Swale,NI 39,2009/10,22, ,\r\n")
    plan = plan_of(empty_store, path)
    assert not plan.rejected and not plan.notes, (reasons(plan), plan.notes)
    assert len(plan.figures) == 3
    longer_heading = csv_file(tmp_path / "heading.csv",
                              "District,NI,Period,Value,,\r\nDover,NI 39,2009/10,21\r\n")
    assert not plan_of(empty_store, longer_heading).rejected


def test_a_year_above_a_long_tables_headings_is_not_spread_over_them(empty_store, tmp_path):
    rows = [[Cell("2009/10", across=4)], ["District", "NI", "Period", "Value"],
            ["Dover", "NI 39", "2008/09", 5], ["Swale", "NI 39", "2009/10", 6]]
    plan = plan_of(empty_store, write(tmp_path / "titled.xlsx", {"Alcohol": rows}))
    assert not plan.rejected, reasons(plan)
    assert sorted(key[1:3] for key in plan.figures) == [("Dover", "2008/09"), ("Swale", "2009/10")]
