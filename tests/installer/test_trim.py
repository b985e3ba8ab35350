"""What the build leaves out of the bundle, and the checks that nothing it needs went with it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import trim

LINUX = sys.platform.startswith("linux")
PLUGINS = "PySide6/Qt/plugins"


KEPT = [
    *(f"{PLUGINS}/platforms/lib{name}.so" for name in ("qxcb", "qwayland", "qoffscreen")),
    f"{PLUGINS}/platformthemes/libqxdgdesktopportal.so", f"{PLUGINS}/printsupport/libcupsprintersupport.so",
    *(f"{PLUGINS}/imageformats/lib{name}.so" for name in ("qsvg", "qico", "qjpeg")),
    f"{PLUGINS}/iconengines/libqsvgicon.so",
    f"{PLUGINS}/platforminputcontexts/libibusplatforminputcontextplugin.so",
    f"{PLUGINS}/wayland-shell-integration/libxdg-shell.so",
    f"{PLUGINS}/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt/lib/libicudata.so.73",
    "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt6Network.dll",  # on Windows nothing proves a library unused: kept
    "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", "resources/indicators.csv", "libz.so.1",
]
LEFT_OUT = [
    ("PySide6/Qt/translations/qtbase_de.qm", "translations"),
    ("PySide6/translations/qt_fr.qm", "translations"),
    (f"{PLUGINS}/platforms/libqvnc.so", "qvnc"), (f"{PLUGINS}/platforms/libqeglfs.so", "qeglfs"),
    ("PySide6/plugins/platforms/qdirect2d.dll", "qdirect2d"),
    (f"{PLUGINS}/platformthemes/libqgtk3.so", "qgtk3"),
    (f"{PLUGINS}/imageformats/libqtiff.so", "qtiff"), ("PySide6/plugins/imageformats/qwebp.dll", "qwebp"),
    (f"{PLUGINS}/generic/libqevdevmouseplugin.so", "evdev"),
    (f"{PLUGINS}/egldeviceintegrations/x.so", "EGLFS"),
    (f"{PLUGINS}/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", "OpenGL on Wayland"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "Qt6Network"), ("PySide6\\Qt\\lib\\libQt6Pdf.so.6", "Qt6Pdf"),
]


@pytest.mark.parametrize("dest", KEPT)
def test_what_the_app_loads_is_kept(dest):
    assert trim.unused_reason(dest) is None


@pytest.mark.parametrize(("dest", "reason"), LEFT_OUT)
def test_what_the_app_never_loads_is_left_out(dest, reason):
    assert reason in trim.unused_reason(dest)


# A small picture of a build: what links against what (by library name).
LINKS = {
    "/src/qxcb.so": ["libQt6XcbQpa.so.6", "libxcb-icccm.so.4"],
    "/src/qgtk3.so": ["libgtk-3.so.0", "libcairo.so.2"],
    "/src/libcairo.so.2": ["libpixman-1.so.0", "libpng16.so.16"],
    "/src/libxcb-icccm.so.4": ["libxcb.so.1"],
    "/src/_sqlite3.so": ["libsqlite3.so.0"],
    "/src/libpng16.so.16": ["libz.so.1"],
}
BINARIES = [
    (f"{PLUGINS}/platforms/libqxcb.so", "/src/qxcb.so", "BINARY"),
    (f"{PLUGINS}/platformthemes/libqgtk3.so", "/src/qgtk3.so", "BINARY"),
    ("python3.11/lib-dynload/_sqlite3.so", "/src/_sqlite3.so", "EXTENSION"),
    ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
    ("libpixman-1.so.0", "/src/libpixman-1.so.0", "BINARY"),
    ("libpng16.so.16", "/src/libpng16.so.16", "BINARY"), ("libz.so.1", "/src/libz.so.1", "BINARY"),
    ("libxcb-icccm.so.4", "/src/libxcb-icccm.so.4", "BINARY"), ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),
    ("libsqlite3.so.0", "/src/libsqlite3.so.0", "BINARY"),
    ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
]


def links(source):
    return LINKS.get(source, [])


def test_a_library_only_a_left_out_plugin_needed_goes_with_it():
    kept = [entry for entry in BINARIES if "qgtk3" not in entry[0]]
    assert trim.orphans(kept, links) == {"libcairo.so.2", "libpixman-1.so.0", "libpng16.so.16", "libz.so.1"}


def test_libraries_needed_through_others_stay():
    assert trim.orphans(BINARIES, links) == set()  # every one is reached, some at two removes


@pytest.mark.skipif(not LINUX, reason="orphans are found with ldd")
def test_trim_leaves_out_plugins_their_libraries_and_links_to_them():
    datas = [("PySide6/Qt/translations/qt_de.qm", "/src/qt_de.qm", "DATA"),
             ("resources/indicators.csv", "/src/indicators.csv", "DATA"),
             ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
             ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")]
    binaries = [*BINARIES, ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY")]
    kept_binaries, kept_datas, dropped = trim.trim(binaries, datas, links)
    assert {entry[0] for entry in kept_datas} == {"resources/indicators.csv", "libQt6Core.so.6"}
    assert "libcairo.so.2" in dropped and "libsqlite3.so.0" not in dropped
    assert dropped["libQt6Network.so.6"] == "a link to libQt6Network.so.6"
    assert {entry[0] for entry in kept_binaries} == {
        f"{PLUGINS}/platforms/libqxcb.so", "python3.11/lib-dynload/_sqlite3.so", "libxcb-icccm.so.4",
        "libxcb.so.1", "libsqlite3.so.0", "libpython3.11.so.1.0"}


@pytest.mark.skipif(not (LINUX and shutil.which("ldd")), reason="Linux libraries, found by ldd")
def test_a_qt_library_missing_from_the_bundle_is_a_problem(tmp_path):
    import PySide6

    qt_lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    lib = tmp_path / "bundle" / "_internal" / "PySide6" / "Qt" / "lib"
    lib.mkdir(parents=True)
    shutil.copy(qt_lib / "libQt6Svg.so.6", lib)  # without the libQt6Core it links against
    problems, _notes = trim.missing_libraries(tmp_path / "bundle")
    assert any(p.startswith("libQt6Core.so.6, needed by _internal/PySide6/Qt/lib/libQt6Svg.so.6")
               for p in problems)
    for name in ("libQt6Core.so.6", "libQt6Gui.so.6", "libQt6DBus.so.6", "libicui18n.so.73", "libicuuc.so.73",
                 "libicudata.so.73"):
        shutil.copy(qt_lib / name, lib)
    assert trim.missing_libraries(tmp_path / "bundle")[0] == []


@pytest.mark.skipif(not (LINUX and shutil.which("gcc") and shutil.which("strip")),
                    reason="needs gcc and strip")
def test_debug_symbols_are_stripped_from_the_interpreters_files_only(tmp_path):
    source = tmp_path / "answer.c"
    source.write_text("int answer(void) { return 42; }\n")
    internal = tmp_path / "bundle" / "_internal"
    (internal / "numpy.libs").mkdir(parents=True)
    python_lib, other = internal / "libpython3.11.so.1.0", internal / "numpy.libs" / "libother.so"
    for target in (python_lib, other):
        subprocess.run(["gcc", "-g", "-shared", "-fPIC", "-o", str(target), str(source)], check=True)
    before = other.read_bytes()
    assert trim.strip_debug_info(tmp_path / "bundle") > 0
    assert b".debug_info" not in python_lib.read_bytes()
    assert other.read_bytes() == before  # a wheel's library is left as shipped
    assert trim.strip_debug_info(tmp_path / "bundle") == 0  # nothing left to strip
