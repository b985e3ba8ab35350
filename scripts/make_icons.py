"""Draw the app's icon files from resources/icons/vfk-desktop.svg (after changing the SVG; commit them).

    python scripts/make_icons.py [--check]

Writes vfk-desktop-SIZE.png for each size in SIZES (Linux desktops, the window) and vfk-desktop.ico
(Windows: the executables, the installer and its shortcuts). --check only says whether the files
on disk match the SVG.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "vfk-desktop.svg"
ICO = ICONS / "vfk-desktop.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds


def png_path(size: int) -> Path:
    return ICONS / f"vfk-desktop-{size}.png"


def render(size: int):
    """The SVG drawn at size × size pixels, with its transparency."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not an SVG Qt can draw.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def dib_bytes(image) -> bytes:
    """An .ico entry as a 32-bit bitmap: every Windows version and tool reads these (PNG only at 256)."""
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # B, G, R, A in memory, little-endian
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size - 1, -1, -1)]  # bottom-up
    mask_row = bytes(((size + 31) // 32) * 4)  # the AND mask: all zero, transparency comes from alpha
    return header + b"".join(rows) + mask_row * size


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = [(size, png_bytes(images[size]) if size >= 256 else dib_bytes(images[size]))
               for size in ICO_SIZES]
    offset = 6 + 16 * len(entries)
    directory = struct.pack("<HHH", 0, 1, len(entries))
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an .ico directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return directory + b"".join(data for _, data in entries)


def icon_files() -> dict[Path, bytes]:
    images = {size: render(size) for size in SIZES}
    files = {png_path(size): png_bytes(image) for size, image in images.items()}
    files[ICO] = ico_bytes(images)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="report files that differ from the SVG; write none")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - images need it
    files = icon_files()
    if args.check:
        stale = [path.name for path, data in files.items() if not path.exists() or path.read_bytes() != data]
        print("icons up to date" if not stale else f"out of date: {', '.join(stale)}")
        return 1 if stale else 0
    for path, data in files.items():
        path.write_bytes(data)
        print(f"{path.relative_to(ICONS.parents[1])}  {len(data):>7,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
