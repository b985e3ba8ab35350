"""`vfk-desktop --screenshots DIR`: every page in turn, one PNG each (the README shows them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from vfk_desktop.ui.main_window import PAGE_NAMES


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def take_screenshots(window, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1320, 820)  # the same size every time, whatever the last session left
    saved = []
    for number, name in enumerate(PAGE_NAMES, 1):
        page = window.show_page(name)
        if name == "Indicator" and getattr(page, "code", None) is None:
            page.show_indicator("NI 39")
        _settle()
        path = folder / f"{number:02d}-{name.lower().replace(' ', '-')}.png"
        window.grab().save(str(path))
        saved.append(path)
    return saved
