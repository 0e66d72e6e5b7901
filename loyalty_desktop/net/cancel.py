"""Cooperative cancellation (`CancelToken`), apart from the HTTP layer (net.client) that uses it: the
GUI holds tokens from its first window on, and importing net.client (ssl, OpenSSL) cost start-up
time the window does not need (issue 18)."""

from __future__ import annotations

import threading

from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import CancelledError


class CancelToken:
    """Cooperative cancellation: checked between batches and inside every wait."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise CancelledError()

    def sleep(self, seconds: float) -> None:
        """Sleep on the product clock, waking at once (and raising CancelledError) if cancelled."""
        if seconds > 0 and clock.wait(self._event, seconds):
            raise CancelledError()
        self.check()
