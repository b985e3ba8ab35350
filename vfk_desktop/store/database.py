"""The Store: one connection to one database file, its transactions and its cache, and sqlite3's
errors as sentences. Opening a file (version checks, pragmas, upgrades) is `store.connection`'s."""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from vfk_desktop.domain.errors import DamagedDatabase, StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

_savepoints = itertools.count(1)

# meta key of the database's state mark: a new random value with every committed write, so an
# answer worked out from one state is never taken for another's (store.answers)
STATE_KEY = "state"


class Store:
    """One connection to one database file, for use on one thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.damaged: list[str] = []  # what PRAGMA quick_check found when the file was opened
        self.unchecked = False  # the quick check is still to run (connection.check_now)
        self.full_disk = False  # opened read-only because its disk had no room even to open it
        self._db: Database | None = None
        self._cache: dict[object, object] = {}
        self._cache_version: tuple[int, int] | None = None
        self._computing = 0  # how deep cached() is inside compute()s
        self._commits = 0

    @property
    def db(self) -> Database:
        """The same connection seen through sqlite-utils (imported on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Store]:
        """All of the block's writes, or none of them; nested blocks become savepoints."""
        self.require_writable()
        if self.conn.in_transaction:
            name = f"vfk_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        with translate_errors(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            with translate_errors(self.path):  # a full disk or a lost file half-way through, too
                yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            with translate_errors(self.path):
                try:
                    self.set_meta(STATE_KEY, os.urandom(16).hex())
                    self.conn.commit()
                except BaseException:
                    self.conn.rollback()
                    raise
        finally:
            self._commits += 1  # cached answers may be stale now

    def require_writable(self) -> None:
        """Refuse, in a sentence, any write to a read-only or damaged database."""
        if self.damaged:
            raise StoreError(
                f"{self.path} is damaged ({self.damaged[0]}), so nothing will be written to it; "
                f"put back a good backup first (`vfk backups`, then `vfk restore`)."
            )
        if self.full_disk:
            raise StoreError(f"The disk holding {self.path} is full, so it is open read-only; free "
                             f"some space and open it again to make changes.")
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only; nothing can be changed in it.")

    def cached(self, key: object, compute):
        """compute(), remembered until this or any other connection changes the database.

        For answers that do not depend on what the window shows (the catalogue, Kent's figures),
        so switching locality does not read them again. PRAGMA data_version moves when another
        connection commits; this connection's own commits are counted in atomic().
        """
        if not self._computing:  # an answer worked out inside another's is checked with it
            self._forget_if_changed()
        if key not in self._cache:
            self._computing += 1
            try:
                self._cache[key] = compute()
            finally:
                self._computing -= 1
        return self._cache[key]

    def kept(self, key: object) -> object | None:
        """What cached() remembers for key while the database is unchanged, else None (nothing is
        worked out). Asked inside a write transaction, the answer cannot go stale before its end."""
        self._forget_if_changed()
        return self._cache.get(key)

    def _forget_if_changed(self) -> None:
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self._commits)
        if version != self._cache_version:
            self._cache.clear()
            self._cache_version = version

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file now, so that a -wal file lost or damaged
        later loses nothing (passive: it never waits for readers)."""
        if self.readonly or self.damaged:
            return
        with contextlib.suppress(sqlite3.Error):  # a closed connection, too
            if not self.conn.in_transaction:
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        self.checkpoint()
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """sqlite3's errors as sentences that say what to do."""
    try:
        yield
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise StoreError(
                f"The database {path} is busy: another program (perhaps vfk_desktop in another "
                f"window) is writing to it. Try again in a moment."
            ) from error
        if "readonly" in text or "read-only" in text:
            raise StoreError(f"The database {path} cannot be written to (it is read-only).") from error
        if "disk is full" in text or "full" in text:
            raise StoreError(
                f"The disk holding {path} is full; nothing was changed. Free some space and try again."
            ) from error
        if "unable to open" in text:
            raise StoreError(f"The database {path} cannot be opened: {error}.") from error
        if "disk i/o error" in text:
            raise StoreError(
                f"The disk holding {path} could not be written to (disk I/O error); nothing was "
                f"changed. Check the disk or network drive and try again."
            ) from error
        raise
    except sqlite3.DatabaseError as error:
        if type(error) is not sqlite3.DatabaseError:  # a broken constraint is a bug, not damage
            raise
        raise DamagedDatabase(path, str(error)) from error
