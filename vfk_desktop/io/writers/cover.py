"""The cover sheet of an export: what the workbook is, for which place and periods, made when, from
which database, and whether sample (illustrative) figures are in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vfk_desktop import __version__
from vfk_desktop.domain.illustrative import ILLUSTRATIVE
from vfk_desktop.facts.records import Source
from vfk_desktop.io.writers.book import Book, text
from vfk_desktop.who import current_user


@dataclass
class Cover:
    """The cover sheet of an export: its title, the facts and notes it states, and when it was made."""

    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    notes: list[str] = field(default_factory=list)
    made: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())

    @property
    def stamp(self) -> str:
        """For footers: "exported 23 Nov 2026 14:05"."""
        return f"exported {self.made:%d %b %Y %H:%M}"


def cover_for(source: Source, title: str, facts: list[tuple[str, str]], notes: list[str]) -> Cover:
    """A cover with the facts every export states: when, by whom, which app and database."""
    cover = Cover(title, list(facts), [])
    cover.facts += [
        ("Exported", f"{cover.made:%d %B %Y, %H:%M}"),
        ("Exported by", current_user()),
        ("Made with", f"vfk_desktop {__version__}"),
        ("Database", source.database),
    ]
    if source.illustrative:
        cover.facts.append(("Illustrative", "Yes: this database holds the sample data."))
        cover.notes.append(ILLUSTRATIVE)
    if source.publication:
        cover.facts.append(("For publication", "Yes: small numbers are suppressed."))
        cover.notes.append(source.publication)
    cover.notes += notes
    return cover


def write_cover(book: Book, cover: Cover, name: str = "Cover") -> None:
    sheet = book.sheet(name)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 100)
    sheet.hide_gridlines(2)
    sheet.set_row(0, 24)
    text(sheet, 0, 0, cover.title, book.title)
    row = 2
    label = book.format(bold=True, valign="top")
    for key, value in cover.facts:
        text(sheet, row, 0, key, label)
        text(sheet, row, 1, value, book.wrap)
        row += 1
    row += 1
    for note in cover.notes:
        sheet.merge_range(row, 0, row, 1, "", book.wrap)
        text(sheet, row, 0, note, book.wrap)
        sheet.set_row(row, 15 * max(1, len(note) // 110 + 1))
        row += 1
    sheet.set_portrait()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 1)
