"""`vfk check`, `vfk backups` and `vfk restore` on real files; backups before an import and an undo."""

from __future__ import annotations

import json

from tests.conftest import run_cli


def backups(db) -> list[dict]:
    done = run_cli("backups", "--json", db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_check_says_ok_on_a_whole_database(sample_db):
    done = run_cli("check", db=sample_db)
    assert (done.returncode, done.stdout) == (0, "ok\n")


def test_check_refuses_a_damaged_file_in_one_line(sample_db):
    data = bytearray(sample_db.read_bytes())
    for at in range(len(data) // 3, len(data) // 3 + 8192):
        data[at] = 0x5A
    sample_db.write_bytes(bytes(data))
    for wal in sample_db.parent.glob(sample_db.name + "-*"):
        wal.unlink()
    done = run_cli("check", db=sample_db)
    assert done.returncode == 1
    said = (done.stdout + done.stderr).strip()
    assert said and "\n" not in said and "Traceback" not in said


def test_an_import_and_an_undo_leave_a_backup_and_a_dry_run_does_not(sample_db, tmp_path):
    source = tmp_path / "extra.csv"
    source.write_text("District,NI,Period,Value\nDover,NI 39,2009/10,1100\n", encoding="utf-8")
    assert backups(sample_db) == []
    assert run_cli("import", str(source), "--dry-run", db=sample_db).returncode == 0
    assert backups(sample_db) == []
    assert run_cli("import", str(source), db=sample_db).returncode == 0
    rows = backups(sample_db)
    assert [r["reason"] for r in rows] == ["before importing extra.csv"]
    assert set(rows[0]) == {"file", "at", "size", "reason"} and rows[0]["size"] > 0
    assert run_cli("undo", "2", db=sample_db).returncode == 0
    assert [r["reason"] for r in backups(sample_db)][0] == "before undoing import 2"


def test_restore_puts_a_backup_back_after_backing_up_the_current_file(sample_db, tmp_path):
    source = tmp_path / "extra.csv"
    source.write_text("District,NI,Period,Value\nDover,NI 39,2009/10,1100\n", encoding="utf-8")
    run_cli("import", str(source), db=sample_db)  # backup 1: before this import
    before_import = backups(sample_db)[0]["file"]
    assert "2009/10" in run_cli("fare", "--locality", "Dover", "--json", db=sample_db).stdout
    done = run_cli("restore", before_import.rsplit("/", 1)[1], db=sample_db)
    assert done.returncode == 0, done.stderr
    assert "backed up as" in done.stdout
    rows = json.loads(run_cli("fare", "--locality", "Dover", "--json", db=sample_db).stdout)
    assert all(r["period"] != "2009/10" for r in rows if r["code"] == "NI 39")
    assert backups(sample_db)[0]["reason"].startswith("before restoring")
    assert run_cli("check", db=sample_db).stdout == "ok\n"


def test_restore_refuses_what_is_not_a_good_backup(sample_db, tmp_path):
    junk = tmp_path / "junk.vfkbackup.db"
    junk.write_bytes(b"not a database at all" * 100)
    for name in ("nothing-here", str(junk)):
        done = run_cli("restore", name, db=sample_db)
        assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert run_cli("check", db=sample_db).stdout == "ok\n"
