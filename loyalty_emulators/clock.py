"""The emulators' one clock: every "now" and every wait in loyalty_emulators comes from here.

The emulators import nothing from the product, so they cannot read its clock; instead the product
(or a test) hands them one: ``set_clock(Clock(now=...))`` or ``use_clock(...)``. Any object with
``now()``/``monotonic()``/``sleep()`` fits :meth:`Clock.following` (the product's clock module or a
``FakeClock``), so a fake clock that stands still also stands still for the emulators' rate limits,
token lifetimes, job progress and injected latency.

Defaults: the machine's UTC time, ``time.monotonic`` and ``time.sleep``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ClockSource(Protocol):
    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


@dataclass(frozen=True)
class Clock:
    """Where the emulators read time: wall time (aware UTC), monotonic seconds, and how they wait."""

    now: Callable[[], datetime] = _utc_now
    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep

    @classmethod
    def following(cls, source: ClockSource, *, wall_only: bool = False) -> Clock:
        """Read ``source`` at every call (so a clock installed in it later is followed too).
        ``wall_only``: take only its wall time; keep the machine's monotonic time and real sleeps."""
        # The lambdas look `source`'s functions up at each call (late binding), hence the noqa.
        if wall_only:
            return cls(now=lambda: source.now())  # noqa: PLW0108
        return cls(now=lambda: source.now(), monotonic=lambda: source.monotonic(),  # noqa: PLW0108
                   sleep=lambda s: source.sleep(s))  # noqa: PLW0108


_current = Clock()


def get_clock() -> Clock:
    return _current


def set_clock(clock: Clock | None) -> Clock:
    """Install ``clock`` (None: the machine's); returns the previous one."""
    global _current  # noqa: PLW0603 - the one process-wide clock, swapped by tests
    previous = _current
    _current = clock if clock is not None else Clock()
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


def monotonic() -> float:
    return _current.monotonic()


def sleep(seconds: float) -> None:
    if seconds > 0:
        _current.sleep(seconds)
