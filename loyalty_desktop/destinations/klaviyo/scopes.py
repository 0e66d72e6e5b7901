"""Which scopes a Klaviyo private key has, found without writing anything.

Klaviyo has no endpoint that lists a key's scopes. It checks the scope of an operation before it
looks at what the request names (reference/klaviyo.md §2: 403 `permission_denied` for a known key
without the scope), so a write that cannot succeed answers 403 when the scope is missing, and 404 or
400 when it is there: an update of an id that does not exist (404), a bulk events job with no event
in it (400: the list must not be empty). Every probe is a request the spec accepts; none can
write anything. Reads are probed with a one-item page or a name filter that matches nothing. A
write scope implies its read scope (Klaviyo's "Full access"): a read is probed only when its write
is not granted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from loyalty_desktop.core.errors import ClientError, MissingScopeError, RejectedRowsError
from loyalty_desktop.net.client import HttpClient, RateLimit

_PROBE_ID = "LoyaltyDesktopScopeCheck"


def _patch(kind: str, **attributes: str) -> bytes:
    """An update of the `kind` with id _PROBE_ID, which no account holds."""
    return json.dumps({"data": {"type": kind, "id": _PROBE_ID, "attributes": attributes}}).encode()


def _empty_job(kind: str, items: str) -> bytes:
    return json.dumps({"data": {"type": kind, "attributes": {items: {"data": []}}}}).encode()

_NO_MATCH = "?filter=equals(name,%22Loyalty%20Desktop%20scope%20check%22)"


@dataclass(frozen=True, slots=True)
class Probe:
    endpoint: str  # the HttpClient's rate-limit bucket
    method: str
    path: str
    scopes: tuple[str, ...]  # x-klaviyo-scopes of the operation (all needed)
    limit: RateLimit
    body: bytes | None = None


# One probe per scope; an operation needing two scopes is read after the probe of the other one.
PROBES: dict[str, Probe] = {p.scopes[-1]: p for p in (
    Probe("probe-profiles-read", "GET", "/api/profiles?page%5Bsize%5D=1", ("profiles:read",), RateLimit(75, 750)),
    Probe("probe-profiles-write", "PATCH", f"/api/profiles/{_PROBE_ID}", ("profiles:write",),
          RateLimit(75, 750), _patch("profile")),
    Probe("probe-lists-read", "GET", "/api/profile-bulk-import-jobs?page%5Bsize%5D=1",
          ("profiles:read", "lists:read"), RateLimit(10, 150)),
    # Renaming a list that no account holds (the bulk import needs lists:write and profiles:write).
    Probe("probe-lists-write", "PATCH", f"/api/lists/{_PROBE_ID}", ("lists:write",), RateLimit(10, 150),
          _patch("list")),
    Probe("probe-events-write", "POST", "/api/event-bulk-create-jobs", ("events:write",), RateLimit(10, 150),
          _empty_job("event-bulk-create-job", "events-bulk-create")),
    Probe("probe-metrics-read", "GET", "/api/metrics?fields%5Bmetric%5D=name", ("metrics:read",), RateLimit(10, 150)),
    Probe("probe-segments-read", "GET", "/api/segments" + _NO_MATCH, ("segments:read",), RateLimit(75, 750)),
    # Segment writes are capped at 100 a day; this probe counts as one of them.
    Probe("probe-segments-write", "PATCH", f"/api/segments/{_PROBE_ID}", ("segments:write",),
          RateLimit(1, 15, daily=100), _patch("segment")),
    Probe("probe-templates-read", "GET", "/api/templates" + _NO_MATCH, ("templates:read",), RateLimit(75, 750)),
    Probe("probe-templates-write", "PATCH", f"/api/templates/{_PROBE_ID}", ("templates:write",),
          RateLimit(75, 750), _patch("template")),
    Probe("probe-flows-read", "GET", "/api/flows" + _NO_MATCH, ("flows:read",), RateLimit(3, 60)),
    # Updating a flow (not creating one): 60 a minute and no daily cap.
    Probe("probe-flows-write", "PATCH", f"/api/flows/{_PROBE_ID}", ("flows:write",), RateLimit(3, 60),
          _patch("flow", status="draft")),
)}


def _order(scopes: set[str]) -> list[str]:
    """Writes first (they settle their reads), and a probe after the probes of its other scopes."""
    return sorted(scopes, key=lambda s: (not s.endswith(":write"), len(PROBES[s].scopes) if s in PROBES else 0, s))


def missing_scopes(http: HttpClient, needed: Iterable[str]) -> list[str]:
    """The scopes of `needed` the key behind `http` lacks, sorted. Writes nothing (see the module
    docstring). `accounts:read` is the verification's own call and is not probed here. Raises
    WrongKeyError, NetworkError… as any request does."""
    wanted = {s for s in needed if s != "accounts:read"}
    granted: set[str] = set()
    missing: set[str] = set()
    for scope in _order(wanted):
        if scope in granted:
            continue
        read_of_write = scope.replace(":read", ":write")
        if scope.endswith(":read") and read_of_write in granted:
            granted.add(scope)  # Full access to a resource includes reading it
            continue
        probe = PROBES.get(scope)
        if probe is None:
            continue  # a scope this version cannot check: the operation itself will say it
        http.limiter.set_limit(probe.endpoint, probe.limit)
        try:
            http.request(probe.endpoint, probe.method, probe.path, content=probe.body)
        except MissingScopeError:
            # The other scopes of the operation were probed first: blame the unknown ones.
            unknown = [s for s in probe.scopes if s not in granted]
            missing.update(unknown)
            continue
        except (ClientError, RejectedRowsError):
            pass  # 400 invalid body / 404 no such item: the scope was checked and is there
        granted.update(probe.scopes)
        granted.update(s.replace(":write", ":read") for s in probe.scopes if s.endswith(":write"))
    return sorted(missing)
