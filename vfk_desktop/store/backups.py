"""Consistent copies of the database in a `backups` folder beside it; the newest few are kept.

A copy is made with SQLite's online backup API into a temporary name, checked with
`PRAGMA quick_check`, and only then renamed: a half-written file never carries a backup's name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vfk_desktop.domain.errors import StoreError
from vfk_desktop.paths import backups_dir
from vfk_desktop.store.database import Store

KEEP = 20
SUFFIX = ".vfkbackup.db"


@dataclass(frozen=True)
class Backup:
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
    """Copy the open database to its backups folder; returns the new file."""
    folder = backups_dir(store.path)
    now = dt.datetime.now().astimezone()
    stem = f"{store.path.stem}-{now:%Y%m%d-%H%M%S-%f}"
    final = folder / f"{stem}{SUFFIX}"
    partial = folder / f".{stem}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(partial)
        try:
            store.conn.backup(target)
            verdict = target.execute("PRAGMA quick_check").fetchone()[0]
            target.execute("CREATE TABLE IF NOT EXISTS backup_info (key TEXT PRIMARY KEY, value TEXT)")
            target.execute(
                "INSERT OR REPLACE INTO backup_info VALUES ('reason', ?), ('at', ?), ('source', ?)",
                (reason, now.isoformat(timespec="seconds"), str(store.path)),
            )
            target.commit()
        finally:
            target.close()
        if verdict != "ok":
            partial.unlink(missing_ok=True)
            raise StoreError(f"The backup of {store.path} failed its check ({verdict}).")
        os.replace(partial, final)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError(
            f"Could not write a backup to {folder}: {error.strerror or error}. Nothing was changed."
        ) from error
    prune(folder, store.path.stem)
    return final


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
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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


def prune(folder: Path, stem: str, keep: int = KEEP) -> None:
    """Keep the newest `keep` backups; drop copies left half-made by a program killed an hour ago."""
    backups = sorted(folder.glob(f"{stem}-*{SUFFIX}"), key=lambda p: p.name, reverse=True)
    for old in backups[keep:]:
        old.unlink(missing_ok=True)
    an_hour_ago = dt.datetime.now().timestamp() - 3600
    for partial in folder.glob(f".{stem}-*.partial"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < an_hour_ago:
                partial.unlink()


def describe_json(backups: list[Backup]) -> str:
    return json.dumps([b.to_json() for b in backups], indent=2)
