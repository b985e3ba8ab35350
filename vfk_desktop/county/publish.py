"""`vfk publish`: send what this district (or the county) owns to the county store.

Only rows that differ from the store's are sent, in one server transaction: COPY into a temporary
table, then one INSERT … ON CONFLICT per table. A row changed on the store since our last publish
(someone else's publish from another copy of this district's file) is a conflict: reported, not
overwritten, unless overwrite is asked for. Rows on the store that this file no longer holds are left
there and counted. A dropped connection leaves nothing half-written (the server rolls back), and
publishing again sends the same rows once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vfk_desktop.county import rows as tables
from vfk_desktop.county.connection import county_connection, where
from vfk_desktop.county.ownership import COUNTY, owns_catalogue
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
from vfk_desktop.domain.errors import VfkError

if TYPE_CHECKING:
    import psycopg

    from vfk_desktop.store.connection import Store


def publisher_of(conn: psycopg.Connection) -> str | None:
    """The place the connected role publishes for (None: a role that only reads)."""
    row = conn.execute("SELECT area FROM vfk.writers WHERE role_name = current_user").fetchone()
    return str(row[0]) if row else None


# Up to this many rows go in with one INSERT … VALUES; more through COPY and a temporary table.
FEW = 100


@dataclass
class Batch:
    """The rows of one table a publish sends; first: the store holds none of the publisher's yet."""

    table: tables.Table
    rows: list[tuple]
    first: bool


class _DryRun(Exception):
    """Leaves the server transaction, rolling it back, once a dry run has its report."""


def publish(store: Store, url: str, locality: str | None = None, *, dry_run: bool = False,
            overwrite: bool = False, progress: Progress = no_progress,
            should_stop: ShouldStop = never) -> SyncReport:
    """Publish locality's rows (default: the place the role publishes for); the report says what was
    (or, dry_run, would be) sent."""
    place = where(url)
    with county_connection(url) as conn, lost_connection_said("publishing", place):
        publisher = locality or publisher_of(conn)
        if publisher is None:
            raise VfkError(f"Your role on the county store at {place} publishes for no district "
                           f"(it may only read); pull instead, or ask the county's IT for your "
                           f"district's role.")
        if publisher != COUNTY and publisher not in tables.districts(store):
            raise VfkError(f"{publisher} is not one of the 12 districts or Kent.")
        report = SyncReport("publish", publisher, place, dry_run)
        mark = marks(store, url)
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (SYNC_LOCK,))
                batches = _compare(conn, store, publisher, mark.published, overwrite, report,
                                   progress, should_stop)
                if dry_run:
                    raise _DryRun
                at = dt.datetime.now(dt.UTC)
                total = len(batches) + 1
                # One revision for the whole publish: the lock above keeps revisions in commit order.
                revision = conn.execute("SELECT nextval('vfk.revisions')").fetchone()[0]
                own = _own_partition(conn, publisher)
                for number, batch in enumerate(batches):
                    step(progress, should_stop, number, total, f"sending {batch.table.name}",
                         "publishing")
                    if batch.rows and batch.first and batch.table is tables.FIGURES and own:
                        _copy_straight_in(conn, own, batch, (revision, publisher, at))
                    elif batch.rows:
                        _send(conn, batch, (revision, publisher, at))
                step(progress, should_stop, len(batches), total, "finishing", "publishing")
                sent = any(batch.rows for batch in batches)
                newest = revision if sent else _newest_revision(conn, publisher)
        except _DryRun:
            return report
    with store.atomic():
        mark.published, mark.published_at = newest, at.isoformat(timespec="seconds")
        save_marks(store, url, mark)
    return report


def _compare(conn: psycopg.Connection, store: Store, publisher: str, published: int | None,
             overwrite: bool, report: SyncReport, progress: Progress,
             should_stop: ShouldStop) -> list[Batch]:
    """For each table the publisher sends, the local rows that differ from the store's."""
    areas, exclude = tables.owned_areas(store, publisher)
    sending = [table for table in tables.TABLES if table.per_area or owns_catalogue(publisher)]
    held = _holding(conn, sending, publisher)
    batches = []
    for number, table in enumerate(sending):
        step(progress, should_stop, number, len(sending), f"comparing {table.name}", "publishing")
        if table.name in held:
            local = tables.local_rows(store, table, areas, exclude)
            stored = _stored(conn, table, publisher)
            batches.append(Batch(table, _differing(table, local, stored, published, overwrite,
                                                   report), first=False))
        else:  # a first publish of this table: every row is new, nothing to compare with
            every = tables.local_list(store, table, areas, exclude)
            report.counts.setdefault(table.name, [0, 0, 0])[0] += len(every)
            batches.append(Batch(table, every, first=True))
    return batches


def _holding(conn: psycopg.Connection, sending: list[tables.Table], publisher: str) -> set[str]:
    """The tables in which the store holds any of the publisher's rows (one question for all)."""
    asked = [f"EXISTS (SELECT 1 FROM vfk.{table.name} WHERE {_owned_where(publisher)})"
             if table.per_area else f"EXISTS (SELECT 1 FROM vfk.{table.name})" for table in sending]
    params = [publisher for table in sending if table.per_area]
    row = conn.execute(f"SELECT {', '.join(asked)}", params).fetchone()
    return {table.name for table, there in zip(sending, row or (), strict=True) if there}


def _owned_where(publisher: str) -> str:
    return "area = %s" if publisher != COUNTY else \
        "area NOT IN (SELECT name FROM vfk.districts) AND %s = 'Kent'"


def _stored(conn: psycopg.Connection, table: tables.Table, publisher: str) -> dict[tuple, tuple]:
    columns = ", ".join(table.columns)
    if table.per_area:
        cursor = conn.execute(f"SELECT {columns}, revision FROM vfk.{table.name} "
                              f"WHERE {_owned_where(publisher)}", (publisher,))
    else:
        cursor = conn.execute(f"SELECT {columns}, revision FROM vfk.{table.name}")
    return {table.key(row): row for row in cursor}


def _differing(table: tables.Table, local: dict[tuple, tuple[tuple, int | None]],
               stored: dict[tuple, tuple], published: int | None, overwrite: bool,
               report: SyncReport) -> list[tuple]:
    outgoing = []
    for key, (row, _import_id) in local.items():
        there = stored.get(key)
        if there is None:
            report.count(table.name, 0)
            outgoing.append(row)
        elif tables.same(table, row, there[:-1]):
            report.count(table.name, 2)
        elif not overwrite and (published is None or there[-1] > published):
            report.conflicts.append(Conflict(table.name, key, tables.shown(table, row),
                                             tables.shown(table, there[:-1])))
        else:
            report.count(table.name, 1)
            outgoing.append(row)
    extra = len(set(stored) - set(local))
    if extra and table.per_area:
        report.notes.append(f"{extra} {table.name.replace('_', ' ')} on the county store are not "
                            f"in this database; they were left there.")
    return outgoing


def _send(conn: psycopg.Connection, batch: Batch, stamp: tuple[int, str, dt.datetime]) -> None:
    """Add or replace the batch's rows in one statement, each with the publish's revision, publisher
    and time (stamp).

    The server refuses COPY straight into a table under row-level security ("COPY FROM not
    supported with row-level security"), so many rows are COPYed into a temporary table of this
    session and go in with one INSERT from it, which the policies check; a few go in with one
    INSERT … VALUES, sparing the temporary table. On a first publish of a table the store holds
    none of the publisher's rows, so the INSERT is a plain one, without ON CONFLICT."""
    table, outgoing = batch.table, batch.rows
    columns = ", ".join(table.columns)
    target = f"INSERT INTO vfk.{table.name} ({columns}, revision, published_by, published_at) "
    if len(outgoing) <= FEW:
        one = f"({', '.join(['%s'] * (len(table.columns) + 3))})"
        conn.execute(target + "VALUES " + ", ".join([one] * len(outgoing)) + _on_conflict(batch),
                     [value for row in outgoing for value in (*row, *stamp)])
        return
    incoming = f"incoming_{table.name}"
    # Left to the end of the session (this publish's connection closes next), not dropped at
    # COMMIT, which then has less to do.
    conn.execute(f"CREATE TEMP TABLE {incoming} AS "
                 f"SELECT {columns} FROM vfk.{table.name} WITH NO DATA")
    with conn.cursor() as cursor, cursor.copy(
            f"COPY {incoming} ({columns}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(tables.server_types(table.columns))
        _write_rows(copy, table, outgoing)
    conn.execute(target + f"SELECT {columns}, %s, %s, %s FROM {incoming}" + _on_conflict(batch),
                 stamp)


def _own_partition(conn: psycopg.Connection, publisher: str) -> str | None:
    """The partition of the figures the connected role alone may add to, when it publishes for
    publisher (vfk.figures_of_vfk_dover); None for any other role."""
    row = conn.execute("SELECT to_regclass(format('vfk.%%I', 'figures_of_' || role_name))::text "
                       "FROM vfk.writers WHERE role_name = current_user AND area = %s",
                       (publisher,)).fetchone()
    return str(row[0]) if row and row[0] else None


def _copy_straight_in(conn: psycopg.Connection, partition: str, batch: Batch,
                      stamp: tuple[int, str, dt.datetime]) -> None:
    """A first publish of the figures: COPY them straight into the publisher's own partition (the
    store holds none of them yet). Row-level security would refuse COPY into vfk.figures; the
    partition is the publisher's alone by grant, and its bounds refuse another place's row."""
    names = (*batch.table.columns, "revision", "published_by", "published_at")
    with conn.cursor() as cursor, cursor.copy(
            f"COPY {partition} ({', '.join(names)}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(tables.server_types(names))
        _write_rows(copy, batch.table, ((*row, *stamp) for row in batch.rows))


def _write_rows(copy: psycopg.Copy, table: tables.Table, rows: Iterable[tuple]) -> None:
    """Each row to the COPY; a row the server's types cannot hold (a number column holding text,
    written into the file by hand) is refused in a sentence naming it."""
    for row in rows:
        try:
            copy.write_row(row)
        except (TypeError, ValueError, OverflowError):
            raise VfkError(f"The {table.name} row {' / '.join(map(str, table.key(row)))} holds "
                           f"something that is not a number where a number belongs; correct it "
                           f"(or run `vfk check`) and publish again.") from None


def _on_conflict(batch: Batch) -> str:
    if batch.first:
        return ""
    table = batch.table
    key = ", ".join(table.columns[:table.key_width])
    updates = ", ".join(f"{name} = excluded.{name}" for name in (
        *table.columns[table.key_width:], "revision", "published_by", "published_at"))
    return f" ON CONFLICT ({key}) DO UPDATE SET {updates}"


def _newest_revision(conn: psycopg.Connection, publisher: str) -> int:
    newest = 0
    for table in tables.TABLES:
        if table.per_area:
            row = conn.execute(f"SELECT max(revision) FROM vfk.{table.name} "
                               f"WHERE {_owned_where(publisher)}", (publisher,)).fetchone()
        elif owns_catalogue(publisher):
            row = conn.execute("SELECT max(revision) FROM vfk.indicators").fetchone()
        else:
            continue
        newest = max(newest, int(row[0] or 0) if row else 0)
    return newest
