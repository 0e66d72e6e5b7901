"""Python's cycle collector runs on the GUI thread only (qutebrowser's GarbageCollector).

Left to itself, the collector runs in whichever thread happens to allocate: a worker thread, a
sandbox's HTTP thread. When it frees an unreachable Qt object there, Qt cannot stop that object's
timers from another thread ("Timers cannot be stopped from another thread"), the timer outlives
the object and its next tick crashes the app. So automatic collection is off and this timer
collects, generation by generation as the collector itself would, on the GUI thread.

This is thread safety for Qt objects (qutebrowser does the same), not a responsiveness tweak: the
GC pauses and the GIL switch interval the app once tuned for a sync in a GUI-process thread are
gone since syncs and spreadsheet checks run in the worker process (worker/, ui/worker_process.py).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_due() -> int:
    """Collect the generations whose counts passed their thresholds; the objects freed."""
    gen0, gen1, gen2 = gc.get_count()
    t0, t1, t2 = gc.get_threshold()
    freed = 0
    if gen0 > t0:
        freed += gc.collect(0)
        if gen1 > t1:
            freed += gc.collect(1)
            if gen2 > t2:
                freed += gc.collect(2)
    return freed


class MainThreadGC(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(collect_due)
        self._timer.start(interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
