"""The canonical loyalty field catalog and the mappings from it to a destination's fields.

Every destination maps from this one catalog (PRODUCT.md). A `Mapping` is what the user edits in
the wizard: which catalog field goes to which destination field, enabled or not. Its fingerprint
is part of every payload fingerprint, so a mapping edit re-sends exactly what it changes.
No I/O here.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from collections.abc import Mapping as TMapping
from dataclasses import dataclass, replace
from typing import Any


class FieldType(str, enum.Enum):
    TEXT = "text"
    INT = "int"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class CatalogField:
    key: str  # attribute name on model.Member
    type: FieldType
    label: str  # English label; the UI translates it


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate extracts)
    """Marks a label for translation (the UI translates it in the "Catalog" context); core imports no Qt."""
    return text


CATALOG: tuple[CatalogField, ...] = (
    CatalogField("email", FieldType.TEXT, "Email"),
    CatalogField("phone", FieldType.TEXT, "Phone"),
    CatalogField("first_name", FieldType.TEXT, "First name"),
    CatalogField("last_name", FieldType.TEXT, "Last name"),
    CatalogField("external_id", FieldType.TEXT, "External ID"),
    CatalogField("points_balance", FieldType.INT, "Points balance"),
    CatalogField("points_earned_lifetime", FieldType.INT, "Points earned (lifetime)"),
    CatalogField("missions_completed", FieldType.INT, "Missions completed"),
    CatalogField("rewards_claimed", FieldType.INT, "Rewards claimed"),
    CatalogField("referrals_completed", FieldType.INT, "Referrals completed"),
    CatalogField("tier_name", FieldType.TEXT, "Tier name"),
    CatalogField("tier_id", FieldType.INT, "Tier ID"),
    CatalogField("referral_url", FieldType.TEXT, "Referral URL"),
    CatalogField("membership_state", FieldType.TEXT, "Membership state"),
    CatalogField("birthday", FieldType.DATE, "Birthday"),
    CatalogField("points_expiring", FieldType.INT, "Points expiring"),
    CatalogField("points_expiry_date", FieldType.DATE, "Points expiry date"),
    CatalogField("member_since", FieldType.DATE, "Member since"),
    CatalogField("last_activity_at", FieldType.DATE, "Last activity"),
    # Derived from the program's tiers and rewards (core/program.py) or read from export columns.
    CatalogField("next_tier_name", FieldType.TEXT, QT_TRANSLATE_NOOP("Catalog", "Next tier")),
    CatalogField("points_to_next_tier", FieldType.INT, QT_TRANSLATE_NOOP("Catalog", "Points to the next tier")),
    CatalogField("points_to_next_reward", FieldType.INT, QT_TRANSLATE_NOOP("Catalog", "Points to the next reward")),
    CatalogField("reward_ready", FieldType.INT,
                 QT_TRANSLATE_NOOP("Catalog", "Reward ready (1 = can get a reward now)")),
    CatalogField("unused_rewards", FieldType.INT, QT_TRANSLATE_NOOP("Catalog", "Unused rewards")),
    CatalogField("last_reward_code", FieldType.TEXT, QT_TRANSLATE_NOOP("Catalog", "Last reward code")),
    CatalogField("referrals_pending", FieldType.INT, QT_TRANSLATE_NOOP("Catalog", "Referrals pending")),
)
CATALOG_BY_KEY: dict[str, CatalogField] = {f.key: f for f in CATALOG}
IDENTITY_KEYS = ("email", "phone", "first_name", "last_name", "external_id")
# Fields whose missing value means "not known", never "0" nor "cleared": a blank points cell, a
# date column a later export lacks. A member's `Member.unknown` lists such fields; destinations
# leave them untouched. Texts (and the tier id that goes with a tier name) may still be emptied: a
# tier the member no longer holds.
BLANK_IS_UNKNOWN: frozenset[str] = frozenset(
    f.key for f in CATALOG if f.type is not FieldType.TEXT and f.key != "tier_id") | {"membership_state"}


@dataclass(frozen=True, slots=True)
class FieldMapping:
    source: str  # catalog key
    target: str  # destination field (Klaviyo property name, Splio custom field…)
    enabled: bool = True

    @property
    def field(self) -> CatalogField:
        return CATALOG_BY_KEY[self.source]


@dataclass(frozen=True, slots=True)
class Mapping:
    preset: str
    fields: tuple[FieldMapping, ...]

    def __post_init__(self) -> None:
        unknown = [f.source for f in self.fields if f.source not in CATALOG_BY_KEY]
        if unknown:
            raise ValueError(f"unknown catalog field(s): {', '.join(unknown)}")
        targets = [f.target for f in self.fields if f.enabled]
        dupes = sorted({t for t in targets if targets.count(t) > 1})
        if dupes:
            raise ValueError(f"several fields map to: {', '.join(dupes)}")

    @property
    def enabled(self) -> tuple[FieldMapping, ...]:
        return tuple(f for f in self.fields if f.enabled)

    def fingerprint(self) -> str:
        import hashlib  # here: it loads OpenSSL, which opening the app's window does not need (issue 18)

        raw = json.dumps([(f.source, f.target) for f in self.enabled])
        return hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()

    def apply(self, member: TMapping[str, Any]) -> dict[str, Any]:
        """Catalog values (as stored: ints, ISO date strings, None) keyed by destination field."""
        return {f.target: member.get(f.source) for f in self.enabled}

    def with_field(self, source: str, *, target: str | None = None, enabled: bool | None = None) -> Mapping:
        """A copy with one field renamed / enabled / disabled (added if absent)."""
        out: list[FieldMapping] = []
        found = False
        for f in self.fields:
            if f.source == source:
                found = True
                f = replace(f, target=target if target is not None else f.target,
                            enabled=enabled if enabled is not None else f.enabled)
            out.append(f)
        if not found:
            out.append(FieldMapping(source, target or source, True if enabled is None else enabled))
        return Mapping("custom", tuple(out))

    def to_json(self) -> dict[str, Any]:
        return {"preset": self.preset, "fields": [[f.source, f.target, f.enabled] for f in self.fields]}

    @classmethod
    def from_json(cls, data: TMapping[str, Any]) -> Mapping:
        return cls(str(data["preset"]), tuple(FieldMapping(s, t, bool(e)) for s, t, e in data["fields"]))


def _mapping(preset: str, pairs: Iterable[tuple[str, str] | tuple[str, str, bool]]) -> Mapping:
    return Mapping(preset, tuple(FieldMapping(*p) for p in pairs))


# Klaviyo profile attributes (not custom properties); a mapping targets them by these names.
KLAVIYO_ATTRIBUTES = ("email", "phone_number", "first_name", "last_name", "external_id")

# The fields the seed's emails need (progress, rewards), as readable Klaviyo properties.
KLAVIYO_DERIVED: tuple[tuple[str, str], ...] = (
    ("next_tier_name", "Loyalty Next Tier Name"),
    ("points_to_next_tier", "Loyalty Points To Next Tier"),
    ("points_to_next_reward", "Loyalty Points To Next Reward"),
    ("reward_ready", "Loyalty Reward Ready"),
    ("unused_rewards", "Loyalty Unused Rewards"),
    ("last_reward_code", "Loyalty Last Reward Code"),
    ("referrals_pending", "Loyalty Referrals Pending"),
)

# Smile.io's exact property names (help.smile.io data-syncing), so existing Smile flows keep working.
KLAVIYO_SMILE = _mapping("klaviyo-smile", [
    ("email", "email"),
    ("points_balance", "Smile Points Balance"),
    ("referral_url", "Smile Referral URL"),
    ("tier_name", "Smile VIP Tier Name"),
    ("tier_id", "Smile VIP Tier ID"),
    ("membership_state", "Smile State"),
    # Not Smile's (it has no such properties; never invent "Smile …" names): readable extras for
    # the emails that show progress and rewards, off so the preset stays Smile's exact five.
    *((source, target, False) for source, target in KLAVIYO_DERIVED),
])

KLAVIYO_LOYALTY = _mapping("klaviyo-loyalty", [
    ("email", "email"),
    # Off by default: a phone owned by another Klaviyo profile turns an upsert into a 409.
    ("phone", "phone_number", False),
    ("first_name", "first_name"),
    ("last_name", "last_name"),
    ("external_id", "external_id"),
    ("points_balance", "Loyalty Points Balance"),
    ("points_earned_lifetime", "Loyalty Points Earned Lifetime"),
    ("missions_completed", "Loyalty Missions Completed"),
    ("rewards_claimed", "Loyalty Rewards Claimed"),
    ("referrals_completed", "Loyalty Referrals Completed"),
    ("tier_name", "Loyalty Tier Name"),
    ("tier_id", "Loyalty Tier ID"),
    ("referral_url", "Loyalty Referral URL"),
    ("membership_state", "Loyalty State"),
    ("birthday", "Loyalty Birthday"),
    ("points_expiring", "Loyalty Points Expiring"),
    ("points_expiry_date", "Loyalty Points Expiry Date"),
    ("member_since", "Loyalty Member Since"),
    ("last_activity_at", "Loyalty Last Activity"),
    *KLAVIYO_DERIVED,
])

# Loyoly's Splio contact custom fields (its help centre: "Customer point balance", "Customer
# missions count", "Customer rewards count", "Customer referrals count", "Customer VIP tier name",
# "Phone number", "Customer birthdate"), named without spaces or accents as Splio advises for
# Designer variables. Loyoly's exact technical keys are only in a screenshot: existing fields with
# these names are reused by id, missing ones are created on request. The contact is found by the
# universe's unique key, so no identity field is mapped.
SPLIO_LOYOLY = _mapping("splio-loyoly", [
    ("points_balance", "customer_point_balance"),
    ("missions_completed", "customer_missions_count"),
    ("rewards_claimed", "customer_rewards_count"),
    ("referrals_completed", "customer_referrals_count"),
    ("tier_name", "customer_vip_tier_name"),
    ("phone", "phone_number"),
    ("birthday", "customer_birthdate"),
    # Beyond Loyoly's five: what the emails need, created on request like the others.
    ("next_tier_name", "customer_next_tier_name"),
    ("points_to_next_tier", "customer_points_to_next_tier"),
    ("points_to_next_reward", "customer_points_to_next_reward"),
    ("reward_ready", "customer_reward_ready"),
    ("unused_rewards", "customer_unused_rewards_count"),
    ("last_reward_code", "customer_last_reward_code"),
    ("referrals_pending", "customer_pending_referrals_count"),
])

PRESETS: dict[str, Mapping] = {m.preset: m for m in (KLAVIYO_SMILE, KLAVIYO_LOYALTY, SPLIO_LOYOLY)}
PRESET_LABELS: dict[str, str] = {
    "klaviyo-smile": "Klaviyo — Smile.io-compatible",
    "klaviyo-loyalty": "Klaviyo — Loyalty",
    "splio-loyoly": "Splio — Loyoly-compatible",
}
