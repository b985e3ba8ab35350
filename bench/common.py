"""Shared by the benchmarks: where the floors are, timing whole processes, paired ratios."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_BENCH = Path(os.environ.get("VFK_SHARED", REPO.parent / "shared")) / "bench"


def compile_package() -> None:
    """Write vfk_desktop's bytecode, as an installed vfk has it: in a shell with
    PYTHONDONTWRITEBYTECODE=1 every run would otherwise compile each module it imports."""
    import compileall

    compileall.compile_dir(str(REPO / "vfk_desktop"), quiet=1)


def floor_script(name: str) -> Path:
    path = SHARED_BENCH / name
    if not path.exists():
        sys.exit(f"{path} is missing: put the steering repo's shared/ beside this checkout "
                 f"or set VFK_SHARED to it")
    return path


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time of a whole process and its peak memory (MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(after, before) // 1024


def timed_cpu(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of a whole process. On a busy machine the wall time
    also counts the waits for a core; the CPU time does not, so its ratio is the steadier one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed, _ = timed(command, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def vfk(*args: str) -> list[str]:
    return [sys.executable, "-m", "vfk_desktop.cli", *args]


def summary(label: str, times: list[float]) -> str:
    return (f"{label}: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)")


def peak_memory(command: list[str]) -> int:
    """Peak resident memory of one process in MiB, measured alone by /usr/bin/time when present."""
    if Path("/usr/bin/time").exists():
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True,
                              check=True)
        return int(done.stderr.strip().splitlines()[-1]) // 1024
    return -1
