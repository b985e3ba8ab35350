"""Recently used databases and imported files, newest first, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from vfk_desktop.ui import settings_keys as keys

DATABASES = keys.RECENT_DATABASES
FILES = keys.RECENT_FILES
KEEP = 8


def paths(key: str) -> list[Path]:
    stored = QSettings().value(key, [], type=list) or []
    return [Path(p) for p in stored if p]


def remember(key: str, path: Path) -> None:
    text = str(Path(path).resolve())
    stored = [str(p) for p in paths(key)]
    wanted = [text, *(p for p in stored if p != text)][:KEEP]
    if wanted != stored:  # the file used last, used again: the settings file is not written (two fsyncs)
        QSettings().setValue(key, wanted)
