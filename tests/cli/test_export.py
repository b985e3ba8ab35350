"""`vfk export` as a separate process: the KA2 return, the county workbook, the fare CSV, and the
usage it refuses."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-export") / "k.db"
    assert run_cli("init", "--sample", db=path).returncode == 0
    return path


def test_export_a_ka2_return_then_import_it_back_unchanged(cli_db, tmp_path):
    out = tmp_path / "tw.xlsx"
    done = run_cli("export", "--locality", "twbc", "--out", str(out), db=cli_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Tunbridge Wells: KA2 return written to {out} (36 indicators, ")
    assert openpyxl.load_workbook(out).sheetnames == ["Cover", "Return", "Actions", "Action notes", "Data"]
    again = run_cli("import", str(out), "--json", db=cli_db)
    result = json.loads(again.stdout)
    assert again.returncode == 0 and (result["inserted"], result["updated"]) == (0, 0)
    assert result["unchanged"] > 100 and result["rejected"] == []


def test_export_the_county_workbook_into_a_new_database(cli_db, tmp_path):
    out = tmp_path / "county.xlsx"
    done = run_cli("export", "--county", "--out", str(out), db=cli_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("County workbook written to") and "710 rows of data" in done.stdout
    fresh = tmp_path / "fresh.db"
    assert run_cli("init", db=fresh).returncode == 0
    imported = json.loads(run_cli("import", str(out), "--json", db=fresh).stdout)
    assert imported["inserted"] == 710 and imported["rejected"] == []
    fare = {r["code"]: r for r in json.loads(run_cli("fare", "--locality", "TW", "--json", db=fresh).stdout)}
    assert (fare["NI 163"]["value"], fare["NI 163"]["rank"], fare["NI 163"]["rag"]) == (70.9, 6, "red")


def test_export_the_fare_table_as_csv_for_one_period(cli_db, tmp_path):
    out = tmp_path / "tw.csv"
    done = run_cli("export", "--locality", "Tunbridge Wells", "--period", "2007/08", "--out", str(out),
                   db=cli_db)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("District,Code,Indicator") and ",2007/08," in text


@pytest.mark.parametrize("args, says", [
    (["--locality", "TW", "--county", "--out", "x.xlsx"], "not allowed with"),
    (["--out", "x.xlsx"], "one of the arguments --locality --county is required"),
    (["--locality", "TW", "--out", "x.ods"], "x.ods: a district is exported as .xlsx"),
    (["--county", "--out", "x.csv"], "x.csv: the county workbook is written as .xlsx"),
])
def test_wrong_usage_exits_2(cli_db, tmp_path, args, says):
    done = run_cli("export", *args, db=cli_db, cwd=tmp_path)
    assert done.returncode == 2 and says in done.stderr
    assert not list(tmp_path.iterdir())


def test_a_refusal_is_one_sentence_and_exit_1(cli_db, tmp_path):
    done = run_cli("export", "--county", "--out", str(tmp_path / "missing" / "c.xlsx"), db=cli_db)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr
    done = run_cli("export", "--locality", "Medway", "--out", str(tmp_path / "m.xlsx"), db=cli_db)
    assert done.returncode == 1 and "is outside Kent" in done.stderr


def test_each_export_is_logged_without_figures(cli_db, tmp_path):
    home = tmp_path / "home"
    out = tmp_path / "tw.xlsx"
    env = {"XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
           "XDG_DATA_HOME": str(home / "data")}
    assert run_cli("export", "--locality", "TW", "--out", str(out), db=cli_db, env=env).returncode == 0
    log = "\n".join(p.read_text() for p in home.rglob("vfk.log"))
    assert "export KA2 return: Tunbridge Wells" in log and str(out) in log
    assert "70.9" not in log
