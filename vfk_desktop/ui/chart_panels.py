"""Where the pages place their charts (the chart widgets come from vfk_desktop.charts)."""

from __future__ import annotations


def fill_indicator_charts(page, row) -> None:
    """The Indicator page's districts and trend charts for row's indicator and period."""
    return None
