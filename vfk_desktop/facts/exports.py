"""What the exports hold: the KA2 return's rows, the county's rows by indicator, each district's
High priority reds, and every stored record with its provenance. Every status, rank, best, worst and
direction is the fare table's own row (`facts.fare`); the writers only lay them out."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from vfk_desktop.domain.codes import code_sort_key, parent_code
from vfk_desktop.domain.fare import IndicatorFacts, assess, placement, status_counts
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.model import Priority, Rag
from vfk_desktop.domain.periods import Period, period_of_label
from vfk_desktop.facts.fare import band_counts, fare_table, priority_of, ranking_of
from vfk_desktop.facts.figures import figures, with_parent_defaults
from vfk_desktop.facts.records import (
    CountyFacts,
    CountyRow,
    DataRecord,
    DistrictReds,
    ImportFacts,
    ReturnFacts,
    ReturnRow,
    Source,
)
from vfk_desktop.store import queries
from vfk_desktop.store.accountability import latest_comments
from vfk_desktop.store.actions import actions
from vfk_desktop.store.connection import Store
from vfk_desktop.store.sample_flag import has_sample

KIND_ORDER = {"value": 0, "target": 1, "best": 2, "worst": 3, "priority": 4, "commentary": 5}


def source(store: Store) -> Source:
    return Source(store.path.name, has_sample(store))


def return_facts(store: Store, locality: str, period: Period | None = None) -> ReturnFacts:
    """A district's KA2 return or fare CSV, gathered once."""
    rows = return_rows(store, locality, period)
    return ReturnFacts(
        locality=locality, period=period, rows=tuple(rows),
        band_counts=band_counts(store, locality, period),
        records=data_records(store, [locality], kent_codes={r.fare.code for r in rows}),
        catalogue=queries.catalogue(store), imports=import_facts(store), source=source(store),
        actions=tuple(actions(store, locality)))


def county_facts(store: Store, period: Period | None = None) -> CountyFacts:
    """The county workbook, gathered once."""
    return CountyFacts(
        period=period, districts=tuple(queries.districts(store)), rows=county_rows(store, period),
        reds=high_priority_reds(store, period), records=data_records(store),
        catalogue=queries.catalogue(store), imports=import_facts(store),
        theme_order=queries.theme_order(store), source=source(store))


def data_records(store: Store, areas: list[str] | None = None,
                 kent_codes: AbstractSet[str] = frozenset()) -> list[DataRecord]:
    """Every record of areas (all places when None), in place, indicator, time and kind order.

    With areas, Kent's records come too for every indicator those areas have a record of, and
    for kent_codes: the Kent figures, targets, best and worst the areas are compared with.
    """
    places = None if areas is None else set(areas)
    every = [DataRecord(*row) for row in queries.stored_records(store)]
    if places is None:
        found = every
    else:
        found = [r for r in every if r.area in places]
        compared = {r.code for r in found} | set(kent_codes)
        if KENT not in places:
            found += [r for r in every if r.area == KENT and r.code in compared
                      and r.kind not in ("priority", "commentary")]
    positions = queries.area_positions(store)
    codes = {code: code_sort_key(code) for code in {r.code for r in found}}
    periods = {label: period_of_label(label).sort_key for label in {r.period for r in found}}
    found.sort(key=lambda r: (positions[r.area], codes[r.code], periods[r.period], KIND_ORDER[r.kind]))
    return found


def import_facts(store: Store) -> dict[int, ImportFacts]:
    """When, by whom and how (import, sample, edit) each import was recorded."""
    return {import_id: ImportFacts(at[:10], user, kind)
            for import_id, at, user, kind in queries.import_log(store)}


def return_rows(store: Store, locality: str, period: Period | None = None) -> list[ReturnRow]:
    """Every KA2 indicator (and every other the locality has a figure for), by theme and code."""
    rows = fare_table(store, locality, period)
    listed = {row.code for row in rows} | {parent_code(row.code) for row in rows}
    indicators = queries.catalogue(store)
    ranked = queries.rankings(store, locality, period)
    rows += [assess(IndicatorFacts(indicators[code], locality)) for code in queries.ka2_codes(store)
             if code not in listed]
    comments = queries.commentary(store, locality)
    authors = latest_comments(store, locality)
    newest_round = max((r.round for r in ranked.values()), default=None)
    order = queries.theme_order(store)
    rows.sort(key=lambda r: (order.get(r.theme or "", len(order) + 1), code_sort_key(r.code)))
    result = []
    for row in rows:
        ranking = ranking_of(ranked, row.code)
        label = row.period.label if row.period else None
        comment = authors.get((row.code, label)) if label else None
        result.append(ReturnRow(
            row, ranking.round if ranking else newest_round or row.period,
            comments.get((row.code, label)) if label else None,
            f"{comment.author}, {(comment.at or '')[:10]}" if comment and comment.author else None))
    return result


def county_rows(store: Store, period: Period | None = None) -> list[CountyRow]:
    """Every indicator some district has a value for, at the period each district's own fare table
    compares it (default: its newest comparable period)."""
    found = figures(store)
    names = found.districts
    ranked = {name: queries.rankings(store, name, period) for name in names}
    result = []
    for code in sorted(found.spread, key=code_sort_key):
        if code not in found.catalogue:
            continue
        chosen = _county_period(found.facts(names[0], code), period)
        if chosen is None:
            continue
        indicator = with_parent_defaults(found.catalogue, code)
        rows = {}
        for name in names:
            rows[name] = assess(found.facts(name, code, priority_of(ranked[name], code)), chosen,
                                exact=True)
        result.append(CountyRow(indicator, chosen, rows))
    return result


def _county_period(facts: IndicatorFacts, period: Period | None) -> Period | None:
    """Where the districts are set side by side: the comparable period, else the newest with any
    district's value (no rank is given there)."""
    place = placement(facts, period)
    if place.comparable or period is not None:
        return place.period if place.period in facts.districts else None
    return max(facts.districts, default=None)


def high_priority_reds(store: Store, period: Period | None = None) -> list[DistrictReds]:
    result = []
    for name in queries.districts(store):
        high = [row for row in fare_table(store, name, period) if row.priority is Priority.HIGH]
        counts = status_counts(high).get(Priority.HIGH, {})
        ranked_high = band_counts(store, name, period)[Priority.HIGH]  # NI 120 counts once
        result.append(DistrictReds(name, ranked_high, counts, [r for r in high if r.rag is Rag.RED]))
    return result
