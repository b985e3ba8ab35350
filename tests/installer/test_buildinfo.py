"""The version and names the build stamps on the bundle, the Windows resource and the installer."""

import re
import subprocess
import sys

import buildinfo
import pytest

from tests.conftest import REPO
from vfk_desktop import __version__

VERSION_RESOURCE_NAMES = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
                          "VarFileInfo", "VarStruct")


def test_the_build_reads_the_packages_own_version_and_metadata():
    info = buildinfo.read()
    assert info.version == __version__
    assert info.name == "vfk-desktop"
    assert info.description.startswith("Locality Board papers for Kent's districts")


@pytest.mark.parametrize(("version", "four"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("3", (3, 0, 0, 0)), ("0.3.0rc1", (0, 3, 0, 0)),
    ("2.0.1.dev4", (2, 0, 1, 0)), ("v1.4.2", (1, 4, 2, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
])
def test_windows_gets_four_numbers(version, four):
    assert buildinfo.windows_version(version) == four


@pytest.mark.parametrize(("version", "message"), [
    ("next", "does not start with a version number"), ("1.70000", "at most 65535"),
])
def test_a_version_windows_cannot_hold_is_refused(version, message):
    with pytest.raises(ValueError, match=message):
        buildinfo.windows_version(version)


def test_the_windows_version_resource_names_the_program_and_version():
    info = buildinfo.BuildInfo(name="vfk-desktop", version="1.2.0rc1", description="Figures for Kent")
    text = buildinfo.windows_version_resource(info, "vfk", "vfk: the vfk_desktop command line")
    calls = []

    def recorder(name):
        def record(*args, **kwargs):
            calls.append((name, args, kwargs))
            return name
        return record

    # PyInstaller evaluates the file as one expression of its version-info classes: nothing else
    constructors = {name: recorder(name) for name in VERSION_RESOURCE_NAMES}
    assert eval(text, {"__builtins__": {}}, constructors) == "VSVersionInfo"
    fixed = next(kwargs for name, _args, kwargs in calls if name == "FixedFileInfo")
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 0, 0)
    strings = dict(args for name, args, _kwargs in calls if name == "StringStruct")
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.0rc1"
    assert strings["OriginalFilename"] == "vfk.exe" and strings["ProductName"] == "vfk_desktop"
    assert strings["FileDescription"] == "vfk: the vfk_desktop command line"
    assert next(args for name, args, _kwargs in calls if name == "StringTable")[0] == "080904B0"  # en-GB


def test_the_bundle_keeps_every_qt_module_the_app_imports():
    used = set()
    for path in (REPO / "vfk_desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used == set(buildinfo.APP_QT_MODULES)
    assert set(buildinfo.APP_QT_MODULES) <= set(buildinfo.QT_MODULES)


def test_nothing_the_app_imports_is_excluded():
    imported = set()
    for path in (REPO / "vfk_desktop").rglob("*.py"):
        imported |= set(re.findall(r"^\s*(?:from|import) (\w+)", path.read_text(encoding="utf-8"), re.M))
    assert not imported & set(buildinfo.UNUSED_PACKAGES)


@pytest.mark.parametrize(("option", "expected"), [([], __version__), (["--windows"], None)])
def test_the_scripts_ask_it_for_the_version(option, expected):
    done = subprocess.run([sys.executable, str(REPO / "installer" / "buildinfo.py"), *option],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    shown = done.stdout.strip()
    assert shown == (expected or ".".join(map(str, buildinfo.windows_version(__version__))))
