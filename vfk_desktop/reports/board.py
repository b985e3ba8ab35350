"""`vfk report` and File → Export PDF: the whole Board pack for a locality, as a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.periods import Period
from vfk_desktop.reports.pack import SECTIONS, BoardPack, build_pack
from vfk_desktop.reports.printing import PackPrinter, PageSetup, write_pdf
from vfk_desktop.store.connection import Store

Progress = Callable[[float, str], None]


def pack_images(store: Store, pack: BoardPack) -> dict:
    """The pack's charts as images (ChartRequest -> QImage). Draws with widgets: GUI thread only."""
    if "charts" not in pack.sections:
        return {}
    from vfk_desktop.charts.views import png_image
    from vfk_desktop.store.chart_data import districts_data, range_data

    images = {}
    for chart in pack.charts:
        if chart.kind == "range":
            data = range_data(store, pack.locality, pack.period)
            data = data if data.rows else None
        else:
            data = districts_data(store, pack.locality, chart.code, pack.period)
        if data is not None:
            images[chart] = png_image(data)
    return images


def check_target(path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise VfkError(f"{path.name}: the Board pack is written as a PDF; give a file name ending .pdf.")
    if not path.parent.is_dir():
        raise VfkError(f"The folder {path.parent} does not exist.")
    return path


def write_report(store: Store, locality: str, path: Path, period: Period | None = None,
                 setup: PageSetup | None = None, sections: tuple[str, ...] = SECTIONS,
                 progress: Progress | None = None) -> int:
    """Write locality's Board pack to path (a .pdf); returns the number of pages.
    Needs a QApplication (offscreen is fine) and the GUI thread: the charts are drawn by widgets."""
    path = check_target(path)
    if progress:
        progress(0.1, "Gathering the figures")
    pack = build_pack(store, locality, period, sections)
    if progress:
        progress(0.3, "Drawing the charts")
    return write_pdf(PackPrinter(pack, pack_images(store, pack)), path, setup or PageSetup(), progress)

