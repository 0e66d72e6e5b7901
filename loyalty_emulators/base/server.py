"""The pipeline every emulator shares, as a base class the Klaviyo, Splio and Smile.io emulators
subclass with their routes, state and error shapes.

One request: draw a fault (:class:`~.faults.Faults`) → wait the injected latency → drop the
connection, answer an injected 5xx or 429, or :meth:`EmulatorServer.process` it (the emulator's
auth, rate limits, routing and handlers) → record it (never with its Authorization header). A
sandbox bug answers a 500 and keeps its traceback in ``internal_errors``. Lifecycle: ``start`` /
``stop`` / ``with``, ``base_url``.

Time: every emulator reads :mod:`loyalty_emulators.clock` (wall time, monotonic time, latency
sleeps), so a test can run their rate limits on a fake clock.
"""

from __future__ import annotations

import threading
import traceback
from collections import Counter, deque
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar, Generic, Self

from loyalty_emulators import clock as emclock
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.base.http import HttpRequest, HttpResponse
from loyalty_emulators.base.keys import G, KeyRing
from loyalty_emulators.base.limits import FixedWindowLimiter
from loyalty_emulators.base.transport import BackgroundHTTPServer

WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})


@dataclass
class RequestRecord:
    method: str
    path: str  # raw target, with the query string
    status: int  # 0 = connection dropped by fault injection
    headers: dict[str, str]  # request headers, lower-cased names, WITHOUT authorization
    body: bytes  # secrets masked by the emulator (Splio's api_key)
    response_body: bytes  # secrets masked by the emulator (Splio's token)
    response_headers: dict[str, str]
    received_at: datetime
    received_monotonic: float = 0.0
    operation: str | None = None  # the emulator's operation name, when the route was recognised
    injected: str | None = None  # "429" | "500" | "drop" when the answer was a fault
    duration_s: float = 0.0  # from the request line arriving to the response being ready


class EmulatorServer(Generic[G]):
    """Subclasses set ``error_types`` (exceptions their handlers raise to answer an error) and
    implement :meth:`process`, :meth:`error_response`, :meth:`injected_error`,
    :meth:`injected_throttle` and :meth:`internal_error`. ``G``: what an API key grants."""

    #: Exceptions :meth:`process` may raise that :meth:`error_response` renders.
    error_types: ClassVar[tuple[type[Exception], ...]] = ()
    #: Appended to the server's address in ``base_url`` (Smile's API lives under /v1).
    path_prefix: ClassVar[str] = ""

    def __init__(self, *, max_recorded_requests: int = 100_000) -> None:
        self.keys: KeyRing[G] = KeyRing()
        self._limiter = FixedWindowLimiter()
        self._faults = Faults()
        self._records: deque[RequestRecord] = deque(maxlen=max_recorded_requests)
        self._records_lock = threading.Lock()
        self._counters_lock = threading.Lock()
        self.throttled_count = 0
        self.total_requests = 0  # every request answered (or dropped), beyond the records' window
        self.injected_counts: Counter[str] = Counter()  # "429", "500", "drop"
        self.internal_errors: list[str] = []  # tracebacks of sandbox bugs (answered 500)
        self._http = BackgroundHTTPServer(self._handle)
        self.base_url: str | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self, port: int = 0) -> str:
        self.base_url = self._http.start(port) + self.path_prefix
        return self.base_url

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> Self:
        self.start(0)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ configuration

    @property
    def faults(self) -> Faults:
        return self._faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        self._faults = value
        self.keys.revoke_after(value.revoke_after_requests)
        self._faults_changed(value)

    def _faults_changed(self, value: Faults) -> None:
        """Hook: the emulator's own fault state (Splio draws its 5xx codes from the seed)."""

    def revoke_key(self, key: str) -> None:
        self.keys.revoke(key)

    def throttled(self) -> None:
        """Count one request refused by a rate limit."""
        with self._counters_lock:
            self.throttled_count += 1

    # ------------------------------------------------------------------ records

    @property
    def requests(self) -> list[RequestRecord]:
        with self._records_lock:
            return list(self._records)

    def clear_requests(self) -> None:
        with self._records_lock:
            self._records.clear()

    def count(self, operation: str | None = None, *, status: int | None = None, write_only: bool = False) -> int:
        with self._records_lock:
            return sum(1 for r in self._records
                       if (operation is None or r.operation == operation)
                       and (status is None or r.status == status)
                       and (not write_only or r.method in WRITE_METHODS))

    def redact(self, req: HttpRequest, resp: HttpResponse | None, op: str | None) -> tuple[bytes, bytes]:
        """Request and response bodies as recorded; an emulator masks the secrets they carry."""
        return req.body, resp.body if resp else b""

    def _record(self, req: HttpRequest, resp: HttpResponse | None, op: str | None, fault: str | None) -> None:
        body, rbody = self.redact(req, resp, op)
        rec = RequestRecord(
            method=req.method, path=req.target, status=resp.status if resp else 0,
            headers={k: v for k, v in req.headers.items() if k != "authorization"},
            body=body, response_body=rbody, response_headers=dict(resp.all_headers()) if resp else {},
            received_at=datetime.fromtimestamp(req.received_at, UTC),
            received_monotonic=req.received_monotonic, operation=op, injected=fault,
            duration_s=emclock.monotonic() - req.received_monotonic)
        with self._records_lock:
            self._records.append(rec)
            self.total_requests += 1

    # ------------------------------------------------------------------ request pipeline

    def _handle(self, req: HttpRequest) -> HttpResponse | None:
        faults = self._faults
        fault = faults.draw()
        if faults.latency_s:
            emclock.sleep(faults.latency_s)
        op: str | None = None
        resp: HttpResponse | None
        if fault == "drop":
            resp = None
        elif fault == "500":
            resp = self.injected_error(req)
        elif fault == "429":
            resp = self.injected_throttle(req, faults.retry_after_s)
        else:
            try:
                op, resp = self.process(req)
            except self.error_types as exc:
                resp = self.error_response(exc)
            except Exception:  # noqa: BLE001 - a sandbox bug must answer 500, not hang the client
                with self._counters_lock:
                    self.internal_errors.append(traceback.format_exc())
                resp = self.internal_error()
        if fault:
            with self._counters_lock:
                self.injected_counts[fault] += 1
        self._record(req, resp, op, fault)
        return resp

    def process(self, req: HttpRequest) -> tuple[str | None, HttpResponse]:
        """Authenticate, rate-limit, route and answer one request: (operation, response)."""
        raise NotImplementedError

    def error_response(self, exc: Exception) -> HttpResponse:
        """The answer to one of ``error_types`` raised by :meth:`process`."""
        raise NotImplementedError

    def injected_error(self, req: HttpRequest) -> HttpResponse:
        raise NotImplementedError

    def injected_throttle(self, req: HttpRequest, retry_after_s: int) -> HttpResponse:
        raise NotImplementedError

    def internal_error(self) -> HttpResponse:
        raise NotImplementedError
