"""The Indicator page's charts at 1366 × 728 (a laptop less its task bar): no district name, value
label or line label overlaps another, none is cut by the edge of the view, and no legend lies on the
data. The rectangles are the ones Qt paints: tick texts from the axes' own layout, labels' scene
bounding rects."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from vfk_desktop.charts.views import ChartView, offscreen_view
from vfk_desktop.facts.charts import districts_data, spc_data, trend_data


def tick_rects(axis: pg.AxisItem) -> list[tuple[str, QRectF]]:
    """Where the axis paints each tick text, in scene coordinates."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    texts = specs[2] if specs else []
    return [(text, axis.mapRectToScene(rect)) for rect, _, text in texts]


def label_rects(view: ChartView) -> list[tuple[str, QRectF]]:
    found = []
    for item in view.plot.items:
        if isinstance(item, pg.TextItem):
            found.append((item.textItem.toPlainText(), item.sceneBoundingRect()))
        elif isinstance(item, pg.InfiniteLine) and item.label is not None:
            found.append((item.label.textItem.toPlainText(), item.label.sceneBoundingRect()))
    return found


def overlaps(rects: list[tuple[str, QRectF]]) -> list[str]:
    clashes = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            shared = ra.intersected(rb)
            if shared.width() > 1 and shared.height() > 1:  # a pixel of antialiasing is no overlap
                clashes.append(f"{a!r} overlaps {b!r}")
    return clashes


def outside(view: ChartView, rects: list[tuple[str, QRectF]]) -> list[str]:
    scene = view.plot_widget.mapToScene(view.plot_widget.viewport().rect()).boundingRect()
    return [f"{text!r} is cut by the edge" for text, rect in rects if not scene.contains(rect)]


def indicator_page(window, qtbot, code: str):
    window.resize(1366, 728)
    page = window.show_page("Indicator")
    page.show_indicator(code)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(3):
        QApplication.processEvents()
    return page


@pytest.mark.parametrize("code", ["NI 39", "NI 163", "NI 21"])
def test_district_names_and_labels_never_overlap_at_laptop_size(window, qtbot, code):
    page = indicator_page(window, qtbot, code)
    view = page.districts_chart
    assert view.isVisible() and view.height() >= 250
    names = tick_rects(view.plot.getAxis("left"))
    assert len(names) == 12  # every district named
    labels = label_rects(view)
    assert any(text.startswith("Kent target") for text, _ in labels) or code == "NI 21"
    everything = names + labels
    assert overlaps(everything) == []
    assert outside(view, everything) == []


def test_the_trend_legend_is_below_the_plot_and_its_labels_apart(window, qtbot):
    page = indicator_page(window, qtbot, "NI 39")
    page.chart_tabs.setCurrentWidget(page.trend_box)
    QApplication.processEvents()
    view = page.trend_chart
    assert not [item for item in view.plot.items if isinstance(item, pg.LegendItem)]
    assert view.plot.legend is None
    axis = view.plot.getAxis("bottom")
    assert "Tunbridge Wells" in axis.labelText and "Kent target" in axis.labelText
    data_box = view.plot.getViewBox().sceneBoundingRect()
    assert axis.label.sceneBoundingRect().top() >= data_box.bottom()  # the legend sits under the data
    everything = tick_rects(axis) + label_rects(view)
    assert overlaps(everything) == [] and outside(view, everything) == []


def test_the_trend_spaces_periods_by_time(qapp, sample_store):
    data = trend_data(sample_store, "Tunbridge Wells", "NI 39")
    view = offscreen_view(data)
    ticks = dict((label, x) for x, label in view.plot.getAxis("bottom")._tickLevels[0])
    assert ticks["2007/08"] - ticks["2006/07"] == pytest.approx(1)
    assert ticks["2010/11"] - ticks["2008/09"] == pytest.approx(2)  # two years are two steps


def test_the_kent_target_label_is_whole_in_the_board_pack_size(qapp, sample_store):
    for width in (900, 1200, 1600):
        view = offscreen_view(districts_data(sample_store, "Tunbridge Wells", "NI 163"), width, 520)
        labels = label_rects(view)
        target = [(t, r) for t, r in labels if t.startswith("Kent target")]
        assert target and outside(view, target) == [], width
        assert overlaps(labels + tick_rects(view.plot.getAxis("left"))) == [], width


def test_the_spc_chart_draws_in_its_tab(window, qtbot, sample_store):
    page = indicator_page(window, qtbot, "NI 39")
    assert page.spc_chart.data == spc_data(sample_store, "Tunbridge Wells", "NI 39")
    assert page.spc_chart.layout_.currentWidget() is page.spc_chart.plot_widget
    assert page.spc_chart.plot.vfk_subtitle.startswith("Tunbridge Wells: latest common cause")


def test_every_districts_chart_of_the_board_pack_keeps_its_labels_whole(qapp, sample_store):
    from vfk_desktop.domain.charts import DistrictsData
    from vfk_desktop.facts.board import build_pack

    pack = build_pack(sample_store, "Tunbridge Wells", None)
    districts = [data for data in pack.chart_data.values() if isinstance(data, DistrictsData)]
    assert districts
    for data in districts:
        view = offscreen_view(data)  # the size png_image() draws the pack's pictures at
        labels = label_rects(view)
        assert any(text.startswith("Kent target") for text, _ in labels) or data.kent_target is None
        assert outside(view, labels) == [], data.code
        assert overlaps(labels + tick_rects(view.plot.getAxis("left"))) == [], data.code
