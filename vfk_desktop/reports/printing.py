"""Laying the Board pack out on pages: a QTextDocument per printer or PDF writer, with a header
(locality and title) and a footer (date and "Page 3 of 9") painted around each page's body.

The document is laid out at the device's own resolution, so what the print preview shows is what
the PDF and the printer get. Qt keeps a table row whole when it fits on a page and repeats <thead>.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from vfk_desktop import __version__
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.reports.html import Tables, chart_url, pack_html
from vfk_desktop.reports.pack import BoardPack, ChartRequest
from vfk_desktop.reports.pdf_outline import Bookmark, add_outline, headings_by_page

FONT_FAMILIES = ["Segoe UI", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"]
PAPER = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


@dataclass(frozen=True)
class PageSetup:
    """The paper, orientation and margins the Board pack is laid out on."""

    paper: str = "A4"  # "A4" | "Letter"
    landscape: bool = False
    margins_mm: float = 15.0

    def page_layout(self) -> QPageLayout:
        orientation = QPageLayout.Orientation.Portrait
        if self.landscape:
            orientation = QPageLayout.Orientation.Landscape
        margins = QMarginsF(*(self.margins_mm,) * 4)
        return QPageLayout(QPageSize(PAPER[self.paper]), orientation, margins, QPageLayout.Unit.Millimeter)


def print_font(point_size: float = 9) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    return font


class PackPrinter:
    """Paints one pack onto any paged device: QPdfWriter, QPrinter, or the print preview's printer."""

    def __init__(self, pack: BoardPack, images: dict[ChartRequest, QImage] | None = None) -> None:
        self.pack = pack
        self.images = images or {}
        self.bookmarks: list[Bookmark] = []  # the headings and their pages, once painted

    def document(self, device: QPagedPaintDevice, body: QSizeF) -> QTextDocument:
        return self.layout(device, body)[0]

    def layout(self, device: QPagedPaintDevice, body: QSizeF) -> tuple[QTextDocument, Tables]:
        """The pack laid out in pages of size body, no table row cut in two, with its tables."""
        breaks: set[tuple[int, int]] = set()
        heading_breaks: set[int] = set()
        flowing: set[int] = set()
        while True:
            tables = Tables(frozenset(breaks), heading_breaks=frozenset(heading_breaks),
                            flowing=frozenset(flowing))
            document = self._laid_out(pack_html(self.pack, tables, lambda chart: chart in self.images),
                                      device, body)
            split = first_split_row(document, body.height(), tables.placed)
            if split is not None and split not in breaks:
                breaks.add(split)
                continue
            short = first_section_after_a_short_page(document, body.height())
            if short is not None and short not in flowing and short not in heading_breaks:
                flowing.add(short)  # a table's last row or two alone on a page: the next section joins them
                breaks.clear()  # and every break is worked out again for the new layout
                heading_breaks.clear()
                continue
            stranded = first_stranded_heading(document, body.height())
            if stranded is None or stranded in heading_breaks:
                return document, tables
            heading_breaks.add(stranded)

    def _laid_out(self, html: str, device: QPagedPaintDevice, body: QSizeF) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(device)
        document.setDefaultFont(print_font())
        document.setDocumentMargin(0)
        for chart, image in self.images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(chart_url(chart)), image)
        document.setHtml(html)
        document.setPageSize(body)
        return document

    def paint(self, device: QPagedPaintDevice) -> int:
        """Lay the pack out for device and paint every page; returns the number of pages."""
        painter = QPainter()
        if not painter.begin(device):
            raise VfkError("The printer or PDF file could not be opened for writing.")
        try:
            return self._paint_pages(device, painter)
        finally:
            painter.end()

    def _paint_pages(self, device: QPagedPaintDevice, painter: QPainter) -> int:
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        small = print_font(7.5)
        band = header_band(device)
        body = body_size(device)
        document = self.document(device, body)
        pages = document.pageCount()
        self.bookmarks = headings_by_page(document, body.height())
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, band - page * body.height())
            # a hair short of the next page: a block starting exactly there is not drawn (clipped but
            # still in the PDF text) at this page's foot
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height() - 1))
            painter.restore()
            if page:  # the cover has no header or footer
                self._frame(painter, small, area.width(), area.height(), band, page + 1, pages)
        return pages

    def _frame(self, painter: QPainter, font: QFont, width: float, height: float, band: float,
               page: int, pages: int) -> None:
        pack = self.pack
        painter.setFont(font)
        painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, width / 2000)))
        top = QRectF(0, 0, width, band * 0.8)
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        painter.drawText(top, left | Qt.AlignmentFlag.AlignTop, f"{pack.locality} · Locality Board pack")
        painter.drawText(top, right | Qt.AlignmentFlag.AlignTop, f"Figures: {pack.period_words}")
        painter.drawLine(0, int(band * 0.75), int(width), int(band * 0.75))
        bottom = QRectF(0, height - band * 0.8, width, band * 0.8)
        made = f"{pack.made.day} {pack.made:%B %Y} · vfk_desktop {__version__}"
        if pack.illustrative:
            made += " · includes illustrative sample data"
        painter.drawText(bottom, left | Qt.AlignmentFlag.AlignBottom, made)
        painter.drawText(bottom, right | Qt.AlignmentFlag.AlignBottom, f"Page {page} of {pages}")


def header_band(device: QPagedPaintDevice) -> float:
    """The height of the header (and of the footer) on a page: its line, with a little air."""
    return QFontMetricsF(print_font(7.5), device).height() * 2.2


def body_size(device: QPagedPaintDevice) -> QSizeF:
    """Where the pack's text goes on each page: the printable area less the header and footer."""
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    return QSizeF(area.width(), area.height() - 2 * header_band(device))


def first_split_row(document: QTextDocument, page_height: float,
                    placed: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first table row where the table must start again on a new page, as (table in the pack,
    row of its body): a row that runs over a page's foot, a theme row left at a page's foot, or the
    last row left alone on a page (its neighbour goes over with it); None when none is."""
    layout = document.documentLayout()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for table, (number, first) in zip(tables, placed, strict=True):
        header = table.format().headerRowCount()
        pages = [_row_pages(layout, table, row, page_height) for row in range(table.rows())]
        last = table.rows() - 1
        for row in range(header, table.rows()):
            at = row
            if pages[row][0] != pages[row][1]:  # cut in two
                pass
            elif row < last and _is_theme(table, row) and pages[row + 1][0] > pages[row][1]:
                pass  # a theme heading alone at the foot
            elif row == last and row - 1 > header and pages[row][0] > pages[row - 1][1]:
                at = row - 1  # a lone last row takes the one above with it
            else:
                continue
            if at > header and _is_theme(table, at - 1):
                at -= 1  # a theme row goes over with the first row under it
            if at > header:
                return number, first + at - header
    return None


def _is_theme(table: QTextTable, row: int) -> bool:
    return table.cellAt(row, 0).columnSpan() == table.columns()


def _row_pages(layout, table: QTextTable, row: int, page_height: float) -> tuple[int, int]:
    top, bottom = _row_extent(layout, table, row)
    return int(top // page_height), int((bottom - 1) // page_height)


def first_stranded_heading(document: QTextDocument, page_height: float) -> int | None:
    """The first heading (counted in document order) whose next block or table starts on a later
    page than the heading ends: it must move to that page. None when no heading is stranded."""
    layout = document.documentLayout()
    number, waiting = -1, None  # the heading's number and the page it ends on
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame, block = it.currentFrame(), it.currentBlock()
        rect = layout.frameBoundingRect(frame) if frame is not None else layout.blockBoundingRect(block)
        if rect.height() > 0:
            top_page = int(rect.top() // page_height)
            if waiting is not None and top_page > waiting:
                return number
            waiting = None
            if frame is None and block.blockFormat().headingLevel() > 0:
                number += 1
                waiting = int((rect.bottom() - 1) // page_height)
        it += 1
    return None


SHORT_PAGE = 0.25  # a page less full than this before a section that starts a new page
ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def first_section_after_a_short_page(document: QTextDocument, page_height: float) -> int | None:
    """The first heading (counted in document order) that starts a new page after a page holding
    less than a quarter page of the section before (a table's last row carried over, say)."""
    layout = document.documentLayout()
    number, bottom = -1, 0.0  # the heading's number; where the content so far ends
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame, block = it.currentFrame(), it.currentBlock()
        rect = layout.frameBoundingRect(frame) if frame is not None else layout.blockBoundingRect(block)
        if rect.height() > 0:
            if frame is None and block.blockFormat().headingLevel() > 0:
                number += 1
                forced = block.blockFormat().pageBreakPolicy() & ALWAYS_BEFORE
                used = bottom - (bottom // page_height) * page_height
                if forced and bottom > page_height and 0 < used < SHORT_PAGE * page_height:
                    return number
            bottom = rect.bottom()
        it += 1
    return None


def _row_extent(layout, table: QTextTable, row: int) -> tuple[float, float]:
    top, bottom = float("inf"), 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.column() != column:
            continue
        top = min(top, layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottom = max(bottom, layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return top, bottom


def pdf_metadata(pack: BoardPack) -> dict[str, str]:
    """The PDF's title, author, subject and language (also the Word paper's, said the same way)."""
    return {"title": f"{pack.locality}: Locality Board pack",
            "author": f"{pack.locality} Local Strategic Partnership",
            "subject": f"How does {pack.locality} fare in Kent? {pack.period_words}",
            "language": "en-GB"}


def describe(writer: QPdfWriter, pack: BoardPack) -> None:
    """Title and author in the PDF's information; those, the subject and the language in its XMP.
    Qt writes no tags and no outline: the bookmarks and /Lang are added afterwards (pdf_outline.py);
    for a tagged PDF the Word paper is the route."""
    from html import escape

    meta = {key: escape(value) for key, value in pdf_metadata(pack).items()}
    writer.setTitle(pdf_metadata(pack)["title"])
    writer.setAuthor(pdf_metadata(pack)["author"])
    writer.setCreator(f"vfk_desktop {__version__}")
    writer.setDocumentXmpMetadata(QByteArray(XMP.format(**meta, creator=f"vfk_desktop {__version__}")
                                             .encode("utf-8")))


XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
      xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>Qt</pdf:Producer>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def write_pdf(printer: PackPrinter, path: Path, setup: PageSetup | None = None,
              progress: Callable[[float, str], None] | None = None) -> int:
    """Write the pack as a PDF through a temporary file beside path; returns the number of pages."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(300)
    writer.setPageLayout((setup or PageSetup()).page_layout())
    describe(writer, printer.pack)
    if progress:
        progress(0.5, "Laying out the pages")
    try:
        pages = printer.paint(writer)
        del writer  # closes the file
        add_outline(partial, printer.bookmarks, pdf_metadata(printer.pack)["language"])
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise VfkError(f"{path} could not be written ({error.strerror or error}).") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return pages
