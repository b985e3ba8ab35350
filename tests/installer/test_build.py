"""The real thing (slow, about a minute): build the Linux bundle with installer/build.sh into a
temporary folder, then run the frozen programs as an officer would.

    ./scripts/test -m slow tests/installer
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile

import pytest

from tests.conftest import REPO
from tests.seed_figures import check_fare_json
from vfk_desktop import __version__

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="build.sh builds the Linux bundle"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """dist/ with the bundle and its archive, built once for this module's tests."""
    pytest.importorskip("PyInstaller", reason="the build extra is not installed: pip install -e '.[build]'")
    if shutil.which("objdump") is None:
        pytest.skip("PyInstaller needs objdump (binutils)")
    folder = tmp_path_factory.mktemp("build")
    env = {**os.environ, "VFK_BUILD_PYTHON": sys.executable, "VFK_DIST": str(folder / "dist"),
           "VFK_WORK": str(folder / "work")}
    done = subprocess.run(["bash", str(REPO / "installer" / "build.sh"), "--archive"], capture_output=True,
                          text=True, env=env, timeout=280)
    print(done.stdout[-3000:], done.stderr[-3000:])  # shown with -s or on failure: size, time, checks
    assert done.returncode == 0, done.stderr[-3000:]
    assert "10 of 10 frozen checks passed." in done.stdout
    return folder / "dist"


@pytest.fixture
def bundle(built):
    return built / "vfk_desktop"


def frozen(program, *args, cwd, home=None, **kwargs):
    """Run a program of the bundle with nothing of the source tree in reach."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "QT_QPA_PLATFORM")}
    if home is not None:
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_STATE_HOME=str(home / "state"))
    return subprocess.run([str(program), *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=180, **kwargs)


def test_the_window_passes_its_smoke_test(bundle, tmp_path):
    done = frozen(bundle / "vfk-desktop", "--smoke", cwd=tmp_path, home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert f"vfk-desktop {__version__}: smoke test passed (8 pages, 4 kinds of chart)" in done.stdout
    assert not (tmp_path / "home" / "data").exists()  # a fresh database in a folder it removed


def test_init_sample_then_fare_gives_the_seeds_figures(bundle, tmp_path):
    db = str(tmp_path / "k.db")
    assert frozen(bundle / "vfk", "--db", db, "init", "--sample", cwd=tmp_path).returncode == 0
    done = frozen(bundle / "vfk", "--db", db, "fare", "--locality", "Tunbridge Wells", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = check_fare_json(json.loads(done.stdout))
    assert (rows["NI 163"]["value"], rows["NI 163"]["rank"], rows["NI 163"]["of"]) == (70.9, 6, 12)


def test_import_of_a_workbook_and_refusal_of_a_broken_one(bundle, tmp_path):
    import openpyxl

    db = str(tmp_path / "k.db")
    assert frozen(bundle / "vfk", "--db", db, "init", "--sample", cwd=tmp_path).returncode == 0
    book = openpyxl.Workbook()
    book.active.append(["District", "NI", "Period", "Value"])
    book.active.append(["Dover", "39", "2009/10", 1400])
    book.save(tmp_path / "dover.xlsx")
    done = frozen(bundle / "vfk", "--db", db, "import", str(tmp_path / "dover.xlsx"), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inserted"] == 1
    import xlwt  # an .xls is read in a child process: the frozen program must start it

    legacy = xlwt.Workbook()
    sheet = legacy.add_sheet("Returns")
    for column, value in enumerate(["District", "NI", "Period", "Value"]):
        sheet.write(0, column, value)
    for column, value in enumerate(["Ashford", "39", "2009/10", 1500]):
        sheet.write(1, column, value)
    legacy.save(str(tmp_path / "ashford.xls"))
    done = frozen(bundle / "vfk", "--db", db, "import", str(tmp_path / "ashford.xls"), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["inserted"] == 1
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    done = frozen(bundle / "vfk", "--db", db, "import", str(tmp_path / "notes.xlsx"), cwd=tmp_path)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "notes.xlsx" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_reader_that_goes_away_ends_the_frozen_command_quietly(bundle, tmp_path):
    db = str(tmp_path / "k.db")
    assert frozen(bundle / "vfk", "--db", db, "init", "--sample", cwd=tmp_path).returncode == 0
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    process = subprocess.Popen([str(bundle / "vfk"), "--db", db, "fare", "--locality", "TWBC", "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0 and stderr == b""


def test_install_sh_installs_the_real_bundle_and_uninstalls_keeping_the_data(built, tmp_path):
    name = f"vfk_desktop-{__version__}-linux-{os.uname().machine}"
    with tarfile.open(built / f"{name}.tar.gz") as archive:
        members = archive.getnames()
        assert f"{name}/install.sh" in members and f"{name}/vfk-desktop" in members
        assert f"{name}/qt.conf" in members
        safe = {"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}  # Python 3.11.4 and later
        archive.extractall(tmp_path / "unpacked", **safe)
    home = tmp_path / "home"
    home.mkdir()
    env_home = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["sh", str(tmp_path / "unpacked" / name / "install.sh")], capture_output=True,
                          text=True, env=env_home, timeout=120)
    assert done.returncode == 0, done.stderr
    launcher = home / ".local" / "bin" / "vfk-desktop"
    smoke = frozen(launcher, "--smoke", cwd=tmp_path, home=home)  # through the link, as the menu does
    assert smoke.returncode == 0 and "smoke test passed" in smoke.stdout, smoke.stderr
    made = frozen(home / ".local" / "bin" / "vfk", "init", "--sample", cwd=tmp_path, home=home)
    assert made.returncode == 0, made.stderr
    database = home / "data" / "vfk_desktop" / "vfk.db"
    assert database.exists()
    done = subprocess.run(["sh", str(home / ".local" / "lib" / "vfk_desktop" / "install.sh"), "--uninstall"],
                          capture_output=True, text=True, env=env_home, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not launcher.exists() and not (home / ".local" / "lib" / "vfk_desktop").exists()
    assert database.exists()
