"""The pack's pages read as a Board paper: an exceptions summary on the cover, one line for the
indicators without data, the presentation's "Low priorities below the county average", and pages
that never end on a heading or hold a lone row."""

from __future__ import annotations

import re

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPdfWriter

from tests.reports.test_printing import pdf_pages
from tests.seed_figures import FARE_ROWS
from vfk_desktop.facts.board import build_pack
from vfk_desktop.reports.board import write_report
from vfk_desktop.reports.html import Tables, pack_html
from vfk_desktop.reports.printing import PackPrinter, first_split_row, first_stranded_heading
from vfk_desktop.reports.summary import LOW_BELOW_KENT, exceptions, low_below_kent

NO_DATA_LOW = ("NI 151", "NI 171", "NI 117", "NI 161", "NI 162", "NI 8", "NI 11", "NI 16", "NI 20",
               "NI 30", "NI 112", "NI 123", "NI 136", "NI 188", "NI 191", "NI 167")


def test_the_cover_sums_up_the_exceptions(sample_store):
    found = {e.about: e.text for e in exceptions(build_pack(sample_store, "Tunbridge Wells"))}
    assert found["High priorities worse than target"] == (
        "NI 163 (70.9 against a target of 75.6); NI 21 (24 against a target of 37.7)")
    assert found["Reds and ambers by band"] == "High: 2 red · Medium: 1 red · Low: 3 red"
    assert "NI 111" in found["Best in Kent"] and found["Worst in Kent"] == "NI 187i (12 of 12)"


def test_indicators_without_data_are_one_line_per_band_unless_all_rows_are_asked(sample_store):
    html = pack_html(build_pack(sample_store, "Tunbridge Wells"), Tables())
    assert "16 Low indicators have no data yet: " + ", ".join(NO_DATA_LOW) + "." in html
    assert "3 High indicators have no data yet: NI 110, NI 32, NI 40." in html
    assert "No data</td>" not in html.split("fare in Kent?</h1>")[1].split("</h1>")[0]
    every = pack_html(build_pack(sample_store, "Tunbridge Wells", all_rows=True), Tables())
    assert "have no data yet" not in every and every.count(">NI 151<") >= 2  # ranking table and fare table


def test_the_presentations_low_priorities_below_the_county_average(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells")
    assert sorted(r.code for r in low_below_kent(pack)) == ["NI 159", "NI 187i", "NI 55"]
    html = pack_html(pack, Tables())
    table = html.split(LOW_BELOW_KENT)[1]
    for seed in (s for s in FARE_ROWS if s.band == "L"):
        figures = " ".join(re.findall(r'<td class="num">([^<]*)</td>',
                                      table.split(f">{seed.code}<")[1].split("</tr>")[0]))
        assert figures == " ".join(seed.as_printed[0].split()[2:]), seed.code


def test_no_heading_ends_a_page_and_no_row_stands_alone(qapp, sample_store, tmp_path):
    pack = build_pack(sample_store, "Tunbridge Wells", all_rows=True)
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(300)
    for height in (900, 1300, 2100, 3000):  # many page feet meet many headings and rows
        body = QSizeF(1500, height)
        printer = PackPrinter(pack)
        document, tables = printer.layout(writer, body)
        assert first_split_row(document, body.height(), tables.placed) is None
        assert first_stranded_heading(document, body.height()) is None


def test_a_stranded_heading_is_found(qapp, sample_store, tmp_path):
    pack = build_pack(sample_store, "Tunbridge Wells", sections=("fare",))
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(300)
    printer = PackPrinter(pack)
    found = set()
    for height in range(600, 3000, 60):
        body = QSizeF(1500, height)
        document = printer._laid_out(pack_html(pack, Tables()), writer, body)
        found.add(first_stranded_heading(document, body.height()))
    assert found - {None}  # some page height leaves a heading at a page's foot, unless moved


def test_the_pdf_pages_and_cover(qapp, sample_store, tmp_path):
    path = tmp_path / "pack.pdf"
    pages = write_report(build_pack(sample_store, "Tunbridge Wells"), path)
    texts = pdf_pages(path)
    assert pages <= 9  # the eight sections with Actions and leads: no page for a lone row
    assert "At a glance" in texts[0] and "NI 163 (70.9 against a target of 75.6)" in texts[0]
    assert str(tmp_path) not in "".join(texts)  # the file's name at most, never its folder


def test_printing_what_is_seen_keeps_the_views_rows_and_order(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells", sections=("fare",), only=["NI 21", "NI 163", "NI 55"])
    assert [r.code for r in pack.fare] == ["NI 21", "NI 163", "NI 55"] and pack.as_shown
    html = pack_html(pack, Tables())
    assert html.index(">NI 21<") < html.index(">NI 163<")
    assert "have no data yet" not in html and LOW_BELOW_KENT not in html


def test_the_pdf_says_its_title_author_subject_and_language(qapp, sample_store, tmp_path):
    import subprocess

    path = tmp_path / "pack.pdf"
    write_report(build_pack(sample_store, "Tunbridge Wells"), path)
    info = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>" in info
    assert "How does Tunbridge Wells fare in Kent? Each indicator at its newest comparable period" in info
    fields = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Tunbridge Wells: Locality Board pack$", fields, re.M)
    assert re.search(r"^Author:\s+Tunbridge Wells Local Strategic Partnership$", fields, re.M)


def test_every_heading_is_a_bookmark_to_the_page_it_is_printed_on(qapp, sample_store, tmp_path):
    """Qt writes no outline: the pack adds one (nested by heading level), opens it beside the pages and
    states the document's language; each bookmark leads to the page pdftotext finds its heading on."""
    import subprocess

    from pypdf import PdfReader

    path = tmp_path / "pack.pdf"
    write_report(build_pack(sample_store, "Tunbridge Wells"), path)
    reader = PdfReader(path)
    catalogue = reader.trailer["/Root"]
    assert catalogue["/Lang"] == "en-GB" and catalogue["/PageMode"] == "/UseOutlines"
    top = [item for item in reader.outline if not isinstance(item, list)]
    nested = [inner for item in reader.outline if isinstance(item, list) for inner in item]
    assert [t.title for t in top][:4] == ["Contents", "Priority rankings", "Local priorities",
                                          "How does Tunbridge Wells fare in Kent?"]
    assert [t.title for t in nested] == [LOW_BELOW_KENT]
    for item in top + nested:
        page = reader.get_destination_page_number(item) + 1
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert item.title in " ".join(text.split()), (item.title, page)


def test_no_page_carries_text_from_the_next_and_no_page_ends_on_a_heading(qapp, sample_store, tmp_path):
    path = tmp_path / "pack.pdf"
    pack = build_pack(sample_store, "Tunbridge Wells")
    write_report(pack, path)
    pages = pdf_pages(path)[1:]  # the cover lists every heading in its contents
    from vfk_desktop.reports.html import section_title

    for section in pack.sections:
        title = section_title(pack, section)
        holding = [n for n, text in enumerate(pages) if re.search(rf"^{re.escape(title)}$", text, re.M)]
        assert len(holding) <= 1, (title, holding)
    titles = {section_title(pack, s) for s in pack.sections} | {LOW_BELOW_KENT}
    for text in pages:
        lines = [x.strip() for x in text.splitlines() if x.strip()]
        assert lines[-2] not in titles, lines[-2]  # the last line is the footer
