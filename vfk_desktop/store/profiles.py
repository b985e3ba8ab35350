"""Header mappings an officer confirmed, reused for later files whose headers are the same."""

from __future__ import annotations

import json
from dataclasses import dataclass

from vfk_desktop.domain.columns import ColumnSpec, Role, headers_signature
from vfk_desktop.domain.errors import UsageError
from vfk_desktop.domain.localities import KENT
from vfk_desktop.store.changes import now_text
from vfk_desktop.store.connection import Store


def save_profile(store: Store, headers: list[str], columns: dict[int, str | ColumnSpec],
                 name: str | None = None, indicator: str | None = None) -> None:
    """Remember that files headed `headers` hold, in column i, columns[i] (a Role name or a spec).

    indicator: the indicator of sheets so headed that have no indicator column.
    """
    specs = [spec if isinstance(spec, ColumnSpec) else _spec(index, Role[spec], headers[index])
             for index, spec in sorted(columns.items())]
    mapping = [s.to_json() for s in specs]
    if indicator:  # read as a column vfk adds after the headings (io/readers/chosen.py)
        mapping.append({"index": len(headers), "role": Role.CODE.name, "area": None, "period": None,
                        "header": "", "given": indicator})
    with store.atomic():
        store.conn.execute(
            "INSERT OR REPLACE INTO import_profiles (headers, name, mapping, created_at) "
            "VALUES (?, ?, ?, ?)",
            (headers_signature(headers), name, json.dumps(mapping), now_text()),
        )


def _spec(index: int, role: Role, header: str) -> ColumnSpec:
    if role is Role.KENT_VALUE:  # a column of Kent's own figures
        return ColumnSpec(index, Role.VALUE, area=KENT, header=header)
    return ColumnSpec(index, role, header=header)


def load_profiles(store: Store) -> dict[str, list[dict]]:
    return {headers: json.loads(mapping) for headers, mapping in
            store.conn.execute("SELECT headers, mapping FROM import_profiles")}


@dataclass(frozen=True)
class Profile:
    """A saved header mapping as `vfk profiles` lists it: the headings it is for and each column's role."""

    name: str | None
    headings: list[str]  # the heading row it is for, as vfk compares headings (lower case, tidied)
    roles: dict[str, str]  # heading as first seen -> role ("locality", "value", "Kent figure" …)
    indicator: str | None  # the indicator of a sheet with no indicator column
    created_at: str

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "headings": self.headings, "roles": self.roles,
                "indicator": self.indicator, "created_at": self.created_at}


def _profile(name: str | None, headers: str, mapping: str, created_at: str) -> Profile:
    roles, indicator = {}, None
    for spec in json.loads(mapping):
        if spec.get("given"):
            indicator = spec["given"]
            continue
        role = Role[spec["role"]]
        if role is Role.VALUE and spec.get("area") == KENT:
            role = Role.KENT_VALUE
        heading = spec.get("header") or f"column {int(spec['index']) + 1}"
        roles[heading] = role.value
    return Profile(name, [h for h in json.loads(headers) if h], roles, indicator, created_at)


def list_profiles(store: Store) -> list[Profile]:
    return [_profile(*row) for row in store.conn.execute(
        "SELECT name, headers, mapping, created_at FROM import_profiles ORDER BY name, created_at")]


def profile_named(store: Store, name: str) -> list[dict]:
    """The column specs of the newest profile called name; a UsageError naming the saved ones."""
    row = store.conn.execute(
        "SELECT mapping FROM import_profiles WHERE lower(name) = lower(?) ORDER BY created_at DESC "
        "LIMIT 1", (name.strip(),)).fetchone()
    if row is None:
        names = sorted({n for (n,) in store.conn.execute(
            "SELECT name FROM import_profiles WHERE name IS NOT NULL")})
        saved = ", ".join(f'"{n}"' for n in names) if names else "none yet"
        raise UsageError(f'There is no saved profile "{name}"; the saved profiles: {saved}.')
    return json.loads(row[0])
