"""Two writers at once, as real processes, at many delays: every success either printed is kept, in
the database or in a backup, and neither ends in an unexpected error.

The writers: `vfk import` (adding the same new indicators as any other import), `vfk undo`,
`vfk restore`, an edit of a commentary as the window makes it, and the daily backup. The quick run
tries a few pairs; the slow run 100 rounds over every pair.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.support.files import DISTRICTS

EDIT = """
import sys
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.edits import set_commentary
with open_store(sys.argv[1]) as store:
    set_commentary(store, "Dover", "NI 163", sys.argv[3], sys.argv[2])
print("saved", sys.argv[2], flush=True)
"""

DAILY = """
import sys
from vfk_desktop.store.backups import make_backup
from vfk_desktop.store.connection import open_store
with open_store(sys.argv[1]) as store:
    print("backup", make_backup(store, "daily, on opening"), flush=True)
"""

COMMIT_LATER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta (key, value) VALUES ('written by another writer', 'yes')")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("committed", flush=True)
"""

WRITERS = ("import", "undo", "restore", "edit", "daily")


def race_csv(path: Path, base: float, indicators: int = 120) -> Path:
    """12 districts x indicators new to the catalogue (NI 1001…), each figure base + its row number."""
    lines = ["District,NI,Indicator,Period,Value"]
    for row in range(12 * indicators):
        code = 1001 + row // 12
        lines.append(f"{DISTRICTS[row % 12]},NI {code},Race indicator {code},2009/10,{base + row}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def prepared(sample_template, tmp_path_factory):
    """A database with one import to undo and one backup to restore, and the files to import."""
    folder = tmp_path_factory.mktemp("race")
    db = folder / "vfk.db"
    shutil.copy(sample_template, db)
    first = folder / "first.csv"
    first.write_text("District,NI,Period,Value\nDover,NI 39,2009/10,1100\n", encoding="utf-8")
    done = run_cli("import", str(first), db=db)
    assert done.returncode == 0, done.stderr
    undo_id = re.search(r"import (\d+)", done.stdout).group(1)
    backup = next((folder / "backups").glob("*.vfkbackup.db")).name
    return {"db": db, "undo": undo_id, "backup": backup,
            "csv": {n: race_csv(folder / f"race{n}.csv", 700_000.25 + 10_000 * n) for n in (0, 1)}}


def command(writer: str, slot: int, db: Path, prepared: dict) -> list[str]:
    vfk = [sys.executable, "-m", "vfk_desktop.cli", "--db", str(db)]
    if writer == "import":
        return [*vfk, "import", str(prepared["csv"][slot]), "--add-indicators"]
    if writer == "undo":
        return [*vfk, "undo", prepared["undo"]]
    if writer == "restore":
        return [*vfk, "restore", prepared["backup"]]
    if writer == "edit":
        # each its own comment: two edits of one comment rightly keep the later one
        return [sys.executable, "-c", EDIT, str(db), f"race note {slot}", f"{2009 + slot}/{10 + slot}"]
    return [sys.executable, "-c", DAILY, str(db)]


def files_to_search(db: Path) -> list[Path]:
    return [db, *sorted((db.parent / "backups").glob("*.vfkbackup.db"))]


def held_anywhere(db: Path, query: str, *args: object) -> bool:
    for path in files_to_search(db):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute(query, args).fetchone()[0]:
                return True
        finally:
            conn.close()
    return False


def kept(writer: str, slot: int, out: str, db: Path, prepared: dict) -> bool:
    """Is the success this writer printed in the database or in a backup?"""
    if writer == "import":
        figures = 12 * 120
        return held_anywhere(db, "SELECT count(*) = ? FROM observations WHERE value >= ? AND value < ?",
                             figures, 700_000 + 10_000 * slot, 700_000 + 10_000 * slot + figures + 1)
    if writer == "undo":
        return held_anywhere(db, "SELECT count(*) FROM imports WHERE id = ? AND undone_at IS NOT NULL",
                             int(prepared["undo"]))
    if writer == "edit":
        return held_anywhere(db, "SELECT count(*) FROM commentary WHERE text = ?", f"race note {slot}")
    named = re.search(r"(\S+\.vfkbackup\.db)", out).group(1)  # restore: the file it replaced; daily
    return (db.parent / "backups" / Path(named).name).is_file()


def succeeded(writer: str, done: subprocess.CompletedProcess) -> bool:
    said = {"import": "Imported", "undo": "undone", "restore": "Restored", "edit": "saved",
            "daily": "backup"}[writer]
    return done.returncode == 0 and said in done.stdout


def run_pair(first: str, second: str, delay: float, db: Path, prepared: dict) -> list[str]:
    """Start first, then second after delay; returns what each ended as."""
    runs = []
    for slot, writer in enumerate((first, second)):
        if slot:
            time.sleep(delay)
        runs.append(subprocess.Popen(command(writer, slot, db, prepared), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, cwd=REPO))
    ended = []
    for slot, (writer, process) in enumerate(zip((first, second), runs, strict=True)):
        out, err = process.communicate(timeout=120)
        done = subprocess.CompletedProcess(process.args, process.returncode, out, err)
        assert "unexpected error" not in err and "Traceback" not in err, (writer, err)
        if succeeded(writer, done):
            assert kept(writer, slot, out, db, prepared), (first, second, delay, writer, out)
            ended.append("ok")
        else:
            assert done.returncode == 1 and err.count("\n") == 1, (writer, out, err)
            ended.append(err.strip())
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return ended


PAIRS = [pair for pair in itertools.product(WRITERS, repeat=2) if pair != ("daily", "daily")]
QUICK = [("restore", "import"), ("import", "restore"), ("import", "import"), ("undo", "restore"),
         ("edit", "restore")]


@pytest.mark.parametrize("rounds", [
    pytest.param(len(QUICK), id="quick"),
    pytest.param(100, id="full", marks=[pytest.mark.slow, pytest.mark.timeout(3600)]),
])
def test_two_writers_at_once_lose_nothing_either_said_it_saved(prepared, tmp_path, rounds):
    chance = random.Random(20261202)
    pairs = QUICK if rounds == len(QUICK) else [PAIRS[n % len(PAIRS)] for n in range(rounds)]
    outcomes = []
    for n, (first, second) in enumerate(pairs):
        db = tmp_path / f"round{n}" / "vfk.db"
        db.parent.mkdir()
        shutil.copy(prepared["db"], db)
        shutil.copytree(prepared["db"].parent / "backups", db.parent / "backups")
        delay = chance.uniform(0.0, 1.2)  # python starts in ~0.3 s; an import of 1,440 rows ~1 s
        outcomes.append((first, second, round(delay, 2), run_pair(first, second, delay, db, prepared)))
    assert any(ended == ["ok", "ok"] for *_, ended in outcomes), outcomes


def test_a_restore_waiting_for_another_writer_backs_up_what_that_writer_committed(prepared, tmp_path):
    db = tmp_path / "vfk.db"
    shutil.copy(prepared["db"], db)
    shutil.copytree(prepared["db"].parent / "backups", db.parent / "backups")
    holder = subprocess.Popen([sys.executable, "-c", COMMIT_LATER, str(db), "1.5"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        restored = run_cli("restore", prepared["backup"], db=db)
        assert holder.stdout.readline().strip() == "committed"
    finally:
        holder.wait()
        holder.stdout.close()
    assert restored.returncode == 0, restored.stderr
    assert held_anywhere(db, "SELECT count(*) FROM meta WHERE key = 'written by another writer'")
    assert not held_anywhere(db.parent / "backups" / prepared["backup"],
                             "SELECT count(*) FROM meta WHERE key = 'written by another writer'")


def test_two_imports_adding_the_same_new_indicators_both_succeed(prepared, tmp_path):
    db = tmp_path / "vfk.db"
    shutil.copy(prepared["db"], db)
    holder = subprocess.Popen([sys.executable, "-c", COMMIT_LATER, str(db), "2.5"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"  # both read their files while it writes
        imports = [subprocess.Popen(command("import", slot, db, prepared), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, cwd=REPO) for slot in (0, 1)]
        ended = [process.communicate(timeout=120) for process in imports]
    finally:
        holder.wait()
        holder.stdout.close()
    assert [process.returncode for process in imports] == [0, 0], ended
    for slot in (0, 1):
        assert kept("import", slot, "", db, prepared)
    conn = sqlite3.connect(db)
    try:
        added = conn.execute("SELECT count(DISTINCT added_by_import) FROM indicators "
                             "WHERE code LIKE 'NI 10__'").fetchone()[0]
    finally:
        conn.close()
    assert added == 1  # the first to write added them; undoing it removes them with its figures
