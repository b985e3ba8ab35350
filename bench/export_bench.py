"""`vfk export --county` of a 200,000-observation database beside the floor: xlsxwriter writing the
same number of cells with nothing else to do.

    python bench/export_bench.py [--rows 200000] [--runs 3]

The database (built once, not timed) has the 12 districts and Kent, 198 indicators across the eight
themes, quarterly values with their provenance, Kent targets and each district's ranking. The
county workbook's cells are counted in the file written (every sheet), and floor_write.py writes
that many cells (rows x 8). The two commands alternate and the ratio is taken pair by pair.
Goal: within 2x of the floor.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from common import floor_script, peak_memory, summary, timed, vfk

CODES = [f"NI {n}" for n in range(1, 199)]


def build_store(db: Path, rows: int) -> int:
    """A county database of `rows` observations, written with one executemany."""
    subprocess.run(vfk("--db", str(db), "init"), check=True, stdout=subprocess.DEVNULL)
    conn = sqlite3.connect(db)
    rng = random.Random(2011)
    areas = dict(conn.execute("SELECT name, id FROM areas WHERE kind IN ('district', 'county')"))
    known = {code for (code,) in conn.execute("SELECT code FROM indicators")}
    conn.executemany(
        "INSERT INTO indicators (code, title, theme_id, unit, polarity, ka2) VALUES (?, ?, ?, '%', "
        "'higher', 1)", [(code, f"Indicator {code}", n % 8 + 1) for n, code in enumerate(CODES)
                         if code not in known])
    conn.execute("UPDATE indicators SET polarity = 'higher' WHERE polarity IS NULL OR polarity = 'neither'")
    conn.execute("INSERT INTO imports (id, at, user, kind) VALUES (1, '2011-03-31T09:00:00+01:00', "
                 "'bench', 'import')")
    per_period = len(CODES) * len(areas)
    quarters = [f"{1990 + q // 4}/{(1991 + q // 4) % 100:02d} Q{q % 4 + 1}"  # "1990/91 Q1"
                for q in range(rows // per_period + 1)]
    observations = []
    for label in quarters:
        for code in CODES:
            for name, area_id in areas.items():
                if len(observations) == rows:
                    break
                kind = "target" if name == "Kent" and label == quarters[0] else "value"
                observations.append((code, area_id, label, kind, round(rng.uniform(10, 90), 1),
                                     "bench.xlsx", "Data", f"E{len(observations) + 2}"))
    conn.executemany(
        "INSERT INTO observations (indicator, area_id, period, kind, value, import_id, file, sheet, cell) "
        "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)", observations)
    conn.executemany(
        "INSERT INTO rankings (area_id, indicator, round, priority, import_id) "
        "VALUES (?, ?, '2010/11', ?, 1)",
        [(area_id, code, rng.choice(["High", "Medium", "Low"])) for name, area_id in areas.items()
         if name != "Kent" for code in CODES])
    conn.commit()
    conn.close()
    return len(observations)


def cells_in(book: Path) -> int:
    with zipfile.ZipFile(book) as archive:
        return sum(len(re.findall(rb"<c ", archive.read(name))) for name in archive.namelist()
                   if name.startswith("xl/worksheets/sheet"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = folder / "county.db"
        observations = build_store(db, args.rows)
        book = folder / "county.xlsx"
        subprocess.run(vfk("--db", str(db), "export", "--county", "--out", str(book)), check=True,
                       stdout=subprocess.DEVNULL)
        cells = cells_in(book)
        floor_rows = cells // 8
        ours, floors, ratios = [], [], []
        for run in range(args.runs + 1):  # the first pair warms the caches and is not counted
            ours_s, _ = timed(vfk("--db", str(db), "export", "--county", "--out", str(book)))
            floor_s, _ = timed([sys.executable, str(floor_script("floor_write.py")), str(floor_rows),
                                str(folder / "floor.xlsx")])
            if run:
                ours.append(ours_s)
                floors.append(floor_s)
                ratios.append(ours_s / floor_s)
        memory = peak_memory(vfk("--db", str(db), "export", "--county", "--out", str(book)))
        size = book.stat().st_size
    print(f"database: {observations:,} observations; county workbook: {cells:,} cells, "
          f"{size / 2**20:.1f} MiB")
    print(summary("vfk export --county", ours))
    print(summary(f"floor: floor_write.py {floor_rows:,} rows x 8 cells", floors))
    print(f"ratio vfk / floor: {statistics.median(ratios):.2f}x (paired median; goal within 2x)")
    print(f"peak memory of vfk export --county: {memory} MiB")


if __name__ == "__main__":
    main()
