"""Long jobs (imports, exports, reports) off the GUI thread, with a progress dialog and Cancel.

A job runs on the thread pool with its OWN database connection (one connection per thread), reports
progress through signals, and hands its result or its exception back to the GUI thread, which shows
a VfkError as a message and re-raises anything else for the crash hook.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from vfk_desktop.domain.errors import VfkError

Work = Callable[["JobContext"], object]


class JobSignals(QObject):
    progress = Signal(float, str)  # fraction done, what is happening
    finished = Signal(object)
    failed = Signal(object)


class JobContext:
    """What a job's work function receives: its own store, progress reporting, the Cancel flag."""

    def __init__(self, db_path: Path, signals: JobSignals, cancel: threading.Event) -> None:
        self.db_path = db_path
        self._signals = signals
        self._cancel = cancel
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from vfk_desktop.store.connection import open_store

            self._store = open_store(self.db_path)
        return self._store

    def progress(self, fraction: float, message: str = "") -> None:
        self._signals.progress.emit(max(0.0, min(1.0, fraction)), message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


class Job(QRunnable):
    def __init__(self, db_path: Path, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self.cancel = threading.Event()
        self.done = threading.Event()
        self._db_path, self._work = db_path, work

    def run(self) -> None:
        context = JobContext(self._db_path, self.signals, self.cancel)
        try:
            result = self._work(context)
        except BaseException as error:  # handed back: only the GUI thread shows dialogs
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            context.close()
            self.done.set()


def run_job(parent: QWidget, title: str, db_path: Path, work: Work,
            on_done: Callable[[object], None],
            on_failed: Callable[[BaseException], None] | None = None) -> Job:
    """Start work on the thread pool behind a progress dialog whose Cancel stops it."""
    job = Job(db_path, work)
    dialog = QProgressDialog(title, "Cancel", 0, 1000, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    dialog.canceled.connect(job.cancel.set)
    parent._running_jobs = [*getattr(parent, "_running_jobs", []), job]  # keep it alive

    def forget() -> None:
        dialog.close()
        dialog.deleteLater()
        parent._running_jobs = [j for j in parent._running_jobs if j is not job]

    def progress(fraction: float, message: str) -> None:
        dialog.setValue(int(fraction * 1000))
        if message:
            dialog.setLabelText(message)

    def finished(result: object) -> None:
        forget()
        on_done(result)

    def failed(error: BaseException) -> None:
        forget()
        if on_failed is not None:
            on_failed(error)
        elif isinstance(error, VfkError):
            QMessageBox.warning(parent, title, str(error))
        else:
            raise error

    job.signals.progress.connect(progress)
    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
    return job
