"""Reading the store into the domain's records: the catalogue, places, rankings and raw figures.

What a view shows is gathered from these by the facts layer (`vfk_desktop.facts`); the figures
themselves (status, rank, best, worst, direction) are worked out by `vfk_desktop.domain.fare`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from vfk_desktop.domain.codes import code_sort_key, parent_code
from vfk_desktop.domain.localities import Area, LocalityMatcher
from vfk_desktop.domain.model import Indicator, Polarity, Priority
from vfk_desktop.domain.periods import Period, period_of_label
from vfk_desktop.store.connection import Store


def catalogue(store: Store) -> dict[str, Indicator]:
    return store.cached("catalogue", lambda: _catalogue(store))


def _catalogue(store: Store) -> dict[str, Indicator]:
    return {
        code: Indicator(code, title, theme, unit,
                        Polarity(polarity) if polarity else None, tolerance, value_type, multiplier)
        for code, title, theme, unit, polarity, tolerance, value_type, multiplier in store.conn.execute(
            "SELECT i.code, i.title, t.name, i.unit, i.polarity, i.tolerance, i.value_type, "
            "i.multiplier "
            "FROM indicators i LEFT JOIN themes t ON t.id = i.theme_id"
        )
    }


def suppression_limits(store: Store) -> dict[str, int]:
    """Indicators whose small-number rule is not the default: code -> the largest count withheld."""
    return dict(store.conn.execute(
        "SELECT code, suppress_up_to FROM indicators WHERE suppress_up_to IS NOT NULL"))


def ka2_codes(store: Store) -> list[str]:
    """The Kent Agreement 2 indicators that are ranked (not their sub-indicators)."""
    return [code for (code,) in store.conn.execute("SELECT code FROM indicators WHERE ka2 = 1")
            if parent_code(code) is None]


def theme_order(store: Store) -> dict[str, int]:
    return store.cached("themes", lambda: dict(store.conn.execute("SELECT name, position FROM themes")))


def districts(store: Store) -> list[str]:
    return list(store.cached("districts", lambda: [name for (name,) in store.conn.execute(
        "SELECT name FROM areas WHERE kind = 'district' ORDER BY name")]))


def load_matcher(store: Store) -> LocalityMatcher:
    return store.cached("matcher", lambda: _load_matcher(store))


def _load_matcher(store: Store) -> LocalityMatcher:
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
    """An indicator a district ranked, with its priority and the ranking round it was made in."""

    code: str
    title: str
    theme: str | None
    priority: Priority
    round: Period  # the ranking round it was made in

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "theme": self.theme,
                "priority": self.priority.value}


def _all_rankings(store: Store) -> dict[str, dict[str, list[tuple[Period, str]]]]:
    """Every ranking round of every place: place -> code -> [(round, priority)] in time order."""
    found: dict[str, dict[str, list[tuple[Period, str]]]] = defaultdict(lambda: defaultdict(list))
    for name, code, round_, priority in store.conn.execute(
        "SELECT a.name, r.indicator, r.round, r.priority FROM rankings r "
        "JOIN areas a ON a.id = r.area_id"
    ):
        found[name][code].append((period_of_label(round_), priority))
    for by_code in found.values():
        for rounds in by_code.values():
            rounds.sort()
    return {name: dict(by_code) for name, by_code in found.items()}


def rankings(store: Store, locality: str, period: Period | None = None) -> dict[str, Ranking]:
    """Each indicator's priority for locality: its newest ranking, or with period the newest
    made no later than period (else its earliest)."""
    found = store.cached("rankings", lambda: _all_rankings(store)).get(locality, {})
    indicators = catalogue(store)
    result = {}
    for code, rounds in found.items():
        chosen = rounds[-1]
        if period is not None:
            earlier = [r for r in rounds if r[0] <= period]
            chosen = earlier[-1] if earlier else rounds[0]
        indicator = indicators[code]
        result[code] = Ranking(code, indicator.title, indicator.theme, Priority(chosen[1]), chosen[0])
    return result


def ranking_rows(store: Store, locality: str, period: Period | None = None) -> list[Ranking]:
    """The locality's ranking (as rankings() chooses it) in the order the presentation lays it out:
    band, theme, code."""
    order = theme_order(store)
    return sorted(
        rankings(store, locality, period).values(),
        key=lambda r: (r.priority.order, order.get(r.theme or "", 99), code_sort_key(r.code)),
    )


def area_kinds(store: Store) -> dict[str, str]:
    """Each place's kind: "district", "county", "comparator" (England, South East) or "outside"."""
    return store.cached("area kinds", lambda: dict(store.conn.execute("SELECT name, kind FROM areas")))


# An infinite or impossibly large figure stored by an older version (`vfk check` names them) is read
# as no value, so that no table, chart, rank or export ever meets one.
FINITE_VALUE = "CASE WHEN abs(o.value) < 1e15 THEN o.value END"
# Every figure in one scan, by area id (no join), with the text it was given only where a view shows
# it from this scan: Kent's values and every place's targets and best/worst. The 24,000 district
# values of a full store are read as bare numbers; a place's own texts come from place_value_rows.
_OBSERVATIONS = (f"SELECT o.area_id, o.indicator, o.period, o.kind, {FINITE_VALUE}, "
                 "CASE WHEN o.kind != 'value' OR o.area_id = ? THEN o.text END, o.missing "
                 "FROM observations o")
_PLACE_VALUES = (f"SELECT o.indicator, o.period, {FINITE_VALUE}, o.text, o.missing FROM observations o "
                 "WHERE o.area_id = ? AND o.kind = 'value'")


def observation_rows(store: Store, texts_of: str, code: str | None = None) -> list[tuple]:
    """Every stored figure: (area id, code, period label, kind, value, text, why missing), the text
    given for targets, best and worst, and for the values of the place texts_of (Kent) only. With a
    code, that indicator's only, found through the table's key place by place."""
    if code is None:
        return _read_surviving(store, _OBSERVATIONS, (area_ids(store).get(texts_of, -1),))
    return _read_surviving(store, f"{_OBSERVATIONS} WHERE o.area_id IN (SELECT id FROM areas) "
                           "AND o.indicator = ?", (area_ids(store).get(texts_of, -1), code))


def place_value_rows(store: Store, place: str, code: str | None = None) -> list[tuple]:
    """A place's values with the text each was given: (code, period label, value, text, why); with a
    code, that indicator's only."""
    found = area_ids(store).get(place)
    if found is None:
        return []
    if code is None:
        return _read_surviving(store, _PLACE_VALUES, (found,), area=found)
    return _read_surviving(store, f"{_PLACE_VALUES} AND o.indicator = ?", (found, code), area=found)


def _read_surviving(store: Store, sql: str, arguments: tuple, area: int | None = None) -> list[tuple]:
    """The rows of sql; from a damaged file (open read-only, with a banner saying so) what can still
    be read is read, place by place and then indicator by indicator, so the officer sees all that
    survives."""
    try:
        return store.conn.execute(sql, arguments).fetchall()
    except sqlite3.DatabaseError:
        if not store.damaged:
            raise
    joiner = " AND" if " WHERE " in sql else " WHERE"
    rows: list[tuple] = []
    for area_id in ([area] if area is not None else area_ids(store).values()):
        by_area = f"{sql}{joiner} o.area_id = {int(area_id)}"
        try:
            rows += store.conn.execute(by_area, arguments).fetchall()
        except sqlite3.DatabaseError:
            for code in catalogue(store):
                with contextlib.suppress(sqlite3.DatabaseError):
                    rows += store.conn.execute(f"{by_area} AND o.indicator = ?",
                                               (*arguments, code)).fetchall()
    return rows


_STATISTICS = ("SELECT a.name, o.indicator, o.period, o.count, o.denominator, o.lower_95, o.upper_95, "
               "o.lower_99_8, o.upper_99_8, o.value_type, o.multiplier "
               "FROM observations o JOIN areas a ON a.id = o.area_id WHERE o.kind = 'value' AND "
               "(o.count IS NOT NULL OR o.denominator IS NOT NULL OR o.lower_95 IS NOT NULL "
               "OR o.lower_99_8 IS NOT NULL OR o.value_type IS NOT NULL)")


def statistic_rows(store: Store, places: Sequence[str] = (), code: str | None = None) -> list[tuple]:
    """The figures stored with a count, denominator, limits or value type, of places (all when
    none are named) and of one indicator or all: (place, code, period label, count, denominator,
    lower 95, upper 95, lower 99.8, upper 99.8, value type, multiplier). Read by place and code,
    a few rows are found through the table's key without reading the rest."""
    sql, arguments = _STATISTICS, list(places)
    if places:
        sql += f" AND a.name IN ({', '.join('?' * len(places))})"
    if code is not None:
        sql += " AND o.indicator = ?"
        arguments.append(code)
    try:
        return store.conn.execute(sql, arguments).fetchall()
    except sqlite3.DatabaseError:
        if not store.damaged:
            raise
        return []  # a damaged file: its figures are shown without intervals


def stored_records(store: Store):
    """Every figure, ranking and comment with where it came from: (place, code, period or round,
    kind, value, text, file, sheet, cell, import id, count, denominator, lower 95, upper 95,
    lower 99.8, upper 99.8)."""
    yield from store.conn.execute(
        f"SELECT a.name, o.indicator, o.period, o.kind, {FINITE_VALUE}, o.text, o.file, o.sheet, "
        "o.cell, o.import_id, o.count, o.denominator, o.lower_95, o.upper_95, o.lower_99_8, "
        "o.upper_99_8 FROM observations o JOIN areas a ON a.id = o.area_id")
    for table, period_column, kind, text in (("rankings", "round", "'priority'", "priority"),
                                             ("commentary", "period", "'commentary'", "text")):
        yield from store.conn.execute(
            f"SELECT a.name, t.indicator, t.{period_column}, {kind}, NULL, t.{text}, t.file, t.sheet, "
            f"t.cell, t.import_id, NULL, NULL, NULL, NULL, NULL, NULL FROM {table} t "
            f"JOIN areas a ON a.id = t.area_id")


def import_log(store: Store) -> list[tuple[int, str, str, str]]:
    """(id, at, user, kind) of every import."""
    return list(store.conn.execute("SELECT id, at, user, kind FROM imports"))


def area_positions(store: Store) -> dict[str, int]:
    return store.cached("area positions",
                        lambda: dict(store.conn.execute("SELECT name, position FROM areas")))


def commentary(store: Store, locality: str) -> dict[tuple[str, str], str]:
    """The locality's comments by (code, period label)."""
    return dict(((code, label), text) for code, label, text in store.conn.execute(
        "SELECT c.indicator, c.period, c.text FROM commentary c JOIN areas a ON a.id = c.area_id "
        "WHERE a.name = ?", (locality,)))


def areas_with_aliases(store: Store) -> list[tuple[str, str, list[str]]]:
    """(name, kind, spellings) of every place, in the reference order."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for name, alias in store.conn.execute(
            "SELECT a.name, x.alias FROM area_aliases x JOIN areas a ON a.id = x.area_id ORDER BY x.alias"):
        aliases[name].append(alias)
    return [(name, kind, aliases.get(name, [])) for name, kind in
            store.conn.execute("SELECT name, kind FROM areas ORDER BY position, name")]


def value_counts_by_period(store: Store) -> dict[Period, tuple[int, int]]:
    """Per period: how many values are stored, and for how many places."""
    return {period_of_label(label): (values, places) for label, values, places in store.conn.execute(
        "SELECT period, count(*), count(DISTINCT area_id) FROM observations "
        "WHERE kind = 'value' AND value IS NOT NULL GROUP BY period")}


def value_counts_by_indicator(store: Store) -> dict[str, int]:
    return dict(store.conn.execute(
        "SELECT indicator, count(*) FROM observations WHERE kind = 'value' AND value IS NOT NULL "
        "GROUP BY indicator"))
