"""The window's tool bar: the district and the period every page shows, and Import."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QToolBar

PERIOD_TIP = ("Latest: each indicator at its newest period in which enough districts have a value to "
              "rank them. A year, such as 2008/09, is a reporting year: the financial year, the "
              "calendar year 2008 that ends inside it, and the latest quarter or month in it")


def add_pickers(window: QMainWindow, import_action: QAction) -> tuple[QComboBox, QComboBox]:
    """Add the tool bar to window; returns its locality and period choosers."""
    toolbar = QToolBar("Locality and period", window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    locality = QComboBox(toolbar)
    locality.setAccessibleName("Locality")
    locality.setToolTip("The district the pages show (Ctrl+L)")
    locality.setMinimumContentsLength(22)
    period = QComboBox(toolbar)
    period.setAccessibleName("Period")
    period.setToolTip(PERIOD_TIP)
    period.setMinimumContentsLength(10)
    for label, widget in (("&Locality ", locality), ("  &Period ", period)):
        caption = QLabel(label, toolbar)
        caption.setBuddy(widget)
        toolbar.addWidget(caption)
        toolbar.addWidget(widget)
    toolbar.addSeparator()
    toolbar.addAction(import_action)
    window.addToolBar(toolbar)
    return locality, period
