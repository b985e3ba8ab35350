"""`vfk import` killed (SIGKILL) at random moments: the database is whole and holds all of the
import or none of it, every time.

The slow run is the full trial: 20 kills during a 200,000-row import. The quick run, in every test
run, kills a 30,000-row import 4 times.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO, run_cli
from tests.support.files import long_csv


def counts(path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT count(*) FROM observations").fetchone()[0],
                conn.execute("SELECT count(*) FROM imports").fetchone()[0])
    finally:
        conn.close()


def import_command(db, source) -> list[str]:
    return [sys.executable, "-m", "vfk_desktop.cli", "--db", str(db), "import", str(source),
            "--add-indicators"]


@pytest.mark.parametrize("rows, kills", [
    pytest.param(30_000, 4, id="quick"),
    pytest.param(200_000, 20, id="full", marks=pytest.mark.slow),
])
def test_an_import_killed_at_any_moment_leaves_all_or_nothing(sample_template, tmp_path, rows, kills):
    source = long_csv(tmp_path / "long.csv", rows)
    before = counts(sample_template)
    after = (before[0] + rows, before[1] + 1)

    timing = tmp_path / "timing.db"
    shutil.copy(sample_template, timing)
    started = time.monotonic()
    subprocess.run(import_command(timing, source), check=True, capture_output=True, cwd=REPO)
    duration = time.monotonic() - started
    assert counts(timing) == after

    chance = random.Random(20110401)
    outcomes = []
    for kill in range(kills):
        db = tmp_path / f"killed{kill}.db"
        shutil.copy(sample_template, db)
        # One moment in each of `kills` equal slices of the run, so the reading, the backup and
        # the writing are all hit; the last slices reach past the end.
        moment = duration * (kill + chance.random()) / kills * 1.1
        process = subprocess.Popen(import_command(db, source), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, cwd=REPO)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        checked = run_cli("check", db=db)
        assert (checked.returncode, checked.stdout) == (0, "ok\n"), (moment, checked.stdout, checked.stderr)
        found = counts(db)
        assert found in (before, after), f"killed after {moment:.2f} s of {duration:.2f} s: {found}"
        outcomes.append("all" if found == after else "none")
        assert run_cli("import", str(source), "--add-indicators", db=db).returncode == 0  # still usable
        assert counts(db)[0] == after[0]
    assert "none" in outcomes, outcomes
