"""The Board paper as a Word document (python-docx): the pack's facts in real heading styles, tables
whose heading row repeats on each page and whose rows never break across pages, status as a shape
and a word, each chart a picture with alt text said from its figures, the commentary, and a short
definitions appendix. Officers write the narrative around it; Word's Save as PDF then makes a
tagged, accessible PDF (Qt's PDF has no tags).

No Qt and no store here: the charts arrive as PNG bytes, keyed like pack.chart_data.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from vfk_desktop import __version__, present
from vfk_desktop.domain.illustrative import ILLUSTRATIVE
from vfk_desktop.domain.model import Priority
from vfk_desktop.palette import RAG_TINT
from vfk_desktop.reports.pack import SECTION_TITLES, BoardPack
from vfk_desktop.reports.summary import (
    LOW_BELOW_KENT,
    chart_alt_text,
    definitions,
    exceptions,
    low_below_kent,
    no_data_line,
    shown_rows,
    slide_headings,
    slide_values,
)

FARE_HEADINGS = ("Code", "Indicator", "Period", "Value", "Target", "Kent", "Best", "Worst", "Rank", "Status",
                 "Direction")
FARE_WIDTHS_CM = (1.7, 5.6, 1.9, 1.5, 1.5, 1.5, 1.4, 1.4, 1.7, 2.6, 2.4)


def paper_title(pack: BoardPack) -> str:
    return f"{pack.locality}: Locality Board paper"


def write_word(pack: BoardPack, path: Path, charts: dict | None = None) -> Path:
    """Write the Board paper to path (.docx) through a temporary name beside it."""
    document = Document()
    _set_up(document, pack)
    _cover(document, pack)
    writers = {"rankings": _rankings, "local": _local, "fare": _fare, "changes": _changes,
               "reds": _reds, "actions": _actions, "commentary": _commentary}
    for section in pack.sections:
        if section == "charts":
            _charts(document, pack, charts or {})
        else:
            writers[section](document, pack)
    _definitions(document, pack)
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _set_up(document, pack: BoardPack) -> None:
    props = document.core_properties
    props.title = paper_title(pack)
    props.subject = f"How does {pack.locality} fare in Kent? {pack.period_words}"
    props.author = f"{pack.locality} Local Strategic Partnership"
    props.language = "en-GB"
    props.keywords = "Vision for Kent; Locality Board; KA2"
    props.comments = f"Prepared with vfk_desktop {__version__} from {pack.database}"
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(language)
    for level in (1, 2, 3):  # a heading stays with what follows it
        document.styles[f"Heading {level}"].paragraph_format.keep_with_next = True


def _heading(document, text: str, level: int = 1) -> None:
    document.add_heading(text, level)


def _title(pack: BoardPack, section: str) -> str:
    return SECTION_TITLES[section].format(locality=pack.locality)


def _cover(document, pack: BoardPack) -> None:
    document.add_heading(paper_title(pack), 0)
    document.add_paragraph(f"Vision for Kent 2011-2021 · How does {pack.locality} fare in Kent?")
    ranked = f" · Priorities ranked {pack.ranking_round.label}" if pack.ranking_round else ""
    document.add_paragraph(f"Figures: {pack.period_words}{ranked}. Prepared {pack.made.day} "
                           f"{pack.made:%B %Y} with vfk_desktop {__version__} from {pack.database}.")
    if pack.illustrative:
        document.add_paragraph(ILLUSTRATIVE).runs[0].italic = True
    _heading(document, "At a glance")
    table = _table(document, ("Looking for", "Found"), (6.5, 19.0))
    for item in exceptions(pack):
        _row(table, (item.about, item.text))


def _table(document, headings: Sequence[str], widths_cm: Sequence[float], size: float = 9) -> Table:
    """A table with a heading row that repeats on every page it runs onto."""
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.autofit = False
    table._vfk_size = size
    _row_rules(table.rows[0], header=True)
    for cell, text, width in zip(table.rows[0].cells, headings, widths_cm, strict=True):
        cell.width = Cm(width)
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(size)
        _shade(cell, "E6E6E6")
    table._vfk_widths = widths_cm
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # the grid LibreOffice lays out by, beside each cell's own width
    return table


def _row(table: Table, texts: Sequence[str], tint: dict[int, str] | None = None, bold: bool = False) -> None:
    row = table.add_row()
    _row_rules(row)
    for index, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
        run = cell.paragraphs[0].add_run(text)  # widths come from the grid and the heading row
        run.font.size, run.bold = Pt(table._vfk_size), bold
        if tint and index in tint:
            _shade(cell, tint[index].lstrip("#"))


def _row_rules(row, header: bool = False) -> None:
    """w:cantSplit keeps a row on one page; w:tblHeader repeats the heading row."""
    properties = row._tr.get_or_add_trPr()
    for name in ("w:cantSplit", *(("w:tblHeader",) if header else ())):
        element = OxmlElement(name)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _rankings(document, pack: BoardPack) -> None:
    _heading(document, _title(pack, "rankings"))
    if not pack.rankings:
        document.add_paragraph(f"{pack.locality} has no priority ranking yet.")
    for band in Priority:
        rows = [r for r in pack.rankings if r.priority is band]
        if rows:
            _heading(document, f"{band.value} priority ({len(rows)})", 2)
            table = _table(document, ("Code", "Indicator", "Theme"), (2.0, 16.5, 7.0))
            for r in rows:
                _row(table, (r.code, r.title, r.theme or "No theme"))


def _local(document, pack: BoardPack) -> None:
    _heading(document, _title(pack, "local"))
    if not pack.local_priorities:
        document.add_paragraph(f"No local priorities are recorded for {pack.locality}.")
        return
    table = _table(document, ("#", "Priority", "Ambitions it serves", "Evidenced by"), (1.0, 10.0, 8.0, 6.5))
    for p in pack.local_priorities:
        _row(table, (str(p.position), p.title, "; ".join(p.ambitions), ", ".join(p.indicators)))


def _fare_cells(row) -> tuple[str, ...]:
    return (row.code, row.title, present.period(row), present.value(row), present.target(row),
            present.kent(row), present.best(row), present.worst(row), present.rank(row), present.status(row),
            present.direction(row))


def _fare(document, pack: BoardPack) -> None:
    _heading(document, _title(pack, "fare"))
    document.add_paragraph(f"{pack.period_words}. Rank 1 is the best of the districts with a value; status "
                           "compares the value with the Kent target.")
    for band in (Priority.HIGH, Priority.MEDIUM, Priority.LOW, None):
        rows = shown_rows(pack, band)
        line = no_data_line(pack, band)
        if not rows and not line:
            continue
        _heading(document, f"{band.value} priorities" if band else "Not ranked", 2)
        if rows:
            table = _table(document, FARE_HEADINGS, FARE_WIDTHS_CM, size=8.5)
            for row in rows:
                _row(table, _fare_cells(row), {9: RAG_TINT[row.rag]} if row.rag else None)
        if line:
            document.add_paragraph(line).runs[0].italic = True
    below = [] if pack.as_shown else low_below_kent(pack)
    if below:
        _heading(document, LOW_BELOW_KENT, 2)
        table = _table(document, slide_headings(pack.locality), (1.8, 9.5, 1.8, 2.0, 2.8, 2.6, 2.5, 2.5))
        for row in below:
            _row(table, slide_values(row))


def _changes(document, pack: BoardPack) -> None:
    _heading(document, _title(pack, "changes"))
    if pack.since is None:
        document.add_paragraph("No Board date is recorded for this district, so nothing is listed here.")
        return
    if not pack.changes:
        document.add_paragraph(f"Nothing has changed since {pack.since}.")
        return
    document.add_paragraph(f"What is new or changed since {pack.since}.")
    table = _table(document, ("Code", "Indicator", "What", "Before", "After", "Period"),
                   (1.8, 9.0, 3.0, 4.5, 4.5, 2.2))
    for c in pack.changes:
        _row(table, (c.code, c.title, c.what, c.before or "–", c.after or "–", c.period or "–"))


def _charts(document, pack: BoardPack, charts: dict) -> None:
    ready = [c for c in pack.charts if c in charts and c in pack.chart_data]
    if not ready:
        return
    _heading(document, _title(pack, "charts"))
    for chart in ready:
        _heading(document, chart.caption, 3)
        picture = document.add_picture(io.BytesIO(charts[chart]), width=Cm(22))
        properties = picture._inline.docPr
        properties.set("descr", chart_alt_text(pack.chart_data[chart]))
        properties.set("title", chart.caption)


def _reds(document, pack: BoardPack) -> None:
    _heading(document, _title(pack, "reds"))
    if not pack.reds:
        document.add_paragraph("No PSB report of Reds is recorded.")
        return
    document.add_paragraph(f"The indicators the Public Service Board reported red on {pack.psb_date}, set "
                           f"against {pack.locality}'s priorities. {pack.reds_sentence}")
    table = _table(document, ("Code", "Indicator", "Priority", "Status"), (2.0, 14.0, 3.5, 6.0))
    for r in pack.reds:
        status = present.status(r.row) if r.row else "No data"
        tint = {3: RAG_TINT[r.row.rag]} if r.row and r.row.rag else None
        _row(table, (r.code, r.title, r.priority.value if r.priority else "not ranked", status), tint)


def _actions(document, pack: BoardPack) -> None:
    """Who is doing what about the reds: the High priorities with no open action, their leads, and
    every action with its owner, due date, status and latest note."""
    _heading(document, _title(pack, "actions"))
    document.add_paragraph(
        f"High priorities worse than target with no open action: {', '.join(pack.unanswered)}."
        if pack.unanswered else "Every High priority worse than target has an open action.")
    if pack.leads:
        table = _table(document, ("High priority", "Status", "Lead (partner) · working group"),
                       (11.0, 4.5, 10.0))
        for row, lead in pack.leads:
            _row(table, (f"{row.code} {row.title}", present.status(row), lead),
                 {1: RAG_TINT[row.rag]} if row.rag else None)
    if not pack.actions:
        document.add_paragraph(f"No actions are recorded for {pack.locality}.")
        return
    table = _table(document, ("Action", "Owner", "Due", "Status", "Indicators", "Latest note"),
                   (6.0, 3.2, 2.3, 2.6, 3.0, 8.4))
    for action in pack.actions:
        note = action.latest_note()
        _row(table, (action.title, action.owner, action.due.isoformat() if action.due else "",
                     action.shown_status(pack.made), ", ".join(action.indicators),
                     f"{note.at[:10]} {note.author}: {note.text}" if note else ""))


def _commentary(document, pack: BoardPack) -> None:
    _heading(document, _title(pack, "commentary"))
    if not pack.commentary:
        document.add_paragraph("No commentary is recorded for these periods.")
    for row, text in pack.commentary:
        _heading(document, f"{row.code} {row.title}", 3)
        document.add_paragraph(f"{present.period(row)} · {present.status(row)}").runs[0].font.color.rgb = (
            RGBColor(0x40, 0x40, 0x40))
        document.add_paragraph(text)


def _definitions(document, pack: BoardPack) -> None:
    rows = definitions(pack)
    if not rows:
        return
    _heading(document, "Appendix: definitions")
    document.add_paragraph("Polarity says which way is better; the source is the file each figure came from.")
    table = _table(document, ("Indicator", "Polarity", "Source"), (15.0, 4.0, 6.5))
    for row in rows:
        _row(table, row)
