"""The Word Board paper read back with python-docx, and opened by LibreOffice: the seed's figures in
its tables, real headings, heading rows that repeat, rows that do not break, pictures with alt text."""

from __future__ import annotations

import re

import docx
import pytest
from docx.oxml.ns import qn

from tests.reports.conftest import pdf_text
from tests.seed_figures import FARE_ROWS, HIGH
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.reports.board import write_paper


def _cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_every_seed_row_is_in_a_table_as_the_presentation_prints_it(papers):
    document = docx.Document(str(papers["docx"]))
    rows = [cells for table in document.tables for cells in _cells(table)]
    for seed in FARE_ROWS:
        printed = seed.as_printed[0].split()[2:]  # value, target, best, worst
        fare = [r for r in rows if r[0] == seed.code and len(r) == 11]
        assert fare, seed.code
        assert [fare[0][3], fare[0][4], fare[0][6], fare[0][7]] == printed, seed.code
    below = [r for r in rows if len(r) == 8 and r[2] == "L"]
    assert {r[0] for r in below} == {"NI 55", "NI 159", "NI 187i"}
    ranked = {r[0] for r in rows if len(r) == 3}
    assert set(HIGH) <= ranked


def test_headings_tables_and_status_are_made_to_be_read(papers):
    document = docx.Document(str(papers["docx"]))
    styles = {p.style.name for p in document.paragraphs if p.text}
    assert {"Title", "Heading 1", "Heading 2"} <= styles
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["At a glance", "Priority rankings"] and headings[-1] == "Appendix: definitions"
    assert "How does Tunbridge Wells fare in Kent?" in headings and "Commentary" in headings
    for table in document.tables:
        first = table.rows[0]._tr.trPr
        assert first.find(qn("w:tblHeader")) is not None  # repeats on each page
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    statuses = [cells[9] for t in document.tables for cells in _cells(t) if len(cells) == 11]
    assert "■ Red (worse)" in statuses and "● Green (met)" in statuses  # a shape and a word
    props = document.core_properties
    assert props.title == "Tunbridge Wells: Locality Board paper" and props.language == "en-GB"
    assert props.author and props.subject.startswith("How does Tunbridge Wells fare in Kent?")


def test_every_picture_has_alt_text_made_from_its_figures(papers):
    document = docx.Document(str(papers["docx"]))
    pictures = document.inline_shapes
    assert len(pictures) == 5  # the range chart, and the two High priorities worse than target: each
    # one's districts and its map
    texts = [shape._inline.docPr.get("descr") for shape in pictures]
    assert all(texts)
    assert any("NI 163" in t and "Tunbridge Wells 70.9" in t and "Kent target 75.6" in t for t in texts)
    assert any("Tunbridge Wells 70.9 %, 6th of 12; Kent 67.8 %; target 75.6 %" in t for t in texts)
    assert any(t.startswith("Map of the 12 districts: NI 21") and "Dover" in t for t in texts)


def test_definitions_and_commentary(papers):
    document = docx.Document(str(papers["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "the LSP's skills group is working with West Kent College" in text
    definitions = [r for t in document.tables for r in _cells(t) if r[0].startswith("NI 39 ") and len(r) == 3]
    assert definitions == [["NI 39 Hospital admissions for alcohol related harm", "lower is better",
                            "kent_districts_sample.csv"]]


def test_a_paper_needs_a_known_ending(qapp, papers, tmp_path):
    with pytest.raises(VfkError, match=r"ending \.pdf or \.docx or \.pptx"):
        write_paper(papers["pack"], tmp_path / "paper.doc")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_libreoffice_opens_the_paper_and_finds_the_seeds_figures(papers, office_pdf):
    text = pdf_text(office_pdf(papers["docx"]))
    for seed in FARE_ROWS:
        line = next(x for x in text.splitlines()
                    if re.match(rf"\s*{re.escape(seed.code)}\s", x) and seed.period[:4] in x)
        for figure in seed.as_printed[0].split()[3:]:
            assert figure in line.split(), (seed.code, figure, line)
