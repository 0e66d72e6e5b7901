"""Smile.io REST API client (read side): customers, points transactions, reward fulfillments, VIP tiers,
points products.

Wire facts (../shared/reference/loyalty-sources.md §2, dev.smile.io): base `https://api.smile.io/v1`,
`Authorization: Bearer <key>`, JSON. Lists are cursor-paginated (`limit` 1–250, `cursor`; the answer
carries `metadata.next_cursor`, empty or null on the last page) and sorted by id, newest first.
`updated_at_min` filters customers, points transactions and reward fulfillments. 10 requests/s per
key, `429` when exceeded (reset after 1 s, no rate headers): every request goes through one pacing
bucket of the shared HTTP layer, which also waits and retries on a 429 (1 s when no Retry-After).
Errors come as `{"error": {"message": …, "request_id": …}}`.

The key is only ever put in the Authorization header; no error message or log line carries it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from loyalty_desktop.core.errors import (
    ClientError,
    LoyaltyError,
    MissingScopeError,
    ServerError,
    WrongKeyError,
)
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.net.client import CancelToken, HttpClient, RateLimit, RetryPolicy

if TYPE_CHECKING:
    import httpx

BASE_URL = "https://api.smile.io/v1"
PLATFORM = "Smile.io"
MAX_PAGE = 250
BUCKET = "smile"  # Smile limits per key, across endpoints: one pacing bucket
RATE_LIMIT = RateLimit(burst=10, steady=600)  # 10 requests/s (the steady window just repeats it)

# Scope each resource needs. Smile names scopes per endpoint (e.g. `customer:read`, list-customers.md);
# the other three names follow the same pattern [inferred: their pages leave the name blank].
SCOPES: dict[str, str] = {
    "customers": "customer:read",
    "points_transactions": "points_transaction:read",
    "reward_fulfillments": "reward_fulfillment:read",
    "vip_tiers": "vip_tier:read",
    "points_products": "points_product:read",
}


def normalize_base_url(url: str) -> str:
    """`http://host:port` → `http://host:port/v1` (the API lives under /v1); other paths kept."""
    url = url.rstrip("/")
    if urlsplit(url).path in ("", "/"):
        url += "/v1"
    return url


def _error_text(resp: httpx.Response) -> str:
    try:
        body = resp.json()
    except ValueError:
        return resp.reason_phrase or f"HTTP {resp.status_code}"
    err = body.get("error") if isinstance(body, dict) else None
    if isinstance(err, dict) and err.get("message"):
        return str(err["message"])
    if isinstance(err, str):
        return err
    return resp.reason_phrase or f"HTTP {resp.status_code}"


def _resource(resp: httpx.Response) -> str:
    parts = [p for p in resp.request.url.path.split("/") if p]
    for p in parts:
        if p in SCOPES:
            return p
    return parts[-1] if parts else ""


def _tag(err: LoyaltyError) -> LoyaltyError:
    """Mark an error as Smile.io's (errors.user_message words it for that platform)."""
    if getattr(err, "platform", None) is None:
        err.platform = PLATFORM  # type: ignore[attr-defined]
    return err


def map_error(resp: httpx.Response, endpoint: str) -> LoyaltyError:
    """A non-2xx Smile answer as a typed error (worded for Smile.io, never carrying the key)."""
    status, text = resp.status_code, _error_text(resp)
    err: LoyaltyError
    if status == 401:
        err = WrongKeyError(f"{PLATFORM} refused the API key (HTTP 401: {text}). Check the key in "
                            "Smile Admin > Settings > Developer Tools, then store it again with "
                            "`loyalty-desktop key set smile`.", status=status)
    elif status == 403:
        scope = SCOPES.get(_resource(resp))
        err = MissingScopeError([scope] if scope else [], f"{PLATFORM} key lacks access "
                                f"({text}); needed: {scope or 'read access'}", status=status)
    elif status >= 500:
        err = ServerError(f"{PLATFORM} answered HTTP {status}: {text}", status=status)
    else:
        err = ClientError(tr("{platform} answered HTTP {status} on {path}: {detail}").format(
            platform=PLATFORM, status=status, path=resp.request.url.path, detail=text),
                          status=status)
    return _tag(err)


class SmileClient:
    """Typed reads of the Smile.io REST API over the shared HTTP layer. Thread-safe."""

    def __init__(self, api_key: str, base_url: str = BASE_URL, *, cancel: CancelToken | None = None,
                 retry: RetryPolicy | None = None, transport: httpx.BaseTransport | None = None,
                 page_size: int = MAX_PAGE, rate: RateLimit = RATE_LIMIT) -> None:
        if not 1 <= page_size <= MAX_PAGE:
            raise ValueError(f"page_size must be within 1..{MAX_PAGE}")
        self.base_url = normalize_base_url(base_url)
        self.page_size = page_size
        try:  # an address the key may not go to is Smile.io's to word (not the destination's)
            self.http = HttpClient(self.base_url, headers={"Authorization": f"Bearer {api_key}",
                                                           "Accept": "application/json"},
                                   limits={BUCKET: rate}, error_mapper=map_error, cancel=cancel, retry=retry,
                                   transport=transport, max_connections=4, platform=PLATFORM)
        except LoyaltyError as exc:
            raise _tag(exc) from None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SmileClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        try:
            resp = self.http.request(BUCKET, "GET", path, params=params)
        except LoyaltyError as exc:
            # Network, TLS, exhausted 429 waits…: say which platform (the sync's destination is
            # another one).
            raise _tag(exc)  # noqa: B904 - the same error, tagged
        try:
            body = resp.json()
        except ValueError:
            raise _tag(ServerError(f"{PLATFORM} sent a response that is not JSON", status=resp.status_code)) from None
        if not isinstance(body, dict):
            raise _tag(ServerError(f"{PLATFORM} sent an unexpected response", status=resp.status_code))
        return body

    def pages(self, path: str, key: str, params: dict[str, str] | None = None) -> Iterator[list[dict[str, Any]]]:
        """Every page of a cursor-paginated list, following `metadata.next_cursor`."""
        base = {**(params or {}), "limit": str(self.page_size)}
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            body = self.get(path, {**base, "cursor": cursor} if cursor else base)
            items = body.get(key)
            if not isinstance(items, list):
                raise _tag(ServerError(f"{PLATFORM} answer to {path} has no {key!r} list"))
            yield items
            cursor = (body.get("metadata") or {}).get("next_cursor") or None
            if not cursor or not items:
                return
            if cursor in seen:  # a server bug must not loop forever
                raise _tag(ServerError(f"{PLATFORM} repeated a pagination cursor on {path}"))
            seen.add(cursor)

    # -- resources ----------------------------------------------------------------------------

    def customers(self, updated_at_min: str | None = None) -> Iterator[list[dict[str, Any]]]:
        params = {"include": "vip_status"}
        if updated_at_min:
            params["updated_at_min"] = updated_at_min
        return self.pages("/customers", "customers", params)

    def customer(self, customer_id: int) -> dict[str, Any] | None:
        try:
            body = self.get(f"/customers/{int(customer_id)}", {"include": "vip_status"})
        except ClientError as exc:
            if exc.status == 404:
                return None
            raise
        c = body.get("customer")
        return c if isinstance(c, dict) else None

    def points_transactions(self, updated_at_min: str | None = None) -> Iterator[list[dict[str, Any]]]:
        return self.pages("/points_transactions", "points_transactions",
                          {"updated_at_min": updated_at_min} if updated_at_min else None)

    def reward_fulfillments(self, updated_at_min: str | None = None) -> Iterator[list[dict[str, Any]]]:
        return self.pages("/reward_fulfillments", "reward_fulfillments",
                          {"updated_at_min": updated_at_min} if updated_at_min else None)

    def vip_tiers(self) -> list[dict[str, Any]]:
        tiers = self.get("/vip_tiers").get("vip_tiers")
        return [t for t in tiers if isinstance(t, dict)] if isinstance(tiers, list) else []

    def points_products(self) -> list[dict[str, Any]]:
        """Every points product (rewards bought with points). Paged by `page`/`page_size`, not by
        cursor: pages until one comes back short."""
        out: list[dict[str, Any]] = []
        for number in range(1, 1000):
            items = self.get("/points_products", {"page": str(number), "page_size": str(MAX_PAGE)}).get(
                "points_products")
            page = [p for p in items if isinstance(p, dict)] if isinstance(items, list) else []
            out.extend(page)
            if len(page) < MAX_PAGE:
                break
        return out

    def verify(self) -> None:
        """One cheap authenticated call: raises WrongKeyError / MissingScopeError / NetworkError."""
        self.get("/customers", {"limit": "1"})
