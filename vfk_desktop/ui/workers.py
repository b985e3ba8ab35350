"""Long jobs (imports, exports, reports) off the GUI thread, with a progress dialog and Cancel.

A job runs on the thread pool with its OWN database connection (one connection per thread), reports
progress through signals, and hands its result or its exception back to the GUI thread, which shows
a VfkError as a message and re-raises anything else for the crash hook.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.logs import log_refusal

Work = Callable[["JobContext"], object]
SHOW_AFTER_MS = 400  # a job quicker than this never flashes a progress dialog
BREATHE_EVERY_S, BREATHE_FOR_S = 0.04, 0.01


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
        self._last_breath = time.monotonic()

    @property
    def store(self):
        if self._store is None:
            from vfk_desktop.store.connection import open_store

            self._store = open_store(self.db_path)
        return self._store

    def progress(self, fraction: float, message: str = "") -> None:
        self._signals.progress.emit(max(0.0, min(1.0, fraction)), message)
        self.breathe()

    def breathe(self) -> None:
        """Pause a moment now and then so the window can repaint.

        Painting calls back into Python for every cell; while this thread runs Python those calls
        each wait for the interpreter lock, and a repaint took seconds. A 10 ms pause in every
        40 ms of work lets the window paint in one go (the job is ~20 % slower in the window only).
        """
        now = time.monotonic()
        if now - self._last_breath > BREATHE_EVERY_S:
            time.sleep(BREATHE_FOR_S)
            self._last_breath = time.monotonic()

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


class ProgressDialog(QDialog):
    """A window-modal progress bar with Cancel.

    Not QProgressDialog: its setValue() re-enters the event loop while modal, which starved the
    window's timers for the whole length of an import (measured: 2 s without a timer firing).
    """

    canceled = Signal()

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("progress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(title, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setAccessibleName("Progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)

    def set_progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if message:
            self.label.setText(message)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling…")
        self.canceled.emit()

    def reject(self) -> None:  # Escape or the window's close button mean Cancel
        self._cancel()


def show_failure(window: QWidget, title: str, error: BaseException,
                 cancelled: type[BaseException] | None = None) -> None:
    """How a job's failure is shown: the officer's Cancel in the status bar, a refusal in a message
    box (and the log, without its sentence), anything else to the crash hook."""
    if cancelled is not None and isinstance(error, cancelled):
        window.statusBar().showMessage(str(error), 10000)
    elif isinstance(error, VfkError):
        log_refusal(title, error)
        QMessageBox.warning(window, title, str(error))
    else:
        raise error


def run_job(parent: QWidget, title: str, db_path: Path, work: Work,
            on_done: Callable[[object], None],
            on_failed: Callable[[BaseException], None] | None = None) -> Job:
    """Start work on the thread pool behind a progress dialog whose Cancel stops it."""
    job = Job(db_path, work)
    dialog = ProgressDialog(title, parent)
    dialog.canceled.connect(job.cancel.set)
    QTimer.singleShot(SHOW_AFTER_MS, lambda: None if job.done.is_set() else dialog.show())
    parent._running_jobs = [*getattr(parent, "_running_jobs", []), job]  # keep it alive

    def forget() -> None:
        dialog.hide()
        dialog.deleteLater()
        parent._running_jobs = [j for j in parent._running_jobs if j is not job]

    def finished(result: object) -> None:
        forget()
        on_done(result)

    def failed(error: BaseException) -> None:
        forget()
        if on_failed is not None:
            on_failed(error)
        else:
            show_failure(parent, title, error)

    job.signals.progress.connect(dialog.set_progress)
    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
    return job
