"""Opening a database in the window, safely.

One window writes to a file at a time (store/instance_lock.py): a second window on the same file is
told who has it and opens it read-only. A file that fails SQLite's check is never written to: the
officer is offered the newest backup that passes the check. The first open of a day makes a backup.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vfk_desktop.domain.errors import DamagedDatabase, StoreError, VfkError
from vfk_desktop.store.connection import Store, open_store
from vfk_desktop.store.instance_lock import InstanceLock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

TITLE = "Open database"


@dataclass
class Opened:
    """A database opened in the window, with its lock and a note for the status bar."""

    store: Store
    lock: InstanceLock
    note: str = ""  # for the status bar: a daily backup made, or why none could be


def open_database(path: Path, parent: QWidget | None = None, *, create: bool = False,
                  fill: Callable[[Store], None] | None = None) -> Opened | None:
    """Open path for the window (create and fill it if asked); None when it cannot be opened (said)."""
    lock = InstanceLock(path)
    shared = not lock.acquire()
    holder = lock.holder() if shared else None
    at_this_desk = holder is not None and holder.at_this_desk
    if at_this_desk and _show_the_other(path, holder, parent):
        lock.ask_holder_to_show()
        raise ShownElsewhere(path)
    try:
        store = _open(path, parent, create and not path.exists(), fill, readonly=shared)
    except VfkError as error:
        lock.release()
        _tell(parent, str(error))
        return None
    if shared and not at_this_desk:  # at this desk the officer was asked already
        who = f" ({holder.describe()})" if holder else ""
        _tell(parent,
              f"{path} is already open in another vfk_desktop window{who}. It opens here read-only: "
              f"close the other window to make changes here.", warning=False)
    if store.damaged and not shared:
        store = _offer_backup(store, parent)
    return Opened(store, lock, " ".join(filter(None, (_daily_backup(store), _impossible(store)))))


def _open(path: Path, parent: QWidget | None, create: bool, fill: Callable[[Store], None] | None,
          readonly: bool) -> Store:
    if create:
        store = open_store(path, create=True)
        if fill is not None:
            try:
                fill(store)
            except BaseException:
                store.close()
                raise
        return store
    try:
        return open_store(path, readonly=readonly)
    except DamagedDatabase as error:
        # With no backup to offer, the error itself is the one message the officer sees.
        if readonly or not _restore_newest(path, parent, str(error), say_if_none=False):
            raise
        return open_store(path)


def _offer_backup(store: Store, parent: QWidget | None) -> Store:
    """The file opened but failed its check: offer the newest good backup in its place."""
    path = store.path
    what = f"{path} is damaged ({store.damaged[0]}). It is open read-only, so nothing more can be lost."
    store.close()
    _restore_newest(path, parent, what)
    return open_store(path)  # the backup put back, or the damaged file read-only as before


def _restore_newest(path: Path, parent: QWidget | None, what: str, say_if_none: bool = True) -> bool:
    """Ask, then put back the newest backup that passes the check; True when it was put back."""
    from vfk_desktop.store.integrity import newest_good_backup, restore_backup

    backup = newest_good_backup(path)
    if backup is None:
        if say_if_none:
            _tell(parent, f"{what} There is no good backup of it to put back.")
        return False
    question = (f"{what}\n\nPut back the newest good backup, made {backup.at:%d %b %Y at %H:%M} "
                f"({backup.reason})? The damaged file is kept as a backup too.")
    if not _ask(parent, question):
        return False
    try:
        restore_backup(path, str(backup.path))
    except StoreError as error:
        _tell(parent, str(error))
        return False
    from vfk_desktop.logs import logger

    logger().info("restored %s over the damaged %s", backup.path.name, path)
    return True


def _impossible(store: Store) -> str:
    """Figures an older version stored as infinity (they are read as no value): said, so they get mended."""
    from vfk_desktop.store.integrity import impossible_figures

    try:
        found = impossible_figures(store)
    except Exception:  # noqa: BLE001 - a damaged file says so in its banner already
        return ""
    return f"Figures no partner can mean are stored: {found[0]}." if found else ""


def _daily_backup(store: Store) -> str:
    from vfk_desktop.store.backups import daily_backup

    try:
        made = daily_backup(store)
    except StoreError as error:
        from vfk_desktop.logs import logger

        logger().warning("the daily backup of %s failed: %s", store.path, error)
        return f"Today's backup could not be made: {error}"
    return "Today's backup is made." if made else ""


class ShownElsewhere(VfkError):
    """The officer chose to go to the window that already has the file, rather than open it again."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is open in another vfk_desktop window, which was asked to come forward.")


SHOW_OTHER = "Show the other window"
READ_ONLY = "Open here read-only"


# Message boxes load with the first one shown: an ordinary start shows none.
def _show_the_other(path: Path, holder, parent: QWidget | None) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, TITLE,
                      f"{path} is already open in another vfk_desktop window ({holder.describe()}). "
                      f"Go to that window, or open the file here read-only?",
                      QMessageBox.StandardButton.NoButton, parent)
    show = box.addButton(SHOW_OTHER, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(READ_ONLY, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(show)
    box.exec()
    return box.clickedButton() is show


def _ask(parent: QWidget | None, question: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, TITLE, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def _tell(parent: QWidget | None, text: str, warning: bool = True) -> None:
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.Ok, parent).exec()


def readonly_reason(store: Store, lock: InstanceLock | None) -> str:
    if store.damaged:
        return (f"{store.path} failed its check ({store.damaged[0]}), so it is open read-only: nothing "
                f"will be written to it. File → Restore from backup… puts back a good copy.")
    if store.full_disk:
        return (f"The disk holding {store.path} is full, so it is open read-only: you can read "
                f"everything; free some space and open it again to make changes.")
    folder_refuses = store.readonly and not os.access(store.path.parent, os.W_OK)
    if (lock is not None and lock.unwritable) or folder_refuses:
        return (f"The folder {store.path.parent} cannot be written to, so {store.path.name} is open "
                f"read-only: you can read everything, but to make changes copy it to a folder you can "
                f"write (File → Open… it there) or ask for write access.")
    if lock is not None and not lock.held:
        return (f"{store.path} is open in another vfk_desktop window, so it is read-only here: "
                f"close the other window to make changes.")
    return f"{store.path} is open read-only: you can read everything, but nothing can be changed."
