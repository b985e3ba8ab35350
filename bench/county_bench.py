"""How long the county store takes: 12 districts x 200 indicators x 10 periods (+ Kent), published
from 13 databases (each district's own, and the county's) and pulled back into one district's.

    python bench/county_bench.py [--runs 3]

Starts a throwaway PostgreSQL cluster (tests/support/postgres.py; as root it runs as the user vfkpg),
creates the county store in a new database each run, and times:
  - the first full sync: the 13 publishes, each through `publish()` in process on its open database
    (connecting as its own role, reading the local rows; the store holds none of them yet, so
    nothing is compared: COPY into a temporary table and one plain INSERT from it, as the server
    refuses COPY straight into a table under row-level security), beside a bare COPY of the same
    figures into a table made like the store's, in one transaction, on one connection already
    open (goal: within 3x);
  - the pull of the whole county picture into one district's file (one undoable import);
  - an unchanged sync: publishing and pulling again with nothing changed (goal: each under 1 s);
  - for scale, 13 connections alone (each publish connects as its district's role).
Figures are medians of the runs; the machine is shared, so they are noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from fare_bench import CODES, DISTRICTS, PERIODS, build_store  # noqa: E402

from tests.support.postgres import create_county_store, role_of, throwaway_cluster  # noqa: E402


def split(whole: Path, target: Path, place: str) -> Path:
    shutil.copy(whole, target)
    conn = sqlite3.connect(target)
    others = ("SELECT id FROM areas WHERE kind = 'district'" if place == "Kent"
              else "SELECT id FROM areas WHERE name <> ?")
    with conn:
        for table in ("observations", "rankings", "commentary"):
            conn.execute(f"DELETE FROM {table} WHERE area_id IN ({others})",
                         [] if place == "Kent" else [place])
    conn.close()
    return target


def bare_copy(url: str, databases: dict[str, Path]) -> tuple[float, int]:
    """The same figures, straight into a table made like the store's (its keys, its defaults) with
    one COPY in one transaction: no comparing, no row-level security, no upsert."""
    import psycopg

    from vfk_desktop.county import rows as tables
    from vfk_desktop.store.connection import open_store

    rows = []
    for place, path in databases.items():
        with open_store(path) as store:
            areas, exclude = tables.owned_areas(store, place)
            for table in (tables.FIGURES, tables.RANKINGS, tables.COMMENTARY):
                if table is tables.FIGURES:
                    rows.extend(data for data, _ in
                                tables.local_rows(store, table, areas, exclude).values())
    columns = ", ".join(tables.FIGURES.columns)
    at = dt.datetime.now(dt.UTC)
    with psycopg.connect(url) as conn:
        started = time.perf_counter()
        with conn.transaction():
            conn.execute("CREATE TABLE bare_figures (LIKE vfk.figures INCLUDING ALL)")
            with conn.cursor() as cursor, cursor.copy(
                    f"COPY bare_figures ({columns}, published_by, published_at) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, "bench", at))
        return time.perf_counter() - started, len(rows)


def one_run(cluster, folder: Path, whole: Path, number: int) -> dict[str, float]:
    from vfk_desktop.county.connection import county_connection
    from vfk_desktop.county.publish import publish
    from vfk_desktop.county.pull import pull
    from vfk_desktop.store.connection import open_store

    name = f"bench_{number}"
    create_county_store(cluster, name, folder / "pgpass")
    databases = {place: split(whole, folder / f"{number}-{place}.db", place)
                 for place in ["Kent", *DISTRICTS]}
    timings: dict[str, float] = {}
    stores = {place: open_store(path) for place, path in databases.items()}  # open, as in the window
    started = time.perf_counter()
    sent = sum(publish(store, cluster.url(role_of(place), name)).changed
               for place, store in stores.items())
    timings["publish"] = time.perf_counter() - started
    for store in stores.values():
        store.close()
    timings["copy"], copied = bare_copy(cluster.url(database=name, password="admin"), databases)
    started = time.perf_counter()
    for place in stores:  # what the 13 publishes spend before any row: a connection each
        with county_connection(cluster.url(role_of(place), name)):
            pass
    timings["connect"] = time.perf_counter() - started
    mine = databases["Tunbridge Wells"]
    url = cluster.url(role_of("Tunbridge Wells"), name)
    with open_store(mine) as store:
        started = time.perf_counter()
        pulled = pull(store, url)
        timings["pull"] = time.perf_counter() - started
        started = time.perf_counter()
        again = publish(store, url)
        timings["publish again"] = time.perf_counter() - started
        started = time.perf_counter()
        pulled_again = pull(store, url)
        timings["pull again"] = time.perf_counter() - started
    assert again.changed == 0 and pulled_again.changed == 0
    timings["rows"], timings["copied"], timings["pulled"] = sent, copied, pulled.changed
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["PGPASSFILE"] = str(folder / "pgpass")
        started = time.perf_counter()
        whole = build_store(folder)
        print(f"store: {len(DISTRICTS)} districts x {len(CODES)} indicators x {len(PERIODS)} periods "
              f"(+ Kent), built in {time.perf_counter() - started:.1f} s")
        with throwaway_cluster() as cluster:
            results = [one_run(cluster, folder, whole, number) for number in range(runs)]
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    ratio = statistics.median(r["publish"] / r["copy"] for r in results)
    print(f"first full sync: 13 publishes, {median['rows']:,.0f} rows, {median['publish']:.2f} s; "
          f"bare COPY of the {median['copied']:,.0f} figures {median['copy']:.2f} s; "
          f"ratio {ratio:.1f}x (goal within 3x); of the 13 publishes, {median['connect']:.2f} s is "
          f"13 connections, each as its own role")
    print(f"pull of the county picture into one district: {median['pulled']:,.0f} rows, "
          f"{median['pull']:.2f} s")
    print(f"unchanged sync: publish {median['publish again']:.2f} s, pull {median['pull again']:.2f} s "
          f"(goal under 1 s each)")
    print(f"medians of {runs} runs on a shared 2-core machine: noisy")


if __name__ == "__main__":
    main()
