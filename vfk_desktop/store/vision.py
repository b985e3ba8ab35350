"""The Vision for Kent as the store keeps it: Ambitions and KPQs, delivery plans, the working
groups' lead/support matrix, and the latest PSB report of Reds."""

from __future__ import annotations

from dataclasses import dataclass

from vfk_desktop.store.connection import Store


@dataclass(frozen=True)
class Ambition:
    """One of the Vision for Kent's Ambitions, with its key performance questions."""

    number: int
    title: str
    summary: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class DeliveryPlan:
    """A delivery plan: whose it is, the Ambitions it serves and the districts it covers."""

    title: str
    organisation: str | None
    sector: str
    primary: int | None
    ambitions: tuple[int, ...]  # every Ambition it serves, the primary one included
    status: str | None
    link: str | None
    localities: tuple[str, ...]


def ambitions(store: Store) -> list[Ambition]:
    questions: dict[int, list[str]] = {}
    for ambition, question in store.conn.execute(
            "SELECT ambition_id, question FROM kpqs ORDER BY ambition_id, number"):
        questions.setdefault(ambition, []).append(question)
    return [Ambition(n, title, summary, tuple(questions.get(n, [])))
            for n, title, summary in store.conn.execute(
                "SELECT id, title, summary FROM ambitions ORDER BY id")]


def delivery_plans(store: Store, ambition: int | None = None, primary_only: bool = False
                   ) -> list[DeliveryPlan]:
    """The plans, optionally those serving one Ambition (primarily, or at all)."""
    served: dict[int, list[int]] = {}
    for plan, amb in store.conn.execute("SELECT plan_id, ambition_id FROM delivery_plan_ambitions"):
        served.setdefault(plan, []).append(amb)
    places: dict[int, list[str]] = {}
    for plan, name in store.conn.execute(
            "SELECT x.plan_id, a.name FROM delivery_plan_areas x JOIN areas a ON a.id = x.area_id"):
        places.setdefault(plan, []).append(name)
    plans = []
    for pid, title, organisation, sector, primary, status, link in store.conn.execute(
            "SELECT id, title, organisation, sector, primary_ambition, status, link "
            "FROM delivery_plans ORDER BY id"):
        all_served = tuple(sorted(served.get(pid, [])))
        if ambition is not None:
            if primary_only and primary != ambition:
                continue
            if not primary_only and ambition not in all_served:
                continue
        plans.append(DeliveryPlan(title, organisation, sector, primary, all_served, status, link,
                                  tuple(sorted(places.get(pid, [])))))
    return plans


@dataclass(frozen=True)
class Matrix:
    """The working groups' lead and support matrix: the outcomes each group leads on, and who supports it."""

    groups: list[tuple[str, str]]  # (code, name) in order
    leads: dict[str, list[str]]  # group -> the outcomes it leads on
    support: dict[tuple[str, str], list[str]]  # (supporting group, leading group) -> outcomes


def working_groups(store: Store) -> Matrix:
    groups = list(store.conn.execute("SELECT code, name FROM working_groups ORDER BY position"))
    leads: dict[str, list[str]] = {}
    support: dict[tuple[str, str], list[str]] = {}
    for lead, supporter, outcome in store.conn.execute(
            "SELECT lead, supporter, outcome FROM working_group_outcomes ORDER BY position"):
        if supporter is None:
            leads.setdefault(lead, []).append(outcome)
        else:
            support.setdefault((supporter, lead), []).append(outcome)
    return Matrix(groups, leads, support)


def psb_report(store: Store) -> tuple[str, list[tuple[str, str]]]:
    """The latest PSB report of Reds: its date and (code, title) of each Red, in its order."""
    row = store.conn.execute("SELECT max(report_date) FROM psb_reds").fetchone()
    date = row[0] if row else None
    return date or "", list(store.conn.execute(
        "SELECT indicator, title FROM psb_reds WHERE report_date = ? ORDER BY rowid", (date,)))
