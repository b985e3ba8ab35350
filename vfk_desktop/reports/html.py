"""The Board pack written as the HTML subset QTextDocument lays out (no Qt needed to write it).

Tables put their band heading and column names in <thead>, which Qt repeats on every page a table
runs onto; status cells carry a tint, a shape and a word, so a black-and-white print still reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape

from vfk_desktop import __version__, present
from vfk_desktop.domain.fare import FareRow, indicator_count
from vfk_desktop.domain.illustrative import ILLUSTRATIVE
from vfk_desktop.domain.model import Priority
from vfk_desktop.palette import RAG_TINT
from vfk_desktop.reports.pack import SECTION_TITLES, BoardPack, ChartRequest, worse_high_priorities
from vfk_desktop.reports.summary import (
    LOW_BELOW_KENT,
    exceptions,
    low_below_kent,
    no_data_line,
    shown_rows,
    slide_headings,
    slide_values,
)

BANDS = (Priority.HIGH, Priority.MEDIUM, Priority.LOW, None)
STYLE = """
body { font-size: 9pt; }
h1 { font-size: 16pt; font-weight: 600; margin-top: 0; margin-bottom: 6px; }
h2 { font-size: 12pt; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }
p { margin-top: 0; margin-bottom: 6px; }
table { border-collapse: collapse; margin-bottom: 10px; }
th { background-color: #E6E6E6; font-weight: 600; text-align: left; }
th.band { background-color: #FFFFFF; font-size: 11pt; text-align: left; }
td.theme { background-color: #F2F2F2; font-weight: 600; }
td.num, th.num { text-align: right; }
td.nw, th.nw, td.num, th.num { white-space: nowrap; }
table.fare { font-size: 8pt; }
p.note { background-color: #FFF4D6; }
p.caption { font-size: 8pt; color: #404040; }
p.nodata { font-style: italic; }
td.about { font-weight: 600; }
"""


def chart_url(chart: ChartRequest) -> str:
    return f"chart:{chart.kind}:{chart.code or 'all'}"


def pack_html(pack: BoardPack, tables: Tables, has_chart: Callable[[ChartRequest], bool] = lambda _: False,
              chart_width: int = 640) -> str:
    """The whole pack; has_chart says which charts have an image ready under chart_url()."""
    parts = [f"<html><head><style>{STYLE}</style></head><body>", _cover(pack, tables)]
    writers = {"rankings": _rankings, "local": _local_priorities, "fare": _fare_tables,
               "changes": _changes, "reds": _reds, "commentary": _commentary, "actions": _actions}
    for section in pack.sections:
        if section == "charts":
            parts.append(_charts(pack, tables, has_chart, chart_width))
        else:
            parts.append(writers[section](pack, tables))
    parts.append("</body></html>")
    return "".join(parts)


def section_title(pack: BoardPack, section: str) -> str:
    return SECTION_TITLES[section].format(locality=pack.locality)


def _heading(pack: BoardPack, tables: Tables, section: str, new_page: bool = True) -> str:
    return tables.heading(section_title(pack, section), 1, new_page)


def _cover(pack: BoardPack, tables: Tables) -> str:
    contents = "".join(f"<li>{escape(section_title(pack, s))}</li>" for s in pack.sections)
    note = f'<p class="note">{escape(ILLUSTRATIVE)}</p>' if pack.illustrative else ""
    if pack.publication:
        note += f'<p class="note">{escape(pack.publication)}</p>'
    summary = tables.table((("At a glance", "", 30), ("", "", 70)), None,
                           [f'<tr><td class="about">{escape(e.about)}</td><td>{escape(e.text)}</td></tr>'
                            for e in exceptions(pack)])
    return (
        '<p style="font-size: 11pt; margin-top: 40px;">Vision for Kent 2011-2021 · Locality Board</p>'
        f'<p style="font-size: 26pt; font-weight: 600;">{escape(pack.locality)}</p>'
        f'<p style="font-size: 16pt;">How does {escape(pack.locality)} fare in Kent?</p>'
        f"<p>Figures: {escape(pack.period_words)}"
        + (f" · Priorities ranked {escape(pack.ranking_round.label)}" if pack.ranking_round else "") + "</p>"
        f"<p>Prepared {pack.made.day} {pack.made:%B %Y} with vfk_desktop {__version__}<br/>"
        f"From {escape(str(pack.database))}</p>{note}"
        + summary
        + tables.heading("Contents", 2) + f"<ul>{contents}</ul>"
    )


@dataclass
class Tables:
    """The tables of one pack, and the rows where a table must start again on a new page.

    Qt splits a tall table row across two pages; printing asks where that happens and breaks the
    table before such a row instead (see printing.keep_rows_whole). `placed` lists, for each table
    written, (its number in the pack, its first row), in document order.
    """

    breaks: frozenset[tuple[int, int]] = frozenset()
    placed: list[tuple[int, int]] = field(default_factory=list)
    count: int = 0
    heading_breaks: frozenset[int] = frozenset()  # headings that must start a page (not end one)
    headings: int = 0

    def heading(self, text: str, level: int, new_page: bool = False) -> str:
        """<h1>/<h2>; printing moves one that would sit at a page's foot onto the next page."""
        number, self.headings = self.headings, self.headings + 1
        brk = ' style="page-break-before: always"' if new_page or number in self.heading_breaks else ""
        return f"<h{level}{brk}>{escape(text)}</h{level}>"

    def table(self, columns: Iterable[tuple[str, str, int]], band: str | None, rows: list[str],
              css: str = "") -> str:
        """columns: (heading, css class, width % or 0 to fit); band: a heading row repeated on every page."""
        number, self.count = self.count, self.count + 1
        columns = list(columns)
        head = "".join(f'<th class="{cls}"{_width(width)}>{escape(name)}</th>'
                       for name, cls, width in columns)
        starts = [0, *sorted(r for t, r in self.breaks
                             if t == number and 0 < r < len(rows))]
        out = []
        for part, (first, end) in enumerate(zip(starts, [*starts[1:], len(rows)], strict=True)):
            self.placed.append((number, first))
            band_row = (f'<tr><th class="band" colspan="{len(columns)}">{escape(band)}</th></tr>'
                        if band else "")
            brk = ' style="page-break-before: always;"' if part else ""
            out.append(f'<table class="{css}" width="100%" border="1" cellspacing="0" cellpadding="3"{brk}>'
                       f"<thead>{band_row}<tr>{head}</tr></thead>{''.join(rows[first:end])}</table>")
        return "".join(out)


def _width(percent: int) -> str:
    return f' width="{percent}%"' if percent else ""


def _theme_row(theme: str | None, span: int) -> str:
    return f'<tr><td class="theme" colspan="{span}">{escape(theme or "No theme")}</td></tr>'


def _grouped(rows, span: int, cells: Callable) -> list[str]:
    out, theme = [], object()
    for row in rows:
        if row.theme != theme:
            theme = row.theme
            out.append(_theme_row(theme, span))
        out.append("<tr>" + cells(row) + "</tr>")
    return out


def _band_name(band: Priority | None, plural: str = "priority") -> str:
    return f"{band.value} {plural}" if band else "Not ranked"


def _rankings(pack: BoardPack, tables: Tables) -> str:
    round_ = f" ({escape(pack.ranking_round.label)})" if pack.ranking_round else ""
    parts = [_heading(pack, tables, "rankings"),
             f"<p>{escape(pack.locality)}'s ranking of the KA2 indicators{round_}: "
             + " · ".join(f"{b.value} {sum(r.priority is b for r in pack.rankings)}" for b in Priority)
             + "</p>"]
    for band in Priority:
        rows = [r for r in pack.rankings if r.priority is band]
        if rows:
            body = _grouped(rows, 2, lambda r: f"<td>{escape(r.code)}</td><td>{escape(r.title)}</td>")
            parts.append(tables.table((("Code", "", 12), ("Indicator", "", 88)),
                                f"{_band_name(band)} ({len(rows)})", body))
    if not pack.rankings:
        parts.append(f"<p>{escape(pack.locality)} has no priority ranking yet.</p>")
    return "".join(parts)


def _local_priorities(pack: BoardPack, tables: Tables) -> str:
    parts = [_heading(pack, tables, "local", new_page="rankings" not in pack.sections)]
    if not pack.local_priorities:
        return parts[0] + f"<p>No local priorities are recorded for {escape(pack.locality)}.</p>"
    body = [f'<tr><td class="num">{p.position}</td><td>{escape(p.title)}</td>'
            f"<td>{escape('; '.join(p.ambitions))}</td><td>{escape(', '.join(p.indicators))}</td>"
            f"<td>{escape(p.statuses)}</td></tr>"
            for p in pack.local_priorities]
    parts.append(tables.table((("#", "num", 4), ("Priority", "", 30), ("Ambitions it serves", "", 22),
                               ("Evidenced by", "", 22), ("Statuses", "", 22)), None, body))
    return "".join(parts)


FARE_COLUMNS = (("Code", "nw", 6), ("Indicator", "", 27), ("Period", "nw", 6), ("Value", "num", 5),
                ("Target", "num", 5), ("Kent", "num", 5), ("vs Kent", "nw", 8), ("Best", "num", 5),
                ("Worst", "num", 5), ("Rank", "nw", 10), ("Status", "nw", 10), ("Direction", "nw", 8))


def status_cell(row: FareRow) -> str:
    tint = f' bgcolor="{RAG_TINT[row.rag]}"' if row.rag else ""
    return f'<td class="nw"{tint}>{_two_lines(present.status(row), " (", "<br/>(")}</td>'


def _two_lines(text: str, at: str, broken: str) -> str:
    """A cell's text broken once where it reads best ("● Green" / "(better)", "6 of 12 ·" / "Q2"): a
    table of twelve columns leaves the indicator's title no room when every cell keeps to one line.
    broken: the separator at, as it is written across the break ("<br/>" where it breaks)."""
    return escape(text).replace(escape(at), broken, 1)


def fare_cells(row: FareRow) -> str:
    def numbers(*shown: str) -> str:
        return "".join(f'<td class="num">{escape(n)}</td>' for n in shown)

    return (f'<td class="nw">{escape(row.code)}</td><td>{escape(row.title)}</td>'
            f'<td class="nw">{escape(present.period(row))}</td>'
            + numbers(present.value(row), present.target(row), present.kent(row))
            + f'<td class="nw">{_two_lines(present.vs_kent_significance(row), " c", "<br/>c")}</td>'
            + numbers(present.best(row), present.worst(row))
            + f'<td class="nw">{_two_lines(present.rank_and_quartile(row), " · ", " ·<br/>")}</td>'
            + status_cell(row) + f'<td class="nw">{escape(present.direction(row))}</td>')


def _fare_tables(pack: BoardPack, tables: Tables) -> str:
    shown = (f" As shown on screen: {len(pack.fare)} indicators, filtered and sorted as the Overview "
             "shows them." if pack.as_shown else "")
    parts = [_heading(pack, tables, "fare"),
             f"<p>{escape(pack.period_words)}. Rank 1 is the best of the districts "
             "with a value (Q1 the best quarter of them); status compares the value with the Kent "
             "target. vs Kent allows for chance: similar when Kent's figure lies inside the "
             f"district's 95 % confidence interval, not compared where there is no interval.{escape(shown)}"
             "</p>"]
    if pack.publication:
        parts.append(f"<p><i>{escape(pack.publication)}</i></p>")
    counts = [present.band_counts(f"{b.value} priorities", pack.counts[b])
              for b in Priority if b in pack.counts]
    if counts:
        parts.append(f"<p><b>{escape(' · '.join(counts))}</b></p>")
    for band in BANDS:
        rows, everything = shown_rows(pack, band), pack.band(band)
        size = pack.band_counts.get(band) if band else indicator_count(everything)
        if rows:
            body = ([f"<tr>{fare_cells(r)}</tr>" for r in rows] if pack.as_shown  # in the screen's order
                    else _grouped(rows, len(FARE_COLUMNS), fare_cells))
            parts.append(tables.table(FARE_COLUMNS, f"{_band_name(band, 'priorities')} ({size})", body,
                                      css="fare"))
        line = no_data_line(pack, band)
        if line:
            parts.append(f'<p class="nodata">{escape(line)}</p>')
    below = [] if pack.as_shown else low_below_kent(pack)
    if below:
        parts.append(tables.heading(LOW_BELOW_KENT, 2))
        parts.append(f"<p>{_count_words(len(below))} {escape(pack.locality)} ranks Low where its figure is "
                     "worse than Kent's as a whole.</p>")
        parts.append(tables.table(slide_columns(pack.locality), None,
                                  [f"<tr>{slide_cells(r)}</tr>" for r in below], css="fare"))
    newer = [f"{row.code}: {present.newer(row).removeprefix('Newer: ')}"
             for row in pack.fare if row.own_newer]
    if newer:
        parts.append(f"<p>Newer figures of {escape(pack.locality)}'s own, shown beside the comparison "
                     f"and not ranked until enough districts report: {escape('; '.join(newer))}.</p>")
    if not pack.fare:
        parts.append(f"<p>There are no figures for {escape(pack.locality)} yet.</p>")
    return "".join(parts)


def _count_words(n: int) -> str:
    return f"{n} indicator that" if n == 1 else f"{n} indicators that"


def slide_columns(locality: str) -> tuple[tuple[str, str, int], ...]:
    """The presentation's own columns (summary.slide_headings), with their widths."""
    widths = (("nw", 8), ("", 42), ("nw", 8), ("nw", 9), ("num", 9), ("num", 8), ("num", 8), ("num", 8))
    names = slide_headings(locality)
    return tuple((name, css, width) for name, (css, width) in zip(names, widths, strict=True))


def slide_cells(row: FareRow) -> str:
    texts = slide_values(row)
    return "".join(f'<td class="{"num" if i >= 4 else "nw" if i != 1 else ""}">{escape(t)}</td>'
                   for i, t in enumerate(texts))


def _changes(pack: BoardPack, tables: Tables) -> str:
    parts = [_heading(pack, tables, "changes", new_page=False)]
    if pack.since is None:
        return parts[0] + ("<p>No Board date is recorded for this district: record one (View → What changed "
                           "since the last Board…, or `vfk changes --record-board DATE`) to list what is "
                           "new since.</p>")
    if not pack.changes:
        return parts[0] + f"<p>Nothing has changed since {escape(pack.since)}.</p>"
    parts.append(f"<p>What is new or changed since {escape(pack.since)}.</p>")
    body = [f'<tr><td class="nw">{escape(c.code)}</td><td>{escape(c.title)}</td>'
            f"<td>{escape(c.what)}</td><td>{escape(c.before or '–')}</td><td>{escape(c.after or '–')}</td>"
            f"<td class=\"nw\">{escape(c.period or '–')}</td></tr>" for c in pack.changes]
    columns = (("Code", "nw", 8), ("Indicator", "", 38), ("What", "", 14), ("Before", "", 15),
               ("After", "", 15), ("Period", "nw", 10))
    parts.append(tables.table(columns, None, body, css="fare"))
    return "".join(parts)


def _charts(pack: BoardPack, tables: Tables, has_chart: Callable[[ChartRequest], bool], width: int) -> str:
    ready = [c for c in pack.charts if has_chart(c)]
    if not ready:
        return ""
    worse = [r.code for r in worse_high_priorities(pack.fare)]
    parts = [_heading(pack, tables, "charts"),
             "<p>Where the district sits between the Kent worst and best, indicator by indicator (right is "
             "always better), then every High priority that is worse than target"
             + (f" ({escape(', '.join(worse))})" if worse else ": there are none") + ".</p>"]
    for chart in ready:
        if chart.kind != "map":
            parts.append(f'<p align="center"><img src="{chart_url(chart)}" width="{width}"/></p>'
                         f'<p class="caption" align="center">{escape(chart.caption)}</p>')
    maps = [c for c in ready if c.kind == "map"]
    for pair in (maps[i:i + 2] for i in range(0, len(maps), 2)):
        # two maps a row: each reads whole at half the width, and the pack keeps its pages
        images = "&nbsp;&nbsp;".join(f'<img src="{chart_url(c)}" width="{width * 48 // 100}"/>'
                                     for c in pair)
        codes = " and ".join(c.code or "" for c in pair)
        parts.append(f'<p align="center">{images}</p><p class="caption" align="center">Where the 12 '
                     f'districts lie in Kent: {escape(codes)}{" (left to right)" if len(pair) > 1 else ""}'
                     '</p>')
    return "".join(parts)


def _reds(pack: BoardPack, tables: Tables) -> str:
    parts = [_heading(pack, tables, "reds", new_page="charts" not in pack.sections)]
    if not pack.reds:
        return parts[0] + "<p>No PSB report of Reds is recorded.</p>"
    parts.append(f"<p>The indicators the Public Service Board reported red on {escape(pack.psb_date)}, "
                 f"set against {escape(pack.locality)}'s priorities.</p>"
                 f"<p><b>{escape(pack.reds_sentence)}</b></p>")
    body = [f"<tr><td>{escape(r.code)}</td><td>{escape(r.title)}</td>"
            f"<td>{escape(r.priority.value if r.priority else 'not ranked')}</td>"
            + (status_cell(r.row) if r.row else "<td>No data</td>") + "</tr>"
            for r in pack.reds]
    parts.append(tables.table((("Code", "", 9), ("Indicator", "", 51), (f"{pack.locality} priority", "", 18),
                               (f"{pack.locality} status", "", 22)), None, body))
    return "".join(parts)


def _commentary(pack: BoardPack, tables: Tables) -> str:
    parts = [_heading(pack, tables, "commentary", new_page="reds" not in pack.sections)]
    if not pack.commentary:
        return parts[0] + "<p>No commentary is recorded for these periods.</p>"
    for row, text in pack.commentary:
        parts.append(f"<p><b>{escape(row.code)} {escape(row.title)}</b> ({escape(present.period(row))}, "
                     f"{escape(present.status(row))})<br/>{escape(text)}</p>")
    return "".join(parts)


def _actions(pack: BoardPack, tables: Tables) -> str:
    """Who is doing what about the reds: the unanswered High priorities, the leads, the actions."""
    parts = [_heading(pack, tables, "actions")]
    if pack.unanswered:
        parts.append(f"<p><b>High priorities worse than target with no open action: "
                     f"{escape(', '.join(pack.unanswered))}.</b></p>")
    else:
        parts.append("<p>Every High priority worse than target has an open action.</p>")
    if pack.leads:
        body = [f"<tr><td>{escape(row.code)} {escape(row.title)}</td>{status_cell(row)}"
                f"<td>{escape(lead)}</td></tr>" for row, lead in pack.leads]
        parts.append(tables.table((("High priority", "", 52), ("Status", "nw", 14),
                                   ("Lead (partner) · working group", "", 34)),
                                  "High priorities worse than target", body))
    if not pack.actions:
        return "".join(parts) + f"<p>No actions are recorded for {escape(pack.locality)}.</p>"
    body = []
    for action in pack.actions:
        note = action.latest_note()
        body.append(f"<tr><td>{escape(action.title)}</td><td>{escape(action.owner)}</td>"
                    f"<td>{action.due.isoformat() if action.due else ''}</td>"
                    f"<td>{escape(action.shown_status(pack.made))}</td>"
                    f"<td>{escape(', '.join(action.indicators))}</td>"
                    f"<td>{escape(f'{note.at[:10]} {note.author}: {note.text}' if note else '')}</td></tr>")
    parts.append(tables.table((("Action", "", 26), ("Owner", "", 14), ("Due", "nw", 9), ("Status", "nw", 9),
                               ("Indicators", "", 12), ("Latest note", "", 30)), "Actions", body))
    return "".join(parts)
