"""Edits made in the window, each undoable: rankings, commentary, figures typed by hand, LSP priorities."""

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent

from vfk_desktop.domain.model import Priority
from vfk_desktop.store import edits
from vfk_desktop.store.history import observations
from vfk_desktop.store.local_priorities import LocalPriority, local_priorities
from vfk_desktop.ui.pages.priorities import MIME, PRIORITY_COLUMN
from vfk_desktop.ui.table_model import ROW_ROLE
from vfk_desktop.ui.undo import SaveLocalPriority, push


def band_view(page, band):
    return next(view for _, view, proxy in page.sections if view.band is band)


def set_by_drop_down(page, code, choice):
    """Choose from the Priority column's drop-down, as a mouse or keyboard user does."""
    for _, view, proxy in page.sections:
        for row in range(proxy.rowCount()):
            if proxy.index(row, PRIORITY_COLUMN).data(ROW_ROLE).code == code:
                index = proxy.index(row, PRIORITY_COLUMN)
                view.setCurrentIndex(index)  # opens the drop-down (every edit trigger is on)
                if view.indexWidget(index) is None:
                    view.edit(index)
                editor = view.indexWidget(index)
                editor.setCurrentText(choice)
                editor.activated.emit(editor.currentIndex())  # the choice is committed at once
                return
    raise AssertionError(code)


def test_change_a_band_by_drop_down_then_undo_and_redo(window):
    page = window.show_page("Priorities")
    assert page.round.label == "2009/10" and "NI 163" in page.band_codes(Priority.HIGH)
    set_by_drop_down(page, "NI 163", "Medium")
    store = window.session.store
    assert edits.priority_of(store, "Tunbridge Wells", "NI 163", "2009/10") is Priority.MEDIUM
    assert "NI 163" in page.band_codes(Priority.MEDIUM)
    assert window.undo_action.text() == "&Undo Set NI 163 to Medium"
    window.undo_action.trigger()
    assert edits.priority_of(store, "Tunbridge Wells", "NI 163", "2009/10") is Priority.HIGH
    assert "NI 163" in page.band_codes(Priority.HIGH)
    assert window.redo_action.text() == "&Redo Set NI 163 to Medium"
    window.redo_action.trigger()
    assert "NI 163" in page.band_codes(Priority.MEDIUM)
    overview = window.show_page("Overview")
    assert "NI 163" in [overview.sections[1].model.row_at(r).code
                        for r in range(overview.sections[1].model.rowCount())]


def test_drag_rows_to_another_band_is_one_undo_step(window, qtbot):
    page = window.show_page("Priorities")
    data = QMimeData()
    data.setData(MIME, b"NI 55\nNI 159")
    target = band_view(page, Priority.HIGH)
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    target.dropEvent(drop)
    assert {"NI 55", "NI 159"} <= set(page.band_codes(Priority.HIGH))
    assert page.counts.text().startswith("High priority: 10")
    told = "Moved NI 55, NI 159 to high priority for 2009/10 (Ctrl+Z puts them back)."
    assert window.statusBar().currentMessage() == told
    assert window.undo_action.text() == "&Undo Set 2 indicators to High"
    window.undo_action.trigger()
    assert {"NI 55", "NI 159"} <= set(page.band_codes(Priority.LOW))
    dragged = page.model.mimeData([page.model.index(0, 1)])
    assert bytes(dragged.data(MIME)).decode() == page.model.row_at(0).code


def test_a_new_ranking_period_and_copying_from_another(window):
    page = window.show_page("Priorities")
    store, session = window.session.store, window.session
    from vfk_desktop.domain.periods import parse_period
    from vfk_desktop.ui.undo import ReplaceRound

    push(session, ReplaceRound(session, parse_period("2009/10"), parse_period("2010/11")))
    assert edits.ranking_round(store, "Tunbridge Wells", "2010/11") == edits.ranking_round(
        store, "Tunbridge Wells", "2009/10")
    page.refresh()
    assert page.round_picker.findText("2010/11") >= 0
    page.round_picker.setCurrentText("2010/11")
    set_by_drop_down(page, "NI 21", "Low")
    assert edits.priority_of(store, "Tunbridge Wells", "NI 21", "2010/11") is Priority.LOW
    assert edits.priority_of(store, "Tunbridge Wells", "NI 21", "2009/10") is Priority.HIGH
    # copy back from the earlier period
    push(session, ReplaceRound(session, parse_period("2009/10"), parse_period("2010/11")))
    assert edits.priority_of(store, "Tunbridge Wells", "NI 21", "2010/11") is Priority.HIGH
    window.undo_action.trigger()
    assert edits.priority_of(store, "Tunbridge Wells", "NI 21", "2010/11") is Priority.LOW


def test_edit_a_commentary_and_undo(window, qtbot):
    window.open_indicator("NI 163")
    page = window.pages["Indicator"]
    assert page.chosen().period.label == "2008"
    assert page.comment.toPlainText().startswith("Illustrative:")
    page.comment.setPlainText("Skills group has a new Level 2 plan for 2010/11.")
    qtbot.mouseClick(page.save_comment, Qt.MouseButton.LeftButton)
    store = window.session.store
    assert edits.commentary_of(store, "Tunbridge Wells", "NI 163", "2008").startswith("Skills group")
    window.undo_action.trigger()
    assert edits.commentary_of(store, "Tunbridge Wells", "NI 163", "2008").startswith("Illustrative:")
    assert page.comment.toPlainText().startswith("Illustrative:")


def test_the_indicator_page_shows_history_and_where_each_figure_came_from(window):
    window.open_indicator("NI 39")
    page = window.pages["Indicator"]
    periods = [page.history_model.row_at(r).period.label for r in range(page.history_model.rowCount())]
    assert periods == ["2008/09", "2007/08", "2006/07"]
    sources = [page.source_model.row_at(r) for r in range(page.source_model.rowCount())]
    value = next(s for s in sources if s.area == "Tunbridge Wells" and s.kind == "value")
    assert value.provenance.file == "kent_districts_sample.csv" and value.provenance.cell.startswith("D")
    target = next(s for s in sources if s.kind == "target")
    assert target.period.label == "2010/11" and target.provenance.file == "tunbridge_wells_fare_in_kent.csv"


def test_a_value_typed_by_hand_is_recorded_like_an_import_and_undoable(window):
    page = window.show_page("Data")
    proxy = page.proxy
    row = next(r for r in range(proxy.rowCount())
               if page.record_at(r).code == "NI 39" and page.record_at(r).period.label == "2008/09")
    proxy.setData(proxy.index(row, 5), "1,250")
    store = window.session.store
    typed = observations(store, area="Tunbridge Wells", code="NI 39", period="2008/09", kind="value")[0]
    assert typed.figure.value == 1250 and typed.provenance.kind == "edit"
    assert "typed by hand" in typed.provenance.describe()
    old = store.conn.execute("SELECT old FROM change_log WHERE import_id = ?",
                             (typed.provenance.import_id,)).fetchone()[0]
    assert '"text": "1,212"' in old
    window.undo_action.trigger()
    back = observations(store, area="Tunbridge Wells", code="NI 39", period="2008/09", kind="value")[0]
    assert back.figure.value == 1212


def test_a_bad_figure_is_refused_with_a_sentence_and_nothing_changes(window):
    from tests.ui.conftest import answer_modal

    page = window.show_page("Data")
    seen = answer_modal(lambda box: box.accept())
    page.edit_figure("Tunbridge Wells", "NI 39", "2008/09", "value", "lots")
    assert seen and "is not a number" in seen[0]
    assert window.session.undo_stack.count() == 0


def test_local_priorities_add_edit_move_delete_with_undo(window):
    page = window.show_page("Local priorities")
    session = window.session
    before = [p.title for p in local_priorities(session.store, "Tunbridge Wells")]
    push(session, SaveLocalPriority(session, LocalPriority(
        None, "Tunbridge Wells", 10, "Supporting the visitor economy", ambitions=(1,),
        indicators=("NI 171",))))
    titles = [page.model.row_at(r).title for r in range(page.model.rowCount())]
    assert titles[-1] == "Supporting the visitor economy" and len(titles) == 10
    page.view.selectRow(9)
    page.move(-1)
    assert [p.title for p in local_priorities(session.store, "Tunbridge Wells")][8] == (
        "Supporting the visitor economy")
    page.view.selectRow(8)
    page.delete() if False else None
    from vfk_desktop.ui.undo import DeleteLocalPriority

    chosen = page.chosen()
    push(session, DeleteLocalPriority(session, chosen))
    assert len(local_priorities(session.store, "Tunbridge Wells")) == 9
    window.undo_action.trigger()  # the delete
    window.undo_action.trigger()  # the move
    window.undo_action.trigger()  # the add
    assert [p.title for p in local_priorities(session.store, "Tunbridge Wells")] == before
