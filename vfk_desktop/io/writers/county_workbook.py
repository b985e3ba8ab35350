"""The county workbook: all 12 districts side by side.

A cover; each district's reds on its High priorities; a sheet per theme with the districts across
the top (each value tinted and marked by its status against the Kent target) beside Kent, the Kent
target, best and worst; and the Data sheet of every stored record, which `vfk import` reads back.
"""

from __future__ import annotations

from pathlib import Path

from vfk_desktop import present
from vfk_desktop.domain.model import Rag
from vfk_desktop.facts.records import CountyFacts, CountyRow, DistrictReds
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.book import (
    Book,
    figure,
    print_setup,
    row_height,
    sheet_name,
    text,
    whole_numbers,
)
from vfk_desktop.io.writers.cover import Cover, cover_for, write_cover
from vfk_desktop.io.writers.data_sheet import finish
from vfk_desktop.io.writers.output import (
    Cancelled,
    Progress,
    check_suffix,
    replacing,
)
from vfk_desktop.palette import RAG_SYMBOL

LARGE = 50_000  # records above which rows are written out as they go (memory stays flat)
OTHER_THEME = "Other indicators"
AFTER_DISTRICTS = ("Kent", "Kent target", "Target period", "Kent best", "Kent worst", "Kent figure from",
                   "vs Kent (95% interval)")
KENT_SOURCES = {"stated": "as stated", "computed": "worked out from the 12 districts"}
RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, None)


def write_county_workbook(facts: CountyFacts, path: Path, progress: Progress | None = None,
                          cancelled: Cancelled | None = None) -> tuple[int, int]:
    """Write the county workbook to path (.xlsx); returns (indicators, rows of data)."""
    path = Path(path)
    check_suffix(path, (".xlsx",), "the county workbook")
    period, rows, reds, records = facts.period, facts.rows, facts.reds, facts.records
    names = list(facts.districts)
    periods = sorted({row.period for row in rows})
    cover = cover_for(facts.source, "Vision for Kent: the 12 districts", [
        ("Districts", ", ".join(names)),
        ("Period", period.label if period else
         "each indicator's newest period with district figures: "
         + (", ".join(p.label for p in periods) or "none")),
        ("Indicators", f"{len(rows)} with district figures"),
        ("Records", f"{len(records):,} figures, rankings and comments on the Data sheet"),
    ], [
        f"{layout.SUMMARY_SHEET}: each district's High priorities that are red against the Kent "
        "target, from its own fare table (each indicator at its latest period).",
        "A sheet per theme: the districts across the top; each value is tinted and marked by its "
        "status against the Kent target (● green: met or better, ▲ amber: just short, ■ red).",
        "Data: every figure, ranking and comment, one per row, with the file, sheet and cell it "
        "came from; `vfk import` reads it back.",
    ])
    if progress:
        progress(0.15, "Writing the district sheets")
    with replacing(path) as temporary:
        book = Book(temporary, constant_memory=len(records) > LARGE)
        write_cover(book, cover, layout.COVER_SHEET)
        _reds_sheet(book, reds, cover)
        taken = {layout.COVER_SHEET, layout.SUMMARY_SHEET, layout.DATA_SHEET}
        order = facts.theme_order
        themes = sorted({row.indicator.theme for row in rows},
                        key=lambda t: order.get(t or "", len(order) + 1))
        for theme in themes:
            _theme_sheet(book, sheet_name(theme or OTHER_THEME, taken), theme or OTHER_THEME,
                         [r for r in rows if r.indicator.theme == theme], names, cover)
        finish(book, path, records, facts.catalogue, facts.imports, progress, cancelled,
               cover.stamp, 0.92, title="Vision for Kent: the 12 districts",
               subject=layout.COUNTY_WORKBOOK, keywords="Vision for Kent, KA2, districts",
               custom={layout.MADE_BY: layout.COUNTY_WORKBOOK, layout.DATA_SHEET_NAME: layout.DATA_SHEET})
    return len(rows), len(records)


def _reds_sheet(book: Book, reds: list[DistrictReds], cover: Cover) -> None:
    sheet = book.sheet(layout.SUMMARY_SHEET)
    title = "Reds on High priorities, by district"
    widths = (22, 9, 10, 10, 10, 10, 10, 10, 6, 5, 50)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    text(sheet, 0, 0, title, book.title)
    text(sheet, 1, 0, f"Each district's own High priorities and their status against the Kent target; "
                      f"{cover.stamp}.", book.subtitle)
    counts_header = ("District", "High priorities", "■ Red", "▲ Amber", "● Green", "No status")
    sheet.set_row(3, 30)
    for column, heading in enumerate(counts_header):
        text(sheet, 3, column, heading, book.header)
    plain, whole = book.cell(), book.cell("count", align="center")
    tints = {rag: book.cell("count", rag=rag, align="center") for rag in RAG_ORDER}
    for index, district in enumerate(reds, 4):
        text(sheet, index, 0, district.district, plain)
        figure(sheet, index, 1, district.high, None, whole)
        for column, rag in enumerate(RAG_ORDER, 2):
            count = district.counts.get(rag, 0)
            figure(sheet, index, column, count, None, tints[rag] if count and rag else whole)
    start = 4 + len(reds) + 2
    text(sheet, start - 1, 0, "Red High priorities", book.bold)
    listing = ("District", "Code", "Period", "Value", "Kent target", "Kent figure", "Kent best",
               "Kent worst", "Rank", "Of", "Indicator")
    for column, heading in enumerate(listing):
        text(sheet, start, column, heading, book.header)
    row_index = start
    for district in reds:
        for row in district.reds:
            row_index += 1
            whole_row = whole_numbers(row.value, row.kent_target, row.kent_value, row.kent_best,
                                      row.kent_worst)
            numbers = book.figures(row.unit, whole_row)
            sheet.set_row(row_index, row_height([(row.title, widths[-1])]))
            text(sheet, row_index, 0, district.district, plain)
            text(sheet, row_index, 1, row.code, plain)
            text(sheet, row_index, 2, row.period.label if row.period else None, plain)
            figure(sheet, row_index, 3, row.value, row.value_text,
                   book.cell(row.unit, Rag.RED, align="right", whole=whole_row, symbol=True))
            figure(sheet, row_index, 4, row.kent_target, row.kent_target_text, numbers)
            for column, value in ((5, row.kent_value), (6, row.kent_best), (7, row.kent_worst)):
                figure(sheet, row_index, column, value, None, numbers)
            figure(sheet, row_index, 8, row.rank, None, whole)
            figure(sheet, row_index, 9, row.of, None, whole)
            text(sheet, row_index, 10, row.title, book.cell(wrap=True))
    if row_index == start:
        text(sheet, start + 1, 0, "No district has a red High priority.", book.subtitle)
    sheet.freeze_panes(4, 1)
    print_setup(sheet, title, 3, cover.stamp)


def against_kent(row: CountyRow, names: list[str]) -> str | None:
    """The districts that differ from Kent beyond chance: "▲ Better: Ashford; ▼ Worse: Thanet"."""
    groups: dict[str, list[str]] = {}
    for district in names:
        found = row.districts[district].statistics.vs_kent
        if found is not None and found.value != "similar":
            groups.setdefault(present.significance(found), []).append(district)
    compared = sum(row.districts[d].statistics.vs_kent is not None for d in names)
    if not compared:
        return None
    parts = [f"{shown}: {', '.join(found)}" for shown, found in sorted(groups.items())]
    return "; ".join(parts) if parts else f"{present.SIGNIFICANCE_SHAPES['similar']}: all {compared} compared"


def _theme_sheet(book: Book, name: str, theme: str, rows: list[CountyRow], names: list[str],
                 cover: Cover) -> None:
    sheet = book.sheet(name)
    headings = ("Code", "Indicator", "Unit", "Period", *names, *AFTER_DISTRICTS)
    widths = (8, 40, 10, 9, *([11] * len(names)), 10, 10, 9, 10, 10, 16, 40)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    text(sheet, 0, 0, theme, book.title)
    text(sheet, 1, 0, "Each district's value at the period shown; tint and mark give its status "
                      f"against the Kent target ({RAG_SYMBOL[Rag.GREEN]} green, "
                      f"{RAG_SYMBOL[Rag.AMBER]} amber, {RAG_SYMBOL[Rag.RED]} red); {cover.stamp}.",
         book.subtitle)
    sheet.set_row(3, 30)
    for column, heading in enumerate(headings):
        text(sheet, 3, column, heading, book.header)
    plain, wrap = book.cell(), book.cell(wrap=True)
    first = 4
    for index, row in enumerate(rows, 4):
        county = row.county
        unit = row.indicator.unit
        shown = [fare.value for fare in row.districts.values()]
        whole = whole_numbers(*shown, county.kent_value, county.kent_target, county.kent_best,
                              county.kent_worst)
        sheet.set_row(index, row_height([(row.indicator.title, widths[1])]))
        text(sheet, index, 0, row.indicator.code, plain)
        text(sheet, index, 1, row.indicator.title, wrap)
        text(sheet, index, 2, unit, plain)
        text(sheet, index, 3, row.period.label, book.cell(align="center"))
        for column, district in enumerate(names, first):
            fare = row.districts[district]
            figure(sheet, index, column, fare.value, fare.value_text,
                   book.cell(unit, fare.rag, symbol=True, align="right", whole=whole))
        after = first + len(names)
        numbers = book.figures(unit, whole)
        figure(sheet, index, after, county.kent_value, None, numbers)
        figure(sheet, index, after + 1, county.kent_target, county.kent_target_text, numbers)
        text(sheet, index, after + 2, county.target_period.label if county.target_period else None,
             book.cell(align="center"))
        figure(sheet, index, after + 3, county.kent_best, None, numbers)
        figure(sheet, index, after + 4, county.kent_worst, None, numbers)
        text(sheet, index, after + 5, KENT_SOURCES.get(county.statistics.kent_value_source or ""),
             wrap)
        text(sheet, index, after + 6, against_kent(row, names), wrap)
    last = 3 + max(len(rows), 1)
    sheet.freeze_panes(4, 2)
    sheet.autofilter(3, 0, last, len(headings) - 1)
    print_setup(sheet, theme, 3, cover.stamp)
