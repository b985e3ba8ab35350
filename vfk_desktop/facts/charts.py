"""The charts' data for a locality: the window, `vfk chart` and the Board pack call these, so a
chart shows the very row the fare table shows."""

from __future__ import annotations

from vfk_desktop.domain import charts, spc
from vfk_desktop.domain.fare import assess
from vfk_desktop.domain.periods import Period
from vfk_desktop.facts.fare import fare_table, indicator_facts
from vfk_desktop.facts.figures import figures
from vfk_desktop.store.connection import Store


def districts_data(store: Store, locality: str, code: str, period: Period | None = None,
                   exact: bool = False) -> charts.DistrictsData | None:
    return charts.districts_chart(indicator_facts(store, locality, code, period), period, exact)


def trend_data(store: Store, locality: str, code: str) -> charts.TrendData:
    return charts.trend_chart(indicator_facts(store, locality, code))


def range_data(store: Store, locality: str, period: Period | None = None) -> charts.RangeData:
    return charts.range_chart(locality, fare_table(store, locality, period))


def priorities_status_data(store: Store, locality: str, period: Period | None = None
                           ) -> charts.PrioritiesStatusData:
    return charts.priorities_chart(locality, fare_table(store, locality, period))


def spc_data(store: Store, locality: str, code: str) -> spc.SpcData | None:
    """The XmR chart of the locality's own series (one kind of period); None below two points."""
    facts = indicator_facts(store, locality, code)
    own = {period: figure.value for period, figure in facts.values.items() if figure.value is not None}
    row = assess(facts)
    return spc.spc_chart(row.code, row.title, row.unit, locality, row.polarity, spc.chosen_series(own),
                         row.kent_target, row.target_period)


def recent_series(store: Store, locality: str, points: int = 6
                  ) -> dict[str, tuple[tuple[Period, float], ...]]:
    """Each indicator's last few values for the locality, one kind of period, oldest first: the
    Overview's sparklines, gathered once per table build."""
    found = figures(store).values.of(locality)
    out = {}
    for code, series in found.items():
        own = {period: figure.value for period, figure in series.items() if figure.value is not None}
        chosen = spc.chosen_series(own)[-points:]
        if chosen:
            out[code] = tuple(chosen)
    return out
