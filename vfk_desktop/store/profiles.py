"""Header mappings an officer confirmed, reused for later files whose headers are the same."""

from __future__ import annotations

import json

from vfk_desktop.domain.columns import ColumnSpec, Role, headers_signature
from vfk_desktop.domain.localities import KENT
from vfk_desktop.store.changes import now_text
from vfk_desktop.store.connection import Store


def save_profile(store: Store, headers: list[str], columns: dict[int, str | ColumnSpec],
                 name: str | None = None) -> None:
    """Remember that files headed `headers` hold, in column i, columns[i] (a Role name or a spec)."""
    specs = [spec if isinstance(spec, ColumnSpec) else _spec(index, Role[spec], headers[index])
             for index, spec in sorted(columns.items())]
    with store.atomic():
        store.conn.execute(
            "INSERT OR REPLACE INTO import_profiles (headers, name, mapping, created_at) "
            "VALUES (?, ?, ?, ?)",
            (headers_signature(headers), name, json.dumps([s.to_json() for s in specs]), now_text()),
        )


def _spec(index: int, role: Role, header: str) -> ColumnSpec:
    if role is Role.KENT_VALUE:  # a column of Kent's own figures
        return ColumnSpec(index, Role.VALUE, area=KENT, header=header)
    return ColumnSpec(index, role, header=header)


def load_profiles(store: Store) -> dict[str, list[dict]]:
    return {headers: json.loads(mapping) for headers, mapping in
            store.conn.execute("SELECT headers, mapping FROM import_profiles")}
