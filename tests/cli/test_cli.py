"""`vfk` run as a separate process on real database files, as users and other tools run it."""

import json

import pytest

from tests.conftest import run_cli
from tests.seed_figures import FARE_ROWS, HIGH, MEDIUM, check_fare_json


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "k.db"
    done = run_cli("init", "--sample", db=path)
    assert done.returncode == 0, done.stderr
    assert "illustrative" in done.stdout
    return path


def test_init_then_fare_json_gives_the_seeds_figures(cli_db):
    done = run_cli("fare", "--locality", "tunbridge wells", "--json", db=cli_db)
    assert done.returncode == 0, done.stderr
    rows = check_fare_json(json.loads(done.stdout))
    for seed in FARE_ROWS:
        row = rows[seed.code]
        assert row["polarity"] == seed.polarity and row["vs_target"] == seed.vs_target
        assert row["of"] == 12 and row["rag"] in ("green", "amber", "red", None)
    assert rows["NI 39"]["value"] == 1212 and isinstance(rows["NI 39"]["value"], int)
    assert rows["NI 155"]["kent_target"] is None and rows["NI 155"]["rag"] is None
    assert rows["NI 32"]["value"] is None and rows["NI 32"]["priority"] == "High"


def test_fare_text_is_grouped_by_priority(cli_db):
    done = run_cli("fare", "--locality", "Tunbridge Wells", db=cli_db)
    assert done.returncode == 0
    text = done.stdout
    assert text.index("High priorities") < text.index("Medium priorities") < text.index("Low priorities")
    assert "1,212" in text and "N/a" in text and "Red (worse)" in text


def test_fare_for_one_period(cli_db):
    done = run_cli("fare", "--locality", "Tunbridge Wells", "--period", "2007/08", "--json", db=cli_db)
    rows = {row["code"]: row for row in json.loads(done.stdout)}
    assert rows["NI 39"]["period"] == "2007/08" and rows["NI 39"]["value"] != 1212
    # 2007/08 is a reporting year: a calendar-year indicator is shown at 2007, which ends inside it
    assert rows["NI 163"]["period"] == "2007" and rows["NI 163"]["value"] is not None


def test_rankings_json_and_text(cli_db):
    done = run_cli("rankings", "--locality", "Tunbridge Wells", "--json", db=cli_db)
    rows = json.loads(done.stdout)
    assert len(rows) == 35 and set(rows[0]) == {"code", "title", "theme", "priority"}
    assert [r["code"] for r in rows if r["priority"] == "High"] and \
        {r["code"] for r in rows if r["priority"] == "High"} == set(HIGH)
    assert {r["code"] for r in rows if r["priority"] == "Medium"} == set(MEDIUM)
    assert sum(r["priority"] == "Low" for r in rows) == 19
    text = run_cli("rankings", "--locality", "TWBC", db=cli_db).stdout
    assert "HIGH PRIORITY (8)" in text and "MEDIUM PRIORITY (8)" in text and "LOW PRIORITY (19)" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fare", "--locality", "Tunbrige Wells"], 'Did you mean "Tunbridge Wells"?'),
        (["fare", "--locality", "Atlantis"], '"Atlantis" is not one of the 12 Kent districts.'),
        (["fare", "--locality", "Medway"], "outside Kent"),
        (["fare", "--locality", "Kent"], "county as a whole"),
        (["fare", "--locality", "Dover", "--period", "someday"], '"someday" is not a period'),
        (["undo", "42"], "There is no import 42"),
    ],
)
def test_refusals_are_one_line_and_exit_1(cli_db, args, message):
    done = run_cli(*args, db=cli_db)
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["fare"], ["frobnicate"], ["fare", "--locality"], []])
def test_wrong_usage_exits_2(args):
    assert run_cli(*args).returncode == 2


def test_a_missing_database_is_refused(tmp_path):
    done = run_cli("fare", "--locality", "Dover", db=tmp_path / "none.db")
    assert done.returncode == 1 and "There is no database" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_db_after_the_command_and_from_the_environment(cli_db, tmp_path):
    after = run_cli("rankings", "--locality", "Tunbridge Wells", "--json", "--db", str(cli_db))
    assert after.returncode == 0 and len(json.loads(after.stdout)) == 35
    env = run_cli("rankings", "--locality", "Tunbridge Wells", "--json", env={"VFK_DB": str(cli_db)})
    assert env.returncode == 0 and len(json.loads(env.stdout)) == 35


def test_import_imports_and_undo(cli_db, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(cli_db.read_bytes())
    source = tmp_path / "dover.csv"
    source.write_text("District,NI,Period,Value\nDover,39,2009/10,1400\nMedway,39,2009/10,1\n")
    done = run_cli("import", str(source), "--json", db=db)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"import_id", "inserted", "updated", "unchanged", "skipped", "rejected"}
    assert (report["inserted"], report["skipped"], report["rejected"]) == (1, 1, [])
    listing = json.loads(run_cli("imports", "--json", db=db).stdout)
    assert listing[-1]["files"] == ["dover.csv"] and listing[-1]["undone"] is None
    assert set(listing[-1]) == {"import_id", "at", "user", "files", "inserted", "updated",
                                "unchanged", "skipped", "undone"}
    assert run_cli("undo", str(report["import_id"]), db=db).returncode == 0
    assert json.loads(run_cli("imports", "--json", db=db).stdout)[-1]["undone"]


def test_a_rejected_import_exits_1_and_lists_every_row(cli_db, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(cli_db.read_bytes())
    source = tmp_path / "bad.csv"
    source.write_text("District,NI,Period,Value\nDover,39,2009/10,x1\nAtlantis,39,2009/10,1\n")
    done = run_cli("import", str(source), "--json", db=db)
    assert done.returncode == 1
    rejected = json.loads(done.stdout)["rejected"]
    places = [(r["file"], r["sheet"], r["row"]) for r in rejected]
    assert places == [("bad.csv", None, 2), ("bad.csv", None, 3)]
    assert run_cli("imports", "--json", db=db).stdout.count('"import_id"') == 1  # only the sample


def test_without_db_the_database_lives_in_the_users_data_folder(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    done = run_cli("init", env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "vfk_desktop" / "vfk.db").exists()
    assert str(tmp_path / "data" / "vfk_desktop" / "vfk.db") in done.stdout


def _subcommands(parser) -> dict:
    import argparse

    [choices] = [action.choices for action in parser._actions
                 if isinstance(action, argparse._SubParsersAction)]
    return choices


def test_a_command_set_up_alone_has_the_same_options_as_in_the_whole_parser():
    from vfk_desktop.cli import build_parser

    whole = _subcommands(build_parser())
    assert {"fare", "import", "actions", "publish", "changes", "localities"} <= set(whole)
    for name, sub in whole.items():
        alone = _subcommands(build_parser(only=name))
        assert list(alone) == [name]
        assert alone[name].format_help() == sub.format_help(), name
    assert set(_subcommands(build_parser(only="no such command"))) == set(whole)
