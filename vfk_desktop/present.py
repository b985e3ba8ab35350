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


def comparators(row: FareRow) -> str | None:
    """ "England 68.1 · South East 71.0": the comparators at the row's period, beside Kent and never
    ranked; None where none is stored."""
    if not row.comparators:
        return None
    return " · ".join(f"{name} {_like_value(row, value)}" for name, value in row.comparators)


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


SIGNIFICANCE_SHAPES = {"better": "▲ Better", "similar": "● Similar", "worse": "▼ Worse",
                       "higher": "△ Higher", "lower": "▽ Lower"}
NOT_COMPARED = "not compared"


def significance(found) -> str:
    """ "▲ Better", "● Similar", "▼ Worse" ("△ Higher", "▽ Lower" without polarity): a shape and a
    word, never colour alone; "not compared" without an interval."""
    return SIGNIFICANCE_SHAPES[found.value] if found is not None else NOT_COMPARED


def vs_kent_significance(row: FareRow) -> str:
    """The district against Kent, allowing for chance (at 95 %, or 99.8 % where the comparison
    settings say so); a dash where there is no value."""
    return significance(row.statistics.vs_kent_shown) if row.value is not None else DASH


def vs_kent_tip(row: FareRow) -> str | None:
    stats = row.statistics
    if row.value is None:
        return None
    if stats.ci95 is None:
        return "Not compared: no confidence interval (no count and denominator, nor stated limits)"
    if row.kent_value is None:
        return "Not compared: no figure for Kent"
    source = " (worked out from the 12 districts)" if stats.kent_value_source == "computed" else ""
    other = ("95 %", stats.vs_kent) if stats.at_998 else ("99.8 %", stats.vs_kent_998)
    lines = [f"95 % interval {interval(stats.ci95)}; 99.8 % interval {interval(stats.ci998)}; "
             f"Kent {kent(row)}{source}", f"At {other[0]}: {significance(other[1])}"]
    if stats.vs_england is not None:
        lines.append(f"Against England ({figure(stats.england)}): {significance(stats.vs_england)}")
    return "\n".join(lines)


def interval(found) -> str:
    """ "68.0 to 73.6"; a dash without one."""
    if found is None:
        return DASH
    return f"{format_number(round(found.low, 1), 1)} to {format_number(round(found.high, 1), 1)}"


def rank_and_quartile(row: FareRow) -> str:
    """ "6 of 12 · Q2": the rank with its quartile beside it; else as `rank` says."""
    if row.rank and row.statistics.quartile:
        return f"{rank(row)} · Q{row.statistics.quartile}"
    return rank(row)


def quartile(row: FareRow) -> str:
    """ "Q1" (the best quarter of the districts) to "Q4"; a dash where there is no rank."""
    return f"Q{row.statistics.quartile}" if row.statistics.quartile else DASH


def trend(row: FareRow) -> str:
    """The tested recent trend: "No significant change", "Could not be calculated (no intervals)"."""
    found = row.statistics.trend
    return found.shown if found is not None else DASH


def assurance(row: FareRow) -> str:
    """ "worse than target, beyond the margin of error"; empty without an interval or target."""
    return row.statistics.target_assurance or ""


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
