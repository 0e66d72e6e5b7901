"""The automatic sync: it keeps the schedule's promise while the app runs (in the window or the
tray). The schedule's arithmetic is `schedule.model`; this module drives it with a clock:

- the next run counts from the last run in the store's history (`set_anchor`), so a restart keeps
  the schedule and a run missed while the computer was off is due at launch;
- a coarse timer looks every minute; when the wall clock moved much further than the monotonic
  clock since the last look, the computer slept (or its clock was changed): a run missed meanwhile
  is caught up at once (Vorta's scheduler does the same after a wake);
- offline (when Qt can tell) it waits for the network; a failed attempt is retried after
  `retry_delay` (1 min, doubling up to an hour);
- it never starts a run while one runs (`busy`); the sync itself also holds the data-folder lock.

It decides when; the window starts the run (`due`) and reports how it ended (`run_ended`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.schedule import model
from loyalty_desktop.schedule.model import Schedule
from loyalty_desktop.ui.main.network_watch import NetworkWatch

log = logging.getLogger(__name__)

TICK_MS = 60_000
JUMP = timedelta(minutes=2)  # the wall clock ran this much ahead of the monotonic one: woke from sleep
LATE = timedelta(minutes=5)  # a run started this long after its time was missed (asleep, off, offline)


def schedule_of(settings: Settings) -> Schedule:
    return model.from_settings(settings.schedule, settings.auto_sync_hours)


def save_schedule(settings: Settings, schedule: Schedule) -> None:
    settings.schedule = schedule.to_json()
    settings.auto_sync_hours = 0  # superseded: the schedule says it all
    settings.save()


def enable_by_default(settings: Settings, demo: bool) -> bool:
    """After the first successful sync: turn the daily sync on, unless the merchant already chose
    (on or off) or this is the demo (kept off, but shown). True when it was turned on now."""
    if demo or settings.schedule or settings.auto_sync_hours:
        return False
    save_schedule(settings, Schedule(enabled=True))
    return True


class AutoSync(QObject):
    due = Signal()  # time for an automatic run
    missed = Signal(object)  # datetime: a run planned then did not happen; being caught up now
    changed = Signal()  # the next run moved (the health display re-reads it)

    def __init__(self, parent: QObject, busy: Callable[[], bool], network: NetworkWatch | None = None) -> None:
        super().__init__(parent)
        self.busy = busy
        self.network = network
        self.schedule = Schedule()
        self.anchor: datetime | None = None  # when the last run the schedule counts from ended
        self.known = False  # the anchor was read from the store (before that, nothing is due)
        self.failures = 0  # attempts in a row that failed
        self.retry_at: datetime | None = None
        self.offline = False
        self.woke_at: datetime | None = None  # the last wake from sleep seen (for the log and tests)
        self._missed_said: datetime | None = None
        self._wall = clocks.now()
        self._mono = clocks.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.check)
        if network is not None:
            network.back_online.connect(self._back_online)

    # -- what the window tells it -------------------------------------------------------------

    def apply(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.failures, self.retry_at = 0, None
        if schedule.enabled:
            self.timer.start()
        else:
            self.timer.stop()
        self.changed.emit()
        self.check()

    def set_anchor(self, anchor: datetime | None) -> None:
        """The last run the schedule counts from, as the store holds it (read in the background)."""
        self.anchor = anchor.astimezone() if anchor is not None else None
        self.known = True
        self.changed.emit()
        self.check()

    def run_ended(self, ok: bool) -> None:
        """A run (automatic or not) ended: `ok` when it counts for the schedule (see
        service_health.SCHEDULE_ANCHORS), else retry after the back-off."""
        now = clocks.local_now()
        if ok:
            self.failures, self.retry_at = 0, None
            self.anchor = now if self.anchor is None or self.anchor < now else self.anchor
        else:
            self.failures += 1
            self.retry_at = now + model.retry_delay(self.failures)
        self.changed.emit()

    def stop(self) -> None:
        self.timer.stop()

    # -- when ---------------------------------------------------------------------------------

    def next_run(self, now: datetime | None = None) -> datetime | None:
        """When the next automatic run starts (local time); None when off or not known yet."""
        if not self.schedule.enabled or not self.known:
            return None
        now = now or clocks.local_now()
        planned = model.next_run(self.schedule, self.anchor, now)
        if planned is None:
            return None
        if self.retry_at is not None and self.retry_at > planned:
            return self.retry_at
        return planned

    def check(self) -> None:
        """The timer's look (also after a wake, at launch, and when the network comes back)."""
        wall, mono = clocks.now(), clocks.monotonic()
        if (wall - self._wall) - timedelta(seconds=mono - self._mono) > JUMP:
            self.woke_at = wall.astimezone()
            log.info("the clock jumped ahead (the computer slept?): checking for a missed run")
        self._wall, self._mono = wall, mono
        if not self.schedule.enabled or not self.known or self.busy():
            return
        now = wall.astimezone()
        when = self.next_run(now)
        if when is None or when > now:
            return
        if self.network is not None and not self.network.online():
            if not self.offline:
                log.info("automatic sync due but the computer is offline: waiting for the network")
                self.offline = True
                self.changed.emit()
            return
        self.offline = False
        planned = model.next_run(self.schedule, self.anchor, now)
        if (self.anchor is not None and planned is not None and now - planned > LATE
                and self._missed_said != planned and self.failures == 0):
            self._missed_said = planned
            self.missed.emit(planned)
        # Until the run says how it ended, the next try is after the back-off (an attempt that
        # silently did not start — e.g. another program syncing — is retried, never lost).
        self.retry_at = now + model.retry_delay(self.failures + 1)
        log.info("automatic sync due (planned %s)", planned)
        self.due.emit()
        self.changed.emit()

    def _back_online(self) -> None:
        if self.offline or self.failures:
            self.retry_at = None  # the network is back: try now rather than at the end of the back-off
        self.offline = False
        self.check()
