"""Run short work in the background and get the result back on the GUI thread (Anki's pattern).

`TaskManager.run(fn, on_done)` runs `fn()` in a thread pool; `on_done(Future)` is called on the
GUI thread. Never touch widgets inside `fn`. Work cancelled at shutdown never ran: its `on_done` is
not called (the window it would update is going away); neither is an `on_done` whose widget was
deleted meanwhile (a wizard closed while the store was read): `owner`, or the QObject a bound
method belongs to. Each `on_done` is isolated: one that raises is logged and the others still run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from shiboken6 import isValid

T = TypeVar("T")
log = logging.getLogger(__name__)


class TaskManager(QObject):
    _pending = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="task")
        self._closures: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._pending.connect(self._drain)

    def run(self, fn: Callable[[], T], on_done: Callable[[Future[T]], Any],
            owner: QObject | None = None) -> Future[T]:
        future = self._executor.submit(fn)
        bound = getattr(on_done, "__self__", None)  # a widget's method: that widget owns the answer
        target = owner if owner is not None else bound if isinstance(bound, QObject) else None

        def deliver(f: Future[T]) -> None:
            if target is None or isValid(target):
                on_done(f)

        def done(f: Future[T]) -> None:
            if f.cancelled():  # shutdown(cancel_futures=True): nothing ran, nothing to show
                return
            with self._lock:
                self._closures.append(lambda: deliver(f))
            self._pending.emit()  # queued to the GUI thread

        future.add_done_callback(done)
        return future

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            closures, self._closures = self._closures, []
        for c in closures:
            try:
                c()
            except Exception:  # one callback's bug must not drop the others' results
                log.exception("a background task's callback failed")

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
