"""Is the write-ahead log beside a database the one SQLite expects?

In WAL mode the newest commits live in `<db>-wal` until they are copied into the file (a checkpoint,
after each import and on close). SQLite trusts whatever `-wal` it finds: one deleted while another
program holds the database silently loses that program's last commits, and one copied from another
file is read as if it belonged. The shared-memory index `<db>-shm`, kept by whoever has the database
open, records how many frames the log holds and the log's salts; a log missing, shorter than that,
or with other salts is found here before SQLite opens the file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

_MAGIC = (0x377F0682, 0x377F0683)
_HEADER = 48  # the shm file starts with two copies of a 48-byte header


def wal_problem(path: Path) -> str | None:
    """What is wrong with the -wal beside path, in words; None when nothing is (or there is no log)."""
    found = None
    for _ in range(3):  # a writer restarting its log changes both files: a mismatch must persist
        found = _look(path)
        if found is None:
            return None
        time.sleep(0.05)
    return found


def _look(path: Path) -> str | None:
    shm, wal = Path(f"{path}-shm"), Path(f"{path}-wal")
    try:
        index = shm.read_bytes()[:2 * _HEADER]
    except OSError:
        return None
    if len(index) < 2 * _HEADER or index[:_HEADER] != index[_HEADER:] or not index[12]:
        return None  # no index, or one being rebuilt: SQLite recovers from the log itself
    frames = int.from_bytes(index[16:20], sys.byteorder)
    if frames == 0:
        return None
    page_size = int.from_bytes(index[14:16], sys.byteorder) or 65536
    try:
        with wal.open("rb") as handle:
            header = handle.read(32)
        size = wal.stat().st_size
    except FileNotFoundError:
        return (f"its write-ahead log ({wal.name}) is missing although it held {frames} change(s) "
                f"not yet in the file")
    except OSError as error:
        return f"its write-ahead log ({wal.name}) cannot be read ({error.strerror})"
    if len(header) < 32 or int.from_bytes(header[:4], "big") not in _MAGIC:
        return f"its write-ahead log ({wal.name}) is damaged (it does not begin as a log does)"
    if header[16:24] != index[32:40]:
        return f"its write-ahead log ({wal.name}) belongs to another database or was replaced"
    if size < 32 + frames * (24 + page_size):
        return f"its write-ahead log ({wal.name}) is cut short ({size:,} bytes)"
    return None
