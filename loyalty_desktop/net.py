"""The one HTTP layer every adapter uses: rate limiting, retries, cancellation, typed errors.

- `RateLimit` declares an endpoint's burst and steady windows (and a daily cap); `Limiter` paces
  requests so none is ever over either window (a sliding log per endpoint, slightly wider than the
  server's fixed windows so network jitter cannot push two requests into one server window).
- 429 → wait `Retry-After` (interruptible), 5xx / timeouts / dropped connections → bounded
  exponential backoff with full jitter. All the writes we send are idempotent upserts or
  deduplicated events, so retrying a request whose answer was lost is safe.
- Adapters give an `error_mapper` that turns a non-2xx response into a typed error.
- Request logs name method, URL and status, never headers: no key or token reaches a log.
"""

from __future__ import annotations

import logging
import random
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from .errors import (
    CancelledError,
    LoyaltyError,
    NetworkError,
    RateLimitedError,
    ServerError,
    TlsProxyError,
)

log = logging.getLogger(__name__)

USER_AGENT = "loyalty-desktop/0.1"


class CancelToken:
    """Cooperative cancellation: checked between batches and inside every wait."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise CancelledError()

    def sleep(self, seconds: float) -> None:
        """Sleep, waking at once (and raising CancelledError) if cancelled."""
        if seconds > 0 and self._event.wait(seconds):
            raise CancelledError()
        self.check()


@dataclass(frozen=True, slots=True)
class RateLimit:
    burst: int  # requests per burst window
    steady: int  # requests per steady window
    burst_window: float = 1.0
    steady_window: float = 60.0
    daily: int | None = None


class _Window:
    """Sliding log of request times for one (limit, window)."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self.times: deque[float] = deque()

    def wait_needed(self, now: float) -> float:
        while self.times and now - self.times[0] >= self.seconds:
            self.times.popleft()
        if len(self.times) < self.limit:
            return 0.0
        return self.seconds - (now - self.times[0])


class Limiter:
    """Per-endpoint pacing, shared by every thread using one client."""

    # Margin over the server's windows: a request timed at the client is received a little later.
    SAFETY = 1.06

    def __init__(self, limits: Mapping[str, RateLimit], clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = dict(limits)
        self._windows: dict[str, list[_Window]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def _windows_for(self, endpoint: str) -> list[_Window]:
        ws = self._windows.get(endpoint)
        if ws is None:
            lim = self._limits.get(endpoint)
            ws = [] if lim is None else [
                _Window(lim.burst, lim.burst_window * self.SAFETY),
                _Window(lim.steady, lim.steady_window * self.SAFETY),
            ]
            self._windows[endpoint] = ws
        return ws

    def set_limit(self, endpoint: str, limit: RateLimit) -> None:
        """Change one endpoint's limit (e.g. to a lower one the server announced), keeping the
        record of recent requests so the change cannot let a burst through."""
        with self._lock:
            self._limits[endpoint] = limit
            ws = self._windows.get(endpoint)
            if ws:
                ws[0].limit, ws[0].seconds = limit.burst, limit.burst_window * self.SAFETY
                ws[1].limit, ws[1].seconds = limit.steady, limit.steady_window * self.SAFETY

    def acquire(self, endpoint: str, cancel: CancelToken | None = None) -> float:
        """Block until a request to `endpoint` may go; returns the seconds waited."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                ws = self._windows_for(endpoint)
                wait = max((w.wait_needed(now) for w in ws), default=0.0)
                if wait <= 0:
                    for w in ws:
                        w.times.append(now)
                    return waited
            # At least 1 ms (float rounding), at most 1 s (re-check cancel and other threads).
            wait = min(max(wait, 0.001), 1.0)
            (cancel or _NEVER).sleep(wait)
            waited += wait


_NEVER = CancelToken()


@dataclass(slots=True)
class RetryPolicy:
    max_attempts: int = 6  # for 5xx / network trouble
    max_throttle_waits: int = 12  # 429s tolerated for one request
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 300.0

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(cap, base·2^attempt)]."""
        return rng.uniform(0, min(self.max_delay, self.base_delay * (2 ** attempt)))


@dataclass(slots=True)
class HttpStats:
    requests: int = 0
    writes: int = 0
    retries: int = 0
    throttled: int = 0
    waited_for_limits: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **kw: float) -> None:
        with self.lock:
            for k, v in kw.items():
                setattr(self, k, getattr(self, k) + v)


ErrorMapper = Callable[[httpx.Response, str], LoyaltyError]
_WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _retry_after(resp: httpx.Response, default: float) -> float:
    for name in ("Retry-After", "rateLimit-reset", "RateLimit-Reset"):
        raw = resp.headers.get(name)
        if raw:
            try:
                return max(0.0, float(raw))
            except ValueError:
                continue
    return default


def _network_error(exc: httpx.TransportError) -> LoyaltyError:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return TlsProxyError(f"TLS error: {cause.__class__.__name__}")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ProxyError):
        return TlsProxyError("the proxy refused the connection")
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError("the server did not answer in time")
    return NetworkError(exc.__class__.__name__)


class HttpClient:
    """httpx.Client + limiter + retry + error mapping. Thread-safe (httpx.Client is)."""

    def __init__(
        self,
        base_url: str,
        *,
        headers: Mapping[str, str],
        limits: Mapping[str, RateLimit],
        error_mapper: ErrorMapper,
        cancel: CancelToken | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 60.0,
        transport: httpx.BaseTransport | None = None,
        max_connections: int = 32,
    ) -> None:
        self.cancel = cancel or CancelToken()
        self.retry = retry or RetryPolicy()
        self.limiter = Limiter(limits)
        self.stats = HttpStats()
        self._error_mapper = error_mapper
        self._rng = random.Random()
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"User-Agent": USER_AGENT, **headers},
            timeout=httpx.Timeout(timeout, connect=15.0),
            transport=transport,
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            follow_redirects=False,
        )

    def set_header(self, name: str, value: str) -> None:
        self._client.headers[name] = value

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(
        self,
        endpoint: str,
        method: str,
        url: str,
        *,
        json: Any = None,
        content: bytes | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        on_status: Callable[[httpx.Response], bool] | None = None,
    ) -> httpx.Response:
        """Send with pacing and retries; return a 2xx response or raise a typed error.

        `endpoint` names the rate-limit bucket. `on_status` lets an adapter intercept a response
        first (e.g. refresh a token on 401); returning True means "handled, send again".
        """
        attempt = 0
        throttles = 0
        while True:
            self.cancel.check()
            waited = self.limiter.acquire(endpoint, self.cancel)
            self.stats.add(requests=1, writes=int(method in _WRITE_METHODS), waited_for_limits=waited)
            try:
                resp = self._client.request(method, url, json=json, content=content, params=params, headers=headers)
            except httpx.TransportError as exc:
                err = _network_error(exc)
                if isinstance(err, TlsProxyError) or attempt + 1 >= self.retry.max_attempts:
                    raise err from None
                delay = self.retry.backoff(attempt, self._rng)
                log.info("%s %s: %s, retry %d in %.1fs", method, url, err.message, attempt + 1, delay)
                attempt += 1
                self.stats.add(retries=1)
                self.cancel.sleep(delay)
                continue
            log.debug("%s %s -> %d", method, resp.request.url, resp.status_code)
            if resp.is_success:
                return resp
            if on_status is not None and on_status(resp):
                continue
            if resp.status_code == 429:
                throttles += 1
                delay = min(_retry_after(resp, 1.0), self.retry.max_retry_after)
                self.stats.add(throttled=1, retries=1)
                if throttles > self.retry.max_throttle_waits:
                    raise RateLimitedError(delay)
                # Retry-After is whole seconds; a little jitter keeps parallel workers apart.
                delay += self._rng.uniform(0, 0.25)
                log.info("%s %s: 429, waiting %.1fs", method, url, delay)
                self.cancel.sleep(delay)
                continue
            if resp.status_code >= 500 and attempt + 1 < self.retry.max_attempts:
                delay = max(self.retry.backoff(attempt, self._rng), _retry_after(resp, 0.0))
                log.info("%s %s: HTTP %d, retry %d in %.1fs", method, url, resp.status_code, attempt + 1, delay)
                attempt += 1
                self.stats.add(retries=1)
                self.cancel.sleep(delay)
                continue
            err = self._error_mapper(resp, endpoint)
            if resp.status_code >= 500 and not isinstance(err, ServerError):
                err = ServerError(err.message, status=resp.status_code)
            raise err
