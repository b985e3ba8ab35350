"""A rotating log in the user's log folder: imports, exports, undo, restore and errors, never data values."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from vfk_desktop.paths import user_log_dir

LOG_NAME = "vfk.log"
_logger: logging.Logger | None = None
_override: Path | None = None


def log_path() -> Path:
    return _folder() / LOG_NAME


def write_to(folder: Path) -> None:
    """Log to folder from now on, not the user's log folder (the smoke test leaves no trace)."""
    global _logger, _override
    _override = folder
    if _logger is not None:
        for handler in list(_logger.handlers):
            _logger.removeHandler(handler)
            handler.close()
        _logger = None


def _folder() -> Path:
    folder = _override or user_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        import tempfile

        fallback = Path(tempfile.gettempdir()) / "vfk_desktop-logs"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def logger() -> logging.Logger:
    """The application's logger, writing to the rotating file (set up on first use)."""
    global _logger
    if _logger is None:
        import logging.handlers  # with the first line logged: the crash hook's start needs only the path

        _logger = logging.getLogger("vfk_desktop")
        _logger.setLevel(logging.INFO)
        _logger.propagate = False
        try:
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                log_path(), maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
    return _logger


def log_exception(error: BaseException, context: str) -> Path:
    """Write error's traceback to the log; returns the log file's path for the message."""
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    logger().error("%s failed:\n%s", context, details)
    return log_path()


def log_refusal(context: str, error: BaseException) -> None:
    """A refusal goes in the log by kind only: its sentence may quote a cell of someone's file."""
    logger().warning("%s refused (%s)", context, type(error).__name__)
