"""The keys of the window's actions: the platform's own where it has one (QKeySequence.StandardKey),
else the key most officers know from other programs."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def standard(key: QKeySequence.StandardKey, *fallbacks: str) -> list[QKeySequence]:
    """The platform's keys for key (Quit is Ctrl+Q on Linux, none on Windows), then fallbacks."""
    return _once([*QKeySequence.keyBindings(key), *(QKeySequence(text) for text in fallbacks)])


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Shift+Z and Ctrl+Y wherever the platform's own redo key is another."""
    return standard(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y")


def _once(keys: list[QKeySequence]) -> list[QKeySequence]:
    # each key once: the same key twice on one action is "ambiguous" to Qt, which then ignores it
    return list({key.toString(): key for key in keys if not key.isEmpty()}.values())
