"""Klaviyo's segments, templates, flows and metrics endpoints, for the kit.

It rides on the destination's own `net.HttpClient` (same key, revision, retries and cancel token)
and declares each operation's limits on that client's Limiter, per `x-klaviyo-ratelimit` in the
spec (revision 2026-07-15). Creating segments and flows is capped at 100 a day: a 429 that says so
would be retried for hours by the generic 429 handling, so it is recognised first (through the
client's `on_status` hook) and raised as `DailyCapError` for the runner to defer the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from loyalty_desktop.core.errors import MissingScopeError, RateLimitedError
from loyalty_desktop.destinations.klaviyo.adapter import KlaviyoDestination
from loyalty_desktop.destinations.klaviyo.kit.model import ItemKind, Pace
from loyalty_desktop.net.client import HttpClient, RateLimit
from loyalty_desktop.net.policy import parse_retry_after
from loyalty_desktop.store.store import dumps

if TYPE_CHECKING:
    import httpx

# x-klaviyo-ratelimit (burst per second, steady per minute, daily) of each operation the kit calls.
LIMITS: dict[str, RateLimit] = {
    "kit-metrics": RateLimit(10, 150),
    "kit-segments-read": RateLimit(75, 750),
    "kit-segment-create": RateLimit(1, 15, daily=100),
    "kit-segment-update": RateLimit(1, 15, daily=100),
    "kit-templates-read": RateLimit(75, 750),
    "kit-template-create": RateLimit(75, 750),
    "kit-template-update": RateLimit(75, 750),
    "kit-flows-read": RateLimit(3, 60),
    "kit-flow-create": RateLimit(1, 15, daily=100),
}
# x-klaviyo-scopes, named when a key lacks them.
SCOPES: dict[str, list[str]] = {
    "kit-metrics": ["metrics:read"],
    "kit-segments-read": ["segments:read"],
    "kit-segment-create": ["segments:write"],
    "kit-segment-update": ["segments:write"],
    "kit-templates-read": ["templates:read"],
    "kit-template-create": ["templates:write"],
    "kit-template-update": ["templates:write"],
    "kit-flows-read": ["flows:read"],
    "kit-flow-create": ["flows:write"],
}
# What a key needs for the kit, beyond the sync's scopes (the wizard can list them).
KIT_SCOPES = sorted({s for scopes in SCOPES.values() for s in scopes})

_PATHS = {ItemKind.SEGMENT: "/api/segments", ItemKind.TEMPLATE: "/api/templates", ItemKind.FLOW: "/api/flows"}
_TYPES = {ItemKind.SEGMENT: "segment", ItemKind.TEMPLATE: "template", ItemKind.FLOW: "flow"}
_OPS = {ItemKind.SEGMENT: "segment", ItemKind.TEMPLATE: "template", ItemKind.FLOW: "flow"}
# Klaviyo's steady window is a minute: a wait longer than that can only come from a daily cap.
_DAILY_WORDS = re.compile(r"daily|per day|a day|/d\b|today", re.IGNORECASE)
_STEADY_WINDOW_S = 60.0


class DailyCapError(RateLimitedError):
    """Klaviyo's daily cap on creating (or updating) segments or flows is reached."""

    def __init__(self, kind: ItemKind, limit: int, retry_after: float, detail: str) -> None:
        super().__init__(retry_after, f"Klaviyo's daily limit of {limit} is reached ({detail})")
        self.item_kind = kind
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Remote:
    """A resource as Klaviyo holds it."""

    id: str
    attributes: dict[str, Any]


def _detail(resp: httpx.Response) -> str:
    try:
        errs = resp.json().get("errors") or []
    except (ValueError, AttributeError):
        return ""
    return "; ".join(str(e.get("detail") or e.get("title") or "") for e in errs if isinstance(e, dict))


def _retry_after(resp: httpx.Response) -> float:
    """Retry-After in seconds (absurd values included: inf, 1e30, dates), 0 when absent or garbage."""
    value = parse_retry_after(resp.headers.get("Retry-After"))
    return 0.0 if value is None else value


def filter_equals(field: str, value: str) -> str:
    """Klaviyo's `equals(field,"value")`, with quotes and backslashes escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'equals({field},"{escaped}")'


class KitClient:
    def __init__(self, http: HttpClient, on_pace: Callable[[Pace], None] | None = None) -> None:
        """`on_pace`: told before a create or update waits a second or more for Klaviyo's limit."""
        self.http = http
        self.on_pace = on_pace
        for name, limit in LIMITS.items():
            http.limiter.set_limit(name, limit)

    @classmethod
    def for_destination(cls, dest: KlaviyoDestination) -> KitClient:
        return cls(dest.http)

    def _request(self, endpoint: str, method: str, url: str, *, body: dict[str, Any] | None = None,
                 kind: ItemKind | None = None) -> httpx.Response:
        limit = LIMITS[endpoint]
        if self.on_pace is not None and kind is not None and method in ("POST", "PATCH"):
            wait = self.http.limiter.peek(endpoint)
            if wait >= 1.0:
                self.on_pace(Pace(kind, wait, limit.steady, limit.burst))

        def daily_cap(resp: httpx.Response) -> bool:
            if resp.status_code == 429 and limit.daily and kind is not None:
                detail, wait = _detail(resp), _retry_after(resp)
                if _DAILY_WORDS.search(detail) or wait > _STEADY_WINDOW_S:
                    raise DailyCapError(kind, limit.daily, wait, detail or "HTTP 429")
            return False  # anything else: the client's usual handling

        try:
            return self.http.request(endpoint, method, url, content=None if body is None else dumps(body).encode(),
                                     on_status=daily_cap)
        except MissingScopeError as exc:
            if exc.scopes:
                raise
            raise MissingScopeError(SCOPES[endpoint], exc.message) from None

    def metric_ids(self) -> dict[str, str]:
        """Metric name → id for every metric in the account (the first, if a name repeats)."""
        out: dict[str, str] = {}
        url: str | None = "/api/metrics?" + "fields%5Bmetric%5D=name"
        while url:
            body = self._request("kit-metrics", "GET", url).json()
            for m in body.get("data", []):
                out.setdefault(str((m.get("attributes") or {}).get("name")), str(m["id"]))
            url = (body.get("links") or {}).get("next")
        return out

    def find(self, kind: ItemKind, name: str) -> Remote | None:
        """The resource of this kind with exactly this name (the oldest, if the merchant made twins)."""
        flt = quote(filter_equals("name", name), safe="")
        url = f"{_PATHS[kind]}?filter={flt}&sort=created"
        body = self._request(f"kit-{_OPS[kind]}s-read", "GET", url).json()
        for d in body.get("data", []):
            attrs = d.get("attributes") or {}
            if attrs.get("name") == name:  # filters are exact, but never trust a match blindly
                return Remote(str(d["id"]), attrs)
        return None

    def create(self, kind: ItemKind, attributes: dict[str, Any]) -> Remote:
        body = {"data": {"type": _TYPES[kind], "attributes": attributes}}
        d = self._request(f"kit-{_OPS[kind]}-create", "POST", _PATHS[kind], body=body, kind=kind).json()["data"]
        return Remote(str(d["id"]), d.get("attributes") or {})

    def update(self, kind: ItemKind, remote_id: str, attributes: dict[str, Any]) -> Remote:
        if kind is ItemKind.FLOW:
            raise ValueError("flows are never updated: the merchant may have edited them")
        body = {"data": {"type": _TYPES[kind], "id": remote_id, "attributes": attributes}}
        resp = self._request(f"kit-{_OPS[kind]}-update", "PATCH", f"{_PATHS[kind]}/{quote(remote_id, safe='')}",
                             body=body, kind=kind)
        d = resp.json()["data"]
        return Remote(str(d["id"]), d.get("attributes") or {})
