"""The Board's slides (python-pptx), in the format of the LSP's own presentation: a title slide;
"How does <district> fare in Kent?" for each priority band, split across slides so that every row
reads at 18 pt or more; the Low priorities below the county average; the priorities × status slide;
a chart slide for each High priority worse than target, each picture with alt text.

No Qt and no store here: the charts arrive as PNG bytes, keyed like pack.chart_data.
"""

from __future__ import annotations

import io
import math
import struct
from collections.abc import Sequence
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from vfk_desktop import __version__
from vfk_desktop.domain.illustrative import ILLUSTRATIVE
from vfk_desktop.domain.model import Priority, Rag
from vfk_desktop.palette import RAG_TINT, rag_label
from vfk_desktop.reports.pack import BoardPack
from vfk_desktop.reports.summary import (
    chart_alt_text,
    low_below_kent,
    no_data_line,
    shown_rows,
    slide_headings,
    slide_values,
)

TEXT_PT = 18  # the smallest type on any slide
WIDTH, HEIGHT, MARGIN = Inches(13.333), Inches(7.5), Inches(0.4)
COLUMNS_IN = (1.45, 3.4, 1.35, 1.35, 1.8, 1.1, 1.05, 1.05)  # the presentation's eight columns
TABLE_TOP_IN, TABLE_ROOM_IN = 1.9, 5.3
LINE_IN, ROW_PAD_IN, HEADER_IN = 0.27, 0.14, 0.8
CHARS_PER_LINE = 24  # of the indicator column at 18 pt


def write_slides(pack: BoardPack, path: Path, charts: dict | None = None) -> int:
    """Write the slides to path (.pptx) through a temporary name beside it; returns how many."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    props = deck.core_properties
    props.title = f"How does {pack.locality} fare in Kent?"
    props.subject = f"{pack.locality} Locality Board: {pack.period_words}"
    props.author = f"{pack.locality} Local Strategic Partnership"
    props.language = "en-GB"
    props.comments = f"Prepared with vfk_desktop {__version__} from {pack.database}"
    _title_slide(deck, pack)
    for band in Priority:
        _band_slides(deck, pack, band)
    below = [] if pack.as_shown else low_below_kent(pack)
    if below:
        _table_slides(deck, pack, f"There are {len(below)} KA2 indicators that {pack.locality} has rated as "
                      f"'Low Priority' where performance is below the county average", below, None)
    _status_slide(deck, pack)
    for chart in pack.charts:
        if chart.kind == "districts" and chart in (charts or {}) and chart in pack.chart_data:
            _chart_slide(deck, chart.caption, charts[chart], chart_alt_text(pack.chart_data[chart]))
    partial = path.with_name(f".{path.name}.partial")
    try:
        deck.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return len(deck.slides)


def _slide(deck, title: str, size: float = 30):
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only": every slide has a real title
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.25), WIDTH - 2 * MARGIN, Inches(1.0)
    shape.text = title
    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), True
    return slide


def _text(slide, text: str, top_in: float, height_in: float, size: float = TEXT_PT,
          italic: bool = False) -> None:
    box = slide.shapes.add_textbox(MARGIN, Inches(top_in), WIDTH - 2 * MARGIN, Inches(height_in))
    box.text_frame.word_wrap = True
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.italic = Pt(size), italic


def _title_slide(deck, pack: BoardPack) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = f"How does {pack.locality} fare in Kent?"
    ranked = f" · priorities ranked {pack.ranking_round.label}" if pack.ranking_round else ""
    lines = [f"{pack.locality} Locality Board · Vision for Kent 2011-2021",
             f"Figures: {pack.period_words}{ranked}",
             f"Prepared {pack.made.day} {pack.made:%B %Y} with vfk_desktop {__version__}"]
    frame = slide.placeholders[1].text_frame
    frame.text = lines[0]
    for line in lines[1:] + ([ILLUSTRATIVE] if pack.illustrative else []):
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(TEXT_PT if paragraph is not frame.paragraphs[0] else 24)


def row_height_in(title: str) -> float:
    """How tall a row stands at 18 pt: its title wraps in the indicator column."""
    return max(1, math.ceil(len(title) / CHARS_PER_LINE)) * LINE_IN + ROW_PAD_IN


def split_rows(rows: Sequence, room_in: float = TABLE_ROOM_IN - HEADER_IN) -> list[list]:
    """The rows in as few slide-sized groups as fit, in order, balanced so no slide holds a lone row."""
    heights = [row_height_in(row.title) for row in rows]
    count = 1
    while True:
        share = sum(heights) / count
        groups, used = [[]], 0.0
        for row, height in zip(rows, heights, strict=True):
            if groups[-1] and (used + height > room_in or (used >= share and len(groups) < count)):
                groups.append([])
                used = 0.0
            groups[-1].append(row)
            used += height
        if len(groups) <= count:
            return groups
        count += 1


def _band_slides(deck, pack: BoardPack, band: Priority) -> None:
    rows = shown_rows(pack, band)
    line = no_data_line(pack, band)
    if rows or line:
        _table_slides(deck, pack, f"{band.value} Priorities", rows, line)


def _table_slides(deck, pack: BoardPack, subtitle: str, rows: Sequence, note: str | None) -> None:
    groups = split_rows(rows) if rows else [[]]
    last = sum(row_height_in(r.title) for r in groups[-1])
    if note and groups[-1] and last + HEADER_IN + 1.0 > TABLE_ROOM_IN:
        groups.append([])  # the note would not fit under the last table: a slide of its own
    for number, group in enumerate(groups):
        more = f" (continued, {number + 1} of {len(groups)})" if number else ""
        slide = _slide(deck, f"How does {pack.locality} fare in Kent?")
        _text(slide, subtitle + more + " · Latest Annual Data", 1.2, 0.6, italic=True)
        height = HEADER_IN
        if group:
            height = _fare_table(slide, pack, group)
        if note and number == len(groups) - 1:
            _text(slide, note, TABLE_TOP_IN + height + 0.2, 1.0, italic=True)


def _fare_table(slide, pack: BoardPack, rows: Sequence) -> float:
    heights = [HEADER_IN] + [row_height_in(r.title) for r in rows]
    shape = slide.shapes.add_table(len(rows) + 1, len(COLUMNS_IN), MARGIN, Inches(TABLE_TOP_IN),
                                   Inches(sum(COLUMNS_IN)), Inches(sum(heights)))
    table = shape.table
    for index, width in enumerate(COLUMNS_IN):
        table.columns[index].width = Inches(width)
    for index, height in enumerate(heights):
        table.rows[index].height = Inches(height)
    _fill(table, 0, slide_headings(pack.locality), bold=True)
    for number, row in enumerate(rows, 1):
        _fill(table, number, slide_values(row))
    return sum(heights)


def _fill(table, row: int, texts: Sequence[str], bold: bool = False) -> None:
    for column, text in enumerate(texts):
        frame = table.cell(row, column).text_frame
        frame.text = text
        frame.word_wrap = True
        for run in frame.paragraphs[0].runs:
            run.font.size, run.font.bold = Pt(TEXT_PT), bold


def _status_slide(deck, pack: BoardPack) -> None:
    """How many of each band are red, amber, green or without a status: the priorities × status table."""
    slide = _slide(deck, f"{pack.locality}'s priorities and their status against target")
    columns = (Rag.RED, Rag.AMBER, Rag.GREEN, None)
    headings = ("Priority", *(rag_label(rag) for rag in columns[:3]), "No status", "Indicators")
    bands = [b for b in (Priority.HIGH, Priority.MEDIUM, Priority.LOW, None) if b in pack.counts]
    shape = slide.shapes.add_table(len(bands) + 1, len(headings), MARGIN, Inches(1.6), Inches(12.0),
                                   Inches(0.6 * (len(bands) + 1)))
    table = shape.table
    _fill(table, 0, headings, bold=True)
    for number, band in enumerate(bands, 1):
        counts = pack.counts[band]
        _fill(table, number, (band.value if band else "Not ranked", *(str(counts.get(r, 0)) for r in columns),
                              str(sum(counts.values()))))
        for column, rag in enumerate(columns[:3], 1):
            if counts.get(rag):
                fill = table.cell(number, column).fill
                fill.solid()
                fill.fore_color.rgb = RGBColor.from_string(RAG_TINT[rag].lstrip("#"))
                for run in table.cell(number, column).text_frame.paragraphs[0].runs:
                    run.font.color.rgb = RGBColor(0x20, 0x20, 0x20)
    _text(slide, "Status compares each figure with the Kent target; green is met or better, amber worse "
                 "within the tolerance, red worse beyond it.", 1.8 + 0.6 * (len(bands) + 1), 1.2)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    return struct.unpack(">II", data[16:24])


def _chart_slide(deck, title: str, image: bytes, alt: str) -> None:
    slide = _slide(deck, title, size=22)
    width, height = png_size(image)
    room_w, room_h = WIDTH - 2 * MARGIN, HEIGHT - Inches(1.5) - MARGIN
    scale = min(room_w / width, room_h / height)
    w, h = Emu(int(width * scale)), Emu(int(height * scale))
    picture = slide.shapes.add_picture(io.BytesIO(image), int((WIDTH - w) / 2), Inches(1.4), w, h)
    picture._element.nvPicPr.cNvPr.set("descr", alt)
