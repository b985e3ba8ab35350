"""`vfk-desktop --smoke` beyond the pages: a chart of every kind, the About box and the icon.

An installed build fails here when it left out a Qt plugin, a library or a data file that visiting
the pages alone would not touch (SVG writing, image formats, the icons, the libraries' metadata).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

SMOKE_INDICATOR = "NI 163"


def _looks_drawn(path: Path) -> bool:
    if path.suffix == ".svg":
        return path.stat().st_size > 1000 and b"<svg" in path.read_bytes()[:2000]
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    return not image.isNull() and len(colours) > 3


def draw_every_chart(window, folder: Path) -> list[str]:
    """The Indicator page's charts, then each kind written as PNG and SVG; returns what went wrong."""
    from vfk_desktop.charts.views import render
    from vfk_desktop.facts import charts as chart_data

    window.open_indicator(SMOKE_INDICATOR)
    QApplication.processEvents()
    store, locality = window.session.store, window.session.locality
    kinds = {"districts": chart_data.districts_data(store, locality, SMOKE_INDICATOR),
             "trend": chart_data.trend_data(store, locality, SMOKE_INDICATOR),
             "range": chart_data.range_data(store, locality),
             "priorities": chart_data.priorities_status_data(store, locality)}
    problems = []
    for kind, data in kinds.items():
        for suffix in (".png", ".svg"):
            path = folder / f"{kind}{suffix}"
            render(data, path)
            if not _looks_drawn(path):
                problems.append(f"the {kind} chart as {suffix} came out blank")
    return problems


def check_about_and_icon(window) -> list[str]:
    from vfk_desktop.ui.about import AboutDialog
    from vfk_desktop.ui.icon import app_icon

    problems = []
    if QApplication.windowIcon().isNull() or app_icon().pixmap(256, 256).isNull():
        problems.append("the app's icon did not load")
    window.about()
    QApplication.processEvents()
    dialog = window.findChild(AboutDialog, "about_dialog")
    text = dialog.text.text() if dialog is not None else ""
    if "not installed" in text or not text:
        shown = text.replace("\n", " ") or "no box opened"
        problems.append(f"About does not know every library's version: {shown}")
    if dialog is not None:
        dialog.close()
    return problems


def quiet_offscreen_chatter() -> None:
    """The offscreen platform remarks on every window it cannot size; the rest of Qt's warnings stay."""
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if "propagateSizeHints" not in message and sys.stderr is not None:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
