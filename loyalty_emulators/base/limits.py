"""Per-bucket fixed-window request counters (burst/steady/daily), on the emulators' clock."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from loyalty_emulators import clock as emclock


@dataclass(frozen=True)
class WindowState:
    limit: int
    window_s: float
    remaining: int
    reset_s: int  # whole seconds until this window resets (ceil)


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    retry_after_s: int  # only meaningful when not allowed (>= 1)
    windows: tuple[WindowState, ...]


class FixedWindowLimiter:
    """Fixed-window counters keyed by ``(bucket, window length)``.

    A window opens at the first request after the previous one expired and lasts
    ``window_s - tolerance`` seconds, where ``tolerance = min(0.1, window_s / 10)``. The small
    tolerance absorbs scheduling jitter between a client's send time and our receive time, so a
    client that never sends more than ``limit`` requests in any ``window_s`` span is never
    throttled, while a client ignoring the limit is. Rejected requests are not counted.
    Time: the emulators' clock (:mod:`loyalty_emulators.clock`) unless ``clock`` is given.
    """

    def __init__(self, clock: Callable[[], float] = emclock.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[tuple[Hashable, float], list[float]] = {}  # -> [start, count]

    @staticmethod
    def effective_length(window_s: float) -> float:
        return window_s - min(0.1, window_s / 10.0)

    def hit(self, bucket: Hashable, limits: Sequence[tuple[int, float]],
            now: float | None = None) -> RateDecision:
        """Count one request against every ``(limit, window_s)``; refuse if any is full."""
        now = self._clock() if now is None else now
        with self._lock:
            states = []
            for limit, window_s in limits:
                key = (bucket, window_s)
                w = self._windows.get(key)
                length = self.effective_length(window_s)
                if w is None or now >= w[0] + length:
                    w = [now, 0.0]
                    self._windows[key] = w
                states.append((limit, window_s, w, length))
            blocked = [(w[0] + length - now) for limit, _, w, length in states if w[1] >= limit]
            if blocked:
                retry = max(1, math.ceil(max(blocked)))
                return RateDecision(False, retry, tuple(
                    WindowState(lim, ws, max(0, lim - int(w[1])), max(0, math.ceil(w[0] + ln - now)))
                    for lim, ws, w, ln in states))
            out = []
            for limit, window_s, w, length in states:
                w[1] += 1
                out.append(WindowState(limit, window_s, max(0, limit - int(w[1])),
                                       max(0, math.ceil(w[0] + length - now))))
            return RateDecision(True, 0, tuple(out))

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()
