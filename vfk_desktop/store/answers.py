"""Answers worked out from one state of a database, kept on disk so that asking again is a read.

`vfk fare --json` on a full store works out 200 rows with their intervals and tested trends; a
script that asks it again and again, with nothing changed in between, gets the same text back in
a few milliseconds. An answer is kept under:
- the database's state mark, which every committed write gives a new random value (Store.atomic);
- the file's size and modification time and its write-ahead log's size, so that a change made by
  another program, which would not move the mark, is seen too;
- the app's version, and the day (an action's overdue status moves with the date);
- the question itself, in full (it is stored in the file and compared, never trusted to a hash).

Answers live in the user's cache folder, so a read never writes the database and one open read-only
keeps its answers too. A cache that cannot be read or written is simply not used. An answer is kept
only from a file that passed its quick check (a damaged one keeps nothing), so a command may read one
back before checking (open_store(check=False)) and check only when it has to work an answer out.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import zlib
from pathlib import Path

from vfk_desktop import __version__
from vfk_desktop.leftovers import remove_leftovers, tag
from vfk_desktop.store.database import STATE_KEY, Store

KEPT_FOR_S = 7 * 24 * 3600  # answers of files not asked about for a week are removed


def answers_dir() -> Path:
    from vfk_desktop.paths import user_cache_dir

    return user_cache_dir() / "answers"


class AnswerShelf:
    """Where one question's answer about one state of one database is kept."""

    def __init__(self, store: Store, question: tuple[str, ...]) -> None:
        self._store = store
        self._stamp = _stamp(store)
        where = str(store.path.resolve())
        state = json.dumps([__version__, where, self._stamp, time.strftime("%Y-%m-%d")])
        self._key = json.dumps([state, *question])
        # named by file, then state, then question, so a file's answers for other states are found
        self._file_key = _short(where)
        self._state_key = f"{self._file_key}-{_short(state)}"
        self._folder = answers_dir()
        self._path = self._folder / f"{self._state_key}-{_short(self._key)}.answer"

    def taken(self) -> str | None:
        """The answer kept for this question and state, or None."""
        if self._stamp is None:
            return None
        with contextlib.suppress(OSError, UnicodeDecodeError), \
                self._path.open(encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") == self._key:
                return handle.read()
        return None

    def keep(self, text: str) -> None:
        """Keep text as the answer, unless the database changed while it was being worked out (then
        it may mix two states, and is not kept)."""
        if self._stamp is None or self._store.unchecked or _stamp(self._store) != self._stamp:
            return
        with contextlib.suppress(OSError):
            self._folder.mkdir(parents=True, exist_ok=True)
            self._clear_old()
            part = self._path.with_name(f"{self._path.name}.{tag()}.part")
            part.write_text(f"{self._key}\n{text}", encoding="utf-8")
            os.replace(part, self._path)

    def _clear_old(self) -> None:
        """This file's answers for earlier states, any answer not asked for in a week, and the
        half-written answers of programs killed part-way."""
        remove_leftovers(self._folder, "*.part")
        week_ago = time.time() - KEPT_FOR_S
        for kept in self._folder.glob("*.answer"):
            with contextlib.suppress(OSError):
                earlier = (kept.name.startswith(f"{self._file_key}-")
                           and not kept.name.startswith(f"{self._state_key}-"))
                if earlier or kept.stat().st_mtime < week_ago:
                    kept.unlink()


def _stamp(store: Store) -> list[object] | None:
    """The state mark with the file's size and times; None for a file with no mark yet or one that
    is damaged."""
    if store.damaged:
        return None
    try:
        mark = store.meta(STATE_KEY)
        stat = store.path.stat()
        wal = Path(f"{store.path}-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    except (OSError, sqlite3.Error):
        return None
    return None if mark is None else [mark, stat.st_size, stat.st_mtime_ns, wal_size]


def _short(text: str) -> str:
    return f"{zlib.crc32(text.encode()):08x}"
