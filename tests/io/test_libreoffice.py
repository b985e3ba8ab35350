"""A real spreadsheet program opens the exports: LibreOffice converts them, and the figures it shows
(as the cells are formatted) are the presentation's."""

from __future__ import annotations

import csv
import shutil
import subprocess

import openpyxl
import pytest

from tests.io.exported import import_files
from vfk_desktop.facts.exports import county_facts, return_facts
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.county_workbook import write_county_workbook
from vfk_desktop.io.writers.ka2_return import write_ka2_return

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; "
                                "`apt-get install libreoffice-calc-nogui` (scripts/setup.sh does)")
# separator ",", quote '"', UTF-8, from line 1, ..., save cell contents as shown, then the sheet number
AS_SHOWN = "44,34,76,1,,0,false,true,true,false,false,{sheet}"


def convert(path, out, sheet: int, tmp_path) -> list[list[str]]:
    """The sheet (numbered from 1) as LibreOffice shows it, through its CSV export."""
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", f"csv:Text - txt - csv (StarCalc):{AS_SHOWN.format(sheet=sheet)}",
         "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=240)
    produced = sorted(out.glob("*.csv"))
    assert done.returncode == 0 and produced, done.stderr
    return list(csv.reader(produced[0].read_text(encoding="utf-8").splitlines()))


def test_libreoffice_shows_the_returns_figures(sample_store, tmp_path):
    path = tmp_path / "tw.xlsx"
    write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    rows = convert(path, tmp_path / "return", 2, tmp_path)
    header = rows[3]
    assert header[:4] == ["Theme", "Code", "Indicator", "Priority"]
    ni163 = dict(zip(header, next(r for r in rows if r[1] == "NI 163"), strict=True))
    assert (ni163["Priority"], ni163["Period"], ni163["Value"], ni163["Kent target"]) == (
        "High", "2008", "70.9%", "75.6%")
    assert (ni163["Kent best"], ni163["Kent worst"], ni163["Rank"], ni163["Of"]) == (
        "77.6%", "58.7%", "6", "12")
    assert (ni163["Status"], ni163["RAG"]) == ("Worse than target", "■ Red")
    ni39 = dict(zip(header, next(r for r in rows if r[1] == "NI 39"), strict=True))
    assert (ni39["Value"], ni39["Kent best"], ni39["Kent worst"]) == ("1,212", "1,009", "1,798")
    ni155 = dict(zip(header, next(r for r in rows if r[1] == "NI 155"), strict=True))
    assert ni155["Kent target"] == "N/a"


def test_libreoffice_opens_the_county_workbook(sample_store, tmp_path):
    path = tmp_path / "county.xlsx"
    _, records = write_county_workbook(county_facts(sample_store), path)
    theme = convert(path, tmp_path / "theme", 3, tmp_path)
    header = theme[3]
    ni163 = dict(zip(header, next(r for r in theme if r[0] == "NI 163"), strict=True))
    assert ni163["Tunbridge Wells"] == "■ 70.9%" and ni163["Kent target"] == "75.6%"
    data_sheet = openpyxl.load_workbook(path).sheetnames.index(layout.DATA_SHEET) + 1
    data = convert(path, tmp_path / "data", data_sheet, tmp_path)
    assert data[0][:5] == ["District", "NI", "Indicator", "Period", "Value"]
    assert len(data) == records + 1


def test_a_return_saved_again_by_libreoffice_still_imports_unchanged(sample_store, tmp_path):
    path = tmp_path / "tw.xlsx"
    _, records = write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    out = tmp_path / "saved"
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
        capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    result = import_files(sample_store, out / "tw.xlsx")
    assert result.ok and (result.inserted, result.updated, result.unchanged) == (0, 0, records)
