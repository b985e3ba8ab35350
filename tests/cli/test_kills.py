"""SIGKILL at random moments during `export`, `undo`, `restore`, the upgrade of an older database and
the daily backup: each time `vfk check` says ok, the counts are those before or after, an export's
target is the old file or the whole new one, no half backup carries a backup's name, and what a
killed program left half-written is removed by the next export or start.

A few kills of each in every run; 20 of each in the slow run (`-m slow`).
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_crash import counts
from tests.conftest import REPO, run_cli
from tests.support.files import long_csv

OPERATIONS = ("export", "undo", "restore", "upgrade", "daily backup")

DAILY = """
import sys
from vfk_desktop.store.backups import make_backup
from vfk_desktop.store.connection import open_store
with open_store(sys.argv[1]) as store:
    make_backup(store, "daily, on opening")
"""


@pytest.fixture(scope="module")
def imported(sample_template, tmp_path_factory) -> Path:
    """The sample with a 20,000-row import on top (import 2), and the backup made before it."""
    folder = tmp_path_factory.mktemp("kills")
    db = folder / "vfk.db"
    shutil.copy(sample_template, db)
    done = run_cli("import", str(long_csv(folder / "long.csv", 20_000)), "--add-indicators", db=db)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def version_2(tmp_path_factory) -> Path:
    """A database made by the version before this one (schema version 2), with 20,000 figures."""
    from vfk_desktop.store.connection import Store, _connect
    from vfk_desktop.store.migrations import upgrade

    path = tmp_path_factory.mktemp("old") / "vfk.db"
    old = Store(_connect(path, readonly=False), path)
    upgrade(old, 0, stop_before="0003_public_data")
    with old.atomic():
        for position, name in enumerate(("Dover", "Thanet", "Swale", "Kent")):
            old.conn.execute("INSERT INTO areas (name, kind, position) VALUES (?, ?, ?)",
                             (name, "county" if name == "Kent" else "district", position))
        old.conn.executemany("INSERT INTO indicators (code, title) VALUES (?, ?)",
                             [(f"NI {n}", f"Indicator {n}") for n in range(1, 201)])
        old.conn.executemany(
            "INSERT INTO observations (indicator, area_id, period, kind, value) VALUES (?, ?, ?, 'value', ?)",
            [(f"NI {n}", area, f"{year}/{(year + 1) % 100:02d}", n * 1.5)
             for n in range(1, 201) for area in range(1, 5) for year in range(2000, 2025)])
        old.conn.execute("INSERT INTO imports (at, user, kind) VALUES ('2010-01-01T00:00:00', 'x', 'import')")
    old.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old.close()
    return path


@pytest.fixture(scope="module")
def sources(sample_template, imported, version_2) -> dict[str, Path]:
    return {"export": sample_template, "upgrade": version_2, "imported": imported}


def prepare(operation: str, folder: Path, sources: dict[str, Path]) -> tuple[Path, list[str]]:
    """A fresh database for one run of operation, and the command that runs it."""
    db = folder / "vfk.db"
    imported = sources["imported"]
    shutil.copy(sources.get(operation, imported), db)
    if operation == "restore":
        shutil.copytree(imported.parent / "backups", folder / "backups")
    vfk = [sys.executable, "-m", "vfk_desktop.cli", "--db", str(db)]
    if operation == "export":
        book = openpyxl.Workbook()
        book.active.title = "Old"
        book.save(folder / "kent.xlsx")
        return db, [*vfk, "export", "--county", "--out", str(folder / "kent.xlsx")]
    if operation == "undo":
        return db, [*vfk, "undo", "2"]
    if operation == "restore":
        backup = next((folder / "backups").glob("*.vfkbackup.db")).name
        return db, [*vfk, "restore", backup]
    if operation == "upgrade":
        return db, [*vfk, "imports"]
    return db, [sys.executable, "-c", DAILY, str(db)]


def whole_backups(folder: Path) -> bool:
    for backup in (folder / "backups").glob("*.vfkbackup.db"):
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return False
        finally:
            conn.close()
    return True


def export_is_old_or_whole(target: Path) -> str:
    names = openpyxl.load_workbook(target, read_only=True).sheetnames
    if names == ["Old"]:
        return "old"
    with zipfile.ZipFile(target) as book:
        assert book.testzip() is None
    return "new"


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("kills", [
    pytest.param(3, id="quick"),
    pytest.param(20, id="full", marks=[pytest.mark.slow, pytest.mark.timeout(3600)]),
])
def test_a_writer_killed_at_any_moment_leaves_old_or_new(operation, kills, sources, tmp_path):
    timing = tmp_path / "timing"
    timing.mkdir()
    db, command = prepare(operation, timing, sources)
    before = counts(db)
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    duration = time.monotonic() - started
    after = counts(db)

    chance = random.Random(f"{operation} 20261202")
    for kill in range(kills):
        folder = tmp_path / f"killed{kill}"
        folder.mkdir()
        db, command = prepare(operation, folder, sources)
        moment = duration * (kill + chance.random()) / kills  # one moment in each slice of the run
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        where = f"{operation} killed after {moment:.2f} s of {duration:.2f} s"
        checked = run_cli("check", db=db)  # the next start: an interrupted upgrade is finished here
        assert (checked.returncode, checked.stdout) == (0, "ok\n"), (where, checked.stdout, checked.stderr)
        assert counts(db) in (before, after), where
        assert whole_backups(folder), where
        assert not list((folder / "backups").glob(".*partial")), where  # cleared by the next start
        assert not list(folder.glob(".vfk.db.restoring*")), where
        if operation == "export":
            export_is_old_or_whole(folder / "kent.xlsx")
            again = run_cli("export", "--county", "--out", str(folder / "kent.xlsx"), db=db)
            assert again.returncode == 0, again.stderr
            assert export_is_old_or_whole(folder / "kent.xlsx") == "new"
            assert not list(folder.glob(".kent*")), where  # the killed export's piece is gone
