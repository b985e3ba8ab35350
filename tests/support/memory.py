"""How much memory a piece of work took at its peak, the whole process counted (Rust readers too).

Linux keeps a high-water mark of the resident set (VmHWM); writing 5 to /proc/self/clear_refs resets
it to the present size, so the mark read afterwards is the work's own peak. A bound on it is a test
that can fail (a reader that inflates a bomb or loads a million rows grows by hundreds of MB), where a
bound on elapsed time depends on the machine's load.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

_STATUS = Path("/proc/self/status")
_CLEAR = Path("/proc/self/clear_refs")


def _kib(field: str) -> int:
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


class Peak:
    mib: float = 0.0


@contextlib.contextmanager
def peak_growth() -> Iterator[Peak]:
    """Measure the rise of the peak resident memory (MiB) over the with-block."""
    try:
        _CLEAR.write_text("5")
    except OSError:
        pytest.skip("this system cannot reset the peak memory mark (/proc/self/clear_refs)")
    peak = Peak()
    before = _kib("VmRSS")
    try:
        yield peak
    finally:
        peak.mib = (_kib("VmHWM") - before) / 1024
