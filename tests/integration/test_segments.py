"""Segment definitions and counts over the members snapshot (no Qt)."""

from __future__ import annotations

import json
import random
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store, dumps
from loyalty_desktop.sync import segments
from loyalty_desktop.sync.segments import (
    Group,
    Op,
    define_segments,
    segment_counts,
    segment_report,
)

AS_OF = date(2026, 11, 23)
TIERS = [{"id": 1, "name": "Bronze", "threshold": 0}, {"id": 2, "name": "Silver", "threshold": 500},
         {"id": 3, "name": "Gold", "threshold": 1200}]


def member(email: str, **kw: Any) -> dict[str, Any]:
    m: dict[str, Any] = {"email": email, "membership_state": "member", "points_balance": 0, "tier_name": "Bronze",
                         "tier_id": 1, "points_expiring": 0, "points_expiry_date": None, "referrals_completed": 0,
                         "last_activity_at": AS_OF.isoformat()}
    m.update(kw)
    return m


def fill(store: Store, members: list[dict[str, Any]], referral_senders: list[str] = ()) -> None:  # type: ignore[assignment]
    with store.tx() as db:
        db.executemany("INSERT INTO members(email, data, seq) VALUES (?,?,1)",
                       [(m["email"], dumps(m)) for m in members])
        db.executemany("INSERT INTO records(kind, id, email, data, seq) VALUES ('referral', ?, ?, '{}', 1)",
                       [(f"R{i}", e) for i, e in enumerate(referral_senders)])
        db.execute("INSERT INTO sources(name, cursor, as_of, tiers) VALUES ('demo', NULL, ?, ?)",
                   (datetime(2026, 11, 23, tzinfo=UTC).isoformat(), json.dumps(TIERS)))


def test_definitions_are_stable_and_catalog_based() -> None:
    segs = define_segments(["Bronze", "Silver", "Gold"])
    keys = [s.key for s in segs]
    assert keys == ["tier-bronze", "tier-silver", "tier-gold", "tier-none", "points-0", "points-1-99",
                    "points-100-499", "points-500-999", "points-1000-plus", "reward-ready", "expiring-30d",
                    "referrers", "never-referred", "inactive-90d"]
    assert len(set(keys)) == len(keys)
    from loyalty_desktop.core.fields import CATALOG_BY_KEY

    for s in segs:  # every condition names a catalog field: a Klaviyo kit can map it to a property
        assert s.all_of[0] == segments.Condition("membership_state", Op.EQ, "member")
        for c in (*s.all_of, *s.any_of):
            assert c.field in CATALOG_BY_KEY, c
    # Names that only differ by case or punctuation still get distinct keys.
    assert [s.key for s in define_segments(["VIP", "vip"], no_tier=False)][:2] == ["tier-vip", "tier-vip-"]


def test_counts_by_hand(store: Store) -> None:
    d = AS_OF
    fill(store, [
        member("a@x.fr", points_balance=0, tier_name="Bronze", last_activity_at=(d - timedelta(days=91)).isoformat()),
        member("b@x.fr", points_balance=99, tier_name="Bronze", points_expiring=40,
               points_expiry_date=(d + timedelta(days=30)).isoformat()),
        member("c@x.fr", points_balance=100, tier_name="Silver", points_expiring=60,
               points_expiry_date=d.isoformat(), referrals_completed=2),
        member("d@x.fr", points_balance=499, tier_name="Silver", points_expiring=500,
               points_expiry_date=(d + timedelta(days=31)).isoformat(), last_activity_at=None),
        member("e@x.fr", points_balance=500, tier_name="Gold", last_activity_at=(d - timedelta(days=90)).isoformat()),
        member("f@x.fr", points_balance=1000, tier_name=None, tier_id=None),
        member("g@x.fr", points_balance=5000, tier_name="Gold"),
        # Not enrolled: counted nowhere.
        member("h@x.fr", membership_state="candidate", points_balance=0, tier_name=None),
        member("i@x.fr", membership_state="disabled", points_balance=800, tier_name="Gold", referrals_completed=1),
    ], referral_senders=["g@x.fr", "g@x.fr", "h@x.fr"])
    report = segment_report(store, AS_OF)
    assert report.enrolled == 7
    assert report.as_of == AS_OF
    c = {k: (v.members, v.points) for k, v in report.by_key().items()}
    assert c["tier-bronze"] == (2, None) and c["tier-silver"] == (2, None) and c["tier-gold"] == (2, None)
    assert c["tier-none"] == (1, None)
    assert [c[k][0] for k in ("points-0", "points-1-99", "points-100-499", "points-500-999", "points-1000-plus")] \
        == [1, 1, 2, 1, 2]
    assert c["reward-ready"][0] == 3  # 500, 1000, 5000
    assert c["expiring-30d"] == (2, 100)  # today and in 30 days; 31 days is out
    # c completed 2; g only started two (pending invitations are not seen on g's profile)
    assert c["referrers"][0] == 1 and c["never-referred"][0] == 6
    assert c["inactive-90d"][0] == 2  # 91 days ago and never; 90 days ago is still active
    # Each group's parts add up to the enrolled members.
    for group in (Group.TIERS, Group.POINTS, Group.REFERRALS):
        assert sum(x.members for x in report.counts if x.group is group) == report.enrolled


def test_as_of_defaults_to_the_program_clock(store: Store) -> None:
    fill(store, [member("a@x.fr", points_expiring=5, points_expiry_date="2026-12-01")])
    assert segments.program_as_of(store) == datetime(2026, 11, 23, tzinfo=UTC)
    assert segment_report(store).as_of == AS_OF
    assert segment_report(store).by_key()["expiring-30d"].points == 5
    # A year later nothing is expiring any more.
    assert segment_report(store, date(2027, 11, 23)).by_key()["expiring-30d"].members == 0


def test_empty_store(store: Store) -> None:
    report = segment_report(store, AS_OF)
    assert report.enrolled == 0
    assert all(c.members == 0 for c in report.counts)
    assert [c.key for c in report.counts if c.group is Group.TIERS] == ["tier-none"]


def test_tiers_members_carry_that_the_source_did_not_declare(store: Store) -> None:
    fill(store, [member("a@x.fr", tier_name="Platinum"), member("b@x.fr", tier_name="Gold")])
    keys = [c.key for c in segment_counts(store, AS_OF) if c.group is Group.TIERS]
    assert keys == ["tier-bronze", "tier-silver", "tier-gold", "tier-platinum", "tier-none"]


def test_sql_agrees_with_python_on_the_demo_program(store: Store, tmp_path: Path) -> None:
    """The SQL counts and `matches` (the definition in Python) agree member by member."""
    with DemoProgram.create(tmp_path / "p.sqlite3", members=400, seed=3,
                            start=datetime(2026, 6, 1, tzinfo=UTC)) as program:
        read = program.read(None)
        store.ingest("demo", read)
        as_of = read.as_of
    report = segment_report(store)
    members = [json.loads(r[0]) for r in store.db.execute("SELECT data FROM members")]
    senders = {r[0] for r in store.db.execute("SELECT email FROM records WHERE kind='referral'")}
    assert report.enrolled == sum(m["membership_state"] == "member" for m in members) > 300
    for count in report.counts:
        inside = [m for m in members
                  if segments.matches(count.segment, m, as_of, {"Referral Started": senders})]
        assert count.members == len(inside), count.key
        if count.segment.sum_field:
            assert count.points == sum(m[count.segment.sum_field] or 0 for m in inside)
    # The generic one-pass count over the same definitions agrees with the grouped report.
    tiers = [c.segment.args["tier"] for c in report.counts if c.group is Group.TIERS and c.segment.args["tier"]]
    generic = segments.count_segments(store, define_segments(tiers), as_of)
    assert [(c.key, c.members, c.points) for c in generic] == [(c.key, c.members, c.points) for c in report.counts]
    by_key = report.by_key()
    assert by_key["expiring-30d"].members > 0 and by_key["referrers"].members > 0
    assert by_key["tier-gold"].members > 0 and by_key["inactive-90d"].members > 0


@pytest.mark.serial  # timed: alone on the machine
def test_100k_members_in_well_under_a_second(store: Store) -> None:
    rng = random.Random(5)
    tiers = ["Bronze", "Silver", "Gold", None]
    rows = [member(f"m{i}@x.fr", points_balance=rng.randrange(0, 3000), tier_name=rng.choice(tiers),
                   points_expiring=rng.randrange(0, 200),
                   points_expiry_date=(AS_OF + timedelta(days=rng.randrange(-10, 200))).isoformat(),
                   referrals_completed=rng.choice((0, 0, 0, 1, 3)),
                   last_activity_at=(AS_OF - timedelta(days=rng.randrange(0, 400))).isoformat(),
                   membership_state=rng.choice(("member",) * 9 + ("disabled",)))
            for i in range(100_000)]
    fill(store, rows, referral_senders=[f"m{i}@x.fr" for i in range(0, 100_000, 7)])
    started = time.perf_counter()
    report = segment_report(store, AS_OF)
    elapsed = time.perf_counter() - started
    assert 85_000 < report.enrolled < 95_000
    assert sum(c.members for c in report.counts if c.group is Group.POINTS) == report.enrolled
    assert elapsed < 1.5, f"{elapsed:.2f} s"  # about 0.35 s on the 2-core development machine
