"""A figure is a finite number of at most 15 significant digits, below 10^15: anything else is refused
as a figure with a sentence, in every format, and one already stored never reaches a table, a chart,
a rank or an export (`vfk check` names it)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import run_cli
from tests.io.spreadsheets import write
from tests.support.files import contents

IMPOSSIBLE = ["9" * 400, "1" + "0" * 309, "999," * 110 + "999", "£" + "9" * 320, "-" + "9" * 330,
              "1234567890123456789", "0.12345678901234567891"]
CODES = ["NI 1", "NI 102", "NI 104", "NI 11", "NI 110", "NI 111", "NI 112", "NI 115", "NI 117", "NI 120"]
OTHER_DIGITS = ["٣٤٫٥", "３４", "१२३"]  # Arabic-Indic, full-width, Devanagari


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "ods"])
def test_impossible_figures_and_other_scripts_digits_are_refused_in_a_sentence(sample_db, tmp_path, suffix):
    spellings = IMPOSSIBLE + OTHER_DIGITS
    rows = [["District", "NI", "Period", "Value"]]
    rows += [["Dover", code, "2009/10", text] for code, text in zip(CODES, spellings, strict=False)]
    source = write(tmp_path / f"huge.{suffix}", {"Figures": rows})
    before = contents(sample_db)
    done = run_cli("import", str(source), "--json", db=sample_db)
    assert done.returncode == 1, done.stdout
    report = json.loads(done.stdout)
    reasons = [r["reason"] for r in report["rejected"]]
    assert len(reasons) == len(spellings), reasons
    assert sum("too large to be a figure" in r for r in reasons) == 6
    assert sum("more than 15 significant digits" in r for r in reasons) == 1
    assert sum("digits other than 0-9" in r for r in reasons) == 3
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert contents(sample_db) == before


def test_a_large_number_typed_as_a_number_is_refused_too(sample_db, tmp_path):
    rows = [["District", "NI", "Period", "Value"], ["Dover", "NI 39", "2009/10", 1e300],
            ["Dover", "NI 47", "2009/10", 12.5]]
    done = run_cli("import", str(write(tmp_path / "big.xlsx", {"Figures": rows})), "--json", db=sample_db)
    assert done.returncode == 1
    (rejected,) = json.loads(done.stdout)["rejected"]
    assert "too large to be a figure" in rejected["reason"]


def test_an_infinite_figure_already_stored_is_named_by_check_and_seen_nowhere(sample_db, tmp_path):
    conn = sqlite3.connect(sample_db)
    with conn:
        conn.execute("UPDATE observations SET value = ? WHERE indicator = 'NI 163' AND value IS NOT NULL",
                     (float("inf"),))
    conn.close()
    checked = run_cli("check", db=sample_db)
    assert checked.returncode == 1
    assert "of NI 163 are infinite or impossibly large" in checked.stdout
    fare = run_cli("fare", "--locality", "Tunbridge Wells", "--json", db=sample_db)
    assert fare.returncode == 0, fare.stderr
    assert "Infinity" not in fare.stdout and "NaN" not in fare.stdout
    for args in (["export", "--county", "--out", str(tmp_path / "kent.xlsx")],
                 ["export", "--locality", "Tunbridge Wells", "--out", str(tmp_path / "tw.xlsx")],
                 ["chart", "--locality", "Tunbridge Wells", "--indicator", "NI 163", "--kind", "districts",
                  "--out", str(tmp_path / "d.png")],
                 ["chart", "--locality", "Tunbridge Wells", "--indicator", "NI 163", "--kind", "trend",
                  "--out", str(tmp_path / "t.png")]):
        done = run_cli(*args, db=sample_db)
        assert done.returncode in (0, 1), done.stderr
        assert "unexpected error" not in done.stderr and "Traceback" not in done.stderr, (args, done.stderr)
