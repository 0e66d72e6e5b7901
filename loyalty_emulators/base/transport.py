"""The HTTP server under every emulator: a ``ThreadingHTTPServer`` bound to 127.0.0.1 (port 0 =
any free port), served from a daemon thread, with a clean :meth:`~BackgroundHTTPServer.stop` that
closes keep-alive connections and joins every thread (no ResourceWarning)."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from loyalty_emulators import clock as emclock
from loyalty_emulators.base.http import HARD_BODY_LIMIT, LOOPBACK, App, HttpRequest, HttpResponse


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms.
    disable_nagle_algorithm = True
    server_version = "LoyaltySandbox/1.0"
    sys_version = ""
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: never log requests (they may carry credentials)

    def handle_one_request(self) -> None:
        # Same as the stdlib version, but timestamps the request line and dispatches every
        # method to one place.
        try:
            self.raw_requestline = self.rfile.readline(65537)
            self._received = (emclock.now().timestamp(), emclock.monotonic())
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
            chunks: list[bytes] = []
            total = 0
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
        deadline = time.monotonic() + join_timeout  # a real wait on real threads: the machine's clock
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
