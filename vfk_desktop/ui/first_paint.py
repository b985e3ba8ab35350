"""The moment the window is first on screen with its page painted, for timing the start.

`vfk-desktop --painted` and bench/ui_startup.py stop the clock here: the window shown, exposed, and
with no repaint still pending, so everything on screen has been painted once, as the officer sees
it. A `grab()` would paint the whole window a second time, offscreen, and count that too; watching
paint events from Python would bring every event through PySide, which costs more than the paint.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def show_until_painted(app: QApplication, window: QWidget, timeout_s: float = 30.0) -> None:
    """Show window and process events until it is exposed with nothing left to repaint.

    Raises TimeoutError if that has not happened within timeout_s.
    """
    window.show()
    deadline = time.monotonic() + timeout_s
    while True:
        app.processEvents()
        handle = window.windowHandle()
        if (handle is not None and handle.isExposed()
                and not window.testAttribute(Qt.WidgetAttribute.WA_PendingUpdate)):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the window was not painted within {timeout_s:g} s")
