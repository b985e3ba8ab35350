"""Where the pages place their charts (the chart widgets come from vfk_desktop.charts).

The chart module, and pyqtgraph with it, loads when the Indicator page first draws, not at start-up.
"""

from __future__ import annotations

from vfk_desktop.domain.fare import FareRow


def _views(page):
    """The districts, trend and SPC charts, in the page's tabs (ui/chart_tabs.py)."""
    if not hasattr(page, "districts_chart"):
        from vfk_desktop.charts.views import ChartView

        page.districts_chart = ChartView(page.charts, "Districts chart", compact=True)
        page.trend_chart = ChartView(page.trend_box, "Trend chart", compact=True)
        page.spc_chart = ChartView(page.spc_box, "SPC chart", compact=True)
        page.charts_layout.addWidget(page.districts_chart, 1)
        page.trend_box.layout().addWidget(page.trend_chart)
        page.spc_box.layout().addWidget(page.spc_chart)
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
