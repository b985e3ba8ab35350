"""Keeping a copy of each refused or skipped row as the file gave it, with what the reader made of it.

The report names a refused row's locality, indicator and period; a partial import writes the refused
rows to a workbook the partner can correct and send back.
"""

from __future__ import annotations

from vfk_desktop.domain.columns import Role
from vfk_desktop.domain.import_plan import ImportPlan, Problem, RowCopy
from vfk_desktop.io.readers.cells import cell_text
from vfk_desktop.io.readers.sheets import Sheet
from vfk_desktop.io.readers.table import SheetReader


def copy_rows(sheet: Sheet, reader: SheetReader, plan: ImportPlan, problems: list[Problem]) -> None:
    mapping = getattr(reader, "mapping", None)
    for problem in problems:
        key = (problem.file, problem.sheet, problem.row)
        if not problem.row or key in plan.row_copies:
            continue
        offset = problem.row - sheet.first_row
        if not 0 <= offset < len(sheet.rows):
            continue
        cells = sheet.rows[offset]
        headings = tuple(mapping.headers_found) if mapping is not None else ()
        width = max(len(headings), len(cells))
        letters = tuple(sheet.letter(i) for i in range(width))
        if mapping is None:
            plan.row_copies[key] = RowCopy(headings, tuple(cells), letters)
            continue
        plan.row_copies[key] = _understood(reader, mapping, headings, tuple(cells), letters,
                                           problem.cell)


def _understood(reader: SheetReader, mapping, headings, cells, letters, cell) -> RowCopy:
    def text_at(index: int | None) -> str | None:
        if index is None or index >= len(cells):
            return None
        return cell_text(cells[index]) or None

    letter = cell.rstrip("0123456789") if cell else None
    at = letters.index(letter) if letter in letters else None
    spec = next((s for s in mapping.columns if s.index == at), None)
    area = mapping.first(Role.AREA)
    period = mapping.first(Role.PERIOD)
    context = reader.context
    locality = text_at(area.index) if area else (spec.area if spec and spec.area else None)
    locality = locality or getattr(reader, "home", None) or context.area
    when = text_at(period.index) if period else None
    if when is None and spec is not None and spec.period is not None:
        when = spec.period.label
    if when is None and context.period is not None:
        when = context.period.label
    code = text_at(mapping.code.index) if mapping.code else None
    values = tuple(s.index for s in mapping.measures() if s.role is Role.VALUE)
    others = tuple(s.index for s in mapping.measures() if s.role is not Role.VALUE)
    return RowCopy(headings, cells, letters, locality, code, when, values + others)
