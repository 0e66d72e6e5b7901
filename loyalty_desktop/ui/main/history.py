"""Reads what the main window's tabs show from the store, in the background: the last runs and
the segment counts (one store opening for both). A refresh asked while one runs is done after it."""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from loyalty_desktop import service
from loyalty_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:  # counted in the background, after the first paint
    from loyalty_desktop.store.store import RunRecord
    from loyalty_desktop.sync.segments import SegmentReport

RUNS_SHOWN = 50


class History(QObject):
    loaded = Signal(object, object)  # list[RunRecord], SegmentReport
    failed = Signal(object)  # the exception (e.g. a store written by a newer version)

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.refreshing = False
        self.closed = False  # the window closed: no more reads, late answers dropped
        self.report: SegmentReport | None = None
        self._again = False

    def refresh(self) -> None:
        """Re-read the run history and count the segments."""
        if self.closed:
            return
        if self.refreshing:
            self._again = True
            return
        self.refreshing = True

        def work() -> tuple[list[RunRecord], SegmentReport]:
            return service.run_history(RUNS_SHOWN)

        self.tasks.run(work, self._done)

    def _done(self, fut: Future[tuple[list[RunRecord], SegmentReport]]) -> None:
        self.refreshing = False
        if self.closed:
            return
        try:
            runs, report = fut.result()
        except Exception as exc:  # noqa: BLE001 - the window says it in plain words
            self.failed.emit(exc)
        else:
            self.report = report
            self.loaded.emit(runs, report)
        if self._again:
            self._again = False
            self.refresh()
