"""`vfk changes`: what is new or changed for a district since the last Board (or an import, or a day),
and recording the Board's date that the pack and the Word paper count from."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from vfk_desktop.domain.errors import VfkError

if TYPE_CHECKING:
    from vfk_desktop.store.connection import Store

Opener = Callable[[argparse.Namespace], "Store"]


def cmd_changes(args: argparse.Namespace, _open: Opener, period_of: Callable) -> int:
    from vfk_desktop.facts.changes import (
        board_date,
        changes_since,
        day_words,
        parse_day,
        record_board_date,
    )
    from vfk_desktop.store.queries import resolve_district

    with _open(args) as store:
        locality = resolve_district(store, args.locality)
        if args.record_board:
            day = parse_day(args.record_board)
            if day is None:
                raise VfkError(f'"{args.record_board}" is not a date (write it as 2009-12-14).')
            record_board_date(store, locality, day)
            print(f"{locality}: the last Board is recorded as {day_words(day)}.")
            if not args.since:
                return 0
        since = args.since
        if since is None:
            day = board_date(store, locality)
            if day is None:
                raise VfkError(f"No Board date is recorded for {locality}: give --since DATE or IMPORT_ID, "
                               f"or record one with --record-board DATE.")
            since = day.isoformat()
        words, changes = changes_since(store, locality, since, period_of(store, args.period))
    if args.json:
        print(json.dumps([c.to_json() for c in changes], indent=2, ensure_ascii=False))
        return 0
    if not changes:
        print(f"{locality}: nothing has changed since {words}.")
        return 0
    print(f"{locality}: {len(changes)} changes since {words}")
    for c in changes:
        print(f"  {c.code:<8} {c.what:<15} {c.before or '–'} → {c.after or '–'}"
              f"{f' ({c.period})' if c.period else ''}  {c.title}")
    return 0


def add_changes_command(add, locality_help: str, period_help: str, _open: Opener,
                        period_of: Callable) -> None:
    import functools

    changes = add("changes", functools.partial(cmd_changes, _open=_open, period_of=period_of),
                  "what is new or changed for a district since the last Board")
    changes.add_argument("--locality", required=True, metavar="NAME", help=locality_help)
    changes.add_argument("--since", metavar="DATE|IMPORT_ID",
                         help="a day (2009-12-14) or an import number (default: the recorded Board date)")
    changes.add_argument("--record-board", metavar="DATE",
                         help="record DATE as the district's last Board (the pack counts changes from it)")
    changes.add_argument("--period", metavar="P", help=period_help)
    changes.add_argument("--json", action="store_true",
                         help='print JSON rows {"code", "title", "what", "before", "after", "period"}')
