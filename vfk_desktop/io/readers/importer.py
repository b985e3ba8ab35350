"""From files to an import plan: open each file, find each sheet's layout, read every row.

Nothing here writes; `vfk_desktop.store.imports` applies a plan that has no rejected row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vfk_desktop.io.readers import long_layout
from vfk_desktop.io.readers.headers import Header, read_header
from vfk_desktop.io.readers.long_layout import Columns
from vfk_desktop.io.readers.plan import FileInfo, ImportContext, ImportPlan
from vfk_desktop.io.readers.sheets import BadFile, Sheet, is_blank, read_csv_sheet

HEADER_SEARCH_ROWS = 30
MAX_FILE_BYTES = 200 * 1024 * 1024

Progress = Callable[[int, int], None]


def plan_import(
    paths: list[Path],
    ctx: ImportContext,
    sheet_name: str | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read every file into one plan; a file that cannot be read at all raises BadFile."""
    plan = ImportPlan()
    for done, path in enumerate(paths):
        if progress:
            progress(done, len(paths))
        data = _read_bytes(path)
        plan.files.append(FileInfo.of(path, data))
        for sheet in open_sheets(path, data, sheet_name):
            read_sheet(sheet, ctx, plan)
    if progress:
        progress(len(paths), len(paths))
    return plan


def _read_bytes(path: Path) -> bytes:
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
        raise BadFile(f"{path.name} is {size // 2**20} MB; files over "
                      f"{MAX_FILE_BYTES // 2**20} MB are refused.")
    try:
        return path.read_bytes()
    except OSError as error:
        raise BadFile(f"{path.name} cannot be read: {error.strerror}.") from error


def open_sheets(path: Path, data: bytes, sheet_name: str | None) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        if sheet_name:
            raise BadFile(f"{path.name} is a CSV file and has no sheets; leave out --sheet.")
        return [read_csv_sheet(path, data)]
    raise BadFile(
        f"{path.name} is not a file type vfk imports (use .xlsx, .xlsm, .xls, .ods or .csv)."
    )


def find_header(sheet: Sheet) -> tuple[int, list[Header]] | None:
    """The row (within the first rows) whose cells name the most known columns; at least two."""
    best: tuple[int, int, list[Header]] | None = None
    seen = 0
    for number, cells in sheet.rows:
        if all(is_blank(cell) for cell in cells):
            continue
        seen += 1
        if seen > HEADER_SEARCH_ROWS:
            break
        headers = [read_header(cell) for cell in cells]
        known = sum(1 for h in headers if h.role is not None)
        if known >= 2 and (best is None or known > best[0]):
            best = (known, number, headers)
    return (best[1], best[2]) if best else None


def read_sheet(sheet: Sheet, ctx: ImportContext, plan: ImportPlan) -> None:
    where = f'{sheet.file.name}, sheet "{sheet.name}"' if sheet.name else sheet.file.name
    found = find_header(sheet)
    if found is None:
        if any(not is_blank(cell) for _, cells in sheet.rows for cell in cells):
            plan.reject(None, "no header row naming a locality, an indicator and a value was "
                              "found in the first 30 rows.", file=sheet.file.name, sheet=sheet.name)
        return  # an empty sheet has nothing to import
    header_row, headers = found
    columns = Columns.of(headers)
    if long_layout.fits(columns):
        plan.sheets_read.append(f"{where}: one row per locality, indicator and period")
        long_layout.read(sheet, header_row, columns, ctx, plan)
        return
    found_words = ", ".join(f'"{h.text}"' for h in headers if h.text) or "none"
    plan.reject(
        None,
        f"the sheet cannot be understood: missing {', '.join(columns.missing_for_long())} "
        f"(headers found in row {header_row}: {found_words}).",
        file=sheet.file.name, sheet=sheet.name, row=header_row,
    )
