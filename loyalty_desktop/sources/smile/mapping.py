"""Smile.io objects → the normalized model: the rules where Smile's API says nothing explicit.

No I/O. Smile's points transactions carry no "kind" and its reward fulfillments no "origin"
(only a customer-visible description / name), so both are classified here:

- A negative transaction created within `REDEEM_WINDOW_S` of a reward fulfillment of the same
  customer is a redemption (a points purchase creates both at once); that fulfillment is its
  reward and its `points_spent` is the points taken. This structural rule needs no wording.
- Otherwise the description (and internal note) decide, in English and French, in this order:
  negative: expiry → redeem → adjust (fallback); positive: referral → birthday bonus (but not
  "added a birthday" style missions) → order → manual adjustment → mission (fallback: every
  other way to earn, e.g. sign-up, newsletter, social follow, review).
- Fulfillments: redemption (matched) → birthday → tier entry (a tier's name, "tier", "VIP",
  "palier") → referral receiver ("welcome gift", "first order", "friend"…) → referral sender
  ("referral", "parrainage") → redemption (fallback).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime

from loyalty_desktop.core.model import LedgerKind, RewardOrigin

REDEEM_WINDOW_S = 10.0
UNKNOWN_YEAR = 1004  # Smile: "a year value of 1004 means only the day and month were entered"


def _fold(text: str | None) -> str:
    """Lower-case, accents removed, apostrophes unified: 'Échangés' → 'echanges'."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in t if not unicodedata.combining(c)).lower()


_EXPIRE = re.compile(r"expir|perim")
_REDEEM = re.compile(r"redeem|redemption|spent|spend|echang|utilis|coupon|voucher|\bbon\b|reward|recompense|"
                     r"remise|discount|purchase")
_REFERRAL = re.compile(r"referr|refer a friend|referral|parrain|filleul")
_BIRTHDAY = re.compile(r"birthday|anniversaire")
_BIRTHDAY_MISSION = re.compile(r"\badd|\bentered|\bprovid|renseign|profil|date d|date of|saisi|ajout")
_ORDER = re.compile(r"\border|commande|achat|purchase|placed")
_ADJUST = re.compile(r"adjust|correction|manual|import|ajust|geste|compensation|migrat|annul|cancel|"
                     r"refund|rembours|revers")


def classify_transaction(points_change: int, description: str | None, internal_note: str | None = None,
                         *, redemption: bool = False) -> LedgerKind:
    """The ledger kind of a Smile points transaction (see the module docstring)."""
    text = _fold(description) + " | " + _fold(internal_note)
    if points_change < 0:
        if redemption:
            return LedgerKind.REDEEM
        if _EXPIRE.search(text):
            return LedgerKind.EXPIRE
        if _REDEEM.search(text) and not _ADJUST.search(text):
            return LedgerKind.REDEEM
        return LedgerKind.ADJUST
    if points_change == 0:
        return LedgerKind.ADJUST
    if _REFERRAL.search(text):
        return LedgerKind.REFERRAL
    if _BIRTHDAY.search(text) and not _BIRTHDAY_MISSION.search(text):
        return LedgerKind.BIRTHDAY
    if _ORDER.search(text):
        return LedgerKind.ORDER
    if _ADJUST.search(text):
        return LedgerKind.ADJUST
    return LedgerKind.MISSION


_TIER_WORDS = re.compile(r"\b(tier|vip|palier|niveau|statut)\b")
_RECEIVER = re.compile(r"welcome gift|first order|1re commande|1ere commande|premiere commande|friend's|"
                       r"your friend|referred friend|filleul|offert par")
_SENDER = re.compile(r"referral|refer a friend|parrainage|parrain\b")


def classify_reward(name: str | None, tier_names: list[str] | tuple[str, ...] = (),
                    *, redemption: bool = False) -> RewardOrigin:
    """The origin of a Smile reward fulfillment (see the module docstring)."""
    if redemption:
        return RewardOrigin.REDEMPTION
    text = _fold(name)
    if _BIRTHDAY.search(text):
        return RewardOrigin.BIRTHDAY
    if _TIER_WORDS.search(text) or any(re.search(rf"\b{re.escape(_fold(t))}\b", text) for t in tier_names if t):
        return RewardOrigin.TIER_ENTRY
    if _RECEIVER.search(text):
        return RewardOrigin.REFERRAL_RECEIVER
    if _SENDER.search(text):
        return RewardOrigin.REFERRAL_SENDER
    return RewardOrigin.REDEMPTION


# -- values ------------------------------------------------------------------------------------

def parse_datetime(value: object) -> datetime | None:
    """Smile's ISO 8601 timestamps ('2024-04-04T15:10:42.030Z') as aware UTC datetimes."""
    if not isinstance(value, str) or not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def format_datetime(dt: datetime) -> str:
    """The wire format Smile uses: UTC, milliseconds, 'Z'."""
    dt = dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def parse_birthday(value: object) -> date | None:
    """`date_of_birth`. Year 1004 (day and month only) is kept as is: it is Smile's own marker,
    a valid date, and date-anniversary flows only use the day and month."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(value: object) -> tuple[str | None, str]:
    """(normalized email, "") or (None, why): "no email" or "invalid email"."""
    if not isinstance(value, str) or not value.strip():
        return None, "no email"
    email = value.strip().lower()
    if not _EMAIL.match(email):
        return None, "invalid email"
    return email, ""


def as_int(value: object, default: int = 0) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        try:
            return int(float(value))
        except ValueError:
            return default
    return default


def as_opt_int(value: object) -> int | None:
    return None if value is None or isinstance(value, bool) else as_int(value)
