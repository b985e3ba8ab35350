"""Whether this process may fork a helper (`vfk import`'s reader child, `vfk chart`'s drawer).

A fork starts a helper in milliseconds, where a new interpreter takes a third of a second. It copies
the whole process but only the thread that forks, with any lock another thread held at that moment,
and whatever Qt set up: so only on Linux (macOS advises against forking, Windows cannot), before Qt is
loaded and while this is the only thread.
"""

from __future__ import annotations

import os
import sys
import threading


def may_fork() -> bool:
    return (sys.platform == "linux" and hasattr(os, "fork") and "PySide6.QtCore" not in sys.modules
            and threading.active_count() == 1)
