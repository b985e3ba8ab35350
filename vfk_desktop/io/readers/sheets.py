"""Opening a file as sheets of rows, each row numbered as Excel shows it, each cell addressable ("E17")."""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from vfk_desktop.domain.errors import VfkError

CSV_DELIMITERS = ",;\t"
CSV_MAX_COLUMNS = 16_384  # as many as Excel has
SNIFF_CHARS = 8_192  # the sniffer's regular expressions take time growing with the square of this
SNIFF_LINES = 50
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode text" is UTF-16 with a mark


class BadFile(VfkError):
    """A file that cannot be read as a spreadsheet at all; the text names the file."""


class ImportCancelled(VfkError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was written.")


@dataclass
class Sheet:
    """One sheet (or CSV file) as read: its cells, where they start, and what the workbook said of them."""

    file: Path
    name: str | None  # None for a CSV file, which has no sheets
    rows: list[list[object]]  # cells from first_column; rows[0] is row first_row as Excel shows it
    first_row: int = 1
    first_column: int = 0  # 0-based index of the column that cells[0] is in
    percent_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, column) with % format
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> "#N/A"
    letters: list[str] = field(default_factory=list, repr=False)  # column letters, from cells[0]
    export_role: str | None = None  # "data" or "return" in a workbook vfk_desktop exported
    export_locality: str | None = None  # the district of an exported KA2 return
    hidden: bool = False  # a hidden sheet
    hidden_rows: set[int] = field(default_factory=set)  # row numbers as Excel shows them
    hidden_columns: set[int] = field(default_factory=set)  # 0-based, as first_column counts
    delimiter: str | None = None  # a CSV file's field separator; None for a workbook

    @functools.cached_property
    def file_name(self) -> str:
        return self.file.name  # asked for every figure: worked out once

    def letter(self, index: int) -> str:
        """The column letter of cells[index] ("E"), remembered: every figure asks for one."""
        while len(self.letters) <= index:
            self.letters.append(column_letter(self.first_column + len(self.letters)))
        return self.letters[index]

    def cell_ref(self, row: int, index: int) -> str:
        """The Excel reference of cells[index] in row: "E17"."""
        return f"{self.letter(index)}{row}"

    def where(self, row: int, index: int | None = None) -> str:
        """Where, for a message: 'file.xlsx, sheet "Data", cell E17' (or 'row 17')."""
        place = f'{self.file.name}, sheet "{self.name}"' if self.name else self.file.name
        if index is None:
            return f"{place}, row {row}"
        return f"{place}, cell {self.cell_ref(row, index)}"


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as Excel writes CSV on a council laptop (lines
    of each pasted together are read line by line); UTF-16 when it starts with a byte-order mark, as
    Excel's "Unicode text" does."""
    if data.startswith(UTF16_MARKS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadFile(f"{name} is not readable text: it starts as UTF-16 but is damaged.") from None
        return _without_nul(text, name).lstrip("\ufeff")
    if b"\x00" in data:
        raise BadFile(f"{name} is not a text (CSV) file: it contains binary data (NUL bytes).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # Windows-1252, or lines of each pasted together: read line by line
        lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    try:
        return "\n".join(_decoded_line(line) for line in lines)
    except UnicodeDecodeError:
        raise BadFile(f"{name} is not readable text in UTF-8 or Windows-1252.") from None


def _decoded_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252")


def _without_nul(text: str, name: str) -> str:
    if "\x00" in text:
        raise BadFile(f"{name} is not a text (CSV) file: it contains binary data (NUL characters).")
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter, judged from the first lines only: the sniffer slows badly on long samples."""
    sample = "\n".join(text[:SNIFF_CHARS].splitlines()[:SNIFF_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in CSV_DELIMITERS}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def read_csv_sheet(path: Path, data: bytes | None = None) -> Sheet:
    data = path.read_bytes() if data is None else data
    text = decode_text(data, path.name)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    try:
        for row in reader:
            if len(row) > CSV_MAX_COLUMNS:
                raise BadFile(f"{path.name} has {len(row):,} columns in line {reader.line_num:,}; vfk "
                              f"reads at most {CSV_MAX_COLUMNS:,} (it may not be a CSV file).")
            rows.append(row)
    except csv.Error as error:
        raise BadFile(f"{path.name} is not a well-formed CSV file (line {reader.line_num:,}: "
                      f"{error}).") from error
    if "'" in text and rows and tuple(rows[0][:3]) == OUR_FARE_CSV:  # a partner's "'=1" stays as typed
        rows = [[_unguarded(cell) for cell in row] for row in rows]
    return Sheet(file=path, name=None, rows=rows, delimiter=delimiter)


OUR_FARE_CSV = ("District", "Code", "Indicator")  # the headings of `vfk export … --out F.csv`
_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def _unguarded(cell: str) -> str:
    """ "'=1+1" -> "=1+1": the apostrophe CSV writers (ours among them) put before text that a
    spreadsheet would otherwise run as a formula."""
    return cell[1:] if cell.startswith(_GUARDED) else cell


def is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def blank_row(cells: list[object]) -> bool:
    for cell in cells:
        if cell is not None and cell != "" and not (type(cell) is str and not cell.strip()):
            return False
    return True


def share_repeated_text(sheets: list[Sheet]) -> None:
    """Make every copy of a text in the sheets' cells one object.

    A long sheet repeats a few hundred place names, codes and periods hundreds of thousands of
    times, each a separate string as the reader made it. Shared, they are pickled once each on the
    way from the reader child (200,000 rows: 5.8 MB instead of 12.2, and a quarter of the time) and
    held once in the importing process.
    """
    seen: dict[str, str] = {}
    share = seen.setdefault
    for sheet in sheets:
        sheet.rows[:] = [[share(cell, cell) if type(cell) is str else cell for cell in row]
                         for row in sheet.rows]
