"""Consistent copies of the database in a `backups` folder beside it; the newest few are kept.

A copy is made with SQLite's online backup API into a temporary name, checked with
`PRAGMA quick_check`, and only then renamed: a half-written file never carries a backup's name.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vfk_desktop.domain.errors import StoreError
from vfk_desktop.leftovers import remove_leftovers, tag
from vfk_desktop.paths import backups_dir
from vfk_desktop.store.connection import read_only_connection
from vfk_desktop.store.database import Store

KEEP = 20
SUFFIX = ".vfkbackup.db"


@dataclass(frozen=True)
class Backup:
    """One backup copy of the database: the file, when it was made, its size and why."""

    path: Path
    at: dt.datetime
    size: int
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "at": self.at.isoformat(timespec="seconds"),
            "size": self.size,
            "reason": self.reason,
        }


def make_backup(store: Store, reason: str) -> Path:
    """Copy the open database to its backups folder; returns the new file.

    Inside a write transaction (a writer holding the lock while it backs up) the copy is read through
    a second connection: it sees the last commit, and nobody else can commit until the holder ends.
    """
    folder = backups_dir(store.path)
    now = dt.datetime.now().astimezone()
    stem = f"{store.path.stem}-{now:%Y%m%d-%H%M%S-%f}"
    final = folder / f"{stem}{SUFFIX}"
    partial = folder / f".{stem}.{tag()}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _copy(store, partial, reason, now)
        os.replace(partial, final)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise StoreError(_unwritable(folder, error)) from error
    prune(folder, store.path.stem)
    return final


def _copy(store: Store, partial: Path, reason: str, now: dt.datetime) -> None:
    source = sqlite3.connect(store.path, timeout=5) if store.conn.in_transaction else store.conn
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        # A backup of a WAL database is marked WAL too; a plain journal lets it be read in a
        # folder nobody may write (a WAL file needs its -shm beside it).
        target.execute("PRAGMA journal_mode = DELETE")
        verdict = target.execute("PRAGMA quick_check").fetchone()[0]
        target.execute("CREATE TABLE IF NOT EXISTS backup_info (key TEXT PRIMARY KEY, value TEXT)")
        target.execute(
            "INSERT OR REPLACE INTO backup_info VALUES ('reason', ?), ('at', ?), ('source', ?)",
            (reason, now.isoformat(timespec="seconds"), str(store.path)),
        )
        target.commit()
    finally:
        target.close()
        if source is not store.conn:
            source.close()
    if verdict != "ok":
        raise StoreError(f"The backup of {store.path} failed its check ({verdict}); nothing was changed.")


def _unwritable(folder: Path, error: OSError | sqlite3.Error) -> str:
    """Why a backup could not be written, and what to do, in one sentence."""
    text = str(error).lower()
    if getattr(error, "errno", None) == errno.ENOSPC or "full" in text:
        return (f"The disk holding {folder} is full, so the backup made before every change could not "
                f"be written; nothing was changed. Free some space and try again.")
    if isinstance(error, PermissionError) or "unable to open" in text or "readonly" in text:
        return (f"The backups folder {folder} cannot be written to (it is read-only), so the backup "
                f"made before every change could not be written; nothing was changed. Make the folder "
                f"writable, or copy the database to a folder you can write and open it there.")
    reason = getattr(error, "strerror", None) or str(error)
    return f"Could not write a backup to {folder}: {reason}. Nothing was changed."


def daily_backup(store: Store) -> Path | None:
    """The first open of a day makes a backup, unless one was already made that day.

    Nothing to copy before anything was imported, and nothing is written for a read-only or damaged
    file. Returns the backup made, if any.
    """
    if store.readonly or store.damaged:
        return None
    if not store.conn.execute("SELECT 1 FROM imports LIMIT 1").fetchone():
        return None
    today = f"{store.path.stem}-{dt.date.today():%Y%m%d}-"
    if any(backups_dir(store.path).glob(f"{today}*{SUFFIX}")):
        return None
    return make_backup(store, reason="daily, on opening")


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of db_path, newest first."""
    folder = backups_dir(db_path)
    found = []
    for path in folder.glob(f"{db_path.stem}-*{SUFFIX}"):
        found.append(_describe(path))
    return sorted(found, key=lambda b: (b.at, b.path.name), reverse=True)  # the name has microseconds


def _describe(path: Path) -> Backup:
    info: dict[str, str] = {}
    try:
        conn = read_only(path)
        try:
            info = dict(conn.execute("SELECT key, value FROM backup_info").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        info = {"reason": "unreadable"}
    stat = path.stat()
    try:
        at = dt.datetime.fromisoformat(info["at"])
    except (KeyError, ValueError):
        at = dt.datetime.fromtimestamp(stat.st_mtime).astimezone()
    return Backup(path, at, stat.st_size, info.get("reason", ""))


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a backup, even in a folder this user cannot write."""
    return read_only_connection(path)


def prune(folder: Path, stem: str, keep: int = KEEP) -> None:
    """Keep the newest `keep` backups; drop copies left half-made by a program that was killed."""
    backups = sorted(folder.glob(f"{stem}-*{SUFFIX}"), key=lambda p: p.name, reverse=True)
    for old in backups[keep:]:
        old.unlink(missing_ok=True)
    remove_leftovers(folder, f".{stem}-*.partial")


def describe_json(backups: list[Backup]) -> str:
    return json.dumps([b.to_json() for b in backups], indent=2)
