"""The window's speed beside a bare Qt window: start-up, switching locality, applying a filter.

    python bench/ui_bench.py [--runs 7] [--startup-only]

Start-up: from launching bench/ui_startup.py (the app's own start) to the overview painted with
data, beside the whole process of shared/bench/floor_qt.py (a bare window shown, events processed,
quit), alternated, ratio per pair.
Goal: within 1.5x. Switching locality and applying a filter are timed inside one window on a store
of 12 districts x 200 indicators x 10 periods, with the Overview and Indicator pages built, each
until the event loop has laid out and painted the change (as the officer sees it).
Goal: under 50 ms.
Then one Board pack is gathered on that store, counting the SQL statements it runs and how many
times the fare table is worked out (goal: once).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, floor_script, timed, timed_cpu

sys.path.insert(0, str(Path(__file__).resolve().parent))


def until_painted(db: Path) -> tuple[float, float]:
    """From launching the app's start-up to the overview painted: wall and CPU seconds."""
    import subprocess

    launched = time.time()
    done = subprocess.run([sys.executable, str(REPO / "bench" / "ui_startup.py"), str(db)],
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    said = done.stdout.split("painted at ")[1]
    painted = float(said.split()[0])
    cpu = float(said.split("; ")[1].split()[0])
    return painted - launched, cpu


def in_window(db: Path, repeats: int) -> tuple[list[float], list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vfk_desktop.app import make_application
    from vfk_desktop.store.connection import open_store
    from vfk_desktop.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(open_store(db), "Tunbridge Wells")
    window.resize(1320, 820)
    window.show()
    app.processEvents()
    window.open_indicator("NI 5")  # the Indicator page is built and follows the district too
    app.processEvents()
    window.show_page("Overview")
    page = window.pages["Overview"]
    switches, filters = [], []

    def settle() -> None:  # the event loop runs until the change is laid out and painted
        app.processEvents()
        app.processEvents()

    for n in range(repeats + 2):
        name = "Dover" if n % 2 == 0 else "Tunbridge Wells"
        started = time.perf_counter()
        window.set_locality(name)
        settle()
        switches.append(time.perf_counter() - started)
        started = time.perf_counter()
        page.worse_than_target.setChecked(not page.worse_than_target.isChecked())
        settle()
        filters.append(time.perf_counter() - started)
    window.close()
    return switches[2:], filters[2:]  # the first two fill the caches


def pack_queries(db: Path) -> tuple[int, int, int]:
    """(SQL statements, of which cache checks, fare tables worked out) for one Board pack."""
    from vfk_desktop.facts import fare
    from vfk_desktop.facts.board import build_pack
    from vfk_desktop.store.connection import open_store

    statements: list[str] = []
    worked_out = [0]
    original = fare._fare_table

    def counted(*args):
        worked_out[0] += 1
        return original(*args)

    fare._fare_table = counted
    with open_store(db) as store:
        store.conn.set_trace_callback(statements.append)
        build_pack(store, "Tunbridge Wells")
        store.conn.set_trace_callback(None)
    fare._fare_table = original
    checks = sum(1 for s in statements if s.strip().upper() == "PRAGMA DATA_VERSION")
    return len(statements), checks, worked_out[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--startup-only", action="store_true", help="time the start-up alone")
    args = parser.parse_args()
    runs = args.runs
    env = {"QT_QPA_PLATFORM": "offscreen"}
    # As installed: the package's bytecode is written once (pip and PyInstaller do so), so no run
    # compiles the sources again, even where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(REPO / "vfk_desktop", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        from fare_bench import build_store

        sample = folder / "sample.db"
        timed([sys.executable, "-m", "vfk_desktop.cli", "--db", str(sample), "init", "--sample"])
        ours, floors, ratios, cpu_ratios = [], [], [], []
        ours_cpu, floors_cpu = [], []
        for run in range(runs + 1):
            ours_s, ours_cpu_s = until_painted(sample)
            floor_s, floor_cpu_s = timed_cpu([sys.executable, str(floor_script("floor_qt.py"))], env)
            if run:
                ours.append(ours_s)
                floors.append(floor_s)
                ratios.append(ours_s / floor_s)
                ours_cpu.append(ours_cpu_s)
                floors_cpu.append(floor_cpu_s)
                cpu_ratios.append(ours_cpu_s / floor_cpu_s)
        print(f"start-up to the overview painted (sample database): median {statistics.median(ours):.3f} s; "
              f"bare window {statistics.median(floors):.3f} s; ratio {statistics.median(ratios):.2f}x "
              f"(paired, {runs} runs; goal within 1.5x)", flush=True)
        print(f"  the same in CPU time (steadier on a busy machine): {statistics.median(ours_cpu):.3f} s; "
              f"bare window {statistics.median(floors_cpu):.3f} s; "
              f"ratio {statistics.median(cpu_ratios):.2f}x", flush=True)
        if args.startup_only:
            return
        big = build_store(folder)
        switches, filters = in_window(big, runs * 2)
        queries, checks, fare_tables = pack_queries(big)
    print(f"switch locality, 200 indicators, repainted: median {statistics.median(switches) * 1000:.0f} ms "
          f"(max {max(switches) * 1000:.0f}); goal under 50 ms")
    print(f"apply a filter, repainted: median {statistics.median(filters) * 1000:.0f} ms "
          f"(max {max(filters) * 1000:.0f}); goal under 50 ms")
    print(f"one Board pack: {queries - checks} SQL queries (and {checks} cache checks); the fare table "
          f"worked out {fare_tables} time(s); goal once")


if __name__ == "__main__":
    main()
