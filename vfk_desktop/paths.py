"""Where things live: the database, backups and logs in the user's folders; bundled data beside the code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "vfk_desktop"
APP_AUTHOR = "Kent"
DB_ENV = "VFK_DB"
DB_FILE_NAME = "vfk.db"

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A data folder from a frozen bundle, an installed wheel, or the source checkout, in that order."""
    candidates = []
    if getattr(sys, "frozen", False):
        candidates.append(Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / name)
    candidates += [_PACKAGE / f"_{name}", _PACKAGE.parent / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resources_dir() -> Path:
    return _bundled("resources")


def sample_data_dir() -> Path:
    return _bundled("sample_data")


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def user_log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR)


def user_cache_dir() -> Path:
    """Where answers worked out once are kept (store/answers.py): the folder platformdirs names,
    found here without importing it, which costs a command that only reads a kept answer 4 ms."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / APP_AUTHOR / APP_NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return Path(xdg if os.path.isabs(xdg) else Path.home() / ".cache") / APP_NAME


def default_db_path() -> Path:
    return user_data_dir() / DB_FILE_NAME


def resolve_db_path(given: str | os.PathLike[str] | None = None) -> Path:
    """--db wins, then $VFK_DB, then the file in the user's data folder."""
    if given:
        return Path(given).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def backups_dir(db_path: Path) -> Path:
    """Backups sit in a `backups` folder beside the database they copy."""
    return db_path.resolve().parent / "backups"
