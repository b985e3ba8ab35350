"""Opening .xlsx, .xlsm, .xls and .ods workbooks as Sheets, with the cell facts calamine drops.

python-calamine reads the values (fast). It reads Excel error cells as empty strings and drops number
formats and hidden rows and columns, so for .xlsx/.xlsm the sheet XML is scanned for error cells
(t="e"), percentage-formatted cells and hidden rows and columns, for .ods content.xml likewise, and
for .xls the binary records through xlrd: 0.709 shown as 70.9 % is 70.9 per cent.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree

from vfk_desktop.io.readers.early_parse import EarlyParse
from vfk_desktop.io.readers.export_marks import own_export
from vfk_desktop.io.readers.safety import ODS, XLS, XLSX, ZIP_ERRORS, Kind
from vfk_desktop.io.readers.sheet_bounds import MAX_ROWS
from vfk_desktop.io.readers.sheets import BadFile, Sheet

__all__ = ["MAX_ROWS", "read_workbook"]

_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_ERROR_CELL = re.compile(
    rb'<c\b([^>]*\bt="e"[^>]*)>\s*(?:<f\b[^>]*/>|<f\b[^>]*>.*?</f>)?\s*<v>([^<]*)</v>', re.S)
_STYLED_CELL = re.compile(rb'<c\b([^>]*\bs="([0-9]+)"[^>]*)>')
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="([0-9]{1,7})"')
_HIDDEN_COLS = re.compile(rb'<col\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_COL_SPAN = (re.compile(rb'\bmin="([0-9]{1,5})"'), re.compile(rb'\bmax="([0-9]{1,5})"'))
_NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pkg": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
# a sheet's percentage cells and error cells by (row, column), its hidden rows and hidden columns
SheetFacts = tuple[set[tuple[int, int]], dict[tuple[int, int], str], set[int], set[int]]


def column_index(letters: bytes | str) -> int:
    """ "A" -> 0, "AA" -> 26."""
    text = letters.decode() if isinstance(letters, bytes) else letters
    index = 0
    for char in text:
        index = index * 26 + (ord(char) - 64)
    return index - 1


def read_workbook(path: Path, data: bytes, kind: Kind, sheet_name: str | None,
                  parts: dict[str, bytes] | None = None, early: EarlyParse | None = None) -> list[Sheet]:
    """The workbook's sheets; parts are its XML members, inflated and checked (safety.inspect);
    early, the parse begun while they were checked."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    name = path.name
    try:
        # the XML's facts are found while calamine parses (on a long sheet it outlasts the checks)
        extras = _ExtraFacts.while_parsing(name, data, kind, parts or {}, sheet_name) if early else None
        workbook = early.workbook() if early else CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(workbook.sheet_names)
        hidden_sheets = _hidden_sheets(workbook)
        if sheet_name is not None and sheet_name not in names:
            listed = ", ".join(f'"{n}"' for n in names)
            raise BadFile(f'{name} has no sheet "{sheet_name}" (its sheets: {listed}).')
        extras = extras or _ExtraFacts(name, data, kind, names, parts or {})
        own = own_export(extras.archive, names) if kind is XLSX and sheet_name is None else None
        wanted = own.sheets(names) if own else [sheet_name] if sheet_name is not None else names
        sheets = []
        for title in wanted:
            index = names.index(title)
            sheet = early.sheet(index) if early else workbook.get_sheet_by_index(index)
            if sheet.height > MAX_ROWS:
                raise _too_long(name, title, sheet.height)
            rows = _values(name, title, sheet)
            start_row, start_column = sheet.start if rows else (0, 0)
            percent_cells, error_cells, hidden_rows, hidden_columns = extras.facts(title)
            _fill_merged_down(rows, start_row, start_column, extras.merged_down(title))
            sheets.append(Sheet(
                file=path, name=title,
                rows=rows,
                first_row=start_row + 1,
                first_column=start_column,
                percent_cells=percent_cells,
                error_cells=error_cells,
                hidden=title in hidden_sheets,
                hidden_rows=hidden_rows,
                hidden_columns=hidden_columns,
                export_role=None if own is None else "data" if title == own.data_sheet else "return",
                export_locality=own.locality if own else None,
            ))
        return sheets
    except PasswordError as error:
        raise BadFile(f"{name} is password-protected; save an unprotected copy to import.") from error
    except CalamineError as error:
        raise BadFile(f"{name} is damaged or not a workbook vfk can read ({_short(error)}).") from error
    except BaseException as error:
        # calamine's panics on malformed files arrive as pyo3's PanicException (a BaseException).
        if type(error).__name__ != "PanicException":
            raise
        raise BadFile(f"{name} is damaged: its content cannot be read ({_short(error)}).") from None


def _values(name: str, title: str, sheet) -> list[list[object]]:
    try:
        return sheet.to_python()
    except (ValueError, OverflowError) as error:  # a date serial far out of range, say
        raise BadFile(f'{name} could not be read: sheet "{title}" holds a date or number out of '
                      f"range ({_short(error)}).") from error


def _fill_merged_down(rows: list[list[object]], start_row: int, start_column: int,
                      merges: list[tuple[int, int, int]]) -> None:
    """Give each cell of a merge down one column (a district merged over its block of rows) the
    merged cell's value, as the officer sees it, not a blank under it."""
    for column, first, last in merges:
        index = column - start_column
        top = first - start_row - 1
        if index < 0 or not 0 <= top < len(rows) or index >= len(rows[top]):
            continue
        value = rows[top][index]
        for row in rows[top + 1:min(last - start_row, len(rows))]:
            if index < len(row) and row[index] in (None, ""):
                row[index] = value


def _hidden_sheets(workbook: object) -> set[str]:
    """The names of hidden (and very hidden) sheets, as calamine reports them."""
    from python_calamine import SheetVisibleEnum

    try:
        return {m.name for m in workbook.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
    except Exception:  # noqa: BLE001 - an older calamine, or a format without the facts
        return set()


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]


def _too_long(name: str, title: str, rows: int) -> BadFile:
    return BadFile(f'Sheet "{title}" of {name} has {rows:,} rows; vfk imports at most '
                   f"{MAX_ROWS:,} rows a sheet. Split it, or copy the rows you need to a new file.")


def _number(text: str | None) -> int:
    """A format id as a number; a damaged one ("abc", "1e3") is no format at all."""
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 10 else -1


def _is_percent_format(code: str) -> bool:
    """True for a number format that shows a per cent sign ("0.0%"), not one that quotes it ("0\\%")."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


class _ExtraFacts:
    """Error and percentage cells and hidden rows and columns per sheet: from the XML of .xlsx and
    .ods, from the binary records of .xls."""

    def __init__(self, name: str, data: bytes, kind: Kind, sheet_names: list[str] | None,
                 parts: dict[str, bytes]) -> None:
        """sheet_names: calamine's, or None for every sheet the workbook lists."""
        self.name, self.kind, self.inflated = name, kind, parts
        self._facts: dict[str, SheetFacts] = {}
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data)) if kind in (XLSX, ODS) else None
        except ZIP_ERRORS as error:
            raise BadFile(f"{name} is damaged: it is not a complete workbook ({error}).") from error
        self.parts: dict[str, str] = {}
        self.percent_styles: set[int] = set()
        self.ods_percent: dict[str, set[tuple[int, int]]] = {}
        self.ods_hidden: dict[str, tuple[set[int], set[int]]] = {}
        self.ods_merges: dict[str, list[tuple[int, int, int]]] = {}
        self.xls = _XlsFacts(name, data) if kind is XLS else None
        if kind is XLSX:
            self.parts = self._sheet_parts(sheet_names)
            self.percent_styles = self._percent_styles()
        elif kind is ODS:
            self.ods_percent, self.ods_hidden = self._ods_cell_facts()

    @classmethod
    def while_parsing(cls, name: str, data: bytes, kind: Kind, parts: dict[str, bytes],
                      sheet_name: str | None) -> _ExtraFacts | None:
        """The facts of the sheets the workbook lists, before calamine has named them (it is still
        parsing). Damage found here is left to be said where it always was, after the parse."""
        try:
            extras = cls(name, data, kind, None, parts)
            listed = extras.xls.titles() if extras.xls else list(extras.parts)
            for title in [sheet_name] if sheet_name is not None else listed:
                extras.facts(title)
        except BadFile:
            return None
        return extras

    def facts(self, title: str) -> SheetFacts:
        """The sheet's percentage cells, error cells, hidden rows and hidden columns, found once."""
        if title not in self._facts:
            self._facts[title] = self.xls.facts(title) if self.xls else (
                self.percent_cells(title), self.error_cells(title),
                self.hidden_rows(title), self.hidden_columns(title))
        return self._facts[title]

    def _read(self, part: str) -> bytes:
        if part in self.inflated:
            return self.inflated[part]
        try:
            return self.archive.read(part)  # sizes were checked; zipfile checks the CRC
        except (*ZIP_ERRORS, KeyError) as error:
            raise BadFile(f"{self.name} is damaged: its part {part} cannot be read ({error}).") from error

    def _sheet_parts(self, sheet_names: list[str] | None) -> dict[str, str]:
        try:
            book = ElementTree.fromstring(self._read("xl/workbook.xml"))
            rels = ElementTree.fromstring(self._read("xl/_rels/workbook.xml.rels"))
        except (ElementTree.ParseError, ValueError, KeyError):
            return {}
        targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("pkg:Relationship", _NS)}
        parts = {}
        for sheet in book.iterfind("main:sheets/main:sheet", _NS):
            target = targets.get(sheet.get(f"{{{_NS['rel']}}}id"), "")
            if target:
                path = target.lstrip("/") if target.startswith("/") else str(
                    PurePosixPath("xl") / target)
                parts[sheet.get("name")] = path
        return {name: part for name, part in parts.items() if sheet_names is None or name in sheet_names}

    def _percent_styles(self) -> set[int]:
        try:
            styles = ElementTree.fromstring(self._read("xl/styles.xml"))
        except (ElementTree.ParseError, ValueError, BadFile):
            return set()
        percent_formats = {9, 10}  # Excel's built-in "0%" and "0.00%"
        for fmt in styles.iterfind("main:numFmts/main:numFmt", _NS):
            if _is_percent_format(fmt.get("formatCode", "")):
                percent_formats.add(_number(fmt.get("numFmtId")))
        xfs = styles.findall("main:cellXfs/main:xf", _NS)
        return {i for i, xf in enumerate(xfs) if _number(xf.get("numFmtId")) in percent_formats}

    def _sheet_xml(self, title: str) -> bytes:
        cache = getattr(self, "_xml", None)
        if cache is None or cache[0] != title:
            self._xml = (title, self._read(self.parts[title]))
        return self._xml[1]

    def error_cells(self, title: str) -> dict[tuple[int, int], str]:
        if title not in self.parts:
            return {}
        xml = self._sheet_xml(title)
        if b't="e"' not in xml:
            return {}
        found = {}
        for attributes, text in _ERROR_CELL.findall(xml):
            ref = _CELL_REF.search(attributes)
            if ref:
                found[(int(ref.group(2)), column_index(ref.group(1)))] = text.decode("utf-8", "replace")
        return found

    def merged_down(self, title: str) -> list[tuple[int, int, int]]:
        """The merges down one column: (0-based column, first row, last row as Excel shows them)."""
        if self.xls:
            self.facts(title)  # the sheet's merges are read with its other facts
            return self.xls.merges.get(title, [])
        if self.kind is ODS:
            return self.ods_merges.get(title, [])
        if title not in self.parts:
            return []
        xml = self._sheet_xml(title)
        if b"<mergeCell " not in xml:
            return []
        found = []
        for first_col, first_row, last_col, last_row in _MERGE.findall(xml):
            if first_col == last_col and first_row != last_row:
                found.append((column_index(first_col), int(first_row), int(last_row)))
        return found

    def _hidden_tags(self, title: str, pattern) -> list[bytes]:
        """The sheet XML's tags that pattern finds, read only when the sheet hides anything."""
        if title not in self.parts:
            return []
        xml = self._sheet_xml(title)
        return pattern.findall(xml) if b"hidden=" in xml else []

    def hidden_rows(self, title: str) -> set[int]:
        """Row numbers (as Excel shows them) an officer has hidden."""
        if self.kind is ODS:
            return self.ods_hidden.get(title, (set(), set()))[0]
        rows = set()
        for tag in self._hidden_tags(title, _HIDDEN_ROW):
            number = _ROW_NUMBER.search(tag)
            if number:
                rows.add(int(number.group(1)))
        return rows

    def hidden_columns(self, title: str) -> set[int]:
        """0-based indexes of hidden columns."""
        if self.kind is ODS:
            return self.ods_hidden.get(title, (set(), set()))[1]
        columns: set[int] = set()
        for tag in self._hidden_tags(title, _HIDDEN_COLS):
            low, high = (pattern.search(tag) for pattern in _COL_SPAN)
            if low:
                first = int(low.group(1))
                last = min(int(high.group(1)) if high else first, first + 1000, 16_384)
                columns.update(range(first - 1, last))
        return columns

    def percent_cells(self, title: str) -> set[tuple[int, int]]:
        if self.kind is ODS:
            return self.ods_percent.get(title, set())
        if title not in self.parts or not self.percent_styles:
            return set()
        cells = set()
        for attributes, style in _STYLED_CELL.findall(self._sheet_xml(title)):
            if int(style) in self.percent_styles:
                ref = _CELL_REF.search(attributes)
                if ref:
                    cells.add((int(ref.group(2)), column_index(ref.group(1))))
        return cells

    def _ods_cell_facts(self) -> tuple[dict[str, set[tuple[int, int]]],
                                       dict[str, tuple[set[int], set[int]]]]:
        """Percentage cells per table, and hidden rows and columns (table:visibility) per table; the
        merges down one column (table:number-rows-spanned) go to ods_merges."""
        content = self._read("content.xml")
        has_percent = b'value-type="percentage"' in content
        spans = f"{_ODS_TABLE}number-rows-spanned"
        if not has_percent and b"visibility=" not in content and b"number-rows-spanned" not in content:
            return {}, {}
        found: dict[str, set[tuple[int, int]]] = {}
        hidden: dict[str, tuple[set[int], set[int]]] = {}
        visibility = f"{_ODS_TABLE}visibility"
        table, row, column, table_column = None, 0, 0, 0
        try:
            for event, element in ElementTree.iterparse(io.BytesIO(content), events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{_ODS_TABLE}table":
                        table, row, table_column = element.get(f"{_ODS_TABLE}name"), 0, 0
                    elif tag == f"{_ODS_TABLE}table-row":
                        column = 0
                    continue
                if tag in (f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell"):
                    repeat = int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
                    if has_percent and element.get(f"{_ODS_OFFICE}value-type") == "percentage":
                        cells = found.setdefault(table, set())
                        cells.update((row + 1, column + k) for k in range(min(repeat, 1000)))
                    down = int(element.get(spans, "1"))
                    if down > 1 and element.get(f"{_ODS_TABLE}number-columns-spanned", "1") == "1":
                        self.ods_merges.setdefault(table, []).append((column, row + 1, row + down))
                    column += repeat
                    element.clear()
                elif tag == f"{_ODS_TABLE}table-column":
                    repeat = int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
                    if element.get(visibility, "visible") != "visible":
                        rows_and_columns = hidden.setdefault(table, (set(), set()))
                        rows_and_columns[1].update(range(table_column, table_column + min(repeat, 1000)))
                    table_column += repeat
                elif tag == f"{_ODS_TABLE}table-row":
                    repeat = int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
                    if element.get(visibility, "visible") != "visible":
                        rows_and_columns = hidden.setdefault(table, (set(), set()))
                        rows_and_columns[0].update(range(row + 1, row + 1 + min(repeat, 1000)))
                    row += repeat
                    element.clear()
        except (ElementTree.ParseError, ValueError) as error:
            raise BadFile(f"{self.name} is damaged: its content cannot be read ({error}).") from error
        return found, hidden


class _XlsFacts:
    """What calamine drops from an .xls (BIFF) workbook, read with xlrd: per sheet, the cells with a
    percentage format, the error cells, and the hidden rows and columns.

    calamine has already read the file, so one xlrd cannot read (an old or odd BIFF variant) leaves
    these facts out rather than refusing figures calamine read.
    """

    def __init__(self, name: str, data: bytes) -> None:
        import xlrd

        self.name = name
        self.merges: dict[str, list[tuple[int, int, int]]] = {}
        try:
            self.book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                           logfile=io.StringIO())
        except Exception:  # noqa: BLE001 - any failure of xlrd's: the values are calamine's
            self.book = None
            return
        formats = self.book.format_map
        self.percent_xfs = {
            index for index, xf in enumerate(self.book.xf_list)
            if xf.format_key in formats and _is_percent_format(formats[xf.format_key].format_str)}

    def titles(self) -> list[str]:
        return self.book.sheet_names() if self.book else []

    def facts(self, title: str) -> SheetFacts:
        import xlrd

        empty: SheetFacts = (set(), {}, set(), set())
        if self.book is None or title not in self.book.sheet_names():
            return empty
        try:
            sheet = self.book.sheet_by_name(title)
        except Exception:  # noqa: BLE001 - as above
            return empty
        percent, errors = set(), {}
        for r in range(sheet.nrows):
            for c, kind in enumerate(sheet.row_types(r)):
                if kind == xlrd.XL_CELL_NUMBER and self.percent_xfs:
                    if sheet.cell_xf_index(r, c) in self.percent_xfs:
                        percent.add((r + 1, c))
                elif kind == xlrd.XL_CELL_ERROR:
                    code = sheet.cell_value(r, c)
                    errors[(r + 1, c)] = xlrd.error_text_from_code.get(code, "#N/A")
        hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
        hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        self.merges[title] = [(low, top + 1, bottom) for top, bottom, low, high in sheet.merged_cells
                              if high - low == 1 and bottom - top > 1]
        self.book.unload_sheet(title)
        return percent, errors, hidden_rows, hidden_columns
