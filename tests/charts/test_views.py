"""Charts drawn offscreen: PNG and SVG files with the highlight and the locality's name; the widget."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QImage

from vfk_desktop.charts.views import ChartView, png_image, render
from vfk_desktop.facts.charts import districts_data, priorities_status_data, range_data, trend_data
from vfk_desktop.palette import HIGHLIGHT


def colours(image: QImage) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 3)
            for y in range(0, image.height(), 3)}


def test_districts_png_has_the_highlight_colour(qapp, sample_store, tmp_path):
    path = render(districts_data(sample_store, "Tunbridge Wells", "NI 39"), tmp_path / "d.png")
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1800, 1040)  # twice the drawing size, crisp on paper
    assert HIGHLIGHT.lower() in colours(image)


def test_other_localities_are_highlighted_instead(qapp, sample_store):
    image = png_image(districts_data(sample_store, "Dover", "NI 163"))
    assert HIGHLIGHT.lower() in colours(image)


def test_svg_keeps_the_text(qapp, sample_store, tmp_path):
    path = render(districts_data(sample_store, "Tunbridge Wells", "NI 163"), tmp_path / "d.svg")
    svg = path.read_text()
    assert svg.startswith("<?xml") and "<svg" in svg
    assert "Tunbridge Wells" in svg and "Kent target" in svg


def test_every_kind_renders(qapp, sample_store, tmp_path):
    for name, data in (("range", range_data(sample_store, "Tunbridge Wells")),
                       ("trend", trend_data(sample_store, "Tunbridge Wells", "NI 155")),
                       ("priorities", priorities_status_data(sample_store, "Tunbridge Wells"))):
        image = QImage(str(render(data, tmp_path / f"{name}.png")))
        assert image.width() == 1800 and len(colours(image)) > 10, name


def test_the_widget_draws_and_says_why_when_empty(qtbot, sample_store):
    view = ChartView(name="Districts chart")
    qtbot.addWidget(view)
    view.resize(700, 420)
    view.show()
    view.set_data(districts_data(sample_store, "Tunbridge Wells", "NI 39"))
    assert view.layout_.currentWidget() is view.plot_widget
    tips = [item.toolTip() for item in view.plot.items if item.toolTip()]
    assert "Tunbridge Wells: 1,212 (6th of 12, 2008/09)" in tips
    view.clear("No district values for NI 32.")
    assert view.layout_.currentWidget() is view.empty and view.empty.text() == "No district values for NI 32."
    assert view.data is None


def test_a_county_total_is_named_not_drawn_over_the_districts(qapp, sample_store):
    import pyqtgraph as pg

    view = ChartView()
    view.set_data(districts_data(sample_store, "Tunbridge Wells", "NI 155"))  # Kent 2,194; districts ≤ 380
    lines = [item for item in view.plot.items if isinstance(item, pg.InfiniteLine)]
    assert lines == []
    assert "Kent as a whole: 2,194" in view.plot.getAxis("bottom").labelText
    view.deleteLater()


def test_the_figures_behind_a_chart_are_copied_and_saved(qtbot, sample_store, tmp_path):
    import csv

    from PySide6.QtGui import QGuiApplication

    view = ChartView(name="Districts chart")
    qtbot.addWidget(view)
    data = districts_data(sample_store, "Tunbridge Wells", "NI 39")
    view.set_data(data)
    view.copy_data()
    pasted = QGuiApplication.clipboard().text().splitlines()
    assert pasted[0].split("\t")[:3] == ["District", "Value", "Rank"]
    assert "Tunbridge Wells\t1212\t6" in pasted[data.table().index(
        next(r for r in data.table() if r[0] == "Tunbridge Wells"))]
    path = view.save_data(tmp_path / "figures.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "District" and len(rows) == len(data.table())
    own = next(r for r in rows if r[0] == "Tunbridge Wells")
    assert float(own[1]) == 1212 and float(own[3]) < 1212 < float(own[4])  # the 95 % interval


def test_alt_text_is_made_from_the_figures(sample_store):
    data = districts_data(sample_store, "Tunbridge Wells", "NI 163")
    assert data.alt_text().endswith(", 2008; Tunbridge Wells 70.9 %, 6th of 12; Kent 67.8 %; target 75.6 %")
    trend = trend_data(sample_store, "Tunbridge Wells", "NI 39")
    assert "2008/09 1,212" in trend.alt_text()
    assert "High" in priorities_status_data(sample_store, "Tunbridge Wells").alt_text()


def test_england_and_the_south_east_are_reference_lines_named_below(qapp, sample_store):
    import dataclasses

    import pyqtgraph as pg

    from vfk_desktop.charts.views import offscreen_view

    data = districts_data(sample_store, "Tunbridge Wells", "NI 163")
    data = dataclasses.replace(data, comparators=(("England", 68.1), ("South East", 71.4)))
    view = offscreen_view(data)
    lines = {item.value(): item.toolTip() for item in view.plot.items if isinstance(item, pg.InfiniteLine)}
    assert lines[68.1] == "England 68.1" and lines[71.4] == "South East 71.4"
    label = view.plot.getAxis("bottom").labelText
    assert "England 68.1" in label and "South East 71.4" in label
    assert ["England", "68.1", "", "", "", "comparator"] in data.table()


def marker_tips(view: ChartView) -> list[str]:
    """The tooltips of the markers pyqtgraph shows on hover: each written from its spot's data."""
    import pyqtgraph as pg

    tips = []
    for item in view.plot.items:
        if isinstance(item, pg.ScatterPlotItem) and item.opts["hoverable"] and item.opts["tip"]:
            tips += [item.opts["tip"](x=p.pos().x(), y=p.pos().y(), data=p.data()) for p in item.points()]
    return tips


def test_the_range_spine_and_funnel_markers_tell_their_figures_on_hover(qtbot, sample_store):
    from vfk_desktop.facts.charts import funnel_data, spine_data

    view = ChartView(name="Chart")
    qtbot.addWidget(view)
    view.resize(900, 900)
    view.show()
    title = "NI 163 Proportion of population aged 19-64 for males and 19-59 for females qualified to at " \
            "least Level 2 or higher"
    view.set_data(range_data(sample_store, "Tunbridge Wells"))
    tips = marker_tips(view)
    assert "NI 163 Kent target 75.6" in tips
    assert f"{title}\nTunbridge Wells 70.9 (2008), rank 6 of 12, ■ Red (worse)\nKent worst 58.7, " \
           "best 77.6" in tips
    spine = spine_data(sample_store, "Tunbridge Wells")
    view.set_data(spine)
    tips = marker_tips(view)
    assert len(tips) == len(spine.rows)
    assert f"{title}\nTunbridge Wells 70.9, better (Kent 67.8)\nworst 58.7, quartiles 60.67 to 74.17, " \
           "best 77.6" in tips
    view.set_data(funnel_data(sample_store, "Tunbridge Wells", "NI 21"))
    tips = marker_tips(view)
    assert len(tips) == 12 and "Dover: 27.7 (denominator 1,000), better" in tips
    assert "Tunbridge Wells: 24 (denominator 1,000), within the limits" in tips


def test_a_chart_of_one_indicator_read_alone_has_the_same_data(sample_store, tmp_path):
    """`vfk chart` reads one indicator's figures only: every chart of one indicator is the one the whole
    snapshot gives, for a district with a sub-indicator, comparators and counts too."""
    from vfk_desktop.facts import charts
    from vfk_desktop.facts.figures import figures
    from vfk_desktop.store.connection import open_store
    from vfk_desktop.store.queries import catalogue

    path = tmp_path / "copy.db"
    sample_store.conn.execute("VACUUM INTO ?", (str(path),))
    with open_store(path) as alone_store:  # its own snapshots: nothing read by the other store
        for code in sorted(catalogue(sample_store)):
            for locality in ("Tunbridge Wells", "Dover"):
                for make in (charts.districts_data, charts.trend_data, charts.spc_data):
                    assert make(alone_store, locality, code, alone=True) == make(sample_store, locality, code)
                for kind in ("funnel", "map"):
                    try:
                        whole = charts.kind_data(sample_store, kind, locality, code)
                    except Exception as error:  # NoFunnel: the same sentence either way
                        with pytest.raises(type(error), match=re.escape(str(error))):
                            charts.kind_data(alone_store, kind, locality, code, alone=True)
                        continue
                    assert charts.kind_data(alone_store, kind, locality, code, alone=True) == whole
        assert "figures" not in alone_store._cache  # the whole snapshot was never read
    assert figures(sample_store).catalogue


def test_an_svg_draws_its_markers_as_shapes(qapp, sample_store, tmp_path):
    """Markers are vector shapes in an SVG: drawn from pyqtgraph's cache of rendered symbols, each one
    showed the whole cache (every symbol of the chart) squeezed into its place."""
    from vfk_desktop.facts.charts import spine_data

    for name, data in (("range", range_data(sample_store, "Tunbridge Wells")),
                       ("spine", spine_data(sample_store, "Tunbridge Wells")),
                       ("trend", trend_data(sample_store, "Tunbridge Wells", "NI 39"))):
        svg = render(data, tmp_path / f"{name}.svg").read_text()
        assert "<path" in svg and "<image" not in svg, name


def test_a_png_is_written_with_every_pixel_and_its_resolution(qapp, tmp_path):
    """Our PNG writer: an odd width (rows padded in memory), every colour back as drawn, the dots per
    metre kept; a folder that cannot be written is a sentence."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter

    from vfk_desktop.charts.views import write_png

    image = QImage(333, 101, QImage.Format.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(QColor(HIGHLIGHT))
    painter.drawEllipse(10, 10, 300, 80)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(20, 50, "Tunbridge Wells 70.9")
    painter.end()
    image.setDotsPerMeterX(5906)
    image.setDotsPerMeterY(5906)
    write_png(image, tmp_path / "chart.png")
    back = QImage(str(tmp_path / "chart.png"))
    assert (back.width(), back.height()) == (333, 101) and back.dotsPerMeterX() == 5906
    assert back.convertToFormat(QImage.Format.Format_RGB888) == image
    assert len(colours(back)) > 10


def test_a_chart_saved_where_it_cannot_be_written_says_so(qapp, sample_store, tmp_path):
    from vfk_desktop.domain.errors import VfkError

    folder = tmp_path / "taken.png"
    folder.mkdir()  # a folder where the file should go
    with pytest.raises(VfkError, match="could not be written"):
        render(districts_data(sample_store, "Tunbridge Wells", "NI 39"), folder)
