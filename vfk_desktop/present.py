"""How a fare row's figures are written for people, the same in the window, the terminal and print."""

from __future__ import annotations

from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import format_number
from vfk_desktop.palette import direction_label, rag_label

DASH = "–"


def figure(value: float | None, text: str | None = None) -> str:
    """1212.0 -> "1,212"; a figure given as "102%" keeps its sign; no value -> the text given
    ("N/a", "#DIV/0!") or a dash."""
    if value is None:
        return " ".join(text.split()) if text and text.strip() else DASH
    percent = "%" if text and text.strip().endswith("%") else ""
    return format_number(value) + percent


def value(row: FareRow) -> str:
    return figure(row.value, row.value_text)


def target(row: FareRow) -> str:
    return figure(row.kent_target, row.kent_target_text)


def _like_value(row: FareRow, number: float | None) -> str:
    """Kent's figure, best and worst written as the district's own value is: "254%" beside "102%"."""
    given_as_percent = bool(row.value_text and row.value_text.strip().endswith("%"))
    return figure(number, "%" if given_as_percent and number is not None else None)


def kent(row: FareRow) -> str:
    return _like_value(row, row.kent_value)


def best(row: FareRow) -> str:
    return _like_value(row, row.kent_best)


def worst(row: FareRow) -> str:
    return _like_value(row, row.kent_worst)


def period(row: FareRow) -> str:
    return row.period.label if row.period else DASH


def rank(row: FareRow) -> str:
    return f"{row.rank} of {row.of}" if row.rank else DASH


def status(row: FareRow) -> str:
    """ "■ Red (worse)", "● Green (met)", or why there is no status."""
    if row.rag is not None:
        return rag_label(row.rag, row.vs_target.value if row.vs_target else None)
    if row.value is None:
        return "No data"
    if row.kent_target is None:
        return "No target"
    return "No polarity"


def direction(row: FareRow) -> str:
    return direction_label(row.direction) or DASH


def polarity(row: FareRow) -> str:
    if row.polarity is None:
        return "not known"
    return {"higher": "higher is better", "lower": "lower is better"}.get(
        row.polarity.value, "neither"
    )


def vs_kent(row: FareRow) -> str:
    if row.vs_kent is None:
        return DASH
    return {"better": "better than Kent", "met": "same as Kent", "worse": "worse than Kent"}[
        row.vs_kent.value
    ]


def band_counts(band: str, counts: dict) -> str:
    """ "High priorities: 3 red, 2 amber, 3 green, 2 without a status"."""
    from vfk_desktop.domain.model import Rag

    parts = [f"{counts[rag]} {rag.value}" for rag in (Rag.RED, Rag.AMBER, Rag.GREEN) if counts.get(rag)]
    if counts.get(None):
        parts.append(f"{counts[None]} without a status")
    return f"{band}: {', '.join(parts) if parts else 'none'}"
