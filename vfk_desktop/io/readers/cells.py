"""Reading one row's cells into places, codes, periods and figures, reporting each problem once.

Every layout uses these, so a bad district name or period reads the same whatever the sheet's shape.
"""

from __future__ import annotations

import datetime as dt
import functools

from vfk_desktop.domain.columns import STATISTIC_ROLES, ColumnSpec
from vfk_desktop.domain.import_plan import (
    CommentaryRow,
    FigureRow,
    ImportContext,
    ImportPlan,
    NewIndicator,
    Origin,
    RankingRow,
)
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.model import Priority
from vfk_desktop.domain.periods import (
    Period,
    date_of_text,
    describe_date,
    period_closed_by,
    try_parse_period,
)
from vfk_desktop.domain.statistics import value_type_of
from vfk_desktop.domain.values import IMPOSSIBLE, CellValue, clip, parse_decimal_comma_text, parse_value
from vfk_desktop.io.readers.sheets import Sheet, is_blank


def origin_of(sheet: Sheet, row: int, index: int) -> Origin:
    return Origin(sheet.file_name, sheet.name, row, sheet.cell_ref(row, index))


def cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def resolve_area(ctx: ImportContext, plan: ImportPlan, cell: object, origin: Origin) -> str | None:
    """The district's or Kent's name; None (and the row skipped or rejected) otherwise."""
    text = cell_text(cell)
    if not text:
        plan.reject(origin, f"no locality in {origin.cell}.")
        return None
    area = ctx.matcher.match(text)
    if area is None:
        hint = ctx.matcher.suggest(text)
        plan.reject(
            origin,
            f'"{text}" in {origin.cell} is not one of the 12 Kent districts'
            + (f' (did you mean "{hint}"?).' if hint else "."),
        )
        return None
    if area.kind == "outside":
        plan.skip(origin, f"{area.name} is outside Kent's 12 districts; the row was skipped.")
        return None
    return area.name


def known_code(ctx: ImportContext, plan: ImportPlan, code: str, origin: Origin,
               title: str | None = None, unit: str | None = None) -> bool:
    """True when the catalogue knows code (or it may be added); else refused, once per code."""
    if code in ctx.indicators or code in plan.new_indicators:
        return True
    if ctx.add_indicators:
        plan.new_indicators[code] = NewIndicator(code, title or code, unit, origin)
        return True
    if plan.count_again(code):
        return False
    hint = ctx.suggest_code(code, title)
    advice = f" (did you mean {hint}?)" if hint and hint != code else ""
    advice += "; to add it to the catalogue, import again with --add-indicators"
    plan.reject(origin, f"{code} in {origin.cell} is not in the indicator catalogue{advice}.",
                once=code)
    return False


def looks_numeric(cell: object) -> bool:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return True
    return isinstance(cell, str) and parse_value(cell).value is not None


def resolve_period(plan: ImportPlan, cell: object, origin: Origin, wording: str = "") -> Period | None:
    """The period in a cell; a date is the period it closes, as wording (its heading) says."""
    if isinstance(cell, dt.date):
        return _period_of_date(plan, cell, origin, wording)
    period = try_parse_period(cell.strip() if isinstance(cell, str) else cell)
    if period is None and isinstance(cell, str):
        date = date_of_text(cell)
        if date is not None:
            return _period_of_date(plan, date, origin, wording)
    if period is None:
        text = cell_text(cell)
        plan.reject(
            origin,
            f'"{text}" in {origin.cell} is not a period (e.g. "2008/09", "2008", "2009/10 Q3").'
            if text else f"no period in {origin.cell}.",
        )
    return period


def _period_of_date(plan: ImportPlan, date: dt.date, origin: Origin, wording: str) -> Period | None:
    period = period_closed_by(date, wording)
    if period is None:
        plan.reject(origin, date_problem(date, origin.cell))
    return period


def date_problem(date: dt.date, cell: str) -> str:
    return (f"{cell} holds the date {describe_date(date)}, which does not say which period it closes: "
            f'head the column "Year ending", "Quarter ending" or "Month", or write the period '
            f'(e.g. "2008/09", "2009/10 Q1").')


def add_figure(
    plan: ImportPlan,
    sheet: Sheet,
    row: int,
    index: int,
    cell: object,
    *,
    indicator: str,
    area: str,
    period: Period,
    kind: str,
    keep_blank: bool,
    percent_unit: bool,
    given: str | None = None,
) -> None:
    """One figure cell into the plan; a blank is "not available" only where keep_blank says so.

    given: the figure's text as its first source wrote it ("1,212"), kept beside a number.
    """
    if sheet.error_cells:
        cell = sheet.error_cells.get((row, sheet.first_column + index), cell)
    if (cell is None or cell == "") and not keep_blank:
        return
    percent = False
    if type(cell) is float and -IMPOSSIBLE < cell < IMPOSSIBLE and not (percent_unit and sheet.percent_cells):
        value, text, missing = cell, None, None  # the common case, without the general parser
    else:
        percent = percent_unit and (row, sheet.first_column + index) in sheet.percent_cells
        if type(cell) is not str:
            parsed = parse_value(cell, percent)
        elif sheet.delimiter == ";":
            parsed = _parsed_decimal_comma(cell)
        else:
            parsed = _parsed_text(cell, percent)
        if parsed.problem:
            plan.reject(origin_of(sheet, row, index), f"{parsed.problem} in {sheet.cell_ref(row, index)}.")
            return
        value, text, missing = parsed.value, parsed.text, parsed.missing
    if given is not None and value is not None:
        text = given
    letters = sheet.letters
    letter = letters[index] if index < len(letters) else sheet.letter(index)
    figure = FigureRow(indicator, area, period.label, kind, value, text, missing, sheet.file_name,
                       sheet.name, row, f"{letter}{row}")
    key = (indicator, area, figure.period, kind)
    if percent_unit and value and -1.0 < value < 1.0 and not percent and "%" not in (text or ""):
        plan.fraction_candidates.append(key)  # 0.62 for 62 %? (fraction_check.py)
    if key in plan.figures:
        plan.add_figure(figure)  # the same figure again, or a conflict to report
    else:
        plan.figures[key] = figure


@functools.lru_cache(maxsize=8192)
def _parsed_decimal_comma(cell: str) -> CellValue:
    return parse_decimal_comma_text(cell)


@functools.lru_cache(maxsize=8192)
def _parsed_text(cell: str, percent: bool) -> CellValue:
    """A figure written as text ("1,212", "N/a", "102%"): partners' sheets repeat a few forms many
    thousand times, and parsing one costs a dozen times a cache look-up."""
    return parse_value(cell, percent_format=percent)


def add_ranking(plan: ImportPlan, cell: object, origin: Origin, *, area: str, indicator: str,
                round_: Period | None) -> None:
    if is_blank(cell):
        return
    priority = Priority.parse(cell)
    if priority is None:
        plan.reject(origin, f'"{clip(cell_text(cell))}" in {origin.cell} is not a priority '
                            f"(High, Medium or Low).")
        return
    if area == KENT:
        plan.reject(origin, f"{origin.cell} ranks {indicator} for Kent; rankings belong to a district.")
        return
    if round_ is None:
        plan.reject(origin, f"{origin.cell} gives a priority but the row has no period to rank it for.")
        return
    plan.add_ranking(RankingRow(area, indicator, round_.label, priority.value, origin))


def add_commentary(plan: ImportPlan, cell: object, origin: Origin, *, area: str, indicator: str,
                   period: Period) -> None:
    text = str(cell).strip() if not is_blank(cell) else ""
    if text:
        plan.add_commentary(CommentaryRow(indicator, area, period.label, text, origin))


def add_statistics(plan: ImportPlan, sheet: Sheet, row: int, cells: list[object],
                   specs: list[ColumnSpec], code: str, area: str | None, period: Period | None) -> None:
    """The row's counts, denominators and limits, kept with the values the same row gave: the row's
    place and period, or those a wide table's column names ("Ashford numerator")."""
    for spec in specs:
        figure = _value_given(plan, sheet, row, spec, code, area, period)
        if figure is None:
            continue
        cell = cells[spec.index] if spec.index < len(cells) else None
        if cell is None or cell == "":
            continue
        parsed = parse_value(cell)
        if parsed.problem or (parsed.value is not None and parsed.value < 0):
            why = parsed.problem or f"{parsed.value:g} is below 0"
            plan.reject(origin_of(sheet, row, spec.index),
                        f"the {spec.role.value} in {sheet.cell_ref(row, spec.index)}: {why}.")
        elif parsed.value is not None:
            setattr(figure, STATISTIC_ROLES[spec.role], parsed.value)


def add_value_type(plan: ImportPlan, sheet: Sheet, row: int, specs: list[ColumnSpec], code: str,
                   area: str | None, period: Period | None, unit: str | None) -> None:
    """What kind of figure each of the row's values is, where the row's unit ("Rate per 100,000")
    or else the value column's heading ("%") names one; the catalogue's applies to the rest."""
    given = value_type_of(unit)
    for spec in specs:
        found = given or value_type_of(spec.header)
        if found is None:
            continue
        figure = _value_given(plan, sheet, row, spec, code, area, period)
        if figure is not None:
            figure.value_type, figure.multiplier = found[0].value, found[1]


def _value_given(plan: ImportPlan, sheet: Sheet, row: int, spec: ColumnSpec, code: str,
                 area: str | None, period: Period | None) -> FigureRow | None:
    """The value this sheet row gave for the column's place and period (a wide table's column names
    its own), to keep what else the row says of it beside it; None when the row gave none."""
    place, when = spec.area or area, spec.period or period
    if place is None or when is None:
        return None
    figure = plan.figures.get((code, place, when.label, "value"))
    if figure is None or figure.file != sheet.file_name or figure.row != row:
        return None
    return figure
