"""Rows around a table that are not data: sources, footnotes, run dates and page footers.

A cell is data only where the table's structure says so. "1. Figures are provisional" under a table
is a footnote, not NI 1; "Source: ONS" and "Page 2 of 3" are not indicators either.
"""

from __future__ import annotations

import datetime as dt
import re

from vfk_desktop.io.readers.sheets import is_blank

_NOTE = re.compile(
    r"^\s*(?:\*+|†|‡|source\b|sources\b|note\b|notes\b|nb\b|n\.b\.|footnote|key\b|"
    r"run\s+(?:date|on)\b|date\s+(?:run|printed|produced|extracted)\b|printed\b|produced\b|"
    r"prepared\b|extracted\b|data\s+(?:extracted|correct|as\s+at)\b|last\s+updated\b|"
    r"updated\b|published\b|page\s+\d+|\d+\s+of\s+\d+\s*$|©|copyright\b|crown\s+copyright|"
    r"contact\b|for\s+more\s+information|please\s+note|figures?\s+(?:are|in|for)\b|"
    r"this\s+(?:table|sheet|data)\b|\(?[a-z]\)\s)",
    re.I,
)
_FOOTNOTE = re.compile(r"^\s*\(?\d{1,2}[.):]?\)?\s+[A-Za-z][\w'’,-]*(?:\s+\S+){2,}")


def is_note_text(text: str) -> bool:
    """Text that reads as a note about a table rather than a row of it."""
    return bool(_NOTE.match(text))


def is_footnote(text: str) -> bool:
    """ "1. Figures are provisional …": a number, then a sentence of three or more words."""
    return bool(_FOOTNOTE.match(text))


def is_note_row(cells: list[object]) -> bool:
    """A row of notes only: its text is a note or footnote, or it holds a date alone (a run date)."""
    filled = [c for c in cells if not is_blank(c)]
    if not filled:
        return False
    if len(filled) == 1 and isinstance(filled[0], dt.date):
        return True
    first = next((c for c in filled if isinstance(c, str)), None)
    return first is not None and (is_note_text(first) or is_footnote(first))
