"""`vfk actions`, `vfk action add` and `vfk action update`: what a district is doing about its figures."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vfk_desktop.store.connection import Store  # noqa: F401 (named in annotations)

Opener = Callable[[argparse.Namespace], "Store"]
LOCALITY_HELP = "a district, as `vfk localities` lists it (or one of its spellings)"


def cmd_actions(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop.store.actions import actions
    from vfk_desktop.store.queries import resolve_district

    with _open(args) as store:
        locality = resolve_district(store, args.locality)
        found = actions(store, locality)
    if args.json:
        print(json.dumps([a.to_json() for a in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(f"{locality} has no actions yet; `vfk action add` adds one.")
    for item in found:
        due = item.due.isoformat() if item.due else "no due date"
        status = item.shown_status()
        status = f"{status} ({item.status.value})" if status == "overdue" else status
        print(f"{item.id:>4}  {status:<21}  {due}  {item.title} ({item.owner}; "
              f"{', '.join(item.indicators)})")
        latest = item.latest_note()
        if latest:
            print(f"{'':>6}latest note, {latest.at[:10]} {latest.author}: {latest.text}")
    return 0


def cmd_action_add(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop.domain.actions import Action, ActionStatus, parse_due
    from vfk_desktop.domain.codes import parse_code
    from vfk_desktop.store.actions import save_action
    from vfk_desktop.store.queries import resolve_district

    due = parse_due(args.due)
    status = ActionStatus.parse(args.status) if args.status else ActionStatus.NOT_STARTED
    with _open(args) as store:
        locality = resolve_district(store, args.locality)
        codes = tuple(dict.fromkeys(parse_code(code) for code in args.indicator))
        new_id = save_action(store, Action(None, locality, args.title, args.owner, due, status, codes))
    print(f"Action {new_id} added for {locality}.")
    return 0


def cmd_action_update(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop.domain.actions import ActionStatus, parse_due
    from vfk_desktop.store.actions import update_action

    status = ActionStatus.parse(args.status) if args.status else None
    due = parse_due(args.due) if args.due else None
    with _open(args) as store:
        changed = update_action(store, args.action_id, status=status, note=args.note, due=due)
    print(f"Action {changed.id} is {changed.shown_status()}, due "
          f"{changed.due.isoformat() if changed.due else 'whenever'}.")
    return 0


def actions_in(files: list[str]) -> list[tuple[str, list]]:
    """The actions of every exported KA2 return among files: (district, actions) for each."""
    from pathlib import Path

    from vfk_desktop.io.readers.own_export import read_actions

    return [found for name in files if (found := read_actions(Path(name))) is not None]


def take_back_actions(store: Store, returned: list[tuple[str, list]], quiet: bool = False) -> None:
    from vfk_desktop.store.actions import merge_actions

    for locality, found in returned:
        added, updated, unchanged = merge_actions(store, locality, found)
        if not quiet:
            print(f"Actions of {locality}: {added} added, {updated} updated, {unchanged} unchanged.")


def add_commands(add: Callable[..., argparse.ArgumentParser], opener: Opener) -> None:
    """Register the commands on the `vfk` parser (add as cli.build_parser defines it)."""
    from functools import partial

    listing = add("actions", partial(cmd_actions, _open=opener),
                  "a district's actions on its indicators, soonest due first")
    listing.add_argument("--locality", required=True, metavar="NAME", help=LOCALITY_HELP)
    listing.add_argument("--json", action="store_true", help="print JSON rows")

    one = add("action", None, "add an action, or update one's status, due date or notes")
    verbs = one.add_subparsers(dest="verb", required=True, metavar="add|update")
    adding = verbs.add_parser("add", help="add an action linked to one or more indicators")
    adding.set_defaults(handler=partial(cmd_action_add, _open=opener))
    _db_option(adding)
    adding.add_argument("--locality", required=True, metavar="NAME", help=LOCALITY_HELP)
    adding.add_argument("--indicator", required=True, action="append", metavar="CODE",
                        help="an indicator it answers for (repeat for more than one)")
    adding.add_argument("--title", required=True, metavar="T")
    adding.add_argument("--owner", required=True, metavar="O")
    adding.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    adding.add_argument("--status", metavar="S", help="not started (default), on track, at risk or done")
    updating = verbs.add_parser("update", help="change an action's status or due date, or add a note")
    updating.set_defaults(handler=partial(cmd_action_update, _open=opener))
    _db_option(updating)
    updating.add_argument("action_id", type=int, metavar="ID")
    updating.add_argument("--status", metavar="S", help="not started, on track, at risk or done")
    updating.add_argument("--note", metavar="TEXT", help="a progress note (dated, with your name)")
    updating.add_argument("--due", metavar="D", help="a new due date, YYYY-MM-DD")


def _db_option(parser: argparse.ArgumentParser) -> None:
    """--db after the verb too (`vfk action add --db k.db …`), as every command takes it."""
    parser.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH",
                        help="the database file (default: $VFK_DB, else the user's data folder)")
