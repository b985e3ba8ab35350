"""The KA2 return a district sends the county: a cover, the Return sheet for people, the Data sheet.

The Return sheet lists every KA2 indicator by theme with its priority (a drop-down the district can
change in Excel), period, value, Kent target, status, RAG, direction, Kent figure, best, worst, rank,
quartile, whether it differs from Kent allowing for chance, its 95 % interval, its tested recent
trend and commentary; it prints landscape, one page wide, its heading on every page. `vfk import` reads the
Data sheet back, and the priorities and comments as edited on the Return sheet.
"""

from __future__ import annotations

from pathlib import Path

from vfk_desktop import present
from vfk_desktop.facts.records import ReturnFacts, ReturnRow, latest_of
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.actions_sheet import write_actions
from vfk_desktop.io.writers.book import Book, figure, print_setup, row_height, text, whole_numbers
from vfk_desktop.io.writers.cover import Cover, cover_for, write_cover
from vfk_desktop.io.writers.data_sheet import finish
from vfk_desktop.io.writers.output import (
    Cancelled,
    Progress,
    check_suffix,
    replacing,
)
from vfk_desktop.palette import direction_label, rag_label

WIDTHS = dict(zip(layout.RETURN_HEADERS, (19, 8, 40, 9, 9, 9, 10, 10, 10, 9, 16, 10, 13, 10, 10, 10,
                                          6, 5, 8, 11, 15, 26, 44, 16, 28), strict=True))
HEADER_ROW = 3
STATUS_WORDS = {"better": "Better than target", "met": "Met target", "worse": "Worse than target"}


def status_text(row) -> str:
    """Better, met or worse than target; else why there is no status."""
    if row.vs_target is not None:
        return STATUS_WORDS[row.vs_target.value]
    if row.value is None:
        return "No data"
    return "No target" if row.kent_target is None else "No polarity"


def write_ka2_return(facts: ReturnFacts, path: Path, progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> tuple[int, int]:
    """Write the district's KA2 return to path (.xlsx); returns (indicators, rows of data)."""
    path = Path(path)
    check_suffix(path, (".xlsx",), "a KA2 return")
    locality, rows, records = facts.locality, list(facts.rows), facts.records
    cover = _cover(facts)
    with replacing(path) as temporary:
        book = Book(temporary)
        write_cover(book, cover, layout.COVER_SHEET)
        _return_sheet(book, locality, rows, cover)
        write_actions(book, locality, facts.actions, cover.stamp)
        finish(book, path, records, facts.catalogue, facts.imports, progress, cancelled,
               cover.stamp, 0.95, title=f"KA2 return: {locality}", subject=layout.KA2_RETURN,
               keywords=f"Vision for Kent, KA2, {locality}",
               custom={layout.MADE_BY: layout.KA2_RETURN, layout.LOCALITY: locality,
                       layout.DATA_SHEET_NAME: layout.DATA_SHEET,
                       layout.RETURN_SHEET_NAME: layout.RETURN_SHEET,
                       layout.ACTIONS_SHEET_NAME: layout.ACTIONS_SHEET})
    return len(rows), len(records)


def _cover(facts: ReturnFacts) -> Cover:
    locality, period = facts.locality, facts.period
    rows = facts.rows
    periods = latest_of([r.fare for r in rows])
    bands = {band.value: count for band, count in facts.band_counts.items()}
    return cover_for(facts.source, f"KA2 return: {locality}", [
        ("Locality", locality),
        ("Period", period.label if period else
         f"each indicator's newest comparable period: {', '.join(periods)}" if periods else "none"),
        ("Indicators", f"{len(rows)}; ranked {bands['High']} High, {bands['Medium']} Medium, "
                       f"{bands['Low']} Low priority"),
    ], [
        "Return: one row per indicator, grouped by theme. Priority can be changed with its "
        "drop-down and Commentary typed in; `vfk import` (or File → Import in vfk_desktop) reads "
        "both back. The figures come from the Data sheet.",
        "Data: every figure, ranking and comment behind the return, one per row, with the file, "
        "sheet and cell it came from.",
    ])


def _return_sheet(book: Book, locality: str, rows: list[ReturnRow], cover: Cover) -> None:
    sheet = book.sheet(layout.RETURN_SHEET)
    for column, heading in enumerate(layout.RETURN_HEADERS):
        sheet.set_column(column, column, WIDTHS[heading])
    title = f"KA2 return: {locality}"
    text(sheet, 0, 0, title, book.title)
    text(sheet, 1, 0, f"How does {locality} fare in Kent? Every KA2 indicator by theme; {cover.stamp}.",
         book.subtitle)
    sheet.set_row(HEADER_ROW, 30)
    for column, heading in enumerate(layout.RETURN_HEADERS):
        text(sheet, HEADER_ROW, column, heading, book.header)
    previous_theme = None
    for row_index, row in enumerate(rows, HEADER_ROW + 1):
        _return_row(book, sheet, row_index, row, row.fare.theme != previous_theme)
        previous_theme = row.fare.theme
    last = HEADER_ROW + max(len(rows), 1)
    sheet.freeze_panes(HEADER_ROW + 1, 3)
    sheet.autofilter(HEADER_ROW, 0, last, len(layout.RETURN_HEADERS) - 1)
    sheet.data_validation(HEADER_ROW + 1, layout.RETURN_PRIORITY, last, layout.RETURN_PRIORITY, {
        "validate": "list", "source": ["High", "Medium", "Low"],
        "input_title": "Priority", "input_message": "High, Medium or Low (or leave blank).",
        "error_title": "Priority", "error_message": "Choose High, Medium or Low from the list.",
    })
    print_setup(sheet, title, HEADER_ROW, cover.stamp)
    sheet.print_area(0, 0, last, len(layout.RETURN_HEADERS) - 1)


def _return_row(book: Book, sheet, index: int, item: ReturnRow, new_theme: bool) -> None:
    row = item.fare
    unit = row.unit

    def plain(wrap: bool = False, align: str | None = None, rag=None):
        return book.cell(None, rag, wrap=wrap, align=align, top=new_theme)

    figures = (row.value, row.kent_target, row.kent_value, row.kent_best, row.kent_worst)
    numbers = book.figures(unit, whole_numbers(*figures), top=new_theme)
    counts = book.cell("count", top=new_theme, align="center")
    sheet.set_row(index, row_height([(row.theme, WIDTHS["Theme"]), (row.title, WIDTHS["Indicator"]),
                                     (item.commentary, WIDTHS["Commentary"])]))
    cells = (
        (row.theme, plain(wrap=True)), (row.code, plain()), (row.title, plain(wrap=True)),
        (row.priority.value if row.priority else None, plain(align="center")),
        (item.ranking_period.label if item.ranking_period else None, plain(align="center")),
        (row.period.label if row.period else None, plain(align="center")),
    )
    for column, (value, cell_format) in enumerate(cells):
        text(sheet, index, column, value, cell_format)
    figure(sheet, index, 6, row.value, row.value_text, numbers)
    text(sheet, index, 7, unit, plain())
    figure(sheet, index, 8, row.kent_target, row.kent_target_text, numbers)
    text(sheet, index, 9, row.target_period.label if row.target_period else None, plain(align="center"))
    text(sheet, index, 10, status_text(row), plain())
    text(sheet, index, 11, rag_label(row.rag) if row.rag else None, plain(rag=row.rag))
    text(sheet, index, 12, direction_label(row.direction) or None, plain())
    for column, value in ((13, row.kent_value), (14, row.kent_best), (15, row.kent_worst)):
        figure(sheet, index, column, value, None, numbers)
    figure(sheet, index, 16, row.rank, None, counts)
    figure(sheet, index, 17, row.of, None, counts)
    figure(sheet, index, 18, row.statistics.quartile, None, counts)
    honest = (present.vs_kent_significance(row), present.interval(row.statistics.ci95),
              present.trend(row))
    for column, words in enumerate(honest, 19):
        text(sheet, index, column, None if words == present.DASH else words, plain(wrap=column == 21))
    text(sheet, index, layout.RETURN_COMMENTARY, item.commentary, plain(wrap=True))
    text(sheet, index, layout.RETURN_COMMENTARY + 1, item.commented_by, plain(wrap=True))
    text(sheet, index, layout.RETURN_COMMENTARY + 2, row.lead, plain(wrap=True))
