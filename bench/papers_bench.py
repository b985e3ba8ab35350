"""How long `vfk report` takes for the sample as a whole process, for each kind of Board paper:
the PDF pack, the Word paper and the slides. Goal: the Word paper and the slides under 3 s each.

    python bench/papers_bench.py [--runs 5]

Prints the median wall time and the median processor time (user + system) of the process: on a
machine shared with other work, the processor time is the steadier of the two. One warm-up first.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import vfk  # noqa: E402


def run(command: list[str]) -> tuple[float, float]:
    """(wall, processor) seconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "sample.db"
        subprocess.run(vfk("--db", str(db), "init", "--sample"), check=True, stdout=subprocess.DEVNULL)
        for name in ("pack.pdf", "paper.docx", "slides.pptx"):
            command = vfk("--db", str(db), "report", "--locality", "TWBC", "--out", str(Path(folder) / name))
            run(command)  # warm-up: the file cache, Python's compiled modules
            times = [run(command) for _ in range(runs)]
            walls, cpus = [w for w, _ in times], [c for _, c in times]
            print(f"vfk report --out {name}: wall median {statistics.median(walls):.2f} s "
                  f"(min {min(walls):.2f}), processor median {statistics.median(cpus):.2f} s "
                  f"(min {min(cpus):.2f}), {runs} runs")


if __name__ == "__main__":
    main()
