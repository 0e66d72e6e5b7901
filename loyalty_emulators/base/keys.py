"""The API keys an emulator accepts: what each grants, which are revoked, and the fault knob that
revokes the key in use after N more authenticated requests (``Faults.revoke_after_requests``)."""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

G = TypeVar("G")  # what a key grants: scopes, an API user…


class UnknownKey(Exception):
    """The key is not known, or was revoked."""


class KeyRing(Generic[G]):
    def __init__(self) -> None:
        self._grants: dict[str, G] = {}
        self._revoked: set[str] = set()
        self._countdown: int | None = None
        self.lock = threading.Lock()

    def add(self, key: str, grant: G) -> None:
        with self.lock:
            self._grants[key] = grant

    def revoke(self, key: str) -> None:
        with self.lock:
            self._revoked.add(key)

    def revoke_after(self, requests: int | None) -> None:
        """Revoke the key in use after this many more authenticated requests (None: never)."""
        with self.lock:
            self._countdown = requests

    def __len__(self) -> int:
        with self.lock:
            return len(self._grants)

    def peek(self, key: str) -> G:
        """What ``key`` grants, without counting a request; raises :class:`UnknownKey`."""
        with self.lock:
            return self._live(key)

    def use(self, key: str) -> G:
        """What ``key`` grants, counting one authenticated request; raises :class:`UnknownKey`."""
        with self.lock:
            grant = self._live(key)
            if self._countdown is not None:
                self._countdown -= 1
                if self._countdown <= 0:
                    self._revoked.add(key)
                    self._countdown = None
            return grant

    def _live(self, key: str) -> G:
        if key not in self._grants or key in self._revoked:
            raise UnknownKey()
        return self._grants[key]
