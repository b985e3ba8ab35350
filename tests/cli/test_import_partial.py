"""`vfk import` on real files and databases: all or nothing, --skip-refused with the refused rows'
workbook, undo of a partial import, columns chosen by heading, profiles, and the dry-run rows."""

import json

import openpyxl
import pytest

from tests.conftest import run_cli
from tests.io.spreadsheets import write

MIXED = {"Data": [
    ["District", "NI", "Period", "Value"],
    ["Dover", "NI 39", "2009/10", 1400],
    ["Thanet", "NI 77", "2009/10", 5],  # not in the catalogue
    ["Ashford", "NI 39", "2009/10", None],  # blank
    ["Canterbury", "NI 39", "2009/10", 1500],
]}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "k.db"
    assert run_cli("init", "--sample", db=path).returncode == 0
    return path


def imports(db):
    return json.loads(run_cli("imports", "--json", db=db).stdout)


def fare_value(db, locality, code):
    done = run_cli("fare", "--locality", locality, "--period", "2009/10", "--json", db=db)
    if done.returncode == 1 and "no figures for 2009/10" in done.stderr:
        return None  # the reporting year holds no figures at all
    return next((r["value"] for r in json.loads(done.stdout) if r["code"] == code), None)


def test_one_unknown_code_refuses_the_whole_import_and_says_so_once(db, tmp_path):
    path = write(tmp_path / "mixed.xlsx", MIXED)
    before = imports(db)
    done = run_cli("import", str(path), db=db)
    assert done.returncode == 1
    assert imports(db) == before
    refusal = "NI 77 in B3 is not in the indicator catalogue"
    assert (done.stdout + done.stderr).count(refusal) == 1
    assert "--skip-refused" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_skip_refused_writes_the_good_rows_in_one_import_and_undo_takes_it_back(db, tmp_path):
    path = write(tmp_path / "mixed.xlsx", MIXED)
    out = tmp_path / "refused.xlsx"
    before = imports(db)
    done = run_cli("import", str(path), "--skip-refused", "--refused-out", str(out), "--json", db=db)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["left_out"] == 1 and report["inserted"] == 2 and report["skipped"] == 1
    assert [p["row"] for p in report["rejected"]] == [3]
    assert report["refused_out"] == str(out)
    after = imports(db)
    assert len(after) == len(before) + 1 and after[-1]["files"] == ["mixed.xlsx"]
    assert fare_value(db, "Canterbury", "NI 39") == 1500
    sheet = openpyxl.load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    heads = rows[0]
    assert heads[:4] == ["District", "NI", "Period", "Value"] and "Reason" in heads
    assert len(rows) == 2
    refused = dict(zip(heads, rows[1], strict=True))
    assert refused["District"] == "Thanet" and refused["NI"] == "NI 77"
    assert refused["Value as given"] == 5 and refused["Cell"] == "B3" and refused["Sheet"] == "Data"
    assert "not in the indicator catalogue" in refused["Reason"]
    text = run_cli("import", str(path), "--skip-refused", "--dry-run", db=db).stdout
    assert "1 refused row would be left out" in text
    undone = run_cli("undo", str(after[-1]["import_id"]), db=db)
    assert undone.returncode == 0, undone.stderr
    assert fare_value(db, "Canterbury", "NI 39") != 1500


def test_refused_text_is_written_as_text_never_a_formula(db, tmp_path):
    path = write(tmp_path / "formula.csv", {"Data": [
        ["District", "NI", "Period", "Value"], ["Dover", "NI 39", "2009/10", 1400],
        ["=HYPERLINK(\"x\")", "NI 39", "2009/10", 3]]})
    out = tmp_path / "back.xlsx"
    done = run_cli("import", str(path), "--skip-refused", "--refused-out", str(out), db=db)
    assert done.returncode == 0, done.stderr
    sheet = openpyxl.load_workbook(out).active
    cell = sheet["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=")


def test_without_good_rows_skip_refused_still_refuses(db, tmp_path):
    path = write(tmp_path / "bad.xlsx", {"Data": [["District", "NI", "Period", "Value"],
                                                  ["Thanet", "NI 77", "2009/10", 5]]})
    done = run_cli("import", str(path), "--skip-refused", db=db)
    assert done.returncode == 1 and "nothing was imported" in done.stderr


ODD = {"Rates": [
    ["Quarterly rates, Kent districts"],
    ["Area", "Rate per 1,000", "Quarter", "Note = see below"],
    ["Dover", 12.5, "2009/10", "x"],
    ["Thanet", 13, "2009/10", "y"],
]}


def test_map_by_heading_imports_a_sheet_it_cannot_read_alone_then_the_profile_is_reused(db, tmp_path):
    path = write(tmp_path / "odd.xlsx", ODD)
    alone = run_cli("import", str(path), db=db)
    assert alone.returncode == 1
    done = run_cli("import", str(path), "--map", "Area=locality", "--map", "Rate per 1,000=value",
                   "--map", "Quarter=period", "--map", "Note = see below=commentary",
                   "--indicator", "NI 16", "--save-profile", "Rates by area", db=db)
    assert done.returncode == 0, done.stderr
    assert "2 figures (2 new)" in done.stdout and "2 comments (2 new)" in done.stdout
    assert fare_value(db, "Dover", "NI 16") == 12.5
    profiles = json.loads(run_cli("profiles", "--json", db=db).stdout)
    saved = next(p for p in profiles if p["name"] == "Rates by area")
    assert saved["roles"] == {"Area": "locality", "Rate per 1,000": "value", "Quarter": "period",
                              "Note = see below": "commentary"}
    assert saved["indicator"] == "NI 16" and "rate per 1,000" in saved["headings"]
    again = write(tmp_path / "next.xlsx", {"Rates": [
        ["Area", "Rate per 1,000", "Quarter", "Note = see below", "Extra"],
        ["Dover", 14, "2010/11", ""]]})
    used = run_cli("import", str(again), "--profile", "rates by area", "--json", db=db)
    assert used.returncode == 0, used.stderr
    assert json.loads(used.stdout)["inserted"] == 1


@pytest.mark.parametrize(("options", "words"), [
    (["--map", "Area=place"], '"place" is not a column role; the roles are "locality"'),
    (["--map", "Areas=locality", "--indicator", "16"], 'no column headed "Areas"; its headings are '
                                                         '"Area", "Rate per 1,000"'),
    # a heading mistyped is said before the indicator left out
    (["--map", "Areas=locality"], 'no column headed "Areas"; its headings are "Area"'),
    (["--map", "Area=locality"], "Say which column holds the indicator code"),
    (["--map", "Area"], "should be HEADING=ROLE"),
    (["--profile", "nothing"], 'There is no saved profile "nothing"'),
    (["--refused-out", "x.xlsx"], "--refused-out goes with --skip-refused"),
])
def test_wrong_choices_are_one_line_and_exit_2(db, tmp_path, options, words):
    path = write(tmp_path / "odd.xlsx", ODD)
    done = run_cli("import", str(path), *options, db=db)
    assert done.returncode == 2
    assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_dry_run_json_rows_name_every_action(db, tmp_path):
    path = write(tmp_path / "mixed.xlsx", {"Data": [
        ["District", "NI", "Period", "Value", "Comment"],
        ["Tunbridge Wells", "NI 39", "2008/09", "1,250", ""],  # stored as 1,212: updated
        ["Dover", "NI 39", "2019/20", 1400, "Rising"],  # new
        ["Ashford", "NI 39", "2019/20", None, ""],  # blank
        ["Medway", "NI 39", "2019/20", 1, ""],  # outside Kent: skipped
        ["Thanet", "NI 77", "2019/20", 5, ""],  # refused
        ["Swale", "NI 39", "2008/09", 1080, ""],  # as stored: unchanged
    ]})
    done = run_cli("import", str(path), "--dry-run", "--json", db=db)
    report = json.loads(done.stdout)
    assert set(report) >= {"import_id", "inserted", "updated", "unchanged", "skipped", "rejected",
                           "rows"}
    rows = report["rows"]
    keys = {"action", "file", "sheet", "cell", "locality", "code", "period", "old", "new", "reason"}
    assert all(set(row) == keys for row in rows)
    by_cell = {row["cell"]: row for row in rows}
    assert by_cell["D2"]["action"] == "updated" and by_cell["D2"]["old"] == 1212
    assert by_cell["D2"]["new"] == 1250
    assert by_cell["D3"]["action"] == "new" and by_cell["D3"]["new"] == 1400
    assert by_cell["E3"]["action"] == "new" and by_cell["E3"]["new"] == "Rising"
    assert (by_cell["D4"]["action"], by_cell["D4"]["reason"], by_cell["D4"]["new"]) == (
        "skipped", "blank", None)
    assert by_cell["D7"]["action"] == "unchanged" and by_cell["D7"]["old"] == 1080
    assert by_cell["A5"]["action"] == "skipped" and "outside Kent" in by_cell["A5"]["reason"]
    refused = by_cell["B6"]
    assert refused["action"] == "refused" and refused["locality"] == "Thanet"
    assert refused["code"] == "NI 77" and refused["new"] == 5 and refused["period"] == "2019/20"
    assert done.returncode == 1 and "listed above" not in done.stderr
    text = run_cli("import", str(path), "--dry-run", "--skip-refused", db=db).stdout
    assert "1 comment (1 new)" in text and "skipped (blank)" in text
