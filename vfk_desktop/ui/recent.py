"""Recently used databases and imported files, newest first, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DATABASES = "recent/databases"
FILES = "recent/files"
KEEP = 8


def paths(key: str) -> list[Path]:
    stored = QSettings().value(key, [], type=list) or []
    return [Path(p) for p in stored if p]


def remember(key: str, path: Path) -> None:
    text = str(Path(path).resolve())
    kept = [str(p) for p in paths(key) if str(p) != text]
    QSettings().setValue(key, [text, *kept][:KEEP])
