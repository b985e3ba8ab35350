"""Every shortcut works: no key is given twice, to one action or to two."""

from collections import Counter

from PySide6.QtGui import QAction, QKeySequence


def test_no_two_actions_share_a_key_and_redo_answers_ctrl_shift_z_and_ctrl_y(window):
    keys = Counter()
    for action in window.findChildren(QAction):
        own = [key.toString() for key in action.shortcuts() if not key.isEmpty()]
        assert len(own) == len(set(own)), f"{action.text()} has a key twice: {own}"
        keys.update(own)
    assert [key for key, count in keys.items() if count > 1] == []
    redo = {key.toString() for key in window.redo_action.shortcuts()}
    assert {QKeySequence("Ctrl+Shift+Z").toString(), QKeySequence("Ctrl+Y").toString()} <= redo


def test_ctrl_shift_z_redoes_what_ctrl_z_undid(window, qtbot):
    from PySide6.QtCore import Qt

    from vfk_desktop.domain.model import Priority
    from vfk_desktop.store import edits
    from vfk_desktop.ui.undo import SetPriority, push

    session = window.session
    round_ = window.show_page("Priorities").round
    push(session, SetPriority(session, "NI 21", round_, Priority.LOW))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edits.priority_of(session.store, "Tunbridge Wells", "NI 21", round_) is Priority.HIGH
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, control | shift)
    assert edits.priority_of(session.store, "Tunbridge Wells", "NI 21", round_) is Priority.LOW
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert edits.priority_of(session.store, "Tunbridge Wells", "NI 21", round_) is Priority.LOW
