"""File → Export → Board paper (Word) and Slides, and View → What changed since the last Board, on a
real window."""

from __future__ import annotations

import datetime as dt

import docx
from pptx import Presentation

from tests.ui.conftest import answer_modal
from vfk_desktop.facts.changes import board_date
from vfk_desktop.ui import papers


def _menu_texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions()]


def test_the_menus_offer_the_word_paper_the_slides_and_the_changes(window):
    assert {"Board paper (Word)…", "Slides…"} <= set(_menu_texts(window.export_menu))
    view = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View")
    assert "What changed since the last Board…" in _menu_texts(view)


def test_export_the_word_paper_and_the_slides(window, qtbot, tmp_path):
    paper, slides = tmp_path / "paper.docx", tmp_path / "slides.pptx"
    papers.export_paper(window, ".docx", paper)
    qtbot.waitUntil(lambda: getattr(window, "last_paper", None) == paper, timeout=30000)
    papers.export_paper(window, ".pptx", slides)
    qtbot.waitUntil(lambda: getattr(window, "last_paper", None) == slides, timeout=30000)
    cells = {c.text for t in docx.Document(str(paper)).tables for r in t.rows for c in r.cells}
    assert {"NI 163", "70.9", "75.6"} <= cells
    assert Presentation(str(slides)).slides[0].shapes.title.text == "How does Tunbridge Wells fare in Kent?"
    assert str(slides) in window.statusBar().currentMessage()


def test_the_changes_dialog_lists_what_is_new_and_records_the_board(window, qtbot):
    seen = {}
    yesterday = dt.date.today() - dt.timedelta(days=1)

    def look(dialog):
        from PySide6.QtCore import QDate

        dialog.board_day.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
        seen["rows"] = dialog.table.rowCount()
        seen["codes"] = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
        dialog.record.click()
        seen["summary"] = dialog.summary.text()
        dialog.reject()

    answer_modal(look)
    papers.show_changes(window)
    assert seen["rows"] > 10 and "NI 163" in seen["codes"]  # the sample came in after that day
    assert "The last Board is recorded as" in seen["summary"]
    assert board_date(window.session.store, "Tunbridge Wells") == yesterday
