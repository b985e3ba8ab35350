"""The Board pack as a PDF, read back with pdftotext; the print preview, offscreen."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPdfWriter

from tests.seed_figures import FARE_ROWS, HIGH
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.facts.board import build_pack
from vfk_desktop.reports.board import write_report
from vfk_desktop.reports.html import Tables, pack_html
from vfk_desktop.reports.printing import PackPrinter, PageSetup, first_split_row


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def pdf_info(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def pack_pdf(qapp, sample_store, tmp_path):
    path = tmp_path / "pack.pdf"
    pages = write_report(build_pack(sample_store, "Tunbridge Wells"), path)
    return path, pages


def test_every_high_priority_and_the_seeds_figures_are_in_the_pdf(pack_pdf):
    path, _ = pack_pdf
    text = "\n".join(pdf_pages(path))
    for code in HIGH:
        assert re.search(rf"^\s*{code}\s", text, re.M), code
    for seed in FARE_ROWS:
        line = next(x for x in text.splitlines() if re.match(rf"\s*{seed.code}\s", x) and seed.period in x)
        printed = seed.as_printed[0].split()[2:]  # value, target, best, worst as the slide prints them
        found, at = line.split(), 0
        for figure in printed:  # in the slide's order, with our other columns between
            assert figure in found[at:], (seed.code, figure, line)
            at = found.index(figure, at) + 1


def test_pages_have_a_header_a_footer_and_a_sensible_count(pack_pdf):
    path, pages = pack_pdf
    texts = pdf_pages(path)
    assert len(texts) == pages and 4 <= pages <= 15
    assert "How does Tunbridge Wells fare in Kent?" in texts[0] and "illustrative" in texts[0]
    for number, page in enumerate(texts[1:], 2):
        assert "Tunbridge Wells · Locality Board pack" in page
        assert f"Page {number} of {pages}" in page
    assert "A4" in pdf_info(path)


def test_letter_landscape(qapp, sample_store, tmp_path):
    path = tmp_path / "letter.pdf"
    write_report(build_pack(sample_store, "Tunbridge Wells"), path,
                 setup=PageSetup(paper="Letter", landscape=True))
    assert "792 x 612 pts (letter)" in pdf_info(path)


def test_no_table_row_is_cut_across_two_pages(qapp, sample_store, tmp_path):
    pack = build_pack(sample_store, "Tunbridge Wells")
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(300)
    body = QSizeF(1500, 900)  # short pages, so that many rows meet a page's foot
    printer = PackPrinter(pack)
    unbroken = printer._laid_out(pack_html(pack, tables := Tables()), writer, body)
    assert first_split_row(unbroken, body.height(), tables.placed) is not None  # Qt alone would cut
    kept, settled = printer.layout(writer, body)
    assert first_split_row(kept, body.height(), settled.placed) is None
    assert len(settled.placed) > len(tables.placed)  # tables started again on a new page


def test_a_report_must_be_a_pdf_in_a_folder_that_exists(qapp, sample_store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(VfkError, match="ending .pdf"):
        write_report(build_pack(sample_store, "Tunbridge Wells"), out / "pack.docx")
    with pytest.raises(VfkError, match="does not exist"):
        write_report(build_pack(sample_store, "Tunbridge Wells"), out / "missing" / "pack.pdf")
    assert list(out.iterdir()) == []  # nothing half-written left behind


def test_the_print_preview_shows_every_page(qtbot, sample_store):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setPageLayout(PageSetup().page_layout())
    pack_printer = PackPrinter(build_pack(sample_store, "Tunbridge Wells"))
    painted = []
    dialog = QPrintPreviewDialog(printer)
    dialog.paintRequested.connect(lambda p: painted.append(pack_printer.paint(p)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=10000)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview.pageCount() == painted[-1] >= 4
    dialog.close()
