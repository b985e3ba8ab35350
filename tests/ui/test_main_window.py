"""The main window driven as an officer would: pickers, filters, pages, shortcuts, settings."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import answer_modal, dispose
from vfk_desktop.ui.main_window import PAGE_NAMES, MainWindow


def overview(window):
    return window.page("Overview")


def cell(section, code, header):
    proxy = section.model
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    column = headers.index(header)
    for row in range(proxy.rowCount()):
        if proxy.index(row, 1).data() == code:
            return proxy.index(row, column).data()
    raise AssertionError(f"{code} is not shown")


def test_it_opens_on_how_tunbridge_wells_fares(window):
    page = overview(window)
    assert page.heading.text() == "How does Tunbridge Wells fare in Kent?"
    high, medium, low, _ = page.sections
    assert cell(high, "NI 39", "Value") == "1,212" and cell(high, "NI 39", "Kent target") == "1,212"
    assert cell(high, "NI 39", "Status") == "● Green (met)" and cell(high, "NI 39", "Rank") == "6 of 12 · Q2"
    assert cell(high, "NI 163", "Status") == "■ Red (worse)"
    assert cell(high, "NI 155", "Kent target") == "N/a"
    assert cell(medium, "NI 47", "Value") == "5.1" and cell(low, "NI 159", "Value") == "102%"
    assert "High priorities: 2 red, 2 green, 4 without a status" in page.counts.text()
    assert window.sample_banner.isVisible() and "illustrative" in window.sample_banner.text()
    assert window.windowTitle().startswith("vfk.db") and "Last import: 1" in window.last_import_label.text()


def test_the_theme_heads_its_group_once(window):
    from vfk_desktop.ui.delegates import shows_theme

    high = overview(window).sections[0]
    proxy = high.model
    codes = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    nine_21, nine_32 = proxy.index(codes.index("NI 21"), 0), proxy.index(codes.index("NI 32"), 0)
    assert nine_21.data() == nine_32.data() == "Stronger and Safer Communities"
    assert shows_theme(nine_21) and not shows_theme(nine_32)  # same theme as the row above
    high.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert all(shows_theme(proxy.index(r, 0)) for r in range(proxy.rowCount()))


def drawn(section, code, column):
    """The cell as the table paints it."""
    proxy = section.model
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == code)
    index = proxy.index(row, column)
    section.view.scrollTo(index)
    return section.view.viewport().grab(section.view.visualRect(index)).toImage()


def dark_pixels(image) -> int:
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < 100)


def test_a_theme_under_its_heading_is_painted_blank_and_a_selected_row_in_the_highlight(window):
    high = overview(window).sections[0]
    assert dark_pixels(drawn(high, "NI 21", 0)) > 20  # "Stronger and Safer Communities" …
    assert dark_pixels(drawn(high, "NI 32", 0)) == 0  # … heads its group once
    highlight = high.view.palette().highlight().color().rgb()
    white = QColor("#FFFFFF").rgb()
    headers = [high.model.headerData(c, Qt.Orientation.Horizontal) for c in range(high.model.columnCount())]
    status, recent = headers.index("Status"), headers.index("Recent")
    # NI 111: a theme under its heading, a green chip and a sparkline
    assert drawn(high, "NI 111", status).pixel(1, 1) != highlight
    codes = [high.model.index(r, 1).data() for r in range(high.model.rowCount())]
    high.view.selectRow(codes.index("NI 111"))
    assert drawn(high, "NI 111", 0).pixel(1, 1) == highlight
    assert dark_pixels(drawn(high, "NI 111", 0)) == 0
    assert drawn(high, "NI 111", status).pixel(1, 1) == highlight  # the chip sits on the highlight
    sparkline = drawn(high, "NI 111", recent)
    assert sparkline.pixel(1, 1) == highlight
    assert any(sparkline.pixel(x, y) == white  # the line turns white on the highlight
               for y in range(sparkline.height()) for x in range(sparkline.width()))


def test_filters_and_search(window, qtbot):
    page = overview(window)
    page.worse_than_target.setChecked(True)
    assert set(page.visible_codes()) == {"NI 21", "NI 163", "NI 47", "NI 55", "NI 159", "NI 187i"}
    page.high_only.setChecked(True)
    assert set(page.visible_codes()) == {"NI 21", "NI 163"}
    page.worse_than_target.setChecked(False)
    page.high_only.setChecked(False)
    page.below_kent.setChecked(True)
    below = set(page.visible_codes())
    assert {"NI 55", "NI 159", "NI 187i"} <= below and "NI 111" not in below
    page.below_kent.setChecked(False)
    qtbot.keyClicks(page.search, "alcohol")
    assert page.visible_codes() == ["NI 39"]
    page.search.clear()
    page.hide_without_data.setChecked(True)
    assert "NI 32" not in page.visible_codes() and len(page.visible_codes()) == 16
    page.search.setText("no such indicator")
    assert page.empty.isVisibleTo(page)


def test_switching_locality_and_period(window):
    window.locality_picker.setCurrentText("Thanet")
    page = overview(window)
    assert page.heading.text() == "How does Thanet fare in Kent?"
    high = page.sections[0]
    assert high.model.rowCount() == 0  # Thanet has no ranking in the sample
    assert "NI 39" in page.visible_codes()
    window.locality_picker.setCurrentText("Tunbridge Wells")
    window.period_picker.setCurrentText("2007/08")
    assert cell(page.sections[0], "NI 39", "Period") == "2007/08"
    assert page.subheading.text().startswith("Reporting year 2007/08")
    window.period_picker.setCurrentText("Latest")
    assert cell(page.sections[0], "NI 39", "Period") == "2008/09"


def test_every_page_opens_from_the_list_and_by_shortcut(window, qtbot):
    for number, name in enumerate(PAGE_NAMES, 1):
        qtbot.keySequence(window, QKeySequence(f"Ctrl+{number}"))
        assert window.stack.currentWidget() is window.pages[name]
        assert window.nav.currentItem().text() == name
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is window.pages["Overview"]


def test_double_clicking_a_row_opens_the_indicator(window, qtbot):
    high = overview(window).sections[0]
    row = next(r for r in range(high.model.rowCount()) if high.model.index(r, 1).data() == "NI 163")
    view = high.view
    rect = view.visualRect(high.model.index(row, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # views need
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the press
    indicator = window.stack.currentWidget()
    assert indicator is window.pages["Indicator"]
    assert indicator.heading.text().startswith("NI 163")


def test_settings_remember_locality_and_recent_databases(window, qtbot, sample_db):
    window.locality_picker.setCurrentText("Dover")
    window.close()
    from vfk_desktop.store.connection import open_store

    again = MainWindow(open_store(sample_db))
    try:
        assert again.session.locality == "Dover"
        assert str(sample_db.resolve()) in [a.text() for a in again.recent_databases_menu.actions()]
    finally:
        dispose(again)


def test_opening_a_damaged_file_says_so_and_keeps_the_window(window, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database" * 100)
    seen = answer_modal(lambda box: box.accept())
    assert window.files.open_database(bad) is False
    assert seen and "not a vfk_desktop database" in seen[0]
    assert window.session.store.path.name == "vfk.db"


def test_about_names_the_version_database_and_libraries(window):
    from vfk_desktop.ui.about import about_text

    text = about_text(window.session.store.path)
    assert "vfk_desktop 0." in text and str(window.session.store.path) in text
    assert "PySide6-Essentials" in text and "SQLite" in text and "python-calamine" in text


def test_accessible_names_and_tooltips(window):
    assert window.locality_picker.accessibleName() == "Locality"
    assert window.period_picker.accessibleName() == "Period"
    high = overview(window).sections[0]
    for column in range(high.model.columnCount()):
        assert high.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert QApplication.instance().applicationName() == "vfk_desktop"
