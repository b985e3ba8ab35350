"""The slides read back with python-pptx and opened by LibreOffice: the presentation's tables with the
seed's figures at 18 pt or more, the priorities × status slide, a chart slide per High priority
worse than target, every picture with alt text."""

from __future__ import annotations

import re

import pytest
from pptx import Presentation
from pptx.util import Pt

from tests.reports.conftest import pdf_text
from tests.seed_figures import FARE_ROWS
from vfk_desktop.reports.slides import split_rows


def _tables(deck):
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                yield slide, [[cell.text for cell in row.cells] for row in shape.table.rows], shape.table


def test_the_presentations_tables_hold_the_seeds_figures(papers):
    deck = Presentation(str(papers["pptx"]))
    rows = [cells for _, table, _ in _tables(deck) for cells in table]
    for seed in FARE_ROWS:
        printed = seed.as_printed[0].split()  # band, period, value, target, best, worst
        found = [r[2:] for r in rows if r[0] == seed.code]
        assert printed in found, (seed.code, found)
    assert rows[0] == ["NI", "Indicator", "Priority", "Year", "Tunbridge Wells", "Kent target", "Kent best",
                       "Kent worst"]


def test_every_word_on_a_table_or_note_is_18pt_or_more(papers):
    deck = Presentation(str(papers["pptx"]))
    sizes = []
    for slide in list(deck.slides)[1:]:
        for shape in slide.shapes:
            frames = ([cell.text_frame for row in shape.table.rows for cell in row.cells] if shape.has_table
                      else [shape.text_frame] if shape.has_text_frame else [])
            sizes += [run.font.size for frame in frames for p in frame.paragraphs for run in p.runs]
    assert sizes and all(size is not None and size >= Pt(18) for size in sizes)


def test_the_slides_follow_the_presentation(papers):
    deck = Presentation(str(papers["pptx"]))
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles[0] == "How does Tunbridge Wells fare in Kent?"
    texts = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in deck.slides]
    for band in ("High Priorities", "Medium Priorities", "Low Priorities"):
        assert any(band in t for t in texts), band
    assert any("'Low Priority' where performance is below the county average" in t for t in texts)
    status = next(t for s, t, _ in _tables(deck) if t[0][0] == "Priority")
    assert status[0][1:4] == ["■ Red", "▲ Amber", "● Green"]
    assert status[1] == ["High", "2", "0", "2", "4", "8"]
    charts = [t for t in titles if t.startswith(("NI 163", "NI 21"))]
    assert len(charts) == 2
    assert deck.core_properties.title == "How does Tunbridge Wells fare in Kent?"


def test_every_picture_has_alt_text(papers):
    deck = Presentation(str(papers["pptx"]))
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 2
    for picture in pictures:
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt and "Tunbridge Wells" in alt and "Kent target" in alt


def test_rows_split_into_balanced_slides():
    class Row:
        def __init__(self, title):
            self.title = title

    rows = [Row("x" * 100) for _ in range(9)]
    groups = split_rows(rows)
    assert sum(len(g) for g in groups) == 9 and len(groups) >= 2
    assert max(len(g) for g in groups) - min(len(g) for g in groups) <= 1
    assert split_rows([Row("short")]) == [[rows[0]]] or len(split_rows([Row("short")])) == 1


@pytest.mark.slow
def test_libreoffice_opens_the_slides_and_finds_the_seeds_figures(papers, office_pdf):
    text = pdf_text(office_pdf(papers["pptx"]))
    assert "How does Tunbridge Wells fare in Kent?" in text
    for seed in FARE_ROWS:
        line = next(x for x in text.splitlines() if re.match(rf"\s*{re.escape(seed.code)}\s", x))
        for figure in seed.as_printed[0].split()[2:]:
            assert figure in line.split(), (seed.code, figure, line)
