"""What the Smile.io sandbox reads from a loyalty program to fill its account (the demo program
fits): structural types, so the emulators import nothing from the product."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, Protocol

#: The demo shop's address (reward codes' and guests' referral links point at it).
SHOP_URL = "https://maison-lumiere.fr"


class TierFeed(Protocol):
    id: int
    name: str
    threshold: int  # lifetime points needed


class MemberFeed(Protocol):
    email: str
    external_id: str | None
    first_name: str | None
    last_name: str | None
    birthday: date | None
    member_since: date | None
    membership_state: Enum  # its value: "member", "candidate" or "disabled"
    points_balance: int
    points_earned_lifetime: int
    tier_id: int | None
    referral_url: str | None


class LedgerEntryFeed(Protocol):
    """A points movement: has ``points_change``."""

    id: str
    email: str
    at: datetime
    points_change: int
    description: str


class RewardFeed(Protocol):
    """A reward fulfillment: has ``code``."""

    id: str
    email: str
    name: str
    code: str
    created_at: datetime
    expires_at: datetime | None
    used_at: datetime | None


class ProgramRead(Protocol):
    members: Sequence[Any]  # MemberFeed
    records: Sequence[Any]  # LedgerEntryFeed, RewardFeed, or others (skipped: referrals)
    tiers: Sequence[Any]  # TierFeed
    as_of: datetime
    cursor: str | None


class ProgramFeed(Protocol):
    """``read(None, history=True)``: everything; ``read(cursor, ...)``: what changed since."""

    @property
    def as_of(self) -> datetime: ...

    def read(self, cursor: str | None, history: bool = ...) -> Any: ...  # a ProgramRead


def is_ledger_entry(record: object) -> bool:
    return hasattr(record, "points_change")


def is_reward(record: object) -> bool:
    return hasattr(record, "code") and hasattr(record, "created_at")
