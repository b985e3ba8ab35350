"""Help -> About: the version, the database, and the versions of the libraries underneath."""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata
from pathlib import Path

from vfk_desktop import __version__
from vfk_desktop.logs import log_path

LIBRARIES = ("PySide6-Essentials", "pyqtgraph", "python-calamine", "openpyxl", "xlsxwriter",
             "sqlite-utils", "pandas", "platformdirs", "defusedxml")


def library_versions() -> list[tuple[str, str]]:
    found = [("Python", platform.python_version()), ("SQLite", sqlite3.sqlite_version)]
    for name in LIBRARIES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def about_text(db_path: Path) -> str:
    versions = "\n".join(f"  {name} {version}" for name, version in library_versions())
    return (f"vfk_desktop {__version__}\n"
            f"Locality Board figures for Kent's districts under the Vision for Kent 2011-2021.\n\n"
            f"Database: {db_path}\nLog: {log_path()}\n\nBuilt on:\n{versions}")
