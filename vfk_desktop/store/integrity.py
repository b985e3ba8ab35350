"""Is the database whole, and putting a backup back.

`check` runs SQLite's full integrity check and the foreign-key check (`vfk check`). `restore_backup`
checks the backup first, then, holding the write lock throughout, saves a backup of the current file
and copies the backup's tables in, in one transaction: a writer that finished before the restore is in
the safety backup, one that starts after it writes into the restored file, and readers never see a
half-copied file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from vfk_desktop.domain.errors import DamagedDatabase, StoreError
from vfk_desktop.domain.values import IMPOSSIBLE
from vfk_desktop.leftovers import tag
from vfk_desktop.paths import backups_dir
from vfk_desktop.store.backups import SUFFIX, Backup, list_backups, make_backup, read_only
from vfk_desktop.store.connection import Store, open_store, quick_check


def check(store: Store) -> list[str]:
    """What is wrong with the database, in words; an empty list when it is whole."""
    try:
        problems = quick_check(store.conn, "integrity_check")
        for table, rowid, parent, _ in store.conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"row {rowid} of {table} points to a missing row of {parent}")
        problems += impossible_figures(store)
    except sqlite3.DatabaseError as error:  # damage so deep that the check itself stops on it
        problems = [f"the file is damaged ({error})"]
    return problems


def impossible_figures(store: Store) -> list[str]:
    """Figures no partner can mean (infinite, or beyond any sane size) already stored, by indicator."""
    tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "observations" not in tables:
        return []
    found = store.conn.execute(
        "SELECT indicator, count(*) FROM observations WHERE abs(value) >= ? GROUP BY indicator",
        (IMPOSSIBLE,)).fetchall()
    return [f"{count} figure(s) of {code} are infinite or impossibly large (import them again from "
            f"a corrected file, or undo the import that brought them)" for code, count in found]


def find_backup(db_path: Path, name: str) -> Path:
    """A backup given as a path, or as a file name from `vfk backups`."""
    given = Path(name)
    for candidate in (given, backups_dir(db_path) / given.name, backups_dir(db_path) / f"{name}{SUFFIX}"):
        if candidate.is_file():
            return candidate
    raise StoreError(f'There is no backup "{name}" (see `vfk backups` for the list).')


def newest_good_backup(db_path: Path) -> Backup | None:
    """The newest backup of db_path that passes the full integrity check, if there is one."""
    for backup in list_backups(db_path):
        try:
            _checked(backup.path)
        except StoreError:
            continue
        return backup
    return None


def _checked(path: Path) -> None:
    try:
        conn = read_only(path)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path.name} is not a readable database backup ({error}).") from None
    if verdict != "ok" or version == 0:
        raise StoreError(f"{path.name} failed its check ({verdict}); the database was not changed.")


def restore_backup(db_path: Path, name: str) -> Path:
    """Put a backup back in place of db_path; returns the backup made of the file it replaced."""
    source = find_backup(db_path, name)
    _checked(source)
    try:
        store = open_store(db_path, upgrade=False)
    except DamagedDatabase:
        return _replace_damaged(db_path, source)
    with store:
        if store.damaged:
            store.close()
            return _replace_damaged(db_path, source)
        if store.readonly:
            raise StoreError(f"{db_path} is read-only; the backup cannot be put back.")
        return _copy_in(store, source)


def _copy_in(store: Store, source: Path) -> Path:
    """Back the current file up and copy the backup's tables in, all inside one write lock."""
    conn = store.conn
    scratch = store.path.with_name(f".{store.path.name}.restoring.{tag()}.db")
    try:
        shutil.copyfile(source, scratch)  # a private copy: the backups folder may be read-only
    except OSError as error:
        scratch.unlink(missing_ok=True)
        raise StoreError(f"Could not put the backup back in {store.path}: {error.strerror or error}; "
                         f"nothing was changed.") from error
    try:
        conn.execute("PRAGMA foreign_keys = OFF")  # tables are emptied and filled in any order
        conn.execute("ATTACH DATABASE ? AS restoring", (str(scratch),))
        with store.atomic():  # BEGIN IMMEDIATE: from here no other writer can commit
            safety = make_backup(store, reason=f"before restoring {source.name}")
            _replace_tables(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        if conn.in_transaction:
            conn.rollback()
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DETACH DATABASE restoring")
        conn.execute("PRAGMA foreign_keys = ON")
        for extra in ("", "-journal", "-wal", "-shm"):
            Path(f"{scratch}{extra}").unlink(missing_ok=True)
    return safety


def _replace_tables(conn: sqlite3.Connection) -> None:
    """The main database becomes the attached one: its tables, rows, indexes, triggers, version."""
    for kind, name in conn.execute(
            "SELECT type, name FROM main.sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%'").fetchall():
        conn.execute(f'DROP {kind.upper()} main."{name}"')
    objects = conn.execute(
        "SELECT type, name, sql FROM restoring.sqlite_master WHERE sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' AND name != 'backup_info' AND tbl_name != 'backup_info' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid").fetchall()
    for kind, name, sql in objects:
        conn.execute(sql)  # unqualified: made in main
        if kind == "table":
            conn.execute(f'INSERT INTO main."{name}" SELECT * FROM restoring."{name}"')
    sequences = conn.execute("SELECT 1 FROM restoring.sqlite_master WHERE name = 'sqlite_sequence'")
    if sequences.fetchone() and conn.execute(
            "SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        conn.execute("DELETE FROM main.sqlite_sequence")
        conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM restoring.sqlite_sequence")
    version = conn.execute("PRAGMA restoring.user_version").fetchone()[0]
    conn.execute(f"PRAGMA main.user_version = {int(version)}")


def _replace_damaged(db_path: Path, source: Path) -> Path:
    """A damaged file cannot be copied page by page: keep its bytes aside, then swap the backup in."""
    folder = backups_dir(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = folder / f"{db_path.stem}-{stamp}.damaged.db"
    fresh = db_path.with_name(f".{db_path.name}.restoring.{tag()}.db")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for extra in ("", "-wal"):
            if Path(f"{db_path}{extra}").exists():
                shutil.copy2(f"{db_path}{extra}", f"{kept}{extra}")
        shutil.copyfile(source, fresh)
        conn = sqlite3.connect(fresh)
        try:
            conn.execute("DROP TABLE IF EXISTS backup_info")
            conn.commit()
        finally:
            conn.close()
        for extra in ("-wal", "-shm"):
            Path(f"{db_path}{extra}").unlink(missing_ok=True)
        os.replace(fresh, db_path)
    except OSError as error:
        fresh.unlink(missing_ok=True)
        raise StoreError(f"Could not put the backup back in {db_path}: {error.strerror or error}.") from error
    return kept
