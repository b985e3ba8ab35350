"""The KA2 return's Actions and Action notes sheets: what the district is doing about its figures.

Each action is one row (its status as its owner gave it, with "Overdue" worked out beside it) and
each progress note one row of the notes sheet, with its time and author as stored, so `vfk import`
takes them back unchanged.
"""

from __future__ import annotations

import datetime as dt

from vfk_desktop.domain.actions import Action
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.book import Book, print_setup, text

ACTION_WIDTHS = (6, 44, 22, 11, 12, 9, 22, 60)
NOTE_WIDTHS = (6, 26, 16, 90)
HEADER_ROW = 2


def write_actions(book: Book, locality: str, actions: tuple[Action, ...], stamp: str,
                  today: dt.date | None = None) -> None:
    sheet = _sheet(book, layout.ACTIONS_SHEET, layout.ACTION_HEADERS, ACTION_WIDTHS,
                   f"Actions: {locality}", stamp)
    wrap = book.cell(None, wrap=True)
    for index, action in enumerate(actions, HEADER_ROW + 1):
        latest = action.latest_note()
        sheet.write_number(index, 0, action.id, book.cell("count", align="center"))
        cells = (action.title, action.owner, action.due.isoformat() if action.due else None,
                 action.status.value, "Yes" if action.is_overdue(today) else "No",
                 ", ".join(action.indicators),
                 f"{latest.at[:10]} {latest.author}: {latest.text}" if latest else None)
        for column, value in enumerate(cells, 1):
            text(sheet, index, column, value, wrap)
    sheet.data_validation(HEADER_ROW + 1, 4, HEADER_ROW + max(len(actions), 1) + 200, 4, {
        "validate": "list", "source": ["not started", "on track", "at risk", "done"]})
    notes = _sheet(book, layout.ACTION_NOTES_SHEET, layout.ACTION_NOTE_HEADERS, NOTE_WIDTHS,
                   f"Action notes: {locality}", stamp)
    row = HEADER_ROW + 1
    for action in actions:
        for note in action.notes:
            notes.write_number(row, 0, action.id, book.cell("count", align="center"))
            for column, value in enumerate((note.at, note.author, note.text), 1):
                text(notes, row, column, value, wrap)
            row += 1


def _sheet(book: Book, name: str, headers: tuple[str, ...], widths: tuple[int, ...], title: str,
           stamp: str):
    sheet = book.sheet(name)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    text(sheet, 0, 0, title, book.title)
    for column, heading in enumerate(headers):
        text(sheet, HEADER_ROW, column, heading, book.header)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    print_setup(sheet, title, HEADER_ROW, stamp)
    return sheet
