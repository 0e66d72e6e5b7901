"""Loyalty moments as destination events, derived from source records and snapshot changes.

Each event has a deterministic `unique_id`, so re-planning or re-sending never duplicates it
(Klaviyo deduplicates on profile + metric + unique_id). Payload keys follow Smile.io's objects so
the template variables merchants already use keep working: `{{ event.points_change }}`,
`{{ event.reward_fulfillment.code }}`, `{{ event.receiver_reward_fulfillment.code }}`,
`{{ event.sender_reward_fulfillment.code }}`, `previous_vip_tier` / `current_vip_tier`.
No I/O here: the planner feeds it rows from the store.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from loyalty_desktop.core.model import LedgerKind, ReferralState, RewardOrigin


class Metric(str, enum.Enum):
    POINTS_EARNED = "Points Earned"
    POINTS_REDEEMED = "Points Redeemed"
    VIP_TIER_ACHIEVED = "VIP Tier Achieved"
    REFERRAL_STARTED = "Referral Started"
    REFERRAL_COMPLETED = "Referral Completed"
    POINTS_EXPIRING = "Points Expiring"
    REWARD_EXPIRING = "Reward Expiring"
    BIRTHDAY_REWARD_ISSUED = "Birthday Reward Issued"


# Warnings are sent this many days before points expire (30-day warning, 7-day last chance),
# and this many days before an unused reward expires.
POINTS_EXPIRY_WARNINGS = (30, 7)
REWARD_EXPIRY_WARNING = 7

# Live or history. A moment a source reveals late is recorded as history (remembered, never sent
# as a flow trigger) rather than sent as if it had just happened: a "Points Earned" email about a
# movement months old confuses the customer. Late means dated before the destination's first sync
# (e.g. a ledger file added to a members file already synced), or before its previous sync by
# more than LATE_GRACE (an export made a few days before it was imported still counts as new),
# or older than MAX_LIVE_AGE at the program's clock (a sync resumed after a long pause).
LATE_GRACE = timedelta(days=7)
MAX_LIVE_AGE = timedelta(days=45)

_EARN_KINDS = {LedgerKind.ORDER, LedgerKind.MISSION, LedgerKind.REFERRAL, LedgerKind.BIRTHDAY, LedgerKind.ADJUST}


@dataclass(frozen=True, slots=True)
class LoyaltyEvent:
    metric: Metric
    email: str
    time: datetime
    unique_id: str
    properties: dict[str, Any] = field(default_factory=dict)
    backfill: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"metric": self.metric.value, "email": self.email, "time": self.time.isoformat(),
                "unique_id": self.unique_id, "properties": self.properties, "backfill": self.backfill}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> LoyaltyEvent:
        return cls(Metric(d["metric"]), d["email"], datetime.fromisoformat(d["time"]), d["unique_id"],
                   d.get("properties", {}), bool(d.get("backfill", False)))


def _fulfillment(reward: dict[str, Any] | None) -> dict[str, Any] | None:
    if not reward:
        return None
    return {"id": reward["id"], "code": reward["code"], "name": reward["name"],
            "expires_at": reward.get("expires_at"), "origin": reward.get("origin")}


RewardLookup = Callable[[str], dict[str, Any] | None]


def from_record(kind: str, r: dict[str, Any], reward: RewardLookup) -> list[LoyaltyEvent]:
    """Events a source record stands for (a record may change state and yield a second one)."""
    if kind == "ledger":
        lk = LedgerKind(r["kind"])
        at = datetime.fromisoformat(r["at"])
        base = {"points_change": r["points_change"], "reason": lk.value, "description": r.get("description", ""),
                "points_balance": r.get("balance_after"), "transaction_id": r["id"]}
        if lk is LedgerKind.REDEEM:
            rf = _fulfillment(reward(r["reward_id"])) if r.get("reward_id") else None
            props = {**base, "points_spent": -r["points_change"], "reward_fulfillment": rf}
            return [LoyaltyEvent(Metric.POINTS_REDEEMED, r["email"], at, f"{r['id']}:redeemed", _clean(props))]
        if lk in _EARN_KINDS and r["points_change"] > 0:
            return [LoyaltyEvent(Metric.POINTS_EARNED, r["email"], at, f"{r['id']}:earned", _clean(base))]
        return []
    if kind == "reward":
        if RewardOrigin(r["origin"]) is RewardOrigin.BIRTHDAY:
            rf = _fulfillment(r)
            props = {**(rf or {}), "reward_fulfillment": rf}
            return [LoyaltyEvent(Metric.BIRTHDAY_REWARD_ISSUED, r["email"], datetime.fromisoformat(r["created_at"]),
                                 f"{r['id']}:birthday", _clean(props))]
        return []
    if kind == "referral":
        state = ReferralState(r["state"])
        props = _clean({
            "referral_id": r["id"], "sender_email": r["sender_email"], "receiver_email": r["receiver_email"],
            "state": state.value,
            "sender_reward_fulfillment": {"code": r["sender_reward_code"]} if r.get("sender_reward_code") else None,
            "receiver_reward_fulfillment": ({"code": r["receiver_reward_code"]}
                                            if r.get("receiver_reward_code") else None),
        })
        out: list[LoyaltyEvent] = []
        if state is not ReferralState.EXPIRED:
            # Smile's "Referral Started": the invited friend gets their reward code.
            out.append(LoyaltyEvent(Metric.REFERRAL_STARTED, r["receiver_email"],
                                    datetime.fromisoformat(r["created_at"]), f"{r['id']}:started", props))
        if state is ReferralState.COMPLETED:
            at = datetime.fromisoformat(r["completed_at"] or r["created_at"])
            out.append(LoyaltyEvent(Metric.REFERRAL_COMPLETED, r["sender_email"], at, f"{r['id']}:completed", props))
        return out
    return []


def tier_achieved(email: str, previous: dict[str, Any] | None, current: dict[str, Any], at: datetime) -> LoyaltyEvent:
    props = _clean({"previous_vip_tier": previous, "current_vip_tier": current,
                    "tier_name": current["name"], "description": f"Achieved {current['name']}"})
    return LoyaltyEvent(Metric.VIP_TIER_ACHIEVED, email, at, f"tier:{email}:{current['id']}:{at.date().isoformat()}",
                        props)


def points_expiring(member: dict[str, Any], as_of: datetime) -> LoyaltyEvent | None:
    """The warning due now for this member's next expiring points: 30-day, or 7-day last chance."""
    if not member.get("points_expiring") or not member.get("points_expiry_date"):
        return None
    expiry = date.fromisoformat(member["points_expiry_date"])
    days = (expiry - as_of.date()).days
    if days < 0:
        return None
    window = min((w for w in POINTS_EXPIRY_WARNINGS if days <= w), default=None)
    if window is None:
        return None
    return points_warning(member["email"], member["points_expiring"], expiry, window, as_of,
                          member.get("points_balance"))


def points_warning(email: str, points: int, expiry: date, window: int, as_of: datetime,
                   balance: int | None = None) -> LoyaltyEvent:
    """The `window`-day warning (30 or 7) for `points` expiring on `expiry` (also a missed one:
    core/lateness.py)."""
    props = {"points_expiring": points, "expiry_date": expiry.isoformat(), "days_before": window,
             "days_left": (expiry - as_of.date()).days, "points_balance": balance}
    return LoyaltyEvent(Metric.POINTS_EXPIRING, email, as_of, f"expiring:{email}:{expiry.isoformat()}:{window}d",
                        _clean(props))


def reward_expiring(reward: dict[str, Any], as_of: datetime) -> LoyaltyEvent:
    rf = _fulfillment(reward)
    expires = datetime.fromisoformat(reward["expires_at"])
    props = {**(rf or {}), "reward_fulfillment": rf, "days_left": max(0, (expires - as_of).days)}
    return LoyaltyEvent(Metric.REWARD_EXPIRING, reward["email"], as_of, f"{reward['id']}:expiring", _clean(props))


def live_since(as_of: datetime, first_as_of: datetime | None, planned_as_of: datetime | None) -> datetime:
    """Events dated before this are history (see LATE_GRACE): the latest of the first sync's
    clock, the previous sync's clock less the grace, and the current clock less MAX_LIVE_AGE."""
    bounds = [as_of - MAX_LIVE_AGE]
    if first_as_of is not None:
        bounds.append(first_as_of)
    if planned_as_of is not None:
        bounds.append(planned_as_of - LATE_GRACE)
    return max(bounds)


def expiry_windows(as_of: datetime) -> tuple[tuple[str, str], tuple[str, str]]:
    """(points date range, rewards datetime range) in which a warning is due, as ISO strings."""
    d = as_of.date()
    points = (d.isoformat(), (d + timedelta(days=max(POINTS_EXPIRY_WARNINGS))).isoformat())
    start = datetime.combine(d, time(), UTC)
    rewards = (as_of.isoformat(), (start + timedelta(days=REWARD_EXPIRY_WARNING + 1)).isoformat())
    return points, rewards


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    # Klaviyo ignores null/"" event properties; leaving them out keeps payloads small and stable.
    return {k: v for k, v in d.items() if v is not None and v != ""}
