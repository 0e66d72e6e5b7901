"""Offline emulator of the Klaviyo REST API (revision 2026-07-15) for demo mode, tests and benchmarks.

A real HTTP server on 127.0.0.1 speaking Klaviyo's wire format::

    with KlaviyoSandbox(job_seconds=0.2) as sb:
        httpx.get(f"{sb.base_url}/api/accounts",
                  headers={"Authorization": f"Klaviyo-API-Key {DEMO_KEY}", "revision": "2026-07-15"})

Implemented operations: get_accounts, create_or_update_profile (POST /api/profile-import),
create_profile, update_profile, get_profiles, get_profile, bulk_import_profiles and the job
reads (job, jobs, import-errors, job profiles), create_event, bulk_create_events, get_events,
get_event, get_metrics, get_metric, and the kit's segments/templates/flows (klaviyo_kit_handlers).
Auth, scopes, revision header, content types, payload caps, per-key/per-operation rate limits,
JSON:API errors and cursor pagination follow
``shared/reference/klaviyo.md`` §12. Processing-time import errors: see
:mod:`loyalty_emulators.klaviyo.state`. API keys are never logged nor recorded.

Beyond the core API (``add_key``/``revoke_key``/``faults``/``profiles()``/``events()``/
``metrics()``/``requests``/``count_requests``/``throttled_count``), a sandbox offers:
``injected_counts`` (Counter of injected ``"429"``/``"500"``/``"drop"``), ``internal_errors``
(tracebacks of sandbox bugs, answered as 500), ``dropped_events()`` (202-accepted events not
recorded, by reason), ``import_jobs()``, ``add_list()``/``list_members()`` (for the bulk import's
list relationship) and ``sms_enabled`` (default False: see the import-error rules).

Modelling choices: emails are stored lower-cased; a key's ``x:write`` scope implies ``x:read``
(Klaviyo's "Full Access"); rate-limit windows are fixed windows opened by the first request, with
a 0.1 s tolerance for scheduling jitter (see :class:`~.http_base.FixedWindowLimiter`).
"""

from __future__ import annotations

import copy
import re
import threading
import time
import traceback
from collections import Counter, deque
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from loyalty_desktop.core import clock as clocks
from loyalty_emulators.http_base import (
    BackgroundHTTPServer,
    BodyDecodeError,
    Faults,
    FixedWindowLimiter,
    HttpRequest,
    HttpResponse,
    json_response,
    media_type,
    parse_json_body,
)
from loyalty_emulators.klaviyo.common import (
    ACCEPTED_BODY_TYPES,
    ALL_SCOPES,
    JSONAPI,
    MAX_PAYLOAD,
    MAX_SINGLE_PROFILE_PAYLOAD,
    OPERATIONS,
    ApiError,
    error_item,
    new_private_key,
    revision_problem,
    short_id,
)
from loyalty_emulators.klaviyo.handlers_bulk import BulkEventHandlers
from loyalty_emulators.klaviyo.kit_flow_handlers import KIT_ROUTES, KitHandlers
from loyalty_emulators.klaviyo.state import SandboxEvent, SandboxProfile, SandboxState

__all__ = ["DEMO_KEY", "Faults", "KlaviyoSandbox", "RequestRecord", "SandboxEvent", "SandboxProfile"]

#: Fixed, always-valid private key with every scope (``pk_`` + 34 alphanumerics).
DEMO_KEY = "pk_LoyaltyDesktopSandboxDemoKey000001"
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
SINGLE_PROFILE_OPS = frozenset({"create_or_update_profile", "create_profile", "update_profile"})

_ID = r"(?P<id>[^/]+)"
ROUTES: list[tuple[re.Pattern[str], dict[str, str]]] = [(re.compile(f"^{p}$"), m) for p, m in (
    ("/api/accounts", {"GET": "get_accounts"}),
    (f"/api/accounts/{_ID}", {"GET": "get_account"}),
    ("/api/profile-import", {"POST": "create_or_update_profile"}),
    ("/api/profiles", {"GET": "get_profiles", "POST": "create_profile"}),
    (f"/api/profiles/{_ID}", {"GET": "get_profile", "PATCH": "update_profile"}),
    ("/api/profile-bulk-import-jobs", {"GET": "get_bulk_import_profiles_jobs", "POST": "bulk_import_profiles"}),
    (f"/api/profile-bulk-import-jobs/{_ID}", {"GET": "get_bulk_import_profiles_job"}),
    (f"/api/profile-bulk-import-jobs/{_ID}/import-errors", {"GET": "get_errors_for_bulk_import_profiles_job"}),
    (f"/api/profile-bulk-import-jobs/{_ID}/profiles", {"GET": "get_profiles_for_bulk_import_profiles_job"}),
    ("/api/events", {"GET": "get_events", "POST": "create_event"}),
    (f"/api/events/{_ID}", {"GET": "get_event"}),
    ("/api/event-bulk-create-jobs", {"POST": "bulk_create_events"}),
    ("/api/metrics", {"GET": "get_metrics"}),
    (f"/api/metrics/{_ID}", {"GET": "get_metric"}),
    *KIT_ROUTES,
)]


@dataclass
class RequestRecord:
    method: str
    path: str  # with query string
    status: int  # 0 = connection dropped by fault injection
    headers: dict[str, str]  # request headers, lower-cased names, WITHOUT authorization
    body: bytes
    response_body: bytes
    response_headers: dict[str, str]
    received_at: datetime
    received_monotonic: float = 0.0
    operation: str | None = None  # Klaviyo operationId, when the route was recognised
    duration_s: float = 0.0  # from the request line arriving to the response being ready


def _copy_props(d: dict[str, Any]) -> dict[str, Any]:
    if any(isinstance(v, (dict, list)) for v in d.values()):
        return copy.deepcopy(d)
    return dict(d)


def _snapshot(obj: Any, **fresh: Any) -> Any:
    """Fast shallow copy of a dataclass instance with some fields replaced."""
    out = object.__new__(type(obj))
    out.__dict__.update(obj.__dict__)
    out.__dict__.update(fresh)
    return out


class KlaviyoSandbox(BulkEventHandlers, KitHandlers):
    """In-process Klaviyo emulator. See the module docstring."""

    def __init__(self, job_seconds: float = 0.2, drop_test_domains: bool = True, *,
                 organization_name: str = "Maison Lumière (sandbox)", test_account: bool = True,
                 max_recorded_requests: int = 100_000) -> None:
        self.job_seconds = job_seconds
        self.organization_name = organization_name
        self.test_account = test_account
        self.account_id = short_id()
        self.state = SandboxState(drop_test_domains=drop_test_domains)
        self._keys: dict[str, frozenset[str] | None] = {DEMO_KEY: None}
        self._revoked: set[str] = set()
        self._keys_lock = threading.Lock()
        self._limiter = FixedWindowLimiter()
        self._faults = Faults()
        self._revoke_countdown: int | None = None
        self._records: deque[RequestRecord] = deque(maxlen=max_recorded_requests)
        self._records_lock = threading.Lock()
        self._counters_lock = threading.Lock()
        self.throttled_count = 0
        self.injected_counts: Counter[str] = Counter()  # "429", "500", "drop"
        self.internal_errors: list[str] = []
        self._http = BackgroundHTTPServer(self._handle)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None
        self.base_url: str | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self, port: int = 0) -> str:
        self.base_url = self._http.start(port)
        self._stop.clear()
        self._worker = threading.Thread(target=self._run_jobs, name="klaviyo-sandbox-jobs", daemon=True)
        self._worker.start()
        return self.base_url

    def stop(self) -> None:
        self._http.stop()
        self._stop.set()
        self._wake.set()
        if self._worker is not None:
            self._worker.join(5)
            self._worker = None

    def __enter__(self) -> KlaviyoSandbox:
        self.start(0)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run_jobs(self) -> None:
        while not self._stop.is_set():
            with self.state.lock:
                self._advance_jobs()
                due = self.state.next_job_due()
            timeout = 0.5 if due is None else max(0.0, due - time.monotonic()) + 0.001
            self._wake.wait(timeout)
            self._wake.clear()

    def _advance_jobs(self) -> None:
        with self.state.lock:
            if self.state.job_queue:
                self.state.advance_jobs(time.monotonic(), clocks.now())

    # ------------------------------------------------------------------ configuration

    @property
    def faults(self) -> Faults:
        return self._faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        with self._keys_lock:
            self._faults = value
            self._revoke_countdown = value.revoke_after_requests

    @property
    def drop_test_domains(self) -> bool:
        return self.state.drop_test_domains

    @drop_test_domains.setter
    def drop_test_domains(self, value: bool) -> None:
        self.state.drop_test_domains = value

    @property
    def sms_enabled(self) -> bool:
        """When False (default), creating a profile identified only by phone fails (see klaviyo_state)."""
        return self.state.sms_enabled

    @sms_enabled.setter
    def sms_enabled(self, value: bool) -> None:
        self.state.sms_enabled = value

    def add_key(self, scopes: set[str] | None = None) -> str:
        """Register a new random private key; ``None`` = full access. ``x:write`` implies ``x:read``."""
        if scopes is not None:
            unknown = set(scopes) - ALL_SCOPES
            if unknown:
                raise ValueError(f"unknown scopes: {sorted(unknown)}")
        key = new_private_key()
        with self._keys_lock:
            self._keys[key] = None if scopes is None else frozenset(scopes)
        return key

    def revoke_key(self, key: str) -> None:
        with self._keys_lock:
            self._revoked.add(key)

    def add_list(self, name: str) -> str:
        """Create a list (for the bulk import's optional list relationship); returns its id."""
        from loyalty_emulators.klaviyo.state import SandboxList
        with self.state.lock:
            lid = short_id()
            self.state.lists[lid] = SandboxList(lid, name, clocks.now())
            return lid

    def list_members(self, list_id: str) -> list[str]:
        with self.state.lock:
            self._advance_jobs()
            return list(self.state.lists[list_id].members)

    # ------------------------------------------------------------------ inspection

    def profiles(self) -> list[SandboxProfile]:
        with self.state.lock:
            self._advance_jobs()
            return [_snapshot(p, properties=_copy_props(p.properties), location=dict(p.location))
                    for p in self.state.profiles.values()]

    def describe(self, sample: int = 1) -> list[str]:
        """A few lines on what the account holds (the demo shows them after a sync)."""
        profiles, events = self.profiles(), self.events()
        lines = [f"The sandbox now holds {len(profiles)} profiles and {len(events)} events."]
        for p in profiles[:sample]:
            lines.append(f"  {p.email} ({p.first_name or ''} {p.last_name or ''})".rstrip())
            lines.extend(f"    {k}: {v!r}" for k, v in sorted(p.properties.items()))
        return lines

    def profile_by_email(self, email: str) -> SandboxProfile | None:
        with self.state.lock:
            self._advance_jobs()
            pid = self.state.by_email.get(email.strip().lower())
            if pid is None:
                return None
            p = self.state.profiles[pid]
            return _snapshot(p, properties=_copy_props(p.properties), location=dict(p.location))

    def events(self) -> list[SandboxEvent]:
        with self.state.lock:
            return [_snapshot(e, properties=_copy_props(e.properties)) for e in self.state.events]

    def metrics(self) -> list[tuple[str, str]]:
        with self.state.lock:
            return [(m.id, m.name) for m in self.state.metrics.values()]

    def dropped_events(self) -> dict[str, int]:
        """Events answered 202 but not recorded, by reason (duplicate, test_domain, profile_error)."""
        with self.state.lock:
            return dict(self.state.event_drops)

    def import_jobs(self) -> list[dict[str, Any]]:
        with self.state.lock:
            self._advance_jobs()
            mono = time.monotonic()
            return [{"id": j.id, "status": j.status(mono), "total_count": j.total_count,
                     "completed_count": j.completed_count, "failed_count": j.failed_count,
                     "errors": copy.deepcopy(j.errors)} for j in self.state.jobs.values()]

    @property
    def requests(self) -> list[RequestRecord]:
        with self._records_lock:
            return list(self._records)

    def clear_requests(self) -> None:
        with self._records_lock:
            self._records.clear()

    def count_requests(self, write_only: bool = False) -> int:
        with self._records_lock:
            if not write_only:
                return len(self._records)
            return sum(1 for r in self._records if r.method in WRITE_METHODS)

    # ------------------------------------------------------------------ request pipeline

    def _handle(self, req: HttpRequest) -> HttpResponse | None:
        faults = self._faults
        fault = faults.draw()
        if faults.latency_s:
            time.sleep(faults.latency_s)
        op_id = None
        resp: HttpResponse | None
        if fault == "drop":
            resp = None
        elif fault == "500":
            resp = self._error(ApiError(500, "error", "Injected server error (sandbox fault injection)."))
        elif fault == "429":
            resp = self._throttled(faults.retry_after_s)
        else:
            try:
                op_id, resp = self._process(req)
            except ApiError as exc:
                resp = self._error(exc)
            except Exception:  # noqa: BLE001 - a sandbox bug must answer 500, not hang the client
                with self._counters_lock:
                    self.internal_errors.append(traceback.format_exc())
                resp = self._error(ApiError(500, "error", "Internal sandbox error."))
        if fault:
            with self._counters_lock:
                self.injected_counts[fault] += 1
        self._record(req, resp, op_id)
        return resp

    def _record(self, req: HttpRequest, resp: HttpResponse | None, op_id: str | None) -> None:
        rec = RequestRecord(
            method=req.method, path=req.target, status=resp.status if resp else 0,
            headers={k: v for k, v in req.headers.items() if k != "authorization"},
            body=req.body, response_body=resp.body if resp else b"",
            response_headers=dict(resp.all_headers()) if resp else {},
            received_at=datetime.fromtimestamp(req.received_at, UTC),
            received_monotonic=req.received_monotonic, operation=op_id,
            duration_s=time.monotonic() - req.received_monotonic)
        with self._records_lock:
            self._records.append(rec)

    @staticmethod
    def _error(exc: ApiError, headers: list[tuple[str, str]] | None = None) -> HttpResponse:
        return json_response(exc.status, exc.body(), JSONAPI, list(exc.headers) + (headers or []))

    def _throttled(self, retry_after: int) -> HttpResponse:
        body = {"errors": [error_item(429, "throttled", f"Request was throttled. Expected available in "
                                      f"{retry_after} second{'s' if retry_after != 1 else ''}.")]}
        return json_response(429, body, JSONAPI, [("Retry-After", str(retry_after))])

    def _authenticate(self, req: HttpRequest) -> tuple[str, frozenset[str] | None]:
        header = (req.header("authorization") or "").strip()
        scheme, _, key = header.partition(" ")
        if scheme != "Klaviyo-API-Key" or not key.strip():
            raise ApiError(401, "not_authenticated",
                           "Missing or invalid authorization scheme. Please use Klaviyo-API-Key.")
        key = key.strip()
        with self._keys_lock:
            if key not in self._keys or key in self._revoked:
                raise ApiError(401, "authentication_failed", "Incorrect authentication credentials.")
            scopes = self._keys[key]
            if self._revoke_countdown is not None:
                self._revoke_countdown -= 1
                if self._revoke_countdown <= 0:
                    self._revoked.add(key)
                    self._revoke_countdown = None
        return key, scopes

    @staticmethod
    def _route(method: str, path: str) -> tuple[str, dict[str, str]]:
        path = path.rstrip("/") or "/"
        for pattern, methods in ROUTES:
            m = pattern.match(path)
            if m:
                if method not in methods:
                    raise ApiError(405, "method_not_allowed", f"Method \"{method}\" not allowed.",
                                   headers=[("Allow", ", ".join(methods))])
                return methods[method], m.groupdict()
        raise ApiError(404, "not_found", f"No resource at {path}.")

    def _process(self, req: HttpRequest) -> tuple[str | None, HttpResponse]:
        key, scopes = self._authenticate(req)
        problem = revision_problem(req.header("revision"))
        if problem:
            status, detail = problem
            raise ApiError(status, "invalid" if status == 400 else "not_found", detail, parameter="revision")
        op_id, params = self._route(req.method, req.path)
        op = OPERATIONS[op_id]
        if scopes is not None:
            granted = scopes | {s.replace(":write", ":read") for s in scopes}
            missing = [s for s in op.scopes if s not in granted]
            if missing:
                raise ApiError(403, "permission_denied", "You do not have permission to perform this action. "
                               f"This API key is missing the required scope(s): {', '.join(missing)}.")
        decision = self._limiter.hit((key, op_id), op.limits(), now=req.received_monotonic)
        if not decision.allowed:
            with self._counters_lock:
                self.throttled_count += 1
            return op_id, self._throttled(decision.retry_after_s)
        refused = self._daily_cap(op_id, op.daily, req.received_monotonic) if op.daily else None
        if refused is not None:
            return op_id, refused
        steady = decision.windows[1]
        rl = [("RateLimit-Limit", str(steady.limit)), ("RateLimit-Remaining", str(steady.remaining)),
              ("RateLimit-Reset", str(steady.reset_s))]
        try:
            body = self._read_body(req, op_id) if req.method in ("POST", "PATCH", "PUT") else None
            self._advance_jobs()
            resp = getattr(self, f"h_{op_id}")(req, params, body)
        except ApiError as exc:
            return op_id, self._error(exc, rl)
        resp.headers.extend(rl)
        return op_id, resp

    @staticmethod
    def _read_body(req: HttpRequest, op_id: str) -> Any:
        ctype = media_type(req.header("content-type"))
        if ctype not in ACCEPTED_BODY_TYPES:
            raise ApiError(415, "unsupported_media_type",
                           f"Unsupported media type \"{ctype or '(none)'}\" in request. Use {JSONAPI}.")
        cap = MAX_SINGLE_PROFILE_PAYLOAD if op_id in SINGLE_PROFILE_OPS else MAX_PAYLOAD
        try:
            raw = req.decoded_body(cap)
        except BodyDecodeError as exc:
            raise ApiError(415, "unsupported_media_type", f"Unsupported content encoding: {exc}.") from None
        if len(raw) > cap:
            raise ApiError(413, "payload_too_large", f"The request payload exceeds the maximum allowed size "
                           f"of {cap // 1024} KB." if cap < 1024 * 1024 else
                           f"The request payload exceeds the maximum allowed size of {cap // (1024 * 1024)} MB.")
        try:
            return parse_json_body(raw)
        except ValueError:
            raise ApiError(400, "invalid", "The request body is not valid JSON.", pointer="/data") from None
