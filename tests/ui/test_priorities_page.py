"""What the Priorities page shows while ranking, and where Add figure and the commentary start."""

from PySide6.QtCore import Qt

from vfk_desktop import present
from vfk_desktop.domain.model import Priority
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.ui.pages.data import AddFigureDialog
from vfk_desktop.ui.pages.priorities import HANDLE_COLUMN, PRIORITY_COLUMN, STATUS_COLUMN
from vfk_desktop.ui.table_model import ROW_ROLE


def cells(page, band):
    """code -> (status, rank, priority) as the band's table shows them."""
    view = next(view for _, view, _ in page.sections if view.band is band)
    proxy = view.model()
    found = {}
    for row in range(proxy.rowCount()):
        code = proxy.index(row, 0).data(ROW_ROLE).code
        found[code] = tuple(proxy.index(row, column).data() for column in
                            (STATUS_COLUMN, STATUS_COLUMN + 1, PRIORITY_COLUMN))
    return view, found


def test_each_indicator_shows_its_status_and_rank_beside_a_visible_band_choice(window):
    page = window.show_page("Priorities")
    fares = {row.code: row for row in fare_table(window.session.store, "Tunbridge Wells")}
    view, high = cells(page, Priority.HIGH)
    assert high["NI 163"] == (present.status(fares["NI 163"]), present.rank(fares["NI 163"]), "High")
    assert any(rank.endswith("of 12") for _, rank, _ in high.values())
    assert all(status for status, _, _ in high.values())
    first = view.model().index(0, PRIORITY_COLUMN)
    assert first.flags() & Qt.ItemFlag.ItemIsEditable  # painted as a drop-down, opened by a click
    assert view.model().index(0, HANDLE_COLUMN).flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert "drag rows by their grip" in page.hint.text() and page.hint.isVisible()


def test_add_figure_starts_on_the_indicator_in_view(window):
    data = window.show_page("Data")
    code, _ = data.indicator_in_view()
    fares = fare_table(window.session.store, "Tunbridge Wells")
    assert code != "NI 1" and code in {row.code for row in fares}
    window.open_indicator("NI 163")
    data = window.show_page("Data")
    assert data.indicator_in_view() == ("NI 163", "")
    data.view.selectRow(0)
    chosen = data.record_at(0)
    code, period = data.indicator_in_view()
    dialog = AddFigureDialog(window.session, data, code, period)
    try:
        assert dialog.indicator.currentData() == chosen.code and dialog.period.text() == chosen.period.label
    finally:
        dialog.deleteLater()


def test_the_commentary_heading_follows_the_indicator_and_drops_a_stale_period(window):
    window.open_indicator("NI 163")
    page = window.pages["Indicator"]
    period = page.chosen().period.label
    assert page.comment_box.title() == f"Commentary on NI 163 for {period}"
    page.show_indicator("NI 32")  # no district has a figure for it
    assert page.chosen() is None
    assert page.comment_box.title() == "Commentary on NI 32 (no figures, so no period yet)"
    assert not page.comment_box.isEnabled()
