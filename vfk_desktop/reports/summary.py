"""What every Board paper says first, worded once for the PDF, the Word paper and the slides: the
exceptions (High priorities worse than target, reds and ambers, best and worst in Kent, what changed),
the bands' rows with figures and the one line that names those without, and the presentation's
"Low priorities where performance is below the county average". No Qt here."""

from __future__ import annotations

from dataclasses import dataclass

from vfk_desktop import present
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Priority, Rag, Status
from vfk_desktop.reports.pack import BoardPack, worse_high_priorities

LOW_BELOW_KENT = "Low priorities where performance is below the county average"


@dataclass(frozen=True)
class GlanceLine:
    """One line of the cover's summary: what it is about, and the sentence."""

    about: str
    text: str


def has_data(row: FareRow) -> bool:
    return row.value is not None


def shown_rows(pack: BoardPack, band: Priority | None) -> list[FareRow]:
    """A band's rows as the paper lists them: every row when asked, else those with a figure."""
    rows = pack.band(band)
    return rows if pack.all_rows else [r for r in rows if has_data(r)]


def no_data_line(pack: BoardPack, band: Priority | None) -> str | None:
    """ "15 Low indicators have no data yet: NI 151, …" (None when all have data or all are listed)."""
    if pack.all_rows:
        return None
    codes = [r.code for r in pack.band(band) if not has_data(r)]
    if not codes:
        return None
    kind = f"{band.value} " if band else "unranked "
    noun = "indicator has" if len(codes) == 1 else "indicators have"
    return f"{len(codes)} {kind}{noun} no data yet: {', '.join(codes)}."


def low_below_kent(pack: BoardPack) -> list[FareRow]:
    """The presentation's slide 3: Low priorities whose value is worse than Kent's as a whole."""
    return [r for r in pack.band(Priority.LOW) if r.vs_kent is Status.WORSE]


def slide_headings(locality: str) -> tuple[str, ...]:
    """The columns of the presentation's "How does <district> fare in Kent?" tables."""
    return ("NI", "Indicator", "Priority", "Year", locality, "Kent target", "Kent best", "Kent worst")


def slide_values(row: FareRow) -> tuple[str, ...]:
    """A row as the presentation prints it: "NI 39", title, "H", "2008/09", "1,212", "1,212", …"""
    return (row.code, row.title, row.priority.letter if row.priority else "–", present.period(row),
            present.value(row), present.target(row), present.best(row), present.worst(row))


def against(row: FareRow) -> str:
    """ "NI 163 70.9 against a target of 75.6" — the figures an exception is about."""
    return f"{row.code} ({present.value(row)} against a target of {present.target(row)})"


def exceptions(pack: BoardPack) -> list[GlanceLine]:
    """The cover's summary, each line a sentence an officer can read aloud."""
    out = []
    worse = worse_high_priorities(pack.fare)
    out.append(GlanceLine("High priorities worse than target",
                          "; ".join(against(r) for r in worse) if worse else "none"))
    by_band = []
    for band in Priority:
        counts = pack.counts.get(band, {})
        parts = [f"{counts[rag]} {rag.value}" for rag in (Rag.RED, Rag.AMBER) if counts.get(rag)]
        by_band.append(f"{band.value}: {', '.join(parts) if parts else 'none'}")
    out.append(GlanceLine("Reds and ambers by band", " · ".join(by_band)))
    best = [r for r in pack.fare if r.rank == 1 and r.of]
    worst = [r for r in pack.fare if r.rank and r.of and r.rank == r.of and r.of > 1]
    out.append(GlanceLine("Best in Kent", ", ".join(r.code for r in best) if best else "none"))
    out.append(GlanceLine("Worst in Kent", ", ".join(f"{r.code} ({r.rank} of {r.of})" for r in worst)
                          if worst else "none"))
    if pack.since is not None:
        out.append(GlanceLine(f"Changed since {pack.since}", changes_sentence(pack)))
    return out


def changes_sentence(pack: BoardPack) -> str:
    if not pack.changes:
        return "nothing"
    kinds: dict[str, int] = {}
    for change in pack.changes:
        kinds[change.what] = kinds.get(change.what, 0) + 1
    return ", ".join(f"{n} {what}" for what, n in kinds.items())


def chart_alt_text(data) -> str:
    """A chart said in words from its own figures, for a screen reader (alt text of every picture)."""
    from vfk_desktop.domain.charts import DistrictsData, RangeData
    from vfk_desktop.domain.model import format_number

    if isinstance(data, DistrictsData):
        def said(bar) -> str:
            return format_number(bar.value) if bar.value is not None else bar.missing or "no figure"

        bars = "; ".join(f"{b.district} {said(b)}" for b in data.bars)
        lines = [f"Bar chart: {data.alt_text()}.", f"The 12 districts best first: {bars}."]
        if data.kent_target is not None:
            lines.append(f"Kent target {format_number(data.kent_target)}.")
        if data.kent_value is not None:
            lines.append(f"Kent as a whole {format_number(data.kent_value)}.")
        lines.append(f"{data.headline}.")
        return " ".join(lines)
    if isinstance(data, RangeData):
        rows = "; ".join(f"{r.code} {present.value(r.row)}, rank {present.rank(r.row)}, "
                         f"{present.status(r.row)}" for r in data.rows)
        return (f"Where {data.locality} sits between the Kent worst and best, indicator by indicator: "
                f"{rows}.")
    if hasattr(data, "alt_text"):  # the spine, funnel and map data say themselves
        return f"Map of the 12 districts: {data.alt_text()}" if type(data).__name__ == "TileMapData" \
            else data.alt_text()
    return "Chart"


def definitions(pack: BoardPack) -> list[tuple[str, str, str]]:
    """(indicator, polarity, source) for every indicator the paper shows a figure of."""
    seen, out = set(), []
    for row in pack.fare:
        if row.code in seen or (not pack.all_rows and not has_data(row)):
            continue
        seen.add(row.code)
        source = pack.sources.get(row.code, "not recorded")
        out.append((f"{row.code} {row.title}", present.polarity(row), source))
    return out
