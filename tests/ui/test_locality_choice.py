"""The window opens on the district asked for, matched as `vfk --locality` matches it."""

from PySide6.QtCore import QSettings

from tests.ui.conftest import dispose
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.main_window import MainWindow


def opened(qtbot, sample_db, asked):
    window = MainWindow(open_store(sample_db), asked)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_vfk_desktop_locality_twbc_opens_on_tunbridge_wells(qtbot, sample_db):
    QSettings().setValue("locality/last", "Ashford")
    window = opened(qtbot, sample_db, "TWBC")
    try:
        assert window.session.locality == "Tunbridge Wells"
        assert window.locality_picker.currentText() == "Tunbridge Wells"
        assert window.pages["Overview"].heading.text() == "How does Tunbridge Wells fare in Kent?"
    finally:
        dispose(window)


def test_the_remembered_district_is_matched_too_and_an_unknown_one_is_said(qtbot, sample_db):
    QSettings().setValue("locality/last", "tonbridge & malling")
    window = opened(qtbot, sample_db, "Medway")
    try:
        assert window.session.locality == "Tonbridge and Malling"
        assert "Medway" in window.statusBar().currentMessage()
    finally:
        dispose(window)


def test_the_period_chooser_lists_reporting_years_newest_first(qtbot, sample_db):
    window = opened(qtbot, sample_db, "Tunbridge Wells")
    try:
        items = [window.period_picker.itemText(i) for i in range(window.period_picker.count())]
        assert items[0] == "Latest"
        years = items[1:]
        assert years and all("/" in year and "Q" not in year for year in years)
        assert years == sorted(years, reverse=True)
        window.period_picker.setCurrentText("2008/09")
        assert window.session.period.label == "2008/09"
        page = window.pages["Overview"]
        assert page.subheading.text().startswith("Reporting year 2008/09")
        assert "NI 163" in page.visible_codes()
    finally:
        dispose(window)
