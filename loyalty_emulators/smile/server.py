"""Offline emulator of the Smile.io REST API (the read endpoints Loyalty Desktop uses).

A real HTTP server on 127.0.0.1; the API lives under ``/v1`` like ``https://api.smile.io/v1``::

    with SmileSandbox() as sb:                 # empty account
        sb.load_program(program)               # …or seeded from a DemoProgram
        httpx.get(f"{sb.base_url}/customers", params={"include": "vip_status"},
                  headers={"Authorization": f"Bearer {DEMO_KEY}"})

Endpoints: ``GET /customers`` (``email``, ``state``, ``updated_at_min``, ``include=vip_status``),
``GET /customers/{id}`` (``include=vip_status[,vip_status.vip_tier,vip_status.next_vip_tier]``),
``GET /points_transactions`` (``customer_id``, ``updated_at_min``), ``GET /points_transactions/{id}``,
``GET /reward_fulfillments`` (``customer_id``, ``fulfillment_status``, ``usage_status``,
``updated_at_min``), ``GET /vip_tiers`` (``include=perks,entry_rewards``; not paginated),
``GET /points_products`` (``page``/``page_size``, ``exchange_type``) and ``GET /points_products/{id}``
(see ``products``).

Fidelity (``../shared/reference/loyalty-sources.md`` §2, dev.smile.io): bearer auth (401 on a
missing, unknown or revoked key; 403 when a key lacks the endpoint's read scope), cursor
pagination (``limit`` 1–250, default 50; ``metadata.next_cursor`` — null on the last page — and
``previous_cursor`` — ``""`` on the first; the cursor encodes ``id:N,direction:next|prev``),
results sorted by id descending, ``updated_at_min`` as "at or after", 10 requests per second per
key in fixed 1 s windows with ``429`` and no rate headers (Smile documents none), errors as
``{"error": {"message", "request_id"}}``, bad parameters as 400. Faults: ``faults`` (random
429/500/dropped connections, latency, a key revoked after N requests), as in the Klaviyo sandbox.
Requests are recorded without their Authorization header; keys are never logged.
"""

from __future__ import annotations

import secrets as _secrets
import threading
import uuid
from datetime import datetime
from typing import Any

from loyalty_emulators import demo_keys
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_response
from loyalty_emulators.base.keys import UnknownKey
from loyalty_emulators.base.routing import ID, NoRoute, Router, credential
from loyalty_emulators.base.server import EmulatorServer, RequestRecord
from loyalty_emulators.smile import products
from loyalty_emulators.smile.data import (
    SmileAccount,
    decode_cursor,
    encode_cursor,
    parse_iso,
)

__all__ = ["DEMO_KEY", "Faults", "SmileRequestRecord", "SmileSandbox"]

DEMO_KEY = demo_keys.SMILE
# points_product:read follows Smile's per-endpoint pattern [inferred, like the three after customer:read].
SCOPES = ("customer:read", "points_transaction:read", "reward_fulfillment:read", "vip_tier:read",
          "points_product:read")
MAX_LIMIT = 250
DEFAULT_LIMIT = 50

_TABLE = (  # path, operation, the read scope it needs (every route is GET only)
    ("/customers", "list_customers", "customer:read"),
    (f"/customers/{ID}", "get_customer", "customer:read"),
    ("/points_transactions", "list_points_transactions", "points_transaction:read"),
    (f"/points_transactions/{ID}", "get_points_transaction", "points_transaction:read"),
    ("/reward_fulfillments", "list_reward_fulfillments", "reward_fulfillment:read"),
    ("/vip_tiers", "list_vip_tiers", "vip_tier:read"),
    ("/points_products", "list_points_products", "points_product:read"),
    (f"/points_products/{ID}", "get_points_product", "points_product:read"),
)
ROUTES = Router(((p, {"GET": op}) for p, op, _ in _TABLE), prefix="/v1")
SCOPE_OF = {op: scope for _, op, scope in _TABLE}
_STATIC = ("list_vip_tiers", "list_points_products")  # the program's shape, not its members


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


SmileRequestRecord = RequestRecord  # the former name


def _error(status: int, message: str) -> HttpResponse:
    return json_response(status, {"error": {"message": message, "request_id": str(uuid.uuid4())}})


class SmileSandbox(EmulatorServer[frozenset[str]]):
    """In-process Smile.io emulator. See the module docstring. A key grants its read scopes."""

    error_types = (ApiError,)
    path_prefix = "/v1"  # base_url: http://127.0.0.1:PORT/v1

    def __init__(self, *, rate_per_second: int = 10, max_recorded_requests: int = 100_000) -> None:
        super().__init__(max_recorded_requests=max_recorded_requests)
        self.account = SmileAccount()
        self.rate_per_second = rate_per_second
        self.keys.add(DEMO_KEY, frozenset(SCOPES))
        self._program: Any = None
        self._program_lock = threading.Lock()
        self.auto_refresh = False
        self.points_products = products.POINTS_PRODUCTS  # a test may set its own catalogue

    # -- configuration --------------------------------------------------------------------------

    def load_program(self, program: Any, extras: bool = True, auto_refresh: bool = False) -> None:
        """Seed the account from a DemoProgram. With `auto_refresh`, a first-page list request
        first picks up the program's ticks (made here or by another process on the same file)."""
        with self._program_lock:
            self._program = program
            self.account.load(program, extras=extras)
        self.auto_refresh = auto_refresh

    def refresh(self) -> bool:
        """Pull the changes of the demo program since the last load; True if it had moved on."""
        with self._program_lock:
            program = self._program
            if program is None:
                return False
            if self.account.clock is not None and program.as_of <= self.account.clock:
                return False
            self.account.load(program)
            return True

    def add_key(self, scopes: set[str] | None = None) -> str:
        """A new random key with these read scopes (None: all)."""
        unknown = set(scopes or ()) - set(SCOPES)
        if unknown:
            raise ValueError(f"unknown scopes: {sorted(unknown)}")
        key = "smile_" + _secrets.token_urlsafe(24)
        self.keys.add(key, frozenset(SCOPES if scopes is None else scopes))
        return key

    # -- inspection -----------------------------------------------------------------------------

    def customers(self) -> list[dict[str, Any]]:
        """Every customer as `GET /customers?include=vip_status` returns it (id descending)."""
        return self.account.all("customers")

    def points_transactions(self) -> list[dict[str, Any]]:
        return self.account.all("points_transactions")

    def reward_fulfillments(self) -> list[dict[str, Any]]:
        return self.account.all("reward_fulfillments")

    def vip_tiers(self) -> list[dict[str, Any]]:
        with self.account.lock:
            return [dict(t) for t in self.account.vip_tiers]

    def describe(self, sample: int = 1) -> list[str]:
        s = self.account.stats()
        lines = [(f"The Smile sandbox holds {s['customers']} customers, {s['points_transactions']} points "
                 f"transactions and {s['reward_fulfillments']} reward fulfillments.")]
        for c in self.customers()[:sample]:
            lines.append(f"  #{c['id']} {c['email']}: {c['points_balance']} points, {c['state']}")
        return lines

    # -- request pipeline (see EmulatorServer) ---------------------------------------------------

    def error_response(self, exc: Exception) -> HttpResponse:
        assert isinstance(exc, ApiError)
        return _error(exc.status, exc.message)

    def injected_error(self, req: HttpRequest) -> HttpResponse:
        return _error(500, "Internal server error (sandbox fault injection).")

    def injected_throttle(self, req: HttpRequest, retry_after_s: int) -> HttpResponse:
        return _error(429, "Too many requests (sandbox fault injection).")

    def internal_error(self) -> HttpResponse:
        return _error(500, "Internal sandbox error.")

    def _authenticate(self, req: HttpRequest) -> tuple[str, frozenset[str]]:
        key = credential(req, "Bearer", case_sensitive=False)
        if not key:
            raise ApiError(401, "Authentication credentials were not provided. Use an "
                                "'Authorization: Bearer <API key>' header.")
        try:
            return key, self.keys.use(key)
        except UnknownKey:
            raise ApiError(401, "The API key provided is invalid or has been revoked.") from None

    def process(self, req: HttpRequest) -> tuple[str | None, HttpResponse]:
        key, scopes = self._authenticate(req)
        decision = self._limiter.hit(key, [(self.rate_per_second, 1.0)], now=req.received_monotonic)
        if not decision.allowed:
            self.throttled()
            raise ApiError(429, "Rate limit exceeded: at most 10 requests per second per API key.")
        try:
            route = ROUTES.match("GET", req.path)
        except NoRoute:
            raise ApiError(404, f"No route matches {req.path}.") from None
        if req.method != "GET":
            raise ApiError(405, f"Method {req.method} is not allowed on {req.path} in this sandbox.")
        op = route.operation
        scope = SCOPE_OF[op]
        if scope not in scopes:
            raise ApiError(403, f"This API key does not have the required scope: {scope}.")
        if op.startswith("list_") and op not in _STATIC and self.auto_refresh and not req.query_one("cursor"):
            self.refresh()
        handler = getattr(self, f"_h_{op}")
        return op, handler(req, route.params)

    # -- parameters -----------------------------------------------------------------------------

    @staticmethod
    def _int(req: HttpRequest, name: str) -> int | None:
        raw = req.query_one(name)
        if raw is None or raw == "":
            return None
        try:
            return int(raw)
        except ValueError:
            raise ApiError(400, f"{name} must be an integer.") from None

    @staticmethod
    def _enum(req: HttpRequest, name: str, allowed: tuple[str, ...]) -> str | None:
        raw = req.query_one(name)
        if raw is None or raw == "":
            return None
        if raw not in allowed:
            raise ApiError(400, f"{name} must be one of: {', '.join(allowed)}.")
        return raw

    @staticmethod
    def _include(req: HttpRequest, allowed: tuple[str, ...]) -> set[str]:
        raw = req.query_one("include") or ""
        parts = {p.strip() for p in raw.split(",") if p.strip()}
        bad = sorted(parts - set(allowed))
        if bad:
            raise ApiError(400, f"include: unknown value(s) {', '.join(bad)}; allowed: {', '.join(allowed)}.")
        return parts

    def _paging(self, req: HttpRequest) -> tuple[int, int | None, str]:
        limit = self._int(req, "limit")
        if limit is None:
            limit = DEFAULT_LIMIT
        if not 1 <= limit <= MAX_LIMIT:
            raise ApiError(400, f"limit must be between 1 and {MAX_LIMIT}.")
        raw = req.query_one("cursor")
        if not raw:
            return limit, None, "next"
        try:
            after, direction = decode_cursor(raw)
        except (ValueError, KeyError):
            raise ApiError(400, "The cursor provided is invalid.") from None
        return limit, after, direction

    @staticmethod
    def _since(req: HttpRequest) -> datetime | None:
        raw = req.query_one("updated_at_min")
        if not raw:
            return None
        try:
            return parse_iso(raw)
        except ValueError:
            raise ApiError(400, "updated_at_min must be an ISO 8601 date and time.") from None

    def _list(self, req: HttpRequest, coll: Any, key: str, match: Any, render: Any) -> HttpResponse:
        limit, after, direction = self._paging(req)
        since = self._since(req)

        def ok(obj: dict[str, Any]) -> bool:
            return match(obj) and (since is None or parse_iso(obj["updated_at"]) >= since)

        with self.account.lock:
            items, more_after, more_before = coll.page(ok, limit, after, direction)
            body = [render(o) for o in items]
        meta = {"next_cursor": encode_cursor(items[-1]["id"], "next") if items and more_after else None,
                "previous_cursor": encode_cursor(items[0]["id"], "prev") if items and more_before else ""}
        return json_response(200, {key: body, "metadata": meta})

    # -- handlers -------------------------------------------------------------------------------

    def _customer(self, obj: dict[str, Any], include: set[str]) -> dict[str, Any]:
        out = self.account.public(obj)
        if not include & {"vip_status", "vip_status.vip_tier", "vip_status.next_vip_tier"}:
            out.pop("vip_status", None)
            return out
        tiers = {t["id"]: t for t in self.account.vip_tiers}
        vs = out["vip_status"]
        if "vip_status.vip_tier" in include:
            vs["vip_tier"] = dict(tiers[vs["vip_tier_id"]]) if vs.get("vip_tier_id") in tiers else None
        if "vip_status.next_vip_tier" in include:
            nxt = vs.get("next_vip_tier_id")
            vs["next_vip_tier"] = dict(tiers[nxt]) if nxt in tiers else None
        return out

    def _h_list_customers(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        include = self._include(req, ("vip_status",))
        email = (req.query_one("email") or "").strip().lower() or None
        state = self._enum(req, "state", ("candidate", "member", "disabled"))

        def match(c: dict[str, Any]) -> bool:
            if email is not None and (c.get("email") or "").strip().lower() != email:
                return False
            return state is None or c["state"] == state

        return self._list(req, self.account.customers, "customers", match, lambda c: self._customer(c, include))

    def _h_get_customer(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        include = self._include(req, ("vip_status", "vip_status.vip_tier", "vip_status.next_vip_tier"))
        with self.account.lock:
            obj = self.account.customers.items.get(_path_id(params["id"]))
            if obj is None:
                raise ApiError(404, "Customer not found.")
            return json_response(200, {"customer": self._customer(obj, include)})

    def _h_list_points_transactions(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        cid = self._int(req, "customer_id")
        return self._list(req, self.account.transactions, "points_transactions",
                          lambda t: cid is None or t["customer_id"] == cid, self.account.public)

    def _h_get_points_transaction(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        with self.account.lock:
            obj = self.account.transactions.items.get(_path_id(params["id"]))
            if obj is None:
                raise ApiError(404, "Points transaction not found.")
            return json_response(200, {"points_transaction": self.account.public(obj)})

    def _h_list_reward_fulfillments(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        cid = self._int(req, "customer_id")
        fstatus = self._enum(req, "fulfillment_status", ("pending", "issued", "cancelled", "failed"))
        ustatus = self._enum(req, "usage_status", ("used", "unused", "untracked"))

        def match(f: dict[str, Any]) -> bool:
            return ((cid is None or f["customer_id"] == cid)
                    and (fstatus is None or f["fulfillment_status"] == fstatus)
                    and (ustatus is None or f["usage_status"] == ustatus))

        return self._list(req, self.account.fulfillments, "reward_fulfillments", match, self.account.public)

    def _h_list_vip_tiers(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        include = self._include(req, ("perks", "entry_rewards"))
        with self.account.lock:
            tiers = []
            for t in self.account.vip_tiers:
                obj = dict(t)
                extra = self.account.tier_extras(t)
                for name in include:
                    obj[name] = extra[name]
                tiers.append(obj)
        return json_response(200, {"vip_tiers": tiers})


    def _h_list_points_products(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        number = self._int(req, "page")
        size = self._int(req, "page_size")
        number, size = 1 if number is None else number, 50 if size is None else size
        if number < 1 or not 1 <= size <= MAX_LIMIT:
            raise ApiError(400, f"page must be at least 1 and page_size between 1 and {MAX_LIMIT}.")
        kind = self._enum(req, "exchange_type", ("fixed", "variable"))
        return json_response(200, {"points_products": products.page(self.points_products, number, size, kind)})

    def _h_get_points_product(self, req: HttpRequest, params: dict[str, str]) -> HttpResponse:
        pid = _path_id(params["id"])
        found = next((dict(p) for p in self.points_products if p["id"] == pid), None)
        if found is None:
            raise ApiError(404, f"No points product with id {pid}.")
        return json_response(200, {"points_product": found})


def _path_id(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ApiError(404, f"No object with id {raw!r}.") from None

