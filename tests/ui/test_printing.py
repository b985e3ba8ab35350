"""File → Print preview and Export PDF on a real window: what is chosen is what is printed."""

from __future__ import annotations

import re
import subprocess

from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

from tests.ui.conftest import answer_modal
from vfk_desktop.ui.printing import ReportChoice


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_export_pdf_runs_in_the_background_and_says_where(window, qtbot, tmp_path):
    out = tmp_path / "pack.pdf"
    window.printing.export_pdf(out, ReportChoice())
    qtbot.waitUntil(lambda: window.last_report == out, timeout=30000)
    text = pdf_text(out)
    assert "Priority rankings" in text and "How does Tunbridge Wells fare in Kent?" in text
    assert str(out) in window.statusBar().currentMessage()


def test_this_page_only_prints_the_part_the_page_shows(window, qtbot, tmp_path):
    window.show_page("Priorities")
    out = tmp_path / "rankings.pdf"

    def only_this_page(dialog):
        dialog.this_page.setChecked(True)
        dialog.orientation.setCurrentIndex(1)
        dialog.accept()

    seen = answer_modal(only_this_page)
    window.printing.export_pdf(out)
    qtbot.waitUntil(lambda: window.last_report == out, timeout=30000)
    assert seen == ["Board pack"]
    text = pdf_text(out)
    assert "Priority rankings" in text and "fare in Kent?\n" not in text.split("Contents")[1]
    size = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "842 x 595" in size.replace(".28", "").replace(".89", "")  # A4 landscape


def test_pages_without_a_part_of_their_own_offer_only_the_whole_pack(window, qtbot):
    window.show_page("Imports")
    found = []

    def look(dialog):
        found.append(dialog.this_page.isEnabled())
        dialog.reject()

    answer_modal(look)
    window.printing.export_pdf()
    assert found == [False] and window.last_report is None


def test_print_preview_shows_the_pages(window, qtbot):
    counts = []

    def look(dialog):
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10000)
        counts.append(preview.pageCount())
        dialog.reject()

    answer_modal(look)
    window.printing.preview(ReportChoice())
    assert counts and counts[0] >= 4


def test_the_file_menu_offers_print_preview_and_pdf(window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert {"&Print…", "Print pre&view…", "Export P&DF…"} <= set(texts)
    assert window.print_action.shortcut().toString() == "Ctrl+P"


def _export_choosing(window, qtbot, out, box: str):
    """Export PDF…, ticking the print options dialog's box of that name."""

    def tick(dialog):
        getattr(dialog, box).setChecked(True)
        dialog.accept()

    answer_modal(tick)
    window.printing.export_pdf(out)
    qtbot.waitUntil(lambda: window.last_report == out, timeout=30000)
    return out


def test_the_for_publication_box_makes_a_pack_that_says_so(window, qtbot, tmp_path):
    out = _export_choosing(window, qtbot, tmp_path / "published.pdf", "for_publication")
    assert "Prepared for publication" in " ".join(pdf_text(out).split())
    plain = tmp_path / "plain.pdf"
    window.printing.export_pdf(plain, ReportChoice())
    qtbot.waitUntil(lambda: window.last_report == plain, timeout=30000)
    assert "Prepared for publication" not in " ".join(pdf_text(plain).split())


def test_this_page_only_prints_exactly_the_filtered_sorted_overview(window, qtbot, tmp_path):
    page = window.show_page("Overview")
    page.worse_than_target.setChecked(True)
    shown = page.visible_codes()
    assert shown and len(shown) < 10
    out = _export_choosing(window, qtbot, tmp_path / "seen.pdf", "this_page")
    text = pdf_text(out)
    body = text.split("fare in Kent?")[-1]
    printed = [code for code in re.findall(r"^(NI \d+[a-z]?)\b", body, re.M)]
    assert printed == shown
    assert "No data" not in body


def test_a_preview_built_apart_keeps_what_paints_its_pages(window, qtbot):
    import gc

    dialog = window.printing.preview_dialog(ReportChoice())
    gc.collect()  # nothing but the dialog holds the pack's painter now
    try:
        dialog.show()
        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10000)
    finally:
        dialog.close()
        dialog.deleteLater()
