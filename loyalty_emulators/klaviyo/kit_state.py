"""What the Klaviyo sandbox holds for the marketing kit: segments, templates, flows and their actions,
the daily caps of the operations that have one, and the clock segments are evaluated against.

Everything here is guarded by the sandbox's ``SandboxState.lock`` (segment membership reads the
profiles and events it holds).
"""

from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators.klaviyo.kit_segments import CompiledDefinition, members
from loyalty_emulators.klaviyo.state import SandboxProfile, SandboxState

DAY_S = 86_400.0


@dataclass
class SandboxSegment:
    id: str
    name: str
    definition: dict[str, Any]  # as sent
    compiled: CompiledDefinition = field(repr=False)
    created: datetime
    updated: datetime
    is_active: bool = True
    is_starred: bool = False
    processing_until: float = 0.0  # monotonic: "is_processing" until then, like Klaviyo's async build
    joined: dict[str, datetime] = field(default_factory=dict, repr=False)  # profile id -> joined_group_at


@dataclass
class SandboxTemplate:
    id: str
    name: str
    editor_type: str
    html: str
    text: str | None
    amp: str | None
    created: datetime
    updated: datetime


@dataclass
class SandboxFlowAction:
    id: str
    flow_id: str
    type: str  # "time-delay", "send-email", "conditional-split"
    definition: dict[str, Any]  # the action object as the flow definition renders it
    status: str
    created: datetime
    updated: datetime


@dataclass
class SandboxFlow:
    id: str
    name: str
    status: str
    trigger_type: str
    definition: dict[str, Any]  # with real action ids
    action_ids: list[str]
    created: datetime
    updated: datetime
    archived: bool = False


class DailyCaps:
    """Daily caps (``x-klaviyo-ratelimit.daily``) per operation, for the whole account.

    Klaviyo counts "segments created per day" per account, not per key, so unlike the burst and
    steady windows these ignore which key is used. A window opens with the first request counted
    and lasts 24 hours (fixed windows, like the other limits); tests move the counter directly.
    """

    def __init__(self, clock: Any = emclock.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, list[float]] = {}  # op id -> [start, count]

    def _window(self, op_id: str, now: float) -> list[float]:
        w = self._windows.get(op_id)
        if w is None or now >= w[0] + DAY_S:
            w = self._windows[op_id] = [now, 0.0]
        return w

    def hit(self, op_id: str, limit: int, now: float | None = None) -> int | None:
        """Count one request; ``None`` if allowed, else the seconds until the window resets."""
        now = self._clock() if now is None else now
        with self._lock:
            w = self._window(op_id, now)
            if w[1] >= limit:
                return max(1, math.ceil(w[0] + DAY_S - now))
            w[1] += 1
            return None

    def used(self, op_id: str) -> int:
        with self._lock:
            return int(self._window(op_id, self._clock())[1])

    def set_used(self, op_id: str, count: int) -> None:
        with self._lock:
            self._window(op_id, self._clock())[1] = float(count)

    def reset(self, op_id: str | None = None) -> None:
        with self._lock:
            if op_id is None:
                self._windows.clear()
            else:
                self._windows.pop(op_id, None)


class KitState:
    def __init__(self) -> None:
        self.segments: dict[str, SandboxSegment] = {}
        self.templates: dict[str, SandboxTemplate] = {}
        self.flows: dict[str, SandboxFlow] = {}
        self.actions: dict[str, SandboxFlowAction] = {}
        self._action_ids = itertools.count(100_001)  # Klaviyo's flow action ids are numeric strings
        self.fixed_now: datetime | None = None
        self.daily = DailyCaps()

    def now(self) -> datetime:
        """The instant relative dates are evaluated against: the fixed clock, else UTC now."""
        return self.fixed_now or emclock.now()

    def set_clock(self, when: datetime | date | None) -> None:
        if when is None or isinstance(when, datetime):
            self.fixed_now = None if when is None else (
                when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
        else:  # a date: midnight UTC, which is how Klaviyo reads a date without a time
            self.fixed_now = datetime(when.year, when.month, when.day, tzinfo=UTC)

    def new_action_id(self) -> str:
        return str(next(self._action_ids))

    def refresh_members(self, seg: SandboxSegment, state: SandboxState) -> list[tuple[SandboxProfile, datetime]]:
        """Evaluate the segment now; keeps each member's joined_group_at while it stays a member."""
        stamp = emclock.now().replace(microsecond=0)
        current = members(seg.compiled, state, self.now())
        seg.joined = {p.id: seg.joined.get(p.id, stamp) for p in current}
        return [(p, seg.joined[p.id]) for p in current]
