"""Sockets that notice a cancel within a fraction of a second, whatever the server does.

httpx's sync client blocks in `recv` for the whole read timeout (60 s) on a server that accepted the
connection and says nothing; closing the socket from another thread does not reliably wake it.
So the transport below waits in short slices: every socket wait (connect, TLS handshake, send,
receive) lasts at most `SLICE` seconds, then the cancel token is checked and, if the request's own
timeout is not spent, the wait resumes where it was (a slice that times out has moved no data).
Connecting (name lookup included) runs in a helper thread for the same reason; an abandoned
connect closes its socket when it finishes.

The request's timeouts keep their meaning: slices are counted against them. Socket waits run on
the machine's clock, as the kernel's do (a FakeClock cannot make a server answer sooner).
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import httpcore
import httpx

from loyalty_desktop.core.errors import CancelledError

SLICE = 0.2  # seconds: the longest a cancel waits for a socket
T = TypeVar("T")


class _Abandoned:
    """A helper thread's result, closed if nobody wants it any more."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.abandoned = False
        self.result: Any = None
        self.error: BaseException | None = None


def _interruptible(fn: Callable[[], T], cancelled: Callable[[], bool]) -> T:
    """Run `fn` (a blocking connect, bounded by its own timeout) in a thread; give up on cancel."""
    box = _Abandoned()

    def run() -> None:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            box.error = exc
        else:
            with box.lock:
                if box.abandoned:
                    result.close()  # type: ignore[attr-defined]
                else:
                    box.result = result
        box.done.set()

    threading.Thread(target=run, name="loyalty-connect", daemon=True).start()
    while not box.done.wait(SLICE):
        if cancelled():
            with box.lock:
                box.abandoned = True
                if box.result is None:
                    raise CancelledError()
            break
    if box.error is not None:
        raise box.error
    return box.result  # type: ignore[no-any-return]


class CancellableStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, cancelled: Callable[[], bool]) -> None:
        self._inner = inner
        self._cancelled = cancelled

    def _check(self) -> None:
        if self._cancelled():
            raise CancelledError()

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = timeout
        while True:
            self._check()
            step = SLICE if left is None else min(SLICE, left)
            if step <= 0:
                raise httpcore.ReadTimeout("timed out")
            try:
                return self._inner.read(max_bytes, step)
            except httpcore.ReadTimeout:
                if left is not None:
                    left -= step

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        sock = self._inner.get_extra_info("socket")
        if not isinstance(sock, socket.socket):  # not ours: no slicing
            self._check()
            self._inner.write(buffer, timeout)
            return
        view = memoryview(buffer)
        left = timeout
        while view:
            self._check()
            step = SLICE if left is None else min(SLICE, left)
            if step <= 0:
                raise httpcore.WriteTimeout("timed out")
            try:
                sock.settimeout(step)
                # After a timeout nothing was sent: the same bytes go again (TLS requires that).
                sent = sock.send(view)
            except (TimeoutError, ssl.SSLWantWriteError):
                if left is not None:
                    left -= step
                continue
            except OSError as exc:
                raise httpcore.WriteError(str(exc)) from exc
            view = view[sent:]

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = _interruptible(lambda: self._inner.start_tls(ssl_context, server_hostname, timeout),
                               self._cancelled)
        return CancellableStream(inner, self._cancelled)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class CancellableBackend(httpcore.NetworkBackend):
    def __init__(self, cancelled: Callable[[], bool]) -> None:
        self._inner = httpcore.SyncBackend()
        self._cancelled = cancelled

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        if self._cancelled():
            raise CancelledError()
        inner = _interruptible(
            lambda: self._inner.connect_tcp(host, port, timeout, local_address, socket_options), self._cancelled)
        return CancellableStream(inner, self._cancelled)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise NotImplementedError("unix sockets are not used")

    def sleep(self, seconds: float) -> None:
        raise NotImplementedError("the pool never retries (retries=0)")


class CancellableTransport(httpx.HTTPTransport):
    """httpx's transport (TLS from the system's settings, pooled keep-alive) on the backend above."""

    def __init__(self, cancelled: Callable[[], bool], limits: httpx.Limits, trust_env: bool = True) -> None:
        # Not calling super().__init__: it would build a pool on the default backend; this is the
        # same pool (see httpx.HTTPTransport) on ours. handle_request and close use `_pool`.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=trust_env),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=CancellableBackend(cancelled),
        )
