"""Splio's two-step auth in the sandbox: ``POST /authenticate`` trades an API key for a JWT-looking
token that lives ``token_lifetime_s``; every other route wants it as ``Authorization: Bearer``.
Keys and tokens are never recorded (see :func:`mask_json`)."""

from __future__ import annotations

import base64
import json
import os
import threading
from dataclasses import dataclass

from loyalty_emulators import clock as emclock
from loyalty_emulators.base.http import HttpRequest, HttpResponse, json_response, parse_json_body
from loyalty_emulators.base.keys import KeyRing, UnknownKey
from loyalty_emulators.base.routing import credential
from loyalty_emulators.splio.state import Universe, bad


@dataclass
class ApiUser:
    id: int
    name: str
    can_create_fields: bool = True


@dataclass
class _Token:
    key: str
    expires: float  # the emulators' monotonic clock
    issued: float


class Unauthorized(Exception):
    """Answered 401 with the bare JSON string "Authentication failed."."""


class TokenAuth:
    """Mixed into :class:`~.server.SplioSandbox`: keys (API users), tokens and the auth handlers."""

    keys: KeyRing[ApiUser]
    universe: Universe
    token_lifetime_s: float
    tokens_issued: int
    _iss: str
    _tokens: dict[str, _Token]
    _auth_lock: threading.Lock

    def add_key(self, name: str = "API user", *, can_create_fields: bool = True) -> str:
        """A new API user; returns its key."""
        key = os.urandom(16).hex()
        self.keys.add(key, ApiUser(2000 + len(self.keys), name, can_create_fields))
        return key

    def expire_tokens(self) -> int:
        """Every token issued so far expires now (as after its hour); returns how many."""
        with self._auth_lock:
            now = emclock.monotonic()
            live = [t for t in self._tokens.values() if t.expires > now]
            for t in live:
                t.expires = now
            return len(live)

    def _mint(self, key: str, user: ApiUser) -> str:
        now = int(emclock.now().timestamp())
        header = {"typ": "JWT", "alg": "RS256"}
        claims = {"iss": self._iss, "sub": "user", "aud": "api.client", "is_api": True, "iat": now,
                  "exp": now + int(self.token_lifetime_s), "jti": f"{user.id}.{os.urandom(8).hex()}",
                  "name": user.name, "locale": None, "user": {"id": user.id, "universe": self.universe.name}}
        parts = [b64(json.dumps(header, separators=(",", ":")).encode()),
                 b64(json.dumps(claims, separators=(",", ":")).encode()), b64(os.urandom(64))]
        return ".".join(parts)

    def h_authenticate(self, req: HttpRequest) -> HttpResponse:
        try:
            body = parse_json_body(req.body)
        except ValueError:
            raise bad("payload", "invalid_json", "Json payload is invalid, verify its syntax.") from None
        key = body.get("api_key") if isinstance(body, dict) else None
        if not isinstance(key, str) or not key.strip():
            raise bad("api_key", "is_blank", "Api key is missing.")
        try:
            user = self.keys.peek(key)
        except UnknownKey:
            raise bad("username", "authentication.failed", "User authentication failed.") from None
        with self._auth_lock:
            token = self._mint(key, user)
            now = emclock.monotonic()
            self._tokens[token] = _Token(key, now + self.token_lifetime_s, now)
            self.tokens_issued += 1
        return json_response(200, {"token": token})

    def _authorize(self, req: HttpRequest) -> ApiUser:
        token = credential(req, "Bearer")
        if not token:
            raise Unauthorized()
        with self._auth_lock:
            t = self._tokens.get(token)
            if t is None or t.expires <= emclock.monotonic():
                raise Unauthorized()
        try:
            return self.keys.use(t.key)
        except UnknownKey:
            raise Unauthorized() from None


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def mask_json(raw: bytes, field: str) -> bytes:
    """The same JSON with one secret field's string value replaced (records never keep secrets)."""
    try:
        obj = json.loads(raw)
    except ValueError:
        return b"" if raw else raw
    if isinstance(obj, dict) and isinstance(obj.get(field), str):
        obj[field] = "***" if obj[field] else ""
        return json.dumps(obj).encode()
    return raw
