"""The shared HTTP layer: pacing within burst and steady windows, Retry-After, backoff, cancel,
typed errors. Transport-level behaviour is exercised over real HTTP in the sandbox tests."""

from __future__ import annotations

import logging
import threading
import time

import httpx
import pytest

from loyalty_desktop.core.errors import (
    CancelledError,
    ClientError,
    NetworkError,
    RateLimitedError,
    ServerError,
)
from loyalty_desktop.net.client import (
    CancelToken,
    HttpClient,
    Limiter,
    RateLimit,
    RetryPolicy,
)


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_limiter_respects_burst_and_steady_windows() -> None:
    clock = FakeClock()
    lim = Limiter({"x": RateLimit(burst=3, steady=5)}, clock=clock)
    sent: list[float] = []
    token = CancelToken()
    # Drive time forward instead of sleeping: replace the token's sleep with clock advance.
    token.sleep = lambda seconds: setattr(clock, "t", clock.t + seconds)  # type: ignore[method-assign]
    for _ in range(12):
        lim.acquire("x", token)
        sent.append(clock.t)
    for i, t in enumerate(sent):
        in_burst = [u for u in sent if t - 1.0 < u <= t]
        in_steady = [u for u in sent if t - 60.0 < u <= t]
        assert len(in_burst) <= 3 and len(in_steady) <= 5, (i, t)
    assert sent[5] >= 60.0  # the 6th request waited for the steady window


def test_limiter_unknown_endpoint_is_unpaced() -> None:
    lim = Limiter({})
    t = time.monotonic()
    for _ in range(100):
        lim.acquire("anything")
    assert time.monotonic() - t < 0.5


def _client(handler, **kw) -> HttpClient:
    def mapper(resp: httpx.Response, endpoint: str) -> ClientError:
        return ClientError(f"HTTP {resp.status_code}", status=resp.status_code)

    return HttpClient("https://api.test", headers={"Authorization": "Secret s3cr3t"}, limits={},
                      error_mapper=mapper, transport=httpx.MockTransport(handler),
                      retry=kw.pop("retry", RetryPolicy(base_delay=0.01, max_delay=0.02)), **kw)


def test_retry_after_is_honoured_then_succeeds() -> None:
    calls: list[float] = []

    def handler(req: httpx.Request) -> httpx.Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "1"})
        return httpx.Response(200, json={"ok": True})

    with _client(handler) as c:
        assert c.request("e", "GET", "/x").json() == {"ok": True}
        assert c.stats.throttled == 1
    assert calls[1] - calls[0] >= 1.0


def test_5xx_and_dropped_connections_back_off_then_succeed() -> None:
    n = {"i": 0}

    def handler(req: httpx.Request) -> httpx.Response:
        n["i"] += 1
        if n["i"] == 1:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        if n["i"] == 2:
            return httpx.Response(503)
        return httpx.Response(201, json={})

    with _client(handler) as c:
        assert c.request("e", "POST", "/x", json={}).status_code == 201
        assert c.stats.retries == 2


def test_retries_are_bounded() -> None:
    with _client(lambda req: httpx.Response(500), retry=RetryPolicy(max_attempts=3, base_delay=0.01)) as c:
        with pytest.raises(ServerError):
            c.request("e", "GET", "/x")
        assert c.stats.requests == 3
    with _client(lambda req: (_ for _ in ()).throw(httpx.ConnectError("refused")),
                 retry=RetryPolicy(max_attempts=2, base_delay=0.01)) as c, pytest.raises(NetworkError):
        c.request("e", "GET", "/x")
    with _client(lambda req: httpx.Response(429, headers={"Retry-After": "0"}),
                 retry=RetryPolicy(max_throttle_waits=2)) as c, pytest.raises(RateLimitedError):
        c.request("e", "GET", "/x")


def test_4xx_is_not_retried() -> None:
    with _client(lambda req: httpx.Response(400, json={})) as c:
        with pytest.raises(ClientError):
            c.request("e", "POST", "/x")
        assert c.stats.requests == 1


def test_cancel_interrupts_a_retry_after_wait_within_a_second() -> None:
    with _client(lambda req: httpx.Response(429, headers={"Retry-After": "30"})) as c:
        threading.Timer(0.3, c.cancel.cancel).start()
        t = time.monotonic()
        with pytest.raises(CancelledError):
            c.request("e", "GET", "/x")
        assert time.monotonic() - t < 1.0


def test_authorization_header_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    seq = iter([httpx.Response(503), httpx.Response(200, json={})])
    with _client(lambda req: next(seq)) as c:
        c.request("e", "GET", "/x")
    assert "s3cr3t" not in caplog.text
    assert "/x" in caplog.text
