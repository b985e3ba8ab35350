"""Two programs on one file, and files this user may not change, with real processes and users."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.support.files import contents, file_digest
from tests.support.processes import HOLD_WRITE, HOLD_WRITE_BRIEFLY, holding


def csv_file(folder: Path) -> Path:
    path = folder / "dover.csv"
    path.write_text("District,NI,Period,Value\nDover,NI 39,2009/10,1100\n", encoding="utf-8")
    return path


def test_the_cli_waits_on_a_busy_database_then_refuses_in_a_sentence(sample_db, tmp_path):
    with holding(HOLD_WRITE, str(sample_db)):
        before = contents(sample_db)
        done = run_cli("import", str(csv_file(tmp_path)), db=sample_db)
        assert done.returncode == 1
        said = done.stderr.strip()
        assert "is busy" in said and "\n" not in said and "Traceback" not in said
        reading = run_cli("fare", "--locality", "Tunbridge Wells", "--json", db=sample_db)
        assert reading.returncode == 0  # readers are never blocked by a writer
    assert contents(sample_db) == before
    assert run_cli("import", str(csv_file(tmp_path)), db=sample_db).returncode == 0


def test_the_cli_waits_for_a_brief_writer_to_finish_then_imports(sample_db, tmp_path):
    # The other writer lets go two seconds after taking the file; an import that gave up at once
    # (no busy timeout) would be refused, one that waits (five seconds) gets through.
    with holding(HOLD_WRITE_BRIEFLY, str(sample_db), "2"):
        done = run_cli("import", str(csv_file(tmp_path)), db=sample_db)
    assert done.returncode == 0, done.stderr
    assert "is busy" not in done.stderr


def as_another_user() -> list[str]:
    """A command prefix that runs as an unprivileged user: root cannot be refused a write."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is needed to run as another user")
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    # vfk reads each file in a child it starts from sys.executable, so that must work as nobody too
    child = ("import subprocess, sys; "
             "sys.exit(subprocess.run([sys.executable, '-c', 'import vfk_desktop']).returncode)")
    reached = subprocess.run([*prefix, sys.executable, "-c", child], capture_output=True, cwd="/",
                             timeout=60)
    if reached.returncode != 0:  # a checkout or a Python under a private (0700) folder
        pytest.skip(f"the user nobody cannot run the Python and the checkout at {REPO}, so cannot run "
                    f"vfk as another user")
    return prefix


@pytest.fixture
def shared_folder(sample_template):
    """A folder and database others may read but not change (outside pytest's private tmp)."""
    folder = Path(tempfile.mkdtemp(prefix="vfk-readonly-"))
    database = folder / "vfk.db"
    shutil.copy(sample_template, database)
    home = Path(tempfile.mkdtemp(prefix="vfk-readonly-home-"))
    os.chmod(home, 0o777)
    os.chmod(database, 0o444)
    os.chmod(folder, 0o555)
    yield database, home
    os.chmod(folder, 0o755)
    shutil.rmtree(folder)
    shutil.rmtree(home)


def test_a_read_only_file_and_folder_open_read_only_and_refuse_writes(shared_folder, tmp_path):
    database, home = shared_folder
    prefix = as_another_user()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config")}
    source = csv_file(Path(home))
    os.chmod(source, 0o644)
    before = file_digest(database)

    def vfk(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, sys.executable, "-m", "vfk_desktop.cli", "--db", str(database),
                               *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)

    read = vfk("fare", "--locality", "Tunbridge Wells")
    assert read.returncode == 0, read.stderr
    assert "NI 163" in read.stdout
    write = vfk("import", str(source))
    assert write.returncode == 1
    assert write.stderr.strip().endswith("is open read-only; nothing can be changed in it.")
    assert "Traceback" not in write.stderr
    assert file_digest(database) == before
    assert sorted(p.name for p in database.parent.iterdir()) == ["vfk.db"]  # no journal, no backup


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB disk of its own (tmpfs), for filling up; only root may mount one."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs root")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {made.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def test_a_full_disk_fails_an_import_in_a_sentence_and_writes_nothing_of_it(small_disk, sample_template,
                                                                           tmp_path):
    from tests.support.files import long_csv

    database = small_disk / "vfk.db"
    shutil.copy(sample_template, database)
    source = long_csv(tmp_path / "big.csv", 30_000)  # several MB once in the database
    before = contents(database)
    done = run_cli("import", str(source), "--add-indicators", db=database)
    assert done.returncode == 1, done.stdout
    said = done.stderr.strip()
    assert "\n" not in said and "Traceback" not in said
    assert said.endswith("is full; nothing was changed. Free some space and try again.")
    assert contents(database) == before
    checked = run_cli("check", db=database)
    assert (checked.returncode, checked.stdout) == (0, "ok\n")
