"""The charts' data for a locality: the window, `vfk chart` and the Board pack call these, so a
chart shows the very row the fare table shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vfk_desktop.domain import spc
from vfk_desktop.domain.fare import assess
from vfk_desktop.domain.periods import Period
from vfk_desktop.facts.accounts import accountable
from vfk_desktop.facts.fare import fare_table, indicator_facts
from vfk_desktop.facts.figures import figures, figures_of
from vfk_desktop.store.connection import Store

if TYPE_CHECKING:  # each chart's domain module loads with its first chart: the Overview needs none at start
    from vfk_desktop.domain import charts
    from vfk_desktop.domain.funnel import FunnelData
    from vfk_desktop.domain.spine import SpineData
    from vfk_desktop.domain.tile_map import TileMapData

# alone (the charts of one indicator): read that indicator's figures only, for `vfk chart`, which
# draws one chart and stops; the window and the Board pack share the whole snapshot instead.


def districts_data(store: Store, locality: str, code: str, period: Period | None = None,
                   exact: bool = False, alone: bool = False) -> charts.DistrictsData | None:
    from vfk_desktop.domain import charts

    return charts.districts_chart(indicator_facts(store, locality, code, period, alone), period, exact)


def trend_data(store: Store, locality: str, code: str, alone: bool = False) -> charts.TrendData:
    from vfk_desktop.domain import charts

    return charts.trend_chart(indicator_facts(store, locality, code, alone=alone))


def range_data(store: Store, locality: str, period: Period | None = None) -> charts.RangeData:
    from vfk_desktop.domain import charts

    return charts.range_chart(locality, fare_table(store, locality, period))


def priorities_status_data(store: Store, locality: str, period: Period | None = None
                           ) -> charts.PrioritiesStatusData:
    from vfk_desktop.domain import charts

    return charts.priorities_chart(locality, fare_table(store, locality, period))


def spc_data(store: Store, locality: str, code: str, alone: bool = False) -> spc.SpcData | None:
    """The XmR chart of the locality's own series (one kind of period); None below two points."""
    facts = indicator_facts(store, locality, code, alone=alone)
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


def spine_data(store: Store, locality: str, period: Period | None = None) -> SpineData:
    """The spine chart of the locality's fare table: each row beside the districts' spread at its period."""
    from vfk_desktop.domain.spine import spine_chart

    rows = fare_table(store, locality, period)
    found = figures(store)
    spreads = {}
    for row in rows:
        if row.period is not None and row.value is not None:
            spreads[row.code] = list(found.spread.get(row.code, {}).get(row.period, {}).values())
    return spine_chart(locality, rows, spreads)


def funnel_data(store: Store, locality: str, code: str, period: Period | None = None,
                alone: bool = False) -> FunnelData:
    """The funnel plot of one indicator; NoFunnel (a VfkError) says why there is none."""
    from vfk_desktop.domain.funnel import funnel_chart

    return funnel_chart(indicator_facts(store, locality, code, period, alone), period)


def tile_map_data(store: Store, locality: str, code: str, period: Period | None = None,
                  by: str | None = None, alone: bool = False) -> TileMapData:
    """The map of the 12 districts for one indicator, each marked as its own fare row would be."""
    from vfk_desktop.domain.tile_map import tile_map

    found = figures_of(store, code) if alone else figures(store)
    found.counts.of_code(code, found.districts)  # every district's counts for the code, in one read
    own = indicator_facts(store, locality, code, period, alone)
    rows = {}
    for district in own.all_districts:
        facts = own if district == locality else indicator_facts(store, district, code, period, alone)
        rows[district] = accountable(store, facts, assess(facts, period))
    return tile_map(code, own.indicator.title, own.indicator.unit, locality, rows, by)


def kind_data(store: Store, kind: str, locality: str, code: str | None, period: Period | None = None,
              alone: bool = False) -> SpineData | FunnelData | TileMapData:
    """`vfk chart --kind spine|funnel|map`: the chart's data, or a VfkError saying why there is none."""
    if kind == "spine":
        return spine_data(store, locality, period)
    assert code is not None
    if kind == "funnel":
        return funnel_data(store, locality, code, period, alone)
    return tile_map_data(store, locality, code, period, alone=alone)
