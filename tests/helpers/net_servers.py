"""Misbehaving HTTP servers on 127.0.0.1 for the network-hardening tests. Each runs in threads that
stop by themselves (a stop event, a byte budget, a deadline), so no test can hang on them."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

DEADLINE_S = 30.0  # no server thread outlives this


@dataclass
class RawServer:
    """Accepts connections; `handle(conn, server)` speaks (or not) on each one."""

    handle: Callable[[socket.socket, RawServer], None]
    stop: threading.Event = field(default_factory=threading.Event)
    connections: int = 0
    requests: list[bytes] = field(default_factory=list)  # the request heads received
    sent: int = 0  # body bytes sent (endless bodies)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def read_head(self, conn: socket.socket) -> bytes:
        conn.settimeout(0.2)
        data = b""
        deadline = time.monotonic() + 5
        while b"\r\n\r\n" not in data and time.monotonic() < deadline and not self.stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            if not chunk:
                break
            data += chunk
        if data:
            with self.lock:
                self.requests.append(data)
        return data


@contextmanager
def serve(handle: Callable[[socket.socket, RawServer], None]) -> Iterator[RawServer]:
    server = RawServer(handle)
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(16)
    lsock.settimeout(0.1)
    server.port = lsock.getsockname()[1]
    started = time.monotonic()

    def one(conn: socket.socket) -> None:
        with conn:
            try:
                handle(conn, server)
            except OSError:
                pass  # the client went away: that is how most of these end

    def accept() -> None:
        while not server.stop.is_set() and time.monotonic() - started < DEADLINE_S:
            try:
                conn, _ = lsock.accept()
            except TimeoutError:
                continue
            with server.lock:
                server.connections += 1
            threading.Thread(target=one, args=(conn,), daemon=True).start()
        lsock.close()

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        yield server
    finally:
        server.stop.set()
        t.join(5)


def silent(conn: socket.socket, server: RawServer) -> None:
    """Reads the request, then says nothing until the test ends."""
    server.read_head(conn)
    server.stop.wait(DEADLINE_S)


def endless_body(budget: int = 2 << 30) -> Callable[[socket.socket, RawServer], None]:
    """A 200 whose chunked body never ends (until the client leaves or `budget` bytes went)."""
    def handle(conn: socket.socket, server: RawServer) -> None:
        server.read_head(conn)
        conn.settimeout(5)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        piece = b"[" + b"0," * 32767 + b"0"
        chunk = b"%x\r\n" % len(piece) + piece + b"\r\n"
        while not server.stop.is_set() and server.sent < budget:
            conn.sendall(chunk)
            server.sent += len(piece)
    return handle


def answers(*responses: bytes) -> Callable[[socket.socket, RawServer], None]:
    """Answers each request on a keep-alive connection with the next response; the last repeats."""
    lock = threading.Lock()
    state = {"i": 0}

    def handle(conn: socket.socket, server: RawServer) -> None:
        while not server.stop.is_set():
            head = server.read_head(conn)
            if not head:
                return
            with lock:
                resp = responses[min(state["i"], len(responses) - 1)]
                state["i"] += 1
            conn.sendall(resp)
    return handle


def response(status: int, headers: dict[str, str] | None = None, body: bytes = b"{}") -> bytes:
    lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Content-Type: application/json"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
