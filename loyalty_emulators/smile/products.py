"""The sandbox's points products (`GET /points_products`, `GET /points_products/{id}`).

Shapes as Smile's OpenAPI (dev.smile.io/schemas/rest-api.json, mirrored in api-evangelist/smile-io):
`{id, exchange_type: fixed|variable, exchange_description, points_price (null for variable),
variable_points_step, variable_points_step_reward_value, variable_points_min, variable_points_max,
reward{id, name, description, image_url, created_at, updated_at}, created_at, updated_at}`; the list
is paged with `page` (default 1) and `page_size` (1–250, default 50), not with cursors, and can be
filtered by `exchange_type`. The catalogue is the demo shop's: €5 / €10 / €20 vouchers for 500 /
1,000 / 2,000 points (as the demo program redeems them), and store credit bought 100 points at a
time from 1,000 points (a variable product, so a client must read its minimum).
"""

from __future__ import annotations

from typing import Any

_STAMP = "2024-01-01T00:00:00.000Z"
_IMAGE = "https://platform-images.smilecdn.co/3755938.png"
PRODUCT_BASE = 132_456_900


def _reward(n: int, name: str, description: str) -> dict[str, Any]:
    return {"id": 924_566_000 + n, "name": name, "description": description, "image_url": _IMAGE,
            "created_at": _STAMP, "updated_at": _STAMP}


def _fixed(n: int, points: int, euros: int) -> dict[str, Any]:
    return {"id": PRODUCT_BASE + n, "exchange_type": "fixed",
            "exchange_description": f"{points:,} Points", "points_price": points,
            "variable_points_step": None, "variable_points_step_reward_value": None,
            "variable_points_min": None, "variable_points_max": None,
            "reward": _reward(n, f"€{euros} off coupon", f"€{euros} off your next order"),
            "created_at": _STAMP, "updated_at": _STAMP}


POINTS_PRODUCTS: tuple[dict[str, Any], ...] = (
    _fixed(1, 500, 5),
    _fixed(2, 1000, 10),
    _fixed(3, 2000, 20),
    {"id": PRODUCT_BASE + 4, "exchange_type": "variable",
     "exchange_description": "€1 off for every 100 Points", "points_price": None,
     "variable_points_step": 100, "variable_points_step_reward_value": 1,
     "variable_points_min": 1000, "variable_points_max": 5000,
     "reward": _reward(4, "Store credit", "Store credit for your points"),
     "created_at": _STAMP, "updated_at": _STAMP},
)


def page(products: tuple[dict[str, Any], ...], number: int, size: int,
         exchange_type: str | None) -> list[dict[str, Any]]:
    """One page (1-based) of the products, filtered by exchange type."""
    chosen = [p for p in products if exchange_type is None or p["exchange_type"] == exchange_type]
    return [dict(p) for p in chosen[(number - 1) * size:number * size]]
