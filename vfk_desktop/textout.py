"""Plain-text tables for the terminal: the CLI's face on the core's answers (no figure computed here)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from vfk_desktop import present
from vfk_desktop.domain.model import Priority
from vfk_desktop.domain.periods import Period

if TYPE_CHECKING:
    from vfk_desktop.domain.fare import FareRow
    from vfk_desktop.domain.import_plan import ImportPlan
    from vfk_desktop.store.imports import ImportRecord, ImportResult
    from vfk_desktop.store.queries import Ranking

REJECTIONS_SHOWN = 25


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: set[int]) -> list[str]:
    rows = [list(row) for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


FARE_HEADERS = ["Code", "Indicator", "Period", "Value", "Target", "Kent", "vs Kent", "Best", "Worst",
                "Rank", "Status", "Direction"]


def _fare_cells(row: FareRow) -> list[str]:
    return [row.code, row.title, present.period(row), present.value(row), present.target(row),
            present.kent(row), present.vs_kent_significance(row), present.best(row),
            present.worst(row), present.rank_and_quartile(row),
            present.status(row), present.direction(row)]


def fit_titles(cells: list[list[str]], headers: list[str], title: int = 1) -> list[list[str]]:
    """The rows with their title column cut to what the terminal's width leaves after the other
    columns; whole titles when the output is not a terminal (a file, a pipe)."""
    if not cells or not sys.stdout.isatty():
        return cells
    others = sum(max(len(headers[i]), *(len(r[i]) for r in cells)) + 2
                 for i in range(len(headers)) if i != title)
    room = max(20, shutil.get_terminal_size((120, 20)).columns - others)
    return [[*r[:title], _clip(r[title], room), *r[title + 1:]] for r in cells]


def fare(locality: str, rows: list[FareRow], period: Period | None = None) -> str:
    out = [f"How does {locality} fare in Kent?", present.period_words(period) + "; rank 1 = best of the "
           "districts with a value (no rank where fewer than enough districts reported)."]
    cells = dict(zip(map(id, rows), fit_titles([_fare_cells(r) for r in rows], FARE_HEADERS),
                     strict=True))
    bands = [(p, [r for r in rows if r.priority is p]) for p in (*Priority, None)]
    for band, members in bands:
        if not members:
            continue
        out += ["", f"{band.value} priorities" if band else "Not ranked"]
        out += table(FARE_HEADERS, [cells[id(r)] for r in members], right={3, 4, 5, 7, 8, 9})
        out += [f"  {r.code}: {present.newer(r)}" for r in members if r.own_newer]
    return "\n".join(out)



def rankings(locality: str, rows: list[Ranking]) -> str:
    rounds = [p.label for p in sorted({r.round for r in rows})]
    out = [f"{locality} KA2 priorities" + (f" (ranked {', '.join(rounds)})" if rounds else "")]
    if not rows:
        out.append("No ranking has been recorded for this district.")
    for band in Priority:
        members = [r for r in rows if r.priority is band]
        if not members:  # an empty band is not a heading over nothing
            continue
        out += ["", f"{band.value.upper()} PRIORITY ({len(members)})"]
        theme = object()
        for r in members:
            if r.theme != theme:
                theme = r.theme
                out.append(f"  {theme or 'No theme'}")
            out.append(f"    {r.code:<8} {r.title}")
    return "\n".join(out)


def import_report(result: ImportResult, plan: ImportPlan | None = None) -> str:
    """The summary, the sheets read, then each refused and skipped row: each problem said once."""
    if result.rejected and not result.partial:
        count = len(result.rejected)
        out = ["Nothing was imported: " + ("1 problem" if count == 1 else f"{count:,} problems")
               + " to fix in the file (imports are all or nothing; --skip-refused imports the rest)."]
    else:
        out = [result.summary()]
    if plan is not None:
        out += [f"  read: {line}" for line in plan.sheets_read]
        out += [f"  note: {line}" for line in plan.notes]
    word = "left out" if result.partial else "refused"
    for problem in result.rejected[:REJECTIONS_SHOWN]:
        out.append(f"  {word}: {problem.sentence()}")
    if len(result.rejected) > REJECTIONS_SHOWN:
        out.append(f"  … and {len(result.rejected) - REJECTIONS_SHOWN} more refused rows "
                   f"(use --json to list them all).")
    for problem in result.skipped[:REJECTIONS_SHOWN]:
        out.append(f"  skipped: {problem.sentence()}")
    if result.blank:
        out.append(f"  skipped (blank): {result.blank:,} blank cell(s), no figure given.")
    return "\n".join(out)


def imports(records: list[ImportRecord]) -> str:
    if not records:
        return "No imports yet."
    return "\n".join(table(
        ["Import", "When", "Who", "Files", "Inserted", "Updated", "Unchanged", "Skipped", "Undone"],
        (
            [str(r.import_id), r.at[:16].replace("T", " "), r.user,
             _clip(", ".join(r.files) or r.kind, 40), str(r.inserted), str(r.updated),
             str(r.unchanged), str(r.skipped), (r.undone or "")[:16].replace("T", " ")]
            for r in records
        ),
        right={0, 4, 5, 6, 7},
    ))


def localities(rows: list[tuple[str, str, list[str]]]) -> str:
    kinds = {"district": "district", "county": "the county", "outside": "outside Kent"}
    cells = [[name, kinds.get(kind, kind), ", ".join(aliases)] for name, kind, aliases in rows]
    return "\n".join(table(["Place", "Kind", "Also written"], cells, right=set()))


def periods(rows: list[dict]) -> str:
    if not rows:
        return "No figures yet."
    return "\n".join(table(["Period", "Kind", "Reporting year", "Values", "Places"],
                           ([r["period"], r["kind"], r["reporting_year"], str(r["values"]), str(r["places"])]
                            for r in rows), right={3, 4}))


def indicators(rows: list[dict]) -> str:
    cells = [[r["code"], r["title"], r["theme"] or "", r["unit"] or "", r["polarity"] or "not known",
              "KA2" if r["ka2"] else "", str(r["values"])] for r in rows]
    headers = ["Code", "Indicator", "Theme", "Unit", "Polarity", "KA2", "Values"]
    return "\n".join(table(headers, fit_titles(cells, headers), right={6}))
