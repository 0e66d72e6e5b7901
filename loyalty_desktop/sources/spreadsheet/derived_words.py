"""Column headers (French and English, folded as `headers.fold` does) for the derived catalog fields
(core/program.py): an export that already has them is read as it is, nothing is derived."""

from __future__ import annotations

DERIVED_VOCABULARY: dict[str, tuple[str, ...]] = {
    "next_tier_name": ("next tier", "next tier name", "next vip tier", "prochain palier", "prochain niveau",
                       "niveau suivant", "palier suivant", "next level"),
    "points_to_next_tier": ("points to next tier", "points to next vip tier", "delta to next vip tier",
                            "points avant prochain palier", "points restants prochain palier",
                            "points pour prochain niveau", "points manquants prochain palier",
                            "points to next level", "points avant prochain niveau"),
    "points_to_next_reward": ("points to next reward", "points avant prochaine recompense",
                              "points pour prochaine recompense", "points manquants recompense",
                              "points to reward"),
    "reward_ready": ("reward ready", "recompense disponible", "can redeem", "peut echanger",
                     "recompense accessible"),
    "unused_rewards": ("unused rewards", "rewards unused", "recompenses non utilisees", "bons non utilises",
                       "coupons non utilises", "unused coupons"),
    "last_reward_code": ("last reward code", "dernier code", "dernier code recompense", "latest reward code",
                         "last coupon code", "dernier code promo"),
    "referrals_pending": ("pending referrals", "referrals pending", "parrainages en cours",
                          "parrainages en attente", "referrals in progress"),
}
