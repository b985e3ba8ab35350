"""`vfk import` and `vfk profiles`: importing from the command line, whole or leaving refused rows out,
with columns chosen by heading (--map, --profile, --indicator) when a sheet cannot be read alone."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vfk_desktop.bulk import without_cycle_collection
from vfk_desktop.domain.errors import UsageError
from vfk_desktop.quick_exit import leave_to_the_end


def add_import_options(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("--skip-refused", action="store_true",
                     help="import the rows that pass and leave the refused ones out (one import)")
    imp.add_argument("--refused-out", metavar="FILE.xlsx",
                     help="with --skip-refused: write the refused rows, each with its reason, here")
    imp.add_argument("--map", action="append", default=[], metavar="HEADING=ROLE",
                     help="the role of the column headed HEADING (repeat for each column); roles: "
                          "locality, indicator code, indicator title, period, value, Kent target, …")
    imp.add_argument("--indicator", metavar="CODE", help="the indicator of a sheet that has no "
                                                         "indicator column (with --map or --profile)")
    imp.add_argument("--profile", metavar="NAME", help="read the columns as the saved profile NAME")
    imp.add_argument("--save-profile", metavar="NAME",
                     help="remember the --map choices as NAME for files with the same headings")


def _chosen_profiles(args: argparse.Namespace, store, readers=None) -> list:
    """The columns the officer chose, as profiles for the readers (none when none were chosen)."""
    from vfk_desktop.io.readers.chosen import choose_columns, pairs_of_profile, parse_indicator, parse_map
    from vfk_desktop.io.readers.importer import open_sheets, read_bytes
    from vfk_desktop.store.profiles import profile_named

    if args.refused_out and not args.skip_refused:
        raise UsageError("--refused-out goes with --skip-refused (without it nothing is imported "
                         "when a row is refused).")
    if args.save_profile and not args.map:
        raise UsageError("--save-profile names the columns chosen with --map; give --map too.")
    if args.map and args.profile:
        raise UsageError("Give either --map or --profile, not both.")
    indicator = parse_indicator(args.indicator)
    pairs = parse_map(args.map)
    if args.profile:
        pairs, saved_indicator = pairs_of_profile(profile_named(store, args.profile))
        indicator = indicator or saved_indicator
    if not pairs:
        if indicator:
            raise UsageError("--indicator goes with --map or --profile (say which column holds what).")
        return []
    sheets = []
    for name in args.files:
        path = Path(name)
        sheets += [(path.name, sheet) for sheet in open_sheets(path, read_bytes(path), args.sheet, readers)]
    return choose_columns(sheets, pairs, indicator)


def cmd_import(args: argparse.Namespace, store_opener) -> int:
    from vfk_desktop.io.readers.isolated import reader_child

    with reader_child() as readers:
        # the reader child starts, and reads the first file, while the rest loads and the database opens
        readers.start_soon(fork=True)
        if args.files:
            readers.read_soon(Path(args.files[0]), args.sheet)
        return _import(args, store_opener, readers)


# The whole command, not only the reading and the writing: when the collector runs again, the plan of
# 200,000 rows is gone, or kept out of its way (leave_to_the_end), instead of being walked once more
# (a tenth of a second).
@without_cycle_collection
def _import(args: argparse.Namespace, store_opener, readers) -> int:
    from vfk_desktop import textout
    from vfk_desktop.domain.partial import refused_with_copies
    from vfk_desktop.io.readers.importer import plan_import
    from vfk_desktop.store.import_rows import import_rows
    from vfk_desktop.store.imports import apply_plan, import_context, read_stored_figures
    from vfk_desktop.store.profiles import save_profile

    if args.refused_out:
        from vfk_desktop.io.writers.output import check_suffix

        check_suffix(Path(args.refused_out), (".xlsx",), "the workbook of refused rows")
    with store_opener(args) as store:
        chosen = _chosen_profiles(args, store, readers)
        ctx = import_context(store, add_indicators=args.add_indicators)
        for choice in chosen:
            ctx.profiles[choice.signature] = choice.profile_json()
        plan = plan_import([Path(name) for name in args.files], ctx, sheet_name=args.sheet,
                           include_hidden=args.include_hidden, readers=readers,
                           meanwhile=lambda: read_stored_figures(store))
        from vfk_desktop.cli_actions import actions_in

        returned = actions_in(args.files)  # read (and refused) before anything is written
        result = apply_plan(store, plan, dry_run=args.dry_run, skip_refused=args.skip_refused,
                            detailed=args.dry_run and args.json)
        if returned and result.ok and not args.dry_run:
            from vfk_desktop.cli_actions import take_back_actions

            take_back_actions(store, returned, quiet=args.json)
        if args.save_profile and not args.dry_run:
            for choice in chosen:
                save_profile(store, choice.headings, {s.index: s for s in choice.specs},
                             name=args.save_profile, indicator=choice.indicator)
    written = None
    if args.refused_out and result.partial and not args.dry_run:
        from vfk_desktop.io.writers.refused import write_refused

        count = write_refused(refused_with_copies(plan), Path(args.refused_out))
        written = f"The {count:,} refused row(s) are in {args.refused_out}, each with its reason."
    if args.json:
        found = result.to_json()
        if written:
            found["refused_out"] = str(args.refused_out)
        if args.dry_run:
            found["rows"] = import_rows(plan, result)
        print(json.dumps(found, indent=2, ensure_ascii=False))
    else:
        print(textout.import_report(result, plan))
        if written:
            print(written)
        if args.save_profile and chosen and not args.dry_run:
            print(f'Column choices saved as the profile "{args.save_profile}".')
    if not result.ok:  # the refusals are listed above (or in the JSON): one line here
        count = len(result.rejected)
        print(f"vfk: nothing was imported: {count:,} row(s) refused"
              + ("" if args.json else " (listed above)")
              + ("." if args.skip_refused else "; --skip-refused imports the rows that pass."),
              file=sys.stderr)
    leave_to_the_end(plan, result, store)  # its stored figures too: freed with the process, at once
    return 0 if result.ok else 1


def cmd_profiles(args: argparse.Namespace, store_opener) -> int:
    from vfk_desktop.store.profiles import list_profiles

    with store_opener(args) as store:
        profiles = list_profiles(store)
    if args.json:
        print(json.dumps([p.to_json() for p in profiles], indent=2, ensure_ascii=False))
        return 0
    if not profiles:
        print("No saved profiles. `vfk import FILE --map HEADING=ROLE … --save-profile NAME` makes one.")
    for profile in profiles:
        roles = "; ".join(f"{heading} = {role}" for heading, role in profile.roles.items())
        extra = f"; indicator {profile.indicator}" if profile.indicator else ""
        print(f"{profile.name or '(no name)'}: {roles}{extra}")
    return 0
