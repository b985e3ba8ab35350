"""A large workbook parsed by calamine while its bounds are checked: in the reader child only.

calamine lets go of the interpreter while it parses, so on two cores the parse and the checks of
safety.inspect take the time of the longer rather than of both (200,000 rows: 1.22 -> 0.84 s). The
parse is used only once the checks have passed. It runs only in the reader child, whose memory and
CPU limits hold a hostile file's parse; a parse left running on a refused file ends the child with
it (isolated.py), so no other file is read beside it. A small file is checked first, as before:
its checks take milliseconds, and its refusal is always the checks' sentence.
"""

from __future__ import annotations

import io
import threading

from vfk_desktop.io.readers.safety import ZIP_MAGIC

EARLY_FROM = 1 << 20  # bytes: a workbook smaller than this is checked, then parsed
_THREAD = "vfk-early-parse"


class EarlyParse:
    """calamine's workbook and its sheets, parsed on a thread from the moment the file arrives."""

    def __init__(self, data: bytes, sheet_name: str | None) -> None:
        self._workbook = None
        self._sheets: dict[int, object] = {}
        self._failed: tuple[int | None, BaseException] | None = None  # (sheet index, what was raised)
        self._abandoned = False
        self._thread = threading.Thread(target=self._parse, args=(data, sheet_name), daemon=True,
                                        name=_THREAD)
        self._thread.start()

    def _parse(self, data: bytes, sheet_name: str | None) -> None:
        from python_calamine import CalamineWorkbook

        index = None
        try:
            self._workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
            names = list(self._workbook.sheet_names)
            wanted = range(len(names)) if sheet_name is None else (
                [names.index(sheet_name)] if sheet_name in names else [])
            for index in wanted:
                if self._abandoned:
                    return
                self._sheets[index] = self._workbook.get_sheet_by_index(index)
        except BaseException as error:  # noqa: BLE001 - handed to the reader, which says what it means
            self._failed = (index, error)

    def workbook(self):
        """The opened workbook, once every sheet is parsed; raises what opening it raised."""
        self._thread.join()
        if self._workbook is None and self._failed is not None:
            raise self._failed[1]
        return self._workbook

    def sheet(self, index: int):
        """Sheet index as get_sheet_by_index gives it, raising what parsing it raised."""
        self._thread.join()
        if index in self._sheets:
            return self._sheets[index]
        if self._failed is not None and self._failed[0] == index:
            raise self._failed[1]
        return self._workbook.get_sheet_by_index(index)  # after another sheet failed, or not wanted

    def abandon(self) -> None:
        """The file was refused: parse no further sheet."""
        self._abandoned = True


def parse_early(data: bytes, sheet_name: str | None) -> EarlyParse | None:
    """An early parse of a large workbook (xlsx, xlsm or ods: a zip), else None."""
    if len(data) < EARLY_FROM or not data.startswith(ZIP_MAGIC):
        return None
    return EarlyParse(data, sheet_name)


def still_parsing() -> bool:
    """Whether a parse abandoned on a refused file is still running in this process."""
    return any(thread.name == _THREAD for thread in threading.enumerate())
