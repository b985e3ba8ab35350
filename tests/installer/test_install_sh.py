"""installer/linux/install.sh: a per-user install into a private home, an upgrade and an uninstall
that keeps the officer's data. The bundle here is a stand-in whose programs are shell scripts; the
slow test (test_build.py) installs the real one."""

import os
import shutil
import subprocess

import pytest

from tests.conftest import REPO
from vfk_desktop.ui.icon import ICON_SIZES

INSTALL_SH = REPO / "installer" / "linux" / "install.sh"
pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def stand_in_bundle(folder, version="9.9.9"):
    """A folder shaped like dist/vfk_desktop: two programs, the resources, install.sh beside them."""
    folder.mkdir(parents=True)
    for program in ("vfk-desktop", "vfk"):
        script = folder / program
        script.write_text(f"#!/bin/sh\necho vfk_desktop {version}\n")
        script.chmod(0o755)
    shutil.copytree(REPO / "resources", folder / "_internal" / "resources")
    (folder / "_internal" / f"only-in-{version}.txt").write_text(version)
    shutil.copy(INSTALL_SH, folder / "install.sh")
    return folder


def run(script, *args, home):
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(home), PATH="/usr/bin:/bin")
    return subprocess.run(["sh", str(script), *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def home(tmp_path):
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def test_install_puts_the_program_commands_menu_entry_and_icons_in_the_users_home(tmp_path, home):
    bundle = stand_in_bundle(tmp_path / "unpacked" / "vfk_desktop-9.9.9")
    done = run(bundle / "install.sh", home=home)
    assert done.returncode == 0, done.stderr
    program = home / ".local" / "lib" / "vfk_desktop"
    assert (program / "vfk-desktop").is_file()
    assert (program / "_internal" / "resources" / "indicators.csv").is_file()
    for name in ("vfk-desktop", "vfk"):
        link = home / ".local" / "bin" / name
        assert link.is_symlink() and link.resolve() == program / name
    assert subprocess.run([str(home / ".local" / "bin" / "vfk")], capture_output=True, text=True).stdout == \
        "vfk_desktop 9.9.9\n"
    entry = (home / ".local" / "share" / "applications" / "vfk-desktop.desktop").read_text()
    assert f'Exec="{program}/vfk-desktop"' in entry and "Icon=vfk-desktop" in entry
    icons = home / ".local" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert (icons / f"{size}x{size}" / "apps" / "vfk-desktop.png").is_file()
    assert (icons / "scalable" / "apps" / "vfk-desktop.svg").is_file()
    assert "Installed vfk_desktop 9.9.9" in done.stdout
    assert f"{home}/.local/share/vfk_desktop/vfk.db" in done.stdout
    assert "is not on your PATH" in done.stdout


def test_an_upgrade_replaces_the_program_and_leaves_nothing_of_the_old_one(tmp_path, home):
    assert run(stand_in_bundle(tmp_path / "old") / "install.sh", home=home).returncode == 0
    done = run(stand_in_bundle(tmp_path / "new", version="10.0.0") / "install.sh", home=home)
    assert done.returncode == 0, done.stderr
    program = home / ".local" / "lib" / "vfk_desktop"
    assert (program / "_internal" / "only-in-10.0.0.txt").exists()
    assert not (program / "_internal" / "only-in-9.9.9.txt").exists()
    assert not any((program.parent / name).exists() for name in ("vfk_desktop.old", "vfk_desktop.new"))


def test_uninstall_removes_the_program_and_keeps_the_database(tmp_path, home):
    assert run(stand_in_bundle(tmp_path / "unpacked") / "install.sh", home=home).returncode == 0
    data = home / ".local" / "share" / "vfk_desktop"
    (data / "backups").mkdir(parents=True)
    (data / "vfk.db").write_bytes(b"the officer's figures")
    done = run(home / ".local" / "lib" / "vfk_desktop" / "install.sh", "--uninstall", home=home)
    assert done.returncode == 0, done.stderr
    assert not (home / ".local" / "lib" / "vfk_desktop").exists()
    assert not any((home / ".local" / "bin" / name).exists() for name in ("vfk", "vfk-desktop"))
    assert not (home / ".local" / "share" / "applications" / "vfk-desktop.desktop").exists()
    assert not list((home / ".local" / "share" / "icons").rglob("vfk-desktop.*"))
    assert (data / "vfk.db").read_bytes() == b"the officer's figures" and (data / "backups").is_dir()
    assert f"Your database and its backups are kept in {data}" in done.stdout


def test_a_command_of_the_same_name_that_is_not_ours_is_left_alone(tmp_path, home):
    own = home / ".local" / "bin" / "vfk"
    own.parent.mkdir(parents=True)
    own.write_text("#!/bin/sh\necho mine\n")
    done = run(stand_in_bundle(tmp_path / "unpacked") / "install.sh", home=home)
    assert done.returncode == 0 and f"Left {own} alone" in done.stdout
    assert own.read_text() == "#!/bin/sh\necho mine\n"
    installed = home / ".local" / "lib" / "vfk_desktop" / "install.sh"
    assert run(installed, "--uninstall", home=home).returncode == 0
    assert own.read_text() == "#!/bin/sh\necho mine\n"


def test_run_from_anywhere_but_a_bundle_it_refuses(tmp_path, home):
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy(INSTALL_SH, lonely / "install.sh")
    done = run(lonely / "install.sh", home=home)
    assert done.returncode == 1 and "run me from the unpacked vfk_desktop folder" in done.stderr
    assert not (home / ".local").exists()
    assert run(lonely / "install.sh", "--frobnicate", home=home).returncode == 2
