"""The one clock. Every "now" in product code comes from here, so a test (or a demo) can pin it.

`now()` is an aware UTC datetime, `local_now()` the same instant in the machine's time zone,
`today()` the local date. `monotonic()` and `sleep()` measure and spend waits (retry back-off,
rate limits): a `FakeClock` makes them instant and deterministic.

`LOYALTY_DESKTOP_NOW` (ISO 8601, e.g. `2028-02-29T09:30:00+00:00`) starts the clock at that
instant in a child process (CLI runs in tests, the worker); time then moves on as usual.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

ENV_NOW = "LOYALTY_DESKTOP_NOW"


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware UTC datetime."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Sleep up to `seconds`, waking early when `event` is set; True if it was."""


class SystemClock:
    """The machine's clock, optionally shifted by a fixed offset (`LOYALTY_DESKTOP_NOW`)."""

    def __init__(self, offset: timedelta = timedelta(0)) -> None:
        self.offset = offset

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(min(seconds, threading.TIMEOUT_MAX))

    def wait(self, event: threading.Event, seconds: float) -> bool:
        if not seconds > 0:  # also NaN
            return event.is_set()
        return event.wait(min(seconds, threading.TIMEOUT_MAX))  # an absurd wait must not overflow


class FakeClock:
    """A clock that only moves when told to: `sleep` and `advance` move both `now` and
    `monotonic` at once, without waiting. Thread-safe."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._mono = 1000.0
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def sleep(self, seconds: float) -> None:
        self.advance(seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Instant: the whole wait passes unless `event` is already set."""
        if event.is_set():
            return True
        self.advance(min(seconds, 1e9) if seconds > 0 else 0.0)  # NaN, inf: no overflow
        return event.is_set()

    def advance(self, seconds: float = 0.0, *, days: float = 0.0) -> None:
        step = timedelta(seconds=max(0.0, seconds), days=max(0.0, days))
        with self._lock:
            self._now += step
            self._mono += step.total_seconds()

    def set(self, when: datetime) -> None:
        """Jump to `when` (forward or back: a user can change the machine's clock)."""
        with self._lock:
            self._now = when.astimezone(UTC)


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant; a naive one is taken as UTC. Raises ValueError."""
    when = datetime.fromisoformat(text.strip())
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _from_environment() -> Clock:
    pinned = os.environ.get(ENV_NOW, "").strip()
    if not pinned:
        return SystemClock()
    return SystemClock(parse_instant(pinned) - datetime.now(UTC))


_current: Clock = _from_environment()


def inherited_now() -> str | None:
    """What a child process (the worker) sets `LOYALTY_DESKTOP_NOW` to, so its clock starts at this
    one's "now" when this one is not the machine's (pinned, shifted, a test's fake); None when it is."""
    if isinstance(_current, SystemClock) and _current.offset == timedelta(0):
        return None
    return _current.now().isoformat()


def get_clock() -> Clock:
    return _current


def set_clock(clock: Clock | None) -> Clock:
    """Install `clock` (None: back to the machine's clock, honouring `LOYALTY_DESKTOP_NOW`);
    returns the previous one."""
    global _current  # noqa: PLW0603 - the one process-wide clock
    previous = _current
    _current = clock if clock is not None else _from_environment()
    return previous


@contextmanager
def use_clock(clock: Clock) -> Iterator[Clock]:
    previous = set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)


def now() -> datetime:
    return _current.now()


def local_now() -> datetime:
    return _current.now().astimezone()


def today() -> date:
    return local_now().date()


def now_iso() -> str:
    return _current.now().isoformat()


def monotonic() -> float:
    return _current.monotonic()


def sleep(seconds: float) -> None:
    _current.sleep(seconds)


def wait(event: threading.Event, seconds: float) -> bool:
    """Sleep up to `seconds` or until `event` is set (True if it was): interruptible waits."""
    own = getattr(_current, "wait", None)
    if own is None:  # a clock without `wait`: its sleep, then the event
        _current.sleep(seconds)
        return event.is_set()
    return bool(own(event, seconds))
