"""The automatic sync's timing on a fake clock (no sleeping): a run missed while the app was closed
is due at launch, a sleep (the wall clock jumps, the monotonic one does not) is caught up at wake,
offline waits for the network and retries with back-off, a restart keeps the schedule (the next run
counts from the last run in the store), and nothing starts while a run is going."""

from __future__ import annotations

import os
from datetime import datetime, time, timedelta
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal

from loyalty_desktop import service_health
from loyalty_desktop.core import clock
from loyalty_desktop.core.clock import FakeClock
from loyalty_desktop.schedule.model import Schedule
from loyalty_desktop.service import open_store
from loyalty_desktop.store.runs import RunState
from loyalty_desktop.ui.main.auto_sync import AutoSync

pytestmark = pytest.mark.usefixtures("qapp")


class FakeNetwork(QObject):
    back_online = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.up = True

    def online(self) -> bool:
        return self.up

    def set(self, up: bool) -> None:
        was, self.up = self.up, up
        if up and not was:
            self.back_online.emit()


class Recorder:
    def __init__(self, auto: AutoSync) -> None:
        self.due = 0
        self.missed: list[datetime] = []
        auto.due.connect(self._due)
        auto.missed.connect(self.missed.append)

    def _due(self) -> None:
        self.due += 1


def make(busy: Any = lambda: False, network: Any = None) -> tuple[AutoSync, Recorder]:
    parent = QObject()
    auto = AutoSync(parent, busy, network)
    auto._test_parent = parent  # type: ignore[attr-defined]  # keep the parent alive with the object
    return auto, Recorder(auto)


def local(fake: FakeClock) -> datetime:
    return fake.now().astimezone()


DAILY_6 = Schedule(enabled=True, daily_at=time(6, 0))


def test_nothing_is_due_before_the_last_run_is_known_then_a_missed_run_is_due_at_launch(
        fake_clock: FakeClock) -> None:
    auto, rec = make()
    auto.apply(DAILY_6)
    assert auto.timer.isActive() and auto.timer.interval() == 60_000
    auto.check()
    assert rec.due == 0 and auto.next_run() is None  # the store was not read yet: no guess
    # The last run ended two days ago: yesterday's 06:00 run was missed while the app was closed.
    anchor = local(fake_clock) - timedelta(days=2)
    auto.set_anchor(anchor)
    assert rec.due == 1
    planned = datetime.combine(anchor.date() + timedelta(days=1), time(6, 0), tzinfo=anchor.tzinfo)
    assert rec.missed == [planned]
    auto.check()
    assert rec.due == 1  # not again while the attempt has not said how it ended
    auto.run_ended(True)
    nxt = auto.next_run()
    assert nxt is not None and nxt.time() == time(6, 0) and nxt > local(fake_clock)
    assert nxt - local(fake_clock) <= timedelta(days=1)


def test_sleep_then_wake_catches_up_the_run_missed_meanwhile(fake_clock: FakeClock) -> None:
    auto, rec = make()
    auto.apply(Schedule.every(4))
    auto.set_anchor(local(fake_clock))  # just ran
    fake_clock.advance(60)
    auto.check()
    assert rec.due == 0 and auto.woke_at is None
    # The lid closes for ten hours: the wall clock moves, the monotonic clock does not.
    fake_clock.set(fake_clock.now() + timedelta(hours=10))
    auto.check()
    assert auto.woke_at is not None
    assert rec.due == 1 and len(rec.missed) == 1  # four hours after the last run, caught up at wake
    # Awake and on time from then on: an ordinary minute is no jump.
    auto.run_ended(True)
    woke = auto.woke_at
    fake_clock.advance(60)
    auto.check()
    assert rec.due == 1 and auto.woke_at == woke
    assert auto.next_run() == local(fake_clock) - timedelta(seconds=60) + timedelta(hours=4)


def test_offline_waits_for_the_network_then_retries_with_back_off(fake_clock: FakeClock) -> None:
    net = FakeNetwork()
    net.up = False
    auto, rec = make(network=net)
    auto.apply(Schedule.every(6))
    auto.set_anchor(local(fake_clock) - timedelta(hours=7))
    assert rec.due == 0 and auto.offline  # due, but offline: wait
    fake_clock.advance(3600)
    auto.check()
    assert rec.due == 0
    net.set(True)  # back online: try at once
    assert rec.due == 1 and not auto.offline
    # The platform is still unreachable: 1 min, 2 min, 4 min between tries.
    for failures, wait in ((1, 60), (2, 120), (3, 240)):
        auto.run_ended(False)
        assert auto.failures == failures
        fake_clock.advance(wait - 1)
        auto.check()
        assert rec.due == failures  # not before the back-off
        fake_clock.advance(1)
        auto.check()
        assert rec.due == failures + 1
    auto.run_ended(True)
    assert auto.failures == 0 and auto.next_run() == local(fake_clock) + timedelta(hours=6)
    assert rec.missed == [] or len(rec.missed) == 1  # said once at most, never per retry


def test_an_attempt_that_never_reports_is_retried_after_the_back_off(fake_clock: FakeClock) -> None:
    auto, rec = make()
    auto.apply(Schedule.every(1))
    auto.set_anchor(None)  # never ran: due now
    assert rec.due == 1
    fake_clock.advance(30)
    auto.check()
    assert rec.due == 1
    fake_clock.advance(31)
    auto.check()
    assert rec.due == 2


def test_never_two_runs_at_once(fake_clock: FakeClock) -> None:
    running = [True]
    auto, rec = make(busy=lambda: running[0])
    auto.apply(Schedule.every(2))
    auto.set_anchor(local(fake_clock) - timedelta(hours=3))
    assert rec.due == 0  # a run is going (e.g. the user's Sync now): wait for it
    running[0] = False
    auto.check()
    assert rec.due == 1


def test_off_means_off(fake_clock: FakeClock) -> None:
    auto, rec = make()
    auto.apply(Schedule())
    auto.set_anchor(None)
    assert rec.due == 0 and auto.next_run() is None and not auto.timer.isActive()


def _record_run(state: RunState) -> None:
    with open_store() as store:
        run_id = store.start_run("klaviyo:acct", "demo:300:42")
        store.finish_run(run_id, state.value, {})


def test_a_restart_keeps_the_schedule(fake_clock: FakeClock) -> None:
    _record_run(RunState.COMPLETED)  # 12:00
    ran_at = local(fake_clock)
    fake_clock.advance(3600)
    _record_run(RunState.FAILED)  # 13:00: a failure does not move the schedule
    fake_clock.advance(2 * 3600)  # the app is closed, then relaunched at 15:00
    facts = service_health.sync_health()
    assert facts.schedule_anchor == ran_at and facts.last_success == ran_at
    assert facts.last_run is not None and facts.last_run.status is RunState.FAILED
    auto, rec = make()
    auto.apply(Schedule.every(6))
    auto.set_anchor(facts.schedule_anchor)
    assert rec.due == 0
    assert auto.next_run() == ran_at + timedelta(hours=6)  # from the last run, not from the launch
    fake_clock.advance(3 * 3600)  # 18:00
    auto.check()
    assert rec.due == 1 and rec.missed == []  # on time, not late


def test_health_counts_what_waits_in_the_outbox(fake_clock: FakeClock) -> None:
    facts = service_health.sync_health()
    assert facts.last_run is None and facts.last_success is None and facts.pending == 0
    with open_store() as store:
        store.queue_profiles("klaviyo:acct", [("a@example.com", "{}", "fp1"), ("b@example.com", "{}", "fp2")])
        store.queue_events("klaviyo:acct", [("ev1", "{}")])
    facts = service_health.sync_health()
    assert (facts.pending_profiles, facts.pending_events, facts.pending) == (2, 1, 3)
    assert clock.now() == fake_clock.now()
