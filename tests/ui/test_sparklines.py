"""Sparklines in the Overview: the series from the facts layer, the points placed low to high, and
the Recent column painted with the newest value's dot."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from vfk_desktop.facts.charts import recent_series
from vfk_desktop.palette import HIGHLIGHT
from vfk_desktop.ui.fare_model import column_of
from vfk_desktop.ui.sparklines import said, spark_points


def test_recent_series_is_the_districts_own_values_oldest_first(sample_store):
    series = recent_series(sample_store, "Tunbridge Wells")
    assert [(p.label, v) for p, v in series["NI 39"]] == [
        ("2006/07", 1099), ("2007/08", 1147), ("2008/09", 1212)]
    assert "NI 110" not in series  # no figure, no line
    assert said(series["NI 39"]) == "2006/07 1,099 · 2007/08 1,147 · 2008/09 1,212"


def test_points_run_left_to_right_and_low_to_high():
    points = spark_points([1, 3, 2], 0, 0, 100, 20)
    assert [(p.x(), p.y()) for p in points] == [(0, 20), (50, 0), (100, 10)]
    flat = spark_points([5, 5], 0, 0, 100, 20)
    assert [p.y() for p in flat] == [10, 10]


def test_the_overview_paints_a_sparkline_per_indicator(window, qtbot):
    page = window.show_page("Overview")
    for _ in range(3):
        QApplication.processEvents()
    section = page.sections[0]
    assert section.sparklines.series["NI 39"][-1][1] == 1212  # gathered once for the table
    column = column_of("Recent")
    row = next(r for r in range(section.model.rowCount()) if section.model.row_at(r).code == "NI 39")
    rect = section.view.visualRect(section.model.index(row, column))
    image = section.view.viewport().grab(rect).toImage()
    found = {QColor(image.pixel(x, y)).name() for x in range(image.width()) for y in range(image.height())}
    assert HIGHLIGHT.lower() in found  # the newest value's dot
    empty = next(r for r in range(section.model.rowCount()) if section.model.row_at(r).code == "NI 110")
    rect = section.view.visualRect(section.model.index(empty, column))
    image = section.view.viewport().grab(rect).toImage()
    assert HIGHLIGHT.lower() not in {QColor(image.pixel(x, y)).name() for x in range(image.width())
                                     for y in range(image.height())}
