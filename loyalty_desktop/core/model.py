"""Domain types shared by every layer: what a loyalty program holds, normalized.

Sources produce these; the store persists them; the planner maps them to destinations.
No I/O here.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from loyalty_desktop.core.source_rejects import SourceReject


class MembershipState(str, enum.Enum):
    MEMBER = "member"
    CANDIDATE = "candidate"
    DISABLED = "disabled"


class LedgerKind(str, enum.Enum):
    """Why points moved."""

    ORDER = "order"  # points earned on an order
    MISSION = "mission"  # a "way to earn" completed (sign-up, review, follow…)
    REFERRAL = "referral"  # points for a completed referral
    BIRTHDAY = "birthday"  # birthday bonus
    REDEEM = "redeem"  # points spent on a reward (negative)
    EXPIRE = "expire"  # points expired (negative)
    ADJUST = "adjust"  # manual correction by the merchant


class RewardOrigin(str, enum.Enum):
    REDEMPTION = "redemption"  # bought with points
    BIRTHDAY = "birthday"
    REFERRAL_SENDER = "referral_sender"
    REFERRAL_RECEIVER = "referral_receiver"
    TIER_ENTRY = "tier_entry"


class ReferralState(str, enum.Enum):
    STARTED = "started"  # link shared / friend invited, friend has not ordered
    CLAIMED = "claimed"  # friend took their reward, no order yet
    COMPLETED = "completed"  # friend ordered; sender rewarded
    EXPIRED = "expired"


# The fields core/program.py derives; a Member built without them does not know them.
DERIVED: frozenset[str] = frozenset({"next_tier_name", "points_to_next_tier", "points_to_next_reward",
                                     "reward_ready", "unused_rewards", "last_reward_code", "referrals_pending"})


@dataclass(frozen=True, slots=True)
class Member:
    """One loyalty member, keyed by normalized email. Field names are the catalog's (fields.py).

    `unknown` names the catalog fields the source does not provide for this member (a column the
    file lacks, a blank points cell): their values here mean nothing, the store's JSON leaves them
    out and no destination payload holds them, so the platform keeps what it has. Never "email".
    """

    email: str
    phone: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    external_id: str | None = None
    points_balance: int = 0
    points_earned_lifetime: int = 0
    missions_completed: int = 0
    rewards_claimed: int = 0
    referrals_completed: int = 0
    tier_name: str | None = None
    tier_id: int | None = None
    referral_url: str | None = None
    membership_state: MembershipState = MembershipState.MEMBER
    birthday: date | None = None
    points_expiring: int = 0
    points_expiry_date: date | None = None
    member_since: date | None = None
    last_activity_at: date | None = None
    # Derived from the program's tiers and rewards (core/program.py); unknown unless a source
    # derives them, so a source that cannot never sends them. None: empty (no next tier).
    next_tier_name: str | None = None
    points_to_next_tier: int | None = None
    points_to_next_reward: int | None = None
    reward_ready: int | None = None  # 1 when the balance buys the cheapest reward, else 0
    unused_rewards: int | None = None
    last_reward_code: str | None = None
    referrals_pending: int | None = None
    unknown: frozenset[str] = DERIVED


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One points movement. `id` is stable in the source: events derive their unique_id from it."""

    id: str
    email: str
    at: datetime
    points_change: int
    kind: LedgerKind
    description: str = ""
    balance_after: int | None = None
    reward_id: str | None = None  # for REDEEM: the reward bought


@dataclass(frozen=True, slots=True)
class Reward:
    """A reward fulfillment (a discount code a member holds)."""

    id: str
    email: str
    name: str
    code: str
    origin: RewardOrigin
    created_at: datetime
    expires_at: datetime | None = None
    used_at: datetime | None = None
    points_spent: int = 0


@dataclass(frozen=True, slots=True)
class Referral:
    id: str
    sender_email: str
    receiver_email: str
    state: ReferralState
    created_at: datetime
    completed_at: datetime | None = None
    sender_reward_code: str | None = None
    receiver_reward_code: str | None = None


@dataclass(frozen=True, slots=True)
class Tier:
    id: int
    name: str
    threshold: int  # lifetime points needed


Record = LedgerEntry | Reward | Referral


@dataclass(slots=True)
class SourceRead:
    """What a source returns for one read.

    `full` means the members/records are the complete program (anything absent was removed);
    otherwise they are only what changed since the cursor given to `read`. `cursor` is opaque,
    stored by the caller and handed back on the next read. `as_of` is the program's clock: the
    planner computes "expiring within 30 days" against it, not the wall clock.
    """

    as_of: datetime
    full: bool
    members: Iterable[Member]
    records: Iterable[Record]
    tiers: list[Tier] = field(default_factory=list)
    cursor: str | None = None
    notes: list[str] = field(default_factory=list)  # lines the user should see (skips, duplicates)
    # The rows the source could not use, once the read was consumed (sources that reject none:
    # nothing).
    rejected_rows: Callable[[], Iterable[SourceReject]] = field(default=lambda: iter(()))
    # The people are invented (the demo program): a replayed history may date their tiers. A real
    # source does not say when a member reached a tier, so for it that would be a false fact.
    invented: bool = False


# --- JSON codec for dataclasses (store rows, outbox payloads) -------------------------------------

_TYPES: dict[str, type] = {
    "member": Member,
    "ledger": LedgerEntry,
    "reward": Reward,
    "referral": Referral,
}
_KIND_OF: dict[type, str] = {v: k for k, v in _TYPES.items()}


def record_kind(obj: Any) -> str:
    return _KIND_OF[type(obj)]


def utc(dt: datetime) -> datetime:
    """Aware UTC datetime (naive ones are taken as UTC)."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _iso_dt(v: datetime) -> str:
    if v.tzinfo is not UTC:
        v = utc(v)
    return v.isoformat()


def _encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A fast per-class encoder (ingesting a million ledger rows makes this hot)."""
    conv: list[tuple[str, Callable[[Any], Any] | None]] = []
    for f in dataclasses.fields(cls):
        t = str(f.type)
        if t.startswith(("MembershipState", "LedgerKind", "RewardOrigin", "ReferralState")):
            conv.append((f.name, lambda v: v.value))
        elif "datetime" in t:
            conv.append((f.name, _iso_dt))
        elif "date" in t:
            conv.append((f.name, date.isoformat))
        else:
            conv.append((f.name, None))

    def encode(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, c in conv:
            v = getattr(obj, name)
            out[name] = c(v) if c is not None and v is not None else v
        return out

    return encode


_ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {cls: _encoder(cls) for cls in _TYPES.values()}


def to_jsonable(obj: Any) -> dict[str, Any]:
    """Plain JSON-ready dict of a Member or record (dates and datetimes as ISO 8601, enums as values).
    A member's unknown fields are left out (a missing key is how the store says "not provided")."""
    out = _ENCODERS[type(obj)](obj)
    if obj.__class__ is Member:
        for key in out.pop("unknown"):
            if key != "email":
                out.pop(key, None)
    return out


MEMBER_KEYS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Member) if f.name != "unknown")


def from_jsonable(kind: str, data: dict[str, Any]) -> Any:
    cls = _TYPES[kind]
    kwargs: dict[str, Any] = {}
    if cls is Member:  # a key the stored member lacks is a field its source did not provide
        kwargs["unknown"] = frozenset(k for k in MEMBER_KEYS if k not in data and k != "email")
    for f in dataclasses.fields(cls):
        if f.name not in data or f.name == "unknown":
            continue
        v = data[f.name]
        t = str(f.type)
        if v is not None:
            if "datetime" in t:
                v = datetime.fromisoformat(v)
            elif "date" in t:
                v = date.fromisoformat(v)
            elif t.startswith("MembershipState"):
                v = MembershipState(v)
            elif t.startswith("LedgerKind"):
                v = LedgerKind(v)
            elif t.startswith("RewardOrigin"):
                v = RewardOrigin(v)
            elif t.startswith("ReferralState"):
                v = ReferralState(v)
        kwargs[f.name] = v
    return cls(**kwargs)
