"""`vfk pull`: bring everything this district does not own from the county store into the local file.

Only what was revised on the store since the last pull is read (a high-water mark), under a shared
lock so no publish is half-way. The rows become one local import through the import machinery: the
same report before anything is written, one transaction, provenance "published by Tunbridge Wells,
2026-12-03 09:12" beside the partner's file, and `vfk undo` takes it back. A row changed here by an
import or an edit since the last pull, and on the store too, is a conflict: shown, not overwritten,
so a pull never loses local work.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from vfk_desktop.county import local_work
from vfk_desktop.county import rows as tables
from vfk_desktop.county.connection import county_connection, where, without_password
from vfk_desktop.county.ownership import COUNTY
from vfk_desktop.county.publish import publisher_of
from vfk_desktop.county.report import Conflict, SyncReport
from vfk_desktop.county.state import marks, save_marks
from vfk_desktop.county.sync_common import (
    SYNC_LOCK,
    Progress,
    ShouldStop,
    lost_connection_said,
    never,
    no_progress,
    step,
)
from vfk_desktop.domain.import_plan import (
    CommentaryRow,
    FigureRow,
    FileInfo,
    ImportPlan,
    NewIndicator,
    Origin,
    RankingRow,
)
from vfk_desktop.store import whole_records
from vfk_desktop.who import current_user

if TYPE_CHECKING:
    import psycopg

    from vfk_desktop.store.connection import Store

_EXTRA = ("revision", "published_by", "published_at")
_CATALOGUE = ("title", "unit", "polarity")  # what a pull takes from the county's catalogue
_FIGURE_TABLES = tuple(table for table in tables.TABLES if table not in tables.LOCAL_WORK)


def pull(store: Store, url: str, *, dry_run: bool = False, overwrite: bool = False,
         progress: Progress = no_progress, should_stop: ShouldStop = never) -> SyncReport:
    """Pull what others published since the last pull; the report says what was (or would be)
    brought in. overwrite: take the store's rows over local work too (undo still puts it back)."""
    import psycopg

    place = where(url)
    mark = marks(store, url)
    with county_connection(url) as conn, lost_connection_said("pulling", place):
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        me = publisher_of(conn)
        fetched: dict[str, list[tuple]] = {}
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock_shared(%s)", (SYNC_LOCK,))
            for number, table in enumerate(_FIGURE_TABLES):
                step(progress, should_stop, number, len(tables.TABLES) + 1,
                     f"reading {table.name}", "pulling")
                fetched[table.name] = _fetch(conn, table, me, mark.pulled)
            step(progress, should_stop, len(_FIGURE_TABLES), len(tables.TABLES) + 1,
                 "reading local priorities and actions", "pulling")
            work = local_work.fetch(conn, me, mark.pulled)
    report = SyncReport("pull", me or "", place, dry_run)
    plan, newest = _plan(store, url, fetched, None if overwrite else mark.local, report)
    newest = max(newest, work.newest)
    step(progress, should_stop, len(tables.TABLES), len(tables.TABLES) + 1, "writing", "pulling")
    from vfk_desktop.store.imports import apply_plan

    result = apply_plan(store, plan, dry_run=True)
    revised = _catalogue_changes(store, fetched["indicators"])
    report.counts["indicators"] = [len(plan.new_indicators), len(revised), 0]
    for local_table, name, planned in (("observations", "figures", plan.figures),
                                 ("rankings", "rankings", plan.rankings),
                                 ("commentary", "commentary", plan.commentary)):
        new, updated = result.by_table.get(local_table) or [0, 0]
        report.counts[name] = [new, updated, len(planned) - new - updated]
    replacements, prints = local_work.plan(store, work, mark.areas, overwrite, report)
    if dry_run or should_stop():
        return report
    with store.atomic():  # the figures and the local priorities and actions: one import
        if report.changed or replacements:
            written = apply_plan(store, plan, note=f"pulled from the county store at {place}")
            report.import_id = written.import_id
            if written.import_id is not None:
                _revise_catalogue(store, written.import_id, revised)
            if replacements and written.import_id is not None:
                prints |= local_work.write(store, written.import_id, replacements, current_user())
        mark.areas = {**mark.areas, **prints}
        mark.pulled = max(mark.pulled, newest)
        mark.pulled_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        latest = store.conn.execute("SELECT max(id) FROM imports").fetchone()
        mark.local = int(latest[0] or 0) if latest else 0
        save_marks(store, url, mark)
    return report


def _catalogue_changes(store: Store, pulled: list[tuple]) -> list[tuple[str, dict, dict]]:
    """(code, here, county) for each indicator this file has whose title, unit or polarity the
    county's catalogue now gives otherwise."""
    held = {row[0]: dict(zip(_CATALOGUE, row[1:], strict=True)) for row in store.conn.execute(
        f"SELECT code, {', '.join(_CATALOGUE)} FROM indicators")}
    changes = []
    for code, title, _theme, unit, polarity, *_rest in pulled:
        here = held.get(code)
        county = {"title": title, "unit": unit, "polarity": polarity}
        if here is not None and here != county:
            changes.append((code, here, county))
    return changes


def _revise_catalogue(store: Store, import_id: int, changes: list[tuple[str, dict, dict]]) -> None:
    """Within the pull's import: the county's title, unit and polarity, each change in the change
    log, so that `vfk undo` puts this file's back."""
    user = current_user()
    for code, here, county in changes:
        store.conn.execute(f"UPDATE indicators SET {', '.join(f'{c} = ?' for c in _CATALOGUE)} "
                           f"WHERE code = ?", (*(county[c] for c in _CATALOGUE), code))
        whole_records.log_catalogue(store.conn, import_id, user, code, here, county)


def _fetch(conn: psycopg.Connection, table: tables.Table, me: str | None, since: int) -> list[tuple]:
    columns = ", ".join((*table.columns, *_EXTRA))
    if not table.per_area:
        if me == COUNTY:
            return []
        return conn.execute(f"SELECT {columns} FROM vfk.{table.name} WHERE revision > %s",
                            (since,)).fetchall()
    return conn.execute(f"SELECT {columns} FROM vfk.{table.name} WHERE revision > %s "
                        f"AND (%s::text IS NULL OR vfk.owner_of(area) <> %s) ORDER BY revision",
                        (since, me, me)).fetchall()


def _provenance(row: tuple, table: tables.Table) -> tuple[str, str | None, str]:
    """(file, sheet, cell): the partner's file with who published it and when."""
    file, sheet, cell = row[len(table.columns) - 3:len(table.columns)]
    by, at = row[-2], row[-1]
    stamp = f"published by {by}, {at.astimezone():%Y-%m-%d %H:%M}"
    return (f"{file} ({stamp})" if file else stamp), sheet, cell or ""


def _plan(store: Store, url: str, fetched: dict[str, list[tuple]], local_mark: int | None,
          report: SyncReport) -> tuple[ImportPlan, int]:
    """The pulled rows as an import plan, less conflicts (none when local_mark is None) and places
    this file does not know."""
    plan = ImportPlan(files=[FileInfo(Path(without_password(url)), f"county store {where(url)}", 0,
                                      "")])
    newest = max((row[-3] for rows in fetched.values() for row in rows), default=0)
    known_areas = {name for (name,) in store.conn.execute("SELECT name FROM areas")}
    known_codes = {code for (code,) in store.conn.execute("SELECT code FROM indicators")}
    unknown_areas: set[str] = set()
    for row in fetched["indicators"]:
        if row[0] not in known_codes:
            plan.new_indicators[row[0]] = NewIndicator(row[0], row[1], row[3],
                                                       Origin("county store", None, 0, ""))
    for table in (tables.FIGURES, tables.RANKINGS, tables.COMMENTARY):
        pulled = fetched[table.name]
        areas = {row[0] for row in pulled}
        local = tables.local_rows(store, table, areas) if pulled else {}
        for row in pulled:
            data = row[:len(table.columns)]
            if data[0] not in known_areas:
                unknown_areas.add(data[0])
                continue
            here = local.get(table.key(data))
            if local_mark is not None and here is not None and not tables.same(table, here[0], data) \
                    and (here[1] or 0) > local_mark and not _was_pulled(store, here[1]):
                report.conflicts.append(Conflict(table.name, table.key(data),
                                                 tables.shown(table, here[0]),
                                                 tables.shown(table, data)))
                continue
            if data[1] not in known_codes and data[1] not in plan.new_indicators:
                plan.new_indicators[data[1]] = NewIndicator(data[1], data[1], None,
                                                            Origin("county store", None, 0, ""))
            _add(plan, table, data, _provenance(row, table))
    if unknown_areas:
        report.notes.append(f"Rows for {', '.join(sorted(unknown_areas))} were left out: this "
                            f"database does not know those places.")
    return plan, int(newest)


def _was_pulled(store: Store, import_id: int | None) -> bool:
    if import_id is None:
        return False
    row = store.conn.execute("SELECT note FROM imports WHERE id = ?", (import_id,)).fetchone()
    return bool(row and row[0] and str(row[0]).startswith("pulled from the county store"))


def _add(plan: ImportPlan, table: tables.Table, data: tuple, origin: tuple[str, str | None, str]) -> None:
    file, sheet, cell = origin
    if table is tables.FIGURES:
        (area, code, period, kind, value, text, missing, count, denominator, low95, high95, low998,
         high998, value_type, multiplier) = data[:15]
        plan.figures[(code, area, period, kind)] = FigureRow(
            code, area, period, kind, value, text, missing, file, sheet, 0, cell, count, denominator,
            low95, high95, low998, high998, value_type, multiplier)
    elif table is tables.RANKINGS:
        area, code, round_, priority = data[:4]
        plan.rankings[(area, code, round_)] = RankingRow(area, code, round_, priority,
                                                         Origin(file, sheet, 0, cell))
    else:
        area, code, period, text = data[:4]
        plan.commentary[(code, area, period)] = CommentaryRow(code, area, period, text,
                                                              Origin(file, sheet, 0, cell))
