"""Leaving out of the bundle what the app never loads, and checking nothing it loads went with it.

PyInstaller's Qt hooks collect every plugin of each Qt module used: platforms for embedded screens
and VNC, 3-D and OpenGL plumbing for Wayland, a GTK theme (which drags in GTK's own libraries),
image formats nobody opens, and Qt's translations (the app speaks English only). The spec passes
its file lists through trim(); after the build, missing_libraries() confirms that every library a
kept file links against is still there, and strip_debug_info() drops the interpreter's debug
symbols when the Python used to build carries them (pyenv builds do: 20 MB).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

Entry = tuple  # PyInstaller's TOC entry: (destination name, source path, type code)

# Plugin folders (under PySide6/Qt/plugins) never used by a desktop window.
UNUSED_PLUGIN_FOLDERS = {
    "egldeviceintegrations": "screens driven without a desktop (EGLFS)",
    "generic": "touch and input devices read without a desktop (evdev, TUIO)",
    "wayland-graphics-integration-client": "OpenGL on Wayland (the window draws in software)",
}
# Single plugins, by folder and name without "lib" and the extension.
UNUSED_PLUGINS = {
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"},
    "platformthemes": {"qgtk3"},  # GTK's look, with GTK's libraries; the XDG portal theme stays
    "imageformats": {"qicns", "qtga", "qtiff", "qwbmp", "qwebp", "qpdf"},
}
# Qt libraries that only the plugins above link against.
UNUSED_QT_LIBRARIES = {"Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport", "Qt6Network", "Qt6Pdf"}


def _stem(name: str) -> str:
    """libqxcb.so → qxcb; qwindows.dll → qwindows; libQt6Core.so.6 → Qt6Core."""
    base = name.split(".")[0]
    return base[3:] if base.startswith("lib") else base


def unused_reason(dest: str) -> str | None:
    """Why a bundled file is left out, or None to keep it. dest is the path inside _internal:
    PySide6/Qt/plugins/… on Linux, PySide6/plugins/… on Windows."""
    parts = list(PurePosixPath(dest.replace("\\", "/")).parts)
    if len(parts) < 2 or parts[0] != "PySide6":
        return None
    parts = parts[2:] if parts[1] == "Qt" else parts[1:]
    if parts[0] == "translations":
        return "Qt's translations (the app is in English)"
    if parts[0] == "plugins" and len(parts) >= 3:
        folder, name = parts[1], _stem(parts[-1])
        if folder in UNUSED_PLUGIN_FOLDERS:
            return UNUSED_PLUGIN_FOLDERS[folder]
        if name in UNUSED_PLUGINS.get(folder, ()):
            return f"the {folder} plugin {name}"
    # Libraries only where the build can prove nothing kept needs them (missing_libraries, Linux).
    if parts[0] == "lib" and ".so" in parts[-1] and _stem(parts[-1]) in UNUSED_QT_LIBRARIES:
        return f"{_stem(parts[-1])}, used only by the plugins left out"
    return None


def _is_system_library(entry: Entry) -> bool:
    """A library PyInstaller found as some binary's dependency, placed at the top of _internal."""
    dest, _source, kind = entry
    return (kind == "BINARY" and "/" not in dest.replace("\\", "/") and ".so" in dest
            and not dest.startswith("libpython"))


def orphans(binaries: list[Entry], imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """System libraries that no kept binary needs any more, directly or through another library.

    imports_of(source path) gives the names of the libraries a binary links against."""
    system = {PurePosixPath(entry[0]).name: entry for entry in binaries if _is_system_library(entry)}
    needed: set[str] = set()
    stack = [entry[1] for entry in binaries
             if entry[2] in ("BINARY", "EXTENSION", "EXECUTABLE") and not _is_system_library(entry)]
    while stack:
        for name in imports_of(stack.pop()):
            entry = system.get(PurePosixPath(name).name)
            if entry is not None and entry[0] not in needed:
                needed.add(entry[0])
                stack.append(entry[1])
    return set(system) - needed


def _linked_names(source: str) -> list[str]:
    from PyInstaller.depend.bindepend import get_imports

    return [name for name, _path in get_imports(source)]


def trim(binaries: list[Entry], datas: list[Entry],
         imports_of: Callable[[str], Iterable[str]] | None = None) -> tuple[list[Entry], list[Entry], dict]:
    """The file lists without what the app never loads; the third value maps each dropped file to why."""
    dropped = {}
    for dest, _source, _kind in [*binaries, *datas]:
        reason = unused_reason(dest)
        if reason:
            dropped[dest] = reason
    kept_binaries = [entry for entry in binaries if entry[0] not in dropped]
    if sys.platform.startswith("linux"):  # dependencies are resolved by ldd here; elsewhere, kept as found
        for dest in orphans(kept_binaries, imports_of or _linked_names):
            dropped[dest] = "a system library needed only by files left out"
        kept_binaries = [entry for entry in kept_binaries if entry[0] not in dropped]
    for dest, target, kind in [*binaries, *datas]:  # a link to a file left out goes too
        if kind == "SYMLINK" and target.replace("\\", "/") in dropped:
            dropped[dest] = f"a link to {PurePosixPath(target).name}"
    kept_binaries = [entry for entry in kept_binaries if entry[0] not in dropped]
    kept_datas = [entry for entry in datas if entry[0] not in dropped]
    return kept_binaries, kept_datas, dropped


def describe(dropped: dict, binaries: list[Entry], datas: list[Entry]) -> str:
    sources = {dest: source for dest, source, _kind in [*binaries, *datas]}
    size = sum(os.path.getsize(sources[dest]) for dest in dropped if os.path.isfile(sources.get(dest, "")))
    reasons: dict[str, int] = {}
    for reason in dropped.values():
        reasons[reason] = reasons.get(reason, 0) + 1
    lines = [f"trim: left out {len(dropped)} files, {size / 1e6:.1f} MB:"]
    lines += [f"  {count:3d}  {reason}" for reason, count in sorted(reasons.items())]
    return "\n".join(lines)


def _elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink() and (".so" in path.name or os.access(path, os.X_OK)):
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


QT_OWN = re.compile(r"lib(Qt6|icu|pyside6|shiboken6)")  # shipped with PySide6: the bundle must hold them


def missing_libraries(bundle: Path) -> tuple[list[str], list[str]]:
    """What the bundle's ELF files link against and cannot find, searched as the frozen app loads
    them (its _internal folder first), then the system's. Returns (problems, notes): a missing Qt
    library is a problem, since the bundle must carry it; any other is a note, since this build
    machine lacks it and the desktop it runs on must provide it (libwayland-cursor on a server).
    Linux only."""
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}
    missing: dict[str, list[str]] = {}
    for path in _elf_files(bundle):
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in done.stdout.splitlines():
            match = re.match(r"\s*(\S+) => not found", line)
            if match and str(path.relative_to(bundle)) not in missing.setdefault(match.group(1), []):
                missing[match.group(1)].append(str(path.relative_to(bundle)))
    problems, notes = [], []
    for name, users in sorted(missing.items()):
        text = f"{name}, needed by {users[0]}" + (f" and {len(users) - 1} more" if len(users) > 1 else "")
        (problems if QT_OWN.match(name) else notes).append(text)
    return problems, notes


def strip_debug_info(bundle: Path) -> int:
    """Drop debug symbols from the interpreter's own files (libpython, lib-dynload); returns bytes saved.

    Other libraries are left as their wheels ship them: stripping a library patched by auditwheel can
    break it."""
    strip = shutil.which("strip")
    if strip is None:
        return 0
    internal = bundle / "_internal"
    candidates = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    saved = 0
    for path in candidates:
        if path.is_symlink() or b".debug_info" not in path.read_bytes():
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved


def bundle_size(bundle: Path) -> int:
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """python installer/trim.py BUNDLE: strip debug symbols, then check every linked library is there."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("bundle", type=Path, help="the one-folder bundle, e.g. dist/vfk_desktop")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        return 0
    saved = strip_debug_info(args.bundle)
    if saved:
        print(f"trim: debug symbols stripped from the interpreter's files, {saved / 1e6:.1f} MB")
    problems, notes = missing_libraries(args.bundle)
    for note in notes:
        print(f"trim: note: not on this machine, so the desktop must provide it: {note}")
    for problem in problems:
        print(f"trim: missing from the bundle: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
