"""Walking a sheet's rows under its mapping, one figure per measure cell, every problem reported once.

Title and section rows ("How does Tunbridge Wells fare in Kent?", "High Priorities") set the place
or period the sheet is about; a repeated header row switches the mapping; total rows are skipped.
This loop runs once per row of files with hundreds of thousands of rows, so it looks columns up
once per header and caches each distinct code, place and period it has parsed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.columns import STATISTIC_ROLES, ColumnSpec, Role
from vfk_desktop.domain.import_plan import ImportContext, ImportPlan
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.periods import QUARTER_WORD, Period, try_parse_period
from vfk_desktop.domain.statistics import value_type_of
from vfk_desktop.domain.values import clip
from vfk_desktop.io.export_layout import AS_GIVEN
from vfk_desktop.io.readers import cells as c
from vfk_desktop.io.readers.mapping import (
    MAX_HEADER_ROWS,
    Mapping,
    find_mapping,
    find_place_in,
    header_at,
)
from vfk_desktop.io.readers.notes import is_footnote, is_note_row
from vfk_desktop.io.readers.sheets import ImportCancelled, Sheet, blank_row, is_blank
from vfk_desktop.io.readers.structure import (
    check_headings,
    code_in_sheet_name,
    code_in_title,
    describe_reading,
    refused_heading,
    sheet_place,
)

HEADER_SEARCH_ROWS = 30
_HEADERS_KEPT = 256  # distinct heading rows remembered per sheet
_LEADING_CODE = re.compile(r"^\s*((?:NI\s*)?\d{1,3}\s?[a-z]{0,3})\b[\s.:\-–]+(\S.*)$", re.I | re.S)
_TOTALS = {"total", "totals", "grand total", "average", "mean", "sum", "overall", "all"}
_QUARTER_WORDS = rf"{QUARTER_WORD}[1-4]"  # Q3, Qtr 3, Quarter 3
_PERIOD_IN_TEXT = re.compile(
    rf"(?:\b{_QUARTER_WORDS}\s+)?\b\d{{4}}\s*[/\-–]\s*\d{{2,4}}(?:\s*{_QUARTER_WORDS}\b)?"
    rf"|(?:\b{_QUARTER_WORDS}\s+)?\b(?:19|20)\d{{2}}\b(?:\s*{_QUARTER_WORDS}\b)?", re.I)
_KEYS = (str, float, int)  # cell types that can be cache keys
_NO_SPEC = ColumnSpec(-1, Role.VALUE)
_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass
class Context:
    """What the sheet is about when its rows do not say: from its name and title rows."""

    area: str | None = None
    period: Period | None = None
    target_period: Period | None = None
    wording: str = ""  # the title rows' text: "Year ending", "Quarter ending" say what a date closes


@dataclass
class Outcome:
    """Whether a sheet was read, with its layout or why it could not be understood."""

    read: bool
    description: str  # the layout, or why the sheet could not be understood
    header_row: int | None = None  # when not understood: the row that looks most like a header
    headers: list[str] | None = None


def period_in(text: str) -> Period | None:
    for match in _PERIOD_IN_TEXT.finditer(text):
        period = try_parse_period(match.group(0))
        if period is not None:
            return period
    return None


def value_periods(mapping: Mapping) -> set[Period]:
    """The periods a table's value columns are headed with ("Tunbridge Wells 2009/10"), where it has
    no period column. One alone is the period of its columns that name none (Kent best and worst),
    before any year in its title ("Position at March 2010"); the latest is what a comment beside
    several years' figures ("Notes") is about."""
    if mapping.first(Role.PERIOD) is not None:
        return set()
    return {s.period for s in mapping.columns if s.role is Role.VALUE and s.period is not None}


def _at(cells: list[object], index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


PROGRESS_EVERY = 4096  # rows between progress reports and checks for Cancel


class SheetReader:
    def __init__(self, sheet: Sheet, ctx: ImportContext, plan: ImportPlan,
                 progress: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.sheet, self.ctx, self.plan = sheet, ctx, plan
        self.progress, self.cancelled = progress, cancelled
        self.context = Context()
        self._codes: dict[object, str] = {}
        self._areas: dict[str, str] = {}
        self._periods: dict[object, Period] = {}
        self.notes: list[int] = []  # rows passed over as notes: footnotes, sources, run dates
        self.header_rows: list[int] = []
        self.titles: list[int] = []  # text rows within the table: section headings, or notes below
        self.last_data_row = 0
        self.sheet_code = code_in_sheet_name(sheet.name)
        self.code_source = "the sheet's name"  # where sheet_code was found
        self._reported_columns: set[tuple[int, int]] = set()
        self.unread_headings: set[tuple[int, str]] = set()  # (column, heading) unknown, looked at
        self._headers: dict[tuple, tuple[int, Mapping] | None] = {}  # by the rows' cells: see _header_in
        if sheet.name:
            self.context.area = find_place_in(sheet.name, ctx.matcher)
            self.context.period = try_parse_period(sheet.name.strip()) or period_in(sheet.name)

    # --- the sheet as a whole -------------------------------------------------------------
    def read(self) -> Outcome:
        head = self._nonblank_from(0, HEADER_SEARCH_ROWS)
        if not head:
            return Outcome(False, "the sheet is empty")
        found = find_mapping(head, self.ctx.matcher, self.ctx.profiles)
        if found is None and self.sheet_code is None:
            self.sheet_code = code_in_title(head)
            self.code_source = "the title"
        if found is None and self.sheet_code is not None:
            found = find_mapping(head, self.ctx.matcher, self.ctx.profiles, needs_code=False)
        if found is None:
            refused = refused_heading(self, head)
            if refused is not None:
                return Outcome(False, refused)
            number, cells = max(head, key=lambda r: sum(isinstance(x, str) and bool(x.strip()) for x in r[1]))
            return Outcome(False, "no header row naming an indicator column and a column of "
                                  "figures was found in the first 30 rows", number,
                           [" ".join(str(x).split()) if not is_blank(x) else "" for x in cells])
        position, mapping = found
        for _, cells in head[: position + 1 - len(mapping.header_rows)]:
            self._title_row(cells)
        missing = self._missing(mapping)
        if missing:
            found_words = ", ".join(f'"{h}"' for h in mapping.headers_found if h) or "none"
            return Outcome(False, f"missing {' and '.join(missing)} (headers found in row "
                                  f"{mapping.header_rows[0]}: {found_words})",
                           mapping.header_rows[-1], list(mapping.headers_found))
        self._use(mapping)
        rows, first = self.sheet.rows, self.sheet.first_row
        offset = head[position][0] - first + 1
        next_report = offset + PROGRESS_EVERY
        while offset < len(rows):
            cells = rows[offset]
            if blank_row(cells):
                offset += 1
            else:
                offset = self._row(offset, first + offset, cells)
            if offset >= next_report:
                next_report = offset + PROGRESS_EVERY
                self._report(offset / len(rows))
        return Outcome(True, describe_reading(self))

    def _report(self, fraction: float) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(fraction)

    def _nonblank_from(self, offset: int, count: int) -> list[tuple[int, list[object]]]:
        """Up to count non-blank rows from rows[offset], numbered as Excel shows them."""
        found = []
        rows, first = self.sheet.rows, self.sheet.first_row
        while offset < len(rows) and len(found) < count:
            if not blank_row(rows[offset]):
                found.append((first + offset, rows[offset]))
            offset += 1
        return found

    def _missing(self, mapping: Mapping) -> list[str]:
        missing = []
        needs_place = any(s.role is Role.VALUE and s.area is None for s in mapping.columns) or any(
            s.role in (Role.PRIORITY, Role.COMMENTARY, Role.LOCAL_TARGET) for s in mapping.columns)
        if needs_place and not (mapping.first(Role.AREA) or self._home(mapping) or self.context.area):
            missing.append("a locality (no District column, and neither the sheet's name nor its "
                           "title names a district)")
        periods = value_periods(mapping)
        needs_period = any(s.role in (Role.VALUE, Role.BEST, Role.WORST)
                           and s.period is None for s in mapping.columns) or (
            not periods and any(s.role is Role.COMMENTARY for s in mapping.columns))
        has_round = mapping.first(Role.ROUND) is not None
        only_rankings = all(s.role is Role.PRIORITY for s in mapping.measures())
        if (needs_period or (only_rankings and not has_round)) and not (
                mapping.first(Role.PERIOD) or self.context.period or len(periods) == 1):
            missing.append("a period (no Year or Period column, and neither the sheet's name nor "
                           "its title names a period)")
        return missing

    @staticmethod
    def _home(mapping: Mapping) -> str | None:
        """The one district a "fare in Kent" table is about, when a single column is named for it."""
        districts = set(mapping.districts_bound)
        return districts.pop() if len(districts) == 1 else None

    def _use(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.header_rows.append(mapping.header_rows[0])
        self.home = self._home(mapping)
        periods = value_periods(mapping)
        self.values_period = next(iter(periods)) if len(periods) == 1 else None
        self.latest_period = max(periods, default=None)
        target = mapping.first(Role.KENT_TARGET)
        if target is not None and target.period is not None:
            self.context.target_period = target.period
        for index, why in mapping.skipped_columns:
            self.plan.skip_column(self.sheet.where(mapping.header_rows[0], index), why)
        check_headings(self, mapping)

        def index_of(role: Role) -> int | None:
            spec = mapping.first(role)
            return spec.index if spec else None

        self.code_spec = mapping.code
        self.code_index = self.code_spec.index if self.code_spec is not None else None
        self.wordings = {role: " ".join(filter(None, ((mapping.first(role) or _NO_SPEC).header,
                                                      self.context.wording)))
                         for role in (Role.PERIOD, Role.ROUND, Role.TARGET_PERIOD)}
        self.title_index = mapping.title.index if mapping.title else None
        self.unit_index = index_of(Role.UNIT)
        self.area_index = index_of(Role.AREA)
        self.period_index = index_of(Role.PERIOD)
        self.round_index = index_of(Role.ROUND)
        self.target_period_index = index_of(Role.TARGET_PERIOD)
        self.measure_specs = mapping.measures()
        self.others = [s for s in self.measure_specs if s.role is not Role.VALUE]
        self.statistic_specs = [s for s in self.measure_specs if s.role in STATISTIC_ROLES]
        value_specs = [s for s in self.measure_specs if s.role is Role.VALUE]
        # the value type is looked for only where a unit column or a value heading can give it, and
        # not in a workbook we exported, whose unit is the catalogue's (applied when read anyway)
        self.typed_specs = (value_specs if self.sheet.export_role is None and (
            self.unit_index is not None or any(value_type_of(s.header) for s in value_specs)) else [])
        self.as_given_index = (mapping.headers_found.index(AS_GIVEN)
                               if self.sheet.export_role == "data" and AS_GIVEN in mapping.headers_found
                               else None)
        self.given = None  # the figure's text as first written, on our own Data sheet
        # the fields a CSV row may have: the headings, and a column vfk adds (chosen.py)
        self.fields = (max([len(mapping.headers_found), *(s.index + 1 for s in mapping.columns)])
                       if self.sheet.delimiter else None)
    # --- rows -----------------------------------------------------------------------------
    def _title_row(self, cells: list[object]) -> None:
        text = " ".join(str(x) for x in cells if not is_blank(x))
        self.context.wording = f"{self.context.wording} {text}".strip()[-500:]
        place = find_place_in(text, self.ctx.matcher)
        if place and place != KENT:
            self.context.area = place
        period = period_in(text)
        if period is not None:
            self.context.period = period

    def _row(self, offset: int, number: int, cells: list[object]) -> int:
        """Read the row at rows[offset]; returns the offset of the next row to read."""
        index = self.code_index
        if index is None:  # the sheet's name gives the indicator
            if not self._holds_figures(number, cells) and not self._names_its_place(cells):
                return self._not_a_data_row(offset, number, cells, "")
            code, title = self.sheet_code, None
        else:
            code_cell = cells[index] if index < len(cells) else None
            code = self._codes.get(code_cell) if type(code_cell) in _KEYS else None
            title = None
        if code is None:
            text = c.cell_text(code_cell)
            code, title = self._code_of(text)
            if title is not None and self._no_figures(cells) and is_footnote(text):
                return self._note(offset, number)  # "1. Figures are provisional": not NI 1
            if code is None:
                code = self._code_of_title(code_cell, text, number)
                if code is None:
                    return self._not_a_data_row(offset, number, cells, text)
            elif title is None and type(code_cell) in _KEYS:
                self._codes[code_cell] = code
        fields = self.fields
        if fields is not None and len(cells) > fields and self._split(number, cells, fields):
            return offset + 1
        if code not in self.ctx.indicators and not self._new_code(number, cells, code, title):
            return offset + 1
        # The look-ups of the common case written out here: a row of a long table costs microseconds.
        index = self.area_index
        if index is None:
            area = self.home or self.context.area
        else:
            cell = cells[index] if index < len(cells) else None
            area = (type(cell) is str and self._areas.get(cell)) or self._row_area(number, cells)
            if area is False:
                return offset + 1
        index = self.period_index
        cell = cells[index] if index is not None and index < len(cells) else None
        period = (type(cell) in _KEYS and self._periods.get(cell)) or self._row_period(
            number, cells, index, self.values_period or self.context.period)
        round_ = (None if self.round_index is None
                  else self._row_period(number, cells, self.round_index, None, Role.ROUND))
        if period is False or round_ is False:
            return offset + 1
        percent = self.ctx.units.get(code) == "%"
        blank_is_missing = None  # partners' tables: a district's blank value is "not available"
        if self.sheet.export_role == "data":  # ours: a row holds one record; a blank is one only alone
            blank_is_missing = all(is_blank(_at(cells, s.index)) for s in self.others)
            given = _at(cells, self.as_given_index) if self.as_given_index is not None else None
            self.given = given if isinstance(given, str) and given else None
        for spec in self.measure_specs:
            self._measure(spec, number, cells, code, area, period, round_, percent, blank_is_missing)
        if self.statistic_specs:
            c.add_statistics(self.plan, self.sheet, number, cells, self.statistic_specs, code, area, period)
        if self.typed_specs:
            unit = c.cell_text(_at(cells, self.unit_index)) if self.unit_index is not None else None
            c.add_value_type(self.plan, self.sheet, number, self.typed_specs, code, area, period, unit)
        self.last_data_row = number
        return offset + 1

    def _new_code(self, number: int, cells: list[object], code: str, title: str | None) -> bool:
        if code in self.plan.new_indicators:
            return True
        if title is None and self.title_index is not None:
            title = c.cell_text(_at(cells, self.title_index)) or None
        unit = c.cell_text(_at(cells, self.unit_index)) or None
        if self.code_index is None:
            origin = c.Origin(self.sheet.file_name, self.sheet.name, number, "the sheet's name")
        else:
            origin = c.origin_of(self.sheet, number, self.code_index)
        return c.known_code(self.ctx, self.plan, code, origin, title, unit)

    def _split(self, number: int, cells: list[object], fields: int) -> bool:
        """Refuse a CSV row with more fields than headings, unless the extra ones are empty: a value
        holding the separator unquoted ("Spend £1,000") was split, and its parts read out of place."""
        extra = [i for i in range(fields, len(cells)) if not is_blank(cells[i])]
        if not extra:
            return False  # trailing empty fields ("…,20,,,"), as spreadsheets often write
        origin = c.origin_of(self.sheet, number, extra[0])
        separator = _SEPARATORS.get(self.sheet.delimiter or "", "separator")
        self.plan.reject(origin, f"this row has {extra[-1] + 1} fields but the heading row (row "
                                 f'{self.mapping.header_rows[-1]}) has {fields}, leaving '
                                 f'"{clip(c.cell_text(cells[extra[0]]))}" in {origin.cell} under no '
                                 f"heading: put any value holding a {separator} in double quotes.")
        return True

    def _holds_figures(self, number: int, cells: list[object]) -> bool:
        """Whether any measure cell of the row holds something, an error cell ("#N/A") included."""
        errors, first = self.sheet.error_cells, self.sheet.first_column
        return any(not is_blank(_at(cells, s.index)) or (number, first + s.index) in errors
                   for s in self.measure_specs)

    def _names_its_place(self, cells: list[object]) -> bool:
        """Whether the row's locality (or, with no locality column, its period) reads as one: then
        its blank figures are blanks, as in a row that names its indicator, not a section heading."""
        if self.area_index is not None:
            return self.ctx.matcher.match(c.cell_text(_at(cells, self.area_index))) is not None
        cell = _at(cells, self.period_index)
        return isinstance(cell, dt.date) or try_parse_period(cell) is not None

    def _no_figures(self, cells: list[object]) -> bool:
        return all(is_blank(_at(cells, s.index)) for s in self.measure_specs)

    def _note(self, offset: int, number: int) -> int:
        self.notes.append(number)
        return offset + 1

    def _code_of_title(self, cell: object, text: str, number: int) -> str | None:
        """The catalogue's code for an indicator's title, matched exactly or closely."""
        code = self.ctx.code_for_title(text)
        if code is not None:
            if type(cell) in _KEYS:
                self._codes[cell] = code
            where = c.origin_of(self.sheet, number, self.code_index).cell
            self.plan.notes.append(f'{sheet_place(self.sheet)}: "{clip(text, 120)}" in {where} read as '
                                   f"{code}.")
        return code

    @staticmethod
    def _code_of(text: str) -> tuple[str | None, str | None]:
        code, title = try_parse_code(text), None
        if code is None:
            found = _LEADING_CODE.match(text)  # "163 Working age population …" in one cell
            if found:
                code, title = try_parse_code(found.group(1)), " ".join(found.group(2).split())
        return code, title

    def _header_in(self, window: list[tuple[int, list[object]]]) -> tuple[int, Mapping] | None:
        """header_at for the rows in window. A heading repeated down a long sheet (one per page of a
        printed report, or a hundred thousand of them in a hostile file) is worked out once, not per row."""
        if any(isinstance(x, dt.date) for _, cells in window for x in cells):  # read with the rows above
            return header_at(window, 0, self.ctx.matcher, self.ctx.profiles, self.code_index is not None)
        key = tuple(tuple(cells) for _, cells in window)
        if key not in self._headers:
            if len(self._headers) >= _HEADERS_KEPT:
                self._headers.clear()
            self._headers[key] = header_at(window, 0, self.ctx.matcher, self.ctx.profiles,
                                           self.code_index is not None)
        found = self._headers[key]
        if found is None:
            return None
        last, mapping = found  # the same cells, met again lower down: only the row numbers differ
        return last, replace(mapping, header_rows=tuple(number for number, _ in window[:last + 1]))

    def _not_a_data_row(self, offset: int, number: int, cells: list[object], text: str) -> int:
        measure_cells = [_at(cells, s.index) for s in self.measure_specs]
        if all(is_blank(x) for x in measure_cells) and is_note_row(cells):
            return self._note(offset, number)  # "Source: …", "Page 2 of 3", a run date
        if not text and all(is_blank(x) for x in measure_cells):
            self._title_row(cells)  # a section heading elsewhere in the row
            self.titles.append(number)
            return offset + 1
        window = self._nonblank_from(offset, MAX_HEADER_ROWS)
        header = self._header_in(window)
        if header is not None:  # the table's header repeated, perhaps worded differently
            self._use(header[1])
            return window[header[0]][0] - self.sheet.first_row + 1
        if all(isinstance(x, str) or is_blank(x) for x in cells) and not any(
                c.looks_numeric(x) for x in measure_cells):
            self._title_row(cells)  # "High Priorities", "Latest Annual Data"
            self.titles.append(number)
            return offset + 1
        origin = c.origin_of(self.sheet, number, self.code_index or 0)
        if text.lower() in _TOTALS or _is_total(text):
            self.plan.skip(origin, f'a "{text}" row, not an indicator; skipped.')
        elif not text:
            self.plan.reject(origin, f"no indicator code in {origin.cell}.")
        else:
            self.plan.reject(origin, f'"{clip(text)}" in {origin.cell} is not an indicator code '
                                     f'(expected e.g. "NI 163" or "163"), nor a title in the '
                                     f"catalogue.")
        return offset + 1

    def _row_area(self, number: int, cells: list[object]) -> str | bool:
        cell = _at(cells, self.area_index)
        area = self._areas.get(cell) if type(cell) is str else None
        if area is None:
            area = c.resolve_area(self.ctx, self.plan, cell,
                                  c.origin_of(self.sheet, number, self.area_index))
            if area is None:
                return False  # rejected or skipped, each row saying so
            if type(cell) is str:
                self._areas[cell] = area
        return area

    def _row_period(self, number: int, cells: list[object], index: int | None,
                    default: Period | None, role: Role = Role.PERIOD) -> Period | None | bool:
        if index is None:
            return default
        cell = cells[index] if index < len(cells) else None
        if cell is None or cell == "":
            return default
        period = self._periods.get(cell) if type(cell) in _KEYS else None
        if period is None:
            if is_blank(cell):
                return default
            period = c.resolve_period(self.plan, cell, c.origin_of(self.sheet, number, index),
                                      self.wordings[role])
            if period is None:
                return False
            if type(cell) in _KEYS:
                self._periods[cell] = period
        return period

    def _measure(self, spec: ColumnSpec, number: int, cells: list[object], code: str,
                 area: str | None, period: Period | None, round_: Period | None,
                 percent: bool, blank_is_missing: bool | None = None) -> None:
        index = spec.index
        cell = cells[index] if index < len(cells) else None
        role = spec.role
        if role is Role.VALUE:
            where = spec.area or area
            keep = where != KENT if blank_is_missing is None else blank_is_missing
            when = spec.period or period
            if where is not None and when is not None:  # the common case, one call fewer a figure
                c.add_figure(self.plan, self.sheet, number, index, cell, indicator=code, area=where,
                             period=when, kind="value", keep_blank=keep, percent_unit=percent,
                             given=self.given)
            else:
                self._figure(index, number, cell, code, where, when, "value", keep, percent)
        elif role is Role.KENT_TARGET or role is Role.LOCAL_TARGET:
            when = spec.period or self._target_period(number, cells) or period
            where = KENT if role is Role.KENT_TARGET else area
            self._figure(index, number, cell, code, where, when, "target", False, percent)
        elif role is Role.BEST or role is Role.WORST:
            kind = "best" if role is Role.BEST else "worst"
            self._figure(index, number, cell, code, KENT, spec.period or period, kind, False, percent)
        elif role is Role.PRIORITY:
            c.add_ranking(self.plan, cell, c.origin_of(self.sheet, number, index),
                          area=area, indicator=code, round_=round_ or period)
        elif role is Role.COMMENTARY and (period or self.latest_period) is not None and area:
            c.add_commentary(self.plan, cell, c.origin_of(self.sheet, number, index),
                             area=area, indicator=code, period=period or self.latest_period)

    def _target_period(self, number: int, cells: list[object]) -> Period | None:
        found = self._row_period(number, cells, self.target_period_index, None, Role.TARGET_PERIOD)
        return found if isinstance(found, Period) else self.context.target_period

    def _figure(self, index: int, number: int, cell: object, code: str, area: str | None,
                period: Period | None, kind: str, keep_blank: bool, percent: bool) -> None:
        if area is None or period is None:
            if not is_blank(cell):
                origin = c.origin_of(self.sheet, number, index)
                what = "locality" if area is None else "period"
                self.plan.reject(origin, f"the figure in {origin.cell} has no {what} to belong to.")
            return
        c.add_figure(self.plan, self.sheet, number, index, cell, indicator=code, area=area,
                     period=period, kind=kind, keep_blank=keep_blank, percent_unit=percent,
                     given=self.given)


def _is_total(text: str) -> bool:
    words = text.lower().replace(":", " ").split()
    return bool(words) and words[0] in ("total", "totals", "average") and len(words) <= 3
