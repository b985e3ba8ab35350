"""Reading every file in a child process, within limits of memory, CPU time and wall time.

A damaged or hostile file can make a reader loop for ever holding the interpreter, or ask for
hundreds of gigabytes and abort the whole process (calamine is Rust: a failed allocation is an abort,
not an exception). Read in a child, such a file costs a few seconds and one sentence, never the
window. The child is started once for an import and reads its files one after another; after a
failure a new one takes its place. It sends back the sheets, or a sentence and the detail for the log.
The window's child is spawned (the window holds Qt and SQLite, which a fork must not copy); `vfk
import` forks its child before it loads either, and sends it the first file at once (read_soon).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from vfk_desktop.bulk import without_cycle_collection
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.forking import may_fork
from vfk_desktop.io.readers.sheets import BadFile, ImportCancelled, Sheet, share_repeated_text

LIMIT_S = 8  # within the 10 seconds a hostile file may cost in all
SECONDS_PER_MB = 2  # more for a large file, over its first MB
MEMORY_FLOOR = 480 * 2**20  # address space for the child reading a small file (it starts at 25 MB)
MEMORY_PER_BYTE = 100  # and this much more per byte of the file read
MEMORY_CEILING = 4 * 2**30
IN_PROCESS = "VFK_BENCH_READ_IN_PROCESS"  # set to 1 by the import benchmark only, to weigh the cost
_POLL_S = 0.05
START_S = 60  # for a child to start, on a busy machine
MAX_FILE_BYTES = 200 * 1024 * 1024  # a larger file is refused unread (importer.read_bytes)


def wall_limit(size: int) -> float:
    """8 s for a partner's file; a large one gets 2 s more per MB over the first."""
    return LIMIT_S + SECONDS_PER_MB * max(0, size - 2**20) / 2**20


def memory_limit(size: int) -> int:
    return min(MEMORY_CEILING, MEMORY_FLOOR + MEMORY_PER_BYTE * size)


class ReaderChild:
    """The child process that reads an import's files; use as a context manager."""

    def __init__(self) -> None:
        self._process: multiprocessing.Process | None = None
        self._connection = None
        self._starting: tuple[multiprocessing.Process, object] | None = None  # launched, not ready
        self._pending: tuple[Path, str | None, bytes] | None = None  # sent by read_soon, not yet asked for
        self.peak_mib = 0  # the highest resident memory a child reported, for the fuzz test
        self.last_peak_mib = 0  # that of the child now running

    def __enter__(self) -> ReaderChild:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, path: Path, data: bytes, sheet_name: str | None,
             cancelled: Callable[[], bool] | None = None,
             meanwhile: Callable[[], None] | None = None) -> list[Sheet]:
        """The file's sheets, or a BadFile naming it; ImportCancelled when cancelled meanwhile.

        meanwhile: this process's own work, done while the child reads (before, reading here).
        """
        if os.environ.get(IN_PROCESS) == "1":
            return _read_here(path, data, sheet_name, meanwhile)
        pending, self._pending = self._pending, None
        if pending is not None and pending != (path, sheet_name, data):  # sent, then not asked for
            with contextlib.suppress(BadFile):
                self._receive(pending[0], wall_limit(len(pending[2])), None)
            pending = None
        if pending is None:
            if not self._child_ready():  # no child could be started here: read in this process
                return _read_here(path, data, sheet_name, meanwhile)
            self._send(path, data, sheet_name)
        if meanwhile is not None:
            meanwhile()
        return self._receive(path, wall_limit(len(data)), cancelled)

    def read_soon(self, path: Path, sheet_name: str | None) -> None:
        """Send the file at path to be read now, before this process is ready to ask for it (read()
        of the same file, then, only waits). A file that cannot be read is left to read() to say so."""
        if os.environ.get(IN_PROCESS) == "1" or self._pending is not None:
            return
        try:
            if not 0 < path.stat().st_size <= MAX_FILE_BYTES or not path.is_file():
                return
            data = path.read_bytes()
        except OSError:
            return
        if self._child_ready():
            with contextlib.suppress(BadFile):
                self._send(path, data, sheet_name)
                self._pending = (path, sheet_name, data)

    def _child_ready(self) -> bool:
        """Whether a child is running to read, waited for (or started) now if need be."""
        if not self.running:
            self._await_ready()
        return self._process is not None

    def _send(self, path: Path, data: bytes, sheet_name: str | None) -> None:
        try:
            self._connection.send((path, sheet_name, memory_limit(len(data)), wall_limit(len(data))))
            self._connection.send_bytes(data)
        except OSError:  # the child went between the check and the send
            raise BadFile(self._died(path.name)) from None

    def _receive(self, path: Path, limit: float, cancelled: Callable[[], bool] | None) -> list[Sheet]:
        deadline = time.monotonic() + limit
        while True:
            if cancelled is not None and cancelled():  # the Cancel of "Checking the files"
                self._stop()
                raise ImportCancelled()
            if self._connection.poll(_POLL_S):
                break
            if time.monotonic() > deadline:
                self._stop()
                _log(path, "stopped after the wall-clock limit")
                raise BadFile(too_slow(path.name, limit))
        try:
            outcome, payload, detail, peak, ending = self._connection.recv()
        except (EOFError, OSError):
            raise BadFile(self._died(path.name)) from None
        self.peak_mib, self.last_peak_mib = max(self.peak_mib, peak), peak
        if ending:  # the child ends after this file: the next is read by a new one
            self._stop()
        if outcome == "refused":
            if detail:
                _log(path, detail)
            raise BadFile(payload)
        return payload

    def start_soon(self, fork: bool = False) -> None:
        """Start the child without waiting for it: it loads its readers while this process gets on
        with its own setup (opening the database, loading the importer), and read() waits for it.

        fork: where nothing forbids it (forking.may_fork), fork this process rather than start a new
        interpreter: the child is ready in milliseconds instead of a
        third of a second. For a caller that holds no database connection yet (`vfk import`).
        """
        if os.environ.get(IN_PROCESS) == "1" or self.running or self._starting is not None:
            return
        forking = fork and may_fork()
        context = multiprocessing.get_context("fork" if forking else "spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, ours if forking else None), daemon=True,
                                  name="vfk-reader")
        process.start()
        theirs.close()
        self._starting = (process, ours)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def close(self) -> None:
        if self._starting is not None:  # started for an import that ended before reading a file
            (process, ours), self._starting = self._starting, None
            process.kill()
            process.join()
            ours.close()
        if self._process is None:
            return
        with contextlib.suppress(OSError):
            self._connection.send(None)
        self._process.join(1)
        self._stop()

    def _await_ready(self) -> None:
        """Wait for the child start_soon launched (launching one now if none is starting)."""
        if self._starting is None:
            self.start_soon()
        if self._starting is None:
            return
        (process, ours), self._starting = self._starting, None
        try:
            ready = ours.poll(START_S) and ours.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:  # a locked-down account or system that will not run it: said in the log
            _log(Path("the reader child"), "it could not be started; files are read in process")
            process.kill()
            process.join()
            ours.close()
            return
        self._process, self._connection = process, ours
        from vfk_desktop.logs import logger

        logger().info("reader child started (process %s)", process.pid)

    def _stop(self) -> int | None:
        process, self._process = self._process, None
        self.last_peak_mib = 0
        if process is None:
            return None
        if process.is_alive():
            process.kill()
        process.join()
        self._connection.close()
        return process.exitcode

    def _died(self, name: str) -> str:
        """The sentence for a child that died reading name, from how it died."""
        code = self._stop()
        how = -code if code is not None and code < 0 else None
        _log(Path(name), f"the reader child ended with exit code {code}")
        if how in (signal.SIGABRT, getattr(signal, "SIGKILL", None)):
            from vfk_desktop.io.readers.opening import memory_sentence

            return memory_sentence(name)  # a failed allocation aborts; the system stops a hog
        if how == getattr(signal, "SIGXCPU", None):
            return too_slow(name, LIMIT_S)
        return (f"{name} could not be read: the reader stopped on it, so it is probably damaged. "
                f"Open it in Excel and save it again to import it.")


_idle: list[ReaderChild] = []  # a child kept between imports: the next starts without waiting
_idle_lock = threading.Lock()
KEEP_BELOW_MIB = 200  # a child that grew larger for a big file is let go, not kept idle


@contextlib.contextmanager
def reader_child() -> Iterator[ReaderChild]:
    """A reader child for one import: the idle one if there is one, else a new one."""
    with _idle_lock:
        readers = _idle.pop() if _idle else ReaderChild()
    try:
        yield readers
    finally:
        with _idle_lock:
            keep = not _idle and readers.last_peak_mib < KEEP_BELOW_MIB
            if keep:
                _idle.append(readers)
        if not keep:
            readers.close()


def too_slow(name: str, limit: float) -> str:
    return (f"{name} could not be read: it took longer than {limit:.0f} s to read, so it is probably "
            f"damaged. Open it in Excel and save it again to import it.")


def _read_here(path: Path, data: bytes, sheet_name: str | None,
               meanwhile: Callable[[], None] | None = None) -> list[Sheet]:
    from vfk_desktop.io.readers.opening import Unreadable, open_file

    if meanwhile is not None:
        meanwhile()
    try:
        return open_file(path, data, sheet_name)
    except Unreadable as error:
        _log(path, error.detail)
        raise


def _log(path: Path, detail: str) -> None:
    """The kind of failure goes to the log, under the file's name; the officer sees the sentence."""
    from vfk_desktop.logs import logger

    logger().warning("reading %s failed: %s", path.name, detail)


def _serve(connection, parents_end=None) -> None:
    """The child: read each file sent, within the limits sent with it, until told to stop.

    parents_end: the parent's end of the pipe, which a forked child holds too: closed, so that the
    child sees the end of the pipe when the parent goes, however it goes."""
    if parents_end is not None:
        parents_end.close()
    _quiet_stderr()  # a panic in calamine prints its backtrace there; the parent says one sentence
    from vfk_desktop.io.readers.early_parse import still_parsing
    from vfk_desktop.io.readers.opening import memory_sentence
    from vfk_desktop.io.readers.workbooks import read_workbook  # noqa: F401 - loaded before a file comes

    connection.send("ready")
    while True:
        try:
            request = connection.recv()
            if request is None:
                return
            path, sheet_name, memory, seconds = request
            data = connection.recv_bytes()
        except (EOFError, OSError):
            return
        _limit(memory, seconds)
        reply = _read_in_child(path, data, sheet_name)
        del data
        ending = still_parsing()  # a refused file's parse goes on: the child ends with it
        try:
            connection.send((*reply, _peak_mib(), ending))
        except MemoryError:
            connection.send(("refused", memory_sentence(path.name), "MemoryError", _peak_mib(), ending))
        del reply  # freed while the parent reads the sheets, not when it asks this child to stop
        if ending:
            connection.close()
            os._exit(0)


@without_cycle_collection  # a long sheet is a million cells: the collector would walk them all, often
def _read_in_child(path: Path, data: bytes, sheet_name: str | None) -> tuple[str, object, str]:
    """One file's sheets, each text in them one object, or the sentence saying why it cannot be read."""
    from vfk_desktop.io.readers.opening import Unreadable, open_file

    try:
        sheets = open_file(path, data, sheet_name, early=True)
        share_repeated_text(sheets)
        return "sheets", sheets, ""
    except Unreadable as error:
        return "refused", str(error), error.detail
    except VfkError as error:
        return "refused", str(error), ""


def _limit(memory: int, seconds: float) -> None:
    """Past the memory limit an allocation fails; past the CPU limit the system stops the child.

    POSIX rlimits; on Windows a Job object (windows_job.py), and the parent's wall-clock limit on both.
    """
    try:
        import resource
    except ImportError:
        from vfk_desktop.io.readers.windows_job import limit_this_process

        limit_this_process(memory, seconds)
        return
    try:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        soft = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = int(used.ru_utime + used.ru_stime + seconds) + 2
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        resource.setrlimit(resource.RLIMIT_CPU, (cpu if hard == resource.RLIM_INFINITY
                                                 else min(cpu, hard), hard))
    except (ValueError, OSError):
        pass


def _peak_mib() -> int:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    except ImportError:
        return 0


def _quiet_stderr() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass
