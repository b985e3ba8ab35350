"""`vfk-desktop --screenshots DIR`: every page in turn, then every dialog, one PNG each, at the size
of a 1366 × 768 laptop less its task bar (the README shows them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from vfk_desktop.ui.main_window import PAGE_NAMES

LAPTOP = (1366, 728)
FIRST_DIALOG = 9  # 08 is the import report (scripts/import_report_shot.py)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def take_screenshots(window, folder: Path, size: tuple[int, int] | None = None) -> list[Path]:
    from vfk_desktop.ui.dialog_shots import DIALOGS

    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*(size or LAPTOP))  # the same size every time, whatever the last session left
    saved = []
    for number, name in enumerate(PAGE_NAMES, 1):
        page = window.show_page(name)
        if name == "Indicator" and getattr(page, "code", None) is None:
            page.show_indicator("NI 39")
        _settle()
        path = folder / f"{number:02d}-{name.lower().replace(' ', '-')}.png"
        window.grab().save(str(path))
        saved.append(path)
    window.show_page("Overview")
    for number, (name, build) in enumerate(DIALOGS.items(), FIRST_DIALOG):
        dialog = build(window)
        dialog.show()
        _settle()
        path = folder / f"{number:02d}-{name}.png"
        dialog.grab().save(str(path))
        dialog.close()
        dialog.deleteLater()
        saved.append(path)
    return saved
