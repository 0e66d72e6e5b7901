"""How late a loyalty moment may still go out as a live event: the one place that decides it, per
kind (events.Metric).

A catch-up run — the computer was off for ten days, the schedule missed its runs — sends what is
still due and lists what became too late; it never sends a stale notice as if it were live ("your
points expire in 7 days" about points that expired last week). What is too late is remembered as
history in the outbox (so the next run does not list it again) and listed in the run's summary.

- Points Expiring: a warning is due while its window is the current one: the 30-day warning until
  7 days are left (then the 7-day one is due), the 7-day one until the points expire.
- Reward Expiring: until the reward expires.
- Kinds in MAX_LATE: up to that long after the moment (a birthday greeting a week late is still
  kind; ten days late it is not).
- Other kinds (points earned or redeemed, referrals, tiers) follow the record rules of
  events.live_since: a moment the source reveals long after it happened is history, not live.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from loyalty_desktop.core.events import POINTS_EXPIRY_WARNINGS, LoyaltyEvent, Metric
from loyalty_desktop.core.model import utc

MAX_LATE: dict[Metric, timedelta] = {
    Metric.BIRTHDAY_REWARD_ISSUED: timedelta(days=7),
}


class LateReason(str, enum.Enum):
    POINTS_EXPIRED = "points_expired"  # the points the warning announces have expired
    LATER_WARNING = "later_warning"  # fewer days are left than it announces: the next warning is due
    REWARD_EXPIRED = "reward_expired"  # the reward it reminds of has expired
    TOO_OLD = "too_old"  # further back than its kind may be announced (MAX_LATE)


@dataclass(frozen=True, slots=True)
class LateEvent:
    """A notice that became too late and was not sent."""

    event: LoyaltyEvent
    reason: LateReason

    def to_json(self) -> dict[str, Any]:
        e = self.event
        d: dict[str, Any] = {"email": e.email, "metric": e.metric.value, "unique_id": e.unique_id,
                             "reason": self.reason.value, "at": e.time.isoformat()}
        for key in ("days_before", "days_left", "expiry_date", "expires_at"):
            if key in e.properties:
                d[key] = e.properties[key]
        return d


def current_window(days_left: int) -> int | None:
    """The points warning due with `days_left` days left (30 or 7), None when none is."""
    return min((w for w in POINTS_EXPIRY_WARNINGS if days_left <= w), default=None) if days_left >= 0 else None


def too_late(e: LoyaltyEvent, as_of: datetime) -> LateReason | None:
    """Why `e` may no longer go out live at the program's clock `as_of` (None: it may)."""
    if e.metric is Metric.POINTS_EXPIRING:
        expiry = date.fromisoformat(e.properties["expiry_date"])
        days_left = (expiry - as_of.date()).days
        if days_left < 0:
            return LateReason.POINTS_EXPIRED
        if current_window(days_left) != e.properties.get("days_before"):
            return LateReason.LATER_WARNING
        return None
    if e.metric is Metric.REWARD_EXPIRING:
        rf = e.properties.get("reward_fulfillment") or {}
        expires = rf.get("expires_at") or e.properties.get("expires_at")
        if expires and utc(datetime.fromisoformat(expires)) <= utc(as_of):
            return LateReason.REWARD_EXPIRED
        return None
    limit = MAX_LATE.get(e.metric)
    if limit is not None and utc(as_of) - utc(e.time) > limit:
        return LateReason.TOO_OLD
    return None


def split_late(events: list[LoyaltyEvent], as_of: datetime) -> tuple[list[LoyaltyEvent], list[LateEvent]]:
    """(still due, too late) — what a plan sends and what it lists."""
    due: list[LoyaltyEvent] = []
    late: list[LateEvent] = []
    for e in events:
        reason = too_late(e, as_of)
        if reason is None:
            due.append(e)
        else:
            late.append(LateEvent(e, reason))
    return due, late


def missed_warning_days(expiry: date, previous: date, today: date) -> list[int]:
    """The warning windows whose day came after the previous plan and by today: none of them was
    planned then (they were not due yet), so each is sent now if still due, else listed late."""
    return [w for w in POINTS_EXPIRY_WARNINGS if previous < expiry - timedelta(days=w) <= today]
