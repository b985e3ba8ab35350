"""What the installed build says about itself, from the package metadata.

The name and description come from pyproject.toml, the version from vfk_desktop/__init__.py (where
hatch reads it for the wheel), so the bundle, the Windows version resource and the installer carry
the same version as `pip install` would. Read without importing vfk_desktop: the build may run with
another copy of the package installed.

    python installer/buildinfo.py              # 0.1.0
    python installer/buildinfo.py --windows    # 0.1.0.0 (four numbers, as Windows wants)
    python installer/buildinfo.py --json       # everything, for scripts
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLISHER = "Kent district councils"
PRODUCT = "vfk_desktop"
GUI_NAME = "vfk-desktop"
CLI_NAME = "vfk"
BUNDLE_NAME = "vfk_desktop"  # dist/vfk_desktop/, and the folder under the user's programs

# The Qt modules the app imports, and the two OpenGL ones pyqtgraph imports when it loads (the
# charts never draw with OpenGL); the spec leaves out the rest.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg", "QtOpenGL", "QtOpenGLWidgets")
APP_QT_MODULES = QT_MODULES[:5]
# Installed beside the app but never used by it: pandas (sqlite-utils imports it only if present),
# the test tools, and what pyqtgraph would use for 3-D, notebooks and other Qt bindings. The app
# goes on the network only to the county store, through psycopg, which imports ssl (its libpq has
# its own TLS); hashlib's own digests serve instead of OpenSSL's (5 MB).
# scipy is used (domain/statistics.py: exact Poisson limits), so it is bundled.
UNUSED_PACKAGES = (
    "pandas", "pyarrow", "tkinter", "_tkinter", "_hashlib",
    "pytest", "_pytest", "pytestqt", "pytest_timeout", "hypothesis", "xlwt", "odf", "msoffcrypto",
    "cryptography", "IPython", "matplotlib", "h5py", "numba", "cupy", "OpenGL",
    "PyQt5", "PyQt6", "PySide2", "pyqtgraph.opengl", "pyqtgraph.jupyter", "pyqtgraph.examples",
)


@dataclass(frozen=True)
class BuildInfo:
    name: str  # the distribution's name: vfk-desktop
    version: str  # as the package gives it: 0.1.0, 0.2.0rc1
    description: str

    @property
    def windows_version(self) -> tuple[int, int, int, int]:
        return windows_version(self.version)

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "windows_version": ".".join(map(str, self.windows_version)),
                "product": PRODUCT, "publisher": PUBLISHER, "bundle": BUNDLE_NAME,
                "gui": GUI_NAME, "cli": CLI_NAME}


def package_version(root: Path = ROOT) -> str:
    """`__version__` from vfk_desktop/__init__.py, read as text (the file is hatch's version source)."""
    source = (root / "vfk_desktop" / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        names = [getattr(target, "id", None) for target in getattr(node, "targets", [])]
        if ("__version__" in names and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            return node.value.value
    raise SystemExit(f"{root / 'vfk_desktop' / '__init__.py'} does not set __version__ = \"…\".")


def read(root: Path = ROOT) -> BuildInfo:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return BuildInfo(name=project["name"], version=package_version(root), description=project["description"])


def windows_version(version: str) -> tuple[int, int, int, int]:
    """Four numbers from a PEP 440 version: 1.2 → 1.2.0.0; 0.3.0rc1 → 0.3.0.0 (Windows has no "rc")."""
    release = re.match(r"\d+(?:\.\d+)*", version.strip().lstrip("v"))
    if release is None:
        raise ValueError(f'"{version}" does not start with a version number.')
    numbers = [int(part) for part in release.group(0).split(".")][:4]
    if any(n > 65535 for n in numbers):
        raise ValueError(f'"{version}": Windows allows at most 65535 in each part of a version.')
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def windows_version_resource(info: BuildInfo, file_name: str, description: str) -> str:
    """The text of a PyInstaller version file: what Explorer's Properties → Details shows for the .exe."""
    numbers = info.windows_version
    dotted = ".".join(map(str, numbers))
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": info.version,
        "InternalName": file_name,
        "LegalCopyright": f"{PUBLISHER}. All rights reserved.",
        "OriginalFilename": f"{file_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": info.version,
        "Comments": info.description,
    }
    entries = ",\n          ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""# Made by installer/buildinfo.py for {file_name}.exe {dotted}
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080904B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The version and names the build uses.")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--windows", action="store_true", help="the four-number Windows version")
    shown.add_argument("--json", action="store_true", help="every field as JSON")
    args = parser.parse_args(argv)
    info = read()
    if args.json:
        print(json.dumps(info.to_json(), indent=2))
    elif args.windows:
        print(".".join(map(str, info.windows_version)))
    else:
        print(info.version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
