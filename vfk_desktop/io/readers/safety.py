"""What a file really is, and refusing a hostile or broken one before any reader opens it.

Spreadsheet readers trust their input: python-calamine does not bound decompression and XML parsers
expand entities. So the file's first bytes name its kind (whatever its extension says), a zip's
members are inflated here within bounds (zip_bounds.py), and their XML is checked for entity
declarations and for cells placed far beyond what the file holds (sheet_bounds.py).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from vfk_desktop.io.readers.sheet_bounds import check_entities, check_ods, check_xlsx
from vfk_desktop.io.readers.sheets import BadFile
from vfk_desktop.io.readers.zip_bounds import inflate_members

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
# What Python's zipfile raises on a damaged archive: a bad header, a bad CRC, bad deflate data, a
# seek before the start, an unknown compression method, a member cut short.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError,
              NotImplementedError, struct.error)
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


@dataclass(frozen=True)
class Kind:
    """The real kind of a file to import, known from its content: xlsx, ods, xls or csv."""

    name: str  # "xlsx", "ods", "xls" or "csv"


XLSX, ODS, XLS, CSV = Kind("xlsx"), Kind("ods"), Kind("xls"), Kind("csv")


def identify(path: Path, data: bytes) -> Kind:
    """The file's real kind from its content; a sentence when it is not a spreadsheet we read."""
    name, suffix = path.name, path.suffix.lower()
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(name, data)
    if data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise BadFile(f"{name} is password-protected; open it in Excel and save an "
                          f"unprotected copy to import.")
        if b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in data:
            raise BadFile(f"{name} is a Word document, not a spreadsheet.")
        return XLS
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        raise BadFile(f"{name} is a web page (HTML), not a spreadsheet; open it in Excel and "
                      f"save it as .xlsx to import it.")
    if head.startswith(b"%pdf"):
        raise BadFile(f"{name} is a PDF document, not a spreadsheet.")
    if suffix in WORKBOOK_SUFFIXES:
        if _looks_like_text(data):
            raise BadFile(f"{name} is not an Excel or OpenDocument workbook: it is a text (CSV) "
                          f"file. Rename it to {path.stem}.csv and import that.")
        raise BadFile(f"{name} is not a spreadsheet: its content is neither a workbook nor text "
                      f"(it may be damaged).")
    if suffix in TEXT_SUFFIXES:
        return CSV
    raise BadFile(f"{name} is not a file type vfk imports (use .xlsx, .xlsm, .xls, .ods or .csv).")


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" not in sample and all(b >= 9 for b in sample[:200])


def inspect(path: Path, data: bytes) -> tuple[Kind, dict[str, bytes]]:
    """The file's kind, and for a workbook its XML parts inflated, every bound checked."""
    if not data.startswith(ZIP_MAGIC):
        return identify(path, data), {}
    try:
        return _checked_zip(path.name, data)
    except ZIP_ERRORS as error:
        raise BadFile(f"{path.name} is damaged: it is cut short or is not a complete workbook "
                      f"({error}).") from error


def _zip_kind(name: str, data: bytes) -> Kind:
    """A workbook's kind from its members, after its sizes and XML are checked; damage is a BadFile."""
    try:
        return _checked_zip(name, data)[0]
    except ZIP_ERRORS as error:
        raise BadFile(f"{name} is damaged: it is cut short or is not a complete workbook "
                      f"({error}).") from error


def _checked_zip(name: str, data: bytes) -> tuple[Kind, dict[str, bytes]]:
    import io

    archive = zipfile.ZipFile(io.BytesIO(data))
    members = {info.filename: info for info in archive.infolist()}
    if "xl/workbook.xml" in members:
        kind = XLSX
    elif "content.xml" in members and _ods_mimetype(archive, members):
        kind = ODS
    elif "word/document.xml" in members:
        raise BadFile(f"{name} is a Word document, not a spreadsheet.")
    elif "ppt/presentation.xml" in members:
        raise BadFile(f"{name} is a PowerPoint presentation, not a spreadsheet.")
    else:
        raise BadFile(f"{name} is a zip file but not an Excel or OpenDocument workbook.")
    parts = inflate_members(name, data, archive)
    check_entities(name, parts)
    if kind is XLSX:
        check_xlsx(name, parts)
    elif "content.xml" in parts:
        check_ods(name, parts["content.xml"])
    return kind, parts


def _ods_mimetype(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> bool:
    if "mimetype" not in members or members["mimetype"].file_size > 200:
        return False
    return archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.spreadsheet"
