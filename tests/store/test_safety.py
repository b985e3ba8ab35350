"""The store keeps an officer's data safe: damaged files, backups, one writer, a full disk."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from tests.support.files import contents, damage, file_digest, long_csv
from tests.support.processes import HOLD_LOCK, holding
from vfk_desktop.domain.errors import DamagedDatabase, StoreError
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.backups import daily_backup, list_backups, make_backup
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.imports import apply_plan, import_context
from vfk_desktop.store.instance_lock import InstanceLock
from vfk_desktop.store.integrity import newest_good_backup, restore_backup


def test_a_damaged_file_opens_read_only_and_nothing_is_written_to_it(sample_db, tmp_path):
    damage(sample_db)
    before = file_digest(sample_db)
    with open_store(sample_db) as store:
        assert store.readonly and store.damaged
        assert "\n" not in store.damaged[0] and not store.damaged[0].startswith("***")
        plan = plan_import([long_csv(tmp_path / "more.csv", 6)], import_context(store, True))
        with pytest.raises(StoreError, match="is damaged .* put back a good backup first"):
            apply_plan(store, plan)
    assert file_digest(sample_db) == before
    assert not (sample_db.parent / "backups").exists()


def test_a_file_that_is_not_a_database_is_refused_as_damaged(tmp_path):
    path = tmp_path / "vfk.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    with pytest.raises(DamagedDatabase):
        open_store(path)


def test_the_newest_good_backup_passes_over_a_damaged_one(sample_store):
    older = make_backup(sample_store, "first")
    newer = make_backup(sample_store, "second")
    assert newest_good_backup(sample_store.path).path == newer
    damage(newer)
    assert newest_good_backup(sample_store.path).path == older
    damage(older)
    assert newest_good_backup(sample_store.path) is None


def test_a_backup_put_back_over_a_damaged_file_keeps_the_damaged_bytes_aside(sample_db):
    with open_store(sample_db) as store:
        good = contents(sample_db)
        backup = make_backup(store, "before the damage")
    damage(sample_db)
    damaged_bytes = sample_db.read_bytes()
    kept = restore_backup(sample_db, backup.name)
    assert kept.read_bytes() == damaged_bytes and kept.name.endswith(".damaged.db")
    with open_store(sample_db) as store:
        assert not store.damaged and not store.readonly
        tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "backup_info" not in tables
    assert contents(sample_db) == good


def test_a_daily_backup_is_made_on_the_first_open_of_a_day_only(sample_store):
    made = daily_backup(sample_store)
    assert made is not None and made.name.startswith(f"vfk-{dt.date.today():%Y%m%d}-")
    assert daily_backup(sample_store) is None
    assert [b.reason for b in list_backups(sample_store.path)] == ["daily, on opening"]


def test_no_daily_backup_of_a_read_only_or_empty_database(sample_db, empty_store):
    with open_store(sample_db, readonly=True) as store:
        assert daily_backup(store) is None
    assert daily_backup(empty_store) is None  # nothing imported yet: nothing worth a copy
    assert list_backups(sample_db) == [] and list_backups(empty_store.path) == []


def test_the_newest_twenty_backups_are_kept(sample_store):
    made = [make_backup(sample_store, f"number {n}") for n in range(23)]
    kept = list_backups(sample_store.path)
    assert len(kept) == 20
    assert {b.path for b in kept} == set(made[3:])


def test_one_writer_at_a_time_and_a_killed_holder_frees_the_lock(sample_db):
    with holding(HOLD_LOCK, str(sample_db)) as other:
        mine = InstanceLock(sample_db)
        assert mine.acquire() is False and not mine.held
        holder = mine.holder()
        assert holder.pid == other.pid and holder.user and holder.host
        assert holder.at_this_desk  # same user, same computer: its window can be asked forward
        assert "since" in holder.describe()
    with InstanceLock(sample_db) as mine:  # the kernel let go when the process died: no stale lock
        assert mine.acquire() and mine.held
        assert mine.holder().pid == os.getpid()
    assert not mine.held


def test_a_full_disk_fails_an_import_with_a_sentence_and_changes_nothing(sample_db, tmp_path):
    source = long_csv(tmp_path / "big.csv", 30_000)
    before = contents(sample_db)
    with open_store(sample_db) as store:
        plan = plan_import([source], import_context(store, add_indicators=True))
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # the disk fills part-way through
        with pytest.raises(StoreError, match="is full; nothing was changed"):
            apply_plan(store, plan)
        assert not store.conn.in_transaction
    assert contents(sample_db) == before
    with open_store(sample_db) as store:
        assert not store.damaged


def test_a_backup_left_half_made_by_a_killed_program_is_cleared_later(sample_store):
    folder = sample_store.path.parent / "backups"
    folder.mkdir()
    stale, fresh = folder / ".vfk-20240101-000000-000000.partial", folder / ".vfk-now.partial"
    stale.write_bytes(b"half a copy")
    fresh.write_bytes(b"another program's copy, still being written")
    os.utime(stale, (0, 0))
    make_backup(sample_store, "before an import")
    assert not stale.exists() and fresh.exists()
