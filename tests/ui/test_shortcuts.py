"""Every shortcut works: the platform's standard keys, no key given twice (to one action, to two, or
to an action and a page's own shortcut), and no key the start of another (Qt would wait for more)."""

from collections import Counter

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from vfk_desktop.ui.main_window import PAGE_NAMES


def every_key(window) -> Counter:
    """Each key of the window's actions and of its pages' own shortcuts (every page built)."""
    for name in PAGE_NAMES:
        window.page(name)
    keys = Counter()
    for action in window.findChildren(QAction):
        keys.update(key.toString() for key in action.shortcuts() if not key.isEmpty())
    for shortcut in window.findChildren(QShortcut):
        sequences = shortcut.keys()  # a list of QKeySequence, not a mapping
        keys.update(key.toString() for key in sequences if not key.isEmpty())
    return keys


def test_no_key_is_shared_or_the_start_of_another(window):
    keys = every_key(window)
    assert [key for key, count in keys.items() if count > 1] == []
    for first in keys:
        for second in keys:
            if first != second:
                match = QKeySequence(first).matches(QKeySequence(second))
                assert match != QKeySequence.SequenceMatch.PartialMatch, (first, second)


STANDARD = {"new_action": "New", "open_action": "Open", "print_action": "Print", "quit_action": "Quit",
            "refresh_action": "Refresh", "find_action": "Find", "undo_action": "Undo", "redo_action": "Redo"}


@pytest.mark.parametrize("name", STANDARD)
def test_the_common_actions_answer_the_platforms_own_keys(window, name):
    action = getattr(window, name)
    own = {key.toString() for key in action.shortcuts()}
    platform = {key.toString() for key in QKeySequence.keyBindings(getattr(QKeySequence.StandardKey,
                                                                           STANDARD[name]))}
    assert own and platform <= own, f"{name}: {own} lacks {platform}"


def test_quit_has_a_key_where_the_platform_gives_none(window):
    assert QKeySequence("Ctrl+Q").toString() in {key.toString() for key in window.quit_action.shortcuts()}


def test_find_goes_to_the_search_of_the_page_shown(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    data = window.show_page("Data")
    window.find_action.trigger()
    assert QApplication.focusWidget() is data.search
    window.show_page("Vision")
    window.find_action.trigger()  # no search of its own: the Overview's
    assert window.stack.currentWidget() is window.pages["Overview"]
    assert QApplication.focusWidget() is window.pages["Overview"].search


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
