"""Reading back a workbook vfk_desktop exported (a KA2 return or the county workbook).

Such a workbook says so in its custom document properties. Its Data sheet holds every figure,
ranking and comment and is read as any long table is. Its other sheets are laid out for people
(figures worked out from the store, such as Kent best, are not stored facts) and are left alone,
except the KA2 return's Return sheet: there a district changes a priority with the drop-down or
types a comment, and those edits win over the Data sheet's.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict

from vfk_desktop.domain.actions import Action, ActionStatus, Note
from vfk_desktop.domain.codes import parent_code, try_parse_code
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.import_plan import CommentaryRow, ImportContext, ImportPlan, RankingRow
from vfk_desktop.domain.model import Priority
from vfk_desktop.domain.periods import try_parse_period
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.readers import cells as c
from vfk_desktop.io.readers.export_marks import OwnExport, own_export
from vfk_desktop.io.readers.sheets import Sheet, is_blank
from vfk_desktop.io.readers.table import Outcome

__all__ = ["OwnExport", "own_export", "read_return_edits"]

HEADER_SEARCH_ROWS = 10


def read_return_edits(sheet: Sheet, ctx: ImportContext, plan: ImportPlan) -> Outcome:
    """Apply the Return sheet's priorities and comments over what the Data sheet planned.

    A priority belongs to its row's ranking period; a sub-indicator's row ("NI 120f") shows its
    parent's ranking when it has none of its own, so an edit there changes the parent's.
    """
    locality = ctx.matcher.match(sheet.export_locality or "")
    if locality is None or locality.kind != "district":
        return Outcome(False, f'the district "{sheet.export_locality}" it names is not one of the 12')
    header = _header(sheet)
    if header is None:
        return Outcome(False, "its heading row (Code, Priority, Commentary …) was not found")
    position, columns = header
    shown: dict[tuple, list[RankingRow]] = defaultdict(list)
    for offset in range(position + 1, len(sheet.rows)):
        cells = sheet.rows[offset]
        number = sheet.first_row + offset
        code = try_parse_code(c.cell_text(_at(cells, columns[layout.RETURN_CODE])))
        if code is None or code not in ctx.indicators:
            continue
        ranking = _priority(sheet, plan, cells, number, columns, locality.name, code)
        if ranking is not None:
            shown[ranking.key].append(ranking)
        _comment(sheet, plan, cells, number, columns, locality.name, code)
    for key, rows in shown.items():
        planned = plan.rankings.get(key)
        changed = {r.priority: r for r in rows if planned is None or r.priority != planned.priority}
        if len(changed) > 1:
            first, second = list(changed.values())[:2]
            plan.reject(second.origin, f"{second.indicator} is made {first.priority} in {first.origin.cell} "
                                       f"and {second.priority} in {second.origin.cell}; its "
                                       f"sub-indicators share one priority.")
        elif changed:
            plan.rankings[key] = next(iter(changed.values()))
    return Outcome(True, f"the priorities and comments of {locality.name} as edited on the Return sheet")


def _header(sheet: Sheet) -> tuple[int, dict[int, int]] | None:
    """The heading row's position and where each of the Return sheet's columns is."""
    wanted = {heading: index for index, heading in enumerate(layout.RETURN_HEADERS)}
    for offset, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        found = {wanted[text]: column for column, cell in enumerate(cells)
                 if (text := c.cell_text(cell)) in wanted}
        needed = (layout.RETURN_CODE, layout.RETURN_PRIORITY, layout.RETURN_ROUND,
                  layout.RETURN_PERIOD, layout.RETURN_COMMENTARY)
        if all(index in found for index in needed):
            return offset, found
    return None


def _at(cells: list[object], index: int) -> object:
    return cells[index] if index < len(cells) else None


def _priority(sheet: Sheet, plan: ImportPlan, cells: list[object], number: int,
              columns: dict[int, int], area: str, code: str) -> RankingRow | None:
    index = columns[layout.RETURN_PRIORITY]
    cell = _at(cells, index)
    if is_blank(cell):
        return None
    origin = c.origin_of(sheet, number, index)
    priority = Priority.parse(cell)
    if priority is None:
        plan.reject(origin, f'"{c.cell_text(cell)}" in {origin.cell} is not a priority '
                            f"(High, Medium or Low).")
        return None
    round_ = try_parse_period(_at(cells, columns[layout.RETURN_ROUND])) or try_parse_period(
        _at(cells, columns[layout.RETURN_PERIOD]))
    if round_ is None:
        plan.reject(origin, f"{origin.cell} gives {code} a priority but its row has no ranking period.")
        return None
    ranked = code
    parent = parent_code(code)
    if (area, code, round_.label) not in plan.rankings and parent and \
            (area, parent, round_.label) in plan.rankings:
        ranked = parent
    return RankingRow(area, ranked, round_.label, priority.value, origin)


def _comment(sheet: Sheet, plan: ImportPlan, cells: list[object], number: int,
             columns: dict[int, int], area: str, code: str) -> None:
    index = columns[layout.RETURN_COMMENTARY]
    cell = _at(cells, index)
    if is_blank(cell):
        return
    origin = c.origin_of(sheet, number, index)
    period = try_parse_period(_at(cells, columns[layout.RETURN_PERIOD]))
    if period is None:
        plan.reject(origin, f"the comment in {origin.cell} has no period to belong to: fill in the "
                            f"row's Period.")
        return
    comment = CommentaryRow(code, area, period.label, str(cell).strip(), origin)
    planned = plan.commentary.get(comment.key)
    if planned is None or planned.text != comment.text:
        plan.commentary[comment.key] = comment


def read_actions(path) -> tuple[str, list[Action]] | None:
    """The district and the actions of a KA2 return's Actions sheets (ids, statuses, notes and
    their authors as exported); None when the workbook is not a KA2 return with such sheets.
    A cell that cannot be read back is refused naming its sheet and cell."""
    import datetime as dt
    from pathlib import Path

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            if ("docProps/custom.xml" not in archive.namelist()
                    or layout.KA2_RETURN.encode() not in archive.read("docProps/custom.xml")):
                return None  # no KA2 return of ours: a partner's workbook is not opened again
            from openpyxl import load_workbook  # 0.3 s to import: only for a return of ours

            names = _sheet_names(load_workbook(path, read_only=True))
            own = own_export(archive, names)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None  # not a workbook of ours: the import's own check says what is wrong with it
    if own is None or own.locality is None or layout.ACTIONS_SHEET not in names:
        return None
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        notes: dict[int, list[Note]] = defaultdict(list)
        if layout.ACTION_NOTES_SHEET in names:
            for number, cells in _table(book[layout.ACTION_NOTES_SHEET], layout.ACTION_NOTE_HEADERS):
                where = f"sheet {layout.ACTION_NOTES_SHEET}, row {number}"
                notes[_whole(cells["ID"], where)].append(
                    Note(str(cells["At"] or ""), str(cells["Author"] or ""), str(cells["Note"] or "")))
        found = []
        for number, cells in _table(book[layout.ACTIONS_SHEET], layout.ACTION_HEADERS):
            where = f"sheet {layout.ACTIONS_SHEET}, row {number}"
            action_id = _whole(cells["ID"], where)
            due = cells["Due"]
            if isinstance(due, dt.datetime):
                due = due.date()
            elif due:
                try:
                    due = dt.date.fromisoformat(str(due).strip())
                except ValueError:
                    raise VfkError(f'{path.name}, {where}: "{due}" is not a due date (YYYY-MM-DD).') from None
            try:
                status = ActionStatus.parse(str(cells["Status"] or ""))
            except VfkError as error:
                raise VfkError(f"{path.name}, {where}: {error}") from None
            codes = tuple(code for part in str(cells["Indicators"] or "").split(",")
                          if (code := try_parse_code(part.strip())))
            found.append(Action(action_id, own.locality, str(cells["Action"] or ""),
                                str(cells["Owner"] or ""), due or None, status, codes,
                                tuple(notes.get(action_id, ()))))
        return own.locality, found
    finally:
        book.close()


def _sheet_names(book) -> list[str]:
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _table(sheet, headers: tuple[str, ...]):
    """(row number, {heading: value}) for each filled row under the heading row."""
    rows = sheet.iter_rows(values_only=True)
    position = None
    for number, cells in enumerate(rows, 1):
        if position is None:
            if cells and tuple(cells[:len(headers)]) == headers:
                position = number
            continue
        if any(value not in (None, "") for value in cells):
            yield number, dict(zip(headers, list(cells) + [None] * len(headers), strict=False))


def _whole(value: object, where: str) -> int:
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    raise VfkError(f'{where}: "{value}" is not an action number.')
