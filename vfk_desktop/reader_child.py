"""In a bundled app, the reader child process (io/readers/isolated.py, where every imported file is
read) starts through the program's own main: hand such a start over to multiprocessing before
anything else runs."""

from __future__ import annotations

import sys


def serve_if_reader_child() -> None:
    # Checked by argument first: importing multiprocessing costs every bundled start 20 ms.
    if getattr(sys, "frozen", False) and "--multiprocessing-fork" in sys.argv:
        import multiprocessing

        multiprocessing.freeze_support()  # runs the child's work, then exits
