"""Offline emulator of the Splio Customer Platform API (the endpoints a loyalty sync uses).

A real HTTP server on 127.0.0.1 speaking Splio's wire format (``shared/reference/splio.md``,
Splio's Swagger in ``shared/specs/splio/``)::

    with SplioSandbox() as sb:
        token = httpx.post(f"{sb.base_url}/authenticate", json={"api_key": DEMO_KEY}).json()["token"]
        httpx.get(f"{sb.base_url}/ping", headers={"Authorization": f"Bearer {token}"})

Implemented: ``POST /authenticate``, ``GET /ping``, ``GET /universes/unique-key``,
``GET /data/fields/contacts``, ``POST /data/fields``, ``DELETE /data/fields/{scope}/{id}``,
``GET``/``POST /data/contacts``, ``POST /data/contacts/bulk`` and ``GET``/``PATCH``/``DELETE
/data/contacts/{key}`` (``?key=internal_id`` too); the Interactions API (``POST /events/``,
``/events/bulk``) and static groups (``/target/groups``…): see :mod:`.interactions`. Test knobs:
``lose_answers`` (the work is done, the answer lost: 504) and ``hold_answers`` (the answer held for a
while, e.g. to kill a client meanwhile). The §11 checklist of the reference:

* ``/authenticate``: a known key → ``{"token": <JWT lookalike>}``; an unknown or revoked key → 400
  ``authentication.failed``; no key → 400 ``is_blank``; malformed JSON → 400 ``invalid_json``;
  ``password`` is not required (the Swagger's quirk).
* every other route wants ``Authorization: Bearer <token>``; a missing, unknown or expired token →
  401 with the bare JSON string ``"Authentication failed."``; tokens live ``token_lifetime_s``
  (default 3600, the current docs' hour) and :meth:`expire_tokens` ends them all at once.
* an API user without the right to create fields gets 403 ``"Forbidden."`` on ``POST /data/fields``.
* error envelopes, field and contact rules: see :mod:`.splio_state`.
* rate limits per client (one IP on loopback): 20 requests/s on ``/data/contacts*``, 10 elsewhere,
  429 ``{"message": "API rate limit exceeded"}``; every answer carries ``rateLimit-limit``,
  ``rateLimit-remaining``, ``rateLimit-reset`` (per second) and ``x-rateLimit-limit-minute`` /
  ``x-rateLimit-remaining-minute``. Windows are fixed windows opened by a first request, with a
  0.1 s tolerance for scheduling jitter (:class:`~loyalty_emulators.base.limits.FixedWindowLimiter`).
* unsupported methods → 405 with the bare string ``"Method Not Allowed."``.
* faults (:class:`~loyalty_emulators.base.faults.Faults`, the Klaviyo sandbox's knobs): injected 429 with
  ``rateLimit-reset: retry_after_s``; injected 5xx drawn among 500, 502 (an HTML proxy page) and
  503 (the documented envelope whose ``errors`` is an object); dropped connections; latency;
  ``revoke_after_requests`` revokes the key in use after N authenticated requests.

Inspection: ``contact()``, ``contacts()``, ``fields()``, ``requests`` (keys and tokens are masked in
the records: never stored), ``count()``, ``throttled_count``, ``injected_counts``,
``internal_errors``, ``describe()``. Seeding: :meth:`seed_demo` puts most of a loyalty program's
members in the universe, plus contacts the program does not know.
"""

from __future__ import annotations

import random
import threading
import uuid
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from loyalty_emulators import demo_keys
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_response
from loyalty_emulators.base.routing import MethodNotAllowed, NoRoute, Router
from loyalty_emulators.base.server import WRITE_METHODS, EmulatorServer, RequestRecord
from loyalty_emulators.splio.auth import ApiUser, TokenAuth, Unauthorized, _Token, mask_json
from loyalty_emulators.splio.handlers import Forbidden
from loyalty_emulators.splio.inspect_seed import SEED_LISTS, UniverseAccess
from loyalty_emulators.splio.interactions import InteractionsAndGroups
from loyalty_emulators.splio.state import SplioApiError, Universe

__all__ = ["DEMO_KEY", "WRITE_METHODS", "ApiUser", "Faults", "RequestRecord", "SplioSandbox"]

DEMO_KEY = demo_keys.SPLIO
RATE_MESSAGE = {"message": "API rate limit exceeded"}

# pattern on the raw path → {method: operation}. Path segments are percent-decoded after matching.
_SEG = r"(?P<id>[^/]+)"
ROUTES = Router((
    ("/authenticate", {"POST": "authenticate"}),
    ("/ping", {"GET": "ping"}),
    ("/universes/unique-key", {"GET": "unique_key"}),
    ("/data/fields/contacts", {"GET": "list_fields"}),
    ("/data/fields", {"POST": "create_field"}),
    (f"/data/fields/(?P<scope>[^/]+)/{_SEG}", {"DELETE": "delete_field"}),
    ("/data/contacts", {"GET": "list_contacts", "POST": "create_contact"}),
    ("/data/contacts/bulk", {"POST": "bulk_create", "GET": "get_contact", "PATCH": "patch_contact",
                             "DELETE": "delete_contact"}),
    (f"/data/contacts/{_SEG}", {"GET": "get_contact", "PATCH": "patch_contact", "DELETE": "delete_contact"}),
    ("/events/?", {"POST": "post_event"}),
    ("/events/bulk", {"POST": "post_events_bulk"}),
    ("/target/groups", {"POST": "create_group"}),
    ("/target/groups/list", {"GET": "list_groups"}),
    (f"/target/groups/{_SEG}/add", {"POST": "group_add"}),
    (f"/target/groups/{_SEG}/remove", {"POST": "group_remove"}),
    (f"/target/groups/{_SEG}/clear", {"POST": "group_clear"}),
))


class SplioSandbox(EmulatorServer[ApiUser], TokenAuth, InteractionsAndGroups, UniverseAccess):
    """In-process Splio emulator. See the module docstring. A key grants its API user."""

    error_types = (SplioApiError,)

    def __init__(self, *, unique_key: str = "email", universe: str = "maison-lumiere-sandbox",
                 contacts_rps: int = 20, other_rps: int = 10, per_minute: dict[str, int] | None = None,
                 token_lifetime_s: float = 3600.0, max_recorded_requests: int = 100_000) -> None:
        super().__init__(max_recorded_requests=max_recorded_requests)
        self.universe = Universe(unique_key, universe)
        self._init_interactions()
        # operation → how many of its next answers are lost after the request was carried out (a
        # gateway timeout: Splio did the work, the client never heard): tests of re-sends.
        self.lose_answers: dict[str, int] = {}
        # operation → seconds its answers are held after the work is done (a slow network: a client
        # killed meanwhile never learns that Splio did it).
        self.hold_answers: dict[str, float] = {}
        for lid, name in SEED_LISTS.items():
            self.universe.add_list(lid, name)
        self.token_lifetime_s = token_lifetime_s
        self.keys.add(DEMO_KEY, ApiUser(1001, "Loyalty Desktop (sandbox)"))
        self._tokens: dict[str, _Token] = {}
        self._auth_lock = threading.Lock()
        self.set_limits(contacts_rps, other_rps, per_minute)
        self._fault_rng = random.Random(0)
        self.tokens_issued = 0
        self._iss = str(uuid.UUID(int=random.Random(universe).getrandbits(128)))

    # ------------------------------------------------------------------ configuration

    def set_limits(self, contacts_rps: int, other_rps: int, per_minute: dict[str, int] | None = None) -> None:
        """Requests per second on /data/contacts* and elsewhere (and per minute; default 60 × per second)."""
        per_minute = per_minute or {}
        self.limits = {"contacts": (contacts_rps, per_minute.get("contacts", contacts_rps * 60)),
                       "other": (other_rps, per_minute.get("other", other_rps * 60))}
        self._limiter.reset()

    def _faults_changed(self, value: Faults) -> None:
        with self._auth_lock:
            self._fault_rng = random.Random(value.seed)

    # ------------------------------------------------------------------ request pipeline (see EmulatorServer)

    def error_response(self, exc: Exception) -> HttpResponse:  # pragma: no cover - process answers its own
        assert isinstance(exc, SplioApiError)
        return json_response(exc.status, exc.body())

    def injected_error(self, req: HttpRequest) -> HttpResponse:
        with self._auth_lock:
            code = self._fault_rng.choice((500, 502, 503))
        if code == 502:
            return HttpResponse(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", [], "text/html")
        errors: Any = {"error_key": None, "error": "internal_error", "error_description": "An error happened."}
        return json_response(code, {"status": code, "errors": errors if code == 503 else [errors]})

    def injected_throttle(self, req: HttpRequest, retry_after_s: int) -> HttpResponse:
        return self._throttled(retry_after_s, self.limits[_bucket(urlsplit(req.target).path)])

    def internal_error(self) -> HttpResponse:
        return json_response(500, {"status": 500, "errors": [
            {"error_key": None, "error": "internal_error", "error_description": "An error happened."}]})

    @staticmethod
    def _throttled(reset: int, limits: tuple[int, int]) -> HttpResponse:
        headers = [("rateLimit-limit", str(limits[0])), ("rateLimit-remaining", "0"),
                   ("rateLimit-reset", str(reset)), ("x-rateLimit-limit-minute", str(limits[1])),
                   ("x-rateLimit-remaining-minute", "0")]
        return json_response(429, RATE_MESSAGE, headers=headers)

    def redact(self, req: HttpRequest, resp: HttpResponse | None, op: str | None) -> tuple[bytes, bytes]:
        body, rbody = req.body, resp.body if resp else b""
        if op == "authenticate" or req.path.rstrip("/") == "/authenticate":
            body, rbody = mask_json(body, "api_key"), mask_json(rbody, "token")
        return body, rbody

    @staticmethod
    def _route(method: str, raw_path: str) -> tuple[str, dict[str, str]]:
        try:
            route = ROUTES.match(method, raw_path)
        except NoRoute:
            path = raw_path.rstrip("/") or "/"
            raise SplioApiError(404, None, "not_found", f'No route found for "{method} {unquote(path)}"') from None
        return route.operation, {k: unquote(v) for k, v in route.params.items()}

    def process(self, req: HttpRequest) -> tuple[str | None, HttpResponse]:
        split = urlsplit(req.target)
        per_s, per_min = self.limits[_bucket(split.path)]
        decision = self._limiter.hit(_bucket(split.path), ((per_s, 1.0), (per_min, 60.0)),
                                     now=req.received_monotonic)
        sec, minute = decision.windows
        if not decision.allowed:
            self.throttled()
            return None, self._throttled(decision.retry_after_s, (per_s, per_min))
        rl = [("rateLimit-limit", str(per_s)), ("rateLimit-remaining", str(sec.remaining)),
              ("rateLimit-reset", str(max(1, sec.reset_s))), ("x-rateLimit-limit-minute", str(per_min)),
              ("x-rateLimit-remaining-minute", str(minute.remaining))]
        op = None
        try:
            op, params = self._route(req.method, split.path)
            query = parse_qs(split.query, keep_blank_values=True)
            if op == "authenticate":
                resp = self.h_authenticate(req)
            else:
                user = self._authorize(req)
                resp = getattr(self, f"h_{op}")(req, params, query, user)
        except MethodNotAllowed:
            resp = json_response(405, "Method Not Allowed.")
        except Unauthorized:
            resp = json_response(401, "Authentication failed.")
        except Forbidden:
            resp = json_response(403, "Forbidden.")
        except SplioApiError as exc:
            resp = json_response(exc.status, exc.body())
        resp.headers.extend(rl)
        if op is not None and self.hold_answers.get(op):
            threading.Event().wait(self.hold_answers[op])
        if op is not None and self.lose_answers.get(op, 0) > 0:
            self.lose_answers[op] -= 1
            return op, HttpResponse(504, b"<html><body><h1>504 Gateway Time-out</h1></body></html>", [],
                                      "text/html")
        return op, resp


def _bucket(path: str) -> str:
    """Splio's rate-limit groups: /data/contacts* (20 req/s) and everything else (10 req/s)."""
    return "contacts" if path.startswith("/data/contacts") else "other"
