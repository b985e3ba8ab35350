"""How long `vfk fare` takes on a full store: 12 districts x 200 indicators x 10 periods, each
figure with a count and a denominator, so every row has its intervals and tested trend.

    python bench/fare_bench.py [--runs 7]

Builds the store once (through `vfk import`, as a user would), then times, in one run:
  - the answer: opening the database and working out every fare row, inside one process
    (goal: well under 100 ms), and the same for another district in an open store, where the
    figures are already read (what the window pays when the officer changes district);
  - the whole `vfk fare --json` process, beside a bare `python -c "import sqlite3"` (the floor any
    command pays to start), as a ratio: asked again with nothing changed, when the answer worked out
    the first time is read back (goal: within 3x), and asked the first time after a change.
Figures are medians after one warm-up; min-max shows how noisy the machine was.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_package

DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Shepway", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"]
CODES = [f"NI {n}" for n in range(1, 200)] + ["LPI 1"]
PERIODS = [f"{y}/{(y + 1) % 100:02d}" for y in range(2000, 2010)]


def build_store(folder: Path) -> Path:
    db = folder / "bench.db"
    rng = random.Random(2010)
    source = folder / "full.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["District", "NI", "Indicator", "Period", "Value", "Count", "Denominator",
                      "Kent target", "Target period", "Priority", "Ranking period"])
        for code in CODES:
            priority = rng.choice(["High", "Medium", "Low", ""])
            for period in PERIODS:
                for district in DISTRICTS:
                    ranked = district == "Tunbridge Wells" and period == PERIODS[-1] and priority
                    denominator = rng.randint(2_000, 60_000)
                    count = round(rng.uniform(0.1, 0.9) * denominator)
                    out.writerow([district, code, f"Indicator {code}", period,
                                  round(count / denominator * 100, 1), count, denominator,
                                  round(rng.uniform(40, 60), 1) if district == "Ashford" else "",
                                  "", priority if ranked else "",
                                  "2009/10" if ranked else ""])
                out.writerow(["Kent", code, f"Indicator {code}", period, round(rng.uniform(30, 70), 1),
                              "", "", "", "", "", ""])
    run(["init"], db)
    run(["import", str(source), "--add-indicators"], db)
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("UPDATE indicators SET polarity = 'higher' WHERE polarity IS NULL")
    conn.execute("UPDATE indicators SET value_type = 'proportion', multiplier = 100")
    conn.commit()
    conn.close()
    return db


def run(args: list[str], db: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "vfk_desktop.cli", "--db", str(db), *args],
                          capture_output=True, text=True, check=True)
    return done.stdout


def in_process(db: Path) -> float:
    from vfk_desktop.facts.fare import fare_table
    from vfk_desktop.store.connection import open_store

    start = time.perf_counter()
    with open_store(db) as store:
        rows = fare_table(store, "Tunbridge Wells")
        json.dumps([row.to_json() for row in rows])
    elapsed = time.perf_counter() - start
    assert len(rows) == len(CODES), len(rows)
    assert all(row.statistics.ci95 and row.statistics.trend for row in rows if row.value is not None)
    return elapsed


def switching(db: Path) -> list[float]:
    """Each district's fare table in one open store, after the first (the window's case)."""
    from vfk_desktop.facts.fare import fare_table
    from vfk_desktop.store.connection import open_store

    times = []
    with open_store(db) as store:
        fare_table(store, DISTRICTS[0])
        for district in DISTRICTS[1:]:
            start = time.perf_counter()
            json.dumps([row.to_json() for row in fare_table(store, district)])
            times.append(time.perf_counter() - start)
    return times


def whole_process(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env={**os.environ, **(env or {})})
    return time.perf_counter() - start


def paired(ours, floor, runs: int) -> tuple[float, float, float]:
    """Medians of our time, the floor's and their ratio, run in turn (after one warm-up pair)."""
    pairs = [(ours(), floor()) for _ in range(runs + 1)][1:]
    return (statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs),
            statistics.median(p[0] / p[1] for p in pairs))


def median_of(fn, runs: int) -> tuple[float, float, float]:
    fn()  # warm-up
    times = [fn() for _ in range(runs)]
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        db = build_store(Path(folder))
        print(f"store: {len(DISTRICTS)} districts x {len(CODES)} indicators x {len(PERIODS)} periods "
              f"(+ Kent), built through `vfk import` in {time.perf_counter() - started:.1f} s")
        answer = median_of(lambda: in_process(db), runs * 3)
        switched = switching(db)
        fare = [sys.executable, "-m", "vfk_desktop.cli", "--db", str(db), "fare", "--locality",
                "Tunbridge Wells", "--json"]
        floor = [sys.executable, "-c", "import sqlite3"]
        kept = Path(folder) / "cache"
        again = paired(lambda: whole_process(fare, {"XDG_CACHE_HOME": str(kept)}),
                       lambda: whole_process(floor), runs)
        first = paired(lambda: whole_process(fare, {"XDG_CACHE_HOME": tempfile.mkdtemp(dir=folder)}),
                       lambda: whole_process(floor), runs)
    print(f"answer (open + every fare row + JSON), in process: {answer[0] * 1000:.1f} ms "
          f"(min {answer[1] * 1000:.1f}, max {answer[2] * 1000:.1f}); goal well under 100 ms")
    print(f"another district's answer in an open store: median {statistics.median(switched) * 1000:.1f} ms "
          f"(max {max(switched) * 1000:.1f}, {len(switched)} districts)")
    for label, (ours, bare, ratio) in (("asked again", again), ("the first time after a change", first)):
        print(f"`vfk fare --json`, whole process, {label}: {ours * 1000:.0f} ms; bare python + "
              f"sqlite3: {bare * 1000:.0f} ms; ratio {ratio:.1f}x (paired medians of {runs})")
    print("goal: asked again within 3x")

if __name__ == "__main__":
    main()
