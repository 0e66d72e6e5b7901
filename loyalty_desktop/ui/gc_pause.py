"""No full garbage collection while heavy background work runs (a sync, reading a big export).

A full collection walks every live object of the process holding the GIL — tens to hundreds of ms
once a worker holds many objects — so the GUI freezes whichever thread triggered it. Young
collections still run; the few cycles that reach the oldest generation wait for the work to end.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _FullCollections:
    """Counts the works under way: full collections resume when the last one ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs = 0
        self._threshold = gc.get_threshold()

    @contextmanager
    def paused(self) -> Iterator[None]:
        with self._lock:
            if self._runs == 0:
                self._threshold = gc.get_threshold()
                gc.set_threshold(self._threshold[0], self._threshold[1], 2**31 - 1)
            self._runs += 1
        try:
            yield
        finally:
            with self._lock:
                self._runs -= 1
                if self._runs == 0:
                    gc.set_threshold(*self._threshold)


_full_collections = _FullCollections()

full_collections_paused = _full_collections.paused  # `with full_collections_paused(): …`
