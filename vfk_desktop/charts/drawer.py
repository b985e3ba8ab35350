"""`vfk chart`'s drawing, begun in a second process while the command works out the figures.

Loading Qt and pyqtgraph takes most of a chart's time and working out its figures (the database, the
domain) most of the rest, and neither needs the other until the chart is drawn. Where the system
forks (Linux), a child loads Qt and pyqtgraph at once and waits for the figures, which the command
sends when it has them: on two cores the two take the longer one's time. Elsewhere, or if the child
fails in any way but a refusal, the chart is drawn in the command's own process, as before.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from pathlib import Path

from vfk_desktop.domain.errors import VfkError


def offscreen_app():
    """A Qt application without a display, for the commands that lay out pages or draw charts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication  # charts are drawn by widgets, never shown

    def quiet(_kind, _context, message: str) -> None:  # Qt's chatter is not for the terminal
        from vfk_desktop.logs import logger

        logger().debug("Qt: %s", message)

    qInstallMessageHandler(quiet)
    return QApplication.instance() or QApplication(["vfk"])


def draw_here(data, out: Path) -> Path:
    app = offscreen_app()  # noqa: F841 - lives while the chart is drawn
    from vfk_desktop.charts.views import render

    return render(data, out)


class Drawer:
    """A forked child loading Qt to draw one chart; use as a context manager around the figures'
    working out, then draw() them."""

    def __init__(self) -> None:
        sys.stdout.flush()  # nothing buffered is written twice
        sys.stderr.flush()
        commands, self._commands = os.pipe()
        self._replies, replies = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: it never returns into the command
            os.close(self._commands)
            os.close(self._replies)
            try:
                _serve(commands, replies)
            finally:
                os._exit(0)
        os.close(commands)
        os.close(replies)

    def __enter__(self) -> Drawer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pid:  # not drawn: the figures could not be worked out
            os.kill(self._pid, signal.SIGKILL)
            self._reap()

    def draw(self, data, out: Path) -> Path:
        """The chart written to out by the child; by this process if the child cannot draw it."""
        try:
            with os.fdopen(self._commands, "wb") as outgoing:
                self._commands = -1  # closed with the file
                pickle.dump((data, out), outgoing)
            with os.fdopen(self._replies, "rb") as incoming:
                self._replies = -1
                outcome, text = pickle.load(incoming)
        except (OSError, EOFError, pickle.PickleError, TypeError, AttributeError):
            outcome, text = "failed", ""  # the child went, or the figures do not travel
        self._reap()
        if outcome == "refused":
            raise VfkError(text)
        return out if outcome == "drawn" else draw_here(data, out)

    def _reap(self) -> None:
        for descriptor in (self._commands, self._replies):
            if descriptor >= 0:
                os.close(descriptor)
        self._commands = self._replies = -1
        os.waitpid(self._pid, 0)
        self._pid = 0


def _serve(commands: int, replies: int) -> None:
    """The child: load Qt and pyqtgraph, then draw the chart the command sends, and say how it went."""
    with os.fdopen(commands, "rb") as incoming, os.fdopen(replies, "wb") as outgoing:
        try:
            app = offscreen_app()  # noqa: F841 - lives while the chart is drawn
            from vfk_desktop.charts.views import render

            data, out = pickle.load(incoming)
            render(data, out)
            reply = ("drawn", "")
        except EOFError:  # the command ended without a chart to draw
            return
        except VfkError as error:  # a folder that is not there, a file that cannot be written
            reply = ("refused", str(error))
        except Exception:  # noqa: BLE001 - the command draws it again itself, and says what failed
            reply = ("failed", "")
        pickle.dump(reply, outgoing)


def chart_drawer() -> Drawer | None:
    """A child starting to load Qt, where this process may fork (forking.may_fork); else None."""
    from vfk_desktop.forking import may_fork

    return Drawer() if may_fork() else None
