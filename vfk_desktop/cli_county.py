"""`vfk publish` and `vfk pull`: the shared county store from the command line."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vfk_desktop.county.report import SyncReport
    from vfk_desktop.store.connection import Store  # noqa: F401 (named in annotations)

Opener = Callable[[argparse.Namespace], "Store"]
URL_HELP = ("the county store, postgresql://ROLE@HOST/DATABASE (default: $VFK_COUNTY_URL, else the "
            "address saved in the database); the password comes from your keyring or pgpass file")


def _show(report: SyncReport, as_json: bool) -> int:
    if as_json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False, default=str))
    else:
        print(report.summary())
    return 0


def cmd_publish(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop.county.connection import county_url, save_url
    from vfk_desktop.county.ownership import COUNTY
    from vfk_desktop.county.publish import publish
    from vfk_desktop.store.queries import resolve_district

    with _open(args) as store:
        url = county_url(store, args.county_url)
        locality = None
        if args.locality:
            locality = COUNTY if args.locality.strip().lower() in ("kent", "county") \
                else resolve_district(store, args.locality)
        report = publish(store, url, locality, dry_run=args.dry_run, overwrite=args.overwrite)
        if args.county_url and not args.dry_run and not store.readonly:
            save_url(store, url)
    return _show(report, args.json)


def cmd_pull(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop.county.connection import county_url, save_url
    from vfk_desktop.county.pull import pull

    with _open(args) as store:
        url = county_url(store, args.county_url)
        report = pull(store, url, dry_run=args.dry_run, overwrite=args.overwrite)
        if args.county_url and not args.dry_run and not store.readonly:
            save_url(store, url)
    return _show(report, args.json)


def add_commands(add: Callable[..., argparse.ArgumentParser], _open: Opener) -> None:
    import functools

    publish = add("publish", functools.partial(cmd_publish, _open=_open),
                  "send what your district owns (its figures, local targets, priorities, "
                  "commentary, local priorities and actions) to the shared county store")
    publish.add_argument("--locality", metavar="NAME",
                         help="the district to publish (default: the one your role publishes for); "
                              "Kent publishes the county's rows")
    publish.add_argument("--overwrite", action="store_true",
                         help="send rows changed on the county store since your last sync too")
    pull = add("pull", functools.partial(cmd_pull, _open=_open),
               "bring everything your district does not own from the shared county store (one "
               "import: `vfk undo` takes it back)")
    pull.add_argument("--overwrite", action="store_true",
                      help="take the county store's rows over ones changed here since the last pull "
                           "too (`vfk undo` still puts yours back)")
    for sub in (publish, pull):
        sub.add_argument("--dry-run", action="store_true", help="report; write nothing on either side")
        sub.add_argument("--json", action="store_true", help="print the report as JSON")
        sub.add_argument("--county-url", metavar="URL", help=URL_HELP)
