"""When the automatic sync runs: the merchant's schedule and the arithmetic of the next run.

Pure (no Qt, no OS): the tray's timer (ui/main/auto_sync.py), the OS scheduler entries
(`loyalty-desktop schedule install`) and the health display all read the same `Schedule` and ask
`next_run()`. The next run counts from the LAST run (kept in the store's run history), never from
the app's launch, so a restart keeps the promise and a run missed while the computer slept or was
off is due at once (`is_due`) — Vorta's scheduler does the same after a wake.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any

# Offline or a refused connection: wait, then try again, doubling up to an hour.
RETRY_FIRST = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=1)
# No successful sync for this long: red in the window and the tray.
STALE_AFTER = timedelta(hours=48)


class Cadence(str, enum.Enum):
    DAILY = "daily"  # every day at `daily_at`, local time
    EVERY_HOURS = "every_hours"  # every `every_hours` hours after the last run


@dataclass(frozen=True)
class Schedule:
    enabled: bool = False
    cadence: Cadence = Cadence.DAILY
    daily_at: time = time(6, 0)
    every_hours: int = 24

    def __post_init__(self) -> None:
        if not 1 <= self.every_hours <= 168:
            raise ValueError(f"every_hours must be 1..168, not {self.every_hours}")

    def to_json(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "cadence": self.cadence.value,
            "daily_at": self.daily_at.strftime("%H:%M"),
            "every_hours": self.every_hours,
        }

    @classmethod
    def from_json(cls, raw: object) -> Schedule:
        """Lenient: a hand-edited or older settings file gives the default for what it lacks."""
        if not isinstance(raw, dict):
            return cls()
        base = cls()
        try:
            cadence = Cadence(raw.get("cadence", base.cadence.value))
        except ValueError:
            cadence = base.cadence
        try:
            hh, mm = str(raw.get("daily_at", "")).split(":")
            at = time(int(hh), int(mm))
        except ValueError:
            at = base.daily_at
        hours = raw.get("every_hours", base.every_hours)
        if not isinstance(hours, int) or isinstance(hours, bool) or not 1 <= hours <= 168:
            hours = base.every_hours
        return cls(bool(raw.get("enabled", base.enabled)), cadence, at, hours)

    @classmethod
    def every(cls, hours: int) -> Schedule:
        return cls(enabled=True, cadence=Cadence.EVERY_HOURS, every_hours=hours)

    def turned(self, enabled: bool) -> Schedule:
        return replace(self, enabled=enabled)


def next_run(schedule: Schedule, last_run: datetime | None, now: datetime) -> datetime | None:
    """When the next automatic run is due (local, aware datetimes in and out); None when off.

    Never run before: due now. Daily: the first `daily_at` after the last run (so a run missed
    last night is due now, and a manual run at 10:00 does not skip tomorrow's 06:00). Every N
    hours: N hours after the last run. A result in the past means "missed: run now"."""
    if not schedule.enabled:
        return None
    if last_run is None:
        return now
    if schedule.cadence is Cadence.EVERY_HOURS:
        return last_run + timedelta(hours=schedule.every_hours)
    candidate = datetime.combine(last_run.date(), schedule.daily_at, tzinfo=last_run.tzinfo)
    if candidate <= last_run:
        candidate = datetime.combine(
            last_run.date() + timedelta(days=1), schedule.daily_at, tzinfo=last_run.tzinfo
        )
    return candidate


def is_due(schedule: Schedule, last_run: datetime | None, now: datetime) -> bool:
    due = next_run(schedule, last_run, now)
    return due is not None and due <= now


def retry_delay(failures: int) -> timedelta:
    """Wait before retry number `failures` (1, 2, ...) after an offline/unreachable attempt."""
    delay: timedelta = RETRY_FIRST * 2 ** min(max(0, failures - 1), 12)
    return min(delay, RETRY_MAX)


def is_stale(last_success: datetime | None, now: datetime) -> bool:
    """No successful sync for 48 hours (or ever, once a schedule exists): shown in red."""
    return last_success is None or now - last_success >= STALE_AFTER


def from_settings(schedule_json: dict[str, Any], auto_sync_hours: int) -> Schedule:
    """The saved schedule; a settings file from before schedules existed keeps its "every N hours"."""
    if schedule_json:
        return Schedule.from_json(schedule_json)
    if 1 <= auto_sync_hours <= 168:
        return Schedule.every(auto_sync_hours)
    return Schedule()
