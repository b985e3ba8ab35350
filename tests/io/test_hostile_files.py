"""Files made to take a reader down: each is answered with one sentence, and the program goes on.

Each case is a finding of an attack with semantic mutations (the XML inside xlsx and ods files, CSV
pathologies): before the fix, each aborted the process, hung, climbed past gigabytes of memory or
ended in "unexpected error". The files are written here, small as the originals were.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.io.spreadsheets import understate, write
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.io.readers.sheets import BadFile
from vfk_desktop.store.imports import import_context

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
GOOD = {"Data": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2008/09", 1400]]}
SHEET = "xl/worksheets/sheet1.xml"


def worksheet(body: bytes, before: bytes = b"", after: bytes = b"") -> bytes:
    return (b'<?xml version="1.0"?><worksheet xmlns="' + MAIN + b'">' + before + b"<sheetData>" + body
            + b"</sheetData></worksheet>" + after)


GOOD_ROWS = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>District</t></is></c>'
             b'<c r="B1" t="inlineStr"><is><t>NI</t></is></c><c r="C1" t="inlineStr"><is><t>Year</t></is></c>'
             b'<c r="D1" t="inlineStr"><is><t>Value</t></is></c></row>'
             b'<row r="2"><c r="A2" t="inlineStr"><is><t>Dover</t></is></c>'
             b'<c r="B2" t="inlineStr"><is><t>NI 39</t></is></c>'
             b'<c r="C2" t="inlineStr"><is><t>2008/09</t></is></c>'
             b'<c r="D2"><v>1400</v></c></row>')


def rezip(source: Path, target: Path, replace: dict | None = None, add: dict | None = None) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            out.writestr(item.filename, (replace or {}).get(item.filename, original.read(item.filename)))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return target


def xlsx(tmp_path: Path, name: str, **changes) -> Path:
    good = write(tmp_path / "good.xlsx", GOOD)
    return rezip(good, tmp_path / name, **changes)


def ods(tmp_path: Path, name: str, row_xml: bytes) -> Path:
    good = write(tmp_path / "good.ods", GOOD)
    content = zipfile.ZipFile(good).read("content.xml")
    content = content.replace(b"</table:table>", row_xml + b"</table:table>", 1)
    return rezip(good, tmp_path / name, replace={"content.xml": content})


def refusal(store, path: Path) -> str:
    with pytest.raises(BadFile) as refused:
        plan_import([path], import_context(store))
    sentence = str(refused.value)
    assert path.name in sentence and "\n" not in sentence and "unexpected" not in sentence
    return sentence


def far_cells(tmp_path: Path, kind: str) -> Path:
    """The files that asked calamine for tens to hundreds of gigabytes, and aborted the process."""
    strings = (b'<?xml version="1.0"?><sst xmlns="' + MAIN + b'" count="1" uniqueCount="2147483647">'
               b"<si><t>District</t></si></sst>")
    if kind == "shared-string count":
        return xlsx(tmp_path, "strings.xlsx", add={"xl/sharedStrings.xml": strings})
    if kind == "cells without r far down":
        row = b'<row r="450000">' + b"<c><v>1</v></c>" * 16_384 + b"</row>"
        return xlsx(tmp_path, "no-r.xlsx", replace={SHEET: worksheet(GOOD_ROWS + row)})
    if kind == "rows without r":
        rows = b"<row/>" * 449_990 + b"<row>" + b"<c><v>1</v></c>" * 300 + b"</row>"
        return xlsx(tmp_path, "rows.xlsx", replace={SHEET: worksheet(GOOD_ROWS + rows)})
    if kind == "junk after the root":
        far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        return xlsx(tmp_path, "junk.xlsx", replace={SHEET: worksheet(GOOD_ROWS + far, after=b"<x>junk")})
    if kind == "six letters":
        far = b'<row r="3"><c r="ZZZZZZ3"><v>1</v></c></row>'
        return xlsx(tmp_path, "letters.xlsx", replace={SHEET: worksheet(GOOD_ROWS + far)})
    if kind == "one cell at Z499999":
        far = b'<row r="499999"><c r="Z499999"><v>1</v></c></row>'
        return xlsx(tmp_path, "z.xlsx", replace={SHEET: worksheet(GOOD_ROWS + far)})
    if kind == "dimension":
        before = b'<dimension ref="A1:XFD1048576"/>'
        return xlsx(tmp_path, "dimension.xlsx", replace={SHEET: worksheet(GOOD_ROWS, before=before)})
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["shared-string count", "cells without r far down", "rows without r",
                                  "junk after the root", "six letters", "one cell at Z499999",
                                  "dimension"])
def test_cells_placed_far_out_in_any_way_are_refused(empty_store, tmp_path, kind):
    sentence = refusal(empty_store, far_cells(tmp_path, kind))
    assert any(words in sentence
               for words in ("far beyond", "rows a sheet", "can hold", "damaged", "zip bomb"))


def strict_workbook(tmp_path: Path, how: str) -> Path:
    """A workbook.xml Python's parser rejects or does not understand, and a far cell behind it."""
    good = write(tmp_path / "good.xlsx", GOOD)
    book = zipfile.ZipFile(good).read("xl/workbook.xml")
    if how == "strict namespace":
        book = book.replace(MAIN, b"http://purl.oclc.org/ooxml/spreadsheetml/main")
    elif how == "junk after the root":
        book += b"<junk/>"
    else:  # a DTD after 70 KB of comment
        book = book.replace(b"?>", b"?><!--" + b"x" * 70_000 + b'--><!DOCTYPE w [<!ENTITY a "a">]>', 1)
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return rezip(good, tmp_path / f"{how.replace(' ', '-')}.xlsx",
                 replace={"xl/workbook.xml": book, SHEET: worksheet(GOOD_ROWS + far)})


@pytest.mark.parametrize("how", ["strict namespace", "junk after the root", "late DTD"])
def test_a_workbook_part_python_cannot_follow_does_not_skip_the_checks(empty_store, tmp_path, how):
    refusal(empty_store, strict_workbook(tmp_path, how))


def test_entity_declarations_after_a_long_comment_are_found(empty_store, tmp_path):
    strings = (b'<?xml version="1.0"?><!--' + b"c" * 70_000 + b'--><!DOCTYPE s [<!ENTITY a "aaaa">]>'
               b'<sst xmlns="' + MAIN + b'" count="1" uniqueCount="1"><si><t>&a;</t></si></sst>')
    path = xlsx(tmp_path, "late-dtd.xlsx", add={"xl/sharedStrings.xml": strings})
    assert "entity declarations" in refusal(empty_store, path)


def test_a_member_bigger_than_it_claims_is_stopped_at_its_claim(empty_store, tmp_path):
    body = GOOD_ROWS + b"<row/>" * 20_000_000  # 120 MB inflated, claimed as 1 MB
    honest = xlsx(tmp_path, "honest.xlsx", replace={SHEET: worksheet(body)})
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(understate(honest.read_bytes(), SHEET.encode(), 2**20))
    assert "liar.xlsx is damaged" in refusal(empty_store, liar)


def test_a_sheet_part_anywhere_in_the_archive_is_checked(empty_store, tmp_path):
    good = write(tmp_path / "good.xlsx", GOOD)
    rels = zipfile.ZipFile(good).read("xl/_rels/workbook.xml.rels")
    rels = rels.replace(b"worksheets/sheet1.xml", b"data/s1.xml").replace(b"/xl/data/s1.xml", b"data/s1.xml")
    with zipfile.ZipFile(good) as original, zipfile.ZipFile(tmp_path / "moved.xlsx", "w",
                                                            zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            if item.filename == SHEET:
                out.writestr("xl/data/s1.xml", worksheet(GOOD_ROWS + b"<row/>" * 2_000_000))
            elif item.filename == "xl/_rels/workbook.xml.rels":
                out.writestr(item.filename, rels)
            else:
                out.writestr(item.filename, original.read(item.filename))
    sentence = refusal(empty_store, tmp_path / "moved.xlsx")
    assert "zip bomb" in sentence or "rows a sheet" in sentence


def test_twenty_thousand_sheets_on_one_part_are_refused(empty_store, tmp_path):
    good = write(tmp_path / "good.xlsx", GOOD)
    book = zipfile.ZipFile(good).read("xl/workbook.xml")
    one = book[book.index(b"<sheet "):book.index(b"/>", book.index(b"<sheet ")) + 2]
    many = b"".join(one.replace(b'name="Data"', b'name="S%d"' % n)
                    .replace(b'sheetId="1"', b'sheetId="%d"' % n) for n in range(1, 20_001))
    path = rezip(good, tmp_path / "sheets.xlsx", replace={"xl/workbook.xml": book.replace(one, many)})
    assert "20,000 sheets" in refusal(empty_store, path)


@pytest.mark.parametrize("format_id", [b"abc", b"1e3"])
def test_a_number_format_id_that_is_no_number_is_not_an_unexpected_error(empty_store, tmp_path, format_id):
    good = write(tmp_path / "good.xlsx", GOOD)
    styles = zipfile.ZipFile(good).read("xl/styles.xml")
    styles = styles.replace(b"<cellXfs", b'<numFmts count="1"><numFmt numFmtId="' + format_id
                            + b'" formatCode="0.0%"/></numFmts><cellXfs', 1)
    styles = styles.replace(b'numFmtId="0"', b'numFmtId="' + format_id + b'"')
    path = rezip(good, tmp_path / "formats.xlsx", replace={"xl/styles.xml": styles})
    try:
        plan = plan_import([path], import_context(empty_store))
    except BadFile as refused:
        assert "formats.xlsx" in str(refused)
    else:
        assert len(plan.figures) == 1


def test_a_date_far_out_of_range_is_a_sentence(empty_store, tmp_path):
    good = write(tmp_path / "good.xlsx", GOOD)
    styles = zipfile.ZipFile(good).read("xl/styles.xml")
    styles = styles.replace(b"</cellXfs>", b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" '
                                           b'applyNumberFormat="1"/></cellXfs>')
    styles = styles.replace(b'cellXfs count="1"', b'cellXfs count="2"')
    far = b'<row r="3"><c r="A3" s="1"><v>136581000</v></c></row>'
    path = rezip(good, tmp_path / "dates.xlsx", replace={"xl/styles.xml": styles,
                                                          SHEET: worksheet(GOOD_ROWS + far)})
    try:
        plan = plan_import([path], import_context(empty_store))
    except BadFile as refused:
        assert "dates.xlsx could not be read" in str(refused)
    else:
        assert plan.rejected or plan.figures


@pytest.mark.parametrize("row, words", [
    (b'<table:table-row><table:table-cell table:number-columns-repeated="4294967297"/>'
     b'<table:table-cell office:value-type="float" office:value="1"/></table:table-row>', "far beyond"),
    (b'<table:table-row table:number-rows-repeated="100000"><table:table-cell '
     b'table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row>',
     "repeats rows"),
    (b'<table:table-row table:number-rows-repeated="3000000"><table:table-cell/></table:table-row>'
     b'<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>',
     "rows a sheet"),
    (b'<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="100000000"/>'
     b"</text:p></table:table-cell></table:table-row>", "repeated spaces"),
], ids=["column repeat", "rows x columns", "rows before a figure", "spaces"])
def test_ods_repeats_are_bounded_like_far_cells(empty_store, tmp_path, row, words):
    assert words in refusal(empty_store, ods(tmp_path, "repeats.ods", row))


def test_trailing_empty_rows_libreoffice_writes_are_not_refused(empty_store, tmp_path):
    row = (b'<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
           b'table:number-columns-repeated="1024"/></table:table-row>')
    plan = plan_import([ods(tmp_path, "saved.ods", row)], import_context(empty_store))
    assert len(plan.figures) == 1


def csv_file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_csv_line_of_a_million_columns_is_refused(empty_store, tmp_path):
    path = csv_file(tmp_path, "wide.csv", b"," * 1_000_000 + b"\r\nDover,NI 39,2008/09,1\r\n")
    assert "1,000,001 columns" in refusal(empty_store, path)


def test_a_csv_of_commas_first_is_refused_without_hanging(empty_store, tmp_path):
    path = csv_file(tmp_path, "commas.csv", b"," * 200_000 + b"\r\nDistrict,NI,Year,Value\r\n")
    assert "columns" in refusal(empty_store, path)


def test_a_two_megabyte_quoted_line_is_refused(empty_store, tmp_path):
    line = b'"' + b"x" * 2_000_000 + b'",1,2,3\r\n'
    path = csv_file(tmp_path, "quoted.csv", b"District,NI,Year,Value\r\n" + line)
    assert "not a well-formed CSV file" in refusal(empty_store, path)


def test_sniffer_bait_is_read_or_refused(empty_store, tmp_path):
    bait = b"".join(b',"a%d' % n for n in range(200_000))  # quotes that never close, to the sniffer
    path = csv_file(tmp_path, "bait.csv", b"District,NI,Year,Value\r\n" + bait + b"\r\n")
    try:
        plan_import([path], import_context(empty_store))
    except BadFile as refused:
        assert "bait.csv" in str(refused)


def test_a_utf16_csv_is_read(empty_store, tmp_path):
    text = "District\tNI\tYear\tValue\r\nDover\tNI 39\t2008/09\t1400\r\n"
    path = csv_file(tmp_path, "unicode.csv", b"\xff\xfe" + text.encode("utf-16-le"))
    plan = plan_import([path], import_context(empty_store))
    assert not plan.rejected and len(plan.figures) == 1


def test_nul_bytes_late_in_a_csv_are_a_sentence(empty_store, tmp_path):
    path = csv_file(tmp_path, "nul.csv", b"District,NI,Year,Value\r\n" + b"Dover,NI 39,2008/09,1\r\n" * 400
                    + b"Dover,NI 39,2008/09,\x001\r\n")
    assert "binary data" in refusal(empty_store, path)


def test_an_archive_of_too_many_members_is_refused(empty_store, tmp_path):
    members = {f"xl/media/pad{n}.bin": b"" for n in range(10_001)}
    assert "parts" in refusal(empty_store, xlsx(tmp_path, "members.xlsx", add=members))


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("shape", ["long and narrow", "wide"])
def test_real_shapes_are_not_taken_for_far_cells(tmp_path, shape):
    from vfk_desktop.io.readers.opening import open_file

    if shape == "long and narrow":  # one column, 300,000 rows: far down, but every row is there
        rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(1, 300_001))
        before = b'<dimension ref="A1:A300000"/>'
    else:  # columns past Z, to AB
        rows = b"".join(b'<row r="%d">' % n + b"".join(b'<c r="%s%d"><v>1</v></c>' % (letters, n)
                                                        for letters in (b"A", b"Z", b"AA", b"AB"))
                        + b"</row>" for n in range(1, 20_001))
        before = b'<dimension ref="A1:AB20000"/>'
    path = xlsx(tmp_path, "shape.xlsx", replace={SHEET: worksheet(rows, before=before)})
    (sheet,) = open_file(path, path.read_bytes(), None)
    assert len(sheet.rows) == (300_000 if shape == "long and narrow" else 20_000)


def test_a_modest_wrong_shared_string_count_is_read(tmp_path):
    from vfk_desktop.io.readers.opening import open_file

    strings = (b'<?xml version="1.0"?><sst xmlns="' + MAIN + b'" count="100000" uniqueCount="100000">'
               b"<si><t>District</t></si></sst>")  # some writers give the count of uses
    path = xlsx(tmp_path, "counts.xlsx", add={"xl/sharedStrings.xml": strings})
    (sheet,) = open_file(path, path.read_bytes(), None)
    assert sheet.rows[1][0] == "Dover"
