"""An LSP's own priorities ("Meeting the need for housing"), each tied to Ambitions and indicators."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vfk_desktop.domain.codes import parse_code
from vfk_desktop.domain.errors import UnknownIndicator, VfkError
from vfk_desktop.store.connection import Store
from vfk_desktop.store.reference import read_csv


@dataclass(frozen=True)
class LocalPriority:
    """One of a district's own priorities, with the Ambitions and indicators it is tied to."""

    id: int | None
    locality: str
    position: int
    title: str
    description: str | None = None
    ambitions: tuple[int, ...] = field(default_factory=tuple)
    indicators: tuple[str, ...] = field(default_factory=tuple)
    # as the store names them ("1 To grow the economy"), for every face that lists them
    ambition_names: tuple[str, ...] = field(default_factory=tuple, compare=False)


def area_id(store: Store, name: str) -> int:
    row = store.conn.execute("SELECT id FROM areas WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise VfkError(f'"{name}" is not a place in this database.')
    return row[0]


def local_priorities(store: Store, locality: str) -> list[LocalPriority]:
    conn = store.conn
    rows = conn.execute(
        "SELECT p.id, p.position, p.title, p.description FROM local_priorities p "
        "JOIN areas a ON a.id = p.area_id WHERE a.name = ? ORDER BY p.position, p.id",
        (locality,),
    ).fetchall()
    result = []
    names = dict(conn.execute("SELECT id, title FROM ambitions"))
    for pid, position, title, description in rows:
        ambitions = tuple(a for (a,) in conn.execute(
            "SELECT ambition_id FROM local_priority_ambitions WHERE priority_id = ? "
            "ORDER BY ambition_id", (pid,)))
        indicators = tuple(i for (i,) in conn.execute(
            "SELECT indicator FROM local_priority_indicators WHERE priority_id = ? "
            "ORDER BY rowid", (pid,)))
        result.append(LocalPriority(pid, locality, position, title, description, ambitions,
                                    indicators, tuple(f"{n} {names.get(n, '')}".strip() for n in ambitions)))
    return result


def save_local_priority(store: Store, priority: LocalPriority) -> int:
    """Insert (id None) or replace a local priority with its links; returns its id."""
    if not priority.title.strip():
        raise VfkError("A local priority needs a title.")
    known = {code for (code,) in store.conn.execute("SELECT code FROM indicators")}
    unknown = [code for code in priority.indicators if code not in known]
    if unknown:
        raise UnknownIndicator(', '.join(unknown))
    with store.atomic():
        where = area_id(store, priority.locality)
        if priority.id is None:
            pid = store.conn.execute(
                "INSERT INTO local_priorities (area_id, position, title, description) "
                "VALUES (?, ?, ?, ?)",
                (where, priority.position, priority.title.strip(), priority.description),
            ).lastrowid
        else:
            pid = priority.id
            store.conn.execute(
                "INSERT OR REPLACE INTO local_priorities (id, area_id, position, title, description) "
                "VALUES (?, ?, ?, ?, ?)",
                (pid, where, priority.position, priority.title.strip(), priority.description),
            )
            store.conn.execute("DELETE FROM local_priority_ambitions WHERE priority_id = ?", (pid,))
            store.conn.execute("DELETE FROM local_priority_indicators WHERE priority_id = ?", (pid,))
        store.conn.executemany(
            "INSERT INTO local_priority_ambitions (priority_id, ambition_id) VALUES (?, ?)",
            [(pid, a) for a in sorted(set(priority.ambitions))],
        )
        store.conn.executemany(
            "INSERT OR IGNORE INTO local_priority_indicators (priority_id, indicator) VALUES (?, ?)",
            [(pid, code) for code in priority.indicators],
        )
    return pid


def delete_local_priority(store: Store, priority_id: int) -> None:
    with store.atomic():
        store.conn.execute("DELETE FROM local_priorities WHERE id = ?", (priority_id,))


def load_local_priorities_csv(store: Store, path: Path) -> int:
    """Add the priorities in a CSV (District, Position, Priority, Ambitions, Indicators) for any
    locality that has none yet; returns how many were added."""
    rows = read_csv(path)
    have = {name for (name,) in store.conn.execute(
        "SELECT DISTINCT a.name FROM local_priorities p JOIN areas a ON a.id = p.area_id")}
    added = 0
    with store.atomic():
        for row in rows:
            if row["District"] in have:
                continue
            save_local_priority(store, LocalPriority(
                None, row["District"], int(row["Position"]), row["Priority"],
                ambitions=tuple(int(a) for a in row["Ambitions"].split(";") if a.strip()),
                indicators=tuple(parse_code(c) for c in row["Indicators"].split(";") if c.strip()),
            ))
            added += 1
    return added
