"""The Actions page: filters, the reds with no action, and every change undone and redone."""

import datetime as dt

from PySide6.QtWidgets import QDialog, QLabel

from vfk_desktop.domain.actions import Action, ActionStatus
from vfk_desktop.store.actions import actions, link_choices, save_action
from vfk_desktop.ui.pages.actions import ActionDialog
from vfk_desktop.ui.undo import push
from vfk_desktop.ui.undo_accounts import DeleteAction, SaveAction, UpdateAction


def shown_titles(page) -> list[str]:
    return [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]


def test_filters_and_the_reds_with_no_action(window, qtbot, qtmodeltester):
    store = window.session.store
    save_action(store, Action(None, "Tunbridge Wells", "Old plan", "A Jones", dt.date(2009, 1, 31),
                              ActionStatus.ON_TRACK, ("NI 39",)))
    soon = dt.date.today() + dt.timedelta(30)
    save_action(store, Action(None, "Tunbridge Wells", "New plan", "B Khan", soon,
                              ActionStatus.NOT_STARTED, ("NI 163", "NI 39")))
    page = window.show_page("Actions")
    page.refresh()
    qtmodeltester.check(page.model)
    assert page.heading.text() == "Tunbridge Wells: 2 actions, 1 overdue"
    assert "NI 39" not in page.unanswered.text() and "no open action" in page.unanswered.text()
    page.overdue_filter.setChecked(True)
    assert shown_titles(page) == ["Old plan"]
    page.overdue_filter.setChecked(False)
    page.indicator_filter.setCurrentText("NI 163")
    assert shown_titles(page) == ["New plan"]
    page.indicator_filter.setCurrentText("All")
    page.owner_filter.setCurrentText("A Jones")
    assert shown_titles(page) == ["Old plan"]
    status = page.model.column_index("Status")
    assert page.proxy.index(0, status).data() == "overdue (on track)"


def test_add_note_and_delete_are_each_undone_and_redone(window, qtbot):
    session, store = window.session, window.session.store
    dialog = ActionDialog(Action(None, "Tunbridge Wells", "", "", None),
                          choices=link_choices(store, "Tunbridge Wells"))
    health = dialog.priority_box.findText("Promoting health and improving well-being")
    dialog.priority_box.setCurrentIndex(health)
    dialog.title_edit.setText("Alcohol licensing review")
    dialog.owner_edit.setText("C Patel")
    dialog.indicators_edit.setText("ni 39; NI 40")
    dialog.note_edit.setPlainText("Agreed at the Board")
    made = dialog.result_action()
    dialog.done(QDialog.DialogCode.Rejected)
    push(session, SaveAction(session, made))
    (saved,) = actions(store, "Tunbridge Wells")
    assert saved.indicators == ("NI 39", "NI 40") and saved.notes[0].text == "Agreed at the Board"
    assert saved.local_priority == dialog.priority_box.currentData() is not None
    assert saved.delivery_plan is None
    push(session, UpdateAction(session, saved.id, status=ActionStatus.AT_RISK, note="Delayed"))
    assert actions(store)[0].status is ActionStatus.AT_RISK and len(actions(store)[0].notes) == 2
    push(session, DeleteAction(session, actions(store)[0]))
    assert actions(store) == []
    assert window.session.undo_stack.undoText() == "Delete the action “Alcohol licensing review”"
    session.undo_stack.undo()
    assert len(actions(store)[0].notes) == 2
    session.undo_stack.undo()
    assert actions(store) == [saved]
    session.undo_stack.undo()
    assert actions(store) == []
    session.undo_stack.redo()
    session.undo_stack.redo()
    again = actions(store)[0]
    assert again.status is ActionStatus.AT_RISK and again.notes[-1].text == "Delayed"
    page = window.show_page("Actions")
    assert page.model.rowCount() == 1


def test_a_ka2_returns_actions_come_back_through_file_import(window, qtbot, tmp_path, sample_db):
    from tests.ui.test_import_flow import click_button, run_import
    from vfk_desktop.facts.exports import return_facts
    from vfk_desktop.io.writers.ka2_return import write_ka2_return
    from vfk_desktop.store.connection import open_store
    from vfk_desktop.store.edits import set_commentary

    other = tmp_path / "other.db"
    other.write_bytes(sample_db.read_bytes())
    with open_store(other) as store:
        save_action(store, Action(None, "Tunbridge Wells", "Sent from another laptop", "D Ng",
                                  dt.date(2030, 1, 1), ActionStatus.ON_TRACK, ("NI 163",)))
        set_commentary(store, "Tunbridge Wells", "NI 163", "2008", "Skills fair in March")
        out = tmp_path / "return.xlsx"
        write_ka2_return(return_facts(store, "Tunbridge Wells"), out)
        sent = actions(store, "Tunbridge Wells")
    flow, _ = run_import(window, qtbot, [out], lambda dialog: click_button(dialog, "Import"))
    qtbot.waitUntil(lambda: flow.finished_result is not None, timeout=30000)
    assert actions(window.session.store, "Tunbridge Wells") == sent
    assert window.show_page("Actions").model.rowCount() == 1


def test_a_return_that_changes_only_actions_can_be_imported(window, qtbot, tmp_path, sample_db):
    from tests.ui.test_import_flow import click_button, run_import
    from vfk_desktop.facts.exports import return_facts
    from vfk_desktop.io.writers.ka2_return import write_ka2_return
    from vfk_desktop.store.connection import open_store

    other = tmp_path / "other.db"
    other.write_bytes(sample_db.read_bytes())
    with open_store(other) as store:
        save_action(store, Action(None, "Tunbridge Wells", "Only an action", "D Ng",
                                  dt.date(2030, 1, 1), ActionStatus.ON_TRACK, ("NI 163",)))
        out = tmp_path / "actions only.xlsx"
        write_ka2_return(return_facts(store, "Tunbridge Wells"), out)
        sent = actions(store, "Tunbridge Wells")
    seen = {}

    def import_it(dialog):
        seen["enabled"] = dialog.import_button.isEnabled()
        seen["said"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        click_button(dialog, "Import")

    flow, _ = run_import(window, qtbot, [out], import_it)
    qtbot.waitUntil(lambda: flow.finished_result is not None, timeout=30000)
    assert seen["enabled"] and "carries 1 action(s)" in seen["said"]
    assert flow.finished_result.inserted == flow.finished_result.updated == 0  # no figure changed
    assert actions(window.session.store, "Tunbridge Wells") == sent
