"""An .xlsx workbook for people and for the importer: cached formats, safe cells, exact numbers.

Text is always written as text (`write_string`), so a comment or a partner's title that starts
with "=", "+", "-", "@", a tab or a return is never a formula. Numbers are written so that they
read back as the very same float. Number formats follow the indicator's unit.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.worksheet import Worksheet

from vfk_desktop import __version__
from vfk_desktop.domain.model import Rag
from vfk_desktop.io.writers.output import quiet_leftover_handles, write_failed
from vfk_desktop.palette import RAG_SYMBOL, RAG_TINT

HEADER_FILL = "#DDE7F0"
GRID = "#BFBFBF"
WHOLE_UNITS = ("count", "level")  # written without decimals


class _Exact(float):
    """A float xlsxwriter writes with all 17 significant digits (it writes 16, and a few floats,
    0.1 + 0.2 among them, need 17 to read back the same)."""

    def __format__(self, spec: str) -> str:
        return repr(float(self))


def exact(value: float) -> float:
    """value, wrapped when 16 significant digits would not give it back exactly."""
    return value if float(f"{value:.16G}") == value else _Exact(value)


def whole_numbers(*values: float | None) -> bool:
    """True when every figure given is a whole number (then none is shown with a decimal)."""
    return all(value is None or float(value).is_integer() for value in values)


def number_format(unit: str | None, symbol: str = "", whole: bool = False) -> str:
    """Thousands separators; one decimal (none for counts, or for a row of whole numbers such as
    1,212 admissions per 100,000); a % sign where the unit is %.

    The % is literal text: 70.9 % is stored as 70.9, as the indicator states it, not as 0.709.
    symbol (a RAG shape) is shown before the figure, so status never rests on colour alone.
    """
    body = "#,##0" if whole or unit in WHOLE_UNITS else "#,##0.0"
    if unit == "%":
        body += '"%"'
    return f'"{symbol} "{body}' if symbol else body


class Book:
    """One workbook being written; close() writes the file."""

    def __init__(self, path: Path, constant_memory: bool = False) -> None:
        self.path = path
        self.workbook = xlsxwriter.Workbook(str(path), {
            "constant_memory": constant_memory,
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        })
        self._formats: dict[tuple, object] = {}
        self.header = self.format(bold=True, bg_color=HEADER_FILL, text_wrap=True, valign="top",
                                  border=1, border_color=GRID)
        self.title = self.format(bold=True, font_size=14)
        self.subtitle = self.format(italic=True, font_color="#404040")
        self.bold = self.format(bold=True)
        self.wrap = self.format(text_wrap=True, valign="top")

    def format(self, **properties: object):
        """A cell format, made once per distinct set of properties."""
        key = tuple(sorted(properties.items()))
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.workbook.add_format(dict(properties))
        return found

    def cell(self, unit: str | None = None, rag: Rag | None = None, wrap: bool = False,
             align: str | None = None, symbol: bool = False, top: bool = False, whole: bool = False):
        """The format of a table cell: grid lines, the unit's number format, the RAG tint."""
        shape = RAG_SYMBOL[rag] if symbol and rag else ""
        properties: dict[str, object] = {"border": 1, "border_color": GRID, "valign": "top",
                                         "num_format": number_format(unit, shape, whole)}
        if rag is not None:
            properties["bg_color"] = RAG_TINT[rag]
        if wrap:
            properties["text_wrap"] = True
        if align:
            properties["align"] = align
        if top:
            properties["top"] = 2
        return self.format(**properties)

    def figures(self, unit: str | None, whole: bool, top: bool = False):
        """The format of a column of figures: right-aligned, "N/a" included."""
        return self.cell(unit, align="right", top=top, whole=whole)

    def sheet(self, name: str) -> Worksheet:
        sheet = self.workbook.add_worksheet(name)
        sheet.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})  # periods such as "2008"
        return sheet

    def properties(self, title: str, subject: str, keywords: str, comments: str,
                   custom: dict[str, str]) -> None:
        from vfk_desktop.who import current_user

        self.workbook.set_properties({
            "title": title, "subject": subject, "author": current_user(),
            "manager": "", "company": "Vision for Kent 2011-2021", "category": subject,
            "keywords": keywords, "comments": comments, "created": dt.datetime.now(),
        })
        for name, value in {**custom, "vfk_desktop version": __version__}.items():
            self.workbook.set_custom_property(name, value, "text")

    def close(self) -> None:
        failure = None
        with quiet_leftover_handles():
            try:
                self.workbook.close()
            except FileCreateError as error:
                cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else None
                failure = write_failed(self.path, cause or OSError(str(error)))
                cause = None  # its traceback holds the half-written zip file, closed on leaving
        if failure is not None:
            raise failure


def text(sheet: Worksheet, row: int, column: int, value: str | None, cell_format=None) -> None:
    """Text as text, whatever it starts with; a blank (keeping the format) when there is none."""
    if value:
        sheet.write_string(row, column, value, cell_format)
    elif cell_format is not None:
        sheet.write_blank(row, column, None, cell_format)


def figure(sheet: Worksheet, row: int, column: int, value: float | None, given: str | None,
           cell_format=None) -> None:
    """A figure: the number, else what was given instead ("N/a"), else a blank."""
    if value is not None:
        sheet.write_number(row, column, exact(value), cell_format)
    else:
        text(sheet, row, column, given, cell_format)


def row_height(cells: list[tuple[str | None, float]], line: float = 15.0) -> float:
    """A row tall enough for its wrapped texts, given (text, column width) pairs: set explicitly,
    as spreadsheet programs do not always fit a row to wrapped text written by another program."""
    lines = 1
    for value, width in cells:
        if value:
            per_line = max(int(width * 1.1), 8)
            lines = max(lines, len(textwrap.wrap(value, per_line)) or 1)
    return line * lines


def sheet_name(title: str, taken: set[str]) -> str:
    """A worksheet name from title: no []:*?/\\ characters, at most 31 long, not already taken."""
    name = "".join(" " if ch in '[]:*?/\\' else ch for ch in title).strip()[:31].strip() or "Sheet"
    stem, count = name, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({count})"
        name, count = stem[:31 - len(suffix)] + suffix, count + 1
    taken.add(name)
    return name


def header_footer_text(value: str) -> str:
    """Text for a printed header or footer, where & starts a code."""
    return value.replace("&", "&&")


def print_setup(sheet: Worksheet, title: str, header_row: int, stamp: str) -> None:
    """Landscape A4, one page wide, the heading row on every page, page numbers in the footer."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
    sheet.set_footer(f"&L&8{header_footer_text(title)}&C&8Page &P of &N&R&8{header_footer_text(stamp)}")
    sheet.center_horizontally()
