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

    return {chart: png_image(data, *PRINT_SIZES.get(chart.kind, (None, None)))
            for chart, data in pack.chart_data.items()}


PRINT_SIZES = {"map": (540, 270)}  # two maps side by side on the page: drawn small, text kept


KINDS = {".pdf": "a PDF", ".docx": "a Word paper", ".pptx": "slides"}


def check_target(path: Path, suffixes: tuple[str, ...] = (".pdf",)) -> Path:
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        kinds = " or ".join(KINDS[s] for s in suffixes)
        endings = " or ".join(suffixes)
        raise VfkError(f"{path.name}: the Board pack is written as {kinds}; "
                       f"give a file name ending {endings}.")
    if not path.parent.is_dir():
        raise VfkError(f"The folder {path.parent} does not exist.")
    return path


def png_bytes(image) -> bytes:
    """A QImage as PNG bytes, for the writers that take no Qt (Word, slides)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 80)  # light compression: three times as fast, a quarter larger
    buffer.close()
    return bytes(data)


def write_paper(pack: BoardPack, path: Path, setup: PageSetup | None = None,
                progress: Progress | None = None) -> tuple[str, str]:
    """The pack as a PDF, a Word paper or slides, by path's suffix; returns what was written and how
    much of it, in words ("Board pack", "7 pages").
    Needs a QApplication and the GUI thread for the charts."""
    path = check_target(path, tuple(KINDS))
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "Board pack", f"{write_report(pack, path, setup, progress)} pages"
    if progress:
        progress(0.3, "Drawing the charts")
    charts = {chart: png_bytes(image) for chart, image in pack_images(pack).items()}
    if progress:
        progress(0.6, "Writing the document")
    try:
        if suffix == ".docx":
            from vfk_desktop.reports.word_paper import write_word

            write_word(pack, path, charts)
            return "Board paper", "Word"
        from vfk_desktop.reports.slides import write_slides

        count = write_slides(pack, path, charts)
        return "Slides", f"{count} slides"
    except OSError as error:
        raise VfkError(f"{path} could not be written ({error.strerror or error}).") from None


def write_report(pack: BoardPack, path: Path, setup: PageSetup | None = None,
                 progress: Progress | None = None) -> int:
    """Write the Board pack to path (a .pdf); returns the number of pages.
    Needs a QApplication (offscreen is fine) and the GUI thread: the charts are drawn by widgets."""
    path = check_target(path)
    if progress:
        progress(0.3, "Drawing the charts")
    return write_pdf(PackPrinter(pack, pack_images(pack)), path, setup or PageSetup(), progress)
