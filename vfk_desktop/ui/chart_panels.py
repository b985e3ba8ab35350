"""Where the pages place their charts (the chart widgets come from vfk_desktop.charts).

The chart module, and pyqtgraph with it, loads when the Indicator page first draws, not at start-up.
"""

from __future__ import annotations

from vfk_desktop.domain.fare import FareRow


def _views(page):
    """The charts as tabs, each the page's full width, so 12 district names have room."""
    if not hasattr(page, "districts_chart"):
        from PySide6.QtWidgets import QTabWidget

        from vfk_desktop.charts.views import ChartView

        page.chart_tabs = QTabWidget(page.charts)
        page.chart_tabs.setDocumentMode(True)
        page.districts_chart = ChartView(page.chart_tabs, "Districts chart", compact=True)
        page.trend_chart = ChartView(page.chart_tabs, "Trend chart", compact=True)
        page.spc_chart = ChartView(page.chart_tabs, "SPC chart", compact=True)
        page.chart_tabs.addTab(page.districts_chart, "&Districts")
        page.chart_tabs.addTab(page.trend_chart, "&Trend")
        page.chart_tabs.addTab(page.spc_chart, "S&PC")
        # the history joins the tabs: beside the charts on a laptop it left them 110 px for 12 names
        page.layout().removeWidget(page.history_view)
        page.chart_tabs.addTab(page.history_view, "&History")
        page.charts_layout.addWidget(page.chart_tabs, 1)
    return page.districts_chart, page.trend_chart


def fill_districts_chart(page, row: FareRow | None) -> None:
    """The 12 districts for the page's indicator at row's period (its latest without a row)."""
    from vfk_desktop.facts.charts import districts_data

    view, _ = _views(page)
    period = row.period if row else None
    data = districts_data(page.session.store, page.session.locality, page.code, period, exact=True)
    if data is None:
        when = f" in {period.label}" if period else ""
        view.clear(f"No district values for {page.code}{when}.")
    else:
        view.set_data(data)


def fill_indicator_charts(page, row: FareRow | None) -> None:
    """The Indicator page's districts and trend charts for row's indicator and period."""
    from vfk_desktop.facts.charts import trend_data

    fill_districts_chart(page, row)
    _, trend_view = _views(page)
    trend = trend_data(page.session.store, page.session.locality, page.code)
    if any(p.value is not None or p.kent is not None for p in trend.points):
        trend_view.set_data(trend)
    else:
        trend_view.clear(trend.why_empty or f"No figures over time for {page.code} yet.")
    fill_spc_chart(page)


def fill_spc_chart(page) -> None:
    from vfk_desktop.facts.charts import spc_data

    data = spc_data(page.session.store, page.session.locality, page.code)
    if data is None:
        page.spc_chart.clear(f"An SPC chart needs a series: {page.session.locality} has fewer than two "
                             f"figures of one kind of period for {page.code}.")
    else:
        page.spc_chart.set_data(data)
