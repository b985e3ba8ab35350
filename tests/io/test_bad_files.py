"""Bad and hostile files: one clear sentence each, exit 1, no traceback, the database unchanged, fast."""

import zipfile

import pytest

from tests.conftest import run_cli
from tests.io.spreadsheets import understate, write
from tests.support.memory import peak_growth
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.io.readers.sheets import BadFile
from vfk_desktop.store.imports import import_context

# A refusal judges a file without inflating or reading it whole: the bombs inflate to hundreds of MB
# (the million-row csv is refused after 9 MiB). The million-row sheet is the exception: calamine
# loads a sheet whole to count its rows (100 MiB here, 138 MiB read to the end), so there the
# sentence naming the count is what is checked.
PEAK_MIB = 40
GOOD = {"Data": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2008/09", 1400]]}


def good_xlsx(tmp_path):
    return write(tmp_path / "good.xlsx", GOOD)


def rezip(source, target, replace=None, add=None):
    """A copy of a zip with some members replaced or added (content as given)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = (replace or {}).get(item.filename, original.read(item.filename))
            out.writestr(item.filename, data)
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return target


MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10 if i > 1
                                                         else b"&lol;" * 10) for i in range(1, 10))
                  + b']><sst xmlns="' + MAIN + b'" count="1"><si><t>&lol9;</t></si></sst>')


def worksheet(body: bytes) -> bytes:
    head = b'<?xml version="1.0"?><worksheet xmlns="' + MAIN + b'"><sheetData>'
    return head + body + b"</sheetData></worksheet>"


def make(kind, tmp_path):
    """Each bad file, and the words its refusal must contain."""
    good = good_xlsx(tmp_path)
    if kind == "empty":
        (tmp_path / "empty.xlsx").write_bytes(b"")
        return tmp_path / "empty.xlsx", "is empty"
    if kind == "truncated":
        data = good.read_bytes()
        (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
        return tmp_path / "cut.xlsx", "is damaged"
    if kind == "png":
        (tmp_path / "photo.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
        return tmp_path / "photo.xlsx", "is not a spreadsheet"
    if kind == "csv named xlsx":
        (tmp_path / "report.xlsx").write_text("District,NI,Year,Value\nDover,NI 39,2008/09,1\n")
        return tmp_path / "report.xlsx", "Rename it to report.csv"
    if kind == "word document":
        path = tmp_path / "minutes.xlsx"
        with zipfile.ZipFile(path, "w") as out:
            out.writestr("word/document.xml", "<w:document/>")
            out.writestr("[Content_Types].xml", "<Types/>")
        return path, "is a Word document"
    if kind == "html named xls":
        (tmp_path / "export.xls").write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
        return tmp_path / "export.xls", "is a web page"
    if kind == "password":
        from msoffcrypto.format.ooxml import OOXMLFile

        target = tmp_path / "locked.xlsx"
        with good.open("rb") as source, target.open("wb") as out:
            OOXMLFile(source).encrypt("secret", out)
        return target, "is password-protected"
    if kind == "entity bomb":
        return rezip(good, tmp_path / "laughs.xlsx", replace={"xl/sharedStrings.xml": BILLION_LAUGHS},
                     add={} if "xl/sharedStrings.xml" in zipfile.ZipFile(good).namelist()
                     else {"xl/sharedStrings.xml": BILLION_LAUGHS}), "XML entity declarations"
    if kind == "zip bomb":
        sheet = worksheet(b" " * (60 * 2**20))
        return rezip(good, tmp_path / "bomb.xlsx", replace={"xl/worksheets/sheet1.xml": sheet}), "zip bomb"
    if kind == "million rows":
        rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(1, 1_000_002))
        huge = rezip(good, tmp_path / "huge.xlsx", replace={"xl/worksheets/sheet1.xml": worksheet(rows)})
        return huge, "1,000,001 rows"
    if kind == "million row csv":
        path = tmp_path / "huge.csv"
        path.write_bytes(b"District,NI,Year,Value\n" + b"Dover,NI 39,2008/09,1\n" * 1_000_001)
        return path, "at most 500,000 rows"
    if kind == "ods entity bomb":
        ods = write(tmp_path / "good.ods", GOOD)
        content = BILLION_LAUGHS.replace(b"<sst", b"<office:document-content").replace(
            b"</sst>", b"</office:document-content>")
        laughs = rezip(ods, tmp_path / "laughs.ods", replace={"content.xml": content})
        return laughs, "XML entity declarations"
    if kind == "missing":
        return tmp_path / "nowhere.xlsx", "does not exist"
    if kind == "folder":
        (tmp_path / "folder.xlsx").mkdir()
        return tmp_path / "folder.xlsx", "is a folder"
    if kind == "text named pdf":
        (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
        return tmp_path / "scan.pdf", "is a PDF document"
    raise AssertionError(kind)


KINDS = ["empty", "truncated", "png", "csv named xlsx", "word document", "html named xls", "password",
         "entity bomb", "zip bomb", "million rows", "million row csv", "ods entity bomb", "missing",
         "folder", "text named pdf"]


@pytest.mark.parametrize("kind", KINDS)
def test_bad_files_are_refused_with_one_sentence(empty_store, tmp_path, kind):
    path, words = make(kind, tmp_path)
    with peak_growth() as peak, pytest.raises(BadFile) as refused:
        plan_import([path], import_context(empty_store))
    assert kind == "million rows" or peak.mib < PEAK_MIB, f"took {peak.mib:.0f} MiB: read, not judged"
    message = str(refused.value)
    assert words in message
    assert path.name in message and "\n" not in message


@pytest.mark.parametrize("kind", ["truncated", "password", "entity bomb", "zip bomb", "csv named xlsx"])
def test_the_cli_refuses_bad_files_with_exit_1_and_leaves_the_database_as_it_was(sample_db, tmp_path, kind):
    path, words = make(kind, tmp_path)
    before = sample_db.read_bytes()
    done = run_cli("import", str(path), db=sample_db)
    assert done.returncode == 1
    assert words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert sample_db.read_bytes() == before


def test_one_bad_file_among_several_means_nothing_is_imported(sample_db, tmp_path):
    good = good_xlsx(tmp_path)
    bad, _ = make("truncated", tmp_path)
    before = sample_db.read_bytes()
    done = run_cli("import", str(good), str(bad), db=sample_db)
    assert done.returncode == 1 and "cut.xlsx is damaged" in done.stderr
    assert sample_db.read_bytes() == before


def test_a_real_workbook_with_big_compressible_pictures_is_not_a_bomb(empty_store, tmp_path):
    good = good_xlsx(tmp_path)
    picture = rezip(good, tmp_path / "with_logo.xlsx", add={"xl/media/image1.bmp": b"\0" * (30 * 2**20)})
    plan = plan_import([picture], import_context(empty_store))
    assert not plan.rejected and len(plan.figures) == 1


def test_a_zip_that_understates_a_sheets_size_is_refused_without_inflating_it(empty_store, tmp_path):
    sheet = worksheet(b" " * (60 * 2**20))
    honest = rezip(good_xlsx(tmp_path), tmp_path / "honest.xlsx", replace={"xl/worksheets/sheet1.xml": sheet})
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(understate(honest.read_bytes(), b"xl/worksheets/sheet1.xml", 1000))
    declared = {i.filename: i.file_size for i in zipfile.ZipFile(liar).infolist()}
    assert declared["xl/worksheets/sheet1.xml"] == 1000  # the lie is in place
    with peak_growth() as peak, pytest.raises(BadFile, match="liar.xlsx is damaged"):
        plan_import([liar], import_context(empty_store))
    assert peak.mib < PEAK_MIB, f"refusing it took {peak.mib:.0f} MiB: the sheet was inflated"
