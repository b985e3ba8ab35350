"""Local priorities and actions written by an import (a pull from the county store), kept in the
change log as whole records (the row with its links and notes) so that undo can take them back;
and the catalogue's titles, units and polarities a pull revised (table "indicators").

Each entry's old is the record before (None: the import added it) and new the record after (None:
the import removed it). Taking entries back newest first removes what was added and puts back what
was removed, under the ids they had.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from vfk_desktop.store.changes import now_text

WHOLE_TABLES = ("local_priorities", "actions", "indicators")
_CATALOGUE = ("title", "unit", "polarity")

_PRIORITY = ("id", "area_id", "position", "title", "description")
_ACTION = ("id", "area_id", "title", "owner", "due", "status", "local_priority_id", "delivery_plan_id",
           "created_at", "created_by")


def record(conn: sqlite3.Connection, table: str, row_id: int) -> dict[str, Any] | None:
    """The whole stored record: its row, links and (an action's) notes."""
    if table == "local_priorities":
        row = conn.execute(f"SELECT {', '.join(_PRIORITY)} FROM local_priorities WHERE id = ?",
                           (row_id,)).fetchone()
        if row is None:
            return None
        found = dict(zip(_PRIORITY, row, strict=True))
        found["ambitions"] = [a for (a,) in conn.execute(
            "SELECT ambition_id FROM local_priority_ambitions WHERE priority_id = ? ORDER BY ambition_id",
            (row_id,))]
        found["indicators"] = [c for (c,) in conn.execute(
            "SELECT indicator FROM local_priority_indicators WHERE priority_id = ? ORDER BY rowid",
            (row_id,))]
        return found
    row = conn.execute(f"SELECT {', '.join(_ACTION)} FROM actions WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        return None
    found = dict(zip(_ACTION, row, strict=True))
    found["indicators"] = [c for (c,) in conn.execute(
        "SELECT indicator FROM action_indicators WHERE action_id = ? ORDER BY rowid", (row_id,))]
    found["notes"] = [list(n) for n in conn.execute(
        "SELECT at, author, text FROM action_notes WHERE action_id = ? ORDER BY at, id", (row_id,))]
    return found


def put(conn: sqlite3.Connection, table: str, found: dict[str, Any]) -> int:
    """Write a whole record (its id None: a new one); returns its id."""
    if table == "local_priorities":
        row_id = conn.execute(
            f"INSERT INTO local_priorities ({', '.join(_PRIORITY)}) VALUES (?, ?, ?, ?, ?)",
            [found.get(name) for name in _PRIORITY]).lastrowid
        conn.executemany("INSERT OR IGNORE INTO local_priority_ambitions (priority_id, ambition_id) "
                         "VALUES (?, ?)", [(row_id, a) for a in found.get("ambitions", [])])
        conn.executemany("INSERT OR IGNORE INTO local_priority_indicators (priority_id, indicator) "
                         "VALUES (?, ?)", [(row_id, c) for c in found.get("indicators", [])])
        return int(row_id or 0)
    row_id = conn.execute(
        f"INSERT INTO actions ({', '.join(_ACTION)}) VALUES ({', '.join('?' * len(_ACTION))})",
        [found.get(name) for name in _ACTION]).lastrowid
    conn.executemany("INSERT OR IGNORE INTO action_indicators (action_id, indicator) VALUES (?, ?)",
                     [(row_id, c) for c in found.get("indicators", [])])
    conn.executemany("INSERT INTO action_notes (action_id, at, author, text) VALUES (?, ?, ?, ?)",
                     [(row_id, *note) for note in found.get("notes", [])])
    return int(row_id or 0)


def remove(conn: sqlite3.Connection, table: str, row_id: int) -> None:
    if table == "local_priorities":
        conn.execute("DELETE FROM local_priority_ambitions WHERE priority_id = ?", (row_id,))
        conn.execute("DELETE FROM local_priority_indicators WHERE priority_id = ?", (row_id,))
        conn.execute("UPDATE actions SET local_priority_id = NULL WHERE local_priority_id = ?", (row_id,))
        conn.execute("DELETE FROM local_priorities WHERE id = ?", (row_id,))
    else:
        conn.execute("DELETE FROM action_indicators WHERE action_id = ?", (row_id,))
        conn.execute("DELETE FROM action_notes WHERE action_id = ?", (row_id,))
        conn.execute("DELETE FROM actions WHERE id = ?", (row_id,))


def log(conn: sqlite3.Connection, import_id: int, user: str, table: str, row_id: int,
        old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
    conn.execute(
        "INSERT INTO change_log (import_id, at, user, table_name, key, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (import_id, now_text(), user, table, json.dumps([row_id]),
         json.dumps(old) if old is not None else None, json.dumps(new) if new is not None else None))


def log_catalogue(conn: sqlite3.Connection, import_id: int, user: str, code: str,
                  old: dict[str, Any], new: dict[str, Any]) -> None:
    """An indicator's title, unit and polarity before and after an import revised them."""
    conn.execute(
        "INSERT INTO change_log (import_id, at, user, table_name, key, old, new) "
        "VALUES (?, ?, ?, 'indicators', ?, ?, ?)",
        (import_id, now_text(), user, json.dumps([code]), json.dumps(old), json.dumps(new)))


def take_back(conn: sqlite3.Connection, table: str, key: str, old: str | None, new: str | None) -> None:
    """Undo one change-log entry: remove the record the import wrote, put back the one it replaced
    (an indicator: its title, unit and polarity as they were)."""
    if table == "indicators":
        if old is not None:
            before = json.loads(old)
            conn.execute(f"UPDATE indicators SET {', '.join(f'{c} = ?' for c in _CATALOGUE)} "
                         f"WHERE code = ?", (*(before.get(c) for c in _CATALOGUE), *json.loads(key)))
        return
    (row_id,) = json.loads(key)
    if new is not None:
        remove(conn, table, int(row_id))
    if old is not None:
        put(conn, table, json.loads(old))
