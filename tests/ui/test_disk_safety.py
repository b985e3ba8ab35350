"""The window on an emptied file, a read-only disk and a full disk: the newest good backup offered,
a reason that names the folder, and never the crash dialog."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.cli import test_shared_files
from tests.support.files import contents
from tests.ui.conftest import answer_modal
from vfk_desktop.store.backups import make_backup
from vfk_desktop.store.connection import open_store

small_disk = test_shared_files.small_disk  # a 1 MiB tmpfs of its own (root only; skipped elsewhere)


def test_an_emptied_database_is_offered_its_newest_good_backup(window, sample_template, tmp_path):
    path = tmp_path / "district.db"
    shutil.copy(sample_template, path)
    with open_store(path) as store:
        make_backup(store, "before importing partner.xlsx")
    good = contents(path)
    path.write_bytes(b"")
    seen = answer_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert window.files.open_database(path)
    assert seen and "the file is empty" in seen[0] and "Put back the newest good backup" in seen[0]
    store = window.session.store
    assert not store.damaged and not store.readonly
    assert contents(path) == good


@pytest.fixture
def read_only_disk(small_disk, sample_template):
    """A disk mounted read-only holding a database: not even root may write there."""
    shutil.copy(sample_template, small_disk / "vfk.db")
    made = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot remount the small disk read-only: {made.stderr.strip()}")
    yield small_disk / "vfk.db"
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)


def test_a_database_in_a_folder_nobody_may_write_opens_read_only_saying_why(read_only_disk, window):
    assert window.files.open_database(read_only_disk)
    assert window.session.store.readonly
    banner = window.readonly_banner.text()
    assert window.readonly_banner.isVisible() and "cannot be written to" in banner
    assert "another vfk_desktop window" not in banner
    assert not window.import_action.isEnabled()


def test_a_full_disk_still_opens_the_database(small_disk, sample_template, window):
    path = small_disk / "vfk.db"
    shutil.copy(sample_template, path)
    filler = os.open(small_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:  # every last block taken
        while os.write(filler, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(filler)
    assert os.statvfs(small_disk).f_bavail == 0
    seen = answer_modal(lambda box: box.accept())
    opened = window.files.open_database(path)
    assert not seen, seen
    assert opened
    assert window.session.store.path == path and window.session.store.readonly
    assert window.session.locality
    assert "is full" in window.readonly_banner.text() and window.readonly_banner.isVisible()


def test_an_infinite_figure_already_stored_is_reported_on_opening(sample_db, tmp_path, window):
    import sqlite3

    path = tmp_path / "older.db"
    shutil.copy(sample_db, path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE observations SET value = ? WHERE indicator = 'NI 163' AND value IS NOT NULL",
                     (float("inf"),))
    conn.close()
    assert window.files.open_database(path)
    said = window.statusBar().currentMessage()
    assert "of NI 163 are infinite or impossibly large" in said
