"""Who answers for each indicator, in the store: lead officer and partner, the target the status
follows, the quarterly profile of a year's target, the KPQ links and each comment's earlier versions.

Leads, target choices and profiles are edits like a typed figure (`store.edits`): an `imports` row of
kind "edit" and a change-log entry with what they replaced, so undo and the history both see them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.periods import PeriodKind, parse_period
from vfk_desktop.domain.profiles import METHODS
from vfk_desktop.store.connection import Store
from vfk_desktop.who import current_user

FOLLOWS = ("kent", "local")



def _edits():
    """store.edits, loaded when first written through: start-up reads leads and writes nothing
    (tests/ui/test_startup_imports.py)."""
    from vfk_desktop.store import edits

    return edits

@dataclass(frozen=True)
class Lead:
    """Who leads on an indicator for a district: officer, partner and, where chosen, a working group."""

    officer: str | None = None
    partner: str | None = None
    working_group: str | None = None  # a working group's code (KEB); None: the theme's default


@dataclass(frozen=True)
class StoredProfile:
    """How a year's target is profiled across its quarters, as the store keeps it."""

    method: str  # "equal", "cumulative" or "typed"
    quarters: tuple[float | None, ...] = (None, None, None, None)  # typed targets, Q1 to Q4


@dataclass(frozen=True)
class CommentVersion:
    """One version of a comment: its text, and who wrote it, when and how."""

    text: str
    at: str | None
    author: str | None
    how: str | None  # "edit", "import" or "sample"


# --- leads -----------------------------------------------------------------------------------
def leads(store: Store, locality: str) -> dict[str, Lead]:
    return {code: Lead(officer, partner, group) for code, officer, partner, group in store.conn.execute(
        "SELECT l.indicator, l.officer, l.partner, l.working_group FROM leads l "
        "JOIN areas a ON a.id = l.area_id WHERE a.name = ?", (locality,))}


def lead_of(store: Store, locality: str, code: str) -> Lead | None:
    return leads(store, locality).get(code)


def set_lead(store: Store, locality: str, code: str, lead: Lead | None) -> None:
    """Name the lead officer, partner and working group; None or all blank takes them away."""
    _edits()._check_indicator(store, code)
    if lead is not None and lead.working_group and store.conn.execute(
            "SELECT 1 FROM working_groups WHERE code = ?", (lead.working_group,)).fetchone() is None:
        raise VfkError(f'"{lead.working_group}" is not one of the Kent Partnership\'s working groups.')
    blank = lead is None or not any((lead.officer, lead.partner, lead.working_group))
    key = {"indicator": code, "area_id": _edits()._area_id(store, locality)}
    new = None if blank else {"officer": _clean(lead.officer), "partner": _clean(lead.partner),
                              "working_group": lead.working_group or None}
    with store.atomic():
        _edits()._record(store, "leads", key, new, f"leads of {code} for {locality}")


def _clean(text: str | None) -> str | None:
    return text.strip() or None if text else None


# --- which target the status follows ------------------------------------------------------------
def target_choices(store: Store, locality: str) -> dict[str, str]:
    """Indicators whose status follows the locality's own target ("local"); the rest follow Kent's."""
    return dict(store.conn.execute(
        "SELECT t.indicator, t.follows FROM target_choices t JOIN areas a ON a.id = t.area_id "
        "WHERE a.name = ?", (locality,)))


def target_choice(store: Store, locality: str, code: str) -> str:
    return target_choices(store, locality).get(code, "kent")


def set_target_choice(store: Store, locality: str, code: str, follows: str) -> None:
    if follows not in FOLLOWS:
        raise VfkError(f'A status follows the "kent" or the "local" target, not "{follows}".')
    _edits()._check_indicator(store, code)
    key = {"indicator": code, "area_id": _edits()._area_id(store, locality)}
    with store.atomic():
        _edits()._record(store, "target_choices", key, None if follows == "kent" else {"follows": follows},
                f"{code} follows the {follows} target for {locality}")


# --- target profiles ----------------------------------------------------------------------------
def profiles(store: Store, locality: str) -> dict[tuple[str, str], StoredProfile]:
    """(code, financial year) -> how that year's target is spread over its quarters."""
    return {(code, year): StoredProfile(method, (q1, q2, q3, q4))
            for code, year, method, q1, q2, q3, q4 in store.conn.execute(
                "SELECT p.indicator, p.year, p.method, p.q1, p.q2, p.q3, p.q4 FROM target_profiles p "
                "JOIN areas a ON a.id = p.area_id WHERE a.name = ?", (locality,))}


def profile_of(store: Store, locality: str, code: str, year: str) -> StoredProfile | None:
    return profiles(store, locality).get((code, year))


def set_profile(store: Store, locality: str, code: str, year: str, profile: StoredProfile | None) -> None:
    """Say how a financial year's target is profiled; typed profiles give all four quarters."""
    period = parse_period(year)
    if period.kind is not PeriodKind.FINANCIAL_YEAR:
        raise VfkError(f"A target is profiled over a financial year such as 2009/10, not {year}.")
    _edits()._check_indicator(store, code)
    new = None
    if profile is not None:
        if profile.method not in METHODS:
            raise VfkError(f'"{profile.method}" is not a way to profile a target ({", ".join(METHODS)}).')
        typed = profile.method == "typed"
        if typed and any(q is None for q in profile.quarters):
            raise VfkError(f"Type a target for each of the four quarters of {period.label}.")
        new = {"method": profile.method} | {f"q{n}": (q if typed else None)
                                            for n, q in enumerate(profile.quarters, 1)}
    key = {"indicator": code, "area_id": _edits()._area_id(store, locality), "year": period.label}
    with store.atomic():
        _edits()._record(store, "target_profiles", key, new,
                         f"profile of the {period.label} target of {code}")


# --- key performance questions --------------------------------------------------------------------
def kpq_links(store: Store) -> dict[tuple[int, int], tuple[str, ...]]:
    """(Ambition, KPQ number) -> the indicators that evidence it."""
    links: dict[tuple[int, int], list[str]] = {}
    for ambition, number, code in store.conn.execute(
            "SELECT ambition_id, number, indicator FROM kpq_indicators "
            "ORDER BY ambition_id, number, rowid"):
        links.setdefault((ambition, number), []).append(code)
    return {key: tuple(codes) for key, codes in links.items()}


def set_kpq_indicators(store: Store, ambition: int, number: int, codes: tuple[str, ...]) -> None:
    if store.conn.execute("SELECT 1 FROM kpqs WHERE ambition_id = ? AND number = ?",
                          (ambition, number)).fetchone() is None:
        raise VfkError(f"Ambition {ambition} has no key performance question {number}.")
    for code in codes:
        _edits()._check_indicator(store, code)
    old = kpq_links(store).get((ambition, number), ())
    with store.atomic():
        store.conn.execute("DELETE FROM kpq_indicators WHERE ambition_id = ? AND number = ?",
                           (ambition, number))
        store.conn.executemany("INSERT OR IGNORE INTO kpq_indicators VALUES (?, ?, ?)",
                               [(ambition, number, code) for code in codes])
        store.conn.execute(
            "INSERT INTO change_log (import_id, at, user, table_name, key, old, new) "
            "VALUES (NULL, ?, ?, 'kpq_indicators', ?, ?, ?)",
            (_edits().now_text(), current_user(), json.dumps([ambition, number]), json.dumps(list(old)),
             json.dumps(list(codes))))


# --- commentary history --------------------------------------------------------------------------
def comment_versions(store: Store, locality: str, code: str, period: str) -> list[CommentVersion]:
    """Every version of a comment, newest first, each with who wrote it and when (the current one
    first; earlier ones from the change log, which keeps every row an edit or import replaced)."""
    label = parse_period(period).label
    where = _edits()._area_id(store, locality)
    rows = []
    current = store.conn.execute(
        "SELECT text, import_id FROM commentary WHERE indicator = ? AND area_id = ? AND period = ?",
        (code, where, label)).fetchone()
    if current:
        rows.append(current)
    for (old,) in store.conn.execute(
            "SELECT old FROM change_log WHERE table_name = 'commentary' AND key = ? AND old IS NOT NULL "
            "ORDER BY id DESC", (json.dumps([code, where, label]),)):
        found = json.loads(old)
        rows.append((found.get("text"), found.get("import_id")))
    who = {i: (at, user, kind) for i, at, user, kind in store.conn.execute(
        "SELECT id, at, user, kind FROM imports")}
    versions = []
    for text, import_id in rows:
        at, author, how = who.get(import_id, (None, None, None))
        version = CommentVersion(text, at, author, how)
        if not versions or versions[-1] != version:
            versions.append(version)
    return versions


def latest_comments(store: Store, locality: str) -> dict[tuple[str, str], CommentVersion]:
    """(code, period) -> the current comment with its author and time, for tables and outputs."""
    return {(code, period): CommentVersion(text, at, user, kind) for code, period, text, at, user, kind
            in store.conn.execute(
                "SELECT c.indicator, c.period, c.text, i.at, i.user, i.kind FROM commentary c "
                "JOIN areas a ON a.id = c.area_id LEFT JOIN imports i ON i.id = c.import_id "
                "WHERE a.name = ?", (locality,))}
