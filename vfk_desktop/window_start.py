"""The window's way in: `vfk-desktop`, `python -m vfk_desktop` and the installed bundle start here.

Python's cycle collector is paused before anything else is imported and resumed once the window has
painted. A start imports Qt and some seventy of our modules and builds the first page: hundreds of
thousands of objects, none of them garbage, which the collector would otherwise walk some sixty
times on the way (20 ms of a 0.29 s start to the painted Overview, bench/ui_bench.py). Reference
counting still frees what a start lets go; only cycles wait, and the collector takes them once it
runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

RESUME_AFTER_MS = 300  # after the window is shown: it has painted by then


@contextmanager
def collection_paused() -> Iterator[None]:
    """The collector paused for a start; it runs again when the start returns, if not before."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def resume_once_painted(window: QWidget) -> None:
    """Resume the collector soon after window, just shown, has painted, while its event loop runs."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(RESUME_AFTER_MS, window, gc.enable)


def main() -> int:
    from vfk_desktop.reader_child import serve_if_reader_child

    serve_if_reader_child()  # a bundled reader child reads with the collector, as any import does
    with collection_paused():
        from vfk_desktop.app import main as open_window

        return open_window()
