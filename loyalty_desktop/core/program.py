"""A loyalty program's tiers and rewards, and the member fields the emails need, derived from them.

The ONE place where "next tier", "points to the next tier", "points to the next reward" and
"reward ready" are computed; every source (demo, spreadsheet, Smile) builds a `Program` and calls
`derive`. Pure functions, no I/O.

Rules (PRODUCT.md, "Canonical loyalty fields"):
- Tiers are reached on a progress value (lifetime points for the demo and spreadsheets, Smile's
  `vip_status.progress_value` when it gives one). The next tier is the first tier ranked above the
  member's current tier whose threshold the progress has not reached; a member exactly at a
  threshold is in that tier, so its next tier is the one after. At the top tier there is no next
  tier: the name and the points are empty (cleared in the platform), never 0.
- The next reward is the cheapest reward the program sells for points: points to it is
  max(0, price - balance); reward ready is 1 when the balance reaches that price, else 0 (an int:
  Splio has no boolean field, and a 0/1 segments the same in Klaviyo).
- Only members (not candidates, nor disabled accounts) progress or redeem: for them the progress
  fields are empty and reward ready is 0.
- A program without tiers leaves the tier fields unknown (not sent); without rewards, the reward
  fields. The counters (unused rewards, last reward code, pending referrals) come from the
  member's own records (`holdings`), not from the program.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.model import (
    DERIVED,
    Member,
    MembershipState,
    Referral,
    ReferralState,
    Reward,
    Tier,
)

TIER_FIELDS = frozenset({"next_tier_name", "points_to_next_tier"})
REWARD_FIELDS = frozenset({"points_to_next_reward", "reward_ready"})
HOLDING_FIELDS = frozenset({"unused_rewards", "last_reward_code", "referrals_pending"})
DERIVED_FIELDS = TIER_FIELDS | REWARD_FIELDS | HOLDING_FIELDS
assert DERIVED_FIELDS == DERIVED  # model.Member's defaults: one list of derived fields


class ProgramError(ValueError):
    """A tiers or rewards table that cannot be used as it is; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class RewardOffer:
    """A reward members buy with points (Smile's "points product"); `points_price` is the least
    points it can be bought for (a variable product's minimum)."""

    name: str
    points_price: int


@dataclass(frozen=True, slots=True)
class Program:
    """Tiers ordered by threshold (strictly increasing) and rewards for points. Empty tuples mean
    "not known": the fields that depend on them are not sent."""

    tiers: tuple[Tier, ...] = ()
    rewards: tuple[RewardOffer, ...] = ()
    # Where the tiers/rewards came from, for the preview ("the demo program", "the tiers table").
    origin: str = ""
    cheapest: int | None = field(init=False, default=None, compare=False)
    # rank of each tier by folded name and by id (tier_progress runs once per member read)
    ranks: tuple[dict[str, int], dict[int, int]] = field(init=False, default=({}, {}), compare=False, repr=False)

    def __post_init__(self) -> None:
        check_tiers(self.tiers)
        for r in self.rewards:
            if r.points_price <= 0:
                raise ProgramError(tr("reward {name}: its price must be a positive number of points").format(
                    name=repr(r.name)))
        object.__setattr__(self, "cheapest", min((r.points_price for r in self.rewards), default=None))
        object.__setattr__(self, "ranks", ({t.name.strip().casefold(): i for i, t in enumerate(self.tiers)},
                                           {t.id: i for i, t in enumerate(self.tiers)}))

    @property
    def unknown(self) -> frozenset[str]:
        """The derived fields this program cannot give (the holdings are the sources' business)."""
        return (TIER_FIELDS if not self.tiers else frozenset()) | (
            REWARD_FIELDS if not self.rewards else frozenset())


def check_tiers(tiers: Iterable[Tier]) -> None:
    """Tiers must come in increasing threshold order, with no repeated name, id or threshold:
    an unordered or duplicated table is refused rather than guessed."""
    seen_names: set[str] = set()
    seen_ids: set[int] = set()
    prev: Tier | None = None
    for t in tiers:
        if t.threshold < 0:
            raise ProgramError(tr("tier {name}: its threshold {threshold} is negative").format(
                name=repr(t.name), threshold=t.threshold))
        if not t.name.strip():
            raise ProgramError(tr("tier {id}: it has no name").format(id=t.id))
        key = t.name.strip().casefold()
        if key in seen_names:
            raise ProgramError(tr("tier {name} appears twice").format(name=repr(t.name)))
        if t.id in seen_ids:
            raise ProgramError(tr("tier id {id} appears twice").format(id=t.id))
        if prev is not None and t.threshold <= prev.threshold:
            same = t.threshold == prev.threshold
            raise ProgramError((
                tr("tiers {previous} and {name} have the same threshold ({threshold})") if same else
                tr("tier {name} ({threshold}) comes after {previous} ({previous_threshold}): list the tiers from "
                   "the lowest threshold to the highest")).format(
                previous=repr(prev.name), name=repr(t.name), threshold=t.threshold,
                previous_threshold=prev.threshold))
        seen_names.add(key)
        seen_ids.add(t.id)
        prev = t


@dataclass(frozen=True, slots=True)
class TierProgress:
    next_tier: Tier | None  # None: at the top tier (or no tier can be reached)
    points_to_next: int | None  # None with next_tier None; else > 0


def tier_progress(program: Program, progress: int, tier_name: str | None = None,
                  tier_id: int | None = None) -> TierProgress:
    """The next tier above both the current tier (found by name, else by id) and the progress."""
    by_name, by_id = program.ranks
    rank = by_name.get(tier_name.strip().casefold(), -1) if tier_name else -1
    if rank < 0 and tier_id is not None:
        rank = by_id.get(tier_id, -1)
    for t in program.tiers[rank + 1:]:
        if t.threshold > progress:
            return TierProgress(t, t.threshold - progress)
    return TierProgress(None, None)


@dataclass(frozen=True, slots=True)
class Holdings:
    """What a member holds, counted from their records."""

    unused_rewards: int = 0
    last_reward_code: str | None = None
    referrals_pending: int | None = 0  # None: the source lists no referrals (Smile), not sent


def holdings(rewards: Iterable[Reward], referrals: Iterable[Referral], as_of: datetime) -> dict[str, Holdings]:
    """Per email: rewards neither used nor expired at `as_of` (and the code of the latest of them),
    referrals the member started that are not completed nor expired."""
    unused: dict[str, list[Reward]] = {}
    for r in rewards:
        if r.used_at is None and (r.expires_at is None or r.expires_at >= as_of):
            unused.setdefault(r.email, []).append(r)
    pending: dict[str, int] = {}
    for f in referrals:
        if f.state in (ReferralState.STARTED, ReferralState.CLAIMED):
            pending[f.sender_email] = pending.get(f.sender_email, 0) + 1
    out: dict[str, Holdings] = {}
    for email in unused.keys() | pending.keys():
        live = unused.get(email, [])
        latest = max(live, key=lambda r: (r.created_at, r.id)) if live else None
        out[email] = Holdings(len(live), latest.code if latest else None, pending.get(email, 0))
    return out


def next_tier_values(program: Program, active: bool, progress: int, tier_name: str | None,
                     tier_id: int | None) -> tuple[str | None, int | None]:
    """(next tier name, points to it) of a member, or a non-member (both empty)."""
    if not active:
        return None, None
    p = tier_progress(program, progress, tier_name, tier_id)
    return (p.next_tier.name, p.points_to_next) if p.next_tier else (None, None)


def reward_values(program: Program, active: bool, balance: int) -> tuple[int | None, int]:
    """(points to the next reward, reward ready); a non-member is not reward-ready."""
    if not active or program.cheapest is None:
        return None, 0
    return max(0, program.cheapest - balance), int(balance >= program.cheapest)


def derive(program: Program, member: Member, *, progress: int | None = None, lifetime_progress: bool = True,
           held: Holdings | None = None) -> Member:
    """`member` with the derived fields it lacks (those in `member.unknown`) filled: a value the
    source gave (an export's column) is kept. `progress` None means lifetime points when
    `lifetime_progress` (the demo, spreadsheets), else "not known" (the tier fields stay unknown);
    `held` None means the source cannot count the holdings (they stay as they are)."""
    todo = member.unknown & DERIVED
    if not todo:
        return member
    values: dict[str, object] = {}
    active = member.membership_state is MembershipState.MEMBER
    no_progress = progress is None and (not lifetime_progress or "points_earned_lifetime" in member.unknown)
    if program.tiers and not (no_progress and active):
        values["next_tier_name"], values["points_to_next_tier"] = next_tier_values(
            program, active, member.points_earned_lifetime if progress is None else progress,
            member.tier_name, member.tier_id)
    if program.cheapest is not None and "points_balance" not in member.unknown:
        values["points_to_next_reward"], values["reward_ready"] = reward_values(program, active,
                                                                               member.points_balance)
    if held is not None:
        values.update(unused_rewards=held.unused_rewards, last_reward_code=held.last_reward_code)
        if held.referrals_pending is not None:
            values["referrals_pending"] = held.referrals_pending
    values = {k: v for k, v in values.items() if k in todo}
    if not values:
        return member
    return replace(member, **values, unknown=member.unknown - values.keys())  # type: ignore[arg-type]
