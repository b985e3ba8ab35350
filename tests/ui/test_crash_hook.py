"""The crash hook's fault handler, where a windowed Windows app has no stderr to fall back on."""

import os
import subprocess
import sys

from tests.conftest import REPO

INSTALL = """
import sys
from vfk_desktop.ui.crash import install_crash_hook
sys.stderr = None  # as in a windowed (no console) Windows app
install_crash_hook()
sys.stdout.write("hook installed")
"""


def test_the_hook_installs_without_stderr_when_the_crash_log_cannot_be_opened(tmp_path):
    (tmp_path / "state" / "vfk_desktop" / "log" / "crash.log").mkdir(parents=True)  # not a file
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", INSTALL], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "hook installed"


def test_without_stderr_a_fatal_error_still_reaches_the_crash_log(tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", INSTALL + "import faulthandler; faulthandler._sigsegv()"],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode != 0 and done.stdout == "hook installed"
    crash_log = tmp_path / "state" / "vfk_desktop" / "log" / "crash.log"
    assert "Fatal Python error: Segmentation fault" in crash_log.read_text(encoding="utf-8")
