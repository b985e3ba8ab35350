""""How does <locality> fare in Kent?" and one indicator's history, from the figures snapshot.

Each answer is worked out once per database change, locality and period choice (`Store.cached`),
so the Overview, the Indicator page, the charts and the pack asking again cost nothing.
"""

from __future__ import annotations

from vfk_desktop.bulk import without_cycle_collection
from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.errors import UnknownIndicator, VfkError
from vfk_desktop.domain.fare import FareRow, IndicatorFacts, assess, count_bands, fare_sort_key
from vfk_desktop.domain.model import Priority
from vfk_desktop.domain.periods import Period
from vfk_desktop.facts.accounts import accountable, target_choices
from vfk_desktop.facts.figures import figures, figures_of
from vfk_desktop.store import queries
from vfk_desktop.store.connection import Store


def ranking_of(ranked: dict[str, queries.Ranking], code: str) -> queries.Ranking | None:
    """A sub-indicator ("NI 120f") has its parent's ranking when it has none of its own."""
    return ranked.get(code) or ranked.get(parent_code(code) or "")


def priority_of(ranked: dict[str, queries.Ranking], code: str) -> Priority | None:
    """The indicator's band in a ranking (its parent's for a sub-indicator); None when unranked."""
    ranking = ranking_of(ranked, code)
    return ranking.priority if ranking else None


def listed_codes(store: Store, locality: str, period: Period | None = None) -> list[str]:
    """Every indicator that has a value, a target or a ranking for locality; a parent ranked as one
    (NI 120) gives way to its sub-indicators (NI 120f, NI 120m) when they have figures of their own."""
    found = figures(store)
    if locality not in queries.area_ids(store):
        raise VfkError(f'"{locality}" is not a place in this database.')
    own = set(found.values.of(locality))
    own |= found.own_targets.get(locality, set())
    listed = own | set(queries.rankings(store, locality, period)) | set(found.kent_targets)
    listed &= set(found.catalogue)
    parents = {parent_code(code) for code in listed} - {None}
    return sorted(listed - {code for code in parents if code not in own})


def band_counts(store: Store, locality: str, period: Period | None = None) -> dict[Priority, int]:
    """How many indicators the locality ranks High, Medium and Low for period (NI 120 is one,
    however many sub-indicator rows it has): the count every view shows."""
    return count_bands(r.priority for r in queries.rankings(store, locality, period).values())


def ranking_round_for(store: Store, locality: str, period: Period | None = None) -> Period | None:
    """The ranking round a period choice uses: the newest made no later than it (else the earliest)."""
    chosen = queries.rankings(store, locality, period).values()
    return max((r.round for r in chosen), default=None)


def fare_facts(store: Store, locality: str, period: Period | None = None) -> list[IndicatorFacts]:
    """The facts of every listed indicator for locality, with every period."""
    found = figures(store)
    ranked = queries.rankings(store, locality, period)
    local = target_choices(store, locality)
    return [found.facts(locality, code, priority_of(ranked, code), local.get(code) == "local")
            for code in listed_codes(store, locality, period)]


def fare_table(store: Store, locality: str, period: Period | None = None) -> list[FareRow]:
    """"How does locality fare in Kent?", ordered by priority band, theme and code."""
    return list(store.cached(("fare", locality, period), lambda: _fare_table(store, locality, period)))


@without_cycle_collection  # some 20,000 small objects, none in a cycle
def _fare_table(store: Store, locality: str, period: Period | None) -> tuple[FareRow, ...]:
    order = queries.theme_order(store)
    rows = [accountable(store, facts, assess(facts, period))
            for facts in fare_facts(store, locality, period)]
    return tuple(sorted(rows, key=lambda row: fare_sort_key(row, order)))


def indicator_facts(store: Store, locality: str, code: str, period: Period | None = None,
                    alone: bool = False) -> IndicatorFacts:
    """One indicator's facts with every period: the locality's, Kent's and all 12 districts'. alone:
    read that indicator's figures only (the same facts), for a command that shows nothing else."""
    found = figures_of(store, code) if alone else figures(store)
    if code not in found.catalogue:
        raise UnknownIndicator(code)
    return found.facts(locality, code, priority_of(queries.rankings(store, locality, period), code),
                       target_choices(store, locality).get(code) == "local")


def fare_row(store: Store, locality: str, code: str, period: Period | None = None) -> FareRow:
    """The indicator's row as the fare table shows it (the same row, when it is listed there)."""
    for row in fare_table(store, locality, period):
        if row.code == code:
            return row
    facts = indicator_facts(store, locality, code, period)
    return accountable(store, facts, assess(facts, period))


def history(store: Store, locality: str, code: str) -> list[FareRow]:
    """The indicator's fare row at each period the locality or Kent has a figure for, newest first."""
    return list(store.cached(("history", locality, code), lambda: _history(store, locality, code)))


def _history(store: Store, locality: str, code: str) -> tuple[FareRow, ...]:
    facts = indicator_facts(store, locality, code)
    periods = set(facts.values) | set(facts.kent_values)
    return tuple(accountable(store, facts, assess(facts, period, exact=True))
                 for period in sorted(periods, reverse=True))
