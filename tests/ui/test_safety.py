"""The window keeps the data safe: a second window reads only, a damaged file is never written,
and File → Restore from backup… puts a chosen backup back."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QMessageBox

from tests.support.files import contents, damage
from tests.support.processes import HOLD_LOCK, holding
from tests.ui.conftest import answer_modal, dispose
from vfk_desktop.store.backups import list_backups, make_backup
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.main_window import MainWindow
from vfk_desktop.ui.opening import READ_ONLY, SHOW_OTHER


def click(button: QMessageBox.StandardButton):
    return lambda box: box.button(button).click()


def press(text: str):
    return lambda box: next(b for b in box.buttons() if b.text() == text).click()


def test_a_file_open_in_another_program_opens_read_only_and_says_who_has_it(window, sample_template,
                                                                            tmp_path):
    shared = tmp_path / "shared.db"
    shutil.copy(sample_template, shared)
    with holding(HOLD_LOCK, str(shared)):
        seen = answer_modal(press(READ_ONLY))
        assert window.files.open_database(shared)
        assert seen and "already open in another vfk_desktop window" in seen[0]
        assert "read-only" in seen[0] and "since" in seen[0]
        assert window.session.store.readonly
        assert window.readonly_banner.isVisible()
        assert "open in another vfk_desktop window" in window.readonly_banner.text()
        assert not window.import_action.isEnabled() and not window.restore_action.isEnabled()


def test_a_second_window_on_the_same_file_reads_only_until_the_first_closes(qtbot, window, sample_template,
                                                                          tmp_path):
    shared = tmp_path / "shared.db"
    shutil.copy(sample_template, shared)
    assert window.files.open_database(shared)
    assert not window.session.store.readonly and window.session.lock.held
    second = MainWindow(open_store(sample_template, readonly=True), "Tunbridge Wells")
    second.show()
    qtbot.waitExposed(second)
    try:
        seen = answer_modal(press(READ_ONLY))
        assert second.files.open_database(shared)
        assert seen and "already open in another vfk_desktop window" in seen[0]
        assert second.session.store.readonly and second.readonly_banner.isVisible()
        window.session.close()  # the first window lets go of the file …
        window.session = None
        assert second.files.open_database(shared)  # … and the second may now write
        assert not second.session.store.readonly and not second.readonly_banner.isVisible()
    finally:
        dispose(second)


def test_a_second_window_can_bring_the_first_forward_instead(qtbot, window, sample_template, tmp_path):
    shared = tmp_path / "shared.db"
    shutil.copy(sample_template, shared)
    assert window.files.open_database(shared)
    second = MainWindow(open_store(sample_template, readonly=True), "Tunbridge Wells")
    second.show()
    qtbot.waitExposed(second)
    try:
        seen = answer_modal(press(SHOW_OTHER))
        assert not second.files.open_database(shared)  # it keeps what it had …
        assert seen and "Go to that window" in seen[0]
        assert second.session.store.path == sample_template
        assert "asked to come forward" in second.statusBar().currentMessage()
        # … and the first window hears the request and comes forward
        qtbot.waitUntil(lambda: "asked for shared.db" in window.statusBar().currentMessage(), timeout=5000)
        assert not (tmp_path / "shared.db.lock.wake").exists()
        assert window.session.lock.held and not window.session.store.readonly
    finally:
        dispose(second)


def test_a_damaged_database_is_offered_its_newest_good_backup(window, sample_template, tmp_path):
    path = tmp_path / "district.db"
    shutil.copy(sample_template, path)
    good = contents(path)
    with open_store(path) as store:
        make_backup(store, "before importing partner.xlsx")
    damage(path)
    seen = answer_modal(click(QMessageBox.StandardButton.Yes))
    assert window.files.open_database(path)
    assert seen and "is damaged" in seen[0] and "Put back the newest good backup" in seen[0]
    assert "before importing partner.xlsx" in seen[0]
    store = window.session.store
    assert not store.damaged and not store.readonly and not window.readonly_banner.isVisible()
    assert contents(path) == good
    assert list((tmp_path / "backups").glob("district-*.damaged.db"))


def test_a_damaged_database_without_a_backup_opens_read_only_with_the_reason(window, sample_template,
                                                                            tmp_path):
    path = tmp_path / "district.db"
    shutil.copy(sample_template, path)
    damage(path)
    seen = answer_modal(lambda box: box.accept())
    assert window.files.open_database(path)
    assert seen and "There is no good backup of it to put back" in seen[0]
    assert window.session.store.damaged and window.session.store.readonly
    assert window.readonly_banner.isVisible() and "failed its check" in window.readonly_banner.text()
    assert window.restore_action.isEnabled() and not window.import_action.isEnabled()
    assert not (tmp_path / "backups").exists()  # nothing written beside it either


def test_restore_from_backup_puts_the_chosen_backup_back(window, sample_db):
    store = window.session.store
    original = contents(sample_db)
    make_backup(store, "before importing dover.csv")
    with store.atomic():
        store.conn.execute("DELETE FROM commentary")
        store.conn.execute("DELETE FROM rankings")
    assert contents(sample_db) != original

    def choose_and_restore(dialog):
        assert [dialog.table.item(0, 2).text()] == ["before importing dover.csv"]
        assert not dialog.restore_button.isEnabled()
        dialog.table.selectRow(0)
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()

    seen = answer_modal(choose_and_restore)
    window.restore_action.trigger()
    assert seen == ["Restore from backup"]
    assert contents(sample_db) == original
    assert "Restored the backup" in window.statusBar().currentMessage()
    reasons = [b.reason for b in list_backups(sample_db)]
    assert reasons[0].startswith("before restoring") and "before importing dover.csv" in reasons


def test_restore_with_no_backups_says_when_they_are_made(window):
    seen = answer_modal(lambda box: box.accept())
    window.restore_action.trigger()
    assert seen and "There are no backups" in seen[0] and "before every import" in seen[0]
