"""One window writes to a database at a time: a lock file beside it says which.

The lock is an operating-system lock on `<database>.lock` (fcntl on Linux and macOS, msvcrt on
Windows), so it goes away with the process that held it: a window that crashed or was killed never
leaves a stale lock behind. The file also says who holds it, for the second window's message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from vfk_desktop.who import current_user, this_computer


@dataclass(frozen=True)
class Holder:
    """Who holds a database's write lock: the user, the computer, the process and since when."""

    user: str
    host: str
    pid: int
    since: dt.datetime

    def describe(self) -> str:
        return f"{self.user} on {self.host} since {self.since:%H:%M on %d %b %Y}"

    @property
    def at_this_desk(self) -> bool:
        """The same person on the same computer: their other window can be brought forward."""
        return self.user == current_user() and self.host == this_computer()


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.path = Path(db_path).resolve().with_name(Path(db_path).name + ".lock")
        self._handle: IO[str] | None = None
        self.unwritable = False  # the lock file cannot be made: the folder refuses writes

    @property
    def held(self) -> bool:
        return self._handle is not None

    @property
    def wake_path(self) -> Path:
        """A file whose appearance asks the holder's window to come to the front."""
        return self.path.with_name(self.path.name + ".wake")

    def ask_holder_to_show(self) -> bool:
        """Ask the window holding the lock to come forward; False if the request cannot be left."""
        try:
            self.wake_path.write_text(f"{os.getpid()}\n", encoding="utf-8")
            return True
        except OSError:
            return False

    def take_wake_request(self) -> bool:
        """For the holder: was it asked to come forward? The request is used up."""
        if not self.held or not self.wake_path.exists():
            return False
        with contextlib.suppress(OSError):
            self.wake_path.unlink()
        return True

    def acquire(self) -> bool:
        """Take the lock if no other process holds it; True when this process holds it now."""
        if self._handle is not None:
            return True
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while the window is open
        except OSError:
            self.unwritable = True  # a folder we cannot write: the database opens read-only anyway
            return True
        if not _try_lock(handle):
            handle.close()
            return False
        self._handle = handle
        since = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{current_user()}\n{this_computer()}\n{os.getpid()}\n{since}\n")  # a fact a line
            handle.flush()
        except OSError:  # a full disk: the lock holds without its note (the second window says less)
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()
        return True

    def holder(self) -> Holder | None:
        """Who holds the lock, as the holder wrote it (None if unknown)."""
        try:
            user, host, pid, since = self.path.read_text(encoding="utf-8").splitlines()[:4]
            return Holder(user, host, int(pid), dt.datetime.fromisoformat(since))
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()
            _unlock(handle)
        finally:
            with contextlib.suppress(OSError):  # what could not be flushed to a full disk
                handle.close()

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    _LOCKED_BYTE = 1 << 16  # past the holder's note, which the second window reads

    def _try_lock(handle: IO[str]) -> bool:
        handle.seek(_LOCKED_BYTE)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(handle: IO[str]) -> None:
        handle.seek(_LOCKED_BYTE)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
