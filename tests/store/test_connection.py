import sqlite3

import pytest

from vfk_desktop import __version__
from vfk_desktop.domain.errors import StoreError
from vfk_desktop.store.backups import list_backups
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.migrations import upgrade
from vfk_desktop.store.version import SCHEMA_VERSION


def test_a_new_database_has_every_migration_foreign_keys_and_wal(tmp_path):
    with open_store(tmp_path / "new.db", create=True) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.meta("app_version") == __version__
        names = {row[0] for row in store.conn.execute("SELECT name FROM _sqlite_migrations")}
        assert names == {"0001_initial", "0002_import_profiles", "0003_public_data", "0004_statistics",
                         "0005_accountability", "0006_state_mark"}


def test_an_older_database_is_upgraded_after_a_backup_and_keeps_its_data(tmp_path):
    from vfk_desktop.store.connection import Store, _connect

    path = tmp_path / "v1.db"
    old = Store(_connect(path, readonly=False), path)  # a file as version 1 of the app left it
    upgrade(old, 0, stop_before="0002_import_profiles")
    with old.atomic():
        old.conn.execute("INSERT INTO areas (name, kind) VALUES ('Tunbridge Wells', 'district')")
    assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    with pytest.raises(StoreError, match="older vfk_desktop .database version 1."):
        open_store(path, upgrade=False)

    with open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("SELECT name FROM areas").fetchall() == [("Tunbridge Wells",)]
        assert store.conn.execute("SELECT count(*) FROM import_profiles").fetchone()[0] == 0
    backups = list_backups(path)
    assert len(backups) == 1 and "upgrading from database version 1" in backups[0].reason
    copy = sqlite3.connect(backups[0].path)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1  # the backup is the old file
    assert copy.execute("SELECT name FROM areas").fetchall() == [("Tunbridge Wells",)]
    copy.close()


def test_a_newer_database_is_refused_naming_both_versions(tmp_path):
    path = tmp_path / "future.db"
    with open_store(path, create=True) as store, store.atomic():
        store.set_meta("app_version", "9.0.0")
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    before = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        open_store(path)
    message = str(refused.value)
    assert "vfk_desktop 9.0.0" in message and f"vfk_desktop {__version__}" in message
    assert f"database version {SCHEMA_VERSION + 3}" in message and f"up to {SCHEMA_VERSION}" in message
    assert path.read_bytes() == before


def test_a_missing_database_is_named_with_the_command_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="vfk --db .* init"):
        open_store(tmp_path / "missing.db")


@pytest.mark.parametrize("content", [b"this is not a database at all" * 40, b"PK\x03\x04" + b"x" * 500])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="damaged or is not a vfk_desktop database"):
        open_store(path)
    assert path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a vfk_desktop one"):
        open_store(path)


def test_atomic_rolls_back_everything_on_failure(empty_store):
    before = empty_store.conn.execute("SELECT count(*) FROM areas").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError), empty_store.atomic():
        empty_store.conn.execute("INSERT INTO areas (name, kind) VALUES ('X', 'district')")
        with empty_store.atomic():  # a nested block is a savepoint
            empty_store.conn.execute("INSERT INTO areas (name, kind) VALUES ('Y', 'district')")
        empty_store.conn.execute("INSERT INTO areas (name, kind) VALUES ('X', 'district')")
    assert empty_store.conn.execute("SELECT count(*) FROM areas").fetchone()[0] == before


def test_a_database_opened_read_only_refuses_writes_with_a_sentence(sample_db):
    with open_store(sample_db, readonly=True) as store:
        assert store.readonly
        assert store.conn.execute("SELECT count(*) FROM areas").fetchone()[0] > 12
        with pytest.raises(StoreError, match="read-only"), store.atomic():
            pass
