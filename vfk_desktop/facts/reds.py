"""The PSB Reds set against a district, at the same period choice as its fare table."""

from __future__ import annotations

from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.periods import Period
from vfk_desktop.facts.fare import fare_table, priority_of
from vfk_desktop.facts.records import PsbReds, Red
from vfk_desktop.store import queries, vision
from vfk_desktop.store.connection import Store


def psb_reds(store: Store, locality: str, period: Period | None = None) -> PsbReds:
    """The latest PSB report's Reds, each with the district's priority and fare rows for period."""
    date, listed = vision.psb_report(store)
    ranked = queries.rankings(store, locality, period)
    fare = fare_table(store, locality, period)
    reds = []
    for code, title in listed:
        rows = tuple(row for row in fare if code in (row.code, parent_code(row.code)))
        reds.append(Red(code, title, priority_of(ranked, code), rows))
    return PsbReds(date, locality, tuple(reds))
