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
a 0.1 s tolerance for scheduling jitter (see :class:`~loyalty_emulators.base.limits.FixedWindowLimiter`).
"""

from __future__ import annotations

import copy
import threading
from typing import Any

from loyalty_emulators import clock as emclock
from loyalty_emulators import demo_keys
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.base.http import (
    BodyDecodeError,
    HttpRequest,
    HttpResponse,
    json_response,
    media_type,
    parse_json_body,
)
from loyalty_emulators.base.keys import UnknownKey
from loyalty_emulators.base.routing import ID, MethodNotAllowed, NoRoute, Router, credential
from loyalty_emulators.base.server import EmulatorServer, RequestRecord
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
from loyalty_emulators.klaviyo.handlers_lists import ListHandlers
from loyalty_emulators.klaviyo.kit_flow_handlers import KIT_ROUTES, KitHandlers
from loyalty_emulators.klaviyo.state import SandboxEvent, SandboxProfile, SandboxState

__all__ = ["DEMO_KEY", "Faults", "KlaviyoSandbox", "RequestRecord", "SandboxEvent", "SandboxProfile"]

DEMO_KEY = demo_keys.KLAVIYO
SINGLE_PROFILE_OPS = frozenset({"create_or_update_profile", "create_profile", "update_profile"})

_ID = ID
ROUTES = Router((
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
    (f"/api/lists/{_ID}", {"PATCH": "update_list"}),
    (f"/api/metrics/{_ID}", {"GET": "get_metric"}),
    *KIT_ROUTES,
))


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


class KlaviyoSandbox(EmulatorServer[frozenset[str] | None], BulkEventHandlers, KitHandlers, ListHandlers):
    """In-process Klaviyo emulator. See the module docstring. A key grants its scopes (None: all)."""

    error_types = (ApiError,)

    def __init__(self, job_seconds: float = 0.2, drop_test_domains: bool = True, *,
                 organization_name: str = "Maison Lumière (sandbox)", test_account: bool = True,
                 max_recorded_requests: int = 100_000) -> None:
        super().__init__(max_recorded_requests=max_recorded_requests)
        self.job_seconds = job_seconds
        self.organization_name = organization_name
        self.test_account = test_account
        self.account_id = short_id()
        self.state = SandboxState(drop_test_domains=drop_test_domains)
        self.keys.add(DEMO_KEY, None)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle (plus the jobs' worker)

    def start(self, port: int = 0) -> str:
        url = super().start(port)
        self._stop.clear()
        self._worker = threading.Thread(target=self._run_jobs, name="klaviyo-sandbox-jobs", daemon=True)
        self._worker.start()
        return url

    def stop(self) -> None:
        super().stop()
        self._stop.set()
        self._wake.set()
        if self._worker is not None:
            self._worker.join(5)
            self._worker = None

    def _run_jobs(self) -> None:
        while not self._stop.is_set():
            with self.state.lock:
                self._advance_jobs()
                due = self.state.next_job_due()
            timeout = 0.5 if due is None else max(0.0, due - emclock.monotonic()) + 0.001
            self._wake.wait(min(timeout, 0.5))  # real waits; a fake clock's time is read again each turn
            self._wake.clear()

    def _advance_jobs(self) -> None:
        with self.state.lock:
            if self.state.job_queue:
                self.state.advance_jobs(emclock.monotonic(), emclock.now())

    # ------------------------------------------------------------------ configuration

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
        self.keys.add(key, None if scopes is None else frozenset(scopes))
        return key

    def add_list(self, name: str) -> str:
        """Create a list (for the bulk import's optional list relationship); returns its id."""
        from loyalty_emulators.klaviyo.state import SandboxList
        with self.state.lock:
            lid = short_id()
            self.state.lists[lid] = SandboxList(lid, name, emclock.now())
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
            mono = emclock.monotonic()
            return [{"id": j.id, "status": j.status(mono), "total_count": j.total_count,
                     "completed_count": j.completed_count, "failed_count": j.failed_count,
                     "errors": copy.deepcopy(j.errors)} for j in self.state.jobs.values()]

    def count_requests(self, write_only: bool = False) -> int:
        return self.count(write_only=write_only)

    # ------------------------------------------------------------------ request pipeline (see EmulatorServer)

    def error_response(self, exc: Exception) -> HttpResponse:
        assert isinstance(exc, ApiError)
        return self._error(exc)

    def injected_error(self, req: HttpRequest) -> HttpResponse:
        return self._error(ApiError(500, "error", "Injected server error (sandbox fault injection)."))

    def injected_throttle(self, req: HttpRequest, retry_after_s: int) -> HttpResponse:
        return self._throttled(retry_after_s)

    def internal_error(self) -> HttpResponse:
        return self._error(ApiError(500, "error", "Internal sandbox error."))

    @staticmethod
    def _error(exc: ApiError, headers: list[tuple[str, str]] | None = None) -> HttpResponse:
        return json_response(exc.status, exc.body(), JSONAPI, list(exc.headers) + (headers or []))

    def _throttled(self, retry_after: int) -> HttpResponse:
        body = {"errors": [error_item(429, "throttled", f"Request was throttled. Expected available in "
                                      f"{retry_after} second{'s' if retry_after != 1 else ''}.")]}
        return json_response(429, body, JSONAPI, [("Retry-After", str(retry_after))])

    def _authenticate(self, req: HttpRequest) -> tuple[str, frozenset[str] | None]:
        key = credential(req, "Klaviyo-API-Key")
        if not key:
            raise ApiError(401, "not_authenticated",
                           "Missing or invalid authorization scheme. Please use Klaviyo-API-Key.")
        try:
            return key, self.keys.use(key)
        except UnknownKey:
            raise ApiError(401, "authentication_failed", "Incorrect authentication credentials.") from None

    @staticmethod
    def _route(method: str, path: str) -> tuple[str, dict[str, str]]:
        try:
            route = ROUTES.match(method, path)
        except MethodNotAllowed as exc:
            raise ApiError(405, "method_not_allowed", f"Method \"{method}\" not allowed.",
                           headers=[("Allow", ", ".join(exc.allowed))]) from None
        except NoRoute:
            raise ApiError(404, "not_found", f"No resource at {path.rstrip('/') or '/'}.") from None
        return route.operation, route.params

    def process(self, req: HttpRequest) -> tuple[str | None, HttpResponse]:
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
            self.throttled()
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
