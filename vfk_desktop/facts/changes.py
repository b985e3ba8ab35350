"""What changed for a district since the last Board: the fare table now against the fare table as
it stood then (the later imports and edits taken back in a copy), row by row — new figures, changed
figures, status changes, new reds, rank moves — and the comments written since.

The officer records each Board's date; `vfk changes --since` and the pack count from it.
"""

from __future__ import annotations

import datetime as dt
import re

from vfk_desktop import present
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Rag
from vfk_desktop.domain.periods import Period
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.facts.records import Change
from vfk_desktop.store import queries
from vfk_desktop.store.as_at import as_before, import_exists, imports_after
from vfk_desktop.store.connection import Store

BOARD_KEY = "board_date:{locality}"


def board_date(store: Store, locality: str) -> dt.date | None:
    """The date of the district's last Board, as the officer recorded it."""
    text = store.meta(BOARD_KEY.format(locality=locality))
    return dt.date.fromisoformat(text) if text else None


def record_board_date(store: Store, locality: str, when: dt.date) -> None:
    with store.atomic():
        store.set_meta(BOARD_KEY.format(locality=locality), when.isoformat())


def parse_day(text: str) -> dt.date | None:
    """ "2009-12-14" or "14/12/2009"; None when text is neither."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def day_words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _later_imports(store: Store, since: str) -> tuple[str, list[int]]:
    """What --since names, in words, and the imports made after it."""
    if re.fullmatch(r"\s*\d{1,9}\s*", since):
        number = int(since)
        if not import_exists(store, number):
            raise VfkError(f"There is no import {number}; `vfk imports` lists them.")
        return f"import {number}", imports_after(store, import_id=number)
    day = parse_day(since)
    if day is None:
        raise VfkError(f'"{since}" is neither a date (such as 2009-12-14) nor an import number '
                       f"(`vfk imports` lists them).")
    return day_words(day), imports_after(store, day=day.isoformat())


def changes_since(store: Store, locality: str, since: str, period: Period | None = None
                  ) -> tuple[str, list[Change]]:
    """(what since names, in words; the changes for locality since then, in fare-table order)."""
    words, later = _later_imports(store, since)
    now = fare_table(store, locality, period)
    if not later:
        return words, []
    then_store = as_before(store, later)
    try:
        then = {row.code: row for row in fare_table(then_store, locality, period)}
        then_comments = queries.commentary(then_store, locality)
    finally:
        then_store.close()
    changes = [change for row in now for change in _row_changes(then.get(row.code), row)]
    titles = {row.code: row.title for row in now}
    catalogue = queries.catalogue(store)
    for (code, label), text in sorted(queries.commentary(store, locality).items()):
        if then_comments.get((code, label)) != text:
            title = titles.get(code) or (catalogue[code].title if code in catalogue else code)
            changes.append(Change(code, title, "new comment", then_comments.get((code, label)), text, label))
    return words, changes


def _row_changes(then: FareRow | None, now: FareRow) -> list[Change]:
    def change(what: str, before: str | None, after: str | None) -> Change:
        return Change(now.code, now.title, what, before, after, now.period.label if now.period else None)

    out = []
    if now.value is not None:
        if then is None or then.value is None:
            out.append(change("new figure", None, present.value(now)))
        elif then.period != now.period:
            out.append(change("new figure", f"{present.value(then)} ({present.period(then)})",
                              present.value(now)))
        elif then.value != now.value:
            out.append(change("changed figure", present.value(then), present.value(now)))
    before_rag = then.rag if then else None
    if now.rag is not before_rag:
        what = "new red" if now.rag is Rag.RED else "status change"
        out.append(change(what, present.status(then) if then else None, present.status(now)))
    if then is not None and then.rank and now.rank and (then.rank, then.of) != (now.rank, now.of):
        out.append(change("rank move", f"{then.rank} of {then.of}", f"{now.rank} of {now.of}"))
    return out


def changes_for_pack(store: Store, locality: str, period: Period | None = None
                     ) -> tuple[str | None, list[Change]]:
    """Changes since the district's recorded Board ("the Board of 14 December 2009"), or (None, [])."""
    day = board_date(store, locality)
    if day is None:
        return None, []
    _, changes = changes_since(store, locality, day.isoformat(), period)
    return f"the Board of {day_words(day)}", changes
