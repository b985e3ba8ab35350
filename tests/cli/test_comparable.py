"""`vfk fare` on real, partial data: a district's own newer figure, a suppressed cell, a reporting
year, and a period too few districts have reported (the issue's own cases, end to end)."""

import json
import shutil

import pytest

from tests.conftest import run_cli


@pytest.fixture
def db(sample_template, tmp_path):
    path = tmp_path / "k.db"
    shutil.copy(sample_template, path)
    return path


def fare(db, *args: str) -> dict[str, dict]:
    done = run_cli("fare", "--locality", "TWBC", "--json", *args, db=db)
    assert done.returncode == 0, done.stderr
    return {row["code"]: row for row in json.loads(done.stdout)}


def imported(db, tmp_path, text: str) -> None:
    source = tmp_path / "partner.csv"
    source.write_text(text, encoding="utf-8")
    done = run_cli("import", str(source), db=db)
    assert done.returncode == 0, done.stdout + done.stderr


def test_one_newer_figure_for_the_district_alone_keeps_the_12_district_comparison(db, tmp_path):
    imported(db, tmp_path, "District,NI,Period,Value\nTunbridge Wells,NI 163,2009,73.0\n")
    row = fare(db)["NI 163"]
    assert (row["period"], row["value"], row["rank"], row["of"]) == ("2008", 70.9, 6, 12)
    assert (row["kent_best"], row["kent_worst"], row["comparable"]) == (77.6, 58.7, True)
    assert row["kent_value"] is not None and row["districts_reported"] == 12
    assert row["own_newer"] == {"period": "2009", "value": 73}
    assert row["missing"] is None

    at_2009 = fare(db, "--period", "2009")["NI 163"]
    assert (at_2009["value"], at_2009["rank"], at_2009["of"]) == (73, None, None)
    assert (at_2009["kent_best"], at_2009["kent_worst"], at_2009["comparable"]) == (None, None, False)
    assert at_2009["districts_reported"] == 1

    text = run_cli("fare", "--locality", "TWBC", db=db).stdout
    assert "NI 163: Newer: 73 (2009), 1 of 12 districts so far" in text


def test_a_suppressed_district_is_shown_as_suppressed_not_at_an_older_period(db, tmp_path):
    districts = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
                 "Shepway", "Swale", "Thanet", "Tonbridge and Malling"]
    lines = [f"{name},NI 39,2009/10,{1100 + 10 * i}" for i, name in enumerate(districts)]
    imported(db, tmp_path, "District,NI,Period,Value\n" + "\n".join(lines)
             + "\nTunbridge Wells,NI 39,2009/10,*\n")
    row = fare(db)["NI 39"]
    assert (row["period"], row["value"], row["missing"], row["rank"]) == ("2009/10", None, "suppressed", None)
    assert row["districts_reported"] == 11 and row["comparable"] is True
    text = run_cli("fare", "--locality", "TWBC", db=db).stdout
    assert "suppressed (*)" in text
    dover = json.loads(run_cli("fare", "--locality", "Dover", "--json", db=db).stdout)
    assert {r["code"]: r["period"] for r in dover}["NI 39"] == "2009/10"


def test_a_reporting_year_puts_calendar_year_indicators_beside_financial_ones(db):
    rows = fare(db, "--period", "2008/09")
    assert (rows["NI 163"]["period"], rows["NI 163"]["value"], rows["NI 163"]["rank"]) == ("2008", 70.9, 6)
    assert (rows["NI 39"]["period"], rows["NI 39"]["value"]) == ("2008/09", 1212)
    for code in ("NI 47", "NI 120f", "NI 120m"):
        assert rows[code]["period"] == "2008" and rows[code]["value"] is not None
    text = run_cli("fare", "--locality", "TWBC", "--period", "2008/09", db=db).stdout
    assert "Reporting year 2008/09" in text


def test_an_exact_period_is_still_accepted(db):
    rows = fare(db, "--period", "2008")
    assert rows["NI 163"]["period"] == "2008" and rows["NI 39"]["period"] == "2008"
    assert rows["NI 39"]["value"] is None and rows["NI 39"]["missing"] == "not available"


def test_every_row_of_the_sample_names_its_comparison(db):
    for row in fare(db).values():
        assert set(row) >= {"comparable", "districts_reported", "own_newer", "missing"}
        if row["rank"] is not None:
            assert row["comparable"] and row["of"] == row["districts_reported"] >= 8
        assert (row["value"] is None) == (row["missing"] is not None)
