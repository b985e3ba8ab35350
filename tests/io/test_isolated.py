"""The reader child: a file it cannot finish within its limits is one sentence, and the next file
is read by a new child; Cancel stops it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.io.spreadsheets import write
from vfk_desktop.io.readers import isolated
from vfk_desktop.io.readers.isolated import ReaderChild
from vfk_desktop.io.readers.sheets import BadFile, ImportCancelled
from vfk_desktop.logs import log_path

GOOD = {"Data": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2008/09", 1400]]}


def long_csv(tmp_path: Path) -> Path:
    path = tmp_path / "long.csv"
    path.write_bytes(b"District,NI,Year,Value\r\n" + b"Dover,NI 39,2008/09,1400\r\n" * 300_000)
    return path


def test_one_child_reads_an_imports_files_and_is_gone_after(tmp_path):
    good = write(tmp_path / "good.xlsx", GOOD)
    with ReaderChild() as readers:
        first = readers.read(good, good.read_bytes(), None)
        started = readers.running
        second = readers.read(good, good.read_bytes(), None)
        assert readers.running == started is True
    assert first[0].rows == second[0].rows == [["District", "NI", "Year", "Value"],
                                               ["Dover", "NI 39", "2008/09", 1400.0]]
    assert not readers.running


def test_a_child_started_early_reads_as_one_started_on_demand_and_sends_each_text_once(tmp_path):
    rows = [["District", "NI", "Year", "Value"]] + [[place, "NI 39", "2008/09", float(n)]
                                                     for n, place in enumerate(["Dover", "Swale"] * 50)]
    book = write(tmp_path / "repeats.xlsx", {"Data": rows})
    with ReaderChild() as readers:
        readers.start_soon()
        assert not readers.running  # launched; not waited for until a file is read
        sheets = readers.read(book, book.read_bytes(), None)
        assert readers.running
    read = sheets[0].rows
    assert read == rows
    assert len({id(row[0]) for row in read[1:]}) == 2  # "Dover" and "Swale", each one object
    assert len({id(row[2]) for row in read[1:]}) == 1
    assert not readers.running


def test_a_child_started_early_for_an_import_that_reads_nothing_is_stopped():
    with ReaderChild() as readers:
        readers.start_soon()
        process = readers._starting[0]
    process.join(5)
    assert not process.is_alive() and not readers.running


def test_a_child_out_of_memory_is_a_sentence_and_the_next_file_is_read(tmp_path, monkeypatch):
    good = write(tmp_path / "good.xlsx", GOOD)
    big = long_csv(tmp_path)
    with ReaderChild() as readers:
        monkeypatch.setattr(isolated, "MEMORY_FLOOR", 40 * 2**20)  # below what reading it needs
        monkeypatch.setattr(isolated, "MEMORY_PER_BYTE", 0)
        with pytest.raises(BadFile) as refused:
            readers.read(big, big.read_bytes(), None)
        monkeypatch.undo()
        sheets = readers.read(good, good.read_bytes(), None)
    sentence = str(refused.value)
    assert sentence.startswith("long.csv could not be read") and "\n" not in sentence
    assert "memory" in sentence or "stopped" in sentence
    assert sheets[0].rows[1][0] == "Dover"


def test_a_child_past_its_time_is_stopped_with_a_sentence(tmp_path, monkeypatch):
    big = long_csv(tmp_path)
    monkeypatch.setattr(isolated, "LIMIT_S", 0)
    monkeypatch.setattr(isolated, "SECONDS_PER_MB", 0)
    with ReaderChild() as readers:
        with pytest.raises(BadFile) as refused:
            readers.read(big, big.read_bytes(), None)
        assert not readers.running
    assert str(refused.value).startswith("long.csv could not be read: it took longer than 0 s")
    assert "long.csv failed: stopped after the wall-clock limit" in log_path().read_text()


def test_cancel_stops_the_child_at_once(tmp_path):
    big = long_csv(tmp_path)
    asked = []

    def cancelled() -> bool:  # Cancel pressed once the child has the file
        asked.append(True)
        return len(asked) > 1

    with ReaderChild() as readers:
        with pytest.raises(ImportCancelled):
            readers.read(big, big.read_bytes(), None, cancelled)
        assert not readers.running


def test_a_frozen_program_knows_multiprocessing_s_own_starts_from_an_officer_s_command():
    """The bundle's reader child and the resource tracker (started with `-X utf8 -c …`) are handed to
    multiprocessing; `vfk import FILE` and the window's own arguments are not."""
    from vfk_desktop.reader_child import is_multiprocessing_start

    assert is_multiprocessing_start(["vfk", "--multiprocessing-fork", "tracker_fd=5", "pipe_handle=7"])
    assert is_multiprocessing_start(["vfk", "-X", "utf8", "-c",
                                     "from multiprocessing.resource_tracker import main;main(4)"])
    assert not is_multiprocessing_start(["vfk", "import", "partner.xlsx", "--json"])
    assert not is_multiprocessing_start(["vfk-desktop", "--locality", "TWBC"])


def test_the_windows_job_limits_have_the_layout_windows_reads():
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION is 144 bytes on 64-bit Windows, its memory limit at byte 112;
    the limits carry the memory and a CPU time past what the child has used. Elsewhere nothing is set."""
    import ctypes
    import sys

    from vfk_desktop.io.readers import windows_job

    if ctypes.sizeof(ctypes.c_void_p) == 8:
        assert ctypes.sizeof(windows_job.ExtendedLimits) == 144
        assert windows_job.ExtendedLimits.process_memory_limit.offset == 112
        assert windows_job.BasicLimits.limit_flags.offset == 16
    info = windows_job.limits(480 * 2**20, 8)
    assert info.process_memory_limit == 480 * 2**20
    assert info.basic.per_process_user_time_limit >= 10 * 10_000_000
    assert info.basic.limit_flags & 0x0100 and info.basic.limit_flags & 0x0002
    if sys.platform != "win32":
        assert windows_job.limit_this_process(2**30, 8) is False


def test_a_file_sent_ahead_is_the_one_read_and_another_asked_for_instead_is_read_right(tmp_path):
    good = write(tmp_path / "good.xlsx", GOOD)
    other = write(tmp_path / "other.csv", {"Data": [["District", "NI", "Year", "Value"],
                                                    ["Swale", "NI 39", "2008/09", 1300]]})
    with ReaderChild() as readers:
        readers.read_soon(good, None)
        ahead = readers.read(good, good.read_bytes(), None)
        readers.read_soon(good, None)
        instead = readers.read(other, other.read_bytes(), None)  # the reply for good.xlsx is dropped
        readers.read_soon(tmp_path / "missing.xlsx", None)  # nothing to send: read() says why
        with pytest.raises(BadFile):
            readers.read(tmp_path / "missing.xlsx", b"", None)
    assert ahead[0].rows[1][0] == "Dover" and instead[0].rows[1][0] == "Swale"


def test_a_forked_child_goes_when_its_parent_is_killed(tmp_path):
    import os
    import time

    from tests.conftest import run_python

    done = run_python(
        "import os, signal\n"
        "from vfk_desktop.io.readers.isolated import ReaderChild\n"
        "readers = ReaderChild()\n"
        "readers.start_soon(fork=True)\n"
        "readers._await_ready()\n"
        "print(readers._process.pid, readers._process._popen.method, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    pid, method = done.stdout.split()
    assert method == "fork"
    for _ in range(100):
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the reader child outlived its parent")
