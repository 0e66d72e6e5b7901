"""Reusable pieces for the offline API emulators ("sandboxes").

Nothing here knows about a particular vendor. It provides:

* :class:`HttpRequest` / :class:`HttpResponse` - plain values passed to an app callable;
* :class:`BackgroundHTTPServer` - a ``ThreadingHTTPServer`` bound to 127.0.0.1 (port 0 = any free
  port), served from a daemon thread, with a clean :meth:`~BackgroundHTTPServer.stop` that closes
  keep-alive connections and joins every thread (no ResourceWarning);
* JSON helpers (:func:`json_response`, :func:`parse_json_body`, :func:`media_type`);
* :class:`Faults` - seeded fault injection (random 429/500/dropped connection, added latency);
* :class:`FixedWindowLimiter` - per-bucket fixed-window request counter (burst/steady/daily).

The app callable receives an :class:`HttpRequest` and returns an :class:`HttpResponse`, or
``None`` to close the connection without answering.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import socket
import threading
import time
import zlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from loyalty_desktop.core import clock as clocks

LOOPBACK = "127.0.0.1"
#: Bodies larger than this are not read at all (the connection is closed after a 413).
HARD_BODY_LIMIT = 64 * 1024 * 1024


class BodyDecodeError(ValueError):
    """The body's Content-Encoding is unsupported or the compressed data is corrupt."""


@dataclass
class HttpRequest:
    method: str
    target: str  # raw request target: path plus query string
    path: str  # percent-decoded path, no query
    query: dict[str, list[str]]
    headers: dict[str, str]  # header names lower-cased
    body: bytes
    received_at: float  # the clock's now (epoch seconds) when the request line arrived
    received_monotonic: float  # time.monotonic() at the same instant

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    def query_one(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else None

    def decoded_body(self, max_size: int) -> bytes:
        """Body after Content-Encoding (gzip/deflate/identity), capped at ``max_size + 1`` bytes."""
        enc = (self.header("content-encoding") or "identity").strip().lower()
        if enc in ("", "identity"):
            return self.body
        try:
            if enc in ("gzip", "x-gzip"):
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            elif enc == "deflate":
                d = zlib.decompressobj()
            else:
                raise BodyDecodeError(f"unsupported content-encoding {enc!r}")
            out = d.decompress(self.body, max_size + 1)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise BodyDecodeError(str(exc)) from exc
        return out


@dataclass
class HttpResponse:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str | None = "application/json"

    def all_headers(self) -> list[tuple[str, str]]:
        hs = list(self.headers)
        if self.body and self.content_type:
            hs.insert(0, ("Content-Type", self.content_type))
        return hs


App = Callable[[HttpRequest], "HttpResponse | None"]


def json_dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(status: int, obj: Any, content_type: str = "application/json",
                  headers: Sequence[tuple[str, str]] = ()) -> HttpResponse:
    return HttpResponse(status, json_dumps(obj), list(headers), content_type)


def media_type(content_type: str | None) -> str:
    """``'application/json; charset=utf-8'`` -> ``'application/json'``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def parse_json_body(body: bytes) -> Any:
    """Decode a UTF-8 JSON body; raises ``ValueError`` on bad encoding or syntax."""
    return json.loads(body.decode("utf-8"))


# --------------------------------------------------------------------------- faults


@dataclass
class Faults:
    """Fault injection settings; assign a new instance at runtime to change them.

    Each request draws one number from a ``random.Random(seed)``: below ``rate_drop`` the
    connection is closed without a response, then ``rate_500`` gives a 500, then ``rate_429`` an
    (injected) 429. ``latency_s`` is added before every response. ``revoke_after_requests`` is
    interpreted by the emulator (revoke the key in use after N more authenticated requests).
    An injected 429 carries ``Retry-After: retry_after_s``.
    """

    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_drop: float = 0.0
    latency_s: float = 0.0
    revoke_after_requests: int | None = None
    seed: int = 0
    retry_after_s: int = 1  # what an injected 429 asks the client to wait
    _rng: random.Random = field(init=False, repr=False, compare=False)
    _lock: threading.Lock = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("rate_429", "rate_500", "rate_drop"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"{name} must be within [0, 1]")
        if self.rate_429 + self.rate_500 + self.rate_drop > 1.0:
            raise ValueError("fault rates add up to more than 1")
        if self.latency_s < 0:
            raise ValueError("latency_s must be >= 0")
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    def draw(self) -> str | None:
        """``'drop'``, ``'500'``, ``'429'`` or ``None`` for this request."""
        if not (self.rate_drop or self.rate_500 or self.rate_429):
            return None
        with self._lock:
            r = self._rng.random()
        if r < self.rate_drop:
            return "drop"
        r -= self.rate_drop
        if r < self.rate_500:
            return "500"
        r -= self.rate_500
        if r < self.rate_429:
            return "429"
        return None


# --------------------------------------------------------------------------- rate limits


@dataclass(frozen=True)
class WindowState:
    limit: int
    window_s: float
    remaining: int
    reset_s: int  # whole seconds until this window resets (ceil)


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    retry_after_s: int  # only meaningful when not allowed (>= 1)
    windows: tuple[WindowState, ...]


class FixedWindowLimiter:
    """Fixed-window counters keyed by ``(bucket, window length)``.

    A window opens at the first request after the previous one expired and lasts
    ``window_s - tolerance`` seconds, where ``tolerance = min(0.1, window_s / 10)``. The small
    tolerance absorbs scheduling jitter between a client's send time and our receive time, so a
    client that never sends more than ``limit`` requests in any ``window_s`` span is never
    throttled, while a client ignoring the limit is. Rejected requests are not counted.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[tuple[Hashable, float], list[float]] = {}  # -> [start, count]

    @staticmethod
    def effective_length(window_s: float) -> float:
        return window_s - min(0.1, window_s / 10.0)

    def hit(self, bucket: Hashable, limits: Sequence[tuple[int, float]],
            now: float | None = None) -> RateDecision:
        """Count one request against every ``(limit, window_s)``; refuse if any is full."""
        now = self._clock() if now is None else now
        with self._lock:
            states = []
            for limit, window_s in limits:
                key = (bucket, window_s)
                w = self._windows.get(key)
                length = self.effective_length(window_s)
                if w is None or now >= w[0] + length:
                    w = [now, 0.0]
                    self._windows[key] = w
                states.append((limit, window_s, w, length))
            blocked = [(w[0] + length - now) for limit, _, w, length in states if w[1] >= limit]
            if blocked:
                retry = max(1, math.ceil(max(blocked)))
                return RateDecision(False, retry, tuple(
                    WindowState(lim, ws, max(0, lim - int(w[1])), max(0, math.ceil(w[0] + ln - now)))
                    for lim, ws, w, ln in states))
            out = []
            for limit, window_s, w, length in states:
                w[1] += 1
                out.append(WindowState(limit, window_s, max(0, limit - int(w[1])),
                                       max(0, math.ceil(w[0] + length - now))))
            return RateDecision(True, 0, tuple(out))

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()


# --------------------------------------------------------------------------- server


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms.
    disable_nagle_algorithm = True
    server_version = "LoyaltySandbox/1.0"
    sys_version = ""
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # stdlib signature
        return  # quiet: never log requests (they may carry credentials)

    def handle_one_request(self) -> None:
        # Same as the stdlib version, but timestamps the request line and dispatches every
        # method to one place.
        try:
            self.raw_requestline = self.rfile.readline(65537)
            self._received = (clocks.now().timestamp(), time.monotonic())
            if len(self.raw_requestline) > 65536:
                self.requestline = ""
                self.request_version = ""
                self.command = ""
                self.send_error(414)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            self._dispatch()
            self.wfile.flush()
        except (TimeoutError, ConnectionError, OSError):
            self.close_connection = True

    def _read_body(self) -> bytes | None:
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            chunks, total = [], 0
            while True:
                line = self.rfile.readline(1024)
                if not line:
                    return None
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > HARD_BODY_LIMIT:
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline(4)
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0 or length > HARD_BODY_LIMIT:
            return None
        return self.rfile.read(length) if length else b""

    def _dispatch(self) -> None:
        try:
            body = self._read_body()
        except ValueError:
            body = None
        if body is None:
            self.close_connection = True
            self._write(HttpResponse(413, b'{"errors":[{"code":"payload_too_large"}]}'))
            return
        split = urlsplit(self.path)
        req = HttpRequest(
            method=self.command.upper(),
            target=self.path,
            path=unquote(split.path),
            query=parse_qs(split.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            received_at=self._received[0],
            received_monotonic=self._received[1],
        )
        resp = self.server.app(req)
        if resp is None:  # injected "connection dropped"
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self._write(resp)

    def _write(self, resp: HttpResponse) -> None:
        self.send_response(resp.status)
        for k, v in resp.all_headers():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(resp.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if resp.body and self.command != "HEAD":
            self.wfile.write(resp.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, addr: tuple[str, int], app: App) -> None:
        self.app = app
        self._conns: set[socket.socket] = set()
        self._conn_threads: set[threading.Thread] = set()
        self._track = threading.Lock()
        super().__init__(addr, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        t = threading.Thread(target=self._run_request, args=(request, client_address),
                             name="sandbox-conn", daemon=True)
        with self._track:
            self._conns.add(request)
            self._conn_threads.add(t)
        t.start()

    def _run_request(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001 - a broken client must not print tracebacks
            pass
        finally:
            self.shutdown_request(request)
            with self._track:
                self._conns.discard(request)
                self._conn_threads.discard(threading.current_thread())

    def close_connections(self, join_timeout: float = 2.0) -> None:
        with self._track:
            conns, threads = list(self._conns), list(self._conn_threads)
        for s in conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        deadline = time.monotonic() + join_timeout
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


class BackgroundHTTPServer:
    """Serve ``app`` on 127.0.0.1 from a daemon thread. ``start`` returns the base URL."""

    def __init__(self, app: App, host: str = LOOPBACK) -> None:
        if host not in (LOOPBACK, "localhost", "::1"):
            raise ValueError("sandbox servers bind to loopback only")
        self._app = app
        self._host = LOOPBACK if host == "localhost" else host
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int | None:
        return self._server.server_address[1] if self._server else None

    @property
    def base_url(self) -> str | None:
        return f"http://{self._host}:{self.port}" if self._server else None

    def start(self, port: int = 0) -> str:
        if self._server is not None:
            raise RuntimeError("server already running")
        server = _Server((self._host, port), self._app)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                  name="sandbox-http", daemon=True)
        self._server, self._thread = server, thread
        thread.start()
        return self.base_url  # type: ignore[return-value]

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.shutdown()
        if thread is not None:
            thread.join(5)
        server.close_connections()
        server.server_close()
