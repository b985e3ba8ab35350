"""What every page shares: the open database, the chosen locality and period, the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.periods import Period, try_parse_period
from vfk_desktop.store.connection import Store
from vfk_desktop.store.instance_lock import InstanceLock
from vfk_desktop.store.queries import districts, resolve_district
from vfk_desktop.ui import settings_keys as keys

DEFAULT_LOCALITY = "Tunbridge Wells"


class Session(QObject):
    locality_changed = Signal(str)
    period_changed = Signal(object)  # Period, or None for "each indicator's latest"
    data_changed = Signal()  # after an import, an undo, an edit
    indicator_requested = Signal(str)  # open the Indicator page on this code

    def __init__(self, store: Store, locality: str, period: Period | None = None,
                 parent: QObject | None = None, lock: InstanceLock | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.lock = lock  # held while this window may write to the file
        self.locality = locality
        self.period = period
        self.indicator: str | None = None  # the indicator the Indicator page last showed
        self.undo_stack = QUndoStack(self)
        # a bound method, not a lambda: Qt drops the connection when the session is destroyed
        self.undo_stack.indexChanged.connect(self._stack_moved)

    def _stack_moved(self, _index: int) -> None:
        self.data_changed.emit()

    def close(self, keep_lock: bool = False) -> None:
        """Close the database; release the file's lock unless it passes to the next session."""
        self.store.close()
        if self.lock is not None and not keep_lock:
            self.lock.release()

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    def set_locality(self, name: str) -> None:
        if name and name != self.locality:
            self.locality = name
            QSettings().setValue(keys.LAST_LOCALITY, name)
            self.locality_changed.emit(name)

    def set_period(self, period: Period | None) -> None:
        if period != self.period:
            self.period = period
            QSettings().setValue(keys.LAST_PERIOD, period.label if period else "")
            self.period_changed.emit(period)

    def notify_data_changed(self) -> None:
        self.data_changed.emit()

    @staticmethod
    def remembered_period() -> Period | None:
        return try_parse_period(QSettings().value(keys.LAST_PERIOD, "", type=str) or None)

    @staticmethod
    def choose_locality(store: Store, asked: str | None) -> tuple[str, str]:
        """The district to open on, by the same matcher as `vfk --locality` ("TWBC", "tunbridge wells"):
        the one asked for, else the one shown last, else Tunbridge Wells; and a sentence when the one
        asked for is not known."""
        remembered = QSettings().value(keys.LAST_LOCALITY, DEFAULT_LOCALITY, type=str) or DEFAULT_LOCALITY
        refused = ""
        for wanted in (asked, remembered, DEFAULT_LOCALITY):
            if not wanted:
                continue
            try:
                return resolve_district(store, wanted), refused
            except VfkError as error:
                if wanted == asked:
                    refused = f"{error} Showing another district instead."
        names = districts(store)
        return (names[0] if names else DEFAULT_LOCALITY), refused
