"""The app's icon, drawn from resources/icons (scripts/make_icons.py makes the PNGs from the SVG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from vfk_desktop.paths import resources_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_file(size: int) -> Path:
    return resources_dir() / "icons" / f"vfk-desktop-{size}.png"


def app_icon() -> QIcon:
    """Every size we ship, so that Qt never scales a picture up (files are read when first drawn)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_file(size)), QSize(size, size))
    return icon
