"""Refusing a workbook whose XML would make a reader lay out far more cells than the file holds.

calamine lays out every cell between A1 and the furthest one a sheet places, and sizes its shared
strings from the count the file claims, so a 2 KB file can ask for hundreds of gigabytes. These checks
read the inflated XML of every member (a sheet can sit anywhere in the archive) before calamine
opens it: the cells a sheet may span are bounded by the cells it holds, whatever way it places them
(references of any length, cells and rows without references, dimensions, ODS repeats).
"""

from __future__ import annotations

import io
import re

from defusedxml import ElementTree

from vfk_desktop.io.readers.sheets import BadFile, column_letter

MAX_ROWS = 500_000
MAX_SHEETS = 1_000
MAX_COLUMNS = 16_384  # Excel's last column, XFD
CELL_FLOOR = 2_000_000  # cells any sheet may span, however few it holds
CELL_FACTOR = 16  # or this many times the cells it holds
STRING_CLAIM_FLOOR = 1_000_000  # shared strings calamine may make room for, whatever the file holds
MAX_SPACES = 1_000_000  # ODS <text:s text:c="N"/> spaces in all
MAX_REPEATED_ROWS = 500  # ODS rows with figures repeated: identical rows one under another are rare
_ENTITY = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_UNIQUE_COUNT = re.compile(rb"""uniqueCount\s*=\s*["']\s*([0-9]{1,30})""")
_DIMENSION = re.compile(rb"""<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_RANGE_END = re.compile(rb"([A-Za-z]*)([0-9]*)$")
_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_REF_ATTRIBUTE = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Za-z]*)([0-9]*)["']""")
_SHEET_TAG = re.compile(rb"<(?:[\w.-]+:)?sheet[\s/>]")
_CELL_OPENINGS = (b"<c ", b"<c>", b"<c/", b"<c\t", b"<c\n", b"<c\r")


def check_entities(name: str, parts: dict[str, bytes]) -> None:
    """Refuse XML entity declarations anywhere in any part (the "billion laughs")."""
    for content in parts.values():
        if _ENTITY.search(content):
            raise BadFile(f"{name} is refused: it contains XML entity declarations, which "
                          f"spreadsheets never need (a known attack on spreadsheet readers).")


def check_xlsx(name: str, parts: dict[str, bytes]) -> None:
    workbook = parts.get("xl/workbook.xml")
    if workbook is not None:
        _check_workbook(name, workbook)
    for part, content in parts.items():
        if b"<sheets" in content or b":sheets" in content:
            _check_sheet_count(name, len(_SHEET_TAG.findall(content)))
        if b"uniqueCount" in content:
            _check_string_count(name, part, content)
        if b"sheetData" in content:
            _check_extent(name, content)


def _check_workbook(name: str, content: bytes) -> None:
    """A workbook part Python's parser rejects is refused: calamine might read it all the same."""
    try:
        ElementTree.fromstring(content)
    except (ElementTree.ParseError, ValueError) as error:
        raise BadFile(f"{name} could not be read: its list of sheets (xl/workbook.xml) is damaged "
                      f"or written in a form vfk does not read.") from error


def _check_sheet_count(name: str, count: int) -> None:
    if count > MAX_SHEETS:
        raise BadFile(f"{name} is refused: it lists {count:,} sheets, more than the {MAX_SHEETS:,} "
                      f"vfk reads in one workbook.")


def _check_string_count(name: str, part: str, content: bytes) -> None:
    claimed = _UNIQUE_COUNT.search(content)
    # <si/> takes 5 bytes at least; a claim under a million is harmless even when wrong, as some
    # writers' are (they give the count of uses)
    if claimed and int(claimed.group(1)) > max(len(content) // 5 + 16, STRING_CLAIM_FLOOR):
        raise BadFile(f"{name} is damaged: its part {part} claims {int(claimed.group(1)):,} "
                      f"different texts, more than its {len(content):,} bytes can hold.")


def _too_long(name: str, rows: int) -> BadFile:
    return BadFile(f"{name} has a sheet of {rows:,} rows; vfk imports at most {MAX_ROWS:,} rows a "
                   f"sheet. Split it, or copy the rows you need to a new file.")


def _too_far(name: str, row: int, column: int) -> BadFile:
    cell = f"{column_letter(min(column, 10**6) - 1)}{row}" if column <= 10**6 else f"row {row}"
    return BadFile(f"{name} has a sheet reaching cell {cell}, far beyond its figures; it may be "
                   f"damaged. Copy the cells you need to a new sheet and import that.")


def _letters_index(letters: bytes) -> int:
    """ "A" -> 1, "AA" -> 27 (1-based); past XFD only the order of magnitude matters."""
    index = 0
    for char in letters[:8].upper():
        index = index * 26 + (char - 64)
    return index


def _check_extent(name: str, content: bytes) -> None:
    rows = content.count(b"<row") + content.count(b":row")
    if rows > MAX_ROWS:
        raise _too_long(name, rows)
    namespaced = b":sheetData" in content
    if namespaced:
        cells = sum(content.count(opening) for opening in _CELL_OPENINGS)
    else:  # one pass, not six: from sheetData on, what opens with "<c" is a cell, or one of the few
        # elements after the cells (conditional formats), which loosen the bound by as little
        cells = content.count(b"<c", max(0, content.find(b"<sheetData")))
    limit = max(CELL_FLOOR, CELL_FACTOR * cells)
    if namespaced or content.count(b'<c r="') < cells:
        far_row, far_column = _placed_extent(content)  # cells without a leading r="…": walk the tags
    else:
        far_row, far_column = _referenced_extent(content, limit)
    _within(name, far_row, far_column, limit)
    dimension = _DIMENSION.search(content)  # what the sheet says it spans: A1:H200
    if dimension:
        ends = [_RANGE_END.search(end.strip()).groups() for end in dimension.group(1).split(b":")[:2]]
        _within(name, max(int(digits[:12] or 0) for _, digits in ends),
                max(_letters_index(letters) for letters, _ in ends), limit)


def _within(name: str, far_row: int, far_column: int, limit: int) -> None:
    if far_column > MAX_COLUMNS:
        raise _too_far(name, far_row, far_column)
    if far_row > MAX_ROWS:
        raise _too_long(name, far_row)
    if far_row * far_column > limit:
        raise _too_far(name, far_row, far_column)


def _referenced_extent(content: bytes, limit: int) -> tuple[int, int]:
    """The furthest row and column, when every cell leads with its reference (as Excel writes them).

    Read from the few references that could break the limit rather than from every cell: a long
    sheet has millions of references, and only far ones matter.
    """
    far_column, exact = 26, False  # one letter: column Z at most
    wide = re.findall(rb'r="([A-Za-z]{2,})[0-9]', content)  # columns AA and beyond
    if wide:
        far_column, exact = max(_letters_index(letters) for letters in set(wide)), True
    if far_column > MAX_COLUMNS:
        return 0, far_column
    allowed = str(limit // far_column)  # the furthest row within the limit at this width
    suspects = re.findall(rb'r="[A-Za-z]{0,8}((?:[%s-9][0-9]{%d}|[0-9]{%d})[0-9]*)"' % (
        allowed[0].encode(), len(allowed) - 1, len(allowed) + 1), content)
    far_row = max((int(number[:12]) for number in suspects), default=0)
    if far_row > int(allowed) and not exact:  # the width was a guess: find it
        far_column = max(_letters_index(letters)
                         for letters in re.findall(rb'r="([A-Za-z])[0-9]', content))
    return far_row, far_column


def _placed_extent(content: bytes) -> tuple[int, int]:
    """The furthest row and column, walking every row and cell tag as a reader places them."""
    row = column = far_row = far_column = 0
    for tag, attributes in _TAG.findall(content):
        reference = _REF_ATTRIBUTE.search(attributes)
        letters, digits = reference.groups() if reference else (b"", b"")
        if tag == b"row":
            row = int(digits[:12]) if digits else row + 1
            column = 0
            far_row = max(far_row, row)
            continue
        column = _letters_index(letters) if letters else column + 1
        if digits:
            row = int(digits[:12])
            far_row = max(far_row, row)
        far_column = max(far_column, column)
    return far_row, far_column


def check_ods(name: str, content: bytes) -> None:
    """ODS tables: the rows and columns their repeats place, and the spaces <text:s> adds."""
    table_ns = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    office_ns = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    spaces_tag, count = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}s", \
        "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}c"
    tables = cells = spaces = repeated = 0
    row = used_row = used_column = row_used = column = 0
    try:
        for event, element in ElementTree.iterparse(io.BytesIO(content), events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == f"{table_ns}table":
                    tables += 1
                    _check_sheet_count(name, tables)
                    row = used_row = used_column = 0
                elif tag == f"{table_ns}table-row":
                    column = row_used = 0
                continue
            if tag == spaces_tag:
                spaces += _repeat(name, element, count)
                if spaces > MAX_SPACES:
                    raise BadFile(f"{name} is refused: its cells ask for {spaces:,} repeated spaces, "
                                  f"more than any spreadsheet needs; it may be damaged.")
            elif tag in (f"{table_ns}table-cell", f"{table_ns}covered-table-cell"):
                cells += 1
                column += _repeat(name, element, f"{table_ns}number-columns-repeated")
                if len(element) or element.get(f"{office_ns}value-type"):
                    row_used = column
                element.clear()
            elif tag == f"{table_ns}table-row":
                times = _repeat(name, element, f"{table_ns}number-rows-repeated")
                row += times
                if row_used:
                    repeated += times - 1
                    if repeated > MAX_REPEATED_ROWS:
                        raise BadFile(f"{name} is refused: it repeats rows of figures {repeated:,} "
                                      f"times over, which no return needs; it may be damaged.")
                    used_row, used_column = row, max(used_column, row_used)
                    _within(name, used_row, used_column, max(CELL_FLOOR, CELL_FACTOR * cells))
                element.clear()
    except (ElementTree.ParseError, ValueError) as error:
        raise BadFile(f"{name} could not be read: its content (content.xml) is damaged.") from error


def _repeat(name: str, element, attribute: str) -> int:
    text = element.get(attribute, "1")
    if not text.isdigit():
        raise BadFile("a repeat count in the file is not a whole number.")
    return int(text[:12])
