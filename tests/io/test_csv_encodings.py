"""A partner's CSV read as the partner wrote it: a leading apostrophe kept (as in .xlsx), and a file
pasted together from UTF-8 and Windows-1252 pieces read line by line."""

from __future__ import annotations

import pytest

from tests.io.spreadsheets import write
from vfk_desktop.io.readers.importer import open_sheets, read_bytes
from vfk_desktop.io.readers.sheets import BadFile, decode_text, read_csv_sheet


def cells(path):
    return {cell for sheet in open_sheets(path, read_bytes(path), None) for row in sheet.rows for cell in row}


def test_a_partners_leading_apostrophe_is_kept_in_csv_as_in_xlsx(tmp_path):
    rows = [["District", "NI", "Period", "Comment"], ["Dover", "NI 39", "2009/10", "'=1+1"],
            ["Dover", "NI 47", "2009/10", "'+44 1892"]]
    from_csv = cells(write(tmp_path / "partner.csv", {"Sheet1": rows}))
    from_xlsx = cells(write(tmp_path / "partner.xlsx", {"Sheet1": rows}))
    assert {"'=1+1", "'+44 1892"} <= from_xlsx
    assert {"'=1+1", "'+44 1892"} <= from_csv


def test_a_csv_mixing_utf8_and_windows_1252_is_decoded_line_by_line(tmp_path):
    data = b"District,Note\r\n" + "Dover,Café £5\r\n".encode() + "Thanet,Bédé £6\r\n".encode("cp1252")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    assert decode_text(data, "mixed.csv") == "District,Note\r\nDover,Café £5\r\nThanet,Bédé £6\r\n"
    assert read_csv_sheet(path).rows[1:] == [["Dover", "Café £5"], ["Thanet", "Bédé £6"]]


def test_bytes_that_are_neither_encoding_are_refused_in_a_sentence():
    with pytest.raises(BadFile, match="is not readable text in UTF-8 or Windows-1252"):
        decode_text("Dover,Café\n".encode() + b"Thanet,\x81\x8d\n", "odd.csv")
