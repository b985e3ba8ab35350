"""Actions and their progress notes in the store; every change is one transaction and a change-log
entry holding the action before and after, so the history shows it and undo can put it back."""

from __future__ import annotations

import datetime as dt
import json

from vfk_desktop.domain.actions import Action, ActionStatus, Note, check_action
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.store.changes import now_text
from vfk_desktop.store.connection import Store
from vfk_desktop.store.local_priorities import area_id
from vfk_desktop.who import current_user

_SELECT = ("SELECT x.id, a.name, x.title, x.owner, x.due, x.status, x.local_priority_id, "
           "x.delivery_plan_id FROM actions x JOIN areas a ON a.id = x.area_id")


def actions(store: Store, locality: str | None = None) -> list[Action]:
    """The locality's actions (every district's when None), soonest due first."""
    sql, params = _SELECT, []
    if locality is not None:
        sql, params = sql + " WHERE a.name = ?", [locality]
    rows = store.conn.execute(sql + " ORDER BY x.due IS NULL, x.due, x.id", params).fetchall()
    links: dict[int, list[str]] = {}
    for action_id, code in store.conn.execute(
            "SELECT action_id, indicator FROM action_indicators ORDER BY rowid"):
        links.setdefault(action_id, []).append(code)
    notes: dict[int, list[Note]] = {}
    for action_id, at, author, text in store.conn.execute(
            "SELECT action_id, at, author, text FROM action_notes ORDER BY at, id"):
        notes.setdefault(action_id, []).append(Note(at, author, text))
    return [Action(i, name, title, owner, dt.date.fromisoformat(due) if due else None,
                   ActionStatus(status), tuple(links.get(i, ())), tuple(notes.get(i, ())), lp, plan)
            for i, name, title, owner, due, status, lp, plan in rows]


def action(store: Store, action_id: int) -> Action:
    row = store.conn.execute("SELECT a.name FROM actions x JOIN areas a ON a.id = x.area_id "
                             "WHERE x.id = ?", (action_id,)).fetchone()
    if row is None:
        raise VfkError(f"There is no action {action_id}; `vfk actions --locality NAME` lists them.")
    return next(a for a in actions(store, row[0]) if a.id == action_id)


def save_action(store: Store, new: Action) -> int:
    """Add an action (id None) or make a stored one exactly new, notes and all; returns its id."""
    check_action(new)
    known = {code for (code,) in store.conn.execute("SELECT code FROM indicators")}
    unknown = [code for code in new.indicators if code not in known]
    if unknown:
        raise VfkError(f"{', '.join(unknown)} is not in the indicator catalogue.")
    with store.atomic():
        where = area_id(store, new.locality)
        old = _as_json(action(store, new.id)) if new.id is not None and _exists(store, new.id) else None
        values = (where, new.title.strip(), new.owner.strip(), new.due.isoformat() if new.due else None,
                  new.status.value, new.local_priority, new.delivery_plan)
        if new.id is not None and _exists(store, new.id):
            store.conn.execute(
                "UPDATE actions SET area_id = ?, title = ?, owner = ?, due = ?, status = ?, "
                "local_priority_id = ?, delivery_plan_id = ? WHERE id = ?", (*values, new.id))
            action_id = new.id
        else:
            action_id = store.conn.execute(
                "INSERT INTO actions (id, area_id, title, owner, due, status, local_priority_id, "
                "delivery_plan_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (new.id, *values, now_text(), current_user())).lastrowid
        store.conn.execute("DELETE FROM action_indicators WHERE action_id = ?", (action_id,))
        store.conn.executemany("INSERT OR IGNORE INTO action_indicators VALUES (?, ?)",
                               [(action_id, code) for code in new.indicators])
        store.conn.execute("DELETE FROM action_notes WHERE action_id = ?", (action_id,))
        store.conn.executemany(
            "INSERT INTO action_notes (action_id, at, author, text) VALUES (?, ?, ?, ?)",
            [(action_id, n.at, n.author, n.text) for n in new.notes])
        _log(store, action_id, old, _as_json(action(store, action_id)))
    return action_id


def delete_action(store: Store, action_id: int) -> None:
    with store.atomic():
        old = _as_json(action(store, action_id))
        store.conn.execute("DELETE FROM actions WHERE id = ?", (action_id,))
        _log(store, action_id, old, None)


def update_action(store: Store, action_id: int, *, status: ActionStatus | None = None,
                  note: str | None = None, due: dt.date | None = None) -> Action:
    """Change an action's status or due date and add a progress note (dated, with its author)."""
    current = action(store, action_id)
    notes = current.notes
    if note is not None and note.strip():
        notes += (Note(now_text(), current_user(), note.strip()),)
    elif status is None and due is None:
        raise VfkError("Give a new --status, --due or --note for the action.")
    changed = Action(current.id, current.locality, current.title, current.owner,
                     due or current.due, status or current.status, current.indicators, notes,
                     current.local_priority, current.delivery_plan)
    save_action(store, changed)
    return changed


def _exists(store: Store, action_id: int) -> bool:
    return store.conn.execute("SELECT 1 FROM actions WHERE id = ?", (action_id,)).fetchone() is not None


def _as_json(found: Action) -> str:
    return json.dumps(found.to_json() | {"status": found.status.value, "locality": found.locality})


def _log(store: Store, action_id: int, old: str | None, new: str | None) -> None:
    """A change-log entry of its own (no import: `vfk undo` takes back imports, the window's undo
    takes back actions)."""
    store.conn.execute(
        "INSERT INTO change_log (import_id, at, user, table_name, key, old, new) "
        "VALUES (NULL, ?, ?, 'actions', ?, ?, ?)",
        (now_text(), current_user(), json.dumps([action_id]), old, new))


def merge_actions(store: Store, locality: str, found: list[Action]) -> tuple[int, int, int]:
    """Take back the actions of an exported KA2 return, as one transaction: an action with the same
    number for the same district is made as the file gives it; any other is added. Returns
    (added, updated, unchanged)."""
    known = {code for (code,) in store.conn.execute("SELECT code FROM indicators")}
    for item in found:
        check_action(item)
        unknown = [code for code in item.indicators if code not in known]
        if unknown:
            raise VfkError(f"The action “{item.title}” names {', '.join(unknown)}, which is not in the "
                           f"indicator catalogue.")
    held = {a.id: a for a in actions(store, locality)}
    taken = {i for (i,) in store.conn.execute("SELECT id FROM actions")}
    added = updated = unchanged = 0
    with store.atomic():
        for item in found:
            if held.get(item.id) == item:
                unchanged += 1
            elif item.id in held:
                save_action(store, item)
                updated += 1
            else:
                save_action(store, item if item.id not in taken else Action(
                    None, *(getattr(item, f) for f in ("locality", "title", "owner", "due", "status",
                                                       "indicators", "notes"))))
                added += 1
    return added, updated, unchanged


def link_choices(store: Store, locality: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """What an action may also serve: the locality's local priorities and the delivery plans."""
    priorities = store.conn.execute(
        "SELECT p.id, p.title FROM local_priorities p JOIN areas a ON a.id = p.area_id "
        "WHERE a.name = ? ORDER BY p.position", (locality,)).fetchall()
    plans = store.conn.execute("SELECT id, title FROM delivery_plans ORDER BY title").fetchall()
    return priorities, plans
