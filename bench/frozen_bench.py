"""Start-up of the installed build against the source: does freezing slow the officer down?

    python bench/frozen_bench.py [--bundle dist/vfk_desktop] [--runs 7]

Builds nothing: run installer/build.sh first. Times whole processes, alternating frozen and source
runs so that a busy machine slows both alike, and prints the medians and their ratio (goal: the
frozen program takes at most 1.5 times as long as the source).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, summary, timed, vfk  # noqa: E402

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
        worst = 0.0
        for label, frozen, source in cases(args.bundle, db):
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
    print(f"Worst ratio {worst:.2f}× (goal ≤ {GOAL}×): {'met' if worst <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
