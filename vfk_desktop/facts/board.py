"""The Board pack's facts, gathered once: every table, chart and count of the pack comes from the
same fare table the window shows for the same district and period choice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from vfk_desktop.domain.actions import unanswered_reds
from vfk_desktop.domain.charts import DistrictsData, RangeData
from vfk_desktop.domain.fare import FareRow, status_counts
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.rollup import RollUp
from vfk_desktop.domain.tile_map import TileMapData
from vfk_desktop.facts.changes import changes_for_pack
from vfk_desktop.facts.charts import districts_data, range_data, tile_map_data
from vfk_desktop.facts.fare import band_counts, fare_table
from vfk_desktop.facts.reds import psb_reds
from vfk_desktop.facts.rollups import local_priority_rollups
from vfk_desktop.reports.pack import (
    SECTIONS,
    BoardPack,
    ChartRequest,
    LocalPriorityLine,
    RankedIndicator,
    worse_high_priorities,
)
from vfk_desktop.store import queries
from vfk_desktop.store.accountability import CommentVersion, latest_comments
from vfk_desktop.store.actions import actions
from vfk_desktop.store.connection import Store
from vfk_desktop.store.history import observations
from vfk_desktop.store.local_priorities import local_priorities
from vfk_desktop.store.sample_flag import has_sample


def build_pack(store: Store, locality: str, period: Period | None = None,
               sections: tuple[str, ...] = SECTIONS, *, all_rows: bool = False,
               only: list[str] | None = None) -> BoardPack:
    """Everything the Board pack shows for locality (a name the store knows) at period.

    all_rows: list indicators without data row by row (else one line per band names them).
    only: the codes a filtered, sorted view shows, in its order: the fare table prints just those.
    """
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown report sections {unknown}")
    fare = fare_table(store, locality, period)
    if only is not None:
        by_code = {row.code: row for row in fare}
        fare = [by_code[code] for code in only if code in by_code]
        all_rows = True  # what is on screen, exactly
    since, changes = changes_for_pack(store, locality, period) if "changes" in sections else (None, ())
    ranked = queries.ranking_rows(store, locality, period)
    rollups = local_priority_rollups(store, locality, period)
    locals_ = tuple(LocalPriorityLine(p.position, p.title, p.ambition_names, p.indicators,
                                      _rolled(rollups.get(p.id) if p.id is not None else None))
                    for p in local_priorities(store, locality))
    planned = tuple(actions(store, locality))
    reds = psb_reds(store, locality, period)
    comments = queries.commentary(store, locality)
    signed = latest_comments(store, locality)
    commentary = tuple((row, _signed(comments[(row.code, row.period.label)],
                                     signed.get((row.code, row.period.label)))) for row in fare
                       if row.period and (row.code, row.period.label) in comments)
    charts = [ChartRequest("range", None, f"Where {locality} sits between the Kent worst and best")]
    worse = worse_high_priorities(fare)
    charts += [ChartRequest("districts", row.code, f"{row.code} {row.title}") for row in worse]
    charts += [ChartRequest("map", row.code, row.code) for row in worse]  # side by side, in pairs
    return BoardPack(
        locality=locality, period=period, made=date.today(), database=store.path.name,
        illustrative=has_sample(store),
        ranking_round=max((r.round for r in ranked), default=None),
        rankings=tuple(RankedIndicator(r.code, r.title, r.theme, r.priority) for r in ranked),
        local_priorities=locals_, fare=tuple(fare), counts=status_counts(fare),
        band_counts=band_counts(store, locality, period),
        psb_date=reds.date, reds=reds.reds, reds_sentence=reds.sentence, commentary=commentary,
        charts=tuple(charts),
        chart_data=_chart_data(store, locality, period, charts) if "charts" in sections else {},
        sections=tuple(sections), actions=planned, unanswered=tuple(unanswered_reds(fare, planned)),
        leads=tuple((row, row.lead or "nobody named") for row in worse_high_priorities(fare)),
        all_rows=all_rows, since=since, changes=tuple(changes), as_shown=only is not None,
        sources=_sources(store, locality, fare))


def _signed(text: str, version: CommentVersion | None) -> str:
    """The comment with who wrote it and when: "… (jsmith, 2026-12-02)"."""
    if version is None or not version.author:
        return text
    return f"{text} ({version.author}, {(version.at or '')[:10]})"


def _rolled(rollup: RollUp | None) -> str:
    if rollup is None:
        return ""
    return f"worst {rollup.worst.value}: {rollup.summary()}" if rollup.worst else rollup.summary()


def _chart_data(store: Store, locality: str, period: Period | None, charts: list[ChartRequest]
                ) -> dict[ChartRequest, RangeData | DistrictsData | TileMapData]:
    found: dict[ChartRequest, RangeData | DistrictsData | TileMapData] = {}
    for chart in charts:
        data: RangeData | DistrictsData | TileMapData | None
        if chart.kind == "range":
            data = range_data(store, locality, period)
            data = data if data is not None and data.rows else None
        elif chart.kind == "map":
            assert chart.code is not None
            data = tile_map_data(store, locality, chart.code, period)
        else:
            assert chart.code is not None  # a districts chart names its indicator
            data = districts_data(store, locality, chart.code, period)
        if data is not None:
            found[chart] = data
    return found


def _sources(store: Store, locality: str, fare: list[FareRow]) -> dict[str, str]:
    """Where each shown figure came from: the file's name and sheet (never a folder), or "typed by hand"."""
    shown = {(row.code, row.period.label) for row in fare if row.period}
    found = {}
    for seen in observations(store, area=locality, kind="value"):
        if (seen.code, seen.period.label) in shown:
            where = seen.provenance
            if where.kind == "edit":
                found[seen.code] = "typed by hand"
            elif where.file:
                found[seen.code] = Path(where.file).name + (f", sheet {where.sheet}" if where.sheet else "")
    return found
