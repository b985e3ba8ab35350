"""Windows and dialogs sized to the screen they open on: a 1366 × 768 laptop leaves 1366 × 728 once
the task bar is drawn, and a window larger than that opens with its buttons out of reach."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# room for the title bar and the frame the window manager draws around the window
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def available(widget: QWidget) -> QRect:
    """The free part of the screen widget opens on (its parent window's, before it is shown)."""
    parent = widget.parentWidget()
    host = parent.window() if parent is not None else widget
    screen = host.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize widget to width × height, or to what its screen has room for, and centre it there
    (on its parent window, when it has one)."""
    area = available(widget)
    widget.resize(min(width, area.width() - FRAME_WIDTH), min(height, area.height() - FRAME_HEIGHT))
    parent = widget.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else area.center()
    frame = widget.frameGeometry()
    frame.moveCenter(centre)
    left = max(area.left(), min(frame.left(), area.right() - frame.width()))
    top = max(area.top(), min(frame.top(), area.bottom() - frame.height() - FRAME_HEIGHT // 2))
    widget.move(left, top)


def fit_hint_to_screen(widget: QWidget) -> None:
    """A dialog laid out by its layout: its natural size, bounded by its screen."""
    hint = widget.sizeHint()
    fit_to_screen(widget, hint.width(), hint.height())
