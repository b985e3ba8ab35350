"""The Funnel and Map tabs of the Indicator page and the Overview's spine chart, in the real window on
a 1366 × 728 laptop screen: what each tab draws, what it says when it cannot, and that no label of
these charts overlaps another or leaves the chart."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from tests.support.layout import problems
from vfk_desktop.domain.funnel import FunnelData
from vfk_desktop.domain.spine import SpineData
from vfk_desktop.domain.tile_map import TileMapData


def settle(qtbot, window) -> None:
    qtbot.waitExposed(window)
    for _ in range(3):
        QApplication.processEvents()


def tab(tabs, title: str) -> None:
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == title))


def label_rects(view):
    """The scene rectangles of every text item on the chart, with their text."""
    found = []
    for item in view.plot.items:
        if isinstance(item, pg.TextItem):
            found.append((item.textItem.toPlainText(), item.mapRectToScene(item.boundingRect())))
        elif hasattr(item, "label_rects"):  # the spine's columns, painted by one item
            found += item.label_rects()
    return found


def assert_legible(view) -> None:
    rects = label_rects(view)
    assert rects
    scene = view.plot.vb.sceneBoundingRect()
    for index, (text, rect) in enumerate(rects):
        assert scene.contains(rect), f"{text!r} at {rect} leaves the plot {scene}"
        for other, other_rect in rects[index + 1:]:
            assert not rect.intersects(other_rect), f"{text!r} overlaps {other!r}"


def test_the_indicator_page_has_funnel_and_map_tabs(window, qtbot):
    page = window.show_page("Indicator")
    page.show_indicator("NI 21")
    settle(qtbot, window)
    titles = [page.chart_tabs.tabText(i) for i in range(page.chart_tabs.count())]
    assert titles == ["Districts", "Trend", "SPC", "Funnel", "Map", "History"]
    assert page.funnel_tab.view is None  # a hidden tab is not drawn
    tab(page.chart_tabs, "Funnel")
    settle(qtbot, window)
    data = page.funnel_tab.view.data
    assert isinstance(data, FunnelData) and len(data.points) == 12
    assert {p.district for p in data.outside()} == {"Dover", "Tonbridge and Malling"}
    assert problems(window) == []
    assert_legible(page.funnel_tab.view)

    page.show_indicator("NI 186")  # a ratio: no denominators
    settle(qtbot, window)
    view = page.funnel_tab.view
    assert view.layout_.currentWidget() is view.empty
    assert "NI 186 is a ratio, not a proportion or a rate" in view.empty.text()


def test_the_map_tab_follows_the_district_and_reads_whole(window, qtbot):
    page = window.show_page("Indicator")
    page.show_indicator("NI 163")
    tab(page.chart_tabs, "Map")
    settle(qtbot, window)
    data = page.map_tab.view.data
    assert isinstance(data, TileMapData) and len(data.tiles) == 12
    assert [t.district for t in data.tiles if t.highlighted] == ["Tunbridge Wells"]
    assert problems(window) == []
    assert_legible(page.map_tab.view)
    window.set_locality("Dover")
    settle(qtbot, window)
    assert [t.district for t in page.map_tab.view.data.tiles if t.highlighted] == ["Dover"]


def test_the_overview_has_a_spine_chart_beside_the_table(window, qtbot):
    page = window.show_page("Overview")
    settle(qtbot, window)
    assert [page.views.tabText(i) for i in range(page.views.count())] == ["Table", "Spine chart"]
    tab(page.views, "Spine chart")
    settle(qtbot, window)
    data = page.spine_tab.view.data
    assert isinstance(data, SpineData) and data.locality == "Tunbridge Wells" and len(data.rows) > 10
    said = page.spine_tab.view.plot.getAxis("bottom").labelText
    assert "Not drawn:" in said and "NI 155" in said and "county total" in said
    assert problems(window) == []
    assert_legible(page.spine_tab.view)
    window.set_locality("Dover")
    settle(qtbot, window)
    assert page.spine_tab.view.data.locality == "Dover"


@pytest.mark.parametrize("size", [(1366, 728), (1600, 1000)])
def test_the_new_charts_keep_their_labels_apart_at_print_size(qapp, sample_store, size):
    from vfk_desktop.charts.views import offscreen_view
    from vfk_desktop.facts.charts import funnel_data, spine_data, tile_map_data

    width, height = size
    for data in (spine_data(sample_store, "Tunbridge Wells"),
                 funnel_data(sample_store, "Tunbridge Wells", "NI 39"),
                 tile_map_data(sample_store, "Tunbridge Wells", "NI 163")):
        view = offscreen_view(data, width, height)
        assert_legible(view)


def test_the_label_check_sees_crowded_labels(qapp, sample_store):
    from vfk_desktop.charts.views import offscreen_view
    from vfk_desktop.facts.charts import spine_data

    crowded = offscreen_view(spine_data(sample_store, "Tunbridge Wells"), 1000, 220)  # 14 rows in 220 px
    with pytest.raises(AssertionError, match="overlaps"):
        assert_legible(crowded)
