"""Roll-ups of the fare table to the district's local priorities, the Ambitions and the key
performance questions, from the same fare rows the Overview shows."""

from __future__ import annotations

from dataclasses import dataclass

from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.rollup import RollUp, roll_up
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.store.accountability import kpq_links
from vfk_desktop.store.connection import Store
from vfk_desktop.store.local_priorities import local_priorities
from vfk_desktop.store.vision import ambitions


@dataclass(frozen=True)
class AmbitionRollUp:
    """One Ambition's roll-up as a whole, and one for each of its key performance questions."""

    number: int
    title: str
    whole: RollUp  # every indicator of its questions and of the local priorities tied to it
    questions: tuple[RollUp, ...]  # KPQ1 to KPQ5


def local_priority_rollups(store: Store, locality: str, period: Period | None = None) -> dict[int, RollUp]:
    """Local priority id -> its roll-up."""
    rows = fare_table(store, locality, period)
    return {p.id: roll_up(p.title, p.indicators, rows) for p in local_priorities(store, locality)
            if p.id is not None}


def ambition_rollups(store: Store, locality: str, period: Period | None = None) -> list[AmbitionRollUp]:
    rows = fare_table(store, locality, period)
    links = kpq_links(store)
    priorities = local_priorities(store, locality)
    result = []
    for ambition in ambitions(store):
        questions = tuple(roll_up(question, links.get((ambition.number, number), ()), rows)
                          for number, question in enumerate(ambition.questions, 1))
        codes = [c for q in questions for c in q.codes]
        codes += [c for p in priorities if ambition.number in p.ambitions for c in p.indicators]
        result.append(AmbitionRollUp(ambition.number, ambition.title,
                                     roll_up(ambition.title, codes, rows), questions))
    return result
