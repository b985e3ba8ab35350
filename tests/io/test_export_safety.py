"""Exports are safe to open and to write: text is never a formula, a failed export leaves no file."""

from __future__ import annotations

import csv
import re
import zipfile

import openpyxl
import pytest

from tests.io.exported import add_values
from vfk_desktop.facts.exports import county_facts, data_records, return_facts
from vfk_desktop.io.readers.sheets import read_csv_sheet
from vfk_desktop.io.writers.county_workbook import write_county_workbook
from vfk_desktop.io.writers.data_sheet import CHECK_EVERY
from vfk_desktop.io.writers.fare_csv import write_fare_csv
from vfk_desktop.io.writers.ka2_return import write_ka2_return
from vfk_desktop.io.writers.output import ExportCancelled, ExportError, ExportName

DANGEROUS = ["=1+1", "+44 1892", "-5 vs last year", "@home", "\tx", "\r=2+2"]


@pytest.fixture
def formula_like(sample_store):
    """Comments and an indicator title that a spreadsheet would run as formulas if written loosely."""
    store = sample_store
    with store.atomic():
        tw = store.conn.execute("SELECT id FROM areas WHERE name = 'Tunbridge Wells'").fetchone()[0]
        for code, text in zip(("NI 163", "NI 21", "NI 39", "NI 111", "NI 47"), DANGEROUS, strict=False):
            period = store.conn.execute(
                "SELECT max(period) FROM observations WHERE indicator = ? AND area_id = ?",
                (code, tw)).fetchone()[0]
            store.conn.execute("INSERT OR REPLACE INTO commentary (indicator, area_id, period, text) "
                               "VALUES (?, ?, ?, ?)", (code, tw, period, text))
        store.conn.execute("UPDATE indicators SET title = ? WHERE code = 'NI 198'", (DANGEROUS[-1],))
    return store


def sheet_xml(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()
                if name.startswith("xl/worksheets/sheet")}


@pytest.mark.parametrize("kind", ["ka2", "county"])
def test_text_that_looks_like_a_formula_is_written_as_text(formula_like, tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    if kind == "ka2":
        write_ka2_return(return_facts(formula_like, "Tunbridge Wells"), path)
    else:
        write_county_workbook(county_facts(formula_like), path)
    for name, xml in sheet_xml(path).items():
        assert not re.search(r"<f[ >]", xml), f"{name} holds a formula"
    found = {}
    for sheet in openpyxl.load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                # openpyxl leaves Excel's escape of a return (_x000D_) as it is; Excel reads "\r"
                value = cell.value.replace("_x000D_", "\r") if isinstance(cell.value, str) else None
                if value in DANGEROUS:
                    assert cell.data_type == "s", f"{sheet.title}!{cell.coordinate} is not text"
                    found.setdefault(value, []).append(f"{sheet.title}!{cell.coordinate}")
    assert set(found) == set(DANGEROUS)  # every one is there, as text, where it belongs


def test_the_fare_csv_guards_formula_like_text_and_the_importer_takes_the_guard_off(formula_like, tmp_path):
    path = tmp_path / "tw.csv"
    write_fare_csv(return_facts(formula_like, "Tunbridge Wells"), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the "–" and "▲" right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    texts = {cell for row in rows for cell in row}
    assert {"'=1+1", "'+44 1892", "'-5 vs last year", "'@home"} <= texts
    assert not {"=1+1", "+44 1892", "@home"} & texts
    read_back = {cell for row in read_csv_sheet(path).rows for cell in row}
    assert {"=1+1", "+44 1892", "-5 vs last year", "@home"} <= read_back
    ni163 = next(row for row in rows if row[1] == "NI 163")
    header = rows[0]
    assert ni163[header.index("Value")] == "70.9" and ni163[header.index("Rank")] == "6"
    assert ni163[header.index("Kent target")] == "75.6" and ni163[header.index("RAG")] == "red"


def test_a_cancelled_export_leaves_the_old_file_and_no_pieces(sample_store, tmp_path):
    add_values(sample_store, ["NI 163", "NI 39", "NI 21", "NI 47"], range(1900, 2000))
    assert len(data_records(sample_store)) > CHECK_EVERY  # Cancel is looked at every CHECK_EVERY rows
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "county.xlsx"
    path.write_bytes(b"the export of last month")
    with pytest.raises(ExportCancelled, match="county.xlsx was not written"):
        write_county_workbook(county_facts(sample_store), path, cancelled=lambda: True)
    assert path.read_bytes() == b"the export of last month"
    assert [p.name for p in folder.iterdir()] == ["county.xlsx"]


def test_an_export_replaces_the_file_only_when_whole(sample_store, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "tw.xlsx"
    path.write_bytes(b"old")
    write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    assert zipfile.is_zipfile(path) and [p.name for p in folder.iterdir()] == ["tw.xlsx"]


def test_where_it_cannot_write_it_says_so_in_a_sentence(sample_store, tmp_path):
    with pytest.raises(ExportError, match=r"The folder .*nowhere does not exist\."):
        write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), tmp_path / "nowhere" / "tw.xlsx")
    (tmp_path / "folder.xlsx").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write_county_workbook(county_facts(sample_store), tmp_path / "folder.xlsx")
    with pytest.raises(ExportName, match=r"tw\.ods: a KA2 return is written as \.xlsx"):
        write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), tmp_path / "tw.ods")
