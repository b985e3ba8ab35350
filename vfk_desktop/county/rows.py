"""The rows the county store carries, column for column, and reading them from the local file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vfk_desktop.county.ownership import COUNTY
from vfk_desktop.domain.model import format_number

if TYPE_CHECKING:
    import sqlite3

    from vfk_desktop.store.connection import Store

STATISTICS = ("count", "denominator", "lower_95", "upper_95", "lower_99_8", "upper_99_8")


@dataclass(frozen=True)
class Table:
    """One table the county store carries: its columns, how many make the key, and which are data."""

    name: str  # in the county store (schema vfk)
    columns: tuple[str, ...]
    key_width: int
    data: slice  # the columns whose change is a change (not where the row came from)
    per_area: bool = True

    def key(self, row: tuple) -> tuple:
        return row[:self.key_width]


FIGURES = Table("figures", ("area", "indicator", "period", "kind", "value", "text", "missing",
                            *STATISTICS, "value_type", "multiplier", "file", "sheet", "cell"), 4,
                slice(4, 15))
RANKINGS = Table("rankings", ("area", "indicator", "round", "priority", "file", "sheet", "cell"), 3,
                 slice(3, 4))
COMMENTARY = Table("commentary", ("area", "indicator", "period", "text", "file", "sheet", "cell"), 3,
                   slice(3, 4))
INDICATORS = Table("indicators", ("code", "title", "theme", "unit", "polarity", "tolerance", "ka2"),
                   1, slice(1, 7), per_area=False)
# A district's local priorities and actions, each named by the number it has in that district's
# own database (source_id); lists are kept as "a;b" and an action's notes as JSON.
LOCAL_PRIORITIES = Table("local_priorities", ("area", "source_id", "position", "title", "description",
                                              "ambitions", "indicators"), 2, slice(2, 7))
ACTIONS = Table("actions", ("area", "source_id", "title", "owner", "due", "status", "local_priority",
                            "delivery_plan", "indicators", "notes", "created_at", "created_by"), 2,
                slice(2, 10))
TABLES = (INDICATORS, FIGURES, RANKINGS, COMMENTARY, LOCAL_PRIORITIES, ACTIONS)
LOCAL_WORK = (LOCAL_PRIORITIES, ACTIONS)

# The server's type of each column that is not text, for COPY in binary (which, sparing the server
# from reading numbers written out as text, sends a publish's rows about a third faster).
_TYPES = {**dict.fromkeys(("value", *STATISTICS, "multiplier", "tolerance"), "float8"), "ka2": "bool",
          "source_id": "int8", "local_priority": "int8", "position": "int4", "revision": "int8",
          "published_at": "timestamptz"}


def server_types(columns: tuple[str, ...]) -> list[str]:
    return [_TYPES.get(name, "text") for name in columns]


_LOCAL = {
    "figures": "SELECT a.name, o.indicator, o.period, o.kind, o.value, o.text, o.missing, "
               + ", ".join(f"o.{name}" for name in STATISTICS)
               + ", o.value_type, o.multiplier, o.file, o.sheet, o.cell, o.import_id FROM observations o "
               "JOIN areas a ON a.id = o.area_id",
    "rankings": "SELECT a.name, r.indicator, r.round, r.priority, r.file, r.sheet, r.cell, r.import_id "
                "FROM rankings r JOIN areas a ON a.id = r.area_id",
    "commentary": "SELECT a.name, c.indicator, c.period, c.text, c.file, c.sheet, c.cell, c.import_id "
                  "FROM commentary c JOIN areas a ON a.id = c.area_id",
    "local_priorities": "SELECT a.name, p.id, p.position, p.title, p.description, "
                        "(SELECT group_concat(ambition_id, ';') FROM (SELECT ambition_id FROM "
                        "local_priority_ambitions WHERE priority_id = p.id ORDER BY ambition_id)), "
                        "(SELECT group_concat(indicator, ';') FROM (SELECT indicator FROM "
                        "local_priority_indicators WHERE priority_id = p.id ORDER BY rowid)), NULL "
                        "FROM local_priorities p JOIN areas a ON a.id = p.area_id",
    "actions": "SELECT a.name, x.id, x.title, x.owner, x.due, x.status, x.local_priority_id, "
               "(SELECT d.title FROM delivery_plans d WHERE d.id = x.delivery_plan_id), "
               "(SELECT group_concat(indicator, ';') FROM (SELECT indicator FROM action_indicators "
               "WHERE action_id = x.id ORDER BY rowid)), "
               "(SELECT json_group_array(json_array(at, author, text)) FROM (SELECT at, author, text "
               "FROM action_notes WHERE action_id = x.id ORDER BY at, id)), x.created_at, x.created_by, "
               "NULL FROM actions x JOIN areas a ON a.id = x.area_id",
    "indicators": "SELECT i.code, i.title, t.name, i.unit, i.polarity, i.tolerance, i.ka2 = 1, 0 "
                  "FROM indicators i LEFT JOIN themes t ON t.id = i.theme_id",
}


def districts(store: Store) -> frozenset[str]:
    return frozenset(name for (name,) in store.conn.execute(
        "SELECT name FROM areas WHERE kind = 'district'"))


def local_rows(store: Store, table: Table, areas: set[str] | None,
               exclude: set[str] | None = None) -> dict[tuple, tuple[tuple, int | None]]:
    """The local rows of table, keyed, each with the import that wrote it: those of areas (every
    area when None), less those of exclude. SQLite keeps a whole number in a REAL column as a
    REAL, so values come back as the server's double precision does."""
    width = table.key_width
    if table.per_area:
        return {row[:width]: (row[:-1], row[-1]) for row in _read(store, table, areas, exclude)}
    return {row[:width]: ((*row[:-2], bool(row[-2])), row[-1])  # the catalogue: KA2 is yes or no
            for row in _read(store, table, areas, exclude)}


def local_list(store: Store, table: Table, areas: set[str] | None,
               exclude: set[str] | None = None) -> list[tuple]:
    """The same rows as local_rows, as a plain list (a first publish sends them all, unkeyed)."""
    if table.per_area:
        return [row[:-1] for row in _read(store, table, areas, exclude)]
    return [(*row[:-2], bool(row[-2])) for row in _read(store, table, areas, exclude)]


def _read(store: Store, table: Table, areas: set[str] | None,
          exclude: set[str] | None) -> sqlite3.Cursor:
    query, params = _LOCAL[table.name], []
    if table.per_area and areas is not None:
        query += f" WHERE a.name IN ({', '.join('?' * len(areas))})"
        params.extend(sorted(areas))
    elif table.per_area and exclude:
        query += f" WHERE a.name NOT IN ({', '.join('?' * len(exclude))})"
        params.extend(sorted(exclude))
    return store.conn.execute(query, params)


def _plain(value: object) -> object:
    """An integer where a figure is compared (a value typed as 12 equals the server's 12.0)."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def same(table: Table, left: tuple, right: tuple) -> bool:
    """The same figure, ranking, comment or catalogue entry, wherever each came from."""
    return tuple(map(_plain, left[table.data])) == tuple(map(_plain, right[table.data]))


def shown(table: Table, row: tuple) -> str:
    """The row's figure as an officer reads it ("1,212", "N/a", "High"), for a conflict's report;
    a local priority by its title, an action by its title and status."""
    if table is LOCAL_PRIORITIES:
        return f"“{row[3]}”"
    if table is ACTIONS:
        return f"“{row[2]}” ({row[5]}, due {row[4] or 'no date'})"
    values = [value for value in row[table.data] if value is not None]
    if not values:
        return "blank"
    return format_number(values[0]) if isinstance(values[0], float) else str(values[0])


def owned_areas(store: Store, publisher: str) -> tuple[set[str] | None, set[str] | None]:
    """(areas, exclude) for local_rows: a district's own rows, or the county's (every place that is
    not one of the 12 districts)."""
    if publisher == COUNTY:
        return None, set(districts(store))
    return {publisher}, None
