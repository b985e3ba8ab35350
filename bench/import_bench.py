"""`vfk import` of a 200,000-row long workbook beside the floors: calamine read + executemany insert.

    python bench/import_bench.py [--rows 200000] [--runs 3]

The workbook comes from shared/bench/make_workbook.py (12 districts, NI 1-198, "1,212", "102%",
"N/a" and blanks mixed in). Each run imports into a fresh database (made beforehand, not timed),
alternating with the floor pair (floor_read.py on the same file, floor_sqlite.py for the same row
count), and the ratio is taken run by run. Each run also imports with the file read in the importing
process itself (VFK_BENCH_READ_IN_PROCESS=1, for this benchmark only), so the ratio with the reader
child is printed beside the ratio without it. The same file is then imported again as many times, each
paired with the floor pair. Goal: within 1.5x of read + insert; the same file again within 1.2x; peak
memory under 300 MB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import floor_script, peak_memory, summary, timed_cpu, vfk

IN_PROCESS = "VFK_BENCH_READ_IN_PROCESS"  # vfk_desktop/io/readers/isolated.py


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        book = folder / "long.xlsx"
        subprocess.run([sys.executable, str(floor_script("make_workbook.py")), str(args.rows), str(book)],
                       check=True, stdout=subprocess.DEVNULL)
        ours, floors, ratios, plain_ratios, cpu_ratios = [], [], [], [], []
        for run in range(args.runs + 1):  # the first pair warms the caches and is not counted
            db = folder / f"run{run}.db"
            subprocess.run(vfk("--db", str(db), "init"), check=True, stdout=subprocess.DEVNULL)
            ours_s, ours_cpu = timed_cpu(vfk("--db", str(db), "import", str(book), "--add-indicators"))
            plain_db = folder / f"plain{run}.db"
            subprocess.run(vfk("--db", str(plain_db), "init"), check=True, stdout=subprocess.DEVNULL)
            plain_s, _ = timed_cpu(vfk("--db", str(plain_db), "import", str(book), "--add-indicators"),
                                   env={IN_PROCESS: "1"})
            read_s, read_cpu = timed_cpu([sys.executable, str(floor_script("floor_read.py")), str(book)])
            insert_s, insert_cpu = timed_cpu([sys.executable, str(floor_script("floor_sqlite.py")),
                                              str(args.rows), str(folder / f"floor{run}.db")])
            if run:
                ours.append(ours_s)
                floors.append(read_s + insert_s)
                ratios.append(ours_s / (read_s + insert_s))
                plain_ratios.append(plain_s / (read_s + insert_s))
                cpu_ratios.append(ours_cpu / (read_cpu + insert_cpu))
        # the same file again into the last run's database, each time paired with the floor pair
        again_db = folder / f"run{args.runs}.db"
        again, again_cpu = [], []
        for run in range(args.runs):
            unchanged_s, unchanged_cpu = timed_cpu(vfk("--db", str(again_db), "import", str(book),
                                                       "--add-indicators"))
            read_s, read_cpu = timed_cpu([sys.executable, str(floor_script("floor_read.py")), str(book)])
            insert_s, insert_cpu = timed_cpu([sys.executable, str(floor_script("floor_sqlite.py")),
                                              str(args.rows), str(folder / f"again{run}.db")])
            again.append(unchanged_s / (read_s + insert_s))
            again_cpu.append(unchanged_cpu / (read_cpu + insert_cpu))
        fresh = folder / "memory.db"
        subprocess.run(vfk("--db", str(fresh), "init"), check=True, stdout=subprocess.DEVNULL)
        memory = peak_memory(vfk("--db", str(fresh), "import", str(book), "--add-indicators"))
    print(f"workbook: {args.rows:,} long rows (.xlsx from make_workbook.py)")
    print(summary("vfk import (new database)", ours))
    print(summary("floor: floor_read + floor_sqlite", floors))
    print(f"ratio vfk / floor: {statistics.median(ratios):.2f}x with the reader child, "
          f"{statistics.median(plain_ratios):.2f}x reading in process (paired medians; goal within 1.5x)")
    print(f"  in CPU time (user + system, steadier on a busy machine), with the reader child: "
          f"{statistics.median(cpu_ratios):.2f}x")
    print(f"importing the same file again (every row unchanged): {statistics.median(again):.2f}x the "
          f"floor (paired median of {len(again)}, min {min(again):.2f}, max {max(again):.2f}; goal "
          f"within 1.2x); in CPU time {statistics.median(again_cpu):.2f}x")
    print(f"peak memory of vfk import: {memory} MiB (goal under 300 MB)")


if __name__ == "__main__":
    main()
