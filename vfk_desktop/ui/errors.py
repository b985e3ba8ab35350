"""Showing a refusal: a VfkError's sentence in a message box, nothing else disturbed."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtWidgets import QMessageBox, QWidget

from vfk_desktop.domain.errors import VfkError


@contextlib.contextmanager
def shown(parent: QWidget, title: str = "vfk_desktop") -> Iterator[None]:
    """Run the block; a VfkError becomes a warning box (anything else goes to the crash hook)."""
    try:
        yield
    except VfkError as error:
        from vfk_desktop.logs import log_refusal

        log_refusal(title, error)
        QMessageBox.warning(parent, title, str(error))
