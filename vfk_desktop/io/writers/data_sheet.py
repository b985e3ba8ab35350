"""The Data sheet of an export: one row per stored figure, ranking or comment, with its provenance.

Its headings are the ordinary importer's words for a long table, so `vfk import` reads it back:
a value row fills Value, a Kent target row Kent target, a ranking row Ranking period and Priority,
a comment row Period and Commentary. This is the largest sheet (200,000 rows for a busy county
database), so the loop binds what it calls and writes only the cells a row has.
"""

from __future__ import annotations

from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.model import Indicator
from vfk_desktop.facts.records import DataRecord, ImportFacts
from vfk_desktop.io.export_layout import (
    AS_GIVEN,
    DATA_COLUMN_OF_KIND,
    DATA_HEADERS,
    DATA_SHEET,
    DATA_STATISTICS,
    LOCAL_TARGET_COLUMN,
)
from vfk_desktop.io.writers.book import Book, exact, print_setup
from vfk_desktop.io.writers.output import Cancelled, ExportCancelled, Progress

WIDTHS = (16, 9, 44, 10, 10, 10, 10, 10, 10, 9, 10, 9, 44, 11, 26, 14, 8, 8, 11, 12, 9, 11, 10, 10, 10, 10)
CHECK_EVERY = 5000  # rows between progress reports and checks for Cancel
_PERIOD, _GIVEN, _ROUND, _UNIT, _FILE = (
    DATA_HEADERS.index(h) for h in ("Period", AS_GIVEN, "Ranking period", "Unit", "Source file"))


class Stop(Exception):
    """Raised inside the loop when Cancel was pressed; the caller turns it into ExportCancelled."""


def write_data_sheet(book: Book, name: str, records: list[DataRecord], indicators: dict[str, Indicator],
                     imports: dict[int, ImportFacts], progress: Progress | None = None,
                     cancelled: Cancelled | None = None, share: tuple[float, float] = (0.0, 1.0),
                     stamp: str = "") -> int:
    """Write records to a new sheet called name; returns how many rows were written.

    share: the part of the whole export's progress this sheet covers (start, end).
    """
    sheet = book.sheet(name)
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    sheet.set_row(0, 30)
    for column, heading in enumerate(DATA_HEADERS):
        sheet.write_string(0, column, heading, book.header)
    string, number = sheet.write_string, sheet.write_number
    titles = {code: indicator.title for code, indicator in indicators.items()}
    units = {code: indicator.unit for code, indicator in indicators.items()}
    origin = {import_id: (facts.at, facts.user) for import_id, facts in imports.items()}
    column_of = DATA_COLUMN_OF_KIND
    start, end = share
    total = len(records) or 1
    for row, record in enumerate(records, 1):
        area, code, period, kind, value, given, file, sheet_name, cell, import_id = record[:10]
        string(row, 0, area)
        string(row, 1, code)
        title = titles.get(code)
        if title:
            string(row, 2, title)
        if kind == "priority":
            string(row, _ROUND, period)
        else:
            string(row, _PERIOD, period)
        column = LOCAL_TARGET_COLUMN if kind == "target" and area != KENT else column_of[kind]
        if value is not None:
            number(row, column, exact(value))
            if given:
                string(row, _GIVEN, given)
        elif given:
            string(row, column, given)
        unit = units.get(code)
        if unit:
            string(row, _UNIT, unit)
        if file:
            string(row, _FILE, file)
        if sheet_name:
            string(row, _FILE + 1, sheet_name)
        if cell:
            string(row, _FILE + 2, cell)
        if import_id is not None:
            number(row, _FILE + 3, import_id)
            at, user = origin.get(import_id, ("", ""))
            if at:
                string(row, _FILE + 4, at)
            if user:
                string(row, _FILE + 5, user)
        for column, number_ in enumerate(record[10:], DATA_STATISTICS):
            if number_ is not None:
                number(row, column, exact(number_))
        if row % CHECK_EVERY == 0:
            if cancelled is not None and cancelled():
                raise Stop()
            if progress is not None:
                progress(start + (end - start) * row / total, "Writing the Data sheet")
    last = len(records)
    sheet.autofilter(0, 0, max(last, 1), len(DATA_HEADERS) - 1)
    print_setup(sheet, "Data: every figure, ranking and comment with its source", 0, stamp)
    return last


def finish(book: Book, path, records: list[DataRecord], indicators: dict[str, Indicator],
           imports: dict[int, ImportFacts], progress: Progress | None, cancelled: Cancelled | None,
           stamp: str, saving_at: float, **properties: object) -> None:
    """The last of an export: the Data sheet (what vfk import reads back), the document's
    properties (made-by marks in `custom`), and the file itself."""
    try:
        write_data_sheet(book, DATA_SHEET, records, indicators, imports, progress, cancelled,
                         share=(0.2, 0.9), stamp=stamp)
    except Stop:
        raise ExportCancelled(path) from None
    book.properties(comments="Made by vfk_desktop. The Data sheet is what vfk import reads back.",
                    **properties)
    if progress:
        progress(saving_at, "Saving the workbook")
    book.close()
