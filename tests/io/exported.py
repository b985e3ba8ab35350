"""Helpers for the export tests: import files as `vfk import` does, and what a store holds."""

from __future__ import annotations

from pathlib import Path

from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.connection import Store
from vfk_desktop.store.imports import ImportResult, apply_plan, import_context

DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Shepway", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"]


def import_files(store: Store, *paths: Path, dry_run: bool = False) -> ImportResult:
    plan = plan_import(list(paths), import_context(store))
    return apply_plan(store, plan, dry_run=dry_run)


def stored(store: Store, areas: set[str] | None = None, kent_codes: set[str] | None = None
           ) -> dict[str, set[tuple]]:
    """Every observation (all fields but provenance), ranking and comment of areas (all when None),
    and Kent's observations of kent_codes."""

    def wanted(area: str, code: str) -> bool:
        return areas is None or area in areas or (area == "Kent" and code in (kent_codes or set()))

    return {
        "observations": {row for row in store.conn.execute(
            "SELECT a.name, o.indicator, o.period, o.kind, o.value, o.text, o.missing "
            "FROM observations o JOIN areas a ON a.id = o.area_id") if wanted(row[0], row[1])},
        "rankings": {row for row in store.conn.execute(
            "SELECT a.name, r.indicator, r.round, r.priority FROM rankings r "
            "JOIN areas a ON a.id = r.area_id") if areas is None or row[0] in areas},
        "commentary": {row for row in store.conn.execute(
            "SELECT a.name, c.indicator, c.period, c.text FROM commentary c "
            "JOIN areas a ON a.id = c.area_id") if areas is None or row[0] in areas},
    }


def add_values(store: Store, codes: list[str], years: range) -> int:
    """Values of every district and Kent for codes and calendar years (a larger store, quickly)."""
    ids = dict(store.conn.execute("SELECT name, id FROM areas"))
    rows = [(code, ids[area], str(year), "value", float(year % 97) + ids[area] / 10)
            for code in codes for year in years for area in [*DISTRICTS, "Kent"]]
    with store.atomic():
        store.conn.executemany(
            "INSERT OR REPLACE INTO observations (indicator, area_id, period, kind, value) "
            "VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)
