"""From files to an import plan: identify each file, open its sheets, read each sheet's layout.

Nothing here writes; `vfk_desktop.store.imports` applies a plan that has no rejected row. A file
that cannot be read at all raises BadFile with one sentence; a sheet that cannot be understood is
a rejection, unless another sheet of the same workbook was understood (then it is a note).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vfk_desktop.bulk import without_cycle_collection
from vfk_desktop.domain.fraction_check import check_fractions
from vfk_desktop.domain.import_plan import FileInfo, ImportContext, ImportPlan, UnreadSheet
from vfk_desktop.domain.kent_check import kent_disagreements
from vfk_desktop.domain.values import NOT_AVAILABLE
from vfk_desktop.io.readers.chosen import with_given_indicator
from vfk_desktop.io.readers.hidden import leave_out_hidden
from vfk_desktop.io.readers.isolated import MAX_FILE_BYTES, ReaderChild, reader_child
from vfk_desktop.io.readers.own_export import read_return_edits
from vfk_desktop.io.readers.public_data import read_public_data
from vfk_desktop.io.readers.row_copies import copy_rows
from vfk_desktop.io.readers.sheets import BadFile, ImportCancelled, Sheet, blank_row
from vfk_desktop.io.readers.table import Outcome, SheetReader

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


@without_cycle_collection
def plan_import(
    paths: list[Path],
    ctx: ImportContext,
    sheet_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    include_hidden: bool = False,
    readers: ReaderChild | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> ImportPlan:
    """Read every file into one plan (several files are one import: all or nothing together).

    Hidden sheets, rows and columns are left out, each with a note, unless include_hidden. Each
    file is parsed in a child process (readers, or one started for this import); meanwhile is
    done while it parses the first.
    """
    if readers is None:
        with reader_child() as readers:
            return plan_import(paths, ctx, sheet_name, progress, cancelled, include_hidden, readers,
                               meanwhile)
    plan = ImportPlan()
    ours = set()  # (file, sheet) of vfk's own exports, whose blanks are records
    for done, path in enumerate(paths):
        if progress:
            progress(done / len(paths), f"Reading {path.name}")
        if cancelled and cancelled():
            raise ImportCancelled()
        data = read_bytes(path)
        plan.files.append(FileInfo.of(path, data))
        sheets = leave_out_hidden(open_sheets(path, data, sheet_name, readers, cancelled,
                                              meanwhile if done == 0 else None),
                                  plan, include_hidden, sheet_name)
        outcomes = []
        for number, sheet in enumerate(sheets):
            if cancelled and cancelled():
                raise ImportCancelled()

            def report(fraction: float, done: int = done, number: int = number,
                       total: int = len(sheets), name: str = path.name) -> None:
                if progress:
                    progress((done + (number + fraction) / total) / len(paths), f"Reading {name}")

            if sheet.export_role:
                ours.add((path.name, sheet.name))
            if sheet.export_role == "return":
                outcomes.append((sheet, read_return_edits(sheet, ctx, plan)))
                continue
            public = None if sheet.export_role else read_public_data(sheet, ctx, plan)
            if public is not None:  # a Fingertips or LG Inform file, known by its headings
                outcomes.append((sheet, public))
                continue
            sheet = with_given_indicator(sheet, ctx.profiles)  # --indicator CODE
            refused, skipped = len(plan.rejected), len(plan.skipped)
            reader = SheetReader(sheet, ctx, plan, progress=report, cancelled=cancelled)
            outcome = reader.read()
            if outcome.read and not _rows_under(sheet, reader.header_rows):
                outcome = Outcome(False, NO_ROWS)
            outcomes.append((sheet, outcome))
            copy_rows(sheet, reader, plan, plan.rejected[refused:] + plan.skipped[skipped:])
        if sheets and sheets[0].export_role:
            plan.notes.append(f"{path.name} was exported by vfk_desktop: its Data sheet was read"
                              + (" with the Return sheet's priorities and comments"
                                 if len(sheets) > 1 else "")
                              + "; its other sheets are laid out for people and were left alone.")
        _report(path, outcomes, plan)
    # a stated Kent its districts contradict, in this file or with what the database holds
    plan.notes += kent_disagreements(plan, ctx.matcher.districts, ctx.held)
    check_fractions(plan, plan.fraction_candidates, ctx.stored)
    plan.blank_figures = {key for key, f in plan.figures.items() if f.value is None and f.text is None
                          and f.missing == NOT_AVAILABLE and (f.file, f.sheet) not in ours}
    if progress:
        progress(1.0, "Checked")
    return plan


NO_ROWS = "it has headings but no rows of figures under them"


def _rows_under(sheet: Sheet, header_rows: list[int]) -> bool:
    """Whether any row below the sheet's last heading row holds anything."""
    below = max(header_rows, default=sheet.first_row) - sheet.first_row + 1
    return any(not blank_row(row) for row in sheet.rows[below:])


def _report(path: Path, outcomes: list, plan: ImportPlan) -> None:
    understood = [(s, o) for s, o in outcomes if o.read]
    for sheet, outcome in outcomes:
        if not outcome.read and outcome.headers:
            plan.unread.append(_unread(path, sheet, outcome))
        where = f'sheet "{sheet.name}"' if sheet.name else "the file"
        if outcome.read:
            plan.sheets_read.append(f"{path.name}, {where}: {outcome.description}")
        elif outcome.description == "the sheet is empty":
            continue
        elif understood:
            plan.notes.append(f"{path.name}, {where} was not imported: {outcome.description}.")
        elif outcome.description == NO_ROWS:
            plan.reject(None, f"there is nothing to import: {NO_ROWS}.", file=path.name, sheet=sheet.name)
        else:
            what = "this sheet" if sheet.name else "the file"
            plan.reject(None, f"{what} cannot be understood: {outcome.description}.",
                        file=path.name, sheet=sheet.name)
    if not understood and all(o.description == "the sheet is empty" for _, o in outcomes):
        plan.reject(None, "there is nothing to import: every sheet is empty.", file=path.name)


SAMPLE_ROWS = 8


def _unread(path: Path, sheet: Sheet, outcome) -> UnreadSheet:
    """A sheet to map by hand, with its first rows under the header to show the officer."""
    start = outcome.header_row - sheet.first_row + 1
    numbered = [(sheet.first_row + start + i, tuple(row))
                for i, row in enumerate(sheet.rows[start:start + SAMPLE_ROWS * 4]) if not blank_row(row)]
    numbered = numbered[:SAMPLE_ROWS]
    return UnreadSheet(path, sheet.name, outcome.header_row, tuple(outcome.headers),
                       tuple(row for _, row in numbered), tuple(n for n, _ in numbered))


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise BadFile(f"{path} does not exist.") from error
    except OSError as error:
        raise BadFile(f"{path} cannot be read: {error.strerror}.") from error
    if path.is_dir():
        raise BadFile(f"{path} is a folder, not a spreadsheet.")
    if size == 0:
        raise BadFile(f"{path.name} is empty (0 bytes).")
    if size > MAX_FILE_BYTES:
        raise BadFile(f"{path.name} is {size // 2**20:,} MB; files over "
                      f"{MAX_FILE_BYTES // 2**20} MB are refused.")
    try:
        return path.read_bytes()
    except OSError as error:
        raise BadFile(f"{path.name} cannot be read: {error.strerror}.") from error


def open_sheets(path: Path, data: bytes, sheet_name: str | None, readers: ReaderChild | None = None,
                cancelled: Cancelled | None = None,
                meanwhile: Callable[[], None] | None = None) -> list[Sheet]:
    """The file's sheets, parsed in a child process within limits of memory and time."""
    if readers is None:
        with reader_child() as readers:
            return readers.read(path, data, sheet_name, cancelled, meanwhile)
    return readers.read(path, data, sheet_name, cancelled, meanwhile)
