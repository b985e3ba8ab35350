"""Changes typed by hand: a value, a target, a priority, a comment.

Each edit is recorded like an import (an `imports` row of kind "edit" and a change-log entry with the
old and new rows), so figures typed by hand keep their provenance and show in the history. The
window's undo stack undoes an edit by making the opposite edit.
"""

from __future__ import annotations

import json

from vfk_desktop.domain.errors import UnknownIndicator, VfkError
from vfk_desktop.domain.model import Priority
from vfk_desktop.domain.periods import Period, parse_period
from vfk_desktop.domain.values import parse_value
from vfk_desktop.store.changes import TABLES, now_text
from vfk_desktop.store.connection import Store
from vfk_desktop.who import current_user

KINDS = ("value", "target", "best", "worst")


def _area_id(store: Store, name: str) -> int:
    row = store.conn.execute("SELECT id FROM areas WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise VfkError(f'"{name}" is not a place in this database.')
    return row[0]


def _check_indicator(store: Store, code: str) -> None:
    if store.conn.execute("SELECT 1 FROM indicators WHERE code = ?", (code,)).fetchone() is None:
        raise UnknownIndicator(code)


def _record(store: Store, table: str, key: dict[str, object], new: dict[str, object] | None,
            note: str) -> None:
    """Write one row (or delete it when new is None) as an edit, logging what it replaced."""
    columns, key_width = TABLES[table]
    where = " AND ".join(f"{column} = ?" for column in key)
    old_row = store.conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}",
                                 list(key.values())).fetchone()
    old = dict(zip(columns, old_row, strict=True)) if old_row else None
    user = current_user()
    import_id = store.conn.execute(
        "INSERT INTO imports (at, user, kind, note, inserted, updated) VALUES (?, ?, 'edit', ?, ?, ?)",
        (now_text(), user, note, int(old is None and new is not None), int(old is not None)),
    ).lastrowid
    if new is not None:
        row = {column: None for column in columns} | key | new | {"import_id": import_id}
        store.conn.execute(
            f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})", [row[c] for c in columns])
    elif old is not None:
        store.conn.execute(f"DELETE FROM {table} WHERE {where}", list(key.values()))
    if old is not None:
        store.conn.execute(
            "INSERT INTO change_log (import_id, at, user, table_name, key, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (import_id, now_text(), user, table, json.dumps(list(key.values())), json.dumps(old),
             json.dumps(row) if new is not None else None),
        )


def set_figure(store: Store, area: str, code: str, period: str, kind: str, text: str | None) -> None:
    """Type a figure by hand ("1,212", "70.9%", "N/a"); empty text removes it."""
    if kind not in KINDS:
        raise VfkError(f'"{kind}" is not a kind of figure ({", ".join(KINDS)}).')
    label = parse_period(period).label
    _check_indicator(store, code)
    key = {"area_id": _area_id(store, area), "indicator": code, "period": label, "kind": kind}
    new = None
    if text is not None and text.strip():
        parsed = parse_value(text.strip())
        if parsed.problem:
            raise VfkError(f"{parsed.problem}: type a number such as 1,212 or 70.9, or N/a.")
        new = {"value": parsed.value, "text": parsed.text, "missing": parsed.missing}
    with store.atomic():
        _record(store, "observations", key, new, f"{kind} of {code} for {area}, {label}")


def figure_text(store: Store, area: str, code: str, period: str, kind: str) -> str | None:
    """The figure as typed or imported ("1,212"), or None when there is none: what undo restores."""
    row = store.conn.execute(
        "SELECT o.value, o.text FROM observations o JOIN areas a ON a.id = o.area_id "
        "WHERE a.name = ? AND o.indicator = ? AND o.period = ? AND o.kind = ?",
        (area, code, parse_period(period).label, kind)).fetchone()
    if row is None:
        return None
    value, text = row
    if text:
        return text
    return None if value is None else repr(value).removesuffix(".0")


def set_priority(store: Store, locality: str, code: str, round_: Period | str,
                 priority: Priority | None) -> None:
    """Rank an indicator High, Medium or Low for a ranking round; None takes the ranking away."""
    label = parse_period(round_).label
    _check_indicator(store, code)
    key = {"area_id": _area_id(store, locality), "indicator": code, "round": label}
    new = {"priority": priority.value} if priority else None
    what = priority.value if priority else "not ranked"
    with store.atomic():
        _record(store, "rankings", key, new, f"{code} {what} for {locality} ({label})")


def priority_of(store: Store, locality: str, code: str, round_: Period | str) -> Priority | None:
    row = store.conn.execute(
        "SELECT r.priority FROM rankings r JOIN areas a ON a.id = r.area_id "
        "WHERE a.name = ? AND r.indicator = ? AND r.round = ?",
        (locality, code, parse_period(round_).label)).fetchone()
    return Priority(row[0]) if row else None


def set_commentary(store: Store, locality: str, code: str, period: Period | str, text: str | None) -> None:
    label = parse_period(period).label
    _check_indicator(store, code)
    key = {"indicator": code, "area_id": _area_id(store, locality), "period": label}
    new = {"text": text.strip()} if text and text.strip() else None
    with store.atomic():
        _record(store, "commentary", key, new, f"commentary on {code} for {locality}, {label}")


def commentary_of(store: Store, locality: str, code: str, period: Period | str) -> str | None:
    row = store.conn.execute(
        "SELECT c.text FROM commentary c JOIN areas a ON a.id = c.area_id "
        "WHERE a.name = ? AND c.indicator = ? AND c.period = ?",
        (locality, code, parse_period(period).label)).fetchone()
    return row[0] if row else None


def ranking_round(store: Store, locality: str, round_: Period | str) -> dict[str, Priority]:
    """Every indicator's priority in one ranking round."""
    return {code: Priority(priority) for code, priority in store.conn.execute(
        "SELECT r.indicator, r.priority FROM rankings r JOIN areas a ON a.id = r.area_id "
        "WHERE a.name = ? AND r.round = ?", (locality, parse_period(round_).label))}


def replace_round(store: Store, locality: str, round_: Period | str, ranking: dict[str, Priority]) -> None:
    """Make a round's ranking exactly `ranking` (copying from another period), as one action."""
    label = parse_period(round_).label
    current = ranking_round(store, locality, label)
    with store.atomic():
        for code in sorted(set(current) | set(ranking)):
            if current.get(code) != ranking.get(code):
                set_priority(store, locality, code, label, ranking.get(code))
