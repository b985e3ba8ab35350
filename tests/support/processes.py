"""Another program holding a database, as a real process: the window's lock, or a write in progress."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

HOLD_LOCK = """
import sys, time
from vfk_desktop.store.instance_lock import InstanceLock
lock = InstanceLock(sys.argv[1])
print("held" if lock.acquire() else "refused", flush=True)
time.sleep(120)
"""

HOLD_WRITE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(120)
"""

HOLD_WRITE_BRIEFLY = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
time.sleep(120)
"""


@contextlib.contextmanager
def holding(code: str, *args: str) -> Iterator[subprocess.Popen]:
    """Run code in another Python until it says "held"; at the end kill it (SIGKILL: no clean-up)."""
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "held"
        yield process
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
