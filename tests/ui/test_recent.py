"""The recent databases and files: newest first, and the settings file written only when they change."""

from pathlib import Path

from PySide6.QtCore import QSettings

from vfk_desktop.ui import recent


def test_the_file_used_last_used_again_leaves_the_settings_file_unwritten(tmp_path):
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    recent.remember(recent.DATABASES, first)
    recent.remember(recent.DATABASES, second)
    assert recent.paths(recent.DATABASES) == [second.resolve(), first.resolve()]
    settings_file = Path(QSettings().fileName())
    written = settings_file.stat().st_ino  # Qt writes a new file and renames it over the old one
    recent.remember(recent.DATABASES, second)  # as every start on the same database does
    assert settings_file.stat().st_ino == written
    recent.remember(recent.DATABASES, first)
    assert recent.paths(recent.DATABASES) == [first.resolve(), second.resolve()]
    assert settings_file.stat().st_ino != written
