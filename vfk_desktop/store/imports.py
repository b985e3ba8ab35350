"""Applying an import plan in one transaction, with provenance and a change log; undoing it later.

Each row written keeps the import that wrote it. The change log keeps the row an import replaced,
so undo deletes what the import wrote and puts the replaced rows back, exactly as they were.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from vfk_desktop.bulk import without_cycle_collection
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.import_plan import ImportContext, ImportPlan
from vfk_desktop.domain.kent_check import Held
from vfk_desktop.domain.partial import left_out_count, passing_plan
from vfk_desktop.domain.values import NOT_AVAILABLE
from vfk_desktop.store.changes import OBSERVATION_COLUMNS, STATISTIC_COLUMNS, TABLES, now_text
from vfk_desktop.store.connection import Store
from vfk_desktop.store.import_result import ImportResult
from vfk_desktop.store.profiles import load_profiles
from vfk_desktop.store.queries import load_matcher
from vfk_desktop.store.whole_records import WHOLE_TABLES, take_back
from vfk_desktop.who import current_user

CHUNK = 400
# where each table's primary key columns stand in its rows, the first column first
_PRIMARY_KEY_AT = {
    "observations": (1, 0, 2, 3),  # (area_id, indicator, period, kind)
    "rankings": (0, 1, 2),  # (area_id, indicator, round)
    "commentary": (0, 1, 2),  # (indicator, area_id, period)
}


def _in_key_order(rows: Iterable[tuple], table: str) -> list[tuple]:
    """The rows as the table's primary key orders them. One stable sort per key column, the last
    first: each compares plain numbers or texts, which is three times faster than comparing tuples
    of them (200,000 rows in a file's order: 0.50 -> 0.14 s)."""
    ordered = list(rows)
    for position in reversed(_PRIMARY_KEY_AT[table]):
        ordered.sort(key=itemgetter(position))
    return ordered


def import_context(store: Store, add_indicators: bool = False) -> ImportContext:
    rows = store.conn.execute("SELECT code, title, unit FROM indicators").fetchall()
    return ImportContext(
        matcher=load_matcher(store),
        indicators={code: title for code, title, _ in rows},
        units={code: unit for code, _, unit in rows},
        add_indicators=add_indicators,
        profiles=load_profiles(store),
        held=lambda keys, places: held_for_kent_check(store, keys, places),
        stored=lambda pairs: stored_values(store, pairs),
    )


def stored_values(store: Store, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[float]]:
    """Each (code, place)'s stored figures, every period."""
    found: dict[tuple[str, str], list[float]] = {}
    for code, place in pairs:
        rows = store.conn.execute(
            "SELECT o.value FROM observations o JOIN areas a ON a.id = o.area_id WHERE o.kind = 'value' "
            "AND o.indicator = ? AND a.name = ? AND o.value IS NOT NULL", (code, place)).fetchall()
        found[(code, place)] = [value for (value,) in rows]
    return found


def held_for_kent_check(store: Store, keys: list[tuple[str, str]],
                        places: tuple[str, ...]) -> dict[tuple[str, str], dict[str, Held]]:
    """The stored values, counts and denominators of places at these (code, period)s."""
    marks = ", ".join("?" * len(places))
    found: dict[tuple[str, str], dict[str, Held]] = {}
    by_code: dict[str, list[str]] = {}
    for code, period in keys:
        by_code.setdefault(code, []).append(period)
    for code, periods in by_code.items():
        for start in range(0, len(periods), 500):
            chunk = periods[start:start + 500]
            rows = store.conn.execute(
                f"SELECT o.period, a.name, o.value, o.count, o.denominator FROM observations o "
                f"JOIN areas a ON a.id = o.area_id WHERE o.kind = 'value' AND o.indicator = ? "
                f"AND o.period IN ({', '.join('?' * len(chunk))}) AND a.name IN ({marks})",
                (code, *chunk, *places)).fetchall()
            for period, place, value, count, denominator in rows:
                found.setdefault((code, period), {})[place] = Held(value, count, denominator)
    return found


def backup_before(store: Store, reason: str) -> None:
    """A backup copy before a change an officer may regret (none while nothing was imported yet).

    Called inside the change's transaction, after its BEGIN IMMEDIATE: the copy then holds every
    write that finished before this one, and no other writer can slip in between."""
    store.require_writable()
    if store.conn.execute("SELECT 1 FROM imports LIMIT 1").fetchone():
        from vfk_desktop.store.backups import make_backup

        make_backup(store, reason)


@without_cycle_collection
def apply_plan(store: Store, plan: ImportPlan, *, user: str | None = None, kind: str = "import",
               dry_run: bool = False, note: str | None = None, detailed: bool = False,
               skip_refused: bool = False) -> ImportResult:
    """Write the plan (all of it or, when any row is rejected or dry_run, none of it).

    skip_refused: write the rows that pass and leave the refused rows out (still one transaction,
    one import in the log); nothing is written when no row passes.
    detailed: also say, row by row, whether each planned row is new, an update or unchanged
    (the window's import report lists them).
    """
    result = ImportResult(None, skipped=list(plan.skipped), rejected=plan.sorted_rejections(),
                          dry_run=dry_run)
    files = ", ".join(sorted({f.name for f in plan.files}))
    if result.rejected:
        good = passing_plan(plan)
        if skip_refused and good.row_count:
            result.partial, result.left_out, plan = True, left_out_count(plan), good
            note = note or f"{result.left_out} refused rows left out"
        else:
            _log().warning("%s of %s refused: %d rows to fix", kind, files, len(result.rejected))
            if dry_run and detailed:  # still say what the good rows would do
                _dry_run(store, good, ImportResult(None), result.actions)
            return result
    user = user or current_user()
    plan_keys = {"observations": list(plan.figures), "rankings": list(plan.rankings),
                 "commentary": list(plan.commentary)} if detailed else None
    blanks = _blanks(store, plan)
    if dry_run:
        for table, rows in _planned_rows(store, plan, None).items():
            _classify(store, table, rows, result, plan_keys[table] if plan_keys else None,
                      blanks.get(table))
        return result
    with store.atomic():
        # The id this import will get, taken under the write lock: the rows are planned with it, and
        # compared with the stored ones before anything is written, so that an import that changes
        # nothing (a file imported again) needs no backup.
        import_id = store.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM imports").fetchone()[0]
        writes = {table: _classify(store, table, rows, result,
                                   plan_keys[table] if plan_keys else None, blanks.get(table))
                  for table, rows in _planned_rows(store, plan, import_id).items()}
        changes = bool(plan.new_indicators) or any(new or old for new, old in writes.values())
        if kind == "import" and changes:
            backup_before(store, f"before importing {files}"[:200])
        result.import_id = _record_import(store, plan, user, kind, note, import_id)
        _add_indicators(store, plan, import_id)
        for table, (inserts, updates) in writes.items():
            _write(store, table, import_id, inserts, updates, user)
        store.conn.execute(
            "UPDATE imports SET inserted = ?, updated = ?, unchanged = ?, skipped = ? WHERE id = ?",
            (result.inserted, result.updated, result.unchanged, result.skipped_count, import_id),
        )
    store.checkpoint()
    _log().info("%s %d into %s by %s: %s; %d inserted, %d updated, %d unchanged, %d skipped", kind,
                import_id, store.path, user, files, result.inserted, result.updated, result.unchanged,
                result.skipped_count)
    return result


def _dry_run(store: Store, plan: ImportPlan, scratch: ImportResult,
             actions: dict[tuple[str, tuple], tuple[str, dict | None]]) -> None:
    keys = {"observations": list(plan.figures), "rankings": list(plan.rankings),
            "commentary": list(plan.commentary)}
    for table, rows in _planned_rows(store, plan, None).items():
        _classify(store, table, rows, scratch, keys[table], _blanks(store, plan).get(table))
    actions.update(scratch.actions)


def _blanks(store: Store, plan: ImportPlan) -> dict[str, set[tuple]]:
    """The blank cells of partners' sheets, keyed as observation rows are."""
    if not plan.blank_figures:
        return {}
    areas = dict(store.conn.execute("SELECT name, id FROM areas"))
    return {"observations": {(code, areas[area], period, kind)
                             for code, area, period, kind in plan.blank_figures}}


def _planned_rows(store: Store, plan: ImportPlan, import_id: int | None) -> dict[str, list[tuple]]:
    """The plan as table rows, column for column as TABLES lists them."""
    areas = dict(store.conn.execute("SELECT name, id FROM areas"))
    return {
        "observations": [
            (f.indicator, areas[f.area], f.period, f.kind, f.value, f.text, f.missing, import_id,
             f.file, f.sheet, f.cell, f.count, f.denominator, f.lower_95, f.upper_95, f.lower_99_8,
             f.upper_99_8, f.value_type, f.multiplier)  # STATISTIC_COLUMNS, spelt out: a generator
            # per row cost a tenth of an import
            for f in plan.figures.values()
        ],
        "rankings": [
            (areas[r.area], r.indicator, r.round, r.priority, import_id, r.origin.file,
             r.origin.sheet, r.origin.cell) for r in plan.rankings.values()
        ],
        "commentary": [
            (m.indicator, areas[m.area], m.period, m.text, import_id, m.origin.file,
             m.origin.sheet, m.origin.cell) for m in plan.commentary.values()
        ],
    }


def _record_import(store: Store, plan: ImportPlan, user: str, kind: str, note: str | None,
                   import_id: int) -> int:
    store.conn.execute(
        "INSERT INTO imports (id, at, user, kind, note) VALUES (?, ?, ?, ?, ?)",
        (import_id, now_text(), user, kind, note),
    )
    store.conn.executemany(
        "INSERT INTO import_files (import_id, position, name, path, size, sha256) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(import_id, position, info.name, str(info.path), info.size, info.sha256)
         for position, info in enumerate(plan.files, 1)],
    )
    return import_id


def _add_indicators(store: Store, plan: ImportPlan, import_id: int) -> None:
    """Add the plan's new indicators, decided here, inside the write transaction: one that another
    import added since the file was read is left as that import made it (and undone with it)."""
    store.conn.executemany(
        "INSERT INTO indicators (code, title, unit, added_by_import) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (code) DO NOTHING",
        [(n.code, n.title, n.unit, import_id) for n in plan.new_indicators.values()],
    )


def _existing(store: Store, table: str, keys: list[tuple],
              only: tuple[str, ...] | None = None) -> dict[tuple, tuple]:
    """The stored rows for keys, looked up by place and indicator, in chunks: all their columns, or
    the key and the columns only names."""
    columns, key_width = TABLES[table]
    if only is not None:
        columns = (*columns[:key_width], *only)
    if not keys:
        return {}
    area_at, code_at = columns.index("area_id"), columns.index("indicator")
    areas = sorted({key[area_at] for key in keys})
    codes = sorted({key[code_at] for key in keys})
    found: dict[tuple, tuple] = {}
    for start in range(0, len(codes), CHUNK):
        chunk = codes[start:start + CHUNK]
        query = (f"SELECT {', '.join(columns)} FROM {table} WHERE area_id IN "
                 f"({', '.join('?' * len(areas))}) AND indicator IN ({', '.join('?' * len(chunk))})")
        for row in store.conn.execute(query, [*areas, *chunk]):
            found[row[:key_width]] = row
    return found


_STATISTICS_AT = OBSERVATION_COLUMNS.index(STATISTIC_COLUMNS[0])  # they end an observation's row
# The stored figure without where it came from: value, text, missing and the statistics after them.
_FIGURE = OBSERVATION_COLUMNS[4:7] + OBSERVATION_COLUMNS[_STATISTICS_AT:]
_NO_STATISTICS = (None,) * len(STATISTIC_COLUMNS)  # count, denominator, limits, value type: some files'
_STATISTICS_OF = itemgetter(slice(_STATISTICS_AT, None))
_BEFORE_STATISTICS = itemgetter(slice(0, _STATISTICS_AT))


def _same(table: str, old: tuple, new: tuple) -> bool:
    """Unchanged when the figure is the same: 1212 typed as a number equals "1,212" typed as text."""
    if table == "observations":
        value, text, missing = old[4], old[5], old[6]
        statistics = new[_STATISTICS_AT:]
        if statistics != _NO_STATISTICS and old[_STATISTICS_AT:] != statistics:
            return False  # a public data file's count or limits revised
        if value is not None or new[4] is not None:
            return value == new[4] and missing == new[6]
        return (text or "").strip().lower() == (new[5] or "").strip().lower() and missing == new[6]
    if table == "rankings":
        return old[3] == new[3]
    return old[3] == new[3]


def _set_aside_unchanged(store: Store, rows: list[tuple], result: ImportResult,
                         blank: set[tuple] | None) -> list[tuple] | None:
    """Count the planned figures the database holds exactly as planned; return the other rows
    (None when nothing at all is stored at the planned keys: every row is new).

    A file imported again is mostly such figures: they are found by set arithmetic over one read
    of the stored figures at the planned places, indicators and periods, with no per-row look-up
    in Python (200,000 unchanged rows: 0.7 s instead of 1.8, on a shared machine)."""
    read_ahead = store.kept(STORED_FIGURES)
    if read_ahead is not None and not read_ahead:  # every stored figure was read, and there are none
        return None
    figure_of = _figure_of(rows)
    if figure_of is not _PLAIN_FIGURE:  # the figures read ahead have no statistics to compare
        read_ahead = None
    planned = set(map(figure_of, rows)) if read_ahead else None
    same = planned.intersection(read_ahead) if planned else None
    if not same:  # the stored figures where the file's go, read now
        columns = OBSERVATION_COLUMNS[:7] + (() if figure_of is _PLAIN_FIGURE
                                                   else OBSERVATION_COLUMNS[_STATISTICS_AT:])
        stored = [(first, cursor) for query, parameters in _stored_figures_queries(rows, columns)
                  if (first := (cursor := store.conn.execute(query, parameters)).fetchone()) is not None]
        if not stored:  # nothing stored where the file's figures go: a new file, all of it to insert
            return None
        planned = planned or set(map(figure_of, rows))
        same = set()
        for first, cursor in stored:
            same.update(planned.intersection(chain((first,), cursor)))
        if not same:
            return rows
    rest = [] if len(same) == len(planned) else [row for row in rows if figure_of(row) not in same]
    alike = len(rows) - len(rest)
    blanks = 0  # a blank cell over a stored blank is counted as blank, as below
    if blank and figure_of is _PLAIN_FIGURE:  # a blank cell's figure: no value, not available
        blanks = len(same.intersection((*key, None, None, NOT_AVAILABLE) for key in blank))
    elif blank:
        blanks = len(blank.intersection(map(_KEY, rows))) - len(blank.intersection(map(_KEY, rest)))
    result.unchanged += alike - blanks
    result.blank += blanks
    return rest


_KEY = itemgetter(slice(0, 4))
_PLAIN_FIGURE = itemgetter(slice(0, 7))  # key, value, text, missing
STORED_FIGURES = "stored figures"  # the store's cached() key for read_stored_figures' set
READ_AHEAD_MAX = 500_000  # figures: a larger database is compared by the reads above alone


def read_stored_figures(store: Store) -> None:
    """Read every stored figure (key, value, text, missing) into the store's cache, where it stays
    until the database changes. Called while the reader child reads the file, when this process
    would only wait: a file imported again is then compared with no read after the file's
    (200,000 figures: 0.5 s less). Only a help: a failed read leaves the comparison to its own."""
    import sqlite3

    limited = f"SELECT count(*) FROM (SELECT 1 FROM observations LIMIT {READ_AHEAD_MAX + 1})"
    query = f"SELECT {', '.join(OBSERVATION_COLUMNS[:7])} FROM observations"
    try:
        if store.conn.execute(limited).fetchone()[0] <= READ_AHEAD_MAX:
            store.cached(STORED_FIGURES, lambda: set(store.conn.execute(query)))
    except sqlite3.DatabaseError:
        pass


def _with_statistics(row: tuple) -> tuple:
    return row[:7] + row[_STATISTICS_AT:]


def _any_statistics(rows: list[tuple]) -> bool:
    """Whether any observation row gives a count, denominator, limit or value type."""
    return any(map(_NO_STATISTICS.__ne__, map(_STATISTICS_OF, rows)))


def _figure_of(rows: list[tuple]) -> Callable[[tuple], tuple]:
    """The part of a planned row that says whether it changes a stored one: its key, value, text and
    missing, and its statistics where the plan gives any (a stored count is kept when none is given)."""
    return _with_statistics if _any_statistics(rows) else _PLAIN_FIGURE


def _stored_figures_queries(rows: list[tuple],
                            columns: tuple[str, ...]) -> Iterator[tuple[str, list[object]]]:
    """Queries for the stored figures at the rows' places and indicators, between their first and
    last periods (in the key's order: a file of one new quarter reads that quarter alone), in chunks."""
    areas = sorted(set(map(itemgetter(1), rows)))
    codes = sorted(set(map(itemgetter(0), rows)))
    periods = sorted(set(map(itemgetter(2), rows)))
    periods = [periods[0], periods[-1]]
    for start in range(0, len(codes), CHUNK):
        chunk = codes[start:start + CHUNK]
        yield (f"SELECT {', '.join(columns)} FROM observations WHERE area_id IN "
               f"({', '.join('?' * len(areas))}) AND indicator IN ({', '.join('?' * len(chunk))}) "
               f"AND period BETWEEN ? AND ?", [*areas, *chunk, *periods])


def _classify(store: Store, table: str, rows: list[tuple], result: ImportResult,
              plan_keys: list[tuple] | None = None,
              blank: set[tuple] | None = None) -> tuple[list[tuple], list[tuple[tuple, tuple]]]:
    """Split rows into new ones and changed ones (with the row each replaces); count the same."""
    columns, key_width = TABLES[table]
    stored_any = True
    if table == "observations" and plan_keys is None and rows:
        rest = _set_aside_unchanged(store, rows, result, blank)
        stored_any, rows = rest is not None, rows if rest is None else rest
    keys = [row[:key_width] for row in rows] if stored_any else []
    if not stored_any:
        existing: dict[tuple, tuple] = {}  # nothing stored at any planned key
    elif table == "observations" and plan_keys is None:
        # The stored figures alone first; whole rows only where a figure may change (a file imported
        # again reads a third fewer strings). A shorter row below is a figure found the same.
        existing = _existing(store, table, keys, _FIGURE)
        existing.update(_existing(store, table, [
            key for key, row in zip(keys, rows, strict=True)
            if (old := existing.get(key)) is not None and old[4:] != row[4:7] + row[_STATISTICS_AT:]]))
    else:
        existing = _existing(store, table, keys)
    counts = result.by_table.setdefault(table, [0, 0])
    if not existing and plan_keys is None:
        blanks = len(blank.intersection(map(itemgetter(slice(0, key_width)), rows))) if blank else 0
        result.inserted += len(rows) - blanks
        result.blank += blanks
        counts[0] += len(rows) - blanks
        return rows, []
    inserts, updates = [], []
    for position, row in enumerate(rows):
        old = existing.get(row[:key_width])
        if blank and row[:key_width] in blank:
            result.blank += 1  # no figure given: noted where nothing is stored, else left alone
            action = "blank"
            if old is None:
                inserts.append(row)
        elif old is None:
            inserts.append(row)
            counts[0] += 1
            result.inserted += 1
            action = "insert"
        elif len(old) < len(columns) or _same(table, old, row):
            result.unchanged += 1
            action = "unchanged"
        else:
            updates.append((old, row))
            counts[1] += 1
            result.updated += 1
            result.changes.append({"table": table, "key": list(row[:key_width]),
                                   "old": _as_dict(columns, old), "new": _as_dict(columns, row)})
            action = "update"
        if plan_keys is not None:
            result.actions[(table, plan_keys[position])] = (
                action, _as_dict(columns, old) if old is not None else None)
    return inserts, updates



def _as_dict(columns: tuple[str, ...], row: tuple) -> dict[str, object]:
    return dict(zip(columns, row, strict=True))


def _write(store: Store, table: str, import_id: int, inserts: list[tuple],
           updates: list[tuple[tuple, tuple]], user: str) -> None:
    columns, key_width = TABLES[table]
    new_columns, new_rows = columns, iter(inserts)
    if table == "observations" and not _any_statistics(inserts):
        # A spreadsheet's figures have no counts, limits or value type: their rows are written
        # without those eight empty columns, which took a third of the time to insert 200,000 rows
        # (import_bench.py).
        new_columns, new_rows = columns[:_STATISTICS_AT], map(_BEFORE_STATISTICS, inserts)
    # New rows in primary-key order: appending to the table's b-tree is several times faster
    # than inserting all over it (bench/import_bench.py).
    store.conn.executemany(
        f"INSERT INTO {table} ({', '.join(new_columns)}) VALUES ({', '.join('?' * len(new_columns))})",
        _in_key_order(new_rows, table))
    if not updates:
        return
    values = f"({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    at = now_text()
    store.conn.executemany(
        "INSERT INTO change_log (import_id, at, user, table_name, key, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (import_id, at, user, table, json.dumps(list(old[:key_width])),
             json.dumps(_as_dict(columns, old)), json.dumps(_as_dict(columns, new)))
            for old, new in updates
        ],
    )
    store.conn.executemany(f"INSERT OR REPLACE INTO {table} {values}", (new for _, new in updates))


def undo_import(store: Store, import_id: int) -> int:
    """Put back exactly what was there before the import; returns how many rows were restored."""
    restored = 0
    with store.atomic():  # the write lock first: what is checked below cannot change under us
        _check_undoable(store, import_id)
        backup_before(store, f"before undoing import {import_id}")
        for table in TABLES:
            store.conn.execute(f"DELETE FROM {table} WHERE import_id = ?", (import_id,))
        for table, key, old, new in store.conn.execute(
            "SELECT table_name, key, old, new FROM change_log WHERE import_id = ? ORDER BY id DESC",
            (import_id,),
        ).fetchall():
            if table in WHOLE_TABLES:  # local priorities and actions a pull brought or replaced
                take_back(store.conn, table, key, old, new)
                restored += 1
                continue
            columns, _ = TABLES[table]
            values = json.loads(old)
            store.conn.execute(
                f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [values.get(column) for column in columns],  # logged before a column was added
            )
            restored += 1
        store.conn.execute("DELETE FROM indicators WHERE added_by_import = ?", (import_id,))
        store.conn.execute("UPDATE imports SET undone_at = ? WHERE id = ?", (now_text(), import_id))
    store.checkpoint()
    _log().info("undid import %d in %s: %d rows put back", import_id, store.path, restored)
    return restored


def _check_undoable(store: Store, import_id: int) -> None:
    record = store.conn.execute(
        "SELECT id, at, undone_at FROM imports WHERE id = ?", (import_id,)
    ).fetchone()
    if record is None:
        raise VfkError(f"There is no import {import_id}; `vfk imports` lists them.")
    if record[2]:
        raise VfkError(f"Import {import_id} was already undone on {record[2][:16].replace('T', ' ')}.")
    blocker = _later_import_built_on(store, import_id)
    if blocker is not None:
        later_id, later_at, files = blocker
        raise VfkError(
            f"Import {import_id} cannot be undone: import {later_id} ({files}, "
            f"{later_at[:16].replace('T', ' ')}) changed figures it brought in. "
            f"Undo import {later_id} first."
        )


def _log():
    from vfk_desktop.logs import logger

    return logger()


def _later_import_built_on(store: Store, import_id: int) -> tuple[int, str, str] | None:
    row = store.conn.execute(
        """
        SELECT i.id, i.at FROM change_log c JOIN imports i ON i.id = c.import_id
        WHERE c.import_id > ? AND i.undone_at IS NULL
          AND json_extract(c.old, '$.import_id') = ?
        UNION
        SELECT i.id, i.at FROM observations o JOIN imports i ON i.id = o.import_id
        JOIN indicators n ON n.code = o.indicator
        WHERE n.added_by_import = ? AND o.import_id > ?
        ORDER BY 1 DESC LIMIT 1
        """,
        (import_id, import_id, import_id, import_id),
    ).fetchone()
    if row is None:
        return None
    files = ", ".join(
        name for (name,) in store.conn.execute(
            "SELECT name FROM import_files WHERE import_id = ? ORDER BY position", (row[0],)
        )
    ) or "typed by hand"
    return row[0], row[1], files


@dataclass(frozen=True)
class ImportRecord:
    """One import as the log lists it: when and by whom, its files and counts, and when, if ever, undone."""

    import_id: int
    at: str
    user: str
    kind: str
    files: list[str]
    inserted: int
    updated: int
    unchanged: int
    skipped: int
    undone: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "import_id": self.import_id, "at": self.at, "user": self.user, "files": self.files,
            "inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
            "skipped": self.skipped, "undone": self.undone,
        }


def list_imports(store: Store) -> list[ImportRecord]:
    files: dict[int, list[str]] = {}
    for import_id, name in store.conn.execute(
        "SELECT import_id, name FROM import_files ORDER BY import_id, position"
    ):
        files.setdefault(import_id, []).append(name)
    return [
        ImportRecord(row[0], row[1], row[2], row[3], files.get(row[0], []), *row[4:])
        for row in store.conn.execute(
            "SELECT id, at, user, kind, inserted, updated, unchanged, skipped, undone_at "
            "FROM imports ORDER BY id"
        )
    ]
