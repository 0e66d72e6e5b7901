"""The spreadsheet check in the worker process, for the wizard's spreadsheet panel: one check per
request (a newer one cancels the older), its result handed back as a Future the panel reads."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from loyalty_desktop.core import paths
from loyalty_desktop.core.errors import CancelledError
from loyalty_desktop.service_sheets import SheetCheck
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.worker_process import WorkerProcess
from loyalty_desktop.worker import protocol, sheets
from loyalty_desktop.worker.protocol import Message, Request, RequestKind, SheetJob

log = logging.getLogger(__name__)

CANCEL_GRACE_MS = 2_000  # a check holds nothing to keep: a superseded one is killed soon


class SheetChecker(QObject):
    def __init__(self, tasks: Callable[[], TaskManager], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.worker: WorkerProcess | None = None

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.running

    def start(self, members: str, ledger: str | None, done: Callable[[Future[SheetCheck]], None]) -> None:
        """Check the files in a worker process; `done(future)` once it ended (not after `cancel`)."""
        self.cancel()
        fd, name = tempfile.mkstemp(prefix="loyalty-desktop-rejects-", suffix=".csv")
        os.close(fd)
        rejects = Path(name)
        worker = self.worker = WorkerProcess(self)
        worker.ended.connect(lambda final: self._ended(worker, final, rejects, done))
        worker.start(Request(RequestKind.CHECK_SHEET, SheetJob(members, str(rejects), ledger, str(paths.data_dir()))))

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel(CANCEL_GRACE_MS)
            self.worker = None

    def _ended(self, worker: WorkerProcess, final: Message | None, rejects: Path,
               done: Callable[[Future[SheetCheck]], None]) -> None:
        worker.deleteLater()
        if worker is not self.worker:  # cancelled or superseded: nobody waits for it
            rejects.unlink(missing_ok=True)
            return
        self.worker = None
        if final is not None and final.result is not None:
            # Read off the GUI thread: a big check's result is about 10 ms of Python, and filling the
            # panel about 10 ms more; together they stalled the window over a frame (20-23 ms).
            result = final.result
            self._tasks().run(lambda: _read_result(result, rejects), done, owner=self)
            return
        future: Future[SheetCheck] = Future()
        rejects.unlink(missing_ok=True)
        if final is not None and final.error is not None:
            exc = protocol.rebuild_error(final.error)
            future.set_exception(CancelledError() if isinstance(exc, CancelledError) else exc)
        else:
            future.set_exception(RuntimeError(self.tr(
                "The process checking the spreadsheet stopped unexpectedly (it crashed or was ended by the "
                "system). Choose the file again to check it again.")))
        done(future)


def _read_result(result: dict[str, Any], rejects: Path) -> SheetCheck:
    """The check the worker reported; it takes the rejects file over (deleted when the check is closed)."""
    try:
        return sheets.read_result(result, rejects)
    except Exception:
        log.info("the worker's spreadsheet check could not be read", exc_info=True)
        rejects.unlink(missing_ok=True)
        raise
