"""Is the database whole, and putting a backup back.

`check` runs SQLite's full integrity check and the foreign-key check (`vfk check`). `restore_backup`
checks the backup first, saves a backup of the current file, then copies the backup in with SQLite's
backup API, so readers never see a half-copied file.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from vfk_desktop.domain.errors import DamagedDatabase, StoreError
from vfk_desktop.paths import backups_dir
from vfk_desktop.store.backups import SUFFIX, Backup, list_backups, make_backup
from vfk_desktop.store.connection import Store, open_store, quick_check


def check(store: Store) -> list[str]:
    """What is wrong with the database, in words; an empty list when it is whole."""
    problems = quick_check(store.conn, "integrity_check")
    for table, rowid, parent, _ in store.conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"row {rowid} of {table} points to a missing row of {parent}")
    return problems


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
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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
        safety = make_backup(store, reason=f"before restoring {source.name}")
        backup_conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            backup_conn.backup(store.conn)
        finally:
            backup_conn.close()
        store.conn.execute("DROP TABLE IF EXISTS backup_info")
        store.conn.commit()
    return safety


def _replace_damaged(db_path: Path, source: Path) -> Path:
    """A damaged file cannot be copied page by page: keep its bytes aside, then swap the backup in."""
    folder = backups_dir(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = folder / f"{db_path.stem}-{stamp}.damaged.db"
    fresh = db_path.with_name(f".{db_path.name}.restoring")
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
