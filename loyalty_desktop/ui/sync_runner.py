"""The sync runner: one sync at a time in a worker process (ui/worker_process.py), its JSON lines
turned back into the engine's Progress and RunSummary for the window and the wizard."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from loyalty_desktop.core import platforms
from loyalty_desktop.core.errors import CancelledError, user_message
from loyalty_desktop.sync.summary import RunStatus, RunSummary
from loyalty_desktop.ui.i18n import translate_core
from loyalty_desktop.ui.worker_process import WorkerProcess
from loyalty_desktop.worker import protocol
from loyalty_desktop.worker.protocol import Message, MessageKind, Request, RequestKind, SyncJob

log = logging.getLogger(__name__)


class SyncRunner(QObject):
    """Start one sync at a time; `cancel()` asks the worker to stop at its next safe point (and
    kills it after a grace period: the outbox makes that safe); `wait()` waits for the process."""

    progress = Signal(object)  # engine.Progress
    finished = Signal(object)  # engine.RunSummary
    failed = Signal(str)  # the user-facing message (the worker died, could not connect…)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = WorkerProcess(self)
        self.worker.message.connect(self._on_message)
        self.worker.ended.connect(self._on_ended)
        self._label = ""

    @property
    def running(self) -> bool:
        return self.worker.running

    def start(self, job: SyncJob) -> None:
        """`job` (worker.jobs.sync_job): what to sync; `confirmed` in it: the user agreed to the
        live events a previous run stopped on (NEEDS_CONFIRMATION)."""
        if self.running:
            raise RuntimeError("a sync is already running")
        self._label = platforms.label(job.target)
        self.worker.start(Request(RequestKind.SYNC, job))

    def cancel(self) -> None:
        self.worker.cancel()

    def kill(self) -> None:
        """Stop the worker at once (shutdown): the next run resumes from the outbox."""
        self.worker.kill()

    def wait(self, ms: int = 10_000) -> bool:
        """Wait for the worker to end (shutdown); after `ms`, kill it (safe: the outbox) and return False."""
        if self.worker.wait(ms):
            return True
        self.worker.kill()
        self.worker.wait(5_000)
        return False

    @Slot(object)
    def _on_message(self, msg: Message) -> None:
        if msg.kind is MessageKind.PROGRESS and msg.progress is not None:
            self.progress.emit(msg.progress)
        elif msg.kind is MessageKind.LOG:
            log.info("worker: %s", msg.text)

    @Slot(object)
    def _on_ended(self, final: Message | None) -> None:
        if final is not None and final.summary is not None:
            self.finished.emit(final.summary)
        elif final is not None and final.error is not None and final.error.type == CancelledError.__name__:
            self.finished.emit(RunSummary(0, RunStatus.CANCELLED))  # cancelled before the run began
        elif final is not None and final.error is not None:
            exc = protocol.rebuild_error(final.error)
            self.failed.emit(user_message(exc, self._label, tr=translate_core))
        elif self.worker.cancel_requested:  # stopped by force after the cancel's grace period
            self.finished.emit(RunSummary(0, RunStatus.CANCELLED))
        else:
            self.failed.emit(self.tr(
                "The sync process stopped unexpectedly (it crashed or was ended by the system). Nothing is "
                "lost: the next sync resumes where this one stopped, without sending anything twice."))
