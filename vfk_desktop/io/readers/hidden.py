"""Hidden sheets, rows and columns: left out unless the officer asks for them, each said in a note.

A partner hides lookup lists, working columns and superseded rows; they are not the figures the
sheet shows. The workbook readers only record what is hidden; this decides what is read.
"""

from __future__ import annotations

from vfk_desktop.domain.import_plan import ImportPlan
from vfk_desktop.io.readers.sheets import Sheet, column_letter


def number_ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    parts, start, last = [], None, None
    for number in sorted(numbers):
        if start is not None and number == last + 1:
            last = number
            continue
        if start is not None:
            parts.append(f"{start}-{last}" if last != start else str(start))
        start = last = number
    if start is not None:
        parts.append(f"{start}-{last}" if last != start else str(start))
    return ", ".join(parts)


def leave_out_hidden(sheets: list[Sheet], plan: ImportPlan, include_hidden: bool,
                     chosen: str | None = None) -> list[Sheet]:
    """The sheets to read, hidden rows and columns blanked out; a note for each thing left out."""
    kept = []
    for sheet in sheets:
        where = f'{sheet.file_name}, sheet "{sheet.name}"'
        if sheet.hidden and not include_hidden and sheet.name != chosen:
            plan.notes.append(f"{where} is hidden: left out (import with --include-hidden to read it).")
            continue
        kept.append(sheet)
        if include_hidden or not (sheet.hidden_rows or sheet.hidden_columns):
            continue
        _blank_hidden(sheet, where, plan)
    return kept


def _blank_hidden(sheet: Sheet, where: str, plan: ImportPlan) -> None:
    rows, first = sheet.rows, sheet.first_row
    left_rows = []
    for number in sorted(sheet.hidden_rows):
        offset = number - first
        if 0 <= offset < len(rows) and any(cell not in (None, "") for cell in rows[offset]):
            rows[offset] = []
            left_rows.append(number)
    left_columns = []
    for column in sorted(sheet.hidden_columns):
        index = column - sheet.first_column
        if index < 0:
            continue
        emptied = False
        for cells in rows:
            if index < len(cells) and cells[index] not in (None, ""):
                cells[index] = None
                emptied = True
        if emptied:
            left_columns.append(column_letter(column))
    if left_rows:
        what = "row" if len(left_rows) == 1 else "rows"
        plan.notes.append(f"{where}: {what} {number_ranges(left_rows)} hidden: left out.")
    if left_columns:
        what = "column" if len(left_columns) == 1 else "columns"
        plan.notes.append(f"{where}: {what} {', '.join(left_columns)} hidden: left out.")
