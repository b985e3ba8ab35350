"""How long charts take: `vfk chart` of every kind as a whole process beside a bare pyqtgraph chart,
and each chart redrawn in the window on a full store (12 districts x 200 indicators x 10 periods,
with counts and denominators).

    python bench/chart_bench.py [--runs 7] [--kinds districts,spc,spine]

The floor is ../shared/bench/floor_plot.py (12 bars offscreen to a PNG, Qt start-up included).
Goals: each kind within 1.5x the floor; the in-window update (data and drawing) under 50 ms. The spine's
update is timed once the district's fare table is made, as the Overview makes it first; it is also
given with the fare table counted in.
Medians after one warm-up; the ratio is the median of paired runs (ours, then the floor's).
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

KINDS = ("districts", "range", "trend", "priorities", "spc", "spine", "funnel", "map")
DISTRICTS = ("Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Shepway", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells")


def chart_data_for(kind: str, store, code: str):
    from vfk_desktop.facts import charts

    if kind == "districts":
        return charts.districts_data(store, "Tunbridge Wells", code)
    if kind == "trend":
        return charts.trend_data(store, "Tunbridge Wells", code)
    if kind == "spc":
        return charts.spc_data(store, "Tunbridge Wells", code)
    if kind == "range":
        return charts.range_data(store, "Tunbridge Wells")
    if kind == "priorities":
        return charts.priorities_status_data(store, "Tunbridge Wells")
    if kind == "spine":  # one district after another: the spine does not change with the indicator
        return charts.spine_data(store, DISTRICTS[int(code.split()[1]) % 12])
    return charts.kind_data(store, kind, "Tunbridge Wells", code)


def in_window(db: Path, runs: int, kind: str, with_fare_table: bool = False) -> list[float]:
    """Data and drawing of kind for one indicator after another, as switching indicators does.

    The spine follows the district: switching district, the Overview works out the district's fare
    table first and the spine tab draws the same cached rows, so the spine's update is timed after
    its fare table is made (with_fare_table: the fare table counted too, as a district switch pays it).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from vfk_desktop.charts.views import ChartView
    from vfk_desktop.store.connection import open_store

    store = open_store(db)
    view = ChartView(compact=True)
    view.resize(1115, 300)  # the Indicator page's chart tab at 1366 x 728
    view.show()
    codes = [f"NI {n}" for n in range(1, runs + 2)]
    times = []
    for code in codes:
        if kind == "spine" and not with_fare_table:
            from vfk_desktop.facts.fare import fare_table

            fare_table(store, DISTRICTS[int(code.split()[1]) % 12])  # the Overview's, before the spine tab's
        started = time.perf_counter()
        view.data = None  # the range and priorities charts do not change with the indicator: redraw them
        view.set_data(chart_data_for(kind, store, code))
        view.plot_widget.repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
    store.close()
    return times[1:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    # pyqtgraph's bytecode was written when it was installed, as an installed vfk's is; compile ours
    # too, or a shell with PYTHONDONTWRITEBYTECODE=1 makes every run compile 70 modules (0.1-0.2 s)
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "vfk_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = build_store(work)
        env = {"QT_QPA_PLATFORM": "offscreen"}
        floor = [sys.executable, str(floor_script("floor_plot.py")), str(work / "floor.png")]
        timed(floor, env)  # warm-up
        for kind in kinds:
            indicator = [] if kind == "spine" else ["--indicator", "NI 39"]
            ours = vfk("--db", str(db), "chart", "--locality", "Tunbridge Wells", *indicator,
                       "--kind", kind, "--out", str(work / f"{kind}.png"))
            timed(ours, env)  # warm-up
            pairs = [(timed(ours, env)[0], timed(floor, env)[0]) for _ in range(args.runs)]
            print(summary(f"vfk chart --kind {kind}", [p[0] for p in pairs]))
            print(summary("  floor_plot.py (bare pyqtgraph)", [p[1] for p in pairs]))
            print(f"  ratio: {statistics.median(a / b for a, b in pairs):.2f}x")
        for kind in kinds:
            updates = in_window(db, args.runs * 3, kind)
            print(f"{kind} chart update in the window: median {statistics.median(updates) * 1000:.0f} ms "
                  f"(max {max(updates) * 1000:.0f} ms, {len(updates)} indicators)")
            if kind == "spine":
                switches = in_window(db, args.runs * 3, kind, with_fare_table=True)
                print(f"  with the district's fare table (the Overview's, made first): median "
                      f"{statistics.median(switches) * 1000:.0f} ms (max {max(switches) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
