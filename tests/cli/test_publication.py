"""`--publication` on `vfk export` and the Board pack: district counts of 1 to 7, and everything
worked out from them, withheld with a note; the officer's own view unchanged."""

import csv
import json
import shutil

import openpyxl
import pytest

from tests.conftest import run_cli
from vfk_desktop.facts.board import build_pack
from vfk_desktop.facts.publication import published_pack
from vfk_desktop.io import export_layout as layout
from vfk_desktop.reports.html import Tables, pack_html
from vfk_desktop.store.connection import open_store

# NI 39 for 2008/09: Dover's 5 admissions (withheld), Thanet's 12 (kept); Dover is the worst
SMALL = [("District", "NI", "Period", "Value", "Count", "Denominator"),
         ("Dover", "NI 39", "2008/09", "1798", "5", "278"),
         ("Thanet", "NI 39", "2008/09", "1500", "12", "800")]


@pytest.fixture
def db(sample_template, tmp_path):
    path = tmp_path / "vfk.db"
    shutil.copy(sample_template, path)
    with (tmp_path / "small.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(SMALL)
    done = run_cli("import", str(tmp_path / "small.csv"), db=path)
    assert done.returncode == 0, done.stderr
    return path


def csv_row(path, code):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(row for row in csv.DictReader(handle) if row["Code"] == code)


def test_a_small_count_is_withheld_with_everything_worked_out_from_it(db, tmp_path):
    out = tmp_path / "dover.csv"
    done = run_cli("export", "--locality", "Dover", "--out", str(out), "--publication", db=db)
    assert done.returncode == 0, done.stderr
    assert "counts of 1 to 7 at district level" in done.stdout
    row = csv_row(out, "NI 39")
    assert row["Value"] == "*" and row["Count"] == "" and row["Lower 95%"] == ""
    assert (row["Rank"], row["RAG"], row["Status"], row["vs Kent"], row["Direction"]) == (
        "", "", "No data", "", "")
    # the officer's own view is unchanged
    mine = run_cli("fare", "--locality", "Dover", "--json", db=db)
    ni39 = {r["code"]: r for r in json.loads(mine.stdout)}["NI 39"]
    assert (ni39["value"], ni39["count"]) == (1798, 5) and ni39["ci95"] is not None


def test_kent_worst_is_withheld_where_it_is_a_withheld_districts_value(db, tmp_path):
    out = tmp_path / "thanet.csv"
    done = run_cli("export", "--locality", "Thanet", "--out", str(out), "--publication", db=db)
    assert done.returncode == 0, done.stderr
    row = csv_row(out, "NI 39")
    assert row["Value"] == "1500" and row["Count"] == "12"  # 12 is above the rule
    assert row["Kent worst"] == "" and row["Kent best"] != ""  # 1,798 would give Dover away
    plain = tmp_path / "thanet plain.csv"
    assert run_cli("export", "--locality", "Thanet", "--out", str(plain), db=db).returncode == 0
    assert csv_row(plain, "NI 39")["Kent worst"] == "1798"


def test_the_ka2_return_and_county_workbook_carry_the_note_and_withhold_the_data(db, tmp_path):
    ka2, county = tmp_path / "dover.xlsx", tmp_path / "county.xlsx"
    assert run_cli("export", "--locality", "Dover", "--out", str(ka2), "--publication", db=db).returncode == 0
    assert run_cli("export", "--county", "--out", str(county), "--publication", db=db).returncode == 0
    for path in (ka2, county):
        book = openpyxl.load_workbook(path)
        cover = " ".join(str(c) for row in book[layout.COVER_SHEET].iter_rows(values_only=True)
                         for c in row if c)
        assert "Prepared for publication" in cover
        rows = book[layout.DATA_SHEET].iter_rows(values_only=True)
        header = list(next(rows))
        records = [dict(zip(header, values, strict=False)) for values in rows]
        dover = [r for r in records if (r["District"], r["NI"], r["Period"]) == ("Dover", "NI 39", "2008/09")]
        assert [(r["Value"], r["As given"]) for r in dover] == [("*", None)]  # not 1,798


def test_the_board_pack_for_publication(db):
    with open_store(db, readonly=True) as store:
        pack = build_pack(store, "Dover")
        published = published_pack(store, pack)
    html = pack_html(published, Tables())
    assert "Prepared for publication" in html
    assert "1,798" not in html and "1,798" in pack_html(pack, Tables())
    assert all(chart.code != "NI 39" for chart in published.charts)
    assert not any(chart.kind == "range" for chart in published.charts)  # Dover's own is withheld
