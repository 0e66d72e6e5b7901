"""The demo program's derived fields, checked against its own rules (tiers Bronze 0 / Silver 500 /
Gold 1,200 on lifetime points, vouchers sold from 500 points) and its own records (the holdings
recounted from the rewards and referrals it returns), before and after a month."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from loyalty_desktop.core.model import MembershipState, Referral, Reward
from loyalty_desktop.core.program import Holdings, holdings
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.sources.demo.rules import PRODUCTS, TIERS

START = datetime(2026, 3, 1, tzinfo=UTC)


def check(prog: DemoProgram) -> dict[str, int]:
    read = prog.read(None)
    members = list(read.members)
    records = list(read.records)
    held = holdings((r for r in records if isinstance(r, Reward)), (r for r in records if isinstance(r, Referral)),
                    read.as_of)
    cheapest = min(points for points, _value in PRODUCTS)
    seen = {"top": 0, "ready": 0, "unused": 0, "pending": 0}
    for m in members:
        assert m.unknown == frozenset(), m.email
        h = held.get(m.email, Holdings())
        assert (m.unused_rewards, m.last_reward_code, m.referrals_pending) == (
            h.unused_rewards, h.last_reward_code, h.referrals_pending), m.email
        if m.membership_state is not MembershipState.MEMBER:
            assert (m.next_tier_name, m.points_to_next_tier, m.points_to_next_reward, m.reward_ready) == (
                None, None, None, 0)
            continue
        above = [(name, threshold) for _id, name, threshold in TIERS if threshold > m.points_earned_lifetime]
        if above:
            assert (m.next_tier_name, m.points_to_next_tier) == (above[0][0], above[0][1] - m.points_earned_lifetime)
        else:
            assert m.tier_name == "Gold" and m.next_tier_name is None and m.points_to_next_tier is None
            seen["top"] += 1
        assert m.points_to_next_reward == max(0, cheapest - m.points_balance)
        assert m.reward_ready == int(m.points_balance >= cheapest)
        seen["ready"] += m.reward_ready
        seen["unused"] += bool(m.unused_rewards)
        seen["pending"] += bool(m.referrals_pending)
    return seen


@pytest.fixture(scope="module")
def prog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoProgram]:
    with DemoProgram.create(tmp_path_factory.mktemp("demo") / "p.sqlite", members=1500, seed=11, start=START) as p:
        yield p


def test_derived_fields_follow_the_tiers_vouchers_and_records(prog: DemoProgram) -> None:
    seen = check(prog)
    assert seen["top"] and seen["ready"] and seen["unused"] and seen["pending"], seen
    prog.tick(45)  # vouchers used and expired, referrals completed, tiers reached
    check(prog)


def test_an_incremental_read_brings_every_member_whose_derived_fields_moved(prog: DemoProgram) -> None:
    first = prog.read(None)
    before = {m.email: m for m in first.members}
    list(first.records)
    prog.tick(20)
    delta = {m.email for m in prog.read(first.cursor).members}
    after = {m.email: m for m in prog.read(None, history=False).members}
    moved = {e for e, m in after.items() if before.get(e) != m}
    assert moved and moved <= delta
