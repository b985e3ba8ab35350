"""A large workbook is parsed in the reader child while its bounds are checked: the sheets are the
ones read the plain way, a refusal is still the checks' own sentence, and the next file is read."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from tests.io.spreadsheets import write
from vfk_desktop.io.readers.early_parse import EARLY_FROM, parse_early
from vfk_desktop.io.readers.isolated import ReaderChild
from vfk_desktop.io.readers.opening import open_file
from vfk_desktop.io.readers.sheets import BadFile

GOOD = {"Data": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2008/09", 1400]]}


def large_book(path: Path) -> Path:
    """Two sheets, the first long enough (random figures pack badly) for the file to pass a MB, with
    the facts calamine drops: percentage cells, error cells, hidden rows and columns, a hidden sheet."""
    import xlsxwriter

    draw = random.Random(7)
    places = ["Ashford", "Dover", "Swale", "Thanet"]
    book = xlsxwriter.Workbook(str(path))
    percent = book.add_format({"num_format": "0.0%"})
    data = book.add_worksheet("Data")
    data.write_row(0, 0, ["District", "NI", "Year", "Value", "Count", "Share"])
    for row in range(1, 45_000):
        data.write_row(row, 0, [places[row % 4], f"NI {row % 198 + 1}", "2009/10",
                                draw.random() * 1000, draw.randrange(10**6)])
        if row % 1000 == 0:
            data.write_number(row, 5, draw.random(), percent)
    data.write_formula(7, 3, "=NA()", None, "#N/A")
    data.set_row(9, None, None, {"hidden": True})
    data.set_column(4, 4, None, None, {"hidden": True})
    notes = book.add_worksheet("Notes")
    notes.write_row(0, 0, ["Source", "Kent Police"])
    notes.hide()
    book.close()
    assert path.stat().st_size > EARLY_FROM
    return path


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    return large_book(tmp_path_factory.mktemp("early") / "large.xlsx")


def test_a_large_workbook_read_by_the_child_is_the_one_read_the_plain_way(book):
    data = book.read_bytes()
    plain = open_file(book, data, None)
    with ReaderChild() as readers:
        early = readers.read(book, data, None)
        one = readers.read(book, data, "Notes")
    assert [(s.name, s.rows, s.first_row, s.first_column) for s in early] == \
        [(s.name, s.rows, s.first_row, s.first_column) for s in plain]
    assert len(early[0].rows) == 45_000 and early[1].rows == [["Source", "Kent Police"]]
    # the facts found in the XML while calamine parsed are the ones found after it, the plain way
    facts = [(s.percent_cells, s.error_cells, s.hidden_rows, s.hidden_columns, s.hidden) for s in early]
    assert facts == [(s.percent_cells, s.error_cells, s.hidden_rows, s.hidden_columns, s.hidden)
                     for s in plain]
    assert facts[0][:4] == ({(row, 5) for row in range(1001, 45_000, 1000)}, {(8, 3): "#N/A"}, {10}, {4})
    assert facts[1] == (set(), {}, set(), set(), True)
    assert [(s.name, s.rows) for s in one] == [("Notes", [["Source", "Kent Police"]])]


def test_only_the_named_sheet_is_parsed_early_and_a_missing_one_parses_none(book):
    data = book.read_bytes()
    named = parse_early(data, "Notes")
    assert named.sheet(1).to_python() == [["Source", "Kent Police"]]
    assert named._sheets.keys() == {1}
    assert parse_early(data, "Summary").workbook().sheet_names == ["Data", "Notes"]
    assert parse_early(data[:EARLY_FROM - 1], None) is None  # a small file is checked first
    assert parse_early(b"District,NI\r\n" * EARLY_FROM, None) is None  # a CSV is never parsed early


def test_a_large_workbook_the_checks_refuse_is_their_sentence_and_the_next_file_is_read(book, tmp_path):
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "docProps/core.xml":
                content = content.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
            target.writestr(item, content)
    good = write(tmp_path / "good.xlsx", GOOD)
    with ReaderChild() as readers:
        with pytest.raises(BadFile) as refused:
            readers.read(hostile, hostile.read_bytes(), None)
        after = readers.read(good, good.read_bytes(), None)
        again = readers.read(book, book.read_bytes(), "Notes")
    assert str(refused.value) == ("hostile.xlsx is refused: it contains XML entity declarations, "
                                  "which spreadsheets never need (a known attack on spreadsheet readers).")
    assert after[0].rows[1] == ["Dover", "NI 39", "2008/09", 1400.0]
    assert again[0].rows == [["Source", "Kent Police"]]
