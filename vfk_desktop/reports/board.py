"""`vfk report` and File → Export PDF: the whole Board pack for a locality, as a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.reports.pack import BoardPack
from vfk_desktop.reports.printing import PackPrinter, PageSetup, write_pdf

Progress = Callable[[float, str], None]


def pack_images(pack: BoardPack) -> dict:
    """The pack's charts as images (ChartRequest -> QImage). Draws with widgets: GUI thread only."""
    if "charts" not in pack.sections:
        return {}
    from vfk_desktop.charts.views import png_image

    return {chart: png_image(data) for chart, data in pack.chart_data.items()}


def check_target(path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise VfkError(f"{path.name}: the Board pack is written as a PDF; give a file name ending .pdf.")
    if not path.parent.is_dir():
        raise VfkError(f"The folder {path.parent} does not exist.")
    return path


def write_report(pack: BoardPack, path: Path, setup: PageSetup | None = None,
                 progress: Progress | None = None) -> int:
    """Write the Board pack to path (a .pdf); returns the number of pages.
    Needs a QApplication (offscreen is fine) and the GUI thread: the charts are drawn by widgets."""
    path = check_target(path)
    if progress:
        progress(0.3, "Drawing the charts")
    return write_pdf(PackPrinter(pack, pack_images(pack)), path, setup or PageSetup(), progress)
