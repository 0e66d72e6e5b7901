"""The sync worker: the engine in a QThread, progress and the result back as queued signals."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from loyalty_desktop import service
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sync.summary import Progress, RunSummary
from loyalty_desktop.ui.gc_pause import full_collections_paused
from loyalty_desktop.ui.i18n import translate_core

log = logging.getLogger(__name__)




class _Worker(QObject):
    progress = Signal(object)  # engine.Progress
    finished = Signal(object)  # engine.RunSummary
    failed = Signal(str)

    def __init__(self, conn: service.Connection, src: service.OpenSource, mapping: Mapping, backfill: bool,
                 cancel: CancelToken, confirmed: bool = False) -> None:
        super().__init__()
        self.conn, self.src, self.mapping, self.backfill, self.cancel = conn, src, mapping, backfill, cancel
        self.confirmed = confirmed

    @Slot()
    def run(self) -> None:
        try:
            with full_collections_paused(), service.open_store() as store:
                summary = service.sync(store, self.src.source, self.src.name, self.conn.dest, self.mapping,
                                       backfill=self.backfill, on_progress=self.progress.emit,
                                       confirmed=self.confirmed)
        except LoyaltyError as exc:  # another sync holds the folder, the store or the disk failed
            log.info("sync not run: %s", exc.message)
            self.failed.emit(user_message(exc, self.conn.label, tr=translate_core))
        except Exception as exc:
            log.exception("sync crashed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(summary)
        finally:
            # End the thread's event loop from inside, so a GUI thread blocked in wait() (closing the
            # window mid-sync) sees it finish without having to process the queued signal first.
            QThread.currentThread().quit()


class SyncRunner(QObject):
    """Start one sync at a time; `cancel()` stops it within a second; `wait()` joins the thread."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancel: CancelToken | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, conn: service.Connection, src: service.OpenSource, mapping: Mapping,
              backfill: bool = False, confirmed: bool = False) -> None:
        """`confirmed`: the user agreed to the live events a previous run stopped on (NEEDS_CONFIRMATION)."""
        if self.running:
            raise RuntimeError("a sync is already running")
        self._cancel = CancelToken()
        conn.use_cancel(self._cancel)  # a fresh token per run: an old cancel must not stick
        thread = QThread()
        thread.setObjectName("sync-worker")  # the OS thread's name: shows in top -H, py-spy, /proc
        worker = _Worker(conn, src, mapping, backfill, self._cancel, confirmed)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start(QThread.Priority.LowPriority)  # the GUI comes first

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def wait(self, ms: int = 10_000) -> bool:
        if self._thread is None:
            return True
        return bool(self._thread.wait(ms))

    def _end(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
        self._thread, self._worker = None, None

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        self.progress.emit(p)

    @Slot(object)
    def _on_finished(self, summary: RunSummary) -> None:
        self._end()
        self.finished.emit(summary)

    @Slot(str)
    def _on_failed(self, message: Any) -> None:
        self._end()
        self.failed.emit(message)
