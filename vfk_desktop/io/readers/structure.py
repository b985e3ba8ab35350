"""How a sheet's table was read, and the headings in it that could not be: said to the officer.

The import report says for each sheet which layout was found, where its heading is, how many places
and periods it holds, and which rows were passed over as notes. A heading in a place position that
names no known locality ("T Wells") is a problem, and figures under any other heading vfk does not
know ("Change") are a note: never a column that quietly vanishes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.columns import Role
from vfk_desktop.domain.import_plan import Origin
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.values import clip
from vfk_desktop.io.readers.cells import looks_numeric
from vfk_desktop.io.readers.hidden import number_ranges
from vfk_desktop.io.readers.mapping import Mapping, mapping_of, wording_of
from vfk_desktop.io.readers.sheets import Sheet, is_blank

if TYPE_CHECKING:
    from vfk_desktop.io.readers.table import SheetReader

_SHEET_CODE = re.compile(r"^\s*N\.?\s*I\.?\s*[-_ ]?\s*(\d{1,3}\s?[a-z]{0,3})(?:\b|$)", re.I)
_ROWS_TO_LOOK = 200  # rows under a heading looked at for figures


def code_in_sheet_name(name: str | None) -> str | None:
    """ "NI8", "NI 110", "NI 163 - skills" -> the indicator a sheet is about; None otherwise."""
    if not name:
        return None
    found = _SHEET_CODE.match(name)
    return try_parse_code(found.group(1)) if found else None


def code_in_title(head: list[tuple[int, list[object]]]) -> str | None:
    """The indicator a sheet's title starts with ("NI 155 Number of affordable homes delivered"),
    from the lines of one text above its first row of two or more cells; None otherwise."""
    for _, cells in head:
        filled = [cell for cell in cells if not is_blank(cell)]
        if len(filled) != 1:
            return None
        if isinstance(filled[0], str) and (code := code_in_sheet_name(filled[0])):
            return code
    return None


def sheet_place(sheet: Sheet) -> str:
    return f'{sheet.file_name}, sheet "{sheet.name}"' if sheet.name else sheet.file_name


def refused_heading(reader: SheetReader, head: list[tuple[int, list[object]]]) -> str | None:
    """Why a header row naming an indicator column could not be used: a date heading, say."""
    for position in range(len(head)):
        number, cells = head[position]
        mapping = mapping_of(cells, (number,), reader.ctx.matcher,
                             wording_of([row for _, row in head[max(0, position - 3):position + 1]]))
        if mapping.code is not None and mapping.refused_columns:
            index, why = mapping.refused_columns[0]
            return f"{why} (cell {reader.sheet.cell_ref(number, index)}): {_DATE_ADVICE}"
    return None


_DATE_ADVICE = ('head the columns "Year ending", "Quarter ending" or "Month", or write the period '
                '(e.g. "2008/09")')


def check_headings(reader: SheetReader, mapping: Mapping) -> None:
    """Refuse headings that cannot be read (a date closing no named period, an unknown place), and
    note the columns of figures left out under any other heading vfk does not know, or none."""
    sheet, plan, matcher = reader.sheet, reader.plan, reader.ctx.matcher
    row = mapping.header_rows[0]
    for index, why in mapping.refused_columns:
        if (row, index) in reader._reported_columns:
            continue
        reader._reported_columns.add((row, index))
        cell = sheet.cell_ref(mapping.header_rows[-1], index)
        plan.reject(Origin(sheet.file_name, sheet.name, mapping.header_rows[-1], cell),
                    f"{why} (cell {cell}): {_DATE_ADVICE}; the column was not read.")
    places = [c.index for c in mapping.columns if c.role is Role.VALUE and c.area]
    districts = [c.index for c in mapping.columns if c.role is Role.VALUE and c.area and c.area != KENT]
    for index, text in mapping.unknown_columns:
        if (row, index) in reader._reported_columns:
            continue
        hint = matcher.suggest(text)
        among_places = len(districts) >= 2 and index > min(districts)
        if not (hint and places) and not among_places:
            _note_unread_heading(reader, mapping, index, text)
            continue
        if not _has_figures(reader, mapping, index):
            continue
        reader._reported_columns.add((row, index))
        cell = sheet.cell_ref(mapping.header_rows[-1], index)
        advice = f' (did you mean "{hint}"?)' if hint else ""
        plan.reject(Origin(sheet.file_name, sheet.name, mapping.header_rows[-1], cell),
                    f'the column heading "{text}" in {cell} is not one of the 12 Kent districts'
                    f"{advice}; its figures were not read.")
    read = {c.index for c in mapping.columns}
    for index, text in enumerate(mapping.headers_found):
        if not text and index not in read and not mapping.from_profile:
            _note_unread_heading(reader, mapping, index, text)


def _note_unread_heading(reader: SheetReader, mapping: Mapping, index: int, text: str) -> None:
    """Say which column of figures was left out for a heading vfk does not know ("Change") or for
    none: once a sheet, however often the heading is repeated down it."""
    if (index, text) in reader.unread_headings:
        return
    reader.unread_headings.add((index, text))
    if _has_figures(reader, mapping, index):
        what = f'headed "{clip(text)}", a heading vfk does not know,' if text else "with no heading,"
        reader.plan.skip_column(reader.sheet.where(mapping.header_rows[-1], index),
                                f"column {what} with figures under it")


def _has_figures(reader: SheetReader, mapping: Mapping, index: int) -> bool:
    rows, first = reader.sheet.rows, reader.sheet.first_row
    start = mapping.header_rows[-1] - first + 1
    for cells in rows[start:start + _ROWS_TO_LOOK]:
        if index < len(cells) and looks_numeric(cells[index]):
            return True
    return False


def describe_reading(reader: SheetReader) -> str:
    """ "wide by period (periods across the top), heading row 5, 12 localities, 3 periods; rows
    30-34 ignored (notes)"."""
    mapping = reader.mapping
    parts = [mapping.describe()]
    heads = sorted(set(reader.header_rows))
    parts.append(f"heading row {heads[0]}" if len(heads) == 1
                 else f"heading rows {number_ranges(heads)}")
    if reader.code_index is None and reader.sheet_code:
        parts.append(f"indicator {reader.sheet_code} from {reader.code_source}")
    areas = {c.area for c in mapping.columns if c.area and c.area != KENT}
    areas |= {a for a in reader._areas.values() if a != KENT}
    if reader.home or (reader.context.area and reader.context.area != KENT and not areas):
        areas.add(reader.home or reader.context.area)
    periods = {c.period for c in mapping.columns if c.role is Role.VALUE and c.period}
    periods |= set(reader._periods.values())
    if not periods and reader.context.period is not None:
        periods.add(reader.context.period)
    if areas:
        parts.append(_count(len(areas), "locality", "localities"))
    if periods:
        parts.append(_count(len(periods), "period", "periods"))
    text = ", ".join(parts)
    notes = set(reader.notes) | {r for r in reader.titles if r > reader.last_data_row}
    if notes:
        what = "row" if len(notes) == 1 else "rows"
        text += f"; {what} {number_ranges(sorted(notes))} ignored (notes)"
    return text


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
