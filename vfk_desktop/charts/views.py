"""A chart on a page: set_data() draws any of the domain's chart data; an empty chart says why.

Right-click offers Save as PNG…, Save as SVG…, Copy to clipboard, and the figures behind the chart
(the data's table()): Copy data (tab-separated, for pasting into a spreadsheet) and Save data as CSV….
render() and png_image() draw the same chart without a window, for `vfk chart` and the Board pack.
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QStackedLayout, QWidget

import vfk_desktop.charts  # noqa: F401 - sets the Qt binding before pyqtgraph loads
from vfk_desktop.charts import funnel, spine, tile_map  # noqa: F401 - register their drawings
from vfk_desktop.charts import spc as _spc  # noqa: F401 - registers the SPC drawing
from vfk_desktop.charts import trend as _trend  # noqa: F401 - registers the trend drawing
from vfk_desktop.charts.drawing import DRAW
from vfk_desktop.domain.errors import VfkError

SIZES = {"DistrictsData": (900, 520), "RangeData": (900, 0), "TrendData": (900, 480),
         "PrioritiesStatusData": (900, 360), "SpineData": (1000, 0), "FunnelData": (900, 560),
         "TileMapData": (900, 360), "SpcData": (900, 480)}


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None, name: str = "Chart", compact: bool = False) -> None:
        """compact: for a page whose heading already names the indicator – one short title line."""
        super().__init__(parent)
        self.compact = compact
        self.setAccessibleName(name)
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setAccessibleName(name)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555; font-size: 11pt;")
        self.layout_ = QStackedLayout(self)
        self.layout_.addWidget(self.plot_widget)
        self.layout_.addWidget(self.empty)
        self.data = None
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot_widget.customContextMenuRequested.connect(self._menu)

    @property
    def plot(self) -> pg.PlotItem:
        return self.plot_widget.getPlotItem()

    def set_data(self, data) -> None:
        if data == self.data and self.layout_.currentWidget() is self.plot_widget:
            return  # the same picture: drawing it again costs a district switch 30 ms a chart
        why = getattr(data, "why_empty", None)
        if why:
            self.clear(why)  # an empty chart says why rather than drawing bare axes
            return
        self.data = data
        DRAW[type(data)](self.plot, data)
        if self.compact:
            title = self.plot.vfk_subtitle.replace("&", "&amp;").replace("<", "&lt;")
            self.plot.setTitle(f"<span style='font-size:10pt; font-weight:600'>{title}</span>",
                               color="#202020")
            self.plot.layout.setRowFixedHeight(0, 26)
            self.plot.titleLabel.setMinimumHeight(26)  # drawing sized it for a long title's lines
            self.plot.titleLabel.setMaximumHeight(26)
            self.plot.titleLabel.setMinimumWidth(0)
        self.layout_.setCurrentWidget(self.plot_widget)

    def clear(self, why: str) -> None:
        """No chart: say why ("No district values for NI 32")."""
        self.data = None
        self.plot.clear()
        self.empty.setText(why)
        self.layout_.setCurrentWidget(self.empty)

    def image(self, scale: float = 2.0) -> QImage:
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(self.plot)
        exporter.parameters()["width"] = int(self.plot_widget.width() * scale)
        exporter.parameters()["antialias"] = True
        return exporter.export(toBytes=True)

    def opaque_image(self, scale: float) -> QImage:
        """The picture image() gives, drawn as pyqtgraph's exporter draws it but on an image without an
        alpha channel: the chart stands on opaque white, and Qt paints such an image in about half the
        time (a 200-row spine chart: 64 -> 37 ms); the pixels are the same."""
        from pyqtgraph.exporters import ImageExporter
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QPainter

        exporter = ImageExporter(self.plot)
        source = exporter.getSourceRect()
        width = int(self.plot_widget.width() * scale)
        height = int(width * (float(source.height()) / source.width()))  # as the exporter sizes it
        background = exporter.parameters()["background"]
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(background)
        painter = QPainter(image)
        try:
            exporter.setExportMode(True, {"antialias": True, "background": background, "painter": painter,
                                          "resolutionScale": width / exporter.getTargetRect().width()})
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            exporter.getScene().render(painter, QRectF(0, 0, width, height), QRectF(source))
        finally:
            exporter.setExportMode(False)
            painter.end()
        return image

    def save(self, path: Path) -> Path:
        path = Path(path)
        if not path.parent.is_dir():
            raise VfkError(f"The folder {path.parent} does not exist.")
        suffix = path.suffix.lower()
        if suffix == ".svg":
            self._write_svg(path)
        elif suffix == ".png":
            # twice the size on screen, crisp in print, but a chart of 200 rows (10,000 pixels tall at
            # twice) no larger than a few million pixels; drawn on opaque white, three bytes a pixel
            size = self.plot_widget.size()
            scale = max(1.0, min(2.0, (PNG_PIXELS / max(size.width() * size.height(), 1)) ** 0.5))
            image = self.opaque_image(scale).convertToFormat(QImage.Format.Format_RGB888)
            try:
                write_png(image, path)
            except OSError as error:
                raise VfkError(f"{path} could not be written ({error.strerror}).") from error
        else:
            raise VfkError(f"{path.name}: a chart is saved as .png or .svg.")
        return path

    def _write_svg(self, path: Path) -> None:
        """Qt's own SVG writer: lines and shapes as vectors, every label as text."""
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        size = self.plot_widget.size()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(self.accessibleName())
        # Markers as vector shapes: from its cache of rendered symbols a ScatterPlotItem draws pieces
        # of one picture, which the SVG writer cannot crop, so each marker showed every symbol.
        markers = [item for item in self.plot_widget.scene().items() if isinstance(item, pg.ScatterPlotItem)]
        for item in markers:
            item.setExportMode(True, {"antialias": item.opts["antialias"]})
        painter = QPainter(generator)
        try:
            self.plot_widget.render(painter)
        finally:
            painter.end()
            for item in markers:
                item.setExportMode(False)

    def _menu(self, where) -> None:
        menu = QMenu(self)
        menu.addAction("Save as &PNG…", lambda: self._save_as("PNG image (*.png)", ".png"))
        menu.addAction("Save as &SVG…", lambda: self._save_as("SVG drawing (*.svg)", ".svg"))
        menu.addAction("&Copy to clipboard", self.copy)
        menu.addSeparator()
        menu.addAction("Copy &data", self.copy_data)
        menu.addAction("Save data as C&SV…", self._save_data_as)
        for action in menu.actions():
            action.setEnabled(self.data is not None)
        menu.exec(self.plot_widget.mapToGlobal(where))

    def copy(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())

    def copy_data(self) -> None:
        """The figures behind the chart, tab-separated: a spreadsheet pastes them into cells."""
        QGuiApplication.clipboard().setText(data_text(self.data.table(), "\t"))

    def save_data(self, path: Path) -> Path:
        path = Path(path)
        if path.suffix.lower() != ".csv":
            raise VfkError(f"{path.name}: the chart's figures are saved as .csv.")
        try:
            path.write_text(data_text(self.data.table(), ","), encoding="utf-8-sig")
        except OSError as error:
            raise VfkError(f"{path} could not be written ({error.strerror}).") from error
        return path

    def _save_data_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the chart's figures", "chart.csv", "CSV (*.csv)")
        if name:
            self.save_data(Path(name if name.lower().endswith(".csv") else name + ".csv"))

    def _save_as(self, kind: str, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the chart", f"chart{suffix}", kind)
        if name:
            self.save(Path(name if name.lower().endswith(suffix) else name + suffix))


def _cell(text: str) -> str:
    """A number as a plain number ("1,212" -> "1212"); text never read as a formula."""
    plain = text.replace(",", "")
    try:
        float(plain)
    except ValueError:
        return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
    return plain


def data_text(table: list[list[str]], separator: str) -> str:
    """The table as CSV (separator ",") or as tab-separated text."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerows([[_cell(cell) for cell in row] for row in table])
    return out.getvalue()


PNG_PIXELS = 6_000_000  # a saved PNG's size, past which it is drawn at less than twice (never below once)
PNG_LEVEL = 3  # zlib's: a chart of flat colours, unfiltered, packs as small as Qt's filtered level 6


def write_png(image: QImage, path: Path) -> None:
    """An RGB888 image as a PNG file: its rows unfiltered, compressed by zlib in one piece. Qt's writer
    tries libpng's five filters on every row, which a chart's flat colours do not need: a 200-row spine
    chart was written in 117 ms (686 KB), now in 45 ms (626 KB); the pixels read back are the same."""
    import struct
    import zlib

    import numpy as np

    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, image.bytesPerLine())
    lines = np.zeros((height, width * 3 + 1), dtype=np.uint8)  # each row: filter 0 (none), its pixels
    lines[:, 1:] = rows[:, :width * 3]

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))  # 8-bit RGB
                     + chunk(b"pHYs", struct.pack(">IIB", image.dotsPerMeterX(), image.dotsPerMeterY(), 1))
                     + chunk(b"IDAT", zlib.compress(lines.tobytes(), PNG_LEVEL))
                     + chunk(b"IEND", b""))


def offscreen_view(data, width: int | None = None, height: int | None = None) -> ChartView:
    """A chart drawn at its print size, never shown."""
    base_width, base_height = SIZES[type(data).__name__]
    if not base_height:  # the range and spine charts grow with their rows
        base_height = 140 + 26 * max(len(data.rows), 1)
    from PySide6.QtWidgets import QApplication

    view = ChartView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)  # laid out, never on screen
    view.setUpdatesEnabled(False)  # laid out but not painted: the image or SVG is drawn afresh
    view.resize(width or base_width, height or base_height)
    view.set_data(data)
    view.show()
    QApplication.processEvents()
    view.plot_widget.scene().prepareForPaint()  # the views' transforms brought up to date, as a paint would
    return view


def render(data, path: Path, width: int | None = None, height: int | None = None) -> Path:
    """Write the chart as PNG or SVG (by the file's suffix) without a display."""
    return offscreen_view(data, width, height).save(path)


def png_image(data, width: int | None = None, height: int | None = None) -> QImage:
    """The chart as an image at twice its size, crisp on paper (the Board pack places these)."""
    return offscreen_view(data, width, height).image()
