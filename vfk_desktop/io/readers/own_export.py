"""Reading back a workbook vfk_desktop exported (a KA2 return or the county workbook).

Such a workbook says so in its custom document properties. Its Data sheet holds every figure,
ranking and comment and is read as any long table is. Its other sheets are laid out for people
(figures worked out from the store, such as Kent best, are not stored facts) and are left alone,
except the KA2 return's Return sheet: there a district changes a priority with the drop-down or
types a comment, and those edits win over the Data sheet's.
"""

from __future__ import annotations

from collections import defaultdict

from vfk_desktop.domain.codes import parent_code, try_parse_code
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
