"""Seeded fault injection (random 429/500/dropped connection, added latency)."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field


@dataclass
class Faults:
    """Fault injection settings; assign a new instance at runtime to change them.

    Each request draws one number from a ``random.Random(seed)``: below ``rate_drop`` the
    connection is closed without a response, then ``rate_500`` gives a 500, then ``rate_429`` an
    (injected) 429. ``latency_s`` is added before every response. ``revoke_after_requests`` is
    interpreted by the emulator (revoke the key in use after N more authenticated requests).
    An injected 429 carries ``Retry-After: retry_after_s``.
    """

    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_drop: float = 0.0
    latency_s: float = 0.0
    revoke_after_requests: int | None = None
    seed: int = 0
    retry_after_s: int = 1  # what an injected 429 asks the client to wait
    _rng: random.Random = field(init=False, repr=False, compare=False)
    _lock: threading.Lock = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("rate_429", "rate_500", "rate_drop"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"{name} must be within [0, 1]")
        if self.rate_429 + self.rate_500 + self.rate_drop > 1.0:
            raise ValueError("fault rates add up to more than 1")
        if self.latency_s < 0:
            raise ValueError("latency_s must be >= 0")
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    def draw(self) -> str | None:
        """``'drop'``, ``'500'``, ``'429'`` or ``None`` for this request."""
        if not (self.rate_drop or self.rate_500 or self.rate_429):
            return None
        with self._lock:
            r = self._rng.random()
        if r < self.rate_drop:
            return "drop"
        r -= self.rate_drop
        if r < self.rate_500:
            return "500"
        r -= self.rate_500
        if r < self.rate_429:
            return "429"
        return None
