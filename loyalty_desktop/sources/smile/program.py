"""Smile.io's VIP tiers and points products as a `core.program.Program` (the derivation itself is in
core/program.py).

- Tiers: `GET /vip_tiers` (`id, name, milestone`). The API's order is not a merchant's table, so
  tiers are sorted by milestone; two tiers with the same milestone or name cannot be told apart:
  no tier field is derived and a note says why. A milestone is points *or* money (the program's
  setting), which is why progress is Smile's own `vip_status.progress_value`, never lifetime points.
- Rewards: `GET /points_products`. A fixed product costs `points_price`; a variable one at least
  `variable_points_min` (or one `variable_points_step` when there is no minimum). A product
  without a usable price is left out (and said).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.model import Tier
from loyalty_desktop.core.program import Program, ProgramError, RewardOffer
from loyalty_desktop.sources.smile.mapping import as_opt_int


def _points(raw: Any) -> int | None:
    """A whole, positive number of points (Smile sends floats: 500.0), else None."""
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        return None
    return int(raw) if raw == int(raw) and raw > 0 else None


def price_of(product: dict[str, Any]) -> int | None:
    """The least points a product can be bought for."""
    if product.get("exchange_type") == "variable":
        return _points(product.get("variable_points_min")) or _points(product.get("variable_points_step"))
    return _points(product.get("points_price"))


def smile_program(raw_tiers: Iterable[dict[str, Any]], raw_products: Iterable[dict[str, Any]] | None
                  ) -> tuple[Program, list[str]]:
    """The program and the notes the user should see (what could not be used and why).
    `raw_products` None: the key cannot read them."""
    notes: list[str] = []
    tiers: list[Tier] = []
    for t in raw_tiers:
        tid = as_opt_int(t.get("id"))
        milestone = t.get("milestone")
        if tid is None or isinstance(milestone, bool) or not isinstance(milestone, int | float) or milestone < 0:
            notes.append(tr("Smile VIP tier {name} has no usable id or milestone: the next tier is not sent.").format(
                name=repr(t.get("name"))))
            tiers = []
            break
        tiers.append(Tier(tid, str(t.get("name") or tid), math.ceil(milestone)))
    rewards: list[RewardOffer] = []
    if raw_products is None:
        notes.append(tr("The Smile key cannot read points products (points_product:read): points to the next "
                        "reward and reward ready are not sent."))
    else:
        for p in raw_products:
            price = price_of(p)
            reward = p.get("reward")
            if not isinstance(reward, dict):
                reward = {}
            name = str(reward.get("name") or p.get("exchange_description") or p.get("id"))
            if price is None:
                notes.append(tr("Smile points product {name} has no usable points price: left out.").format(
                    name=repr(name)))
            else:
                rewards.append(RewardOffer(name, price))
    try:
        return Program(tuple(sorted(tiers, key=lambda t: t.threshold)), tuple(rewards), origin="Smile.io"), notes
    except ProgramError as exc:
        notes.append(tr("Smile VIP tiers cannot be used ({error}): the next tier is not sent.").format(error=exc))
        return Program((), tuple(rewards), origin="Smile.io"), notes
