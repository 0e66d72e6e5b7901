"""Splio's HTTP conventions for the adapter: the rate-limit buckets, the error envelope turned into
typed errors, and the cached bearer token (renewed after it ages and on a 401).

Splio answers errors in three shapes (reference §6): the envelope ``{"status","errors":[…]}``
(``errors`` is an object in one documented 503), a bare JSON string (401 ``"Authentication
failed."``, 405) or ``{"message": …}`` (429); a proxy in between answers HTML.
"""

from __future__ import annotations

import base64
import json
import math
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import (
    ClientError,
    LoyaltyError,
    ServerError,
    WrongKeyError,
)
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.net.client import CancelToken, Limiter, RateLimit

if TYPE_CHECKING:
    import httpx

CONTACTS_RPS = 20  # /data/contacts* per IP (Splio's rate-limiting page)
OTHER_RPS = 10  # everything else


def limits(contacts_rps: float = CONTACTS_RPS, other_rps: float = OTHER_RPS) -> dict[str, RateLimit]:
    """Per-bucket pacing. Splio counts per second; the shared limiter widens every window by
    Limiter.SAFETY, which here would cost 6 % of the throughput, so the windows are declared that
    much shorter: the client sends at most the documented N requests in any 1-second span (as timed
    by the client). A request landing in a crowded server window gets a 429 and waits rateLimit-reset."""
    def one(rps: float) -> RateLimit:
        n = max(1, int(rps))
        return RateLimit(n, n * 60, burst_window=n / rps / Limiter.SAFETY, steady_window=60.0 / Limiter.SAFETY)
    return {"contacts": one(contacts_rps), "other": one(other_rps)}


class SplioApiError(ClientError):
    """A non-2xx answer in Splio's error envelope; `errors` holds its items."""

    def __init__(self, message: str, *, status: int, errors: list[dict[str, Any]]) -> None:
        super().__init__(message, status=status)
        self.errors = errors

    @property
    def slugs(self) -> set[str]:
        return {str(e.get("error") or "") for e in self.errors}

    @property
    def field(self) -> str:
        return str(self.errors[0].get("error_key") or "") if self.errors else ""

    @property
    def detail(self) -> str:
        return "; ".join(str(e.get("error_description") or e.get("error") or "") for e in self.errors) or self.message


def parse_error(resp: httpx.Response) -> tuple[list[dict[str, Any]], str]:
    """Splio answers errors as an envelope {"status","errors":[…]} (errors sometimes an object),
    a bare JSON string ("Authentication failed.") or {"message": …}; proxies answer HTML."""
    try:
        body = resp.json()
    except ValueError:
        return [], resp.reason_phrase
    if isinstance(body, str):
        return [], body
    if isinstance(body, dict):
        errs = body.get("errors")
        if isinstance(errs, dict):
            errs = [errs]
        if isinstance(errs, list):
            items = [e for e in errs if isinstance(e, dict)]
            return items, "; ".join(str(e.get("error_description") or e.get("error") or "") for e in items)
        if isinstance(body.get("message"), str):
            return [], body["message"]
    return [], resp.reason_phrase


def map_error(resp: httpx.Response, endpoint: str) -> LoyaltyError:
    errors, detail = parse_error(resp)
    status = resp.status_code
    if status == 401:
        return WrongKeyError(f"Splio refused the token: {detail}", status=status)
    if status >= 500:
        return ServerError(f"Splio answered HTTP {status}: {detail}", status=status)
    if status == 403:
        return SplioApiError(tr("Splio refused this request for this API user (HTTP 403 Forbidden). Check the API "
                                "user's rights in Splio (Users → API users)."), status=status, errors=errors)
    return SplioApiError(tr("Splio answered HTTP {status}: {detail}").format(status=status, detail=detail),
                         status=status, errors=errors)


def jwt_claims(token: str) -> dict[str, Any]:
    """The claims of a JWT, best effort (only to name the universe; the token stays opaque otherwise)."""
    try:
        part = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (IndexError, ValueError):
        return {}
    return claims if isinstance(claims, dict) else {}


class Token:
    """The cached JWT: renewed after `max_age`, or once when a request comes back 401."""

    def __init__(self, fetch: Callable[[], str], max_age: float) -> None:
        self._fetch = fetch
        self._max_age = max_age
        self._lock = threading.Lock()
        self._value: str | None = None
        self._at = 0.0
        self._refused: WrongKeyError | None = None
        self.generation = 0

    def current(self) -> tuple[int, str]:
        with self._lock:
            if self._value is None or clock.monotonic() - self._at >= self._max_age:
                self._renew()
            assert self._value is not None
            return self.generation, self._value

    def renew_after(self, seen: int) -> tuple[int, str]:
        """A fresh token, unless another thread already renewed the one `seen` was."""
        with self._lock:
            if self.generation == seen or self._value is None:
                self._renew()
            assert self._value is not None
            return self.generation, self._value

    def _renew(self) -> None:
        if self._refused is not None:  # the key was refused: every waiting thread fails the same way
            raise WrongKeyError(self._refused.message, status=self._refused.status)
        try:
            self._value = self._fetch()
        except WrongKeyError as exc:
            self._refused = exc
            raise
        self._at = clock.monotonic()
        self.generation += 1

    @property
    def value(self) -> str | None:
        return self._value


def int_header(resp: httpx.Response, name: str) -> int | None:
    raw = resp.headers.get(name)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


class InFlight:
    """How many requests may be out at once: about pace × latency (Little's law), with slack.

    More workers than that would only wait inside the shared rate limiter, where every freed slot
    wakes them all: on two cores that costs more CPU than the requests themselves. The latency is
    learnt from the answers (``httpx.Response.elapsed``, which excludes the pacing wait), so the
    same client keeps Splio's 20/s with 100–300 ms answers and reaches its own ceiling when the
    limit is raised.
    """

    SLACK = 1.25

    def __init__(self, rps: float, maximum: int, minimum: int = 4) -> None:
        self.rps, self.maximum, self.minimum = rps, maximum, min(minimum, maximum)
        self.limit = maximum
        self.latency: float | None = None
        self._busy = 0
        self._cond = threading.Condition()

    def enter(self, cancel: CancelToken) -> None:
        with self._cond:
            while self._busy >= self.limit:
                self._cond.wait(0.25)
                cancel.check()
            self._busy += 1

    def leave(self) -> None:
        with self._cond:
            self._busy -= 1
            self._cond.notify()

    def observe(self, seconds: float) -> None:
        """One answer took `seconds` on the wire: adjust the number of requests allowed out."""
        with self._cond:
            self.latency = seconds if self.latency is None else 0.9 * self.latency + 0.1 * seconds
            limit = max(self.minimum, min(self.maximum, math.ceil(self.rps * self.latency * self.SLACK) + 4))
            if limit > self.limit:
                self._cond.notify(limit - self.limit)
            self.limit = limit
