"""Reading a legacy .xls workbook in a child process, within a time limit.

calamine's .xls parser can loop for ever on some damaged files, and it holds the interpreter while it
does, so no thread could stop it. A child process can be stopped: a file that is not read within
the limit costs those seconds and one sentence, never a frozen window. .xls sheets hold at most
65,536 rows, so sending them back through a pipe is cheap.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.io.readers.safety import XLS
from vfk_desktop.io.readers.sheets import BadFile, Sheet

LIMIT_S = 8  # within the 10 seconds a hostile file may cost in all


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
    except EOFError:
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
