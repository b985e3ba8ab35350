"""The moment the window's first page has painted its figures, for timing the start.

`vfk-desktop --painted` and bench/ui_startup.py stop the clock here. The tables' own paint events
are watched, so the window is painted once, as the officer sees it. A `grab()` would paint the whole
window a second time, offscreen, and count that too.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


class _PaintWatch(QObject):
    """Notes which of the watched viewports have painted since the watch began."""

    def __init__(self, viewports: list[QWidget]) -> None:
        super().__init__()
        self.painted: set[QWidget] = set()
        for viewport in viewports:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(watched)  # type: ignore[arg-type]
        return False


def show_until_painted(app: QApplication, window: QWidget, page: QWidget, timeout_s: float = 30.0) -> int:
    """Show window and process its events until every table of page that is on screen has painted.

    Returns how many tables that is; raises TimeoutError if none has painted within timeout_s.
    """
    viewports = [view.viewport() for view in page.findChildren(QAbstractItemView)]
    watch = _PaintWatch(viewports)
    window.show()
    deadline = time.monotonic() + timeout_s
    while True:
        app.processEvents()
        on_screen = [viewport for viewport in viewports if not viewport.visibleRegion().isEmpty()]
        if on_screen and all(viewport in watch.painted for viewport in on_screen):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page's tables did not paint within {timeout_s:.0f} s")
    for viewport in viewports:
        viewport.removeEventFilter(watch)
    return len(on_screen)
