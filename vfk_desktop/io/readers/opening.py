"""Opening one file as sheets, in whatever process reads it: the reader boundary.

Runs in the reader child (isolated.py). Whatever a library raises on a damaged file ends here as
one sentence naming the file and the kind of damage; the detail goes back for the log.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.io.readers.safety import CSV, XLS, inspect
from vfk_desktop.io.readers.sheet_bounds import MAX_ROWS
from vfk_desktop.io.readers.sheets import BadFile, Sheet, read_csv_sheet


class Unreadable(BadFile):
    """A library failed on the file: the sentence for the officer, the detail for the log."""

    def __init__(self, sentence: str, detail: str) -> None:
        super().__init__(sentence)
        self.detail = detail


def open_file(path: Path, data: bytes, sheet_name: str | None, early: bool = False) -> list[Sheet]:
    """The file's sheets; a BadFile, with one sentence, for anything that goes wrong reading it.

    early: a large workbook is parsed while it is checked (early_parse.py), in the reader child only.
    """
    try:
        return _open(path, data, sheet_name, early)
    except VfkError:
        raise
    except MemoryError:
        raise Unreadable(memory_sentence(path.name), "MemoryError") from None
    except Exception as error:  # noqa: BLE001 - the reader boundary: a library's failure is damage
        detail = f"{type(error).__name__}: {str(error)[:300]}"
        raise Unreadable(f"{path.name} could not be read: {damage(error)}.", detail) from None
    except BaseException as error:
        if type(error).__name__ != "PanicException":  # calamine's Rust panics arrive as this
            raise
        detail = f"PanicException: {str(error)[:300]}"
        raise Unreadable(f"{path.name} could not be read: its content is damaged.", detail) from None


def memory_sentence(name: str) -> str:
    return (f"{name} could not be read: it asks for more memory than any spreadsheet of its size "
            f"needs, so it is probably damaged.")


def damage(error: Exception) -> str:
    """The kind of damage a library's exception points to, in words."""
    if isinstance(error, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "it is cut short or is not a complete workbook"
    if isinstance(error, ParseError) or "xml" in type(error).__name__.lower():
        return "its XML is malformed"
    if isinstance(error, (OverflowError, ValueError)) and "range" in str(error):
        return "a date or number in it is out of range"
    if isinstance(error, (UnicodeError,)):
        return "its text is not in an encoding vfk reads"
    return "its content is damaged"


def _open(path: Path, data: bytes, sheet_name: str | None, early: bool) -> list[Sheet]:
    from vfk_desktop.io.readers.early_parse import parse_early

    parse = parse_early(data, sheet_name) if early else None
    try:
        kind, parts = inspect(path, data)
    except BaseException:
        if parse is not None:
            parse.abandon()
        raise
    if kind is CSV:
        if sheet_name:
            raise BadFile(f"{path.name} is a CSV file and has no sheets; leave out --sheet.")
        lines = data.count(b"\n")
        if lines > MAX_ROWS:
            raise BadFile(f"{path.name} has {lines:,} rows; vfk imports at most {MAX_ROWS:,} rows "
                          f"a sheet. Split it, or copy the rows you need to a new file.")
        return [read_csv_sheet(path, data)]
    from vfk_desktop.io.readers.workbooks import read_workbook

    return read_workbook(path, data, kind, sheet_name, parts if kind is not XLS else None, parse)
