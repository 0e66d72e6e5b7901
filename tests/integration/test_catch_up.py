"""Time-critical moments on a catch-up run (issue 15, item 7): a schedule missed for days sends what
is still due and lists what became too late, never a stale notice as a live event. Over real HTTP
to the Klaviyo sandbox, the program's clock and the app's (fake) clock moved together."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from helpers.sync_helpers import destination
from loyalty_desktop import service
from loyalty_desktop.cli.output import print_summary
from loyalty_desktop.core import clock
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.core.lateness import current_window
from loyalty_desktop.core.model import (
    LedgerEntry,
    LedgerKind,
    Member,
    Record,
    Reward,
    RewardOrigin,
    SourceRead,
    Tier,
)
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.summary import RunSummary, late_text
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

D0 = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)
TIERS = [Tier(1, "Bronze", 0)]


def day(n: float) -> datetime:
    return D0 + timedelta(days=n)


def member(email: str, points: int = 0, expiry: datetime | None = None) -> Member:
    return Member(email=email, points_balance=100, points_earned_lifetime=100, tier_id=1, tier_name="Bronze",
                  member_since=date(2025, 1, 2), points_expiring=points,
                  points_expiry_date=expiry.date() if expiry else None)


def reward(rid: str, email: str, origin: RewardOrigin, created: datetime, expires: datetime) -> Reward:
    return Reward(rid, email, "10 € off", f"CODE-{rid}", origin, created, expires_at=expires)


@dataclass
class Program:
    """A loyalty program read as a whole at its own clock (`as_of`)."""

    as_of: datetime
    members: list[Member] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    http = None

    def read(self, cursor: str | None, history: bool = True) -> SourceRead:
        return SourceRead(self.as_of, True, list(self.members), list(self.records), TIERS)


def sync_at(store: Store, program: Program, sb: KlaviyoSandbox, when: datetime,
            fake_clock: clock.FakeClock) -> RunSummary:
    fake_clock.set(when + timedelta(minutes=5))  # the computer's clock: the run starts as the program says
    program.as_of = when
    with destination(sb) as dest:
        return service.sync(store, program, "catch-up", dest, KLAVIYO_LOYALTY, poll_interval=0.05)


def _expiry_end(d: datetime) -> datetime:
    return datetime.combine(d.date(), time(23, 59, 59), UTC)


def test_ten_days_missed_sends_what_is_due_and_lists_what_is_too_late(
        store: Store, sandbox: KlaviyoSandbox, fake_rate_clock: clock.FakeClock) -> None:
    p = Program(day(0))
    p.members = [
        member("a@orange.fr", 40, day(16)),  # 30-day warning due on day 1; 7-day (due day 9) still due on day 11
        member("b@free.fr", 50, day(38)),  # 30-day due on day 8, missed: still due on day 11 (27 days left)
        member("d@sfr.fr", 30, day(9)),  # 7-day due on day 2, missed; the points expired on day 9
        member("e@laposte.net"), member("f@gmail.com"), member("g@yahoo.fr"), member("h@wanadoo.fr"),
    ]
    p.records = [
        reward("RE", "e@laposte.net", RewardOrigin.REDEMPTION, day(-20), day(10)),  # warning due day 3, expired day 10
        reward("RH", "h@wanadoo.fr", RewardOrigin.REDEMPTION, day(-20), day(14)),  # warning due day 7: still due
    ]
    first = sync_at(store, p, sandbox, day(0), fake_rate_clock)
    assert first.first_sync and first.events_too_late == 0
    daily = sync_at(store, p, sandbox, day(1), fake_rate_clock)
    assert daily.events_too_late == 0 and daily.events_sent == 0  # day 1: nothing new is due

    # Ten days without a run (the computer was off). What the program did meanwhile:
    p.members[2] = member("d@sfr.fr")  # d's points expired on day 9 …
    p.records += [
        LedgerEntry("XD", "d@sfr.fr", _expiry_end(day(9)), -30, LedgerKind.EXPIRE, balance_after=70),  # … the ledger
        reward("RF", "f@gmail.com", RewardOrigin.BIRTHDAY, day(2), day(32)),  # a birthday 9 days ago: too late
        reward("RG", "g@yahoo.fr", RewardOrigin.BIRTHDAY, day(6), day(36)),  # 5 days ago: still kind to send
    ]
    s = sync_at(store, p, sandbox, day(11), fake_rate_clock)

    sent = {e.unique_id: e for e in sandbox.events()}
    assert set(sent) == {
        f"expiring:a@orange.fr:{day(16).date()}:7d",
        f"expiring:b@free.fr:{day(38).date()}:30d",
        "RG:birthday",
        "RH:expiring",
    }
    assert s.events_sent == 4
    for e in sent.values():  # no stale notice in the platform
        if e.metric_name == "Points Expiring":
            left = (date.fromisoformat(e.properties["expiry_date"]) - day(11).date()).days
            assert left >= 0 and e.properties["days_before"] == current_window(left)
    assert not any(e.email in ("d@sfr.fr", "e@laposte.net", "f@gmail.com") for e in sandbox.events())

    late = {(x["email"], x["metric"], x["reason"]) for x in s.too_late}
    assert late == {("d@sfr.fr", "Points Expiring", "points_expired"),
                    ("e@laposte.net", "Reward Expiring", "reward_expired"),
                    ("f@gmail.com", "Birthday Reward Issued", "too_old")}
    assert s.events_too_late == 3
    words = {x["email"]: late_text(x) for x in s.too_late}
    assert words["d@sfr.fr"] == (f"d@sfr.fr: Points Expiring not sent, the points expired on {day(9).date()} "
                                 "before it could be sent")
    # The run's record keeps the list (the run report reads it later).
    run = store.runs(1)[0]
    assert run.counts["events_too_late"] == 3 and len(run.counts["too_late"]) == 3

    # The next run lists nothing again and sends nothing stale.
    again = sync_at(store, p, sandbox, day(12), fake_rate_clock)
    assert again.events_too_late == 0 and again.too_late == []
    assert not any(e.email in ("d@sfr.fr", "e@laposte.net", "f@gmail.com") for e in sandbox.events())


def test_thirty_day_notice_with_five_days_left_gives_way_to_the_seven_day_one(
        store: Store, sandbox: KlaviyoSandbox, fake_rate_clock: clock.FakeClock) -> None:
    p = Program(day(0), [member("a@orange.fr", 40, day(36))])
    sync_at(store, p, sandbox, day(0), fake_rate_clock)
    sync_at(store, p, sandbox, day(1), fake_rate_clock)  # 35 days left: no warning yet
    s = sync_at(store, p, sandbox, day(31), fake_rate_clock)  # a month off: 5 days left
    assert [e.unique_id for e in sandbox.events()] == [f"expiring:a@orange.fr:{day(36).date()}:7d"]
    assert [(x["unique_id"], x["reason"], x["days_left"]) for x in s.too_late] == [
        (f"expiring:a@orange.fr:{day(36).date()}:30d", "later_warning", 5)]
    assert late_text(s.too_late[0]) == ("a@orange.fr: Points Expiring not sent, only 5 day(s) were left: the 7-day "
                                        "warning is the one due")
    import io

    out = io.StringIO()
    print_summary(s, "Klaviyo", out)
    assert "1 notice(s) too late to send, not sent:" in out.getvalue()
    assert "only 5 day(s) were left" in out.getvalue()


def test_a_daily_schedule_never_lists_anything(store: Store, sandbox: KlaviyoSandbox,
                                               fake_rate_clock: clock.FakeClock) -> None:
    p = Program(day(0), [member("a@orange.fr", 40, day(40)), member("b@free.fr", 10, day(12))],
                [reward("RA", "a@orange.fr", RewardOrigin.REDEMPTION, day(-5), day(20))])
    for n in range(42):
        if n == 13:  # b's points expired on day 12
            p.members[1] = member("b@free.fr")
            p.records.append(LedgerEntry("XB", "b@free.fr", _expiry_end(day(12)), -10, LedgerKind.EXPIRE))
        s = sync_at(store, p, sandbox, day(n), fake_rate_clock)
        assert s.events_too_late == 0, (n, s.too_late)
    assert sorted(str(e.unique_id) for e in sandbox.events()) == sorted([
        f"expiring:a@orange.fr:{day(40).date()}:30d", f"expiring:a@orange.fr:{day(40).date()}:7d",
        f"expiring:b@free.fr:{day(12).date()}:7d", "RA:expiring"])
