"""The refused rows of a partial import, in a workbook the partner can correct and send back.

One worksheet per sheet the rows came from: the row's own columns under the file's headings, then
what vfk read from it (locality, indicator code, period, value as given), where it was (file, sheet,
cell) and why it was refused. Text is written as text, so nothing in it is run as a formula; the
file is written under a temporary name and renamed when whole.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vfk_desktop.domain.import_plan import Problem, RowCopy
from vfk_desktop.io.writers.book import Book, exact, sheet_name, text
from vfk_desktop.io.writers.output import check_suffix, replacing

READ = ("Locality (as read)", "Indicator code (as read)", "Period (as read)", "Value as given",
        "File", "Sheet", "Cell", "Reason")


def write_refused(refused: list[tuple[Problem, RowCopy | None]], path: Path) -> int:
    """Write the refused rows to path (.xlsx); returns how many rows were written."""
    path = Path(path)
    check_suffix(path, (".xlsx",), "the workbook of refused rows")
    groups: dict[tuple[str, str | None], list[tuple[Problem, RowCopy | None]]] = {}
    for problem, copy in refused:
        groups.setdefault((problem.file, problem.sheet), []).append((problem, copy))
    with replacing(path) as temporary:
        book = Book(temporary)
        taken: set[str] = set()
        for (file, sheet), rows in groups.items():
            title = "Refused" if len(groups) == 1 else f"{Path(file).stem} {sheet or ''}"
            _sheet(book, sheet_name(title, taken), rows)
        book.properties("Refused rows", "Rows vfk_desktop refused", "refused rows",
                        "Correct the rows and send the file back; the Reason column says what "
                        "is wrong with each.", {"written": dt.datetime.now().isoformat(" ", "seconds")})
        book.close()
    return len(refused)


def _sheet(book: Book, name: str, rows: list[tuple[Problem, RowCopy | None]]) -> None:
    sheet = book.sheet(name)
    headings = max((copy.headings for _, copy in rows if copy), key=len, default=())
    width = max([len(headings)] + [len(copy.cells) for _, copy in rows if copy])
    width = len(headings) if headings else width
    names = [h or f"Column {i + 1}" for i, h in enumerate(headings)] or [
        f"Column {i + 1}" for i in range(width)]
    for column, heading in enumerate([*names, *READ]):
        text(sheet, 0, column, heading, book.header)
    for line, (problem, copy) in enumerate(rows, 1):
        cells = copy.cells[:width] if copy else ()
        for column, cell in enumerate(cells):
            _cell(sheet, line, column, cell)
        given = copy.given(problem.cell) if copy else None
        read = [copy.locality if copy else None, copy.code if copy else None,
                copy.period if copy else None]
        for offset, value in enumerate([*read, given, problem.file, problem.sheet,
                                        problem.cell or (f"row {problem.row}" if problem.row else None),
                                        problem.reason]):
            _cell(sheet, line, width + offset, value)
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, width + len(READ) - 2, 16)
    sheet.set_column(width + len(READ) - 1, width + len(READ) - 1, 70, book.wrap)


def _cell(sheet, row: int, column: int, value: object) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_string(row, column, str(value))
    elif isinstance(value, (int, float)):
        sheet.write_number(row, column, exact(float(value)))
    else:
        text(sheet, row, column, str(value))  # as text, whatever it starts with
