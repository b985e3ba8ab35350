"""Start-up of the installed build against the source: does freezing slow the officer down?

    python bench/frozen_bench.py [--bundle dist/vfk_desktop] [--runs 7] [--startup-only]

Builds nothing: run installer/build.sh first. Times whole processes, alternating frozen and source
runs so that a busy machine slows both alike, and prints the medians and their ratio (goal: the
frozen program takes at most 1.5 times as long as the source).

Then the installed window's start, as bench/ui_bench.py times the source's: from launching
`vfk-desktop --painted` to the Overview painted with data, beside the bare Qt window
(shared/bench/floor_qt.py), alternated, ratio per pair (goal: within 1.5x).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, floor_script, summary, timed, vfk  # noqa: E402

GOAL = 1.5


def cases(bundle: Path, db: Path) -> list[tuple[str, list[str], list[str]]]:
    frozen_cli, frozen_gui = str(bundle / "vfk"), str(bundle / "vfk-desktop")
    fare = ("--db", str(db), "fare", "--locality", "Tunbridge Wells")
    return [
        ("vfk --version", [frozen_cli, "--version"], vfk("--version")),
        ("vfk fare", [frozen_cli, *fare], vfk(*fare)),
        ("vfk fare --json", [frozen_cli, *fare, "--json"], vfk(*fare, "--json")),
        ("vfk-desktop --smoke", [frozen_gui, "--smoke"], [sys.executable, "-m", "vfk_desktop", "--smoke"]),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "vfk_desktop")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--startup-only", action="store_true", help="time the window's start-up alone")
    args = parser.parse_args()
    if not (args.bundle / "vfk").exists():
        sys.exit(f"No bundle in {args.bundle}: run installer/build.sh first.")
    source_env = {"PYTHONPATH": str(REPO)}
    frozen_env = {"PYTHONPATH": ""}
    with tempfile.TemporaryDirectory(prefix="vfk-frozen-bench-") as folder:
        db = Path(folder) / "vfk.db"
        timed([str(args.bundle / "vfk"), "--db", str(db), "init", "--sample"])
        os.environ.pop("QT_QPA_PLATFORM", None)  # --smoke goes offscreen by itself
        print(f"{args.bundle} against {sys.executable} -m vfk_desktop, {args.runs} runs each "
              f"(after one warm-up run)")
        compileall.compile_dir(REPO / "vfk_desktop", quiet=1)  # the source as installed: its bytecode
        worst = 0.0
        for label, frozen, source in [] if args.startup_only else cases(args.bundle, db):
            timed(frozen, frozen_env)
            timed(source, source_env)
            frozen_times, source_times = [], []
            for _ in range(args.runs):
                frozen_times.append(timed(frozen, frozen_env)[0])
                source_times.append(timed(source, source_env)[0])
            ratio = statistics.median(frozen_times) / statistics.median(source_times)
            worst = max(worst, ratio)
            print(f"{label:<20} frozen {summary('', frozen_times)[2:]}")
            print(f"{'':<20} source {summary('', source_times)[2:]}")
            print(f"{'':<20} ratio {ratio:.2f}×")
        if not args.startup_only:
            print(f"Worst ratio {worst:.2f}× (goal ≤ {GOAL}×): {'met' if worst <= GOAL else 'NOT met'}")
        startup_beside_floor(args.bundle, db, args.runs)
    return 0


def until_painted(command: list[str], env: dict[str, str]) -> float:
    """From launching the window to its Overview painted, in seconds (it prints the moment)."""
    launched = time.time()
    done = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ, **env})
    return float(done.stdout.split("painted at ")[1].split()[0]) - launched


def startup_beside_floor(bundle: Path, db: Path, runs: int) -> None:
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    frozen = [str(bundle / "vfk-desktop"), "--db", str(db), "--painted"]
    source = [sys.executable, "-m", "vfk_desktop", "--db", str(db), "--painted"]
    floor = [sys.executable, str(floor_script("floor_qt.py"))]
    times: dict[str, list[float]] = {"frozen": [], "source": [], "floor": []}
    for run in range(runs + 1):  # the first round warms the disk cache and is left out
        frozen_s = until_painted(frozen, {**offscreen, "PYTHONPATH": ""})
        source_s = until_painted(source, {**offscreen, "PYTHONPATH": str(REPO)})
        floor_s = timed(floor, offscreen)[0]
        if run:
            for name, seconds in (("frozen", frozen_s), ("source", source_s), ("floor", floor_s)):
                times[name].append(seconds)
    ratios = [f / b for f, b in zip(times["frozen"], times["floor"], strict=True)]
    source_ratios = [s / b for s, b in zip(times["source"], times["floor"], strict=True)]
    print(f"start-up to the overview painted: frozen median {statistics.median(times['frozen']):.3f} s, "
          f"source {statistics.median(times['source']):.3f} s; bare window "
          f"{statistics.median(times['floor']):.3f} s; ratio frozen {statistics.median(ratios):.2f}x, "
          f"source {statistics.median(source_ratios):.2f}x (paired, {runs} runs; goal within {GOAL}x)")


if __name__ == "__main__":
    sys.exit(main())
