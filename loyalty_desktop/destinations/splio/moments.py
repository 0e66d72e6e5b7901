"""Loyalty moments in Splio: the contact custom fields a moment writes, and the interaction it posts.

Splio has no flow triggered by an API event, but a trigger campaign on "Contact update — update a
specific field" fires within about 5 minutes of the field being written through the API
(``shared/specs/splio/SOURCE.md``). So each moment writes:

- a date field of its own (``loyalty_points_earned_at``, …): the field a campaign watches, one
  campaign per moment (the 30-day and 7-day points-expiry notices have one each);
- the values the email shows (points change, new tier, reward code, expiring points and date, the
  notice ``J-30``/``J-7``), and ``loyalty_last_moment`` / ``loyalty_last_moment_at`` for filters;

and is posted as an interaction (``POST /events/bulk``, Interactions API) whose ``ext_id`` is the
event's deterministic id and ``ext_provider`` is fixed: Splio refuses a repeated pair, so a moment
sent again after a kill is "already delivered", never a duplicate.

No I/O here: :mod:`.moments_send` writes them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from loyalty_desktop.core.events import LoyaltyEvent, Metric
from loyalty_desktop.store.store import dumps

EXT_PROVIDER = "loyalty-desktop"
CHANNEL = "custom channel"  # the Interactions spec: "if no channel is identifiable"
SOURCE_TYPE = "loyalty"
_SAFE_EXT_ID = re.compile(r"^[A-Za-z0-9._:@+-]{1,190}$")


@dataclass(frozen=True, slots=True)
class MomentField:
    name: str
    type: str  # int | text | date (Splio's creation types)


@dataclass(frozen=True, slots=True)
class Moment:
    """One moment kind: its interaction name and the date field a trigger campaign watches."""

    key: str  # interaction event name and id in the kit ("points_earned", …)
    metric: Metric
    trigger: str  # the date field written when it happens
    values: tuple[str, ...]  # the fields its email reads


F_LAST, F_LAST_AT = "loyalty_last_moment", "loyalty_last_moment_at"
F_POINTS_EARNED, F_POINTS_REDEEMED = "loyalty_points_earned", "loyalty_points_redeemed"
F_REWARD_CODE, F_NEW_TIER = "loyalty_reward_code", "loyalty_new_tier"
F_REFERRAL_CODE = "loyalty_referral_reward_code"
F_EXPIRING_CODE, F_REWARD_EXPIRY = "loyalty_expiring_reward_code", "loyalty_reward_expiry_date"
F_EXPIRING_POINTS, F_POINTS_EXPIRY = "loyalty_expiring_points", "loyalty_points_expiry_date"
F_NOTICE, F_BIRTHDAY_CODE = "loyalty_expiry_notice", "loyalty_birthday_reward_code"

MOMENTS: tuple[Moment, ...] = (
    Moment("points_earned", Metric.POINTS_EARNED, "loyalty_points_earned_at", (F_POINTS_EARNED,)),
    Moment("points_redeemed", Metric.POINTS_REDEEMED, "loyalty_points_redeemed_at",
           (F_POINTS_REDEEMED, F_REWARD_CODE)),
    Moment("tier_reached", Metric.VIP_TIER_ACHIEVED, "loyalty_tier_reached_at", (F_NEW_TIER,)),
    Moment("referral_completed", Metric.REFERRAL_COMPLETED, "loyalty_referral_completed_at", (F_REFERRAL_CODE,)),
    Moment("reward_expiring", Metric.REWARD_EXPIRING, "loyalty_reward_expiring_at",
           (F_EXPIRING_CODE, F_REWARD_EXPIRY)),
    Moment("points_expiring_30d", Metric.POINTS_EXPIRING, "loyalty_points_expiring_30d_at",
           (F_EXPIRING_POINTS, F_POINTS_EXPIRY, F_NOTICE)),
    Moment("points_expiring_7d", Metric.POINTS_EXPIRING, "loyalty_points_expiring_7d_at",
           (F_EXPIRING_POINTS, F_POINTS_EXPIRY, F_NOTICE)),
    Moment("birthday", Metric.BIRTHDAY_REWARD_ISSUED, "loyalty_birthday_reward_at", (F_BIRTHDAY_CODE,)),
)
MOMENT_BY_KEY = {m.key: m for m in MOMENTS}
# The recommended flows (resources/flows/recommended.json) a Splio moment triggers: flow id → moment.
FLOW_MOMENTS = {"points_earned": "points_earned", "reward_reminder": "points_redeemed",
                "unused_reward": "reward_expiring", "referral_completed": "referral_completed",
                "points_expiring_30": "points_expiring_30d", "points_expiring_7": "points_expiring_7d",
                "tier_achieved": "tier_reached", "birthday": "birthday"}
# Loyalty fields a mapping may leave out whose value a moment field carries (the expiry notices).
FIELD_FALLBACKS = {"points_expiring": F_EXPIRING_POINTS, "points_expiry_date": F_POINTS_EXPIRY}
# In those flows' texts, the event values a moment field carries: (flow id, event path) → field.
FLOW_VALUES = {("points_earned", "points_change"): F_POINTS_EARNED,
               ("reward_reminder", "reward_fulfillment.code"): F_REWARD_CODE,
               ("unused_reward", "reward_fulfillment.code"): F_EXPIRING_CODE,
               ("unused_reward", "reward_fulfillment.expires_at"): F_REWARD_EXPIRY,
               ("referral_completed", "sender_reward_fulfillment.code"): F_REFERRAL_CODE,
               ("birthday", "reward_fulfillment.code"): F_BIRTHDAY_CODE}
_TYPES = {F_LAST: "text", F_LAST_AT: "date", F_POINTS_EARNED: "int", F_POINTS_REDEEMED: "int",
          F_REWARD_CODE: "text", F_NEW_TIER: "text", F_REFERRAL_CODE: "text", F_EXPIRING_CODE: "text",
          F_REWARD_EXPIRY: "date", F_EXPIRING_POINTS: "int", F_POINTS_EXPIRY: "date", F_NOTICE: "text",
          F_BIRTHDAY_CODE: "text"}
MOMENT_FIELDS: tuple[MomentField, ...] = (
    *(MomentField(m.trigger, "date") for m in MOMENTS),
    *(MomentField(name, t) for name, t in _TYPES.items()),
)


def moment_of(event: LoyaltyEvent) -> Moment | None:
    """The Splio moment an event stands for (None: an interaction only, e.g. a referral started)."""
    if event.metric is Metric.POINTS_EXPIRING:
        return MOMENT_BY_KEY["points_expiring_7d" if event.properties.get("days_before") == 7
                             else "points_expiring_30d"]
    return next((m for m in MOMENTS if m.metric is event.metric), None)


def splio_datetime(value: datetime | str | None) -> str:
    """Splio's date format (``YYYY-MM-DD HH:MM:SS``) in this computer's time zone; "" when there is
    none. Splio reads such dates in the API user's time zone (its Swagger: "the user api timezone
    and not the system timezone"), which the API does not tell: the merchant's computer stands in
    the same place, so its local time is the closest reading (UTC showed a French merchant's
    moments one or two hours early). A value without a zone (an expiry day) is written as it is."""
    if value is None or value == "":
        return ""
    at = datetime.fromisoformat(value) if isinstance(value, str) else value
    if at.tzinfo is not None:
        at = at.astimezone()
    return at.strftime("%Y-%m-%d %H:%M:%S")


def _code(props: dict[str, Any], key: str) -> str:
    rf = props.get(key)
    return str(rf.get("code") or "") if isinstance(rf, dict) else ""


def field_values(event: LoyaltyEvent) -> dict[str, str]:
    """The moment fields (by name, Splio strings) this event writes on the contact."""
    moment = moment_of(event)
    if moment is None:
        return {}
    p = event.properties
    at = splio_datetime(event.time)
    out = {moment.trigger: at, F_LAST: moment.key, F_LAST_AT: at}
    if moment.metric is Metric.POINTS_EARNED:
        out[F_POINTS_EARNED] = str(int(p.get("points_change") or 0))
    elif moment.metric is Metric.POINTS_REDEEMED:
        out[F_POINTS_REDEEMED] = str(int(p.get("points_spent") or 0))
        out[F_REWARD_CODE] = _code(p, "reward_fulfillment")
    elif moment.metric is Metric.VIP_TIER_ACHIEVED:
        out[F_NEW_TIER] = str(p.get("tier_name") or "")
    elif moment.metric is Metric.REFERRAL_COMPLETED:
        out[F_REFERRAL_CODE] = _code(p, "sender_reward_fulfillment")
    elif moment.metric is Metric.REWARD_EXPIRING:
        out[F_EXPIRING_CODE] = str(p.get("code") or "")
        out[F_REWARD_EXPIRY] = splio_datetime(p.get("expires_at"))
    elif moment.metric is Metric.POINTS_EXPIRING:
        out[F_EXPIRING_POINTS] = str(int(p.get("points_expiring") or 0))
        out[F_POINTS_EXPIRY] = splio_datetime(p.get("expiry_date"))
        out[F_NOTICE] = f"J-{int(p.get('days_before') or 30)}"
    elif moment.metric is Metric.BIRTHDAY_REWARD_ISSUED:
        out[F_BIRTHDAY_CODE] = str(p.get("code") or "")
    return out


def ext_id(unique_id: str) -> str:
    """The interaction's ext_id: the event's deterministic id, hashed when it has characters (or a
    length) an external id should not carry."""
    if _SAFE_EXT_ID.match(unique_id):
        return unique_id
    return "h-" + hashlib.blake2b(unique_id.encode(), digest_size=16).hexdigest()


def event_name(event: LoyaltyEvent) -> str:
    moment = moment_of(event)
    return moment.key if moment else event.metric.value.lower().replace(" ", "_")


def encode(event: LoyaltyEvent) -> str:
    """The outbox payload: the contact (email), the fields to write, the interaction to post. A
    moment replayed as history (backfill) is an interaction only: writing its trigger field would
    start a campaign about something that did not just happen."""
    interaction = {"individual_id": event.email, "channel": CHANNEL, "event": event_name(event),
                   "value_date": splio_datetime(event.time), "ext_id": ext_id(event.unique_id),
                   "ext_provider": EXT_PROVIDER, "source_type": SOURCE_TYPE}
    return dumps({"k": event.email, "f": {} if event.backfill else field_values(event), "i": interaction})
