"""Bookmarks and the document language for a PDF Qt has written.

Qt's PDF writer gives neither an outline nor the catalogue's /Lang, which screen readers and a
reader's side panel rely on. After the pages are painted, the headings' pages are known
(`headings_by_page`); pypdf adds them as bookmarks, opens the outline beside the pages and states
the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QTextDocument


@dataclass(frozen=True)
class Bookmark:
    """One entry of the PDF's outline: a heading and the page it is on."""

    level: int  # 1 for a section, 2 for a part of one
    title: str
    page: int  # 0-based


def headings_by_page(document: QTextDocument, page_height: float) -> list[Bookmark]:
    """Every heading of the laid-out document with the page its first line is drawn on (its block
    can begin a hair above a page break it is moved past)."""
    document.documentLayout()  # laid out
    found = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        title = " ".join(block.text().split())
        if level > 0 and title and block.layout().lineCount():
            line = block.layout().lineAt(0)
            middle = block.layout().position().y() + line.y() + line.height() / 2
            found.append(Bookmark(level, title, int(middle // page_height)))
        block = block.next()
    return found


def add_outline(path: Path, bookmarks: list[Bookmark], language: str) -> None:
    """Rewrite the PDF at path with these bookmarks (nested by level) and its language."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(path))
    parents: dict[int, object] = {}
    last = len(writer.pages) - 1
    for mark in bookmarks:
        parent = next((parents[level] for level in range(mark.level - 1, 0, -1) if level in parents), None)
        parents[mark.level] = writer.add_outline_item(title=mark.title, page_number=min(mark.page, last),
                                                      parent=parent)
        for deeper in [level for level in parents if level > mark.level]:
            del parents[deeper]
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)
    writer.page_mode = "/UseOutlines"
    with path.open("wb") as handle:
        writer.write(handle)
