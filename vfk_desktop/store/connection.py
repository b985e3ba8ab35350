"""Opening the database file: version checks, pragmas, upgrades (the Store itself is in
`store.database`; `Store` and `translate_errors` are importable from here too).

Reads use the plain sqlite3 connection (fast to import); sqlite-utils, which imports pandas whenever
it is installed, is loaded only when something writes schema or reference data (`Store.db`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from vfk_desktop import __version__
from vfk_desktop.domain.errors import DamagedDatabase, StoreError
from vfk_desktop.store.database import Store, translate_errors
from vfk_desktop.store.version import SCHEMA_VERSION
from vfk_desktop.store.wal import wal_problem

BUSY_TIMEOUT_S = 5.0
def open_store(
    path: str | os.PathLike[str],
    *,
    create: bool = False,
    readonly: bool = False,
    upgrade: bool = True,
    check: bool = True,
) -> Store:
    """Open (or with create=True make) a database, refusing one newer than this app.

    An older database is upgraded after a backup copy unless upgrade=False. `PRAGMA quick_check`
    runs on every open (about 1 ms on the sample, 7 ms on a 2 MB store); a file that fails it is
    opened read-only with `store.damaged` saying why, so nothing is ever written to it.
    check=False leaves the quick check to `check_now(store)`, for a command that may print an answer
    kept from a checked state of the file, unchanged since (store/answers.py); a file to be upgraded
    is checked at once all the same.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file.")
    if not path.exists():
        if not create:
            raise StoreError(
                f"There is no database at {path}. Run `vfk --db {path} init` to create one."
            )
        if readonly:
            raise StoreError(f"There is no database at {path} to open read-only.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"Cannot create the folder {path.parent}: {error.strerror}.") from error
    if path.exists():
        _refuse_headerless(path)
    if not readonly and path.exists() and not _writable(path):
        readonly = True
    lost_log = wal_problem(path) if path.exists() else None
    if not readonly:
        _clear_leftovers(path)
    try:
        return _opened(path, readonly or lost_log is not None, lost_log, upgrade, check)
    except StoreError:
        if readonly or not path.exists() or not _disk_full(path):
            raise
        return _read_only_on_full_disk(path)


def _opened(path: Path, readonly: bool, lost_log: str | None, upgrade: bool, check: bool) -> Store:
    conn = _connect(path, readonly)
    store = Store(conn, path, readonly)
    try:
        with translate_errors(path):
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            _refuse_foreign_or_newer(store, found)
            store.unchecked = not (lost_log or check or found < SCHEMA_VERSION)
            store.damaged = ([lost_log] if lost_log else [] if store.unchecked
                             else quick_check(conn) if found else [])
            if store.damaged:
                store.readonly = True
                return store
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        if found < SCHEMA_VERSION:
            if readonly or not upgrade:
                raise StoreError(
                    f"{path} was made by an older vfk_desktop (database version {found}); "
                    f"open it once with write access so it can be upgraded to version "
                    f"{SCHEMA_VERSION}."
                )
            from vfk_desktop.store.migrations import upgrade as run_migrations

            run_migrations(store, found)
    except BaseException:
        conn.close()
        raise
    return store


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 256 * 1024
    except OSError:
        return False


def _read_only_on_full_disk(path: Path) -> Store:
    """A full disk cannot take even SQLite's shared-memory file: read the file as it is, changing
    nothing, when no log beside it holds changes not yet in it."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        raise StoreError(f"The disk holding {path} is full, so it cannot be opened; free some space "
                         f"and open it again.")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    store = Store(conn, path, readonly=True)
    store.full_disk = True
    try:
        with translate_errors(path):
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            _refuse_foreign_or_newer(store, found)
        if found < SCHEMA_VERSION:
            raise StoreError(f"The disk holding {path} is full, and the file needs upgrading before "
                             f"it can be read; free some space and open it again.")
    except BaseException:
        conn.close()
        raise
    return store


def _refuse_headerless(path: Path) -> None:
    """An emptied or overwritten file is damage, never a new database to fill."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise StoreError(f"The database {path} cannot be read: {error.strerror}.") from error
    if not header:
        raise DamagedDatabase(path, "the file is empty: 0 bytes")
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise DamagedDatabase(path, "the file does not begin as a database does")


def _clear_leftovers(path: Path) -> None:
    """Temporary copies left by a restore or backup that was killed part-way."""
    from vfk_desktop.leftovers import remove_leftovers
    from vfk_desktop.paths import backups_dir

    remove_leftovers(path.parent, f".{path.name}.restoring.*")
    remove_leftovers(backups_dir(path), f".{path.stem}-*.partial")


def check_now(store: Store) -> None:
    """The quick check that open_store(check=False) left for later; a damaged file becomes read-only."""
    if store.unchecked:
        store.unchecked = False
        with translate_errors(store.path):
            store.damaged = quick_check(store.conn)
        if store.damaged:
            store.readonly = True


def quick_check(conn: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
    """SQLite's quick structural check (or integrity_check): one problem a line, none when whole."""
    lines = (line.strip() for row in conn.execute(f"PRAGMA {pragma}") for line in row[0].splitlines())
    return [line for line in lines if line and line != "ok" and not line.startswith("***")]


def _writable(path: Path) -> bool:
    """Can this process write the file and make its journal beside it?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    try:
        conn = read_only_connection(path) if readonly else sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        raise StoreError(f"The database {path} cannot be opened: {error}.") from error
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def read_only_connection(path: Path) -> sqlite3.Connection:
    """mode=ro; in a folder we cannot write, a WAL file needs immutable=1 (it cannot make its -shm).
    Backups are read so too: one made by an older version is marked WAL."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=BUSY_TIMEOUT_S)


def _refuse_foreign_or_newer(store: Store, found: int) -> None:
    conn, path = store.conn, store.path
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if found == 0 and tables - {"sqlite_sequence"}:
        raise StoreError(
            f"{path} is an SQLite database but not a vfk_desktop one (it has tables "
            f"{', '.join(sorted(tables)[:5])}); choose another file."
        )
    if found > SCHEMA_VERSION:
        made_by = store.meta("app_version") if "meta" in tables else None
        if made_by == __version__:
            raise StoreError(
                f"{path} has database version {found}, but vfk_desktop {__version__} reads versions "
                f"up to {SCHEMA_VERSION}, though the file says this same version wrote it: it was "
                f"changed by a test build or another program. Open it with the build that changed "
                f"it, or put back a backup (`vfk backups`, then `vfk restore`)."
            )
        who = f"vfk_desktop {made_by}" if made_by else "a newer vfk_desktop"
        raise StoreError(
            f"{path} was made by {who} (database version {found}); this is vfk_desktop "
            f"{__version__}, which reads database versions up to {SCHEMA_VERSION}. "
            f"Install the newer version to open it."
        )
