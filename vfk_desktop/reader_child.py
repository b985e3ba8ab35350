"""In a bundled app, the reader child process (io/readers/isolated.py, where every imported file is
read) and multiprocessing's resource tracker start through the program's own main: hand such a
start over to multiprocessing before anything else runs."""

from __future__ import annotations

import sys

# How multiprocessing starts a frozen program for its own use: the worker gets
# `--multiprocessing-fork`; the resource tracker gets the interpreter's flags (`-X utf8`), then
# `-c "from multiprocessing.resource_tracker import main; …"`, which is never a command of ours.
_WORKER = "--multiprocessing-fork"
_HELPER = "from multiprocessing."


def is_multiprocessing_start(argv: list[str]) -> bool:
    return any(arg == _WORKER or arg.startswith(_HELPER) for arg in argv[1:])


def serve_if_reader_child() -> None:
    # Checked by argument first: importing multiprocessing costs every bundled start 20 ms.
    if getattr(sys, "frozen", False) and is_multiprocessing_start(sys.argv):
        import multiprocessing

        multiprocessing.freeze_support()  # runs the child's or the tracker's work, then exits
