"""Damage where a database is expected, and disks and folders that refuse writes: every command answers
in one sentence naming the cause and what to do, `vfk check` reports damage as its answer, and the
newest good backup is named and can be put back."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.cli import test_shared_files
from tests.cli.test_shared_files import as_another_user
from tests.conftest import REPO, run_cli
from tests.support.files import contents

small_disk = test_shared_files.small_disk  # a 1 MiB tmpfs of its own (root only; skipped elsewhere)


def one_sentence(done: subprocess.CompletedProcess) -> str:
    said = done.stderr.strip()
    assert said and "\n" not in said and "Traceback" not in said and "unexpected error" not in said, said
    return said


def imported_once(db: Path, folder: Path) -> Path:
    """An import (so a backup is made before it); returns that backup."""
    source = folder / "dover.csv"
    source.write_text("District,NI,Period,Value\nDover,NI 39,2009/10,1100\n", encoding="utf-8")
    done = run_cli("import", str(source), db=db)
    assert done.returncode == 0, done.stderr
    (backup,) = (db.parent / "backups").glob("*.vfkbackup.db")
    return backup


@pytest.mark.parametrize("spoil", [
    pytest.param(lambda path: path.write_bytes(b""), id="emptied"),
    pytest.param(lambda path: path.write_bytes(b"Minutes of the Locality Board\n" * 200), id="headerless"),
])
def test_an_emptied_or_headerless_database_is_damage_and_its_backup_is_offered(sample_db, tmp_path, spoil):
    backup = imported_once(sample_db, tmp_path)
    good = contents(backup)
    spoil(sample_db)
    for extra in ("-wal", "-shm"):
        Path(f"{sample_db}{extra}").unlink(missing_ok=True)
    spoilt = sample_db.read_bytes()

    checked = run_cli("check", db=sample_db)
    assert checked.returncode == 1
    assert "is damaged" in checked.stdout and f"vfk restore {backup.name}" in checked.stdout
    listing = run_cli("imports", db=sample_db)
    assert listing.returncode == 1 and f"vfk restore {backup.name}" in one_sentence(listing)
    assert sample_db.read_bytes() == spoilt  # not made into a new database

    restored = run_cli("restore", backup.name, db=sample_db)
    assert restored.returncode == 0, restored.stderr
    assert run_cli("check", db=sample_db).stdout == "ok\n"
    now = contents(sample_db)
    assert {table: rows for table, rows in now.items()} == good
    kept = list((sample_db.parent / "backups").glob("*.damaged.db"))
    assert kept and kept[0].read_bytes() == spoilt


@pytest.mark.parametrize("where", [0.3, 0.9])
def test_check_answers_a_page_of_zeros_with_what_is_wrong(sample_db, where):
    data = bytearray(sample_db.read_bytes())
    page = int(len(data) // 4096 * where)
    data[page * 4096:(page + 1) * 4096] = bytes(4096)
    sample_db.write_bytes(bytes(data))
    checked = run_cli("check", db=sample_db)
    assert checked.returncode == 1
    assert checked.stdout.strip() and "\n" not in checked.stdout.strip()
    assert "unexpected error" not in checked.stdout + checked.stderr
    assert "malformed" in checked.stdout or "Page" in checked.stdout


def test_a_newer_database_version_written_by_this_same_version_is_explained(sample_db):
    conn = sqlite3.connect(sample_db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    said = one_sentence(run_cli("imports", db=sample_db))
    assert "though the file says this same version wrote it" in said
    assert "Install the newer version" not in said


WRITE_AND_HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("INSERT INTO meta (key, value) VALUES ('committed in the log', 'yes')")
print("held", flush=True)
time.sleep(120)
"""


@pytest.mark.parametrize("spoil", ["missing", "foreign", "damaged"])
def test_a_lost_or_foreign_write_ahead_log_is_found_on_open(sample_db, sample_template, tmp_path, spoil):
    from tests.support.processes import holding

    backup = imported_once(sample_db, tmp_path)
    wal = Path(f"{sample_db}-wal")
    with holding(WRITE_AND_HOLD, str(sample_db)):
        if spoil == "missing":
            wal.unlink()
        elif spoil == "foreign":
            other = tmp_path / "other" / "vfk.db"
            other.parent.mkdir()
            shutil.copy(sample_template, other)
            with holding(WRITE_AND_HOLD, str(other)):
                shutil.copy(f"{other}-wal", wal)
        else:
            with wal.open("r+b") as handle:
                handle.write(b"\x00" * 32)
        checked = run_cli("check", db=sample_db)
        assert checked.returncode == 1, checked.stdout
        assert "write-ahead log" in checked.stdout and backup.name in checked.stdout
        refused = run_cli("import", str(tmp_path / "dover.csv"), db=sample_db)
        assert refused.returncode == 1 and "write-ahead log" in refused.stderr


def test_a_full_disk_when_the_backup_is_written_says_so_and_leaves_no_partial(small_disk, sample_template,
                                                                           tmp_path):
    database = small_disk / "vfk.db"
    shutil.copy(sample_template, database)
    filler = small_disk / "filler"
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 150 * 1024))  # room to import a row, not to back up
    source = tmp_path / "dover.csv"
    source.write_text("District,NI,Period,Value\nDover,NI 39,2009/10,1100\n", encoding="utf-8")
    before = contents(database)
    done = run_cli("import", str(source), db=database)
    assert done.returncode == 1
    said = one_sentence(done)
    assert "is full" in said and "Free some space" in said
    assert contents(database) == before
    assert not list((small_disk / "backups").glob(".*partial"))


def test_an_export_to_a_full_disk_names_the_target_without_a_traceback(small_disk, sample_db):
    (small_disk / "filler").write_bytes(b"\0" * (os.statvfs(small_disk).f_bavail * 4096 - 8192))
    target = small_disk / "kent.xlsx"
    done = run_cli("export", "--county", "--out", str(target), db=sample_db)
    assert done.returncode == 1
    said = one_sentence(done)
    assert "kent.xlsx" in said and ".part" not in said
    assert not target.exists() and not list(small_disk.glob(".kent*"))


@pytest.fixture
def read_only_backups(sample_template):
    """A database another user may change, beside a backups folder they may only read."""
    folder = Path(tempfile.mkdtemp(prefix="vfk-ro-backups-"))
    database = folder / "vfk.db"
    shutil.copy(sample_template, database)
    source = folder / "dover.csv"
    source.write_text("District,NI,Period,Value\nDover,NI 39,2009/10,1100\n", encoding="utf-8")
    assert run_cli("import", str(source), db=database).returncode == 0
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, 0o777 if path.is_dir() else 0o666)
    os.chmod(folder / "backups", 0o555)
    yield database
    os.chmod(folder / "backups", 0o755)
    shutil.rmtree(folder)


def test_a_read_only_backups_folder_is_named_and_its_backups_still_read(read_only_backups):
    prefix = as_another_user()
    database = read_only_backups

    def vfk(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, sys.executable, "-m", "vfk_desktop.cli", "--db", str(database),
                               *args], capture_output=True, text=True, cwd=REPO, timeout=120)

    listed = vfk("backups")
    assert listed.returncode == 0, listed.stderr
    assert "unreadable" not in listed.stdout and "before importing" in listed.stdout
    before = contents(database)
    for args in (["import", str(database.parent / "dover.csv")], ["undo", "2"]):
        done = vfk(*args)
        assert done.returncode == 1
        said = one_sentence(done)
        assert "cannot be written to" in said and "backups" in said, said
    assert contents(database) == before
