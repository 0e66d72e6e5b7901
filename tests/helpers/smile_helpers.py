"""Shared pieces for the Smile.io tests (not a test module): a demo program made once per session,
the documented object shapes, and a raw HTTP reader of the sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import jsonschema

from loyalty_desktop.net.client import RateLimit, RetryPolicy
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.sources.smile.api import SmileClient
from loyalty_desktop.sources.smile.mirror import Mirror
from loyalty_desktop.sources.smile.reader import SmileSource
from loyalty_emulators.smile.server import DEMO_KEY, SmileSandbox

START = datetime(2026, 11, 2, tzinfo=UTC)
FAST = RateLimit(1000, 60_000)  # for tests whose subject is not the rate limit
QUICK_RETRY = RetryPolicy(base_delay=0.02, max_delay=0.2)


def new_program(path: Path, members: int) -> DemoProgram:
    return DemoProgram.create(path, members=members, seed=11, start=START)


def fast_sandbox(program: DemoProgram | None = None, **kw: Any) -> SmileSandbox:
    sb = SmileSandbox(rate_per_second=kw.pop("rate_per_second", 10_000))
    if program is not None:
        sb.load_program(program, **kw)
    sb.start()
    return sb


@contextmanager
def source(sb: SmileSandbox, key: str = DEMO_KEY, *, rate: RateLimit = FAST, page_size: int = 250,
           mirror: Mirror | None = None, **kw: Any) -> Iterator[SmileSource]:
    client = SmileClient(key, sb.base_url or "", rate=rate, page_size=page_size,
                         retry=kw.pop("retry", QUICK_RETRY), **kw)
    src = SmileSource(client, mirror or Mirror(None))
    try:
        yield src
    finally:
        src.close()


def api_get(sb: SmileSandbox, path: str, key: str | None = DEMO_KEY, **params: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.get(f"{sb.base_url}{path}", params=params, headers=headers, timeout=10)


def api_all(sb: SmileSandbox, path: str, key: str, api_key: str = DEMO_KEY, **params: Any) -> list[dict[str, Any]]:
    """Every object of a list endpoint, read over HTTP page by page (`api_key`: a key of its own
    has its own 10 requests/s, so a check right after a sync is not throttled)."""
    out: list[dict[str, Any]] = []
    cursor = None
    while True:
        q = {**params, "limit": 250, **({"cursor": cursor} if cursor else {})}
        r = api_get(sb, path, api_key, **q)
        assert r.status_code == 200, r.text
        body = r.json()
        out.extend(body[key])
        cursor = body["metadata"]["next_cursor"]
        if not cursor:
            return out


# -- documented shapes (dev.smile.io object pages; nullable where the docs say so) ------------------

_TS = {"type": "string", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"}
_TS_N = {"anyOf": [_TS, {"type": "null"}]}
_STR_N = {"type": ["string", "null"]}
_INT_N = {"type": ["integer", "null"]}
_NUM_N = {"type": ["number", "null"]}

VIP_STATUS = {"type": "object", "additionalProperties": False,
              "required": ["vip_tier_id", "vip_tier_expires_at", "progress_value", "current_vip_period_end",
                           "delta_to_retain_vip_tier", "next_vip_tier_id", "delta_to_next_vip_tier"],
              "properties": {"vip_tier_id": _INT_N, "vip_tier_expires_at": _TS_N, "progress_value": _NUM_N,
                             "current_vip_period_end": _TS_N, "delta_to_retain_vip_tier": _NUM_N,
                             "next_vip_tier_id": _INT_N, "delta_to_next_vip_tier": _NUM_N,
                             "vip_tier": {"type": ["object", "null"]}, "next_vip_tier": {"type": ["object", "null"]}}}
CUSTOMER = {"type": "object", "additionalProperties": False,
            "required": ["id", "first_name", "last_name", "email", "state", "date_of_birth", "points_balance",
                         "referral_url", "vip_tier_id", "created_at", "updated_at"],
            "properties": {"id": {"type": "integer"}, "first_name": _STR_N, "last_name": _STR_N,
                           # Smile documents a string; customers without one (POS guests) are the
                           # case the source must skip, so the sandbox has null and "" among them.
                           "email": _STR_N, "state": {"enum": ["candidate", "member", "disabled"]},
                           "date_of_birth": {"anyOf": [{"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"},
                                                       {"type": "null"}]},
                           "points_balance": {"type": "integer"}, "referral_url": {"type": "string"},
                           "vip_tier_id": _INT_N, "vip_status": VIP_STATUS, "created_at": _TS, "updated_at": _TS}}
TRANSACTION = {"type": "object", "additionalProperties": False,
               "required": ["id", "customer_id", "points_change", "description", "internal_note", "created_at",
                            "updated_at"],
               "properties": {"id": {"type": "integer"}, "customer_id": {"type": "integer"},
                              "points_change": {"type": "integer"}, "description": {"type": "string"},
                              "internal_note": _STR_N, "created_at": _TS, "updated_at": _TS}}
FULFILLMENT = {"type": "object", "additionalProperties": False,
               "required": ["id", "name", "code", "customer_id", "fulfillment_status", "image_url", "action_text",
                            "action_url", "usage_instructions", "terms_and_conditions", "expires_at",
                            "usage_status", "used_at", "created_at", "updated_at"],
               "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "code": {"type": "string"},
                              "customer_id": {"type": "integer"},
                              "fulfillment_status": {"enum": ["pending", "issued", "cancelled", "failed"]},
                              "image_url": {"type": "string"}, "action_text": _STR_N, "action_url": _STR_N,
                              "usage_instructions": _STR_N, "terms_and_conditions": _STR_N, "expires_at": _TS_N,
                              "usage_status": {"enum": ["used", "unused", "untracked"]}, "used_at": _TS_N,
                              "created_at": _TS, "updated_at": _TS}}
REWARD = {"type": "object", "required": ["id", "name", "description", "image_url", "created_at", "updated_at"]}
VIP_TIER = {"type": "object", "additionalProperties": False, "required": ["id", "name", "image_url", "milestone"],
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "image_url": {"type": "string"},
                           "milestone": {"type": "number"},
                           "perks": {"type": "array", "items": {"type": "object", "required": ["name"]}},
                           "entry_rewards": {"type": "array", "items": REWARD}}}
# Smile's OpenAPI (dev.smile.io/schemas/rest-api.json): a fixed product has a points_price, a
# variable one a step, its value and optional bounds.
POINTS_PRODUCT = {"type": "object", "additionalProperties": False,
                  "required": ["id", "exchange_type", "exchange_description", "points_price", "variable_points_step",
                               "variable_points_step_reward_value", "variable_points_min", "variable_points_max",
                               "reward", "created_at", "updated_at"],
                  "properties": {"id": {"type": "integer"}, "exchange_type": {"enum": ["fixed", "variable"]},
                                 "exchange_description": {"type": "string"}, "points_price": _INT_N,
                                 "variable_points_step": _INT_N, "variable_points_step_reward_value": _NUM_N,
                                 "variable_points_min": _INT_N, "variable_points_max": _INT_N,
                                 "reward": REWARD, "created_at": _TS, "updated_at": _TS},
                  "if": {"properties": {"exchange_type": {"const": "fixed"}}},
                  "then": {"properties": {"points_price": {"type": "integer", "minimum": 1}}},
                  "else": {"properties": {"variable_points_step": {"type": "integer", "minimum": 1}}}}
METADATA = {"type": "object", "additionalProperties": False, "required": ["next_cursor", "previous_cursor"],
            "properties": {"next_cursor": _STR_N, "previous_cursor": _STR_N}}
ERROR = {"type": "object", "additionalProperties": False, "required": ["error"],
         "properties": {"error": {"type": "object", "additionalProperties": False,
                                  "required": ["message", "request_id"],
                                  "properties": {"message": {"type": "string"}, "request_id": {"type": "string"}}}}}


def _list(key: str, item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": [key, "metadata"],
            "properties": {key: {"type": "array", "items": item}, "metadata": METADATA}}


RESPONSES: dict[str, dict[str, Any]] = {
    "list_customers": _list("customers", CUSTOMER),
    "get_customer": {"type": "object", "required": ["customer"], "additionalProperties": False,
                     "properties": {"customer": CUSTOMER}},
    "list_points_transactions": _list("points_transactions", TRANSACTION),
    "get_points_transaction": {"type": "object", "required": ["points_transaction"], "additionalProperties": False,
                               "properties": {"points_transaction": TRANSACTION}},
    "list_reward_fulfillments": _list("reward_fulfillments", FULFILLMENT),
    "list_vip_tiers": {"type": "object", "required": ["vip_tiers"], "additionalProperties": False,
                       "properties": {"vip_tiers": {"type": "array", "items": VIP_TIER}}},
    # paged by page/page_size: no cursor metadata
    "list_points_products": {"type": "object", "required": ["points_products"], "additionalProperties": False,
                             "properties": {"points_products": {"type": "array", "items": POINTS_PRODUCT}}},
    "get_points_product": {"type": "object", "required": ["points_product"], "additionalProperties": False,
                           "properties": {"points_product": POINTS_PRODUCT}},
}


def check_shapes(sb: SmileSandbox) -> int:
    """Every recorded sandbox answer has the documented shape (errors: the error envelope)."""
    import json

    n = 0
    for rec in sb.requests:
        if rec.status == 0:
            continue
        body = json.loads(rec.response_body)
        if rec.status == 200:
            assert rec.operation in RESPONSES, rec.path
            jsonschema.validate(body, RESPONSES[rec.operation])
        else:
            jsonschema.validate(body, ERROR)
        n += 1
    return n


@contextmanager
def serving(program: DemoProgram, *, shapes: bool = False) -> Iterator[SmileSandbox]:
    """A fast Smile sandbox serving `program` for a test; stopped afterwards, and then no request may
    have failed inside it (and, with `shapes`, every answer had Smile's documented shape)."""
    s = fast_sandbox(program)
    try:
        yield s
    finally:
        s.stop()
    assert not s.internal_errors, s.internal_errors
    if shapes:
        check_shapes(s)
