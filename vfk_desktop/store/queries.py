"""Reading the store into the domain's records: the catalogue, rankings, and the facts behind a fare row.

The figures themselves (status, rank, best, worst, direction) are worked out by
`vfk_desktop.domain.fare`; this module only gathers what it needs, with as few queries as it can.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.fare import FareRow, IndicatorFacts, StatedRange, assess, latest_period
from vfk_desktop.domain.localities import KENT, Area, LocalityMatcher
from vfk_desktop.domain.model import Figure, Indicator, Polarity, Priority
from vfk_desktop.domain.periods import Period, period_of_label
from vfk_desktop.store.connection import Store


def catalogue(store: Store) -> dict[str, Indicator]:
    return store.cached("catalogue", lambda: _catalogue(store))


def _catalogue(store: Store) -> dict[str, Indicator]:
    return {
        code: Indicator(code, title, theme, unit,
                        Polarity(polarity) if polarity else None, tolerance)
        for code, title, theme, unit, polarity, tolerance in store.conn.execute(
            "SELECT i.code, i.title, t.name, i.unit, i.polarity, i.tolerance "
            "FROM indicators i LEFT JOIN themes t ON t.id = i.theme_id"
        )
    }


def ka2_codes(store: Store) -> list[str]:
    """The Kent Agreement 2 indicators that are ranked (not their sub-indicators)."""
    return [code for (code,) in store.conn.execute("SELECT code FROM indicators WHERE ka2 = 1")
            if parent_code(code) is None]


def theme_order(store: Store) -> dict[str, int]:
    return store.cached("themes", lambda: dict(store.conn.execute("SELECT name, position FROM themes")))


def districts(store: Store) -> list[str]:
    return [name for (name,) in store.conn.execute(
        "SELECT name FROM areas WHERE kind = 'district' ORDER BY name")]


def load_matcher(store: Store) -> LocalityMatcher:
    aliases: dict[str, list[str]] = {}
    for name, alias in store.conn.execute(
        "SELECT a.name, x.alias FROM area_aliases x JOIN areas a ON a.id = x.area_id"
    ):
        aliases.setdefault(name, []).append(alias)
    return LocalityMatcher(
        (Area(name, kind), aliases.get(name, []))
        for name, kind in store.conn.execute("SELECT name, kind FROM areas ORDER BY position")
    )


def resolve_district(store: Store, name: str) -> str:
    """The district's canonical name from any spelling; a sentence with a suggestion otherwise."""
    return load_matcher(store).district(name)


def area_ids(store: Store) -> dict[str, int]:
    return store.cached("areas", lambda: dict(store.conn.execute("SELECT name, id FROM areas")))


@dataclass(frozen=True)
class Ranking:
    code: str
    title: str
    theme: str | None
    priority: Priority
    round: str

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "theme": self.theme,
                "priority": self.priority.value}


def rankings(store: Store, locality: str, period: Period | None = None) -> dict[str, Ranking]:
    """Each indicator's priority for locality: its newest ranking, or with period the newest
    made no later than period (else its earliest)."""
    found: dict[str, list[tuple[Period, str]]] = defaultdict(list)
    for code, round_, priority in store.conn.execute(
        "SELECT r.indicator, r.round, r.priority FROM rankings r JOIN areas a ON a.id = r.area_id "
        "WHERE a.name = ?", (locality,)
    ):
        found[code].append((period_of_label(round_), priority))
    indicators = catalogue(store)
    result = {}
    for code, rounds in found.items():
        rounds.sort()
        chosen = rounds[-1]
        if period is not None:
            earlier = [r for r in rounds if r[0] <= period]
            chosen = earlier[-1] if earlier else rounds[0]
        indicator = indicators[code]
        result[code] = Ranking(code, indicator.title, indicator.theme, Priority(chosen[1]),
                               chosen[0].label)
    return result


def ranking_rows(store: Store, locality: str, period: Period | None = None) -> list[Ranking]:
    """The locality's ranking (as rankings() chooses it) in the order the presentation lays it out:
    band, theme, code."""
    from vfk_desktop.domain.codes import code_sort_key

    order = theme_order(store)
    return sorted(
        rankings(store, locality, period).values(),
        key=lambda r: (r.priority.order, order.get(r.theme or "", 99), code_sort_key(r.code)),
    )


def fare_facts(store: Store, locality: str, period: Period | None = None
               ) -> list[IndicatorFacts]:
    """The facts of every indicator that has a value, a target or a ranking for locality."""
    conn = store.conn
    ids = area_ids(store)
    if locality not in ids:
        raise VfkError(f'"{locality}" is not a place in this database.')
    indicators = catalogue(store)
    ranked = rankings(store, locality, period)

    own_values: dict[str, dict[Period, Figure]] = defaultdict(dict)
    own_targets: set[str] = set()
    for code, period_text, kind, value, text in conn.execute(
        "SELECT indicator, period, kind, value, text FROM observations WHERE area_id = ? "
        "AND kind IN ('value', 'target')", (ids[locality],)
    ):
        if kind == "value":
            own_values[code][period_of_label(period_text)] = Figure(value, text)
        else:
            own_targets.add(code)

    kent_values, kent_targets, stated = kent_facts(store)

    listed = set(own_values) | own_targets | set(ranked) | set(kent_targets)
    listed &= set(indicators)
    children_listed = {parent_code(code) for code in listed} - {None}
    listed -= {code for code in children_listed
               if code not in own_values and code not in own_targets}

    chosen = {code: (period or latest_period(own_values.get(code, {}))) for code in listed}
    spread = _district_values(store, {(code, p.label) for code, p in chosen.items() if p})

    facts = []
    for code in listed:
        ranking = ranked.get(code) or ranked.get(parent_code(code) or "")
        facts.append(IndicatorFacts(
            indicator=_with_parent_defaults(indicators, code),
            locality=locality,
            priority=ranking.priority if ranking else None,
            values=own_values.get(code, {}),
            districts={p: spread.get((code, p.label), {}) for p in [chosen[code]] if p},
            kent_values=kent_values.get(code, {}),
            kent_targets=kent_targets.get(code, {}),
            stated={
                when: StatedRange(parts.get("best"), parts.get("worst"))
                for when, parts in stated.get(code, {}).items()
            },
        ))
    return facts


def _with_parent_defaults(indicators: dict[str, Indicator], code: str) -> Indicator:
    """A sub-indicator takes its theme and unit from its parent when it has none of its own."""
    indicator = indicators[code]
    parent = indicators.get(parent_code(code) or "")
    if parent is None or (indicator.theme and indicator.unit):
        return indicator
    return Indicator(indicator.code, indicator.title, indicator.theme or parent.theme,
                     indicator.unit or parent.unit, indicator.polarity, indicator.tolerance)


def kent_facts(store: Store) -> tuple[dict, dict, dict]:
    """Kent's values, targets and stated best/worst, by indicator and period; read once until the
    database changes. Shared by every caller: read them, never change them."""
    return store.cached("kent facts", lambda: _kent_facts(store, area_ids(store)[KENT]))


def _kent_facts(store: Store, kent_id: int) -> tuple[dict, dict, dict]:
    """Kent's values, targets and stated best/worst of every indicator, by period."""
    kent_values: dict[str, dict[Period, Figure]] = defaultdict(dict)
    kent_targets: dict[str, dict[Period, Figure]] = defaultdict(dict)
    stated: dict[str, dict[Period, dict[str, Figure]]] = defaultdict(lambda: defaultdict(dict))
    for code, period_text, kind, value, text in store.conn.execute(
        "SELECT indicator, period, kind, value, text FROM observations WHERE area_id = ?", (kent_id,)
    ):
        when = period_of_label(period_text)
        if kind == "value":
            kent_values[code][when] = Figure(value, text)
        elif kind == "target":
            kent_targets[code][when] = Figure(value, text)
        else:
            stated[code][when][kind] = Figure(value, text)
    return kent_values, kent_targets, stated


def _district_values(store: Store, pairs: set[tuple[str, str]]
                     ) -> dict[tuple[str, str], dict[str, float]]:
    """The 12 districts' values for each (indicator, period) pair.

    Read a period at a time, for every indicator, and remembered (store.cached): they are the
    same whichever district the window shows, so switching district does not read them again.
    """
    result: dict[tuple[str, str], dict[str, float]] = {}
    for label in {label for _, label in pairs}:
        at_period = store.cached(("districts at", label), lambda label=label: _districts_at(store, label))
        for code, label_ in pairs:
            if label_ == label:
                result[(code, label)] = at_period.get(code, {})
    return result


def _districts_at(store: Store, label: str) -> dict[str, dict[str, float]]:
    names = dict(store.conn.execute("SELECT id, name FROM areas WHERE kind = 'district'"))
    values: dict[str, dict[str, float]] = defaultdict(dict)
    for area_id, code, value in store.conn.execute(
        "SELECT area_id, indicator, value FROM observations WHERE area_id IN ({}) AND period = ? "
        "AND kind = 'value' AND value IS NOT NULL".format(", ".join("?" * len(names))),
        [*names, label],
    ):
        values[code][names[area_id]] = value
    return dict(values)


def indicator_facts(store: Store, locality: str, code: str) -> IndicatorFacts:
    """One indicator's facts with every period: the locality's, Kent's and all 12 districts'."""
    indicators = catalogue(store)
    if code not in indicators:
        raise VfkError(f"{code} is not in the indicator catalogue.")
    ids = area_ids(store)
    names = {area_id: name for name, area_id in ids.items()}
    kinds = dict(store.conn.execute("SELECT id, kind FROM areas"))
    own: dict[Period, Figure] = {}
    spread: dict[Period, dict[str, float]] = defaultdict(dict)
    kent_values: dict[Period, Figure] = {}
    kent_targets: dict[Period, Figure] = {}
    stated: dict[Period, dict[str, Figure]] = defaultdict(dict)
    for area_id, period_text, kind, value, text in store.conn.execute(
        "SELECT area_id, period, kind, value, text FROM observations WHERE area_id IN ({}) "
        "AND indicator = ?".format(", ".join("?" * len(ids))), [*ids.values(), code]
    ):
        when, name = period_of_label(period_text), names[area_id]
        if name == KENT:
            if kind == "value":
                kent_values[when] = Figure(value, text)
            elif kind == "target":
                kent_targets[when] = Figure(value, text)
            else:
                stated[when][kind] = Figure(value, text)
            continue
        if kind == "value" and kinds[area_id] == "district" and value is not None:
            spread[when][name] = value
        if name == locality and kind == "value":
            own[when] = Figure(value, text)
    ranked = rankings(store, locality)
    ranking = ranked.get(code) or ranked.get(parent_code(code) or "")
    return IndicatorFacts(
        indicator=_with_parent_defaults(indicators, code), locality=locality,
        priority=ranking.priority if ranking else None, values=own, districts=dict(spread),
        kent_values=kent_values, kent_targets=kent_targets,
        stated={when: StatedRange(parts.get("best"), parts.get("worst"))
                for when, parts in stated.items()},
    )


def history(store: Store, locality: str, code: str) -> list[FareRow]:
    """The indicator's fare row at each period the locality or Kent has a figure for, newest first."""
    facts = indicator_facts(store, locality, code)
    periods = set(facts.values) | set(facts.kent_values)
    return [assess(facts, period) for period in sorted(periods, reverse=True)]


def fare_table(store: Store, locality: str, period: Period | None = None) -> list[FareRow]:
    """"How does locality fare in Kent?", ordered by priority band, theme and code."""
    from vfk_desktop.domain.fare import fare_sort_key

    order = theme_order(store)
    rows = [assess(facts, period) for facts in fare_facts(store, locality, period)]
    return sorted(rows, key=lambda row: fare_sort_key(row, order))
