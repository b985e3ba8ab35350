"""How long the spine chart, funnel plot and tile map take: `vfk chart --kind K` as a whole process
beside a bare pyqtgraph chart, and each redrawn in the window (data and drawing), on a full store
(12 districts x 200 indicators x 10 periods, with counts and denominators).

    python bench/chart_kinds_bench.py [--runs 5] [--kinds spine,funnel,map]

The floor is ../shared/bench/floor_plot.py (12 bars offscreen to a PNG, Qt start-up included).
Goals: each kind within 1.5x the floor; the in-window update under 50 ms. Medians after one
warm-up; the floor and the kind are timed in turns, so a busy machine slows both alike (the ratio is
the median of the paired ratios).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import floor_script, summary, timed, vfk  # noqa: E402
from fare_bench import build_store  # noqa: E402

INDICATOR = {"spine": [], "funnel": ["--indicator", "NI 39"], "map": ["--indicator", "NI 39"]}


def whole_process(db: Path, work: Path, kind: str, runs: int) -> tuple[list[float], list[float]]:
    env = {"QT_QPA_PLATFORM": "offscreen"}
    ours = vfk("--db", str(db), "chart", "--locality", "Tunbridge Wells", "--kind", kind,
               *INDICATOR[kind], "--out", str(work / f"{kind}.png"))
    floor = [sys.executable, str(floor_script("floor_plot.py")), str(work / "floor.png")]
    timed(ours, env), timed(floor, env)  # warm-up
    pairs = [(timed(ours, env)[0], timed(floor, env)[0]) for _ in range(runs)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def in_window(db: Path, kind: str, runs: int) -> list[float]:
    """The chart for one indicator after another (the map and the funnel) or one district after
    another (the spine), as the tab redraws when the officer moves on."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from vfk_desktop.charts.views import ChartView
    from vfk_desktop.facts.charts import funnel_data, spine_data, tile_map_data
    from vfk_desktop.store.connection import open_store

    store = open_store(db)
    view = ChartView()
    view.resize(1100, 420)
    view.show()
    districts = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
                 "Shepway", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"]
    times = []
    for n in range(runs + 1):
        started = time.perf_counter()
        if kind == "spine":
            data = spine_data(store, districts[n % 12])
        elif kind == "funnel":
            data = funnel_data(store, "Tunbridge Wells", f"NI {n + 1}")
        else:
            data = tile_map_data(store, "Tunbridge Wells", f"NI {n + 1}")
        view.set_data(data)
        view.plot_widget.repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
    store.close()
    return times[1:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kinds", default="spine,funnel,map")
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = build_store(work)
        for kind in kinds:
            ours, floor = whole_process(db, work, kind, args.runs)
            print(summary(f"vfk chart --kind {kind}", ours))
            print(summary("  floor_plot.py (bare pyqtgraph)", floor))
            print(f"  ratio: {statistics.median(a / b for a, b in zip(ours, floor, strict=True)):.2f}x")
        for kind in kinds:
            updates = in_window(db, kind, args.runs * 3)
            print(f"{kind} update in the window: median {statistics.median(updates) * 1000:.0f} ms "
                  f"(max {max(updates) * 1000:.0f} ms, {len(updates)} redraws)")


if __name__ == "__main__":
    main()
