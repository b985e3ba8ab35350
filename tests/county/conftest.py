"""A throwaway PostgreSQL cluster for the session, a fresh county store per test, and district
databases split from the sample (each holding only what its district owns)."""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.postgres import Cluster, create_county_store, role_of, throwaway_cluster

_NUMBERS = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    pgpass = tmp_path_factory.mktemp("pgpass") / "pgpass"
    before = os.environ.get("PGPASSFILE")
    os.environ["PGPASSFILE"] = str(pgpass)
    try:
        with throwaway_cluster() as cluster:
            cluster.pgpass = pgpass
            yield cluster
    finally:
        if before is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = before


UrlFor = Callable[[str], str]


@pytest.fixture
def county(pg_cluster: Cluster) -> UrlFor:
    """A new, empty county store; county(place) is the URL its role for place connects with
    (the password is in the pgpass file, never in the URL)."""
    name = f"county_{next(_NUMBERS)}"
    assert pg_cluster.pgpass is not None
    create_county_store(pg_cluster, name, pg_cluster.pgpass)

    def url_for(place: str) -> str:
        role = place if place.startswith("vfk_") else role_of(place)
        return pg_cluster.url(role, name)

    return url_for


def split_database(template: Path, target: Path, place: str) -> Path:
    """A copy of the sample that holds only place's own rows (place "Kent": the county's)."""
    shutil.copy(template, target)
    conn = sqlite3.connect(target)
    districts = [name for (name,) in conn.execute("SELECT name FROM areas WHERE kind = 'district'")]
    if place == "Kent":
        others = "SELECT id FROM areas WHERE kind = 'district'"
        params: list[str] = []
    else:
        assert place in districts
        others = "SELECT id FROM areas WHERE name <> ?"
        params = [place]
    with conn:
        for table in ("observations", "rankings", "commentary"):
            conn.execute(f"DELETE FROM {table} WHERE area_id IN ({others})", params)
        for table, link in (("local_priority_ambitions", "priority_id"),
                            ("local_priority_indicators", "priority_id")):
            conn.execute(f"DELETE FROM {table} WHERE {link} IN (SELECT id FROM local_priorities "
                         f"WHERE area_id IN ({others}))", params)
        for table in ("action_indicators", "action_notes"):
            conn.execute(f"DELETE FROM {table} WHERE action_id IN (SELECT id FROM actions "
                         f"WHERE area_id IN ({others}))", params)
        for table in ("actions", "local_priorities"):
            conn.execute(f"DELETE FROM {table} WHERE area_id IN ({others})", params)
    conn.close()
    return target


@pytest.fixture(scope="session")
def districts(sample_template: Path) -> list[str]:
    conn = sqlite3.connect(sample_template)
    names = [name for (name,) in conn.execute(
        "SELECT name FROM areas WHERE kind = 'district' ORDER BY position, name")]
    conn.close()
    assert len(names) == 12
    return names


def figures(path: Path, only: str = "") -> set[tuple]:
    """Every figure in a database, by place name, as the officer would compare them."""
    conn = sqlite3.connect(path)
    rows = {tuple(row) for row in conn.execute(
        "SELECT a.name, o.indicator, o.period, o.kind, o.value, o.text, o.missing FROM observations o "
        f"JOIN areas a ON a.id = o.area_id {only}")}
    conn.close()
    return rows


def other_rows(path: Path) -> set[tuple]:
    conn = sqlite3.connect(path)
    rows = {("ranking", *row) for row in conn.execute(
        "SELECT a.name, r.indicator, r.round, r.priority FROM rankings r JOIN areas a ON a.id = r.area_id")}
    rows |= {("comment", *row) for row in conn.execute(
        "SELECT a.name, c.indicator, c.period, c.text FROM commentary c JOIN areas a ON a.id = c.area_id")}
    rows |= local_work(conn)
    conn.close()
    return rows


def local_work(conn: sqlite3.Connection) -> set[tuple]:
    """Every local priority (with its Ambitions and indicators) and action (with its indicators and
    notes), by place name, whatever number it has in this database."""
    rows = {("local priority", *row) for row in conn.execute(
        "SELECT a.name, p.position, p.title, p.description, "
        "(SELECT group_concat(ambition_id) FROM local_priority_ambitions WHERE priority_id = p.id), "
        "(SELECT group_concat(indicator) FROM local_priority_indicators WHERE priority_id = p.id) "
        "FROM local_priorities p JOIN areas a ON a.id = p.area_id")}
    rows |= {("action", *row) for row in conn.execute(
        "SELECT a.name, x.title, x.owner, x.due, x.status, p.title, "
        "(SELECT group_concat(indicator) FROM action_indicators WHERE action_id = x.id), "
        "(SELECT group_concat(text, '|') FROM action_notes WHERE action_id = x.id) "
        "FROM actions x JOIN areas a ON a.id = x.area_id "
        "LEFT JOIN local_priorities p ON p.id = x.local_priority_id")}
    return rows
