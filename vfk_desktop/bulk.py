"""Bulk work without Python's cycle collector.

Reading 200,000 rows into a plan and writing them makes hundreds of thousands of small objects that
live until the import ends; the cycle collector walks all of them again each time the heap grows,
which cost a fifth of an import (bench/import_bench.py). Nothing an import builds needs it: reference
counting frees every plan, and the collector runs as usual once the import is done.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_cycle_collection(function: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():  # already paused by a caller (or by the program)
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused
