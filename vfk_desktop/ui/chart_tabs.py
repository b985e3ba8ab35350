"""The chart tabs beside the tables: the Overview's spine chart, the Indicator page's funnel plot and
map. A tab is drawn when it is shown, so a switch of district costs nothing for a hidden chart; the
chart module, and pyqtgraph with it, loads when the first chart is drawn."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from vfk_desktop.domain.errors import VfkError


class LazyTabs(QTabWidget):
    """Tabs whose pages fill themselves (a callable per tab) when shown or refreshed while shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fillers: dict[int, Callable[[], None]] = {}
        self.currentChanged.connect(lambda _: self.refresh())

    def add(self, page: QWidget, title: str, fill: Callable[[], None] | None = None) -> None:
        index = self.addTab(page, title)
        if fill is not None:
            self._fillers[index] = fill

    def refresh(self) -> None:
        fill = self._fillers.get(self.currentIndex())
        if fill is not None and self.isVisibleTo(self.window()):
            fill()


def _chart_view(parent: QWidget, name: str):
    from vfk_desktop.charts.views import ChartView

    return ChartView(parent, name, compact=True)


class ChartTab(QWidget):
    """A tab holding one chart, made when first drawn."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        self.name = name
        self.view = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def chart(self):
        if self.view is None:
            self.view = _chart_view(self, self.name)
            self.layout_.addWidget(self.view)
        return self.view

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        view = self.view
        if view is not None and view.data is not None and hasattr(view.data, "tiles"):
            data, view.data = view.data, None
            view.resize(event.size())
            view.set_data(data)  # the tiles' labels laid out again for the new height

    def show_data(self, make) -> None:
        """Draw make()'s chart data, or say why there is none (a VfkError's sentence)."""
        view = self.chart()
        view.resize(self.size())  # drawn for the size it is shown at (a map's tiles take one line or two)
        try:
            view.set_data(make())
        except VfkError as error:
            view.clear(str(error))


def indicator_tabs(page) -> LazyTabs:
    """The Indicator page's charts, one a tab: districts, trend, SPC, funnel plot, map; and the history."""
    tabs = LazyTabs(page)
    tabs.setAccessibleName("Indicator charts")
    tabs.setDocumentMode(True)
    # each chart the page's full width: side by side on a laptop they left 12 district names 110 px
    tabs.add(page.charts, "Districts")
    page.trend_box, page.spc_box = _box(tabs), _box(tabs)  # chart_panels puts the charts in them
    tabs.add(page.trend_box, "Trend")
    tabs.add(page.spc_box, "SPC")
    page.funnel_tab = ChartTab("Funnel plot", tabs)
    page.map_tab = ChartTab("Map of the districts", tabs)
    tabs.add(page.funnel_tab, "Funnel", lambda: _fill_funnel(page))
    tabs.add(page.map_tab, "Map", lambda: _fill_map(page))
    tabs.add(page.history_view, "History")
    return tabs


def _box(parent: QWidget) -> QWidget:
    from PySide6.QtWidgets import QVBoxLayout

    box = QWidget(parent)
    QVBoxLayout(box).setContentsMargins(0, 0, 0, 0)
    return box


def _fill_funnel(page) -> None:
    from vfk_desktop.facts.charts import funnel_data

    if page.code:
        page.funnel_tab.show_data(lambda: funnel_data(page.session.store, page.session.locality, page.code,
                                                      page.session.period))


def _fill_map(page) -> None:
    from vfk_desktop.facts.charts import tile_map_data

    if page.code:
        page.map_tab.show_data(lambda: tile_map_data(page.session.store, page.session.locality, page.code,
                                                     page.session.period))


def overview_tabs(page, table: QWidget) -> LazyTabs:
    """The Overview's table and, beside it, the spine chart of the same rows."""
    tabs = LazyTabs(page)
    tabs.setAccessibleName("Overview views")
    tabs.setDocumentMode(True)
    tabs.add(table, "Table")
    page.spine_tab = ChartTab("Spine chart")
    scroll = QScrollArea(tabs)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page.spine_tab)
    tabs.add(scroll, "Spine chart", lambda: _fill_spine(page))
    return tabs


def _fill_spine(page) -> None:
    from vfk_desktop.facts.charts import spine_data

    session = page.session
    data = spine_data(session.store, session.locality, session.period)
    view = page.spine_tab.chart()
    if not data.rows:
        view.clear(data.alt_text())
        return
    view.set_data(data)
    page.spine_tab.setMinimumHeight(170 + 26 * len(data.rows))  # every row legible; the tab scrolls
