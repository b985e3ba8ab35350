"""Other districts' local priorities and actions, pulled from the county store into the local file.

A district's local priorities and actions are its own: here they are a read-only copy. When the
store holds anything newer for a district, this file's copy of that district's priorities and
actions is made the store's, as a whole, within the pull's one import (the change log keeps what
was here, so `vfk undo` puts it back). A copy changed here since the last pull (its fingerprint no
longer the one the last pull left) is local work: shown as a conflict, not overwritten, unless
overwrite is asked for.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vfk_desktop.county import rows as tables
from vfk_desktop.county.report import Conflict, SyncReport
from vfk_desktop.store import whole_records

if TYPE_CHECKING:
    import psycopg

    from vfk_desktop.store.connection import Store


@dataclass
class Fetched:
    """The store's copy of each district with newer local priorities or actions, and the newest revision."""

    areas: list[str]  # the districts with anything newer on the store
    rows: dict[str, list[tuple]]  # table name -> every stored row of those districts
    newest: int


@dataclass
class Replacement:
    """One district's local priorities and actions as the store holds them, to replace this copy whole."""

    area: str
    priorities: list[tuple]
    actions: list[tuple]


def fetch(conn: psycopg.Connection, me: str | None, since: int) -> Fetched:
    """Inside the pull's server transaction: the whole store copy of each district (not me) with
    a local priority or action revised since the last pull."""
    touched: set[str] = set()
    newest = 0
    for table in tables.LOCAL_WORK:
        for area, top in conn.execute(
                f"SELECT area, max(revision) FROM vfk.{table.name} WHERE revision > %s "
                f"AND (%s::text IS NULL OR area <> %s) GROUP BY area", (since, me, me)):
            touched.add(str(area))
            newest = max(newest, int(top))
    areas = sorted(touched)
    found = {table.name: conn.execute(
        f"SELECT {', '.join(table.columns)} FROM vfk.{table.name} WHERE area = ANY(%s) "
        f"ORDER BY area, source_id", (areas,)).fetchall() if areas else []
        for table in tables.LOCAL_WORK}
    return Fetched(areas, found, newest)


def _items(priorities: list[tuple], actions: list[tuple]) -> tuple[list[str], list[str]]:
    """Each priority and action as text that does not depend on the ids it has in one database."""
    named = {row[1]: [row[2], row[3]] for row in priorities}
    shown_priorities = [json.dumps(list(row[2:7])) for row in priorities]
    shown_actions = [json.dumps([*row[2:6], named.get(row[6]), *row[7:12]]) for row in actions]
    return shown_priorities, shown_actions


def fingerprint(priorities: list[tuple], actions: list[tuple]) -> str:
    shown_priorities, shown_actions = _items(priorities, actions)
    text = json.dumps([sorted(shown_priorities), sorted(shown_actions)])
    return hashlib.sha256(text.encode()).hexdigest()


def _local(store: Store, area: str) -> tuple[list[tuple], list[tuple]]:
    return ([row for row, _ in tables.local_rows(store, tables.LOCAL_PRIORITIES, {area}).values()],
            [row for row, _ in tables.local_rows(store, tables.ACTIONS, {area}).values()])


def plan(store: Store, fetched: Fetched, pulled: dict[str, str], overwrite: bool,
         report: SyncReport) -> tuple[list[Replacement], dict[str, str]]:
    """What the pull does to each district's copy, counted in report; returns the replacements and
    the fingerprint of each copy found the same as the store's."""
    known = {name for (name,) in store.conn.execute("SELECT name FROM areas")}
    replacements, prints = [], {}
    for table in tables.LOCAL_WORK:
        report.counts.setdefault(table.name, [0, 0, 0])
    for area in fetched.areas:
        if area not in known:
            report.notes.append(f"The local priorities and actions of {area} were left out: this "
                                f"database does not know that place.")
            continue
        theirs = ([row for row in fetched.rows["local_priorities"] if row[0] == area],
                  [row for row in fetched.rows["actions"] if row[0] == area])
        mine = _local(store, area)
        wanted, held = fingerprint(*theirs), fingerprint(*mine)
        here_items, there_items = _items(*mine), _items(*theirs)
        if wanted == held:
            for table, items in zip(tables.LOCAL_WORK, there_items, strict=True):
                report.counts[table.name][2] += len(items)
            prints[area] = wanted
            continue
        if (mine[0] or mine[1]) and not overwrite and pulled.get(area) != held:
            report.conflicts.append(Conflict("local_work", (area,), _described(*mine),
                                             _described(*theirs)))
            continue
        for table, here, there in zip(tables.LOCAL_WORK, here_items, there_items, strict=True):
            same = sum((Counter(here) & Counter(there)).values())
            report.counts[table.name][0] += len(there) - same
            report.counts[table.name][2] += same
            if len(here) > same:
                report.notes.append(f"{len(here) - same} {table.name.replace('_', ' ')} of {area} "
                                    f"here that the county store no longer holds are replaced.")
        replacements.append(Replacement(area, *theirs))
    return replacements, prints


def _described(priorities: list[tuple], actions: list[tuple]) -> str:
    return (f"{len(priorities)} local priorit{'y' if len(priorities) == 1 else 'ies'} and "
            f"{len(actions)} action{'' if len(actions) == 1 else 's'}")


def _split(text: str | None) -> list[str]:
    return [part for part in (text or "").split(";") if part]


def write(store: Store, import_id: int, replacements: list[Replacement], user: str) -> dict[str, str]:
    """Within the pull's import transaction: make each district's copy the store's, every record
    removed or added kept in the change log under import_id; returns each copy's fingerprint."""
    conn = store.conn
    codes = {code for (code,) in conn.execute("SELECT code FROM indicators")}
    ambitions = {number for (number,) in conn.execute("SELECT id FROM ambitions")}
    plans = {title: plan_id for plan_id, title in conn.execute("SELECT id, title FROM delivery_plans")}
    for replacement in replacements:
        (area_id,) = conn.execute("SELECT id FROM areas WHERE name = ?", (replacement.area,)).fetchone()
        for table in ("actions", "local_priorities"):  # actions first: they name the priorities
            for (row_id,) in conn.execute(f"SELECT id FROM {table} WHERE area_id = ? ORDER BY id",
                                          (area_id,)).fetchall():
                old = whole_records.record(conn, table, row_id)
                whole_records.remove(conn, table, row_id)
                whole_records.log(conn, import_id, user, table, row_id, old, None)
        priority_ids: dict[int, int] = {}
        for _area, source_id, position, title, description, amb, codes_text in replacement.priorities:
            record: dict[str, Any] = {
                "id": _free(conn, "local_priorities", source_id), "area_id": area_id,
                "position": position, "title": title, "description": description,
                "ambitions": [int(a) for a in _split(amb) if a.isdigit() and int(a) in ambitions],
                "indicators": [c for c in _split(codes_text) if c in codes]}
            priority_ids[source_id] = _added(conn, import_id, user, "local_priorities", record)
        for (_area, source_id, title, owner, due, status, priority, plan_title, codes_text, notes,
             created_at, created_by) in replacement.actions:
            record = {
                "id": _free(conn, "actions", source_id), "area_id": area_id, "title": title,
                "owner": owner, "due": due, "status": status,
                "local_priority_id": priority_ids.get(priority) if priority is not None else None,
                "delivery_plan_id": plans.get(plan_title) if plan_title else None,
                "created_at": created_at, "created_by": created_by,
                "indicators": [c for c in _split(codes_text) if c in codes],
                "notes": [list(note) for note in json.loads(notes or "[]")]}
            _added(conn, import_id, user, "actions", record)
    return {r.area: fingerprint(*_local(store, r.area)) for r in replacements}


def _free(conn: Any, table: str, wanted: int) -> int | None:
    """The publisher's own number when this file has no row by it (else a new one)."""
    taken = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone()
    return None if taken else wanted


def _added(conn: Any, import_id: int, user: str, table: str, record: dict[str, Any]) -> int:
    row_id = whole_records.put(conn, table, record)
    whole_records.log(conn, import_id, user, table, row_id, None, whole_records.record(conn, table, row_id))
    return row_id
