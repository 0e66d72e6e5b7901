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
``updated_at_min``), ``GET /vip_tiers`` (``include=perks,entry_rewards``; not paginated).

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

import re
import secrets as _secrets
import threading
import time
import traceback
import uuid
from collections import Counter, deque
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from loyalty_emulators import http_base
from loyalty_emulators.http_base import (
    BackgroundHTTPServer,
    Faults,
    FixedWindowLimiter,
    HttpRequest,
    HttpResponse,
    json_response,
)
from loyalty_emulators.smile.data import (
    SmileAccount,
    decode_cursor,
    encode_cursor,
    parse_iso,
)

__all__ = ["DEMO_KEY", "Faults", "SmileRequestRecord", "SmileSandbox"]

#: Fixed, always-valid key with every read scope.
DEMO_KEY = "smile_sandbox_LoyaltyDesktopDemoKey01"
SCOPES = ("customer:read", "points_transaction:read", "reward_fulfillment:read", "vip_tier:read")
MAX_LIMIT = 250
DEFAULT_LIMIT = 50

_ID = r"(?P<id>[^/]+)"
ROUTES: list[tuple[re.Pattern[str], str, str]] = [(re.compile(f"^/v1{p}/?$"), op, scope) for p, op, scope in (
    ("/customers", "list_customers", "customer:read"),
    (f"/customers/{_ID}", "get_customer", "customer:read"),
    ("/points_transactions", "list_points_transactions", "points_transaction:read"),
    (f"/points_transactions/{_ID}", "get_points_transaction", "points_transaction:read"),
    ("/reward_fulfillments", "list_reward_fulfillments", "reward_fulfillment:read"),
    ("/vip_tiers", "list_vip_tiers", "vip_tier:read"),
)]


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class SmileRequestRecord:
    method: str
    path: str  # with the query string
    status: int  # 0 = connection dropped by fault injection
    headers: dict[str, str]  # lower-cased names, WITHOUT authorization
    response_body: bytes
    received_monotonic: float
    operation: str | None = None


class _NoDelayHandler(http_base._Handler):
    """The shared handler writes the headers and the body in two writes: with Nagle's algorithm on,
    the body then waits for the client's delayed ACK (~40 ms a request on loopback)."""

    disable_nagle_algorithm = True


def _error(status: int, message: str) -> HttpResponse:
    return json_response(status, {"error": {"message": message, "request_id": str(uuid.uuid4())}})


class SmileSandbox:
    """In-process Smile.io emulator. See the module docstring."""

    def __init__(self, *, rate_per_second: int = 10, max_recorded_requests: int = 100_000) -> None:
        self.account = SmileAccount()
        self.rate_per_second = rate_per_second
        self._keys: dict[str, frozenset[str]] = {DEMO_KEY: frozenset(SCOPES)}
        self._revoked: set[str] = set()
        self._keys_lock = threading.Lock()
        self._limiter = FixedWindowLimiter()
        self._faults = Faults()
        self._revoke_countdown: int | None = None
        self._records: deque[SmileRequestRecord] = deque(maxlen=max_recorded_requests)
        self._records_lock = threading.Lock()
        self.throttled_count = 0
        self.injected_counts: Counter[str] = Counter()
        self.internal_errors: list[str] = []
        self._program: Any = None
        self._program_lock = threading.Lock()
        self.auto_refresh = False
        self._http = BackgroundHTTPServer(self._handle)
        self.base_url: str | None = None  # http://127.0.0.1:PORT/v1

    # -- life cycle -----------------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        url = self._http.start(port)
        server = getattr(self._http, "_server", None)
        if server is not None and server.RequestHandlerClass is http_base._Handler:
            server.RequestHandlerClass = _NoDelayHandler
        self.base_url = url + "/v1"
        return self.base_url

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> SmileSandbox:
        self.start(0)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

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

    @property
    def faults(self) -> Faults:
        return self._faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        with self._keys_lock:
            self._faults = value
            self._revoke_countdown = value.revoke_after_requests

    def add_key(self, scopes: set[str] | None = None) -> str:
        """A new random key with these read scopes (None: all)."""
        unknown = set(scopes or ()) - set(SCOPES)
        if unknown:
            raise ValueError(f"unknown scopes: {sorted(unknown)}")
        key = "smile_" + _secrets.token_urlsafe(24)
        with self._keys_lock:
            self._keys[key] = frozenset(SCOPES if scopes is None else scopes)
        return key

    def revoke_key(self, key: str) -> None:
        with self._keys_lock:
            self._revoked.add(key)

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
        lines = [f"The Smile sandbox holds {s['customers']} customers, {s['points_transactions']} points "
                 f"transactions and {s['reward_fulfillments']} reward fulfillments."]
        for c in self.customers()[:sample]:
            lines.append(f"  #{c['id']} {c['email']}: {c['points_balance']} points, {c['state']}")
        return lines

    @property
    def requests(self) -> list[SmileRequestRecord]:
        with self._records_lock:
            return list(self._records)

    def clear_requests(self) -> None:
        with self._records_lock:
            self._records.clear()

    # -- request pipeline -----------------------------------------------------------------------

    def _handle(self, req: HttpRequest) -> HttpResponse | None:
        faults = self._faults
        fault = faults.draw()
        if faults.latency_s:
            time.sleep(faults.latency_s)
        op: str | None = None
        resp: HttpResponse | None
        if fault == "drop":
            resp = None
        elif fault == "500":
            resp = _error(500, "Internal server error (sandbox fault injection).")
        elif fault == "429":
            resp = _error(429, "Too many requests (sandbox fault injection).")
        else:
            try:
                op, resp = self._process(req)
            except ApiError as exc:
                resp = _error(exc.status, exc.message)
            except Exception:  # noqa: BLE001 - a sandbox bug answers 500 rather than hang the client
                self.internal_errors.append(traceback.format_exc())
                resp = _error(500, "Internal sandbox error.")
        if fault:
            self.injected_counts[fault] += 1
        rec = SmileRequestRecord(req.method, req.target, resp.status if resp else 0,
                                 {k: v for k, v in req.headers.items() if k != "authorization"},
                                 resp.body if resp else b"", req.received_monotonic, op)
        with self._records_lock:
            self._records.append(rec)
        return resp

    def _authenticate(self, req: HttpRequest) -> tuple[str, frozenset[str]]:
        scheme, _, key = (req.header("authorization") or "").strip().partition(" ")
        key = key.strip()
        if scheme.lower() != "bearer" or not key:
            raise ApiError(401, "Authentication credentials were not provided. Use an "
                                "'Authorization: Bearer <API key>' header.")
        with self._keys_lock:
            if key not in self._keys or key in self._revoked:
                raise ApiError(401, "The API key provided is invalid or has been revoked.")
            scopes = self._keys[key]
            if self._revoke_countdown is not None:
                self._revoke_countdown -= 1
                if self._revoke_countdown <= 0:
                    self._revoked.add(key)
                    self._revoke_countdown = None
        return key, scopes

    def _process(self, req: HttpRequest) -> tuple[str | None, HttpResponse]:
        key, scopes = self._authenticate(req)
        decision = self._limiter.hit(key, [(self.rate_per_second, 1.0)], now=req.received_monotonic)
        if not decision.allowed:
            self.throttled_count += 1
            raise ApiError(429, "Rate limit exceeded: at most 10 requests per second per API key.")
        path = req.path
        for pattern, op, scope in ROUTES:
            m = pattern.match(path)
            if m:
                break
        else:
            raise ApiError(404, f"No route matches {path}.")
        if req.method != "GET":
            raise ApiError(405, f"Method {req.method} is not allowed on {path} in this sandbox.")
        if scope not in scopes:
            raise ApiError(403, f"This API key does not have the required scope: {scope}.")
        if op.startswith("list_") and op != "list_vip_tiers" and self.auto_refresh and not req.query_one("cursor"):
            self.refresh()
        handler = getattr(self, f"_h_{op}")
        return op, handler(req, m.groupdict())

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


def _path_id(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ApiError(404, f"No object with id {raw!r}.") from None

