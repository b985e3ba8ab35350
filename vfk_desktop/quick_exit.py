"""Ending a process that runs one command (`vfk`) without taking its objects apart one by one.

A command that imported 200,000 rows holds some millions of small objects when it is done: the
sheets, the plan, the stored figures it compared them with. Freeing them one by one as the process
ends took a twentieth of the import (0.17 s, bench/import_bench.py); the system takes the memory
back at once instead. What a command must finish is finished before: output flushed, the log
closed, the database closed and every helper process stopped by the command itself. In a process
that goes on (the window, the tests) nothing here changes anything.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import NoReturn

_left: list[object] = []
_ends_with_command = False


def ends_with_command() -> None:
    """Say that this process ends when its one command returns (end() is called then)."""
    global _ends_with_command
    _ends_with_command = True


def leave_to_the_end(*objects: object) -> None:
    """Keep objects until the process ends, where it ends with its command; else let them go now.

    Kept, they are also left out of the cycle collector's walks (gc.freeze): else its next pass
    walks them all once more before the end (an import's plan: 0.06-0.1 s)."""
    if _ends_with_command:
        _left.extend(objects)
        gc.freeze()


def end(code: int) -> NoReturn:
    """Flush what was written, close the log and end the process with code, freeing nothing."""
    import logging

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone (`vfk fare | head`)
            stream.flush()
    logging.shutdown()
    os._exit(code)
