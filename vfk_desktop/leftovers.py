"""Temporary files left behind by a program that was killed part-way (a half backup, a half export).

Each temporary name carries its maker's process id as `pid<N>`; one whose maker is no longer running
is deleted by the next program that looks (the next start, backup or export). A name without a
process id is deleted once it is an hour old.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

_MAKER = re.compile(r"pid(\d+)")


def tag() -> str:
    """This process's mark, to put in a temporary file's name."""
    return f"pid{os.getpid()}"


def remove_leftovers(folder: Path, pattern: str) -> list[Path]:
    """Delete the files in folder matching pattern whose makers have died; returns those deleted."""
    an_hour_ago = time.time() - 3600
    removed = []
    with contextlib.suppress(OSError):
        for leftover in Path(folder).glob(pattern):
            makers = _MAKER.findall(leftover.name)
            alive = process_alive(int(makers[-1])) if makers else None
            with contextlib.suppress(OSError):
                if alive is False or (alive is None and leftover.stat().st_mtime < an_hour_ago):
                    leftover.unlink()
                    removed.append(leftover)
    return removed


def process_alive(pid: int) -> bool:
    """Is a process with this id running on this computer?"""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # query limited information
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False
    return True
