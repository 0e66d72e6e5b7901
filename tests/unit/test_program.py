"""core/program.py: the derived fields (next tier, points to the next tier / reward, reward ready,
holdings) against a program's tiers and rewards: examples for the edges, properties for the rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty_desktop.core.model import (
    DERIVED,
    Member,
    MembershipState,
    Referral,
    ReferralState,
    Reward,
    RewardOrigin,
    Tier,
)
from loyalty_desktop.core.program import (
    Holdings,
    Program,
    ProgramError,
    RewardOffer,
    check_tiers,
    derive,
    holdings,
    tier_progress,
)

TIERS = (Tier(1, "Bronze", 0), Tier(2, "Silver", 500), Tier(3, "Gold", 1200))
PROGRAM = Program(TIERS, (RewardOffer("€10", 1000), RewardOffer("€5", 500)))
T0 = datetime(2026, 3, 1, tzinfo=UTC)


def member(lifetime: int, balance: int, tier: str | None = None, **kw: object) -> Member:
    return Member("a@example.com", points_earned_lifetime=lifetime, points_balance=balance, tier_name=tier,
                  **kw)  # type: ignore[arg-type]


def test_a_member_without_derivation_knows_none_of_the_derived_fields() -> None:
    assert Member("a@example.com").unknown == DERIVED


@pytest.mark.parametrize(("lifetime", "tier", "next_name", "to_next"), [
    (0, "Bronze", "Silver", 500),
    (499, "Bronze", "Silver", 1),
    (500, "Silver", "Gold", 700),  # exactly at a threshold: in that tier, the next is the one after
    (1199, "Silver", "Gold", 1),
    (1200, "Gold", None, None),  # top tier: empty, not 0
    (99_999, "Gold", None, None),
])
def test_next_tier_and_points_to_it(lifetime: int, tier: str, next_name: str | None, to_next: int | None) -> None:
    m = derive(PROGRAM, member(lifetime, 0, tier), held=Holdings())
    assert (m.next_tier_name, m.points_to_next_tier) == (next_name, to_next)
    assert m.unknown == frozenset()


def test_a_tier_above_the_progress_counts() -> None:
    # Gold given by hand (Smile lets a merchant do that) with few points: no next tier, not "Silver".
    assert tier_progress(PROGRAM, 100, "gold") == tier_progress(PROGRAM, 5000)
    assert tier_progress(PROGRAM, 100, None, tier_id=2).next_tier == TIERS[2]


@pytest.mark.parametrize(("balance", "to_reward", "ready"), [(0, 500, 0), (499, 1, 0), (500, 0, 1), (5000, 0, 1)])
def test_next_reward_is_the_cheapest(balance: int, to_reward: int, ready: int) -> None:
    m = derive(PROGRAM, member(0, balance, "Bronze"))
    assert (m.points_to_next_reward, m.reward_ready) == (to_reward, ready)
    assert {"unused_rewards", "last_reward_code", "referrals_pending"} <= m.unknown  # no holdings given


@pytest.mark.parametrize("state", [MembershipState.CANDIDATE, MembershipState.DISABLED])
def test_non_members_neither_progress_nor_redeem(state: MembershipState) -> None:
    m = derive(PROGRAM, member(700, 900, None, membership_state=state), held=Holdings(1, "X", 2))
    assert (m.next_tier_name, m.points_to_next_tier, m.points_to_next_reward, m.reward_ready) == (None, None, None, 0)
    assert (m.unused_rewards, m.last_reward_code, m.referrals_pending) == (1, "X", 2)


def test_what_the_program_or_the_member_lacks_stays_unknown() -> None:
    no_tiers = derive(Program((), PROGRAM.rewards), member(0, 600, None))
    assert no_tiers.unknown >= {"next_tier_name", "points_to_next_tier"}
    assert no_tiers.reward_ready == 1
    no_rewards = derive(Program(TIERS), member(0, 600, "Bronze"))
    assert no_rewards.unknown >= {"points_to_next_reward", "reward_ready"}
    blind = derive(PROGRAM, Member("a@example.com", unknown=DERIVED | {"points_balance", "points_earned_lifetime"}))
    assert blind.unknown >= DERIVED


def test_a_value_the_source_gave_is_kept() -> None:
    given_by_export = member(0, 0, "Bronze", next_tier_name="Argent", unknown=DERIVED - {"next_tier_name"})
    assert derive(PROGRAM, given_by_export).next_tier_name == "Argent"


@pytest.mark.parametrize(("tiers", "words"), [
    ((Tier(1, "Silver", 500), Tier(2, "Bronze", 0)), "lowest threshold to the highest"),
    ((Tier(1, "Bronze", 0), Tier(2, "Silver", 0)), "same threshold"),
    ((Tier(1, "Bronze", 0), Tier(2, "bronze ", 10)), "appears twice"),
    ((Tier(1, "Bronze", 0), Tier(1, "Silver", 10)), "id 1 appears twice"),
    ((Tier(1, "Bronze", -1),), "negative"),
    ((Tier(1, " ", 0),), "no name"),
])
def test_unordered_or_duplicated_tiers_are_refused(tiers: tuple[Tier, ...], words: str) -> None:
    with pytest.raises(ProgramError, match=words):
        Program(tiers)


def test_a_reward_without_a_positive_price_is_refused() -> None:
    with pytest.raises(ProgramError, match="positive"):
        Program((), (RewardOffer("free", 0),))


def test_holdings_count_live_rewards_and_open_referrals() -> None:
    def reward(n: int, **kw: object) -> Reward:
        return Reward(f"R{n}", "a@example.com", "€5", f"CODE{n}", RewardOrigin.REDEMPTION,
                      T0 - timedelta(days=10 - n), **kw)  # type: ignore[arg-type]

    rewards = [reward(1), reward(2, used_at=T0), reward(3, expires_at=T0 - timedelta(seconds=1)),
               reward(4, expires_at=T0), reward(0)]
    referrals = [Referral(f"F{i}", "a@example.com", f"f{i}@example.com", s, T0)
                 for i, s in enumerate(ReferralState)]
    h = holdings(rewards, referrals, T0)
    assert h == {"a@example.com": Holdings(3, "CODE4", 2)}  # R0, R1, R4 live; the latest is R4


# --- properties --------------------------------------------------------------------------------

thresholds = st.lists(st.integers(0, 10_000), min_size=1, max_size=6, unique=True).map(sorted)
programs = thresholds.map(lambda ts: Program(tuple(Tier(i + 1, f"T{i}", t) for i, t in enumerate(ts)),
                                             (RewardOffer("r", 1 + ts[-1] % 997),)))


@given(programs, st.integers(0, 20_000), st.integers(0, 20_000))
def test_derivation_properties(program: Program, lifetime: int, balance: int) -> None:
    current = [t for t in program.tiers if t.threshold <= lifetime]
    m = derive(program, member(lifetime, balance, current[-1].name if current else None), held=Holdings())
    above = [t for t in program.tiers if t.threshold > lifetime]
    if above:  # the lowest tier not reached yet, and exactly the points missing
        assert m.next_tier_name == above[0].name
        assert m.points_to_next_tier == above[0].threshold - lifetime > 0
    else:
        assert m.next_tier_name is None and m.points_to_next_tier is None
    assert program.cheapest is not None
    assert m.points_to_next_reward == max(0, program.cheapest - balance)
    assert m.reward_ready == (1 if m.points_to_next_reward == 0 else 0)
    assert m.unknown == frozenset()


@given(st.lists(st.integers(0, 50), min_size=2, max_size=6))
def test_only_strictly_increasing_thresholds_pass(ts: list[int]) -> None:
    tiers = [Tier(i, f"T{i}", t) for i, t in enumerate(ts)]
    ok = all(a < b for a, b in pairwise(ts))
    if ok:
        check_tiers(tiers)
    else:
        with pytest.raises(ProgramError):
            check_tiers(tiers)
