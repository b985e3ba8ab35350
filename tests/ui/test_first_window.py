from vfk_desktop.store.queries import fare_table
from vfk_desktop.ui.fare_model import COLUMNS, ROW_ROLE, FareTableModel
from vfk_desktop.ui.main_window import MainWindow


def cell(view, row, header):
    model = view.model()
    column = [c.header for c in COLUMNS].index(header)
    return model.index(row, column).data()


def find_row(view, code):
    model = view.model()
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == code)


def test_the_window_shows_how_tunbridge_wells_fares(qtbot, sample_store):
    window = MainWindow(sample_store, "tunbridge wells")
    qtbot.addWidget(window)
    window.show()
    assert window.heading.text() == "How does Tunbridge Wells fare in Kent?"
    assert window.sample_banner.isVisible()
    view = window.fare_view
    row = find_row(view, "NI 39")
    assert cell(view, row, "Value") == "1,212"
    assert cell(view, row, "Kent target") == "1,212"
    assert cell(view, row, "Rank").endswith("of 12")
    assert cell(view, row, "Status") == "● Green (met)"
    assert cell(view, find_row(view, "NI 155"), "Kent target") == "N/a"
    assert cell(view, find_row(view, "NI 163"), "Status") == "■ Red (worse)"


def test_switching_locality_and_remembering_it(qtbot, sample_store):
    window = MainWindow(sample_store, "Tunbridge Wells")
    qtbot.addWidget(window)
    window.locality_picker.setCurrentText("Thanet")
    assert window.heading.text() == "How does Thanet fare in Kent?"
    assert cell(window.fare_view, find_row(window.fare_view, "NI 39"), "Priority") == ""
    again = MainWindow(sample_store)  # the last-used locality comes back
    qtbot.addWidget(again)
    assert again.locality == "Thanet"


def test_fare_model_passes_the_model_tester(qtmodeltester, sample_store):
    model = FareTableModel()
    model.set_rows(fare_table(sample_store, "Tunbridge Wells"))
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ROW_ROLE).code == model.index(0, 0).data()
