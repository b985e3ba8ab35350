"""Writing real spreadsheet files for tests: .xlsx (openpyxl), .xls (xlwt), .ods (odfpy), .csv.

A sheet is a list of rows; a cell is a value, None (empty), or a Cell with a number format, an
Excel error or a merge across the cells to its right (None in the row). The same rows can be
written in every format, so one test covers them all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Cell:
    value: object
    number_format: str | None = None  # e.g. "0.0%"
    error: bool = False  # an Excel error cell such as #DIV/0!
    across: int = 1  # columns the cell is merged across (CSV has no merges: the value alone)


Sheets = dict[str, list[list[object]]]
FORMATS = ("xlsx", "xlsm", "xls", "ods", "csv")


def write(path: Path, sheets: Sheets, **csv_options) -> Path:
    suffix = path.suffix.lower().lstrip(".")
    writer = {"xlsx": write_xlsx, "xlsm": write_xlsx, "xls": write_xls, "ods": write_ods,
              "csv": write_csv}[suffix]
    writer(path, sheets, **csv_options) if suffix == "csv" else writer(path, sheets)
    return path


def write_xlsx(path: Path, sheets: Sheets) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for col, value in enumerate(row, 1):
                if value is None:
                    continue
                target = sheet.cell(r, col)
                if isinstance(value, Cell):
                    target.value = value.value
                    if value.error:
                        target.data_type = "e"
                    if value.number_format:
                        target.number_format = value.number_format
                    if value.across > 1:
                        sheet.merge_cells(start_row=r, start_column=col, end_row=r,
                                          end_column=col + value.across - 1)
                else:
                    target.value = value
    book.save(path)
    return path


def write_xls(path: Path, sheets: Sheets) -> Path:
    import xlwt

    book = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    for name, rows in sheets.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for col, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, Cell) and value.error:
                    # xlwt spells #N/A "#N/A!"; its code, 42, is what Excel writes
                    sheet.row(r).set_cell_error(col, {"#N/A": 42}.get(value.value, value.value))
                elif isinstance(value, Cell) and value.across > 1:
                    sheet.write_merge(r, r, col, col + value.across - 1, value.value)
                elif isinstance(value, Cell):
                    style = xlwt.easyxf(num_format_str=value.number_format or "General")
                    sheet.write(r, col, value.value, style)
                elif isinstance(value, dt.date):
                    sheet.write(r, col, value, date_style)
                else:
                    sheet.write(r, col, value)
    book.save(str(path))
    return path


def write_ods(path: Path, sheets: Sheets) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            table_row, covered = TableRow(), 0
            for value in row:
                if covered:
                    table_row.addElement(CoveredTableCell())
                    covered -= 1
                    continue
                raw = value.value if isinstance(value, Cell) else value
                percent = isinstance(value, Cell) and "%" in (value.number_format or "")
                if raw is None:
                    cell = TableCell()
                elif isinstance(raw, bool):
                    cell = TableCell(valuetype="boolean", booleanvalue=str(raw).lower())
                    cell.addElement(P(text=str(raw).upper()))
                elif isinstance(raw, (int, float)):
                    cell = TableCell(valuetype="percentage" if percent else "float", value=raw)
                    cell.addElement(P(text=f"{raw * 100:g}%" if percent else f"{raw:g}"))
                elif isinstance(raw, dt.date):
                    cell = TableCell(valuetype="date", datevalue=raw.isoformat())
                    cell.addElement(P(text=raw.isoformat()))
                else:
                    cell = TableCell(valuetype="string")
                    for line in str(raw).split("\n"):
                        cell.addElement(P(text=line))
                if isinstance(value, Cell) and value.across > 1:
                    cell.setAttribute("numbercolumnsspanned", value.across)
                    covered = value.across - 1
                table_row.addElement(cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def write_csv(path: Path, sheets: Sheets, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    (rows,) = sheets.values()
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        out.writerow(["" if v is None else (v.value if isinstance(v, Cell) else v) for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def understate(data: bytes, member: bytes, claimed: int) -> bytes:
    """A zip's local header and central directory patched to claim member inflates to `claimed` bytes."""
    import struct

    out = bytearray(data)
    # (signature, where the name starts, where its length is, where the inflated size is)
    for signature, name_at, length_at, size_at in ((b"PK\x03\x04", 30, 26, 22), (b"PK\x01\x02", 46, 28, 24)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            length = struct.unpack_from("<H", out, start + length_at)[0]
            if out[start + name_at:start + name_at + length] == member:
                struct.pack_into("<I", out, start + size_at, claimed)
            start += 4
    return bytes(out)
