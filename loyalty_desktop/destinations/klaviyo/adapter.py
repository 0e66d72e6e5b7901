"""Klaviyo adapter: verify a private key, upsert profiles (bulk import jobs or profile-import),
send loyalty events (bulk create). Wire format per Klaviyo's OpenAPI, revision pinned below."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core.errors import (
    ClientError,
    LoyaltyError,
    MissingScopeError,
    NetworkError,
    RejectedRowsError,
    RowError,
    ServerError,
    WrongKeyError,
)
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.events import LoyaltyEvent
from loyalty_desktop.core.fields import (
    CATALOG_BY_KEY,
    KLAVIYO_ATTRIBUTES,
    FieldType,
    Mapping,
)
from loyalty_desktop.core.platforms import KLAVIYO
from loyalty_desktop.destinations.base import (
    AccountInfo,
    DestinationBase,
    JobLostError,
    RowOutcome,
    SendResult,
    Submitted,
)
from loyalty_desktop.net.client import CancelToken, HttpClient, RateLimit, RetryPolicy
from loyalty_desktop.store.store import OutboxRow, Store, dumps

if TYPE_CHECKING:
    import httpx

REVISION = "2026-07-15"
BASE_URL = "https://a.klaviyo.com"
KEY_PATTERN = re.compile(r"^pk_[A-Za-z0-9]{34}$")

# x-klaviyo-ratelimit of each operation we call (burst per second, steady per minute).
LIMITS: dict[str, RateLimit] = {
    "accounts": RateLimit(1, 15),
    "profile-import": RateLimit(75, 750),
    "profiles": RateLimit(75, 750),
    "bulk-import": RateLimit(10, 150),
    "bulk-import-job": RateLimit(10, 150),
    "bulk-import-errors": RateLimit(10, 150),
    "event-bulk": RateLimit(10, 150),
}
# x-klaviyo-scopes, named in the message when a key lacks them.
SCOPES: dict[str, list[str]] = {
    "accounts": ["accounts:read"],
    "profile-import": ["profiles:write"],
    "profiles": ["profiles:read"],
    "bulk-import": ["lists:write", "profiles:write"],
    "bulk-import-job": ["lists:read", "profiles:read"],
    "bulk-import-errors": ["profiles:read"],
    "event-bulk": ["events:write"],
}
# Scopes a key needs for a full sync, and for the loyalty kit (what the wizard tells the merchant to tick).
REQUIRED_SCOPES = list(KLAVIYO.sync_scopes)
KIT_SCOPES = list(KLAVIYO.kit_scopes)

MAX_BULK_PROFILES = 10_000
MAX_BULK_EVENTS = 1_000
MAX_BYTES = 4_800_000  # Klaviyo caps a request at 5 MB; keep a margin for the envelope
SMALL_BATCH = 50  # fewer profiles than this go through the synchronous profile-import
_PROFILE_POINTER = re.compile(r"^/data/attributes/profiles/data/(\d+)(?:/attributes/?([^/]*))?")
_EVENT_POINTER = re.compile(r"^/data/attributes/events-bulk-create/data/(\d+)(?:/(.*))?")


def _errors(resp: httpx.Response) -> list[dict[str, Any]]:
    try:
        body = resp.json()
    except ValueError:
        return []
    errs = body.get("errors") if isinstance(body, dict) else None
    return [e for e in errs if isinstance(e, dict)] if isinstance(errs, list) else []


def map_error(resp: httpx.Response, endpoint: str) -> LoyaltyError:
    errs = _errors(resp)
    detail = "; ".join(str(e.get("detail") or e.get("title") or "") for e in errs[:3]) or resp.reason_phrase
    status = resp.status_code
    if status == 401:
        return WrongKeyError(detail, status=status)
    if status == 403:
        if not errs:  # Cloudflare answers some 403s with an HTML challenge page: transient
            return ServerError("Klaviyo's firewall refused the request", status=status)
        return MissingScopeError(SCOPES.get(endpoint, []), detail)
    if status == 400:
        rows: list[RowError] = []
        for e in errs:
            pointer = str((e.get("source") or {}).get("pointer") or "")
            m = _PROFILE_POINTER.match(pointer) or _EVENT_POINTER.match(pointer)
            if m:
                rows.append(RowError(int(m.group(1)), (m.group(2) or "").strip("/"), str(e.get("detail") or "")))
        if rows and len(rows) == len(errs):
            return RejectedRowsError(rows, detail, status=status)
    return ClientError(tr("Klaviyo answered HTTP {status}: {detail}").format(status=status, detail=detail),
                       status=status)


def _date_value(v: Any) -> Any:
    # Catalog dates are ISO dates; Klaviyo recognises ISO 8601 datetimes as Date properties.
    return f"{v}T00:00:00+00:00" if isinstance(v, str) and len(v) == 10 else v


class KlaviyoDestination(DestinationBase):
    platform = name = KLAVIYO.id  # name: bound to the account by bind()
    label = KLAVIYO.label
    supports_events = True
    profile_page = MAX_BULK_PROFILES
    max_jobs_in_flight = 3

    def __init__(self, api_key: str, base_url: str = BASE_URL, *, cancel: CancelToken | None = None,
                 retry: RetryPolicy | None = None, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url
        self.http = HttpClient(
            base_url,
            headers={"Authorization": f"Klaviyo-API-Key {api_key}", "revision": REVISION,
                     "Accept": "application/vnd.api+json", "Content-Type": "application/vnd.api+json"},
            limits=LIMITS, error_mapper=map_error, cancel=cancel, retry=retry, transport=transport)

    def close(self) -> None:
        self.http.close()

    # -- verify -------------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        # Offline fails fast: when no connection can be opened at all (no network, no DNS), one retry,
        # not the sync's patient backoff; a flaky line (a dropped answer, a 5xx) gets the usual patience.
        patient = self.http.retry
        self.http.retry = replace(patient, max_attempts=min(patient.max_attempts, 2))
        try:
            resp = self.http.request("accounts", "GET", "/api/accounts")
        except NetworkError as exc:
            if exc.message == "ConnectError":
                raise
            self.http.retry = patient
            resp = self.http.request("accounts", "GET", "/api/accounts")
        finally:
            self.http.retry = patient
        data = resp.json()["data"][0]
        attrs = data["attributes"]
        org = (attrs.get("contact_information") or {}).get("organization_name") or data["id"]
        return AccountInfo(org, data["id"], bool(attrs.get("test_account")))

    def verify_scopes(self) -> tuple[str, ...]:
        """Check every scope the sync and the kit need, writing nothing (scopes.py). A missing sync
        scope raises MissingScopeError naming every missing one, the kit's included (a key's scopes
        cannot be edited: the merchant makes one new key); missing kit scopes alone are returned."""
        from loyalty_desktop.destinations.klaviyo.scopes import missing_scopes

        missing = missing_scopes(self.http, [*REQUIRED_SCOPES, *KIT_SCOPES])
        if set(missing) & set(REQUIRED_SCOPES):
            raise MissingScopeError(missing, "the key lacks scopes the sync needs: " + ", ".join(missing))
        return tuple(missing)

    def after_sync(self, store: Store, mapping: Mapping) -> list[str]:
        """Make the kit's flows that waited for a metric this sync created (kit/pending.py)."""
        from loyalty_desktop.destinations.klaviyo.kit.model import ItemStatus
        from loyalty_desktop.destinations.klaviyo.kit.pending import finish_pending

        report = finish_pending(self, store, mapping, self.http.cancel)
        if report is None:
            return []
        made = [r.item.name for r in report.with_status(ItemStatus.CREATED)]
        return [tr("Loyalty kit: {count} flow(s) that waited for their first event were created as drafts: {flows}")
                .format(count=len(made), flows=", ".join(made))] if made else []

    # -- encoding -----------------------------------------------------------------------------

    def profile_encoder(self, mapping: Mapping) -> Callable[[dict[str, Any]], str]:
        """Compile the mapping once; the returned function turns a member (catalog keys) into the
        profile payload: identity fields as attributes, the rest as properties, ints as JSON
        numbers, dates as ISO 8601, and empty values unset so a cleared tier does not linger. A field
        the member lacks (its source does not provide it) is not in the payload: Klaviyo keeps it."""
        plan = [(f.source, f.target, f.target in KLAVIYO_ATTRIBUTES,
                 CATALOG_BY_KEY[f.source].type is FieldType.DATE) for f in mapping.enabled]

        def encode(member: dict[str, Any]) -> str:
            attributes: dict[str, Any] = {}
            properties: dict[str, Any] = {}
            unset: list[str] = []
            for source, target, is_attribute, is_date in plan:
                if source not in member:
                    continue
                value = member[source]
                if is_date and value is not None:
                    value = _date_value(value)
                if is_attribute:
                    if value is not None:
                        attributes[target] = value
                elif value is None or value == "":
                    unset.append(target)
                else:
                    properties[target] = value
            if properties:
                attributes["properties"] = properties
            payload: dict[str, Any] = {"attributes": attributes}
            if unset:
                payload["meta"] = {"patch_properties": {"unset": sorted(unset)}}
            return dumps(payload)

        return encode

    def encode_event(self, event: LoyaltyEvent) -> str:
        attrs: dict[str, Any] = {
            "properties": event.properties,
            "time": event.time.isoformat(),
            "unique_id": event.unique_id,
            "metric": {"data": {"type": "metric", "attributes": {"name": event.metric.value}}},
        }
        if event.backfill:
            attrs["backfill"] = True
        return dumps({"email": event.email, "event": {"type": "event", "attributes": attrs}})

    # -- profiles -----------------------------------------------------------------------------

    def send_profiles(self, rows: Sequence[OutboxRow]) -> SendResult:
        if len(rows) < SMALL_BATCH:
            return SendResult(outcomes=[self._import_one(r) for r in rows])
        result = SendResult()
        for chunk in _chunks(rows, MAX_BULK_PROFILES, lambda r: len(r.payload.encode()) + 20):
            self._bulk_import(list(chunk), result)
        return result

    def _import_one(self, row: OutboxRow) -> RowOutcome:
        body = '{"data":{"type":"profile",' + row.payload[1:] + "}"
        try:
            self.http.request("profile-import", "POST", "/api/profile-import", content=body.encode())
        except RejectedRowsError as exc:
            return RowOutcome(row, False, exc.rows[0].field if exc.rows else "", exc.message)
        except ClientError as exc:
            if exc.status in (400, 404, 409):  # invalid value, or identifiers spanning two profiles
                return RowOutcome(row, False, "", exc.message)
            raise
        return RowOutcome(row, True)

    def _bulk_import(self, rows: list[OutboxRow], result: SendResult) -> None:
        # Validation is all-or-nothing: drop the rows Klaviyo points at and send the rest again.
        for _ in range(5):
            if not rows:
                return
            body = _joined_body('{"data":{"type":"profile-bulk-import-job","attributes":{"profiles":{"data":[',
                                ['{"type":"profile",' + r.payload[1:] for r in rows], "]}}}}")
            try:
                resp = self.http.request("bulk-import", "POST", "/api/profile-bulk-import-jobs", content=body)
            except RejectedRowsError as exc:
                bad = {e.index: e for e in exc.rows if e.index < len(rows)}
                if not bad:
                    raise
                result.outcomes.extend(RowOutcome(rows[i], False, e.field, e.detail) for i, e in bad.items())
                rows = [r for i, r in enumerate(rows) if i not in bad]
                continue
            result.jobs.append(Submitted(resp.json()["data"]["id"], rows))
            return
        raise ClientError(tr("Klaviyo kept rejecting rows of the same batch"))

    def poll(self, job: Submitted) -> list[RowOutcome] | None:
        try:
            resp = self.http.request("bulk-import-job", "GET", f"/api/profile-bulk-import-jobs/{job.job}")
        except ClientError as exc:
            if exc.status == 404:
                raise JobLostError(job.job) from None
            raise
        attrs = resp.json()["data"]["attributes"]
        status = attrs["status"]
        if status == "cancelled":
            raise JobLostError(job.job)
        if status != "complete":
            return None
        failures: dict[str, str] = {}
        if attrs.get("failed_count"):
            failures = self._import_errors(job.job)
        outcomes = []
        for row in job.rows:
            reason = failures.get(row.key)
            outcomes.append(RowOutcome(row, reason is None, "", reason or ""))
        return outcomes

    def _import_errors(self, job_id: str) -> dict[str, str]:
        failures: dict[str, str] = {}
        url: str | None = f"/api/profile-bulk-import-jobs/{job_id}/import-errors?page%5Bsize%5D=100"
        while url:
            body = self.http.request("bulk-import-errors", "GET", url).json()
            for item in body.get("data", []):
                a = item.get("attributes", {})
                original = a.get("original_payload") or {}
                email = str((original.get("attributes") or original).get("email") or "").lower()
                if email:
                    failures[email] = str(a.get("detail") or a.get("title") or "import error")
            url = (body.get("links") or {}).get("next")
        return failures

    # -- events -------------------------------------------------------------------------------

    def send_events(self, rows: Sequence[OutboxRow]) -> list[RowOutcome]:
        outcomes: list[RowOutcome] = []
        for chunk in _chunks(rows, MAX_BULK_EVENTS, lambda r: len(r.payload.encode()) + 120):
            outcomes.extend(self._bulk_events(list(chunk)))
        return outcomes

    def _bulk_events(self, rows: list[OutboxRow]) -> list[RowOutcome]:
        outcomes: list[RowOutcome] = []
        for _ in range(5):
            if not rows:
                return outcomes
            groups: dict[str, list[tuple[OutboxRow, Any]]] = {}
            for r in rows:
                d = json.loads(r.payload)
                groups.setdefault(d["email"], []).append((r, d["event"]))
            entries = [{"type": "event-bulk-create", "attributes": {
                "profile": {"data": {"type": "profile", "attributes": {"email": email}}},
                "events": {"data": [ev for _, ev in evs]}}} for email, evs in groups.items()]
            body = {"data": {"type": "event-bulk-create-job", "attributes": {"events-bulk-create": {"data": entries}}}}
            try:
                self.http.request("event-bulk", "POST", "/api/event-bulk-create-jobs", content=dumps(body).encode())
            except RejectedRowsError as exc:
                by_group = list(groups.values())
                bad = {e.index: e for e in exc.rows if e.index < len(by_group)}
                if not bad:
                    raise
                for i, e in bad.items():
                    outcomes.extend(RowOutcome(r, False, e.field, e.detail) for r, _ in by_group[i])
                rows = [r for i, evs in enumerate(by_group) if i not in bad for r, _ in evs]
                continue
            outcomes.extend(RowOutcome(r, True) for r in rows)
            return outcomes
        raise ClientError(tr("Klaviyo kept rejecting events of the same batch"))


def _joined_body(head: str, items: Sequence[str], tail: str, piece: int = 500) -> bytes:
    """head + items separated by commas + tail, as UTF-8, joined and encoded a few hundred items at
    a time. Joining, concatenating and encoding a 5 MB body whole are three C calls of 5–15 ms each
    that hold the GIL (longer when the OS preempts the thread meanwhile), which the GUI thread feels
    as a freeze while a sync runs; the Python loop between pieces lets it in. Same bytes, same cost."""
    parts = [head.encode()]
    for i in range(0, len(items), piece):
        parts.append((("," if i else "") + ",".join(items[i:i + piece])).encode())
    parts.append(tail.encode())
    return b"".join(parts)


def _chunks(rows: Sequence[OutboxRow], max_rows: int, size: Any) -> list[list[OutboxRow]]:
    """Split into requests within both the row cap and the byte cap."""
    out: list[list[OutboxRow]] = []
    cur: list[OutboxRow] = []
    cur_bytes = 0
    for r in rows:
        n = size(r)
        if cur and (len(cur) >= max_rows or cur_bytes + n > MAX_BYTES):
            out.append(cur)
            cur, cur_bytes = [], 0
        cur.append(r)
        cur_bytes += n
    if cur:
        out.append(cur)
    return out
