"""Outputs made "for publication": the same facts with small counts suppressed (domain.publication).

Each function takes the facts an export or the Board pack was about to show and returns a copy in
which every district figure whose count is small, and everything worked out from it, is withheld;
the cover or the pack says so. What the window shows is never touched.
"""

from __future__ import annotations

from dataclasses import replace

from vfk_desktop.domain.fare import FareRow, status_counts
from vfk_desktop.domain.publication import (
    DEFAULT_RULE,
    SUPPRESSED,
    SUPPRESSED_MARK,
    note,
    published_row,
    rule_for,
    rules_from,
)
from vfk_desktop.facts.figures import figures
from vfk_desktop.facts.records import CountyFacts, DataRecord, ReturnFacts
from vfk_desktop.reports.pack import BoardPack
from vfk_desktop.store import queries
from vfk_desktop.store.connection import Store


class SmallCounts:
    """Which district figures a published output must withhold, from the stored counts."""

    def __init__(self, store: Store) -> None:
        found = figures(store)
        self._spread, self._districts = found.spread, set(found.districts)
        self._counts = {(code, label, place): count for place, code, label, count, *_ in
                        queries.statistic_rows(store, found.districts)}
        self._rules = rules_from(queries.suppression_limits(store))

    def count(self, code: str, period_label: str, place: str) -> float | None:
        return self._counts.get((code, period_label, place))

    def hides(self, code: str, period_label: str, place: str) -> bool:
        return (place in self._districts
                and rule_for(code, self._rules).hides(self.count(code, period_label, place)))

    def hidden_values(self, row: FareRow) -> set[float]:
        """The values of the districts withheld at the row's period (Kent's best or worst may be one)."""
        if row.period is None:
            return set()
        values = self._spread.get(row.code, {}).get(row.period, {})
        return {value for place, value in values.items() if self.hides(row.code, row.period.label, place)}

    def row(self, row: FareRow, locality: str) -> FareRow:
        if row.period is None:
            return row
        own = self.count(row.code, row.period.label, locality)
        return published_row(row, own, self.hidden_values(row), rule_for(row.code, self._rules))

    def record(self, record: DataRecord) -> DataRecord:
        if record.kind == "value" and self.hides(record.code, record.period, record.area):
            return record._replace(value=None, text=SUPPRESSED_MARK, count=None, denominator=None,
                                   lower_95=None, upper_95=None, lower_99_8=None, upper_99_8=None)
        return record


def publication_note() -> str:
    return note(DEFAULT_RULE)


def published_return(store: Store, facts: ReturnFacts) -> ReturnFacts:
    small = SmallCounts(store)
    rows = tuple(replace(item, fare=small.row(item.fare, facts.locality)) for item in facts.rows)
    return replace(facts, rows=rows, records=[small.record(r) for r in facts.records],
                   source=replace(facts.source, publication=publication_note()))


def published_county(store: Store, facts: CountyFacts) -> CountyFacts:
    small = SmallCounts(store)
    rows = [replace(row, districts={name: small.row(fare, name) for name, fare in row.districts.items()})
            for row in facts.rows]
    reds = [replace(reds, reds=[small.row(r, reds.district) for r in reds.reds]) for reds in facts.reds]
    return replace(facts, rows=rows, reds=reds, records=[small.record(r) for r in facts.records],
                   source=replace(facts.source, publication=publication_note()))


def published_pack(store: Store, pack: BoardPack) -> BoardPack:
    """The Board pack with small counts withheld: its tables, commentary headings and charts (a
    chart of an indicator with any district withheld is left out, as is the range chart when any
    of the district's own figures is)."""
    small = SmallCounts(store)
    fare = tuple(small.row(row, pack.locality) for row in pack.fare)
    withheld = {row.code for row in fare if row.missing == SUPPRESSED} | {
        row.code for row in pack.fare if small.hidden_values(row)}
    charts = tuple(c for c in pack.charts
                   if not (c.code in withheld or (c.code is None and withheld)))
    chart_data = {c: data for c, data in pack.chart_data.items() if c in charts}
    by_code = {row.code: row for row in fare}
    commentary = tuple((by_code.get(row.code, row), text) for row, text in pack.commentary)
    reds = tuple(replace(red, rows=tuple(by_code.get(r.code, r) for r in red.rows)) for red in pack.reds)
    return replace(pack, fare=fare, counts=status_counts(list(fare)), charts=charts,
                   chart_data=chart_data, commentary=commentary, reds=reds,
                   publication=publication_note())
