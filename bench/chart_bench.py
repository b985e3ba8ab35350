"""How long charts take: `vfk chart` as a whole process beside a bare pyqtgraph chart, and the
districts chart redrawn in the window on a full store (12 districts x 200 indicators x 10 periods).

    python bench/chart_bench.py [--runs 7]

The floor is ../shared/bench/floor_plot.py (12 bars offscreen to a PNG, Qt start-up included).
Goal: the in-window update (data and drawing) under 50 ms. Medians after one warm-up.
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


def in_window(db: Path, runs: int) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from vfk_desktop.charts.views import ChartView
    from vfk_desktop.facts.charts import districts_data
    from vfk_desktop.store.connection import open_store

    store = open_store(db)
    view = ChartView()
    view.resize(700, 420)
    view.show()
    codes = [f"NI {n}" for n in range(1, runs + 2)]
    times = []
    for code in codes:
        started = time.perf_counter()
        view.set_data(districts_data(store, "Tunbridge Wells", code))
        view.plot_widget.repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
    return times[1:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = build_store(work)
        env = {"QT_QPA_PLATFORM": "offscreen"}
        ours = vfk("--db", str(db), "chart", "--locality", "Tunbridge Wells", "--indicator", "NI 39",
                   "--kind", "districts", "--out", str(work / "ours.png"))
        floor = [sys.executable, str(floor_script("floor_plot.py")), str(work / "floor.png")]
        timed(ours, env), timed(floor, env)  # warm-up
        pairs = [(timed(ours, env)[0], timed(floor, env)[0]) for _ in range(args.runs)]
        our_times, floor_times = [p[0] for p in pairs], [p[1] for p in pairs]
        print(summary("vfk chart --kind districts", our_times))
        print(summary("floor_plot.py (bare pyqtgraph)", floor_times))
        print(f"ratio: {statistics.median(a / b for a, b in pairs):.2f}x")
        updates = in_window(db, args.runs * 3)
        print(f"districts chart update in the window: median {statistics.median(updates) * 1000:.0f} ms "
              f"(max {max(updates) * 1000:.0f} ms, {len(updates)} indicators)")


if __name__ == "__main__":
    main()
