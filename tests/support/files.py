"""Real damage to real files, and fingerprints to prove a database did not change."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

USER_TABLES = ("observations", "rankings", "commentary", "imports", "change_log", "indicators")


def damage(path: Path) -> None:
    """Overwrite the middle of the last tenth of the file's pages: SQLite's check then fails on them."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    pages = len(data) // page_size
    for page in range(int(pages * 0.88), int(pages * 0.95) + 1):
        start = page * page_size + 100
        data[start:start + 500] = b"\x5a" * 500
    path.write_bytes(bytes(data))


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every row a user put in the database, read through a fresh read-only connection."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
                for table in USER_TABLES}
    finally:
        conn.close()


def file_digest(path: Path) -> str:
    """The bytes of the database and its write-ahead log, for "not a byte changed"."""
    digest = hashlib.sha256(path.read_bytes())
    wal = Path(f"{path}-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


DISTRICTS = ("Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Shepway", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def long_csv(path: Path, rows: int) -> Path:
    """A long table of `rows` distinct figures: 12 districts x NI 1-198 x months from Jan 2000.

    Codes outside the catalogue need `--add-indicators` (add_indicators=True) to be added; their
    titles are "Indicator N", and a code in the catalogue keeps its own title.
    """
    lines = ["District,NI,Indicator,Period,Value"]
    for n in range(rows):
        district = DISTRICTS[n % 12]
        code = n // 12 % 198 + 1
        month = n // (12 * 198)
        lines.append(f"{district},NI {code},Indicator {code},{MONTHS[month % 12]} {2000 + month // 12},"
                     f"{n % 997}.5")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
