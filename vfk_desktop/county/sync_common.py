"""What publish and pull share: progress and cancel, the lock, and a lost connection said plainly."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from vfk_desktop.domain.errors import VfkError

# Publishers hold this lock exclusively while they write, pullers share it while they read, so a
# pull never sees a revision before an earlier one still being written has landed.
SYNC_LOCK = 250_2011

Progress = Callable[[int, int, str], None]  # done, total, what is happening
ShouldStop = Callable[[], bool]


class Cancelled(VfkError):
    """The officer cancelled: nothing was written on either side."""


def no_progress(_done: int, _total: int, _what: str) -> None:
    return None


def never() -> bool:
    return False


def step(progress: Progress, should_stop: ShouldStop, done: int, total: int, what: str,
         action: str) -> None:
    if should_stop():
        raise Cancelled(f"{action.capitalize()} was cancelled; nothing was written.")
    progress(done, total, what)


@contextlib.contextmanager
def lost_connection_said(action: str, place: str) -> Iterator[None]:
    """A connection dropped or killed part-way: the server undoes the unfinished transaction."""
    import psycopg

    try:
        yield
    except psycopg.errors.InsufficientPrivilege as error:
        raise VfkError(f"The county store at {place} refused to write: {_first_line(error)} "
                       f"(each district may write only its own rows); nothing was written.") from None
    except psycopg.OperationalError as error:
        from vfk_desktop.county.connection import Offline

        raise Offline(f"The connection to the county store at {place} was lost while {action} "
                      f"({_first_line(error)}); nothing was written there. {action.split()[0].capitalize()}"
                      f" again when the connection is back.") from None
    except psycopg.Error as error:
        raise VfkError(f"The county store at {place} refused the {action.split()[0]}: "
                       f"{_first_line(error)}; nothing was written.") from None


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
