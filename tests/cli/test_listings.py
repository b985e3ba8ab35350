"""What the database holds, from a terminal: localities, periods, indicators; and the forms
`--locality` and `--period` accept, with a refusal that says what would work."""

import json

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("listings") / "k.db"
    assert run_cli("init", "--sample", db=path).returncode == 0
    return path


def listed(db, command: str) -> list[dict]:
    done = run_cli(command, "--json", db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_localities_lists_the_12_districts_kent_and_their_spellings(db):
    rows = {row["name"]: row for row in listed(db, "localities")}
    assert sum(row["kind"] == "district" for row in rows.values()) == 12
    assert rows["Kent"]["kind"] == "county"
    assert "TWBC" in rows["Tunbridge Wells"]["aliases"]
    assert "Tunbridge Wells" in run_cli("localities", db=db).stdout


def test_periods_lists_each_period_with_its_reporting_year_newest_first(db):
    rows = listed(db, "periods")
    by_label = {row["period"]: row for row in rows}
    assert by_label["2008"]["reporting_year"] == "2008/09" and by_label["2008"]["kind"] == "calendar year"
    assert by_label["2008/09"]["values"] > 0 and by_label["2008/09"]["places"] == 13
    ends = [row["period"] for row in rows]
    assert ends.index("2008/09") < ends.index("2008") < ends.index("2007/08")


def test_indicators_lists_the_catalogue_with_counts(db):
    rows = {row["code"]: row for row in listed(db, "indicators")}
    assert rows["NI 163"]["ka2"] and rows["NI 163"]["values"] > 0 and rows["NI 163"]["polarity"] == "higher"
    text = run_cli("indicators", db=db).stdout  # piped: whole titles, never cut
    assert "qualified to at least Level 2 or higher" in text


def test_the_start_of_a_district_name_is_enough(db):
    done = run_cli("fare", "--locality", "Tunbridge", "--json", db=db)
    assert done.returncode == 0, done.stderr
    assert {row["code"]: row for row in json.loads(done.stdout)}["NI 163"]["value"] == 70.9


def test_a_period_without_figures_is_refused_naming_those_with_figures(db):
    done = run_cli("fare", "--locality", "TWBC", "--period", "2015", db=db)
    assert done.returncode == 1 and done.stdout == ""
    assert "no figures for 2015" in done.stderr and "2008/09" in done.stderr


def test_a_ranking_prints_no_empty_bands_and_help_says_what_is_accepted(db):
    dover = run_cli("rankings", "--locality", "Dover", db=db).stdout
    assert "No ranking has been recorded" in dover and "PRIORITY" not in dover
    helped = run_cli("fare", "--help").stdout
    assert "TWBC" in helped and "reporting year" in helped and "2009/10 Q3" in helped
