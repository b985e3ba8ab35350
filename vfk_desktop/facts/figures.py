"""Every stored figure, read once per database change and shared by every locality and view.

Switching the window's district, building a Board pack or the county workbook reads nothing again:
each works from this one snapshot (remembered by `Store.cached` until the database changes).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from vfk_desktop.bulk import without_cycle_collection
from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.fare import DEFAULT_MIN_DISTRICTS, IndicatorFacts, StatedRange
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.model import Figure, Indicator, Priority
from vfk_desktop.domain.periods import Period, period_of_label
from vfk_desktop.facts.counts import StoredCounts
from vfk_desktop.store import queries
from vfk_desktop.store.connection import Store

MIN_DISTRICTS_KEY = "min_districts"
SIGNIFICANCE_KEY = "significance_level"  # "95" (the default) or "99.8": the level vs Kent is shown at
LEVELS = ("95", "99.8")
ENGLAND = "England"  # the comparator a district is also set against


@dataclass(frozen=True)
class Figures:
    """Values, targets and stated best/worst of every place, by indicator and period."""

    catalogue: dict[str, Indicator]
    districts: tuple[str, ...]
    values: PlaceValues  # place -> code -> period -> figure, made for a place when first asked
    spread: dict[str, dict[Period, dict[str, float]]]  # code -> period -> district -> value
    missing: dict[str, dict[Period, dict[str, str]]]  # code -> period -> district -> why none
    own_targets: dict[str, set[str]]  # place -> codes it has a target of its own for
    kent_values: dict[str, dict[Period, Figure]]
    kent_targets: dict[str, dict[Period, Figure]]
    stated: dict[str, dict[Period, StatedRange]]
    min_districts: int
    counts: StoredCounts  # counts, denominators and limits, read as views ask for them
    at_998: bool = False  # the views show vs Kent at 99.8 % (the JSON gives both levels always)
    local_targets: dict[str, dict[str, dict[Period, Figure]]] = field(default_factory=dict)
    comparators: tuple[str, ...] = ()  # England, South East: shown beside Kent, never ranked

    def facts(self, locality: str, code: str, priority: Priority | None = None,
              follows_local: bool = False) -> IndicatorFacts:
        """One indicator's facts for locality, with every period."""
        return IndicatorFacts(
            indicator=with_parent_defaults(self.catalogue, code),
            locality=locality,
            priority=priority,
            values=self.values.of(locality).get(code, {}),
            districts=self.spread.get(code, {}),
            kent_values=self.kent_values.get(code, {}),
            kent_targets=self.kent_targets.get(code, {}),
            stated=self.stated.get(code, {}),
            district_missing=self.missing.get(code, {}),
            min_districts=self.min_districts,
            all_districts=self.districts,
            own_counts=self.counts.own(locality, code),
            counts=self.counts.by_period(code, self.districts),
            at_998=self.at_998,
            england=self._values_of(ENGLAND, code),
            comparators={name: found for name in self.comparators
                         if (found := self._values_of(name, code))},
            local_targets=self.local_targets.get(code, {}).get(locality, {}),
            follows_local=follows_local,
        )

    def _values_of(self, place: str, code: str) -> dict[Period, float]:
        return {p: f.value for p, f in self.values.of(place).get(code, {}).items()
                if f.value is not None}


def figures(store: Store) -> Figures:
    found: Figures = store.cached("figures", lambda: _read(store))
    return found


def min_districts(store: Store) -> int:
    """How many of the 12 districts must have a value before a period is ranked (a setting)."""
    text = store.meta(MIN_DISTRICTS_KEY)
    try:
        return max(2, min(12, int(text))) if text else DEFAULT_MIN_DISTRICTS
    except ValueError:
        return DEFAULT_MIN_DISTRICTS


def set_min_districts(store: Store, count: int) -> None:
    if not 2 <= count <= 12:
        from vfk_desktop.domain.errors import VfkError

        raise VfkError(f"The minimum number of districts to rank must be 2 to 12, not {count}.")
    with store.atomic():
        store.set_meta(MIN_DISTRICTS_KEY, str(count))


def significance_level(store: Store) -> str:
    """The level at which the views set each district against Kent: "95" or "99.8" (a setting)."""
    level = store.meta(SIGNIFICANCE_KEY)
    return level if level in LEVELS else LEVELS[0]


def set_significance_level(store: Store, level: str) -> None:
    if level not in LEVELS:
        from vfk_desktop.domain.errors import VfkError

        raise VfkError(f"The significance level must be 95 or 99.8 (per cent), not {level}.")
    with store.atomic():
        store.set_meta(SIGNIFICANCE_KEY, level)


class PlaceValues:
    """Each place's figures by code and period, read with their texts when a view first asks for that
    place: a fare table wants one district's (and England's), not all 28,000 as objects."""

    def __init__(self, store: Store, periods: dict[str, Period], code: str | None = None) -> None:
        self._store = store
        self._periods = periods
        self._code = code  # a one-indicator snapshot's: that indicator's values only
        self._made: dict[str, dict[str, dict[Period, Figure]]] = {}

    def of(self, place: str) -> dict[str, dict[Period, Figure]]:
        found = self._made.get(place)
        if found is None:
            by_code: dict[str, dict[Period, Figure]] = defaultdict(dict)
            periods = self._periods
            for code, label, value, text, why in queries.place_value_rows(self._store, place, self._code):
                when = periods.get(label)
                if when is None:
                    when = periods[label] = period_of_label(label)
                by_code[code][when] = Figure(value, text, why)
            found = self._made[place] = dict(by_code)
        return found


def figures_of(store: Store, code: str) -> Figures:
    """The snapshot of one indicator's figures only, read through the table's key in a millisecond
    rather than every figure: for a one-off chart of that indicator (`vfk chart`). Its facts for the
    indicator are the whole snapshot's; it knows nothing of the other indicators."""
    found: Figures = store.cached(("figures of", code), lambda: _read(store, code))
    return found


@without_cycle_collection  # 28,000 figures read into tuples and dicts that hold no cycles
def _read(store: Store, only: str | None = None) -> Figures:
    kinds = queries.area_kinds(store)
    names = {number: name for name, number in queries.area_ids(store).items()}
    districts = {number for number, name in names.items() if kinds.get(name) == "district"}
    spread: dict[str, dict[Period, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    missing: dict[str, dict[Period, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    own_targets: dict[str, set[str]] = defaultdict(set)
    local_targets: dict[str, dict[str, dict[Period, Figure]]] = defaultdict(lambda: defaultdict(dict))
    kent_values: dict[str, dict[Period, Figure]] = defaultdict(dict)
    kent_targets: dict[str, dict[Period, Figure]] = defaultdict(dict)
    stated: dict[str, dict[Period, dict[str, Figure]]] = defaultdict(lambda: defaultdict(dict))
    periods: dict[str, Period] = {}
    kent = queries.area_ids(store).get(KENT)
    # One pass over every stored figure (28,000 on a full store), so the loop does the least it can:
    # a district's value goes to the spread as a bare number; Figures are made for Kent here and for
    # the other places when first asked (PlaceValues).
    for area, code, label, kind, value, text, why in queries.observation_rows(store, KENT, only):
        when = periods.get(label)
        if when is None:
            when = periods[label] = period_of_label(label)
        if area in districts and kind == "value":
            if value is not None:
                spread[code][when][names[area]] = value
            else:
                missing[code][when][names[area]] = why or "not available"
        elif area == kent:
            if kind == "value":
                kent_values[code][when] = Figure(value, text, why)
            elif kind == "target":
                kent_targets[code][when] = Figure(value, text, why)
            else:
                stated[code][when][kind] = Figure(value, text, why)
        elif kind == "target":
            own_targets[names[area]].add(code)
            local_targets[code][names[area]][when] = Figure(value, text, why)
    return Figures(
        catalogue=queries.catalogue(store),
        districts=tuple(queries.districts(store)),
        values=PlaceValues(store, periods, only), spread=_plain(spread), missing=_plain(missing),
        own_targets=dict(own_targets),
        kent_values=dict(kent_values), kent_targets=dict(kent_targets),
        stated={code: {when: StatedRange(parts.get("best"), parts.get("worst"))
                       for when, parts in by_period.items()} for code, by_period in stated.items()},
        min_districts=min_districts(store),
        counts=StoredCounts(store),
        at_998=significance_level(store) == "99.8",
        local_targets=_plain(local_targets),
        comparators=tuple(sorted((p for p, kind in kinds.items() if kind == "comparator"),
                                 key=lambda p: (p != ENGLAND, p))),
    )


def _plain(nested: dict[Any, Any]) -> dict[Any, Any]:
    return {key: _plain(inner) if isinstance(inner, defaultdict) else inner
            for key, inner in nested.items()}


def with_parent_defaults(indicators: dict[str, Indicator], code: str) -> Indicator:
    """A sub-indicator takes its theme and unit from its parent when it has none of its own."""
    indicator = indicators[code]
    parent = indicators.get(parent_code(code) or "")
    if parent is None or (indicator.theme and indicator.unit):
        return indicator
    return Indicator(indicator.code, indicator.title, indicator.theme or parent.theme,
                     indicator.unit or parent.unit, indicator.polarity, indicator.tolerance,
                     indicator.value_type or parent.value_type,
                     indicator.multiplier or parent.multiplier)
