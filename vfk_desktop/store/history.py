"""Where each figure came from, and the lists the window filters: periods, rounds, observations."""

from __future__ import annotations

from dataclasses import dataclass

from vfk_desktop.domain.codes import code_sort_key
from vfk_desktop.domain.model import Figure
from vfk_desktop.domain.periods import Period, parse_period
from vfk_desktop.store.connection import Store


@dataclass(frozen=True)
class Provenance:
    """Where a stored figure came from: an import's file, sheet and cell, or a hand edit, and who and when."""

    import_id: int | None
    kind: str | None  # "import", "sample" or "edit" (typed by hand)
    file: str | None
    sheet: str | None
    cell: str | None
    at: str | None
    user: str | None

    def describe(self) -> str:
        """ "partner.xlsx, sheet Data, cell D17 (import 3, 24 Nov 2026 10:14, jsmith)"."""
        when = (self.at or "")[:16].replace("T", " ")
        if self.kind == "edit":
            return f"typed by hand by {self.user} on {when}"
        place = ", ".join(p for p in (self.file, f"sheet {self.sheet}" if self.sheet else None,
                                      f"cell {self.cell}" if self.cell else None) if p)
        return f"{place} (import {self.import_id}, {when}, {self.user})" if self.import_id else place


@dataclass(frozen=True)
class Observation:
    """One stored figure of a place, indicator and period, with where it came from."""

    area: str
    code: str
    title: str
    period: Period
    kind: str  # "value", "target", "best" or "worst"
    figure: Figure
    missing: str | None
    provenance: Provenance


_SELECT = """
    SELECT a.name, o.indicator, n.title, o.period, o.kind,
           CASE WHEN abs(o.value) < 1e15 THEN o.value END, o.text, o.missing,
           o.import_id, i.kind, o.file, o.sheet, o.cell, i.at, i.user
    FROM observations o
    JOIN areas a ON a.id = o.area_id
    JOIN indicators n ON n.code = o.indicator
    LEFT JOIN imports i ON i.id = o.import_id
"""


def _observation(row: tuple) -> Observation:
    (area, code, title, period, kind, value, text, missing, import_id, import_kind, file, sheet,
     cell, at, user) = row
    return Observation(area, code, title, parse_period(period), kind, Figure(value, text), missing,
                       Provenance(import_id, import_kind, file, sheet, cell, at, user))


def observations(store: Store, *, area: str | None = None, code: str | None = None,
                 kind: str | None = None, period: str | None = None) -> list[Observation]:
    """Stored figures with their provenance, filtered; in place, indicator and time order."""
    clauses, params = [], []
    for column, wanted in (("a.name", area), ("o.indicator", code), ("o.kind", kind),
                           ("o.period", period)):
        if wanted is not None:
            clauses.append(f"{column} = ?")
            params.append(wanted)
    sql = _SELECT + (" WHERE " + " AND ".join(clauses) if clauses else "")
    rows = [_observation(row) for row in store.conn.execute(sql, params)]
    return sorted(rows, key=lambda o: (o.area, code_sort_key(o.code), o.period.sort_key, o.kind))


def periods_with_values(store: Store, area: str) -> list[Period]:
    """The periods an area has any value for, newest first (the window's period picker)."""
    labels = [p for (p,) in store.conn.execute(
        "SELECT DISTINCT o.period FROM observations o JOIN areas a ON a.id = o.area_id "
        "WHERE a.name = ? AND o.kind = 'value' AND o.value IS NOT NULL", (area,))]
    return sorted((parse_period(p) for p in labels), reverse=True)


def ranking_rounds(store: Store, locality: str) -> list[Period]:
    labels = [p for (p,) in store.conn.execute(
        "SELECT DISTINCT r.round FROM rankings r JOIN areas a ON a.id = r.area_id WHERE a.name = ?",
        (locality,))]
    return sorted((parse_period(p) for p in labels), reverse=True)


@dataclass(frozen=True)
class LastImport:
    """The newest import not undone (edits aside): its number, when it was made, and the files it read."""

    import_id: int
    at: str
    files: str

    def describe(self) -> str:
        return f"Last import: {self.import_id}, {self.at[:16].replace('T', ' ')}, {self.files}"


def last_import(store: Store) -> LastImport | None:
    row = store.conn.execute(
        "SELECT id, at FROM imports WHERE kind != 'edit' AND undone_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    files = ", ".join(n for (n,) in store.conn.execute(
        "SELECT name FROM import_files WHERE import_id = ? ORDER BY position", (row[0],)))
    return LastImport(row[0], row[1], files or "sample data")
