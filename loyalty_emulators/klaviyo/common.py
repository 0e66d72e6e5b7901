"""Shared constants and helpers of the Klaviyo sandbox: errors, ids, datetimes, operation table."""

from __future__ import annotations

import base64
import os
import re
import secrets
import string
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from loyalty_emulators import clock as emclock

REVISION = "2026-07-15"
JSONAPI = "application/vnd.api+json"
ACCEPTED_BODY_TYPES = (JSONAPI, "application/json")
MAX_PAYLOAD = 5 * 1024 * 1024
MAX_SINGLE_PROFILE_PAYLOAD = 100 * 1024
FIRST_GA_REVISION = "2022-10-17"

ALL_SCOPES = frozenset({
    "accounts:read", "events:read", "events:write", "lists:read", "lists:write",
    "metrics:read", "profiles:read", "profiles:write", "segments:read", "segments:write",
    "templates:read", "templates:write", "flows:read", "flows:write",
})

AUTH_RE = re.compile(r"^Klaviyo-API-Key (pk_[A-Za-z0-9]{34})$")
REVISION_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(\.pre)?$")
# Pragmatic address check: one @, no spaces, a dotted domain, <= 100 characters (Klaviyo docs).
EMAIL_RE = re.compile(r"^[^@\s\"(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
E164_RE = re.compile(r"^\+[1-9]\d{6,14}$")
_PHONE_JUNK = str.maketrans("", "", " -().\u00a0")


@dataclass(frozen=True)
class Operation:
    op_id: str
    scopes: tuple[str, ...]
    burst: int  # per second
    steady: int  # per minute
    daily: int | None = None

    def limits(self) -> list[tuple[int, float]]:
        """Burst and steady windows (per key). The daily cap is counted per account, apart: see
        ``KitBase._daily_cap`` in klaviyo_kit_base."""
        return [(self.burst, 1.0), (self.steady, 60.0)]


def _op(op_id: str, scopes: str, burst: int, steady: int, daily: int | None = None) -> Operation:
    return Operation(op_id, tuple(scopes.split()), burst, steady, daily)


#: Values copied from ``x-klaviyo-scopes`` / ``x-klaviyo-ratelimit`` of revision 2026-07-15
#: (tests/test_sandbox_klaviyo.py checks them against the spec file).
OPERATIONS: dict[str, Operation] = {o.op_id: o for o in (
    _op("get_accounts", "accounts:read", 1, 15),
    _op("get_account", "accounts:read", 1, 15),
    _op("create_or_update_profile", "profiles:write", 75, 750),
    _op("create_profile", "profiles:write", 75, 750),
    _op("get_profiles", "profiles:read", 75, 750),
    _op("get_profile", "profiles:read", 75, 750),
    _op("update_profile", "profiles:write", 75, 750),
    _op("bulk_import_profiles", "lists:write profiles:write", 10, 150),
    _op("get_bulk_import_profiles_jobs", "lists:read profiles:read", 10, 150),
    _op("get_bulk_import_profiles_job", "lists:read profiles:read", 10, 150),
    _op("get_errors_for_bulk_import_profiles_job", "profiles:read", 10, 150),
    _op("get_profiles_for_bulk_import_profiles_job", "profiles:read", 10, 150),
    _op("create_event", "events:write", 350, 3500),
    _op("get_events", "events:read", 350, 3500),
    _op("get_event", "events:read", 10, 150),
    _op("bulk_create_events", "events:write", 10, 150),
    _op("get_metrics", "metrics:read", 10, 150),
    _op("get_metric", "metrics:read", 10, 150),
    _op("update_list", "lists:write", 10, 150),
    # marketing kit (klaviyo_kit_*.py)
    _op("get_segments", "segments:read", 75, 750),
    _op("create_segment", "segments:write", 1, 15, 100),
    _op("get_segment", "segments:read", 75, 750),
    _op("update_segment", "segments:write", 1, 15, 100),
    _op("get_profiles_for_segment", "profiles:read segments:read", 75, 750),
    _op("get_templates", "templates:read", 75, 750),
    _op("create_template", "templates:write", 75, 750),
    _op("get_template", "templates:read", 75, 750),
    _op("update_template", "templates:write", 75, 750),
    _op("get_flows", "flows:read", 3, 60),
    _op("create_flow", "flows:write", 1, 15, 100),
    _op("get_flow", "flows:read", 3, 60),
    _op("update_flow", "flows:write", 3, 60),
    _op("get_actions_for_flow", "flows:read", 3, 60),
)}

ERROR_TITLES = {
    "invalid": "Invalid input.",
    "not_found": "Not found.",
    "not_authenticated": "Authentication credentials were not provided.",
    "authentication_failed": "Incorrect authentication credentials.",
    "permission_denied": "You do not have permission to perform this action.",
    "throttled": "Request was throttled.",
    "duplicate_profile": "Conflict.",
    "conflict": "Conflict.",
    "method_not_allowed": "Method not allowed.",
    "unsupported_media_type": "Unsupported media type.",
    "payload_too_large": "Request entity too large.",
    "error": "A server error occurred.",
}


class ApiError(Exception):
    """One or more JSON:API errors with a shared HTTP status."""

    def __init__(self, status: int, code: str, detail: str, *, pointer: str | None = None,
                 parameter: str | None = None, meta: dict[str, Any] | None = None,
                 title: str | None = None, headers: list[tuple[str, str]] | None = None,
                 extra: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.headers = headers or []
        self.errors = [error_item(status, code, detail, pointer=pointer, parameter=parameter,
                                  meta=meta, title=title), *(extra or [])]

    @classmethod
    def many(cls, status: int, items: list[dict[str, Any]]) -> ApiError:
        err = cls(status, items[0]["code"], items[0]["detail"])
        err.errors = items
        return err

    def body(self) -> dict[str, Any]:
        return {"errors": self.errors}


def error_item(status: int, code: str, detail: str, *, pointer: str | None = None,
               parameter: str | None = None, meta: dict[str, Any] | None = None,
               title: str | None = None) -> dict[str, Any]:
    source: dict[str, str] = {}
    if pointer is not None:
        source["pointer"] = pointer
    if parameter is not None:
        source["parameter"] = parameter
    return {"id": str(uuid.uuid4()), "status": status, "code": code,
            "title": title or ERROR_TITLES.get(code, "Error."), "detail": detail,
            "source": source, "links": {}, "meta": meta or {}}


def invalid(detail: str, pointer: str | None = None, parameter: str | None = None) -> ApiError:
    return ApiError(400, "invalid", detail, pointer=pointer, parameter=parameter)


# --------------------------------------------------------------------------- ids

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TO_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _CROCKFORD)
_ALNUM = string.ascii_letters + string.digits


class UlidGenerator:
    """Monotonic ULIDs (26 chars): ids created later always sort after earlier ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_ms = -1
        self._rand = 0

    def __call__(self) -> str:
        with self._lock:
            ms = int(emclock.now().timestamp() * 1000)
            if ms <= self._last_ms:
                ms = self._last_ms
                self._rand += 1
            else:
                self._last_ms = ms
                self._rand = int.from_bytes(os.urandom(10), "big") >> 1
            value = (ms << 80) | (self._rand & ((1 << 80) - 1))
        # 26 base32 digits = 130 bits: two zero bits, then the 128-bit value. b32encode reads
        # bits most-significant first, so shift into a 136-bit (17-byte) field and keep 26 digits.
        return base64.b32encode((value << 6).to_bytes(17, "big"))[:26].decode("ascii").translate(_TO_CROCKFORD)


def short_id(n: int = 6) -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(n))


def new_private_key() -> str:
    return "pk_" + "".join(secrets.choice(_ALNUM) for _ in range(34))


# --------------------------------------------------------------------------- values


def utcnow() -> datetime:
    return emclock.now()


def iso(dt: datetime | None) -> str | None:
    """Klaviyo style: ``2026-11-20T14:03:00+00:00`` (seconds precision, UTC)."""
    if dt is None:
        return None
    return dt.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_datetime(value: str) -> datetime:
    """ISO 8601 / RFC 3339 -> aware UTC datetime; naive values are taken as UTC."""
    v = value.strip()
    if v.endswith(("Z", "z")):
        v = v[:-1] + "+00:00"
    if len(v) == 10:  # date only
        v += "T00:00:00+00:00"
    dt = datetime.fromisoformat(v)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def normalize_phone(value: str) -> str | None:
    """E.164 phone after removing spaces, dashes, dots and parentheses; ``None`` if invalid."""
    p = value.translate(_PHONE_JUNK)
    if p.startswith("00"):
        p = "+" + p[2:]
    return p if E164_RE.match(p) else None


def valid_email(value: str) -> bool:
    return len(value) <= 100 and EMAIL_RE.match(value) is not None


def revision_problem(value: str | None) -> tuple[int, str] | None:
    """``None`` if the revision header is acceptable, else ``(status, detail)``."""
    if value is None or not value.strip():
        return 400, "A revision header is required (for example 'revision: 2026-07-15')."
    m = REVISION_RE.match(value.strip())
    if not m:
        return 400, f"Invalid revision '{value}'. Expected a date formatted YYYY-MM-DD, optionally followed by '.pre'."
    try:
        datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return 400, f"Invalid revision '{value}'. It is not a valid date."
    if value.strip()[:10] < FIRST_GA_REVISION:
        return 404, "No valid revisions found for method."
    return None

