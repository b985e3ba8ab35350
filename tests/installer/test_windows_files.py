"""The Windows installer's script and build steps, read as text (they run on Windows only): per-user,
no administrator, the user's data kept on uninstall, and every file they name present."""

import re

import pytest

from tests.conftest import REPO
from vfk_desktop.paths import APP_AUTHOR, APP_NAME

WINDOWS = REPO / "installer" / "windows"
ISS = (WINDOWS / "vfk_desktop.iss").read_text(encoding="utf-8")
BUILD_PS1 = (WINDOWS / "build.ps1").read_text(encoding="utf-8")
RELEASE = (REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")


def section(name: str) -> str:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.M | re.S)
    assert match, f"no [{name}] section"
    return match.group(1)


def directives() -> dict[str, str]:
    return dict(re.findall(r"^(\w+)=(.*)$", section("Setup"), re.M))


def test_it_installs_for_one_user_without_administrator_rights():
    setup = directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{userpf}\{#AppName}"  # %LOCALAPPDATA%\Programs\vfk_desktop
    assert not re.search(r"\{(commonpf|pf|commonprograms|commondesktop)", ISS)
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])


def test_start_menu_shortcut_and_an_optional_desktop_one():
    icons = section("Icons")
    assert r'Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"' in icons
    assert 'Tasks: desktopicon' in icons and "Flags: unchecked" in section("Tasks")


def test_uninstall_removes_the_program_folder_and_keeps_the_users_data():
    removed = re.findall(r'Name: "([^"]+)"', section("UninstallDelete"))
    assert removed == ["{app}"]
    assert rf"{{localappdata}}\{APP_AUTHOR}\{APP_NAME}" in section("Code")  # what platformdirs uses


@pytest.mark.parametrize("name", ["resources/icons/vfk-desktop.ico", "installer/vfk_desktop.spec",
                                  "installer/check_bundle.py", "installer/buildinfo.py",
                                  "installer/windows/vfk_desktop.iss"])
def test_every_file_the_windows_build_names_exists(name):
    path = REPO / name
    assert path.is_file()
    windows_name = name.replace("/", "\\")
    assert windows_name in ISS or windows_name in BUILD_PS1 or path.name in BUILD_PS1


def test_the_release_picks_up_what_the_builds_write():
    assert "OutputBaseFilename={#AppName}-{#AppVersion}-setup" in ISS
    assert '"vfk_desktop-$version-setup.exe"' in BUILD_PS1
    assert "path: dist/vfk_desktop-*-setup.exe" in RELEASE and "path: dist/vfk_desktop-*.tar.gz" in RELEASE
    assert "installer/build.sh --archive" in RELEASE and "./installer/windows/build.ps1" in RELEASE
