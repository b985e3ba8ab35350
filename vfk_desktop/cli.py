"""The `vfk` command line: the same core as the window, for batch work and other tools.

Every command takes --db (before or after its name). A refusal is one line on stderr and exit 1;
wrong usage exits 2; nothing ever prints a traceback (an unexpected error is logged instead).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from vfk_desktop import __version__
from vfk_desktop.domain.errors import DamagedDatabase, UnknownIndicator, UsageError, VfkError
from vfk_desktop.paths import resolve_db_path

Handler = Callable[[argparse.Namespace], int]


def _open(args: argparse.Namespace, create: bool = False, check: bool = True):
    from vfk_desktop.store.connection import open_store

    store = open_store(resolve_db_path(args.db), create=create, check=check)
    _warn_if_damaged(args, store)
    return store


def _checked(args: argparse.Namespace, store):
    """The store after the quick check an _open(check=False) left for later."""
    from vfk_desktop.store.connection import check_now

    check_now(store)
    _warn_if_damaged(args, store)
    return store


def _warn_if_damaged(args: argparse.Namespace, store) -> None:
    if store.damaged and args.command != "check":
        print(f"vfk: warning: {store.path} failed its check ({store.damaged[0]}); it is open read-only. "
              f"{what_to_restore(store.path)}", file=sys.stderr)


def what_to_restore(db: Path) -> str:
    """The next step for a damaged file: the newest good backup to put back, by name."""
    from vfk_desktop.store.integrity import newest_good_backup

    backup = newest_good_backup(db)
    if backup is None:
        return "There is no good backup of it (`vfk backups` lists them all)."
    return (f"The newest good backup is {backup.path.name} (made {backup.at:%d %b %Y %H:%M}, "
            f"{backup.reason}): `vfk restore {backup.path.name}` puts it back.")


def cmd_init(args: argparse.Namespace) -> int:
    from vfk_desktop.store.reference import load_reference

    with _open(args, create=True) as store:
        load_reference(store)
        print(f"Database ready: {store.path}")
        if args.sample:
            from vfk_desktop.sample_loading import load_sample
            from vfk_desktop.store.sample_flag import ILLUSTRATIVE

            result = load_sample(store)
            if not result.ok:
                raise VfkError(result.summary())
            print(f"Sample data: {result.summary()}")
            print(ILLUSTRATIVE)
    return 0


def cmd_fare(args: argparse.Namespace) -> int:
    # other programs' way in: an answer worked out from a checked state of the file, unchanged
    # since, is read back; the file is checked before anything is worked out from it
    with _open(args, check=not args.json) as store:
        if args.json:
            from vfk_desktop.store.answers import AnswerShelf

            shelf = AnswerShelf(store, ("fare", args.locality, args.period))
            text = shelf.taken()
            if text is None:
                _, _, rows = _fare_asked(args, _checked(args, store))
                text = json.dumps([row.to_json() for row in rows], indent=2, ensure_ascii=False)
                shelf.keep(text)
            print(text)
            return 0
        locality, period, rows = _fare_asked(args, store)
    from vfk_desktop import textout

    print(textout.fare(locality, rows, period))
    return 0


def _fare_asked(args: argparse.Namespace, store):
    """The locality and period the command line names, and their fare table."""
    from vfk_desktop.facts.fare import fare_table
    from vfk_desktop.store.queries import resolve_district

    locality = resolve_district(store, args.locality)
    period = _period_with_data(store, args.period)
    return locality, period, fare_table(store, locality, period)


def _period_with_data(store, text: str | None):
    """The period asked for, or a sentence naming the reporting years that have figures."""
    from vfk_desktop.domain.reporting import is_reporting_year, reporting_year_of, reporting_years
    from vfk_desktop.store.queries import value_counts_by_period

    if not text:
        return None
    from vfk_desktop.domain.periods import parse_period

    period = parse_period(text)
    held = value_counts_by_period(store)
    found = (any(reporting_year_of(p) == period for p in held) if is_reporting_year(period)
             else period in held)
    if not found:
        years = ", ".join(p.label for p in reporting_years(held)) or "none yet"
        raise VfkError(f"There are no figures for {period.label} in this database. Reporting years "
                       f"with figures: {years} (`vfk periods` lists every period).")
    return period


def cmd_rankings(args: argparse.Namespace) -> int:
    from vfk_desktop import textout
    from vfk_desktop.store.queries import ranking_rows, resolve_district

    with _open(args) as store:
        locality = resolve_district(store, args.locality)
        rows = ranking_rows(store, locality)
    if args.json:
        print(json.dumps([row.to_json() for row in rows], indent=2, ensure_ascii=False))
    else:
        print(textout.rankings(locality, rows))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from vfk_desktop import cli_import

    return cli_import.cmd_import(args, _open)


def cmd_profiles(args: argparse.Namespace) -> int:
    from vfk_desktop import cli_import

    return cli_import.cmd_profiles(args, _open)


def cmd_imports(args: argparse.Namespace) -> int:
    from vfk_desktop import textout
    from vfk_desktop.store.imports import list_imports

    with _open(args) as store:
        records = list_imports(store)
    if args.json:
        print(json.dumps([r.to_json() for r in records], indent=2, ensure_ascii=False))
    else:
        print(textout.imports(records))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from vfk_desktop.store.imports import undo_import

    with _open(args) as store:
        restored = undo_import(store, args.import_id)
    print(f"Import {args.import_id} undone: its figures were removed and {restored} earlier "
          f"figure(s) put back.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from vfk_desktop.store.integrity import check

    try:
        store = _open(args)
    except DamagedDatabase as error:  # the damage is the check's answer, not a refusal to check
        print(f"{error} {what_to_restore(Path(error.path))}")
        return 1
    with store:
        problems = list(dict.fromkeys([*store.damaged[:1], *check(store)]))  # a lost -wal first
    if problems:
        shown = "; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
        print(f"{store.path}: {shown}. {what_to_restore(store.path)}")
        return 1
    print("ok")
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from vfk_desktop.store.backups import describe_json, list_backups

    found = list_backups(resolve_db_path(args.db))
    if args.json:
        print(describe_json(found))
    elif not found:
        print("No backups yet.")
    for backup in [] if args.json else found:
        print(f"{backup.at:%Y-%m-%d %H:%M:%S}  {backup.size / 1024:8.0f} KiB  {backup.path.name}  "
              f"({backup.reason})")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from vfk_desktop.logs import logger
    from vfk_desktop.store.integrity import restore_backup

    db = resolve_db_path(args.db)
    safety = restore_backup(db, args.backup)
    logger().info("restored %s over %s; the file it replaced is in %s", args.backup, db, safety.name)
    print(f"Restored {args.backup}. The file it replaced was backed up as {safety.name}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from vfk_desktop.facts.exports import county_facts, return_facts
    from vfk_desktop.facts.publication import publication_note, published_county, published_return
    from vfk_desktop.io.writers.exports import check_locality_name, export_county, export_locality
    from vfk_desktop.store.queries import resolve_district

    out = Path(args.out)
    with _open(args) as store:
        period = _period_with_data(store, args.period)
        if args.county:
            facts = county_facts(store, period)
            done = export_county(published_county(store, facts) if args.publication else facts, out)
            print(done.sentence())
        else:
            locality = resolve_district(store, args.locality)
            check_locality_name(out)
            facts = return_facts(store, locality, period)
            done = export_locality(published_return(store, facts) if args.publication else facts, out)
            print(done.sentence(locality))
        if args.publication:
            print(publication_note())
    return 0


def cmd_chart(args: argparse.Namespace) -> int:
    from vfk_desktop.charts.drawer import chart_drawer, draw_here

    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".svg"):
        raise VfkError(f"{out.name}: a chart is written as .png or .svg.")
    if args.kind in ("districts", "trend", "funnel", "map", "spc") and not args.indicator:
        raise VfkError(f"A {args.kind} chart needs --indicator CODE (for example --indicator 163).")
    drawer = chart_drawer()  # loads Qt in a second process while the figures are worked out here
    if drawer is None:
        locality, data = _chart_data(args)
        draw_here(data, out)
    else:
        with drawer:
            locality, data = _chart_data(args)
            drawer.draw(data, out)
    print(f"{locality}: {args.kind} chart written to {out}.")
    return 0


def _chart_data(args: argparse.Namespace) -> tuple[str, object]:
    """The district the chart is for and the figures it draws."""
    from vfk_desktop.domain.codes import parse_code
    from vfk_desktop.facts import charts as chart_data
    from vfk_desktop.store.queries import catalogue, resolve_district

    with _open(args) as store:
        locality = resolve_district(store, args.locality)
        period = _period_with_data(store, args.period)
        code = None
        if args.indicator:
            code = parse_code(args.indicator)  # BadCode for text that is no code at all
            if code not in catalogue(store):
                raise UnknownIndicator(code, ' (try "NI 163")')
        if args.kind == "districts":
            data = chart_data.districts_data(store, locality, code, period, alone=True)
            if data is None:
                raise VfkError(f"No district has a value for {code}; there is nothing to chart.")
        elif args.kind == "trend":
            data = chart_data.trend_data(store, locality, code, alone=True)
            if data.why_empty:
                raise VfkError(data.why_empty)
        elif args.kind == "spc":
            data = chart_data.spc_data(store, locality, code, alone=True)
            if data is None:
                raise VfkError(f"{locality} has fewer than two figures of one kind of period for {code}; "
                               "an SPC chart needs a series.")
        elif args.kind == "range":
            data = chart_data.range_data(store, locality, period)
        elif args.kind in ("spine", "funnel", "map"):
            data = chart_data.kind_data(store, args.kind, locality, code, period, alone=True)
        else:
            data = chart_data.priorities_status_data(store, locality, period)
    return locality, data


def cmd_report(args: argparse.Namespace) -> int:
    from vfk_desktop.charts.drawer import offscreen_app
    from vfk_desktop.facts.board import build_pack
    from vfk_desktop.facts.publication import published_pack
    from vfk_desktop.store.queries import resolve_district

    app = offscreen_app()  # noqa: F841 - lives while the pages are laid out
    from vfk_desktop.reports.board import KINDS, check_target, write_paper
    from vfk_desktop.reports.printing import PageSetup

    out = check_target(Path(args.out), tuple(KINDS))
    with _open(args) as store:
        locality = resolve_district(store, args.locality)
        pack = build_pack(store, locality, _period_with_data(store, args.period), all_rows=args.all_rows)
        if args.publication:
            pack = published_pack(store, pack)
    what, size = write_paper(pack, out, PageSetup(paper=args.paper, landscape=args.landscape))
    print(f"{locality}: {what} written to {args.out} ({size}).")
    return 0


LOCALITY_HELP = ('a district: its name in any spelling ("tunbridge wells", "Tonbridge & Malling"), a short '
                 'form (TWBC) or the start of its name ("Tunbridge"); `vfk localities` lists them')
PUBLICATION_HELP = ("for publication: withhold district counts of 1 to 7 and every value and interval "
                    "worked out from them, with a note saying so")
PERIOD_HELP = ("a reporting year such as 2008/09 (the financial year, the calendar year 2008 that ends in "
               "it, and the quarters and months in it) or one period: 2008, 2009/10 Q3, Mar 2010 "
               "(default: each indicator at its newest comparable period; `vfk periods` lists them)")


class _Unasked:
    """Stands in for the options of a command the command line did not name: every call is
    accepted and nothing is set up."""

    def __getattr__(self, name: str) -> Callable[..., _Unasked]:
        return lambda *args, **kwargs: self


def _command_named(argv: Sequence[str]) -> str | None:
    """The command a command line names (its first word that is not an option or --db's value)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command and its options; with only=NAME, that one command's alone (a command line
    that names its command needs no other's, and setting up all of them costs more than
    answering `vfk fare` from a kept answer). An unknown name gets the whole parser."""
    if only is not None:
        parser = _parser(only)
        if parser is not None:
            return parser
    whole = _parser(None)
    assert whole is not None
    return whole


def _parser(only: str | None) -> argparse.ArgumentParser | None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH",
                        help="the database file (default: $VFK_DB, else the user's data folder)")
    parser = argparse.ArgumentParser(
        prog="vfk", description="Locality Board figures for Kent's districts: import, compare, "
        "export and print.")
    parser.add_argument("--db", default=None, metavar="PATH",
                        help="the database file (default: $VFK_DB, else the user's data folder)")
    parser.add_argument("--version", action="version", version=f"vfk_desktop {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    added = []

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return cast(argparse.ArgumentParser, _Unasked())
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        added.append(name)
        return sub

    def wanted(*names: str) -> bool:  # the commands another module adds, imported only for them
        return only is None or only in names

    init = add("init", cmd_init, "create or upgrade the database and load the reference data")
    init.add_argument("--sample", action="store_true", help="also load the sample data")

    fare = add("fare", cmd_fare, "How does a district fare in Kent?")
    fare.add_argument("--locality", required=True, metavar="NAME", help=LOCALITY_HELP)
    fare.add_argument("--period", metavar="P", help=PERIOD_HELP)
    fare.add_argument("--json", action="store_true", help="print JSON rows")

    if wanted("localities", "periods", "indicators"):
        from vfk_desktop import cli_listings

        listers = (
            ("localities", cli_listings.cmd_localities,
             "the districts, Kent and the other places, with the spellings each is known by"),
            ("periods", cli_listings.cmd_periods,
             "the periods that have figures, with their reporting year"),
            ("indicators", cli_listings.cmd_indicators,
             "the indicator catalogue, with how many figures each has"),
        )
        for name, lister, what in listers:
            listing = add(name, functools.partial(lister, _open=_open), what)
            listing.add_argument("--json", action="store_true", help="print JSON rows")
    if wanted("actions", "action"):
        from vfk_desktop.cli_actions import add_commands as add_action_commands

        add_action_commands(add, _open)
    if wanted("publish", "pull"):
        from vfk_desktop.cli_county import add_commands as add_county_commands

        add_county_commands(add, _open)
    rankings = add("rankings", cmd_rankings, "a district's High / Medium / Low priority ranking")
    rankings.add_argument("--locality", required=True, metavar="NAME", help=LOCALITY_HELP)
    rankings.add_argument("--json", action="store_true", help="print JSON rows")

    imp = add("import", cmd_import, "import spreadsheets, all or nothing")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--sheet", metavar="NAME", help="read only this sheet of each workbook")
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.add_argument("--add-indicators", action="store_true",
                     help="add unknown indicator codes to the catalogue (titled as the file "
                          "titles them, else by their code)")
    imp.add_argument("--include-hidden", action="store_true",
                     help="also read hidden sheets, rows and columns (left out by default)")
    if wanted("import"):
        from vfk_desktop.cli_import import add_import_options

        add_import_options(imp)
    profiles = add("profiles", cmd_profiles, "list the saved column profiles (--map … --save-profile)")
    profiles.add_argument("--json", action="store_true", help="print JSON rows")

    listing = add("imports", cmd_imports, "list the imports")
    listing.add_argument("--json", action="store_true", help="print JSON rows")

    undo = add("undo", cmd_undo, "take an import back, restoring what it replaced")
    undo.add_argument("import_id", type=int, metavar="IMPORT_ID")

    add("check", cmd_check, "check the database is whole (prints ok, or what is wrong and exits 1)")
    backups = add("backups", cmd_backups, "list the automatic backups, newest first")
    backups.add_argument("--json", action="store_true", help="print JSON rows")
    restore = add("restore", cmd_restore, "put a backup back (the current file is backed up first)")
    restore.add_argument("backup", metavar="BACKUP", help="a backup's file name (from `vfk backups`) or path")

    chart = add("chart", cmd_chart, "one chart, as the app draws it, as PNG or SVG")
    chart.add_argument("--locality", required=True, metavar="NAME", help=LOCALITY_HELP)
    chart.add_argument("--indicator", metavar="CODE", help="needed for districts, trend, funnel, map and spc")
    chart.add_argument("--kind", required=True, choices=("districts", "range", "trend", "priorities",
                                                         "spine", "funnel", "map", "spc"))
    chart.add_argument("--out", required=True, metavar="FILE.png|FILE.svg")
    chart.add_argument("--period", metavar="P", help=PERIOD_HELP)

    export = add("export", cmd_export, "a district's KA2 return (.xlsx) or fare table (.csv), or the "
                 "county workbook of all 12 districts (.xlsx)")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--locality", metavar="NAME",
                       help="the district whose KA2 return or fare table to write")
    which.add_argument("--county", action="store_true", help="the county workbook of all 12 districts")
    export.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    export.add_argument("--period", metavar="P", help=PERIOD_HELP)
    export.add_argument("--publication", action="store_true", help=PUBLICATION_HELP)

    if wanted("changes"):
        from vfk_desktop.cli_changes import add_changes_command

        add_changes_command(add, LOCALITY_HELP, PERIOD_HELP, _open, _period_with_data)

    report = add("report", cmd_report, "the Board pack for a district: a PDF, a Word paper (.docx) or slides "
                 "(.pptx)")
    report.add_argument("--locality", required=True, metavar="NAME", help=LOCALITY_HELP)
    report.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx|FILE.pptx")
    report.add_argument("--period", metavar="P", help=PERIOD_HELP)
    report.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    report.add_argument("--landscape", action="store_true", help="turn the pages sideways")
    report.add_argument("--publication", action="store_true", help=PUBLICATION_HELP)
    report.add_argument("--all-rows", action="store_true",
                        help="list every indicator without data in the tables (default: one line per band)")
    return parser if added else None


def _utf8_output() -> None:
    """Rows hold "■", "–" and "↑": write UTF-8 even where the console's code page cannot (Windows)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _quiet_broken_pipe() -> None:
    """The reader went away (`vfk fare | head`): what is still buffered goes nowhere, silently."""
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    from vfk_desktop.reader_child import serve_if_reader_child

    serve_if_reader_child()
    _utf8_output()
    given = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(only=_command_named(given)).parse_args(given)
    try:
        return args.handler(args)
    except UsageError as error:  # wrong usage: a file name, a role, a heading
        print(f"vfk: {error}", file=sys.stderr)
        return 2
    except VfkError as error:
        told = f"{error} {what_to_restore(Path(error.path))}" if isinstance(error, DamagedDatabase) else error
        print(f"vfk: {told}", file=sys.stderr)
        from vfk_desktop.logs import log_refusal

        log_refusal(f"vfk {args.command}", error)
        return 1
    except KeyboardInterrupt:
        print("vfk: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0
    except Exception as error:  # a bug: one line here, the traceback in the log
        from vfk_desktop.logs import log_exception

        where = log_exception(error, context=f"vfk {args.command}")
        print(f"vfk: unexpected error ({type(error).__name__}: {error}); details in {where}",
              file=sys.stderr)
        return 1


def run() -> None:
    """The `vfk` command: main(), then the process ends without freeing what the command made."""
    from vfk_desktop import quick_exit

    quick_exit.ends_with_command()
    quick_exit.end(main())


if __name__ == "__main__":
    run()
