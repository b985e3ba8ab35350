"""The database as it stood before some imports and edits: an in-memory copy with them taken back,
so "what changed since the last Board" compares the same fare table then and now.

The file itself is only read. Each later import is taken back the way `undo` does it (its rows
deleted, the rows it replaced put back from the change log), newest first, in the copy alone.
"""

from __future__ import annotations

import json
import sqlite3

from vfk_desktop.store.changes import TABLES
from vfk_desktop.store.connection import Store
from vfk_desktop.store.whole_records import WHOLE_TABLES, take_back


def imports_after(store: Store, *, import_id: int | None = None, day: str | None = None) -> list[int]:
    """The imports and edits (not undone) made after import_id, or after the day "YYYY-MM-DD"."""
    if import_id is not None:
        rows = store.conn.execute("SELECT id FROM imports WHERE id > ? AND undone_at IS NULL ORDER BY id",
                                  (import_id,))
    else:
        rows = store.conn.execute("SELECT id FROM imports WHERE substr(at, 1, 10) > ? AND undone_at IS NULL "
                                  "ORDER BY id", (day,))
    return [i for (i,) in rows]


def import_exists(store: Store, import_id: int) -> bool:
    return store.conn.execute("SELECT 1 FROM imports WHERE id = ?", (import_id,)).fetchone() is not None


def as_before(store: Store, later: list[int]) -> Store:
    """A read-only-in-spirit copy of the store in memory with the imports in later taken back."""
    copy = sqlite3.connect(":memory:")
    store.conn.backup(copy)
    for import_id in sorted(later, reverse=True):
        for table in TABLES:
            copy.execute(f"DELETE FROM {table} WHERE import_id = ?", (import_id,))
        for table, key, old, new in copy.execute(
                "SELECT table_name, key, old, new FROM change_log WHERE import_id = ? "
                "ORDER BY id DESC", (import_id,)).fetchall():
            if table in WHOLE_TABLES:
                take_back(copy, table, key, old, new)
                continue
            columns, _ = TABLES[table]
            values = json.loads(old)
            copy.execute(f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
                         f"VALUES ({', '.join('?' * len(columns))})", [values.get(c) for c in columns])
        copy.execute("DELETE FROM indicators WHERE added_by_import = ?", (import_id,))
    copy.commit()
    return Store(copy, store.path)
