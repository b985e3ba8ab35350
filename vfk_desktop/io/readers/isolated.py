"""Reading a legacy .xls workbook in a child process, within a time limit.

calamine's .xls parser can loop for ever on some damaged files, and it holds the interpreter while it
does, so no thread could stop it. A child process can be stopped: a file that is not read within
the limit costs those seconds and one sentence, never a frozen window. .xls sheets hold at most
65,536 rows, so sending them back through a pipe is cheap.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.io.readers.safety import XLS
from vfk_desktop.io.readers.sheets import BadFile, Sheet

LIMIT_S = 8  # within the 10 seconds a hostile file may cost in all
MEMORY_LIMIT = 3 * 2**30  # address space for the child: a damaged file has made calamine take 5 GB


def read_xls(path: Path, data: bytes, sheet_name: str | None) -> list[Sheet]:
    context = multiprocessing.get_context("spawn")  # no fork of a process holding Qt and SQLite
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_read_in_child, args=(sender, path, data, sheet_name), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(LIMIT_S):
            raise BadFile(f"{path.name} could not be read within {LIMIT_S} seconds; it is probably "
                          f"damaged. Open it in Excel and save it as .xlsx to import it.")
        outcome, payload = receiver.recv()
    except EOFError:  # the child died: a crash in calamine, or the memory limit reached
        raise BadFile(f"{path.name} is damaged: the .xls reader stopped on it. Open it in Excel and "
                      f"save it as .xlsx to import it.") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if outcome == "refused":
        raise BadFile(payload)
    return payload


def _read_in_child(sender, path: Path, data: bytes, sheet_name: str | None) -> None:
    _limit_memory()
    _quiet_stderr()  # a panic in calamine prints its backtrace there; the parent says one sentence
    from vfk_desktop.io.readers.workbooks import read_workbook

    try:
        sender.send(("sheets", read_workbook(path, data, XLS, sheet_name)))
    except VfkError as error:
        sender.send(("refused", str(error)))
    except Exception as error:  # noqa: BLE001 - any failure to read is the file's damage, said once
        sender.send(("refused", f"{path.name} is damaged: its content cannot be read "
                                f"({type(error).__name__})."))
    finally:
        sender.close()


def _limit_memory() -> None:
    """Past the limit an allocation fails and the child stops: one sentence, not a swapping laptop.

    POSIX only; on Windows the time limit alone bounds what a damaged file can take.
    """
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass


def _quiet_stderr() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass
