"""Writing an export file safely: into a temporary file beside it, which replaces it only when whole.

A failed or cancelled export never leaves half a file, and never spoils the file it would have
replaced. A target Excel holds open (Windows refuses to replace it) is one sentence, not a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from vfk_desktop.domain.errors import UsageError, VfkError
from vfk_desktop.leftovers import remove_leftovers, tag

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


class ExportError(VfkError):
    """An export that could not be written; the text says which file and why."""


class ExportCancelled(VfkError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"The export was cancelled; {path.name} was not written.")


class ExportName(UsageError):
    """A file name the export cannot write (wrong extension): a usage mistake, exit status 2."""


def check_suffix(path: Path, allowed: tuple[str, ...], what: str) -> None:
    if path.suffix.lower() not in allowed:
        names = " or ".join(allowed)
        raise ExportName(f"{path.name}: {what} is written as {names}; give a file name ending {names}.")


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write to; when the block ends without error it becomes path."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name to export to.")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist.")
    remove_leftovers(folder, f".{path.stem}.*.part{path.suffix}")  # of an export that was killed
    temporary = folder / f".{path.stem}.{tag()}-{secrets.token_hex(4)}.part{path.suffix}"
    try:
        temporary.open("xb").close()  # made as any new file is (the umask applies, unlike mkstemp)
    except OSError as error:
        raise ExportError(f"Cannot write in the folder {folder}: {error.strerror}.") from error
    try:
        try:
            yield temporary
        except ExportError as error:  # said of the temporary file: say it of the file asked for
            raise ExportError(str(error).replace(temporary.name, path.name)) from None
        _replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _replace(temporary: Path, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except PermissionError as error:
        raise ExportError(
            f"{path.name} cannot be replaced: it is open in another program (perhaps Excel) or "
            f"read-only. Close it and export again."
        ) from error
    except OSError as error:
        raise ExportError(f"{path.name} could not be written: {error.strerror}.") from error


@contextlib.contextmanager
def quiet_leftover_handles() -> Iterator[None]:
    """A writer that failed half-way (a full disk) leaves a zip file whose handle cannot be flushed:
    close it here, logging its error, rather than let Python print a traceback when it exits."""
    previous = sys.unraisablehook

    def log(unraisable) -> None:
        from vfk_desktop.logs import logger

        logger().debug("closing a half-written export: %s", unraisable.exc_value)

    sys.unraisablehook = log
    try:
        yield
    finally:
        gc.collect()
        sys.unraisablehook = previous


def write_failed(path: Path, error: OSError) -> ExportError:
    """A sentence for an error while the temporary file was being written (a full disk, say)."""
    reason = error.strerror or str(error)
    return ExportError(f"{path.name} could not be written: {reason}. Nothing was changed.")
