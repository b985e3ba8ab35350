"""What a file really is, and refusing a hostile or broken one before any reader opens it.

Spreadsheet readers trust their input: python-calamine does not bound decompression and XML parsers
expand entities. So the file's first bytes name its kind (whatever its extension says), a zip's
members are sized before anything is inflated, and XML parts are searched for entity declarations.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from vfk_desktop.io.readers.sheets import BadFile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNCOMPRESSED = 400 * 2**20  # all sheet and string parts together
MAX_RATIO = 100  # inflated / compressed, per sheet or string part (Apache POI's limit)
RATIO_FLOOR = 2 * 2**20  # parts smaller than this inflated are too small to matter
_ENTITY = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
# What Python's zipfile raises on a damaged archive: a bad header, a bad CRC, bad deflate data, a
# seek before the start, an unknown compression method, a member cut short.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError,
              NotImplementedError, struct.error)
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


@dataclass(frozen=True)
class Kind:
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


def _zip_kind(name: str, data: bytes) -> Kind:
    """A workbook's kind from its members, after its sizes and XML are checked; damage is a BadFile."""
    try:
        return _checked_zip_kind(name, data)
    except ZIP_ERRORS as error:
        raise BadFile(f"{name} is damaged: it is cut short or is not a complete workbook "
                      f"({error}).") from error


def _checked_zip_kind(name: str, data: bytes) -> Kind:
    import io

    archive = zipfile.ZipFile(io.BytesIO(data))
    members = {info.filename: info for info in archive.infolist()}
    if "xl/workbook.xml" in members:
        kind, parts = XLSX, [n for n in members if n.startswith(("xl/worksheets/", "xl/sharedStrings"))]
    elif "content.xml" in members and _ods_mimetype(archive, members):
        kind, parts = ODS, ["content.xml"]
    elif "word/document.xml" in members:
        raise BadFile(f"{name} is a Word document, not a spreadsheet.")
    elif "ppt/presentation.xml" in members:
        raise BadFile(f"{name} is a PowerPoint presentation, not a spreadsheet.")
    else:
        raise BadFile(f"{name} is a zip file but not an Excel or OpenDocument workbook.")
    check_zip(name, archive, [members[p] for p in parts])
    check_entities(name, archive, [n for n in members if n.endswith(".xml") or n.endswith(".rels")])
    return kind


def _ods_mimetype(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> bool:
    if "mimetype" not in members or members["mimetype"].file_size > 200:
        return False
    return archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.spreadsheet"


def check_zip(name: str, archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb from the sizes its directory declares, before inflating anything."""
    total = sum(info.file_size for info in parts)
    if total > MAX_UNCOMPRESSED:
        raise BadFile(f"{name} would unpack to {total // 2**20:,} MB of sheet data, more than the "
                      f"{MAX_UNCOMPRESSED // 2**20} MB vfk reads; it may be a zip bomb, or a sheet "
                      f"far larger than a partner's return.")
    for info in parts:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise BadFile(f"{name} is refused: its part {info.filename} would inflate {ratio:,.0f} "
                          f"times, the mark of a zip bomb.")


def check_entities(name: str, archive: zipfile.ZipFile, xml_parts: list[str]) -> None:
    """Refuse XML entity declarations (the "billion laughs"): spreadsheets never need them."""
    for part in xml_parts:
        try:
            with archive.open(part) as handle:
                head = handle.read(64 * 1024)
        except NotImplementedError as error:
            raise BadFile(f"{name} uses a compression vfk cannot read ({error}).") from error
        except ZIP_ERRORS as error:
            raise BadFile(f"{name} is damaged: its part {part} cannot be read ({error}).") from error
        if _ENTITY.search(head):
            raise BadFile(f"{name} is refused: it contains XML entity declarations, which "
                          f"spreadsheets never need (a known attack on spreadsheet readers).")
