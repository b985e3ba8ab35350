"""What the exports hold, gathered from the store: the KA2 return's rows, the county's rows by
indicator, each district's High priority reds, and every stored record with its provenance.

Every status, rank, best, worst and direction here is the domain's (`assess`, `fare_table`); the
writers only lay them out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from vfk_desktop.domain.codes import code_sort_key, parent_code
from vfk_desktop.domain.fare import FareRow, IndicatorFacts, StatedRange, assess, status_counts
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.model import Figure, Indicator, Priority, Rag
from vfk_desktop.domain.periods import Period, period_of_label
from vfk_desktop.store.connection import Store
from vfk_desktop.store.queries import (
    Ranking,
    _with_parent_defaults,
    area_ids,
    catalogue,
    districts,
    fare_table,
    ka2_codes,
    kent_facts,
    rankings,
    theme_order,
)

KIND_ORDER = {"value": 0, "target": 1, "best": 2, "worst": 3, "priority": 4, "commentary": 5}


class DataRecord(NamedTuple):
    """One stored figure, ranking or comment, as a row of the Data sheet."""

    area: str
    code: str
    period: str  # a ranking's round for kind "priority"
    kind: str  # value, target, best, worst, priority or commentary
    value: float | None
    text: str | None  # the figure as given ("N/a"), the priority, or the comment
    file: str | None
    sheet: str | None
    cell: str | None
    import_id: int | None


@dataclass(frozen=True)
class ImportFacts:
    at: str
    user: str
    kind: str


def data_records(store: Store, areas: list[str] | None = None,
                 kent_codes: set[str] = frozenset()) -> list[DataRecord]:
    """Every record of areas (all places when None), in place, indicator, time and kind order.

    With areas, Kent's records come too for every indicator those areas have a record of, and
    for kent_codes: the Kent figures, targets, best and worst the areas are compared with.
    """
    places = None if areas is None else set(areas)
    observations = [DataRecord(*row) for row in store.conn.execute(
        "SELECT a.name, o.indicator, o.period, o.kind, o.value, o.text, o.file, o.sheet, o.cell, "
        "o.import_id FROM observations o JOIN areas a ON a.id = o.area_id")]
    found = []
    for table, period_column, kind, text in (("rankings", "round", "'priority'", "priority"),
                                             ("commentary", "period", "'commentary'", "text")):
        found.extend(DataRecord(*row) for row in store.conn.execute(
            f"SELECT a.name, t.indicator, t.{period_column}, {kind}, NULL, t.{text}, t.file, t.sheet, "
            f"t.cell, t.import_id FROM {table} t JOIN areas a ON a.id = t.area_id")
            if places is None or row[0] in places)
    if places is None:
        found += observations
    else:
        found += [r for r in observations if r.area in places]
        compared = {r.code for r in found} | set(kent_codes)
        found += [r for r in observations if r.area == KENT and r.code in compared and KENT not in places]
    positions = dict(store.conn.execute("SELECT name, position FROM areas"))
    codes = {code: code_sort_key(code) for code in {r.code for r in found}}
    periods = {label: period_of_label(label).sort_key for label in {r.period for r in found}}
    found.sort(key=lambda r: (positions[r.area], codes[r.code], periods[r.period], KIND_ORDER[r.kind]))
    return found


def import_facts(store: Store) -> dict[int, ImportFacts]:
    """When, by whom and how (import, sample, edit) each import was recorded."""
    return {import_id: ImportFacts(at[:10], user, kind) for import_id, at, user, kind in
            store.conn.execute("SELECT id, at, user, kind FROM imports")}


@dataclass(frozen=True)
class ReturnRow:
    """One indicator of a KA2 return: its fare row, the ranking round of its priority, its comment."""

    fare: FareRow
    ranking_period: str | None
    commentary: str | None


def return_rows(store: Store, locality: str, period: Period | None = None) -> list[ReturnRow]:
    """Every KA2 indicator (and every other the locality has a figure for), by theme and code."""
    rows = fare_table(store, locality, period)
    listed = {row.code for row in rows} | {parent_code(row.code) for row in rows}
    indicators = catalogue(store)
    ranked = rankings(store, locality, period)
    rows += [assess(IndicatorFacts(indicators[code], locality)) for code in ka2_codes(store)
             if code not in listed]
    comments = {(code, label): text for code, label, text in store.conn.execute(
        "SELECT c.indicator, c.period, c.text FROM commentary c JOIN areas a ON a.id = c.area_id "
        "WHERE a.name = ?", (locality,))}
    newest_round = max((r.round for r in ranked.values()), default=None, key=period_of_label)
    order = theme_order(store)
    rows.sort(key=lambda r: (order.get(r.theme or "", len(order) + 1), code_sort_key(r.code)))
    result = []
    for row in rows:
        ranking = _ranking_of(ranked, row.code)
        label = row.period.label if row.period else None
        result.append(ReturnRow(
            row, ranking.round if ranking else newest_round or label,
            comments.get((row.code, label)) if label else None))
    return result


def _ranking_of(ranked: dict[str, Ranking], code: str) -> Ranking | None:
    """A sub-indicator ("NI 120f") shows its parent's ranking when it has none of its own."""
    return ranked.get(code) or ranked.get(parent_code(code) or "")


@dataclass(frozen=True)
class CountyRow:
    """One indicator across the 12 districts at one period: each district's fare row."""

    indicator: Indicator
    period: Period
    districts: dict[str, FareRow]

    @property
    def county(self) -> FareRow:
        """Any district's row: Kent's figure, target, best and worst are the same in all of them."""
        return next(iter(self.districts.values()))


def county_rows(store: Store, period: Period | None = None) -> list[CountyRow]:
    """Every indicator some district has a value for, at period (default: its latest such period)."""
    names = districts(store)
    ids = area_ids(store)
    name_of = {ids[name]: name for name in names}
    own: dict[str, dict[str, dict[Period, Figure]]] = defaultdict(lambda: defaultdict(dict))
    for area_id, code, label, value, text in store.conn.execute(
        "SELECT area_id, indicator, period, value, text FROM observations WHERE kind = 'value' AND "
        f"area_id IN ({', '.join('?' * len(name_of))})", list(name_of)
    ):
        own[code][name_of[area_id]][period_of_label(label)] = Figure(value, text)
    kent_values, kent_targets, stated = kent_facts(store)
    indicators = catalogue(store)
    ranked = {name: rankings(store, name, period) for name in names}
    result = []
    for code in sorted(own, key=code_sort_key):
        spread: dict[Period, dict[str, float]] = defaultdict(dict)
        for name, series in own[code].items():
            for when, figure in series.items():
                if figure.value is not None:
                    spread[when][name] = figure.value
        chosen = period if period is not None else max(spread, default=None)
        if chosen is None or chosen not in spread:
            continue
        indicator = _with_parent_defaults(indicators, code)
        ranges = {when: StatedRange(parts.get("best"), parts.get("worst"))
                  for when, parts in stated.get(code, {}).items()}
        rows = {}
        for name in names:
            ranking = _ranking_of(ranked[name], code)
            rows[name] = assess(IndicatorFacts(
                indicator, name, ranking.priority if ranking else None, own[code].get(name, {}),
                {chosen: spread[chosen]}, kent_values.get(code, {}), kent_targets.get(code, {}),
                ranges), chosen)
        result.append(CountyRow(indicator, chosen, rows))
    return result


@dataclass(frozen=True)
class DistrictReds:
    """A district's High priorities: how many of each status, and the red ones."""

    district: str
    high: int
    counts: dict[Rag | None, int]
    reds: list[FareRow]


def high_priority_reds(store: Store, period: Period | None = None) -> list[DistrictReds]:
    result = []
    for name in districts(store):
        high = [row for row in fare_table(store, name, period) if row.priority is Priority.HIGH]
        counts = status_counts(high).get(Priority.HIGH, {})
        result.append(DistrictReds(name, len(high), counts, [r for r in high if r.rag is Rag.RED]))
    return result


def latest_of(rows: list[FareRow]) -> list[str]:
    """The distinct periods of rows, in time order (for a cover sheet's "Period")."""
    return [p.label for p in sorted({row.period for row in rows if row.period})]

