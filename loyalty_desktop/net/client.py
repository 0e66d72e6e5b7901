"""The one HTTP layer every adapter uses: rate limiting, retries, cancellation, typed errors.

- `RateLimit` declares an endpoint's burst and steady windows (and a daily cap); `Limiter` paces
  requests so none is ever over either window (a sliding log per endpoint, slightly wider than the
  server's fixed windows so network jitter cannot push two requests into one server window).
- 429 → wait `Retry-After` (interruptible), 5xx / timeouts / dropped connections → bounded
  exponential backoff with full jitter (or the server's Retry-After if longer). Every wait is capped
  (`RetryPolicy.max_retry_after`), a request gives up past `max_total_wait`, and each wait of a
  second or more is announced (`on_wait`) so the CLI and the GUI can say what is happening. All
  the writes we send are idempotent upserts or deduplicated events, so retrying a request whose
  answer was lost is safe.
- Keys only over TLS: `net_policy.check_base_url` refuses plain http:// to another computer before
  any connection. Answers are read up to `max_body` bytes (an endless body is an error, not a
  full memory). Cancel takes effect within a fraction of a second even while a server stays
  silent (`net_socket`).
- Adapters give an `error_mapper` that turns a non-2xx response into a typed error.
- Request logs name method, URL and status, never headers: no key or token reaches a log.
"""

from __future__ import annotations

import logging
import math
import random
import ssl
import threading
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import (
    LoyaltyError,
    NetworkError,
    RateLimitedError,
    ResponseTooLargeError,
    ServerError,
    TlsProxyError,
)
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.net.cancel import CancelToken as CancelToken  # its home before; callers import it here too
from loyalty_desktop.net.policy import (
    Wait,
    WaitReason,
    check_base_url,
    parse_retry_after,
)

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

USER_AGENT = "loyalty-desktop/0.1"


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

    def __init__(self, limits: Mapping[str, RateLimit], clock: Callable[[], float] = clock.monotonic) -> None:
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

    def peek(self, endpoint: str) -> float:
        """The seconds a request to `endpoint` would wait now (0: it may go), taking nothing."""
        with self._lock:
            now = self._clock()
            return max((w.wait_needed(now) for w in self._windows_for(endpoint)), default=0.0)

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
    max_retry_after: float = 300.0  # the longest single wait, whatever the server asks
    max_total_wait: float = 900.0  # a request gives up rather than wait longer than this in all

    def capped(self, seconds: float) -> float:
        """A wait within [0, max_retry_after] (inf, 1e30 and NaN included)."""
        if math.isnan(seconds):
            return 0.0
        return min(max(seconds, 0.0), self.max_retry_after)

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


ErrorMapper = Callable[["httpx.Response", str], LoyaltyError]
_WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


MAX_BODY = 64 << 20  # bytes of one answer, decoded; ours are at most a few MB
MIN_ANNOUNCED_WAIT = 1.0  # seconds: shorter retry waits are not worth a line


def _retry_after(resp: httpx.Response, default: float) -> float:
    """The server's wait (Retry-After, or Splio's rateLimit-reset), uncapped; `default` if none."""
    for name in ("Retry-After", "rateLimit-reset"):  # header names are case-insensitive
        value = parse_retry_after(resp.headers.get(name))
        if value is not None:
            return value
    return default


def _read_capped(resp: httpx.Response, limit: int) -> None:
    """Read a streamed answer into `resp.content`, stopping past `limit` decoded bytes."""
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ResponseTooLargeError(limit, status=resp.status_code)
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise ResponseTooLargeError(limit, status=resp.status_code)
        chunks.append(chunk)
    resp._content = b"".join(chunks)  # what Response.read() sets


def _network_error(exc: httpx.TransportError) -> LoyaltyError:
    import httpx

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return TlsProxyError(tr("TLS error: {name}").format(name=cause.__class__.__name__))
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ProxyError):
        return TlsProxyError(tr("the proxy refused the connection"))
    if isinstance(exc, httpx.TimeoutException):
        return NetworkError(tr("the server did not answer in time"))
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
        max_body: int = MAX_BODY,
        platform: str | None = None,
    ) -> None:
        check_base_url(base_url)  # before anything can connect
        # httpx (and the transport built on it) load with the first client, not with the app:
        # a tenth of a second of start-up the first window does not need.
        import httpx

        from loyalty_desktop.net.sockets import CancellableTransport

        self.cancel = cancel or CancelToken()
        self.retry = retry or RetryPolicy()
        self.limiter = Limiter(limits)
        self.stats = HttpStats()
        self.max_body = max_body
        self.platform = platform  # names the server in announced waits (None: the caller's platform)
        self.on_wait: Callable[[Wait], None] | None = None  # told before each retry wait >= 1 s
        self._error_mapper = error_mapper
        self._rng = random.Random()
        pool = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
        # Plain http is only ever to this computer: no proxy from the environment may see it.
        trust_env = httpx.URL(base_url).scheme == "https"
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers={"User-Agent": USER_AGENT, **headers},
            timeout=httpx.Timeout(timeout, connect=15.0),
            transport=transport or CancellableTransport(lambda: self.cancel.cancelled, pool, trust_env),
            limits=pool,
            follow_redirects=False,
            trust_env=trust_env,
        )

    def set_header(self, name: str, value: str) -> None:
        self._client.headers[name] = value

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, method: str, url: str, **kw: Any) -> httpx.Response:
        if url.startswith(("http:", "https:")):  # a link the server gave (pagination): same rule
            check_base_url(url)
        resp = self._client.send(self._client.build_request(method, url, **kw), stream=True)
        try:
            _read_capped(resp, self.max_body)
        finally:
            resp.close()
        return resp

    def _wait(self, spent: list[float], seconds: float, wait: Wait, give_up: Callable[[], LoyaltyError]) -> None:
        """Wait `seconds` (already capped) unless the request's total would pass max_total_wait."""
        if spent[0] + seconds > self.retry.max_total_wait:
            raise give_up()
        spent[0] += seconds
        if self.on_wait is not None and seconds >= MIN_ANNOUNCED_WAIT:
            self.on_wait(wait)
        self.cancel.sleep(seconds)

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
        import httpx

        attempt = 0
        throttles = 0
        spent = [0.0]  # seconds this request has waited for retries
        while True:
            self.cancel.check()
            waited = self.limiter.acquire(endpoint, self.cancel)
            self.stats.add(requests=1, writes=int(method in _WRITE_METHODS), waited_for_limits=waited)
            try:
                resp = self._send(method, url, json=json, content=content, params=params, headers=headers)
            except httpx.TransportError as exc:
                err = _network_error(exc)
                if isinstance(err, TlsProxyError) or attempt + 1 >= self.retry.max_attempts:
                    raise err from None
                delay = self.retry.backoff(attempt, self._rng)
                log.info("%s %s: %s, retry %d in %.1fs", method, url, err.message, attempt + 1, delay)
                attempt += 1
                self.stats.add(retries=1)
                self._wait(spent, delay, Wait(delay, WaitReason.NETWORK, None, err.message, self.platform),
                           lambda: err)  # noqa: B023 - _wait calls it within this iteration
                continue
            log.debug("%s %s -> %d", method, resp.request.url, resp.status_code)
            if resp.is_success:
                return resp
            if on_status is not None and on_status(resp):
                continue
            if resp.status_code == 429:
                throttles += 1
                asked = _retry_after(resp, 1.0)
                delay = self.retry.capped(asked)
                self.stats.add(throttled=1, retries=1)
                if throttles > self.retry.max_throttle_waits:
                    raise RateLimitedError(delay)
                # Retry-After is whole seconds; a little jitter keeps parallel workers apart.
                delay += self._rng.uniform(0, 0.25)
                log.info("%s %s: 429, waiting %.1fs (asked %s)", method, url, delay, asked)
                self._wait(spent, delay, Wait(delay, WaitReason.THROTTLED, 429, platform=self.platform),
                           lambda: RateLimitedError(delay))  # noqa: B023 - called within this iteration
                continue
            if resp.status_code >= 500 and attempt + 1 < self.retry.max_attempts:
                delay = self.retry.capped(max(self.retry.backoff(attempt, self._rng), _retry_after(resp, 0.0)))
                log.info("%s %s: HTTP %d, retry %d in %.1fs", method, url, resp.status_code, attempt + 1, delay)
                attempt += 1
                self.stats.add(retries=1)
                failed = resp
                self._wait(spent, delay, Wait(delay, WaitReason.SERVER, resp.status_code, platform=self.platform),
                           lambda: self._mapped(failed, endpoint))  # noqa: B023 - called within this iteration
                continue
            raise self._mapped(resp, endpoint)

    def _mapped(self, resp: httpx.Response, endpoint: str) -> LoyaltyError:
        err = self._error_mapper(resp, endpoint)
        if resp.status_code >= 500 and not isinstance(err, ServerError):
            err = ServerError(err.message, status=resp.status_code)
        return err
