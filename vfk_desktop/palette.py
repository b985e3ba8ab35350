"""One palette for status and highlight everywhere: table, charts, workbooks and print.

Okabe–Ito colours, which colour-blind readers can tell apart, and always a shape and a word as
well, so that nothing depends on colour alone (and a black-and-white print still reads).
"""

from __future__ import annotations

from vfk_desktop.domain.model import Direction, Rag

GREEN = "#009E73"  # bluish green
AMBER = "#E69F00"  # orange
RED = "#D55E00"  # vermillion
HIGHLIGHT = "#0072B2"  # blue: the chosen locality
OTHER = "#A7A9AC"  # grey: the other districts
KENT = "#CC79A7"  # reddish purple: the Kent figure
TARGET = "#000000"  # black: the Kent target
NO_STATUS = "#6E6E6E"

RAG_COLOUR = {Rag.GREEN: GREEN, Rag.AMBER: AMBER, Rag.RED: RED}
RAG_TINT = {Rag.GREEN: "#CCECE3", Rag.AMBER: "#FAE7BF", Rag.RED: "#F5D2BF"}  # cell backgrounds
RAG_SYMBOL = {Rag.GREEN: "●", Rag.AMBER: "▲", Rag.RED: "■"}  # shape differs as well as colour
DIRECTION_ARROW = {Direction.IMPROVED: "↑", Direction.WORSENED: "↓", Direction.UNCHANGED: "→"}


def rag_label(rag: Rag | None, status_word: str | None = None) -> str:
    """ "■ Red (worse)" – the symbol, the colour's name and what it means."""
    if rag is None:
        return "No target" if status_word is None else status_word
    word = f" ({status_word})" if status_word else ""
    return f"{RAG_SYMBOL[rag]} {rag.label}{word}"


def direction_label(direction: Direction | None) -> str:
    if direction is None:
        return ""
    return f"{DIRECTION_ARROW[direction]} {direction.value}"
