"""Issue 13, hardening of the HTTP layer, over real sockets on 127.0.0.1 only:

1. keys only over TLS: plain http:// to anything but this computer is refused before any
   connection (zero connection attempts, asserted by patching the socket layer); a capture server
   on 127.0.0.1 receives the key only when allowed; a mangled key is named before any request;
2. network bounds: a server that never answers (cancel measured), an endless body (clear error,
   bounded memory), absurd Retry-After values on 429 and 503 (capped, announced, cancellable,
   a total give-up bound), all on the product clock (FakeClock: no real sleeping).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from datetime import timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from helpers.net_servers import answers, endless_body, response, serve, silent
from loyalty_desktop.core import clock, secrets
from loyalty_desktop.core.errors import (
    CancelledError,
    ClientError,
    ConfigError,
    InsecureUrlError,
    KeyFormatError,
    RateLimitedError,
    ResponseTooLargeError,
    ServerError,
    user_message,
)
from loyalty_desktop.core.options import SmileOptions, TargetOptions
from loyalty_desktop.net.client import CancelToken, HttpClient, RetryPolicy
from loyalty_desktop.net.policy import (
    Wait,
    WaitReason,
    check_base_url,
    parse_retry_after,
)
from loyalty_emulators.klaviyo.server import DEMO_KEY

KEY = "pk_" + "K" * 34


def _mapper(resp: httpx.Response, endpoint: str) -> ClientError:
    return ClientError(f"HTTP {resp.status_code}", status=resp.status_code)


def client(base_url: str, **kw) -> HttpClient:
    return HttpClient(base_url, headers={"Authorization": f"Klaviyo-API-Key {KEY}"}, limits={},
                      error_mapper=_mapper, **kw)


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every way of opening a connection records the attempt and fails."""
    attempts: list[object] = []

    def refuse(*args: object, **kw: object) -> None:
        attempts.append(args)
        raise AssertionError(f"connection attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


# -- 1. keys only over TLS ------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://example.test:8080", "http://10.255.255.1", "http://10.255.255.1:443/api",
                                 "http://127.0.0.1.example.test", "http://[fe80::1]:80", "http://0.0.0.0:80",
                                 "http://2130706433/", "http://user:pw@example.test/", "ftp://127.0.0.1/",
                                 "127.0.0.1:8080", "http://127.0.0.1\\@example.test/"])
def test_plain_http_to_another_computer_is_refused_before_any_connection(url: str, no_sockets: list[object]) -> None:
    with pytest.raises(InsecureUrlError) as info:
        client(url)
    assert no_sockets == []
    msg = user_message(info.value, "Klaviyo")
    assert ("unencrypted" in msg and "https://" in msg) or "not a web address" in msg
    assert "pw" not in msg and KEY not in msg


@pytest.mark.parametrize("url", ["https://a.klaviyo.com", "http://127.0.0.1:9", "http://127.8.9.10:9",
                                 "http://localhost:9", "http://LOCALHOST.:9", "http://[::1]:9",
                                 "http://[::ffff:127.0.0.1]:9"])
def test_tls_or_loopback_is_allowed(url: str) -> None:
    check_base_url(url)


def test_capture_server_on_loopback_receives_the_key_only_when_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve(answers(response(200, body=b'{"ok": true}'))) as capture:
        for base in (capture.url, f"http://localhost:{capture.port}"):
            with client(base) as c:
                assert c.request("e", "GET", "/api/x").json() == {"ok": True}
        assert len(capture.requests) == 2
        assert all(f"Klaviyo-API-Key {KEY}".encode() in head for head in capture.requests)
        # The same server behind a name that is not loopback: refused, nothing reaches it.
        attempts: list[object] = []
        real_connect = socket.socket.connect

        def record(sock: socket.socket, addr: Any) -> None:
            attempts.append(addr)
            real_connect(sock, addr)

        monkeypatch.setattr(socket.socket, "connect", record)
        for base in (f"http://example.test:{capture.port}", f"http://10.255.255.1:{capture.port}"):
            with pytest.raises(InsecureUrlError):
                client(base)
        assert attempts == [] and len(capture.requests) == 2


def test_a_link_the_server_gives_follows_the_same_rule() -> None:
    body = b'{"links": {"next": "http://example.test/api/x?page=2"}}'
    with serve(answers(response(200, body=body))) as srv:
        with client(srv.url) as c:
            nxt = c.request("e", "GET", "/api/x").json()["links"]["next"]
            with pytest.raises(InsecureUrlError):
                c.request("e", "GET", nxt)
        assert len(srv.requests) == 1


def test_environment_url_and_cli_base_url_are_refused_with_a_reason(monkeypatch: pytest.MonkeyPatch,
                                                                    no_sockets: list[object]) -> None:
    from loyalty_desktop import service

    monkeypatch.setenv("LOYALTY_DESKTOP_KLAVIYO_URL", "http://example.test:8080")
    with pytest.raises(ConfigError, match="refused"):
        service.target("klaviyo").connect(KEY, TargetOptions(), CancelToken())
    with pytest.raises(ConfigError, match="refused"):
        service.target("splio").connect("5d10a5a4db0c4e4f9c1e5ab1e0de7001",
                                        TargetOptions(base_url="http://10.255.255.1"), CancelToken())
    monkeypatch.setenv(secrets.ENV_VARS["smile"], "smile_" + "k" * 20)
    with pytest.raises(ConfigError, match="refused") as info:
        service.source_factory("smile").open(SmileOptions("http://example.test"), CancelToken())
    assert "the Smile.io key" in user_message(info.value, "Klaviyo")  # the source's, not the destination's
    assert no_sockets == []


GUARDED_CLI = """
import socket, sys
def refuse(*a, **k):
    print("CONNECTION ATTEMPT", a, file=sys.stderr); raise SystemExit(99)
socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse
from loyalty_desktop.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_cli_refuses_plain_http_base_url_without_connecting(data_dir) -> None:
    import os

    env = {**os.environ, "LOYALTY_DESKTOP_DATA_DIR": str(data_dir), "LOYALTY_DESKTOP_KLAVIYO_KEY": DEMO_KEY}
    r = subprocess.run([sys.executable, "-c", GUARDED_CLI, "sync", "--to", "klaviyo", "--base-url",
                        "http://10.255.255.1:80", "--members", "20"], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 1, r.stderr
    assert "CONNECTION ATTEMPT" not in r.stderr and "Traceback" not in r.stderr
    assert "unencrypted" in r.stderr and "https://" in r.stderr and DEMO_KEY not in r.stderr + r.stdout


@pytest.mark.parametrize("platform, key, words", [
    ("klaviyo", "pk_" + "a" * 17 + " " + "a" * 16, "contains a space"),
    ("klaviyo", "pk_" + "a" * 17 + "\n" + "a" * 16, "line break"),
    ("klaviyo", "pk_" + "a" * 17 + "é" + "a" * 16, "not a plain letter"),
    ("klaviyo", "pk_" + "a" * 17 + "\u200b" + "a" * 16, "invisible control character"),
    ("klaviyo", "sk_" + "a" * 34, "start with pk_"),
    ("klaviyo", "AbC123", "public key"),
    ("splio", "pk_" + "a" * 34, "a Klaviyo key, not a Splio key"),
    ("splio", "abc", "at least 16 characters"),
    ("smile", "“" + "k" * 20 + "”", "not a plain letter"),
    ("smile", "k" * 10 + "\t" + "k" * 10, "contains a space"),
])
def test_a_mangled_key_is_named_before_any_request(platform: str, key: str, words: str,
                                                   no_sockets: list[object]) -> None:
    with pytest.raises(KeyFormatError) as info:
        secrets.check_key(platform, key)
    msg = user_message(info.value)
    assert words in msg and key not in msg
    # The targets check it too (keys from the keyring or the environment), before connecting.
    if platform != "smile":
        with pytest.raises(KeyFormatError):
            from loyalty_desktop import service
            service.target(platform).connect(key, TargetOptions(base_url="https://api.test"), CancelToken())
    assert no_sockets == []


def test_cli_key_set_refuses_a_mangled_key(data_dir) -> None:
    import os

    env = {**os.environ, "LOYALTY_DESKTOP_DATA_DIR": str(data_dir), "PYTHON_KEYRING_BACKEND":
           "keyring.backends.null.Keyring"}
    r = subprocess.run([sys.executable, "-m", "loyalty_desktop", "key", "set", "klaviyo"], env=env,
                       input="pk_abc def\n", capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "contains a space" in r.stderr and "Traceback" not in r.stderr


# -- 3. network bounds ----------------------------------------------------------------------------

def test_cancel_takes_effect_within_a_second_on_a_server_that_never_answers() -> None:
    with serve(silent) as srv, client(srv.url, timeout=60.0) as c:
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                c.request("e", "GET", "/api/x")
            except BaseException as exc:  # noqa: BLE001 - examined below
                outcome.append(exc)

        t = threading.Thread(target=run)
        t.start()
        deadline = time.monotonic() + 10
        while not srv.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        assert srv.requests, "the request never reached the server"
        time.sleep(0.5)  # now blocked waiting for an answer that never comes
        asked = time.monotonic()
        c.cancel.cancel()
        t.join(5)
        took = time.monotonic() - asked
        assert not t.is_alive()
        assert took <= 1.0, f"cancel took {took:.2f} s"
        assert len(outcome) == 1 and isinstance(outcome[0], CancelledError)


def test_the_read_timeout_still_applies_in_slices() -> None:
    with serve(silent) as srv, client(srv.url, timeout=0.7, retry=RetryPolicy(max_attempts=1)) as c:
        t = time.monotonic()
        with pytest.raises(Exception) as info:
            c.request("e", "GET", "/api/x")
        took = time.monotonic() - t
    assert "did not answer in time" in str(info.value) and 0.6 <= took < 3.0


def test_an_endless_body_stops_at_the_cap_with_a_clear_error() -> None:
    limit = 4 << 20
    with serve(endless_body()) as srv, client(srv.url, max_body=limit) as c:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLargeError) as info:
                c.request("e", "GET", "/api/x")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert c.stats.requests == 1  # not retried
    assert peak < 3 * limit, f"peak {peak} bytes"
    assert srv.sent < 64 * limit  # the client hung up soon after the cap
    msg = user_message(info.value, "Klaviyo")
    assert "larger than 4 MB" in msg and "stopped reading" in msg


def test_the_default_cap_is_64_mb() -> None:
    with serve(endless_body(budget=200 << 20)) as srv, client(srv.url) as c:
        with pytest.raises(ResponseTooLargeError, match="64 MB"):
            c.request("e", "GET", "/api/x")
        assert (64 << 20) <= srv.sent < (100 << 20)


def test_a_declared_huge_body_is_refused_without_reading_it() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 9999999999\r\n\r\n{"
    with serve(answers(head)) as srv, client(srv.url) as c, pytest.raises(ResponseTooLargeError):
        c.request("e", "GET", "/api/x")


ABSURD = ["inf", "1e30", "86400", "-5", "garbage", "nan", "1e400", "Infinity", "99999999999999999999999",
          format_datetime(clock.parse_instant("2030-01-01T00:00:00+00:00"), usegmt=True),
          "Wed, 21 Oct 2015 07:28:00 GMT", "", "  12  "]


def test_parse_retry_after_never_raises() -> None:
    values = {raw: parse_retry_after(raw) for raw in ABSURD}
    assert values["-5"] == 0.0 and values["garbage"] is None and values["nan"] is None
    assert values["inf"] == values["1e400"] == values["Infinity"] == float("inf") and values["1e30"] == 1e30
    assert values["  12  "] == 12.0 and values["Wed, 21 Oct 2015 07:28:00 GMT"] == 0.0
    assert (values[ABSURD[9]] or 0) > 3 * 365 * 86400  # a date years after the pinned now


@pytest.mark.parametrize("status", [429, 503])
def test_absurd_retry_after_is_capped_announced_and_the_request_then_succeeds(
        status: int, fake_clock: clock.FakeClock) -> None:
    bad = [response(status, {"Retry-After": v}) for v in ABSURD]
    with (serve(answers(*bad, response(200, body=b'{"ok": 1}'))) as srv,
          client(srv.url, retry=RetryPolicy(max_attempts=len(ABSURD) + 1, max_throttle_waits=len(ABSURD),
                                            max_total_wait=1e9)) as c):
            waits: list[Wait] = []
            c.on_wait = waits.append
            start = fake_clock.monotonic()
            assert c.request("e", "GET", "/api/x").json() == {"ok": 1}
            spent = fake_clock.monotonic() - start
    assert len(srv.requests) == len(ABSURD) + 1
    assert waits and all(w.seconds <= 300.25 for w in waits)
    assert {w.reason for w in waits} == {WaitReason.THROTTLED if status == 429 else WaitReason.SERVER}
    assert max(w.seconds for w in waits) >= 300  # inf and 1e30 were honoured up to the cap
    assert spent <= 300.25 * len(ABSURD)


@pytest.mark.parametrize("status", [429, 503])
def test_a_request_gives_up_past_the_total_bound(status: int, fake_clock: clock.FakeClock) -> None:
    with (serve(answers(response(status, {"Retry-After": "1e30"}))) as srv,
          client(srv.url, retry=RetryPolicy(max_attempts=100, max_throttle_waits=100)) as c):
            start = fake_clock.monotonic()
            with pytest.raises((RateLimitedError, ServerError)) as info:
                c.request("e", "GET", "/api/x")
            spent = fake_clock.monotonic() - start
    assert 600 <= spent <= 900.5  # three 5-minute waits at most, then a clear error
    assert "Traceback" not in user_message(info.value, "Klaviyo")
    assert len(srv.requests) in (3, 4)  # 429 waits carry a little jitter: the third may not fit


@pytest.mark.parametrize("status", [429, 503])
def test_an_absurd_wait_is_cancellable_from_what_shows_it(status: int, fake_clock: clock.FakeClock) -> None:
    with serve(answers(response(status, {"Retry-After": "inf"}))) as srv, client(srv.url) as c:
        c.on_wait = lambda w: c.cancel.cancel()  # the user clicks Cancel while the wait is shown
        start = fake_clock.monotonic()
        with pytest.raises(CancelledError):
            c.request("e", "GET", "/api/x")
        assert fake_clock.monotonic() == start


@pytest.mark.parametrize("status", [429, 503])
def test_an_absurd_wait_on_the_real_clock_is_cancelled_within_a_second(status: int) -> None:
    # Before: 503 + Retry-After 1e30 crashed (OverflowError), 86400 slept a day.
    with serve(answers(response(status, {"Retry-After": "1e30"}))) as srv, client(srv.url) as c:
        shown: list[Wait] = []
        c.on_wait = shown.append
        threading.Timer(0.3, c.cancel.cancel).start()
        t = time.monotonic()
        with pytest.raises(CancelledError):
            c.request("e", "GET", "/api/x")
        assert time.monotonic() - t < 1.3
        assert shown and shown[0].seconds >= 300 and len(srv.requests) == 1


def test_the_cli_prints_the_wait() -> None:
    import io

    from loyalty_desktop.cli.output import TerminalProgress
    from loyalty_desktop.sync.engine import Phase, Progress

    out = io.StringIO()
    p = TerminalProgress(out, "Klaviyo")
    p(Progress(Phase.SENDING_PROFILES, 10, 100, 5.0, 18.0))
    p(Progress(Phase.SENDING_PROFILES, 10, 100, 5.0, 18.0, wait=Wait(300.1, WaitReason.THROTTLED, 429)))
    p(Progress(Phase.SENDING_PROFILES, 10, 100, 5.0, 18.0,
               wait=Wait(42, WaitReason.SERVER, 503, platform="Smile.io")))
    text = out.getvalue()
    assert "Klaviyo asked us to slow down: waiting 5 min 00 s" in text and "Ctrl-C" in text
    assert "Smile.io is having trouble (HTTP 503): trying again in 42 s" in text


def test_a_sync_shows_its_waits_and_completes_on_the_fake_clock(tmp_path, fake_clock: clock.FakeClock) -> None:
    from helpers.sync_helpers import destination, new_program
    from loyalty_desktop import service
    from loyalty_desktop.core.fields import KLAVIYO_SMILE
    from loyalty_desktop.store.store import Store
    from loyalty_desktop.sync.engine import RunStatus
    from loyalty_emulators.klaviyo.server import Faults, KlaviyoSandbox

    program = new_program(tmp_path / "program.sqlite3", 60)
    patient = RetryPolicy(base_delay=0.05, max_delay=0.5, max_throttle_waits=50, max_total_wait=1e6)
    with KlaviyoSandbox(job_seconds=0.0) as sb, Store(tmp_path / "s.sqlite3") as store, \
            destination(sb, retry=patient) as dest:
        sb.faults = Faults(rate_429=0.5, seed=3, retry_after_s=86400)
        seen: list[Any] = []
        summary = service.sync(store, program, "demo", dest, KLAVIYO_SMILE, on_progress=seen.append,
                               poll_interval=0.01)
        program.close()
    waits = [p.wait for p in seen if p.wait is not None]
    assert summary.status is RunStatus.COMPLETED, summary.error
    assert waits and all(w.reason is WaitReason.THROTTLED and w.seconds <= 300.25 for w in waits)
    assert summary.throttled >= len(waits)


def test_wait_durations_never_overflow_the_clock() -> None:
    ev = threading.Event()
    ev.set()
    assert clock.SystemClock().wait(ev, float("inf")) and clock.SystemClock().wait(ev, 1e30)
    fake = clock.FakeClock(clock.parse_instant("2026-11-02T12:00:00+00:00"))
    assert not fake.wait(threading.Event(), 1e30) and fake.now() > clock.parse_instant("2026-11-02T12:00:00+00:00")
    assert fake.now() - clock.parse_instant("2026-11-02T12:00:00+00:00") <= timedelta(seconds=1e9)
