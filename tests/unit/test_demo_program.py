"""The demo loyalty program (loyalty_desktop.sources.demo.program): determinism, internal consistency,
tick, incremental reads, persistence."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from loyalty_desktop.core.model import (
    DERIVED,
    LedgerEntry,
    LedgerKind,
    Member,
    MembershipState,
    Referral,
    ReferralState,
    Reward,
    RewardOrigin,
    SourceRead,
)
from loyalty_desktop.sources.demo.program import DemoProgram, TickSummary

START = datetime(2026, 3, 1, tzinfo=UTC)
FORBIDDEN = re.compile(r"@(.*\.)?(example\.(com|org|net)|test\.(com|fr)|invalid|localhost)$")
E164 = re.compile(r"^\+(33[67]\d{8}|447\d{9})$")


@dataclass
class Snap:
    members: dict[str, Member]
    records: dict[str, LedgerEntry | Reward | Referral]
    read: SourceRead


def snap(read: SourceRead) -> Snap:
    members, records = list(read.members), list(read.records)
    s = Snap({m.email: m for m in members}, {r.id: r for r in records}, read)
    assert len(s.members) == len(members) and len(s.records) == len(records), "duplicate keys"
    return s


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A 2,000-member program: full read, tick(30), incremental read, full read."""
    path = tmp_path_factory.mktemp("demo") / "program.sqlite"
    with DemoProgram.create(path, members=2000, seed=7, start=START) as prog:
        before = snap(prog.read(None))
        summary = prog.tick(30)
        delta = snap(prog.read(before.read.cursor))
        again = snap(prog.read(delta.read.cursor))
        after = snap(prog.read(None))
        as_of = prog.as_of
    return {"path": path, "before": before, "summary": summary, "delta": delta, "again": again, "after": after,
                "as_of": as_of}


def expiry_of(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return date(d.year + 1, 2, 28)


def check_invariants(s: Snap, as_of: datetime) -> None:
    tiers = s.read.tiers
    assert [(t.id, t.name) for t in tiers] == [(1, "Bronze"), (2, "Silver"), (3, "Gold")]
    ledger: dict[str, list[LedgerEntry]] = defaultdict(list)
    rewards: dict[str, list[Reward]] = defaultdict(list)
    sent: Counter[str] = Counter()
    for r in s.records.values():
        if isinstance(r, LedgerEntry):
            ledger[r.email].append(r)
        elif isinstance(r, Reward):
            rewards[r.email].append(r)
        elif r.state is ReferralState.COMPLETED:
            sent[r.sender_email] += 1
    assert set(ledger) <= set(s.members) and set(rewards) <= set(s.members)
    for email, m in s.members.items():
        assert email == email.lower().strip() and "@" in email and not FORBIDDEN.search(email)
        assert m.phone is None or E164.match(m.phone), m.phone
        assert m.external_id is not None and re.fullmatch(r"LOY-\d{6}", m.external_id)
        assert m.referral_url is not None and m.referral_url.startswith("https://maison-lumiere.fr/r/")
        entries = sorted(ledger[email], key=lambda e: int(e.id.split("-")[1]))
        assert m.points_balance == sum(e.points_change for e in entries) >= 0
        assert m.points_earned_lifetime == sum(e.points_change for e in entries if e.points_change > 0)
        assert m.missions_completed == sum(e.kind is LedgerKind.MISSION for e in entries)
        assert m.rewards_claimed == len(rewards[email])
        assert m.referrals_completed == sent[email]
        # running balance, never negative, chronological; FIFO expiry replayed
        bal = 0
        batches: list[list[Any]] = []  # [last usable day, points left]
        prev_at = datetime.min.replace(tzinfo=UTC)
        for e in entries:
            assert prev_at <= e.at <= as_of
            prev_at = e.at
            bal += e.points_change
            assert e.balance_after == bal >= 0
            day = e.at.date()
            if e.kind is not LedgerKind.EXPIRE:
                assert not batches or batches[0][0] >= day, "a batch outlived its expiry day"
            if e.points_change > 0:
                exp = expiry_of(day)
                if batches and batches[-1][0] == exp:
                    batches[-1][1] += e.points_change
                else:
                    batches.append([exp, e.points_change])
            elif e.kind is LedgerKind.EXPIRE:
                d, left = batches.pop(0)
                assert (d, left) == (day, -e.points_change) and e.at.time().hour == 23
            else:
                left = -e.points_change
                while left:
                    take = min(left, batches[0][1])
                    batches[0][1] -= take
                    left -= take
                    if not batches[0][1]:
                        batches.pop(0)
        assert not batches or batches[0][0] >= as_of.date()
        assert (m.points_expiring, m.points_expiry_date) == (
            (batches[0][1], batches[0][0]) if batches else (0, None))
        if m.membership_state is MembershipState.MEMBER:
            t = max((t for t in tiers if m.points_earned_lifetime >= t.threshold), key=lambda t: t.threshold)
            assert (m.tier_id, m.tier_name) == (t.id, t.name)
            assert m.member_since is not None and m.last_activity_at is not None
        else:
            assert m.tier_id is None and m.tier_name is None
        if m.membership_state is MembershipState.CANDIDATE:
            assert not entries and m.member_since is None
        if m.membership_state is MembershipState.DISABLED:
            assert m.points_balance == 0 and not batches  # remaining points cancelled (ADJUST)
    codes = [r.code for r in s.records.values() if isinstance(r, Reward)]
    assert len(codes) == len(set(codes)) and all(re.fullmatch(r"LUMI-[0-9A-Z]{6}", c) for c in codes)
    by_id = {r.id: r for r in s.records.values() if isinstance(r, Reward)}
    for e in (r for r in s.records.values() if isinstance(r, LedgerEntry)):
        if e.kind is LedgerKind.REDEEM:
            assert e.reward_id is not None
            rw = by_id[e.reward_id]
            assert rw.origin is RewardOrigin.REDEMPTION and rw.points_spent == -e.points_change
            assert rw.points_spent in (500, 1000, 2000) and rw.email == e.email
    for rw in by_id.values():
        assert rw.expires_at is not None and rw.expires_at > rw.created_at
        assert rw.used_at is None or rw.used_at < rw.expires_at
    sender_codes = {(r.email, r.code) for r in by_id.values() if r.origin is RewardOrigin.REFERRAL_SENDER}
    for f in (r for r in s.records.values() if isinstance(r, Referral)):
        assert f.sender_email in s.members and f.receiver_email != f.sender_email
        assert (f.completed_at is not None) == (f.state is ReferralState.COMPLETED)
        assert (f.sender_reward_code is not None) == (f.state is ReferralState.COMPLETED)
        if f.state in (ReferralState.CLAIMED, ReferralState.COMPLETED):
            assert f.receiver_reward_code
        if f.state is ReferralState.STARTED:
            assert f.receiver_reward_code is None
        if f.sender_reward_code:
            assert (f.sender_email, f.sender_reward_code) in sender_codes
        if f.receiver_email in s.members and f.state is ReferralState.COMPLETED:
            friend = s.members[f.receiver_email]
            assert f.completed_at is not None and friend.member_since == f.completed_at.date()
            assert f.receiver_reward_code in {r.code for r in rewards[f.receiver_email]}


def test_invariants_after_create(world):
    check_invariants(world["before"], START)


def test_invariants_after_tick(world):
    check_invariants(world["after"], world["as_of"])
    assert world["as_of"] == START + timedelta(days=30)


def test_content_is_realistic(world):
    s = world["before"]
    members = list(s.members.values())
    states = Counter(m.membership_state for m in members)
    assert states[MembershipState.MEMBER] > 0.8 * len(members)
    assert states[MembershipState.CANDIDATE] and states[MembershipState.DISABLED]
    tiers = Counter(m.tier_name for m in members if m.membership_state is MembershipState.MEMBER)
    assert all(tiers[t] >= 0.05 * len(members) for t in ("Bronze", "Silver", "Gold")), tiers
    assert 0.7 < sum(m.phone is not None for m in members) / len(members) < 0.97
    assert sum(m.phone is not None and m.phone.startswith("+33") for m in members) > 0.6 * len(members)
    assert 0.7 < sum(m.birthday is not None for m in members) / len(members) < 0.95
    domains = Counter(m.email.split("@")[1] for m in members)
    assert {"gmail.com", "orange.fr", "free.fr", "laposte.net"} <= set(domains)
    assert any("é" in (m.first_name or "") + (m.last_name or "") for m in members)  # French names
    kinds = Counter(r.kind for r in s.records.values() if isinstance(r, LedgerEntry))
    assert set(kinds) == set(LedgerKind)
    refs = [r for r in s.records.values() if isinstance(r, Referral)]
    assert {r.state for r in refs} == set(ReferralState)
    assert any(r.receiver_email in s.members for r in refs)  # some friends are members
    rewards = [r for r in s.records.values() if isinstance(r, Reward)]
    assert {r.origin for r in rewards} == set(RewardOrigin)
    assert any(r.used_at for r in rewards)
    assert any(r.used_at is None and r.expires_at is not None and r.expires_at < START for r in rewards)  # expired
    assert any(r.used_at is None and r.expires_at is not None and r.expires_at > START for r in rewards)  # live
    assert all(re.fullmatch(r"L\d{6}-\d{4,}", i) or i[0] in "RF" for i in s.records)


def test_tick_produces_every_kind_of_change(world):
    s: TickSummary = world["summary"]
    for name in ("points_earned", "points_redeemed", "tier_changes", "referrals_started",
                 "referrals_completed", "points_expired", "rewards_issued", "birthday_rewards",
                 "orders", "missions", "rewards_used", "referrals_claimed", "referrals_expired",
                 "new_members"):
        assert getattr(s, name) > 0, name
    assert 100 <= s.members_changed <= 1500, s.members_changed
    as_of = world["as_of"]
    after = world["after"].members.values()
    soon = [m.points_expiry_date - as_of.date() for m in after if m.points_expiry_date]
    assert any(d <= timedelta(days=7) for d in soon) and any(d <= timedelta(days=30) for d in soon)
    live = [r.expires_at - as_of for r in world["after"].records.values()
            if isinstance(r, Reward) and r.used_at is None and r.expires_at > as_of]
    assert any(d <= timedelta(days=7) for d in live) and any(d <= timedelta(days=30) for d in live)


_NO_DERIVED = dict.fromkeys(DERIVED)


def test_incremental_read_returns_exactly_the_changes(world):
    before, delta, after = world["before"], world["delta"], world["after"]
    assert before.read.full and not delta.read.full and after.read.full
    changed_members = {e for e, m in after.members.items() if before.members.get(e) != m}
    assert set(before.members) <= set(after.members)
    # Exactly the changed members, plus a few whose holdings moved and came back within the
    # window (a voucher issued and used, a referral started and completed): the same values.
    assert changed_members <= set(delta.members)
    assert all(before.members[e] == after.members[e] for e in set(delta.members) - changed_members)
    # The tick counts members whose own row changed; the others changed by their holdings only
    # (a voucher expired, a referral moved on: core/program.py's derived fields).
    plain = {e for e in changed_members
             if e not in before.members or replace(before.members[e], **_NO_DERIVED) != replace(
                 after.members[e], **_NO_DERIVED)}
    assert len(plain) == world["summary"].members_changed
    assert all(after.members[e].unknown == frozenset() for e in changed_members)
    assert all(delta.members[e] == after.members[e] for e in delta.members)
    changed = {i for i, r in after.records.items() if before.records.get(i) != r}
    assert set(before.records) <= set(after.records)
    assert set(delta.records) == changed
    assert all(delta.records[i] == after.records[i] for i in delta.records)
    kinds = Counter(type(r).__name__ for i, r in delta.records.items() if i in before.records)
    assert kinds["Reward"] and kinds["Referral"]  # updated records (used vouchers, referral steps)
    assert world["delta"].read.cursor != world["before"].read.cursor


def test_second_incremental_read_is_empty(world):
    again = world["again"]
    assert not again.read.full and not again.members and not again.records
    assert again.read.cursor == world["delta"].read.cursor


def test_reopen_gives_same_state_and_continues_deterministically(world, tmp_path):
    with DemoProgram.open(world["path"]) as prog:
        assert prog.as_of == world["as_of"]
        same = snap(prog.read(None))
        assert same.members == world["after"].members and same.records == world["after"].records
        empty = prog.read(world["delta"].read.cursor)
        assert not list(empty.members) and not list(empty.records)


def test_determinism_and_tick_split(tmp_path):
    def run(name: str, seed: int, ticks: list[int]) -> tuple[dict, dict]:
        with DemoProgram.create(tmp_path / name, members=300, seed=seed, start=START) as p:
            for n in ticks:
                p.tick(n)
            s = snap(p.read(None))
            return s.members, s.records

    a = run("a", 1, [])
    assert run("b", 1, []) == a
    c = run("c", 2, [])
    assert c[0] != a[0] and set(c[0]) != set(a[0])
    assert run("d", 1, [5, 10]) == run("e", 1, [15])


def test_api_details(tmp_path):
    path = tmp_path / "p.sqlite"
    with DemoProgram.create(path, members=300, seed=3, start=datetime(2026, 3, 1, 15, 30)) as prog:
        assert prog.as_of == START and prog.as_of.tzinfo is not None
        r = prog.read(None)
        assert r.full and r.as_of == START and isinstance(r.cursor, str)
        assert iter(r.members) is r.members and iter(r.records) is r.records  # lazy iterators
        foreign = prog.read("demo1:someone-else:1")
        assert foreign.full
        assert prog.tick(0) == TickSummary()
        assert prog.read(r.cursor).cursor == r.cursor
    with pytest.raises(FileExistsError):
        DemoProgram.create(path, members=10)
    with pytest.raises(FileNotFoundError):
        DemoProgram.open(tmp_path / "missing.sqlite")
    (tmp_path / "junk.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(ValueError):
        DemoProgram.open(tmp_path / "junk.sqlite")
    prog = DemoProgram.open(path)
    prog.close()
    prog.close()
    with pytest.raises(ValueError):
        prog.read(None)


def test_two_handles_on_one_file_and_tick_during_a_read(tmp_path):
    path = tmp_path / "shared.sqlite"
    with DemoProgram.create(path, members=300, seed=9, start=START) as writer:
        read = writer.read(None)
        records = iter(read.records)
        head = [next(records) for _ in range(5)]
        writer.tick(3)  # while a read is half-consumed: it still completes
        assert len(head) + sum(1 for _ in records) > 100
        with DemoProgram.open(path) as reader:
            cursor = reader.read(None).cursor
            writer.tick(2)
            delta = reader.read(cursor)  # sees the other handle's tick
            assert reader.as_of == writer.as_of == START + timedelta(days=5)
            assert not delta.full and list(delta.members)


def test_full_read_without_history_keeps_only_open_records(tmp_path) -> None:
    from loyalty_desktop.core.model import LedgerEntry, Referral, ReferralState, Reward

    with DemoProgram.create(tmp_path / "p.sqlite3", members=400, seed=5,
                            start=datetime(2026, 11, 2, tzinfo=UTC)) as prog:
        everything = prog.read(None)
        all_members = list(everything.members)
        all_records = list(everything.records)
        light = prog.read(None, history=False)
        assert light.full and list(light.members) == all_members
        records = list(light.records)
        assert records and not any(isinstance(r, LedgerEntry) for r in records)
        open_rewards = [r for r in all_records if isinstance(r, Reward) and r.used_at is None
                        and (r.expires_at is None or r.expires_at >= prog.as_of)]
        open_referrals = [r for r in all_records if isinstance(r, Referral)
                          and r.state in (ReferralState.STARTED, ReferralState.CLAIMED)]
        assert sorted(r.id for r in records) == sorted(r.id for r in open_rewards + open_referrals)
