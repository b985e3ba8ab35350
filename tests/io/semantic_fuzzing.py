"""Semantic mutations: the meaning of the parts inside a workbook changed, not its bytes.

Where byte flips mostly make a file that no reader gets past, these keep the XML well formed and
change what it says: how many shared strings there are, how far a sheet reaches, cells and rows
without references, style and number-format ids, repeats, long strings, dates far out, entity
declarations. CSV files get the pathologies partners' systems and attackers produce: long lines,
sniffer bait, NUL bytes, UTF-16, mixed encodings, very many columns. Most cases are kept small, so
a thousand run in every test run.
"""

from __future__ import annotations

import random
import re

from tests.io.fuzzing import _members, _rezip

HUGE_NUMBERS = (b"2147483647", b"4294967297", b"99999999999", b"-1", b"0", b"1e3", b"abc", b"")
FAR_REFERENCES = (b"XFD1048576", b"ZZZZZZ3", b"Z499999", b"A1048577", b"AAAA1", b"XFE1", b"A0")
ENTITY_DECLARATIONS = (
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">',
)


def _long_comment(chance: random.Random) -> bytes:
    return b"<!--" + b"c" * chance.choice((10, 1000, 70_000)) + b"-->"


def _with_declaration(chance: random.Random, content: bytes) -> bytes:
    """An entity declaration at the start of the part, or after a long comment."""
    body = re.sub(rb"^<\?xml[^>]*\?>", b"", content)
    return b'<?xml version="1.0"?>' + _long_comment(chance) + chance.choice(ENTITY_DECLARATIONS) + body


def _pick(chance: random.Random, members, pattern: str) -> int | None:
    found = [i for i, (info, _) in enumerate(members) if re.search(pattern, info.filename)]
    return chance.choice(found) if found else None


def _sheet_rows(chance: random.Random) -> bytes:
    """Rows to append to a sheet: far, without references, or merely many."""
    choice = chance.randrange(5)
    if choice == 0:
        ref = chance.choice(FAR_REFERENCES)
        digits = re.sub(rb"[A-Z]", b"", ref) or b"1"
        return b'<row r="' + digits + b'"><c r="' + ref + b'"><v>1</v></c></row>'
    if choice == 1:  # cells without r, reaching across
        return b"<row>" + b"<c><v>1</v></c>" * chance.choice((3, 300, 20_000)) + b"</row>"
    if choice == 2:  # rows without r, reaching down
        return b"<row/>" * chance.choice((10, 1000, 600_000)) + b"<row><c><v>2</v></c></row>"
    if choice == 3:
        return b'<row r="' + chance.choice(HUGE_NUMBERS) + b'"><c><v>3</v></c></row>'
    return b'<row r="7"><c r="A7" t="inlineStr"><is><t>' + b"x" * chance.choice((100, 40_000)) + \
        b"</t></is></c></row>"


def xlsx_meaning(chance: random.Random, data: bytes) -> bytes:
    """One part of an xlsx/xlsm made to say something hostile, still as well-formed XML."""
    members = _members(data)
    choice = chance.randrange(9)
    sheet = _pick(chance, members, r"^xl/worksheets/.*\.xml$")
    if choice == 0 or sheet is None:  # shared strings: a vast count claimed
        count = chance.choice(HUGE_NUMBERS)
        strings = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml'
                   b'/2006/main" count="' + count + b'" uniqueCount="' + count + b'"><si><t>District</t>'
                   b"</si></sst>")
        index = _pick(chance, members, r"sharedStrings")
        if index is None:
            members.append((_info("xl/sharedStrings.xml"), strings))
        else:
            members[index] = (members[index][0], strings)
        return _rezip(members)
    info, content = members[sheet]
    if choice == 1:
        ref = b"A1:" + chance.choice(FAR_REFERENCES)
        content = re.sub(rb"<dimension[^>]*/>", b"", content).replace(
            b"<sheetData", b'<dimension ref="' + ref + b'"/><sheetData', 1)
    elif choice == 2:  # references taken off some or all cells and rows
        content = re.sub(rb' r="[A-Z]+[0-9]+"', b"", content, count=chance.choice((1, 5, 0)))
        if chance.random() < 0.5:
            content = re.sub(rb'(<row[^>]*?) r="[0-9]+"', rb"\1", content)
    elif choice == 3:
        content = content.replace(b"</sheetData>", _sheet_rows(chance) + b"</sheetData>", 1)
    elif choice == 4:  # style ids made absurd
        content = re.sub(rb' s="[0-9]+"', b' s="' + chance.choice(HUGE_NUMBERS) + b'"', content)
        content = content.replace(b'<c r="D2"', b'<c s="' + chance.choice(HUGE_NUMBERS) + b'" r="D2"', 1)
    elif choice == 5:
        return _styles(chance, members)
    elif choice == 6:
        content = _with_declaration(chance, content)
    elif choice == 7:
        return _workbook(chance, members, sheet)
    else:  # junk after the root, or a far cell with it
        content += chance.choice((b"<junk/>", b"\x01\x02", b"</worksheet>"))
        content = content.replace(b"</sheetData>", _sheet_rows(chance) + b"</sheetData>", 1)
    members[sheet] = (info, content)
    return _rezip(members)


def _info(name: str):
    import zipfile

    return zipfile.ZipInfo(name)


def _styles(chance: random.Random, members) -> bytes:
    """Number-format ids that are no numbers, and a date format on a serial far out of range."""
    index = _pick(chance, members, r"^xl/styles\.xml$")
    if index is None:
        return _rezip(members)
    info, styles = members[index]
    styles = re.sub(rb'numFmtId="[0-9]+"', b'numFmtId="' + chance.choice(HUGE_NUMBERS) + b'"', styles,
                    count=chance.randint(1, 3))
    if chance.random() < 0.5:
        styles = styles.replace(b"<cellXfs", b'<numFmts count="1"><numFmt numFmtId="'
                                + chance.choice(HUGE_NUMBERS) + b'" formatCode="0.0%"/></numFmts><cellXfs', 1)
    members[index] = (info, styles)
    sheet = _pick(chance, members, r"^xl/worksheets/.*\.xml$")
    if sheet is not None and chance.random() < 0.5:
        info, content = members[sheet]
        serial = chance.choice((b"136581000", b"-700000", b"1e300", b"2958466"))
        content = re.sub(rb"<v>[0-9.]+</v>", b"<v>" + serial + b"</v>", content, count=2)
        members[sheet] = (info, content)
    return _rezip(members)


def _workbook(chance: random.Random, members, sheet: int) -> bytes:
    """The list of sheets changed: a control character in a name, a strict namespace, junk after
    its root, a DTD after a long comment, or thousands of sheets on one part."""
    index = _pick(chance, members, r"^xl/workbook\.xml$")
    if index is None:
        return _rezip(members)
    info, book = members[index]
    choice = chance.randrange(5)
    if choice == 0:
        book = book.replace(b'name="', b'name="\x01', 1)
    elif choice == 1:
        book = book.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                            b"http://purl.oclc.org/ooxml/spreadsheetml/main")
    elif choice == 2:
        book += b"<junk/>"
    elif choice == 3:
        book = _with_declaration(chance, book)
    else:
        match = re.search(rb"<sheet [^>]*/>", book)
        if match:
            copies = b"".join(re.sub(rb'name="[^"]*"', b'name="S%d"' % n, match.group(0))
                              for n in range(chance.choice((5, 2000))))
            book = book.replace(match.group(0), match.group(0) + copies, 1)
    members[index] = (info, book)
    info, content = members[sheet]
    members[sheet] = (info, content.replace(b"</sheetData>", _sheet_rows(chance) + b"</sheetData>", 1))
    return _rezip(members)


_ROW_END = b"</table:table-row>"


def ods_meaning(chance: random.Random, data: bytes) -> bytes:
    """content.xml of an .ods made to repeat, stretch or declare what it should not."""
    members = _members(data)
    index = _pick(chance, members, r"^content\.xml$")
    if index is None:
        return _rezip(members)
    info, content = members[index]
    choice = chance.randrange(6)
    repeat = chance.choice((b"2", b"1000", b"100000", b"1048576", b"4294967297", b"-1", b"abc"))
    if choice == 0:
        content = content.replace(b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="'
                                  + repeat + b'" ', chance.randint(1, 3))
    elif choice == 1:
        content = content.replace(b"<table:table-row>", b'<table:table-row table:number-rows-repeated="'
                                  + repeat + b'">', chance.randint(1, 3))
    elif choice == 2:
        spaces = b'<text:s text:c="' + repeat + b'"/>'
        content = content.replace(b"</text:p>", spaces + b"</text:p>", chance.randint(1, 10))
    elif choice == 3:  # long text in a few cells
        content = content.replace(b"<text:p>", b"<text:p>" + b"y" * chance.choice((100, 100_000)),
                                  chance.randint(1, 10))
    elif choice == 4:
        content = _with_declaration(chance, content)
    else:  # values out of range or of the wrong kind
        content = re.sub(rb'office:value="[^"]*"', b'office:value="' + chance.choice(
            (b"1e400", b"NaN", b"abc", b"-0")) + b'"', content, count=2)
        content = content.replace(b'office:value-type="float"', b'office:value-type="date" '
                                  b'office:date-value="99999-13-45"', 1)
    members[index] = (info, content)
    return _rezip(members)


def csv_pathology(chance: random.Random, data: bytes) -> bytes:
    """A CSV as awkward systems and attackers write them."""
    choice = chance.randrange(8)
    lines = data.split(b"\r\n")
    if choice == 0:  # a very long first line, or one further down
        at = chance.randrange(len(lines))
        lines[at] = lines[at] + b"," * chance.choice((100, 20_000, 200_000))
        return b"\r\n".join(lines)
    if choice == 1:  # sniffer bait: quotes that do not close, delimiters everywhere
        bait = b"".join(b'%s"q%d' % (chance.choice((b",", b";", b"\t", b"|")), n)
                        for n in range(chance.choice((50, 5000))))
        return b"\r\n".join(lines[:1] + [bait] + lines[1:])
    if choice == 2:
        at = chance.randrange(len(data))
        return data[:at] + b"\x00" * chance.randint(1, 3) + data[at:]
    if choice == 3:
        text = data.decode("utf-8", "replace")
        return chance.choice((b"\xff\xfe" + text.encode("utf-16-le"), text.encode("utf-16-le"),
                              b"\xfe\xff" + text.encode("utf-16-be"), b"\xff\xfe" + text.encode("utf-8")))
    if choice == 4:  # Windows-1252 and UTF-8 in one file
        return data.replace(b"Tunbridge", "Tünbridge".encode("cp1252"), 1).replace(
            b"Thanet", "Thänet".encode(), 1)
    if choice == 5:  # a header of very many columns
        return b",".join(b"c%d" % n for n in range(chance.choice((500, 17_000, 100_000)))) + b"\r\n" + data
    if choice == 6:  # one long quoted field
        return data + b'Dover,"' + b"z" * chance.choice((1000, 200_000)) + b'",2009/10,1\r\n'
    return data.replace(b"\r\n", chance.choice((b"\r", b"\n", b"\r\r\n", b"\x85")))
