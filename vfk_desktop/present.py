"""How a fare row's figures are written for people, the same in the window, the terminal and print."""

from __future__ import annotations

from vfk_desktop.domain.fare import NOT_AVAILABLE, FareRow
from vfk_desktop.domain.localities import DISTRICT_COUNT
from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.reporting import is_reporting_year
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
    """The district's figure; a missing one says why: "suppressed (*)", "error (#DIV/0!)"."""
    if row.value is None and row.missing and row.missing != NOT_AVAILABLE:
        given = " ".join((row.value_text or "").split())
        return f"{row.missing} ({given})" if given else row.missing
    return figure(row.value, row.value_text)


def newer(row: FareRow) -> str:
    """ "Newer: 73 (2009), 1 of 12 districts so far"; empty without a newer figure of its own."""
    shown = newer_short(row)
    return f"Newer: {shown}, {row.own_newer_reported} of {DISTRICT_COUNT} districts so far" if shown else ""


def target(row: FareRow) -> str:
    return figure(row.kent_target, row.kent_target_text)


def own_target(row: FareRow) -> str:
    """ "500 (profile)*", "70*" or "70": the district's own or profiled target; * when followed."""
    if row.profiled_target is not None:
        return f"{figure(row.profiled_target, None)} (profile)*"
    if row.local_target is None:
        return ""
    return figure(row.local_target, None) + ("*" if row.target_followed == "local" else "")


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


def newer_short(row: FareRow) -> str:
    """ "73 (2009)": the newer figure alone, for a narrow column."""
    if row.own_newer is None or row.own_newer_period is None:
        return ""
    return f"{figure(row.own_newer.value, row.own_newer.text)} ({row.own_newer_period.label})"


def rank(row: FareRow) -> str:
    """ "6 of 12"; where too few districts reported to rank, how many did: "3 of 12 reported"."""
    if row.rank:
        return f"{row.rank} of {row.of}"
    if row.period is not None and not row.rankable:
        return f"{row.districts_reported} of {DISTRICT_COUNT} reported"
    return DASH


def reported(row: FareRow) -> str:
    """A sentence on how far the comparison goes, for tooltips and notes."""
    if row.period is None:
        return "No figure yet."
    text = f"{row.districts_reported} of {DISTRICT_COUNT} districts reported for {row.period.label}"
    if row.rank:
        return text + "."
    if not row.rankable:
        stated = row.range_source == "stated"
        return text + ": too few to rank." + (" Kent's best and worst are as a partner stated them."
                                               if stated else "")
    return text + "."


def status(row: FareRow) -> str:
    """ "■ Red (worse)", "● Green (met)", or why there is no status."""
    if row.rag is not None:
        return rag_label(row.rag, row.vs_target.value if row.vs_target else None)
    if row.value is None:
        return {"suppressed": "Suppressed", "error": "Error in source"}.get(row.missing or "", "No data")
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


def period_words(period: Period | None) -> str:
    """What the period choice means, in words: the subtitle of every fare table."""
    if period is None:
        return "Each indicator at its newest comparable period"
    if is_reporting_year(period):
        return f"Reporting year {period.label} (its financial, calendar and academic year data)"
    return f"Period {period.label}"
