"""The long layout: one row per locality, indicator and period, with a value and optional extras.

    District | NI | Indicator | Period | Value | Kent target | Target period | Kent | Priority | Commentary

Only a locality, an indicator and a period are required, with at least one figure column.
"""

from __future__ import annotations

from dataclasses import dataclass

from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.periods import Period
from vfk_desktop.io.readers import cells as c
from vfk_desktop.io.readers.headers import Header, Role
from vfk_desktop.io.readers.plan import ImportContext, ImportPlan
from vfk_desktop.io.readers.sheets import Sheet, is_blank

FIGURE_ROLES = (Role.VALUE, Role.KENT_TARGET, Role.LOCAL_TARGET, Role.KENT_VALUE, Role.BEST,
                Role.WORST, Role.PRIORITY, Role.COMMENTARY)


@dataclass
class Columns:
    """Which column index holds each role (the first column with that role wins)."""

    index: dict[Role, int]
    headers: list[Header]

    @classmethod
    def of(cls, headers: list[Header]) -> Columns:
        index: dict[Role, int] = {}
        for position, header in enumerate(headers):
            if header.role is not None and header.role not in index:
                index[header.role] = position
        if Role.CODE not in index and Role.TITLE in index:
            index[Role.CODE] = index.pop(Role.TITLE)  # "Indicator" holding "NI 163" codes
        return cls(index, headers)

    def get(self, role: Role) -> int | None:
        return self.index.get(role)

    def missing_for_long(self) -> list[str]:
        missing = [role.value for role in (Role.AREA, Role.CODE) if role not in self.index]
        if Role.PERIOD not in self.index and Role.ROUND not in self.index:
            missing.append(Role.PERIOD.value)
        if not any(role in self.index for role in FIGURE_ROLES):
            missing.append("a value, target, priority or commentary column")
        return missing


def fits(columns: Columns) -> bool:
    return not columns.missing_for_long()


def read(sheet: Sheet, header_row: int, columns: Columns, ctx: ImportContext,
         plan: ImportPlan) -> None:
    """Add every data row below header_row to plan."""
    for number, cells in sheet.rows:
        if number <= header_row or all(is_blank(cell) for cell in cells):
            continue
        _read_row(sheet, number, cells, columns, ctx, plan)


def _cell(cells: list[object], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


def _read_row(sheet: Sheet, number: int, cells: list[object], columns: Columns,
              ctx: ImportContext, plan: ImportPlan) -> None:
    at = columns.get
    area = c.resolve_area(ctx, plan, _cell(cells, at(Role.AREA)),
                          c.origin_of(sheet, number, at(Role.AREA)))
    if area is None:
        return
    title_index = at(Role.TITLE)
    title = c.cell_text(_cell(cells, title_index)) or None if title_index is not None else None
    unit = c.cell_text(_cell(cells, at(Role.UNIT))) or None
    code = c.resolve_code(ctx, plan, _cell(cells, at(Role.CODE)),
                          c.origin_of(sheet, number, at(Role.CODE)), title, unit)
    if code is None:
        return
    period = round_ = None
    if at(Role.PERIOD) is not None:
        period = c.resolve_period(plan, _cell(cells, at(Role.PERIOD)),
                                  c.origin_of(sheet, number, at(Role.PERIOD)))
        if period is None:
            return
    if at(Role.ROUND) is not None and not is_blank(_cell(cells, at(Role.ROUND))):
        round_ = c.resolve_period(plan, _cell(cells, at(Role.ROUND)),
                                  c.origin_of(sheet, number, at(Role.ROUND)))
        if round_ is None:
            return
    percent_unit = (ctx.units.get(code) or unit or "") == "%"

    def figure(role: Role, place: str, when: Period | None, kind: str, keep_blank: bool) -> None:
        index = at(role)
        if index is None or when is None:
            return
        c.add_figure(plan, sheet, number, index, _cell(cells, index), indicator=code, area=place,
                     period=when, kind=kind, keep_blank=keep_blank, percent_unit=percent_unit)

    figure(Role.VALUE, area, period, "value", keep_blank=True)
    figure(Role.KENT_VALUE, KENT, period, "value", keep_blank=False)
    target_period = _target_period(sheet, number, cells, columns, plan, period)
    figure(Role.KENT_TARGET, KENT, target_period, "target", keep_blank=False)
    figure(Role.LOCAL_TARGET, area, target_period, "target", keep_blank=False)
    figure(Role.BEST, KENT, period, "best", keep_blank=False)
    figure(Role.WORST, KENT, period, "worst", keep_blank=False)
    if at(Role.PRIORITY) is not None:
        c.add_ranking(plan, _cell(cells, at(Role.PRIORITY)),
                      c.origin_of(sheet, number, at(Role.PRIORITY)),
                      area=area, indicator=code, round_=round_ or period)
    if at(Role.COMMENTARY) is not None and period is not None:
        c.add_commentary(plan, _cell(cells, at(Role.COMMENTARY)),
                         c.origin_of(sheet, number, at(Role.COMMENTARY)),
                         area=area, indicator=code, period=period)


def _target_period(sheet: Sheet, number: int, cells: list[object], columns: Columns,
                   plan: ImportPlan, period: Period | None) -> Period | None:
    """A target's period: its own column, else the one in its header, else the row's."""
    index = columns.get(Role.TARGET_PERIOD)
    if index is not None and not is_blank(_cell(cells, index)):
        return c.resolve_period(plan, _cell(cells, index), c.origin_of(sheet, number, index))
    for role in (Role.KENT_TARGET, Role.LOCAL_TARGET):
        header_index = columns.get(role)
        if header_index is not None and columns.headers[header_index].period is not None:
            return columns.headers[header_index].period
    return period
