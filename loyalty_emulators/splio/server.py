"""Offline emulator of the Splio Customer Platform API (the endpoints a loyalty sync uses).

A real HTTP server on 127.0.0.1 speaking Splio's wire format (``shared/reference/splio.md``,
Splio's Swagger in ``shared/specs/splio/``)::

    with SplioSandbox() as sb:
        token = httpx.post(f"{sb.base_url}/authenticate", json={"api_key": DEMO_KEY}).json()["token"]
        httpx.get(f"{sb.base_url}/ping", headers={"Authorization": f"Bearer {token}"})

Implemented: ``POST /authenticate``, ``GET /ping``, ``GET /universes/unique-key``,
``GET /data/fields/contacts``, ``POST /data/fields``, ``DELETE /data/fields/{scope}/{id}``,
``GET``/``POST /data/contacts``, ``POST /data/contacts/bulk`` and ``GET``/``PATCH``/``DELETE
/data/contacts/{key}`` (``?key=internal_id`` too). The §11 checklist of the reference:

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
  0.1 s tolerance for scheduling jitter (:class:`~.http_base.FixedWindowLimiter`).
* unsupported methods → 405 with the bare string ``"Method Not Allowed."``.
* faults (:class:`~.http_base.Faults`, the Klaviyo sandbox's knobs): injected 429 with
  ``rateLimit-reset: retry_after_s``; injected 5xx drawn among 500, 502 (an HTML proxy page) and
  503 (the documented envelope whose ``errors`` is an object); dropped connections; latency;
  ``revoke_after_requests`` revokes the key in use after N authenticated requests.

Inspection: ``contact()``, ``contacts()``, ``fields()``, ``requests`` (keys and tokens are masked in
the records: never stored), ``count()``, ``throttled_count``, ``injected_counts``,
``internal_errors``, ``describe()``. Seeding: :meth:`seed_demo` puts most of a loyalty program's
members in the universe, plus contacts the program does not know.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import re
import threading
import time
import traceback
import uuid
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from loyalty_desktop.core import clock as clocks
from loyalty_emulators.http_base import (
    BackgroundHTTPServer,
    Faults,
    FixedWindowLimiter,
    HttpRequest,
    HttpResponse,
    json_response,
    media_type,
    parse_json_body,
)
from loyalty_emulators.splio.state import (
    FIELD_SCOPES,
    MAX_PER_PAGE,
    Contact,
    SplioApiError,
    Universe,
    bad,
)

__all__ = ["DEMO_KEY", "Faults", "RequestRecord", "SplioSandbox"]

#: Always-valid API key of the sandbox's demo API user (a 32-hex-digit key like Splio's).
DEMO_KEY = "5d10a5a4db0c4e4f9c1e5ab1e0de7001"
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
RATE_MESSAGE = {"message": "API rate limit exceeded"}
SEED_LISTS = {50: "Newsletter", 51: "Clients VIP", 52: "Promotions SMS"}

# (method, pattern on the raw path) → operation name. Path segments are percent-decoded after matching.
_SEG = r"(?P<id>[^/]+)"
ROUTES: list[tuple[re.Pattern[str], dict[str, str]]] = [(re.compile(f"^{p}$"), m) for p, m in (
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
)]


@dataclass
class RequestRecord:
    method: str
    path: str  # raw target, with query string
    status: int  # 0 = connection dropped by fault injection
    headers: dict[str, str]  # request headers, lower-cased, WITHOUT authorization
    body: bytes  # the api_key of /authenticate masked
    response_body: bytes  # the token of /authenticate masked
    response_headers: dict[str, str]
    received_at: datetime
    received_monotonic: float = 0.0
    operation: str | None = None
    injected: str | None = None  # "429" | "500" | "drop" when the answer was a fault


@dataclass
class ApiUser:
    id: int
    name: str
    can_create_fields: bool = True


@dataclass
class _Token:
    key: str
    expires: float  # time.monotonic()
    issued: float


class SplioSandbox:
    """In-process Splio emulator. See the module docstring."""

    def __init__(self, *, unique_key: str = "email", universe: str = "maison-lumiere-sandbox",
                 contacts_rps: int = 20, other_rps: int = 10, per_minute: dict[str, int] | None = None,
                 token_lifetime_s: float = 3600.0, max_recorded_requests: int = 100_000) -> None:
        self.universe = Universe(unique_key, universe)
        for lid, name in SEED_LISTS.items():
            self.universe.add_list(lid, name)
        self.token_lifetime_s = token_lifetime_s
        self._users: dict[str, ApiUser] = {DEMO_KEY: ApiUser(1001, "Loyalty Desktop (sandbox)")}
        self._revoked: set[str] = set()
        self._tokens: dict[str, _Token] = {}
        self._auth_lock = threading.Lock()
        self._limiter = FixedWindowLimiter()
        self.set_limits(contacts_rps, other_rps, per_minute)
        self._faults = Faults()
        self._fault_rng = random.Random(0)
        self._revoke_countdown: int | None = None
        self._records: deque[RequestRecord] = deque(maxlen=max_recorded_requests)
        self._records_lock = threading.Lock()
        self._counters_lock = threading.Lock()
        self.throttled_count = 0
        self.tokens_issued = 0
        self.total_requests = 0  # every request answered (or dropped), beyond the records' window
        self.injected_counts: Counter[str] = Counter()
        self.internal_errors: list[str] = []
        self._http = BackgroundHTTPServer(self._handle)
        self.base_url: str | None = None
        self._iss = str(uuid.UUID(int=random.Random(universe).getrandbits(128)))

    # ------------------------------------------------------------------ lifecycle

    def start(self, port: int = 0) -> str:
        self.base_url = self._http.start(port)
        return self.base_url

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> SplioSandbox:
        self.start(0)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ configuration

    def set_limits(self, contacts_rps: int, other_rps: int, per_minute: dict[str, int] | None = None) -> None:
        """Requests per second on /data/contacts* and elsewhere (and per minute; default 60 × per second)."""
        per_minute = per_minute or {}
        self.limits = {"contacts": (contacts_rps, per_minute.get("contacts", contacts_rps * 60)),
                       "other": (other_rps, per_minute.get("other", other_rps * 60))}
        self._limiter.reset()

    @property
    def faults(self) -> Faults:
        return self._faults

    @faults.setter
    def faults(self, value: Faults) -> None:
        with self._auth_lock:
            self._faults = value
            self._fault_rng = random.Random(value.seed)
            self._revoke_countdown = value.revoke_after_requests

    def add_key(self, name: str = "API user", *, can_create_fields: bool = True) -> str:
        """A new API user; returns its key."""
        key = os.urandom(16).hex()
        with self._auth_lock:
            self._users[key] = ApiUser(2000 + len(self._users), name, can_create_fields)
        return key

    def revoke_key(self, key: str) -> None:
        with self._auth_lock:
            self._revoked.add(key)

    def expire_tokens(self) -> int:
        """Every token issued so far expires now (as after its hour); returns how many."""
        with self._auth_lock:
            now = time.monotonic()
            live = [t for t in self._tokens.values() if t.expires > now]
            for t in live:
                t.expires = now
            return len(live)

    # ------------------------------------------------------------------ seeding and inspection

    def add_field(self, name: str, type_: str = "text") -> int:
        with self.universe.lock:
            return self.universe.add_field(name, type_).id

    def field_id(self, name: str) -> int | None:
        with self.universe.lock:
            f = self.universe.field_by_name(name)
            return None if f is None else f.id

    def fields(self) -> list[tuple[int, str, str]]:
        """(id, name, type) of the contact custom fields."""
        with self.universe.lock:
            return [(f.id, f.name, f.type) for f in sorted(self.universe.fields.values(), key=lambda f: f.id)
                    if not f.is_system]

    def add_contact(self, email: str = "", *, cellphone: str = "", firstname: str = "", lastname: str = "",
                    custom: dict[str, str] | None = None, lists: Iterable[int] = ()) -> int:
        """Create a contact directly (custom fields by name); returns its internal id."""
        body: dict[str, Any] = {"email": email, "cellphone": cellphone, "firstname": firstname,
                                "lastname": lastname, "lists": [{"id": i} for i in lists],
                                "custom_fields": [{"name": k, "value": v} for k, v in (custom or {}).items()]}
        with self.universe.lock:
            return self.universe.create(body).id

    def set_values(self, values: dict[str, str], keys: Iterable[str] | None = None) -> None:
        """Set custom fields (by name) on the given contacts (all when None), bypassing the API."""
        with self.universe.lock:
            ids = {self._field(n).id: v for n, v in values.items()}
            contacts = self.universe.contacts.values() if keys is None else \
                [self.universe.find(k) for k in keys]
            for c in contacts:
                for fid, v in ids.items():
                    if v == "":
                        c.custom.pop(fid, None)
                    else:
                        c.custom[fid] = v

    def _field(self, name: str) -> Any:
        f = self.universe.field_by_name(name)
        if f is None:
            raise KeyError(name)
        return f

    def _view(self, c: Contact) -> dict[str, Any]:
        u = self.universe
        return {"id": c.id, "key": u.key_of(c), "email": c.email, "cellphone": c.cellphone,
                "firstname": c.firstname, "lastname": c.lastname,
                "custom": {u.fields[fid].name: v for fid, v in sorted(c.custom.items()) if fid in u.fields},
                "lists": list(c.lists)}

    def contact(self, key: str) -> dict[str, Any] | None:
        """One contact by unique-key value: identity, custom fields by name, list ids."""
        with self.universe.lock:
            c = self.universe.contacts.get(self.universe.normalize_key(key))
            return None if c is None else self._view(c)

    def contacts(self) -> list[dict[str, Any]]:
        with self.universe.lock:
            return [self._view(c) for c in sorted(self.universe.by_id.values(), key=lambda c: c.id)]

    def seed_demo(self, members: Iterable[Any], *, present: float = 0.9, unknown: float = 0.05,
                  salt: str = "splio-sandbox") -> dict[str, int]:
        """Put about `present` of the members in the universe (chosen by a hash of the email: the same
        members every time), plus `unknown` × members contacts the loyalty program does not know.
        Every contact gets list memberships and a `civility`; phones are kept for about half."""
        u = self.universe
        counts = {"members_present": 0, "members_absent": 0, "unknown_contacts": 0}
        with u.lock:
            if u.field_by_name("civility") is None:
                u.add_field("civility", "text")
            civ = u.field_by_name("civility")
            assert civ is not None
            n = 0
            for m in members:
                n += 1
                h = int.from_bytes(hashlib.blake2b(f"{salt}:{m.email}".encode(), digest_size=8).digest(), "big")
                if (h % 10_000) / 10_000 >= present:
                    counts["members_absent"] += 1
                    continue
                lists = [50] + ([51] if h % 3 == 0 else []) + ([52] if getattr(m, "phone", None) else [])
                c = Contact(0, email=m.email, firstname=getattr(m, "first_name", None) or "",
                            lastname=getattr(m, "last_name", None) or "",
                            cellphone=(getattr(m, "phone", None) or "") if h % 2 else "",
                            language="fr" if m.email.endswith(".fr") else "en",
                            creation_date="2024-03-01 09:00:00", custom={civ.id: ("mme", "mr")[h % 2]},
                            lists=lists)
                self._insert(c)
                counts["members_present"] += 1
            rng = random.Random(salt)
            for i in range(round(n * unknown)):
                c = Contact(0, email=f"prospect{i + 1:05d}@exemple.fr", firstname=rng.choice(("Lou", "Sam", "Alex")),
                            lastname=f"Prospect{i + 1}", language="fr", creation_date="2025-06-01 10:00:00",
                            custom={civ.id: "mme"}, lists=[50])
                self._insert(c)
                counts["unknown_contacts"] += 1
        return counts

    def _insert(self, c: Contact) -> None:
        u = self.universe
        key = u.normalize_key(u.key_of(c))
        if not key or key in u.contacts:
            return
        c.id = u.next_contact_id
        u.next_contact_id += 1
        u.contacts[key] = c
        u.by_id[c.id] = c

    def describe(self, sample: int = 1) -> list[str]:
        """A few lines on what the universe holds (the demo shows them after a sync)."""
        views = self.contacts()
        names = {n for _, n, _ in self.fields()} - {"civility"}
        with_loyalty = [v for v in views if names & set(v["custom"])]
        lines = [f"The Splio sandbox universe now holds {len(views)} contacts; {len(with_loyalty)} carry "
                 f"loyalty custom fields (contacts are identified by {self.universe.unique_key})."]
        for v in with_loyalty[:sample]:
            lists = ", ".join(SEED_LISTS.get(i, str(i)) for i in v["lists"]) or "none"
            name = f"{v['firstname']} {v['lastname']}".strip()
            lines.append(f"  {v['key']}" + (f" ({name})" if name else "") + f", lists: {lists}")
            lines.extend(f"    {k}: {val!r}" for k, val in v["custom"].items())
        return lines

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

    # ------------------------------------------------------------------ request pipeline

    def _handle(self, req: HttpRequest) -> HttpResponse | None:
        faults = self._faults
        fault = faults.draw()
        if faults.latency_s:
            time.sleep(faults.latency_s)
        op: str | None = None
        resp: HttpResponse | None
        if fault == "drop":
            resp = None
        elif fault == "500":
            resp = self._server_error()
        elif fault == "429":
            resp = self._throttled(faults.retry_after_s, self.limits[_bucket(urlsplit(req.target).path)])
        else:
            try:
                op, resp = self._process(req)
            except Exception:  # noqa: BLE001 - a sandbox bug answers 500, it must not hang the client
                with self._counters_lock:
                    self.internal_errors.append(traceback.format_exc())
                resp = json_response(500, {"status": 500, "errors": [
                    {"error_key": None, "error": "internal_error", "error_description": "An error happened."}]})
        if fault:
            with self._counters_lock:
                self.injected_counts[fault] += 1
        self._record(req, resp, op, fault)
        return resp

    def _server_error(self) -> HttpResponse:
        with self._auth_lock:
            code = self._fault_rng.choice((500, 502, 503))
        if code == 502:
            return HttpResponse(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", [], "text/html")
        errors: Any = {"error_key": None, "error": "internal_error", "error_description": "An error happened."}
        return json_response(code, {"status": code, "errors": errors if code == 503 else [errors]})

    @staticmethod
    def _throttled(reset: int, limits: tuple[int, int]) -> HttpResponse:
        headers = [("rateLimit-limit", str(limits[0])), ("rateLimit-remaining", "0"),
                   ("rateLimit-reset", str(reset)), ("x-rateLimit-limit-minute", str(limits[1])),
                   ("x-rateLimit-remaining-minute", "0")]
        return json_response(429, RATE_MESSAGE, headers=headers)

    def _record(self, req: HttpRequest, resp: HttpResponse | None, op: str | None, fault: str | None) -> None:
        body, rbody = req.body, resp.body if resp else b""
        if op == "authenticate" or req.path.rstrip("/") == "/authenticate":
            body, rbody = _mask_json(body, "api_key"), _mask_json(rbody, "token")
        rec = RequestRecord(
            method=req.method, path=req.target, status=resp.status if resp else 0,
            headers={k: v for k, v in req.headers.items() if k != "authorization"},
            body=body, response_body=rbody, response_headers=dict(resp.all_headers()) if resp else {},
            received_at=datetime.fromtimestamp(req.received_at, UTC),
            received_monotonic=req.received_monotonic, operation=op, injected=fault)
        with self._records_lock:
            self._records.append(rec)
            self.total_requests += 1

    @staticmethod
    def _route(method: str, raw_path: str) -> tuple[str, dict[str, str]]:
        path = raw_path.rstrip("/") or "/"
        for pattern, methods in ROUTES:
            m = pattern.match(path)
            if m:
                if method not in methods:
                    raise _MethodNotAllowed()
                return methods[method], {k: unquote(v) for k, v in m.groupdict().items()}
        raise SplioApiError(404, None, "not_found", f'No route found for "{method} {unquote(path)}"')

    def _process(self, req: HttpRequest) -> tuple[str | None, HttpResponse]:
        split = urlsplit(req.target)
        per_s, per_min = self.limits[_bucket(split.path)]
        decision = self._limiter.hit(_bucket(split.path), ((per_s, 1.0), (per_min, 60.0)),
                                     now=req.received_monotonic)
        sec, minute = decision.windows
        if not decision.allowed:
            with self._counters_lock:
                self.throttled_count += 1
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
        except _MethodNotAllowed:
            resp = json_response(405, "Method Not Allowed.")
        except _Unauthorized:
            resp = json_response(401, "Authentication failed.")
        except _Forbidden:
            resp = json_response(403, "Forbidden.")
        except SplioApiError as exc:
            resp = json_response(exc.status, exc.body())
        resp.headers.extend(rl)
        return op, resp

    # ------------------------------------------------------------------ auth

    def _mint(self, key: str, user: ApiUser) -> str:
        now = int(clocks.now().timestamp())
        header = {"typ": "JWT", "alg": "RS256"}
        claims = {"iss": self._iss, "sub": "user", "aud": "api.client", "is_api": True, "iat": now,
                  "exp": now + int(self.token_lifetime_s), "jti": f"{user.id}.{os.urandom(8).hex()}",
                  "name": user.name, "locale": None, "user": {"id": user.id, "universe": self.universe.name}}
        parts = [_b64(json.dumps(header, separators=(",", ":")).encode()),
                 _b64(json.dumps(claims, separators=(",", ":")).encode()), _b64(os.urandom(64))]
        return ".".join(parts)

    def h_authenticate(self, req: HttpRequest) -> HttpResponse:
        try:
            body = parse_json_body(req.body)
        except ValueError:
            raise bad("payload", "invalid_json", "Json payload is invalid, verify its syntax.") from None
        key = body.get("api_key") if isinstance(body, dict) else None
        if not isinstance(key, str) or not key.strip():
            raise bad("api_key", "is_blank", "Api key is missing.")
        with self._auth_lock:
            user = self._users.get(key)
            if user is None or key in self._revoked:
                raise bad("username", "authentication.failed", "User authentication failed.")
            token = self._mint(key, user)
            now = time.monotonic()
            self._tokens[token] = _Token(key, now + self.token_lifetime_s, now)
            self.tokens_issued += 1
        return json_response(200, {"token": token})

    def _authorize(self, req: HttpRequest) -> ApiUser:
        header = (req.header("authorization") or "").strip()
        scheme, _, token = header.partition(" ")
        if scheme != "Bearer" or not token.strip():
            raise _Unauthorized()
        with self._auth_lock:
            t = self._tokens.get(token.strip())
            if t is None or t.expires <= time.monotonic() or t.key in self._revoked or t.key not in self._users:
                raise _Unauthorized()
            if self._revoke_countdown is not None:
                self._revoke_countdown -= 1
                if self._revoke_countdown <= 0:
                    self._revoked.add(t.key)
                    self._revoke_countdown = None
            return self._users[t.key]

    @staticmethod
    def _json(req: HttpRequest) -> Any:
        ctype = media_type(req.header("content-type"))
        if ctype and ctype != "application/json":
            raise bad("payload", "invalid_content_type", f"Content type {ctype} is not supported, use application/json.")
        try:
            return parse_json_body(req.body)
        except ValueError:
            raise bad("payload", "invalid_json", "Json payload is invalid, verify its syntax.") from None

    # ------------------------------------------------------------------ handlers

    def h_ping(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
               user: ApiUser) -> HttpResponse:
        return json_response(200, {"user_id": user.id})

    def h_unique_key(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                     user: ApiUser) -> HttpResponse:
        return json_response(200, {"unique_key": self.universe.unique_key})

    def h_list_fields(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        with self.universe.lock:
            elements = self.universe.field_listing()
        return json_response(200, {"count_element": len(elements), "current_page": 1,
                                   "per_page": max(100, len(elements)), "sort": {"id": "DESC"},
                                   "elements": elements})

    def h_create_field(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                       user: ApiUser) -> HttpResponse:
        if not user.can_create_fields:
            raise _Forbidden()
        body = self._json(req)
        if not isinstance(body, dict):
            raise bad("payload", "wrong_type", "This value should be of type object.")
        for k in ("scope", "name", "type"):
            if k not in body:
                raise bad(k, "is_blank", "This value should not be blank.")
        extra = [k for k in body if k not in ("scope", "name", "type")]
        if extra:
            raise bad(extra[0], "extra_field", "This field was not expected.")
        if body["scope"] not in FIELD_SCOPES:
            raise bad("scope", "wrong_value", "The value you selected is not a valid choice.")
        if body["scope"] != "contacts":
            raise bad("scope", "wrong_value", "The sandbox only emulates contact fields.")
        with self.universe.lock:
            f = self.universe.add_field(body["name"], body["type"])
        return json_response(201, {"id": f.id, "name": f.name, "data_type": f.type})

    def h_delete_field(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                       user: ApiUser) -> HttpResponse:
        if params["scope"] != "contacts":
            raise SplioApiError(404, "id", "wrong_value", "Custom field not found.")
        if not params["id"].isdigit():
            raise SplioApiError(404, "id", "wrong_value", "Custom field not found.")
        with self.universe.lock:
            self.universe.delete_field(int(params["id"]))
        return HttpResponse(204, b"", [], None)

    def h_list_contacts(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                        user: ApiUser) -> HttpResponse:
        if "fields" in query:
            raise bad("fields", "not_supported", "The sandbox does not emulate contact search filters.")
        per_page = _int_param(query, "per_page", 20, 1, MAX_PER_PAGE)
        page_number = _int_param(query, "page_number", 1, 1, None)
        with self.universe.lock:
            page = self.universe.page(per_page, page_number)
        return json_response(200, page)

    def h_create_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                         user: ApiUser) -> HttpResponse:
        body = self._json(req)
        with self.universe.lock:
            self.universe.check_shape(body)
            c = self.universe.create(body)
            return json_response(201, self.universe.render(c))

    def h_bulk_create(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        started = time.monotonic()
        body = self._json(req)
        with self.universe.lock:
            result = self.universe.bulk_create(body)
        return json_response(207, {"time": round((time.monotonic() - started) * 1000), **result})

    def h_get_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                      user: ApiUser) -> HttpResponse:
        by = (query.get("key") or [None])[-1]
        with self.universe.lock:
            return json_response(200, self.universe.render(self.universe.find(params.get("id", "bulk"), by)))

    def h_patch_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                        user: ApiUser) -> HttpResponse:
        body = self._json(req)
        with self.universe.lock:
            self.universe.check_shape(body, patch=True)
            by = body.get("key") or (query.get("key") or [None])[-1]
            c = self.universe.find(params.get("id", "bulk"), by)
            return json_response(200, self.universe.render(self.universe.patch(c, body)))

    def h_delete_contact(self, req: HttpRequest, params: dict[str, str], query: dict[str, list[str]],
                         user: ApiUser) -> HttpResponse:
        by = (query.get("key") or [None])[-1]
        with self.universe.lock:
            self.universe.delete(self.universe.find(params.get("id", "bulk"), by))
        return HttpResponse(204, b"", [], None)


class _MethodNotAllowed(Exception):
    pass


class _Unauthorized(Exception):
    pass


class _Forbidden(Exception):
    pass


def _bucket(path: str) -> str:
    """Splio's rate-limit groups: /data/contacts* (20 req/s) and everything else (10 req/s)."""
    return "contacts" if path.startswith("/data/contacts") else "other"


def _int_param(query: dict[str, list[str]], name: str, default: int, lo: int, hi: int | None) -> int:
    raw = (query.get(name) or [None])[-1]
    if raw is None:
        return default
    if not re.fullmatch(r"\d+", raw) or int(raw) < lo or (hi is not None and int(raw) > hi):
        limits = f"between {lo} and {hi}" if hi is not None else f"{lo} or more"
        raise bad(name, "wrong_value", f"This value should be {limits}.")
    return int(raw)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _mask_json(raw: bytes, field: str) -> bytes:
    """The same JSON with one secret field's string value replaced (records never keep secrets)."""
    try:
        obj = json.loads(raw)
    except ValueError:
        return b"" if raw else raw
    if isinstance(obj, dict) and isinstance(obj.get(field), str):
        obj[field] = "***" if obj[field] else ""
        return json.dumps(obj).encode()
    return raw
