"""In-memory account state of the Klaviyo sandbox: profiles, events, metrics, lists, import jobs.

All methods expect the caller to hold :attr:`SandboxState.lock` (an ``RLock``).

**Bulk-import processing-time failures.** Rows of a profile bulk import are validated
synchronously (bad email, bad phone with no other identifier, wrong types -> 400 for the whole
request). Checks that depend on the account's data run only when the job is processed, and a row
failing them becomes an ``import-error`` (the job still completes; ``failed_count`` counts them):

* the row would create a **new profile identified only by a phone number** while the account has
  no SMS set up (:attr:`SandboxState.sms_enabled` is ``False`` by default). Klaviyo documents that
  a phone-only profile needs SMS to be configured, otherwise another identifier (email or
  external_id) is required. A phone-only row that matches an existing profile still updates it;
* the row's ``id`` names no existing profile (Klaviyo: "A profile with id X does not exist."), or
  an identifier sent with an ``id`` belongs to a different profile;
* the row's email and phone number belong to two different existing profiles (``duplicate_profile``).

The same rules make ``POST /api/profile-import`` answer 400/404/409 synchronously.
"""

from __future__ import annotations

import copy
import heapq
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from loyalty_emulators.klaviyo.common import ApiError, UlidGenerator, short_id
from loyalty_emulators.klaviyo.validate import MISSING, EventInput, ProfileInput

_INDEXED = frozenset({"email", "phone_number", "external_id", "kx"})
TEST_DOMAINS = ("example.com", "test.com")


@dataclass
class SandboxProfile:
    id: str
    email: str | None = None
    phone_number: str | None = None
    external_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    created: datetime | None = None
    updated: datetime | None = None
    organization: str | None = None
    locale: str | None = None
    title: str | None = None
    image: str | None = None
    location: dict[str, Any] = field(default_factory=dict)
    last_event_date: datetime | None = None
    kx: str | None = None
    anonymous_id: str | None = None


@dataclass
class SandboxEvent:
    id: str
    profile_id: str
    email: str | None
    metric_name: str
    unique_id: str | None
    time: datetime
    properties: dict[str, Any]
    backfill: bool = False
    metric_id: str = ""
    value: float | int | None = None
    value_currency: str | None = None
    uuid: str = ""
    received: datetime | None = None


@dataclass
class SandboxMetric:
    id: str
    name: str
    created: datetime
    updated: datetime
    service: str = "api"


@dataclass
class SandboxList:
    id: str
    name: str
    created: datetime
    members: dict[str, None] = field(default_factory=dict)  # ordered set of profile ids


@dataclass
class ImportJob:
    id: str
    created_at: datetime
    processing_at: float  # monotonic
    due_at: float  # monotonic
    job_seconds: float
    total_count: int
    inputs: list[ProfileInput] | None
    list_ids: list[str]
    completed_count: int = 0
    failed_count: int = 0
    completed_at: datetime | None = None
    applied: bool = False
    profile_ids: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def status(self, mono_now: float) -> str:
        if self.applied:
            return "complete"
        return "processing" if mono_now >= self.processing_at else "queued"

    def started_at(self, mono_now: float) -> datetime | None:
        if self.applied or mono_now >= self.processing_at:
            return self.created_at + timedelta(seconds=self.job_seconds / 2)
        return None


def _duplicate(owner: str) -> ApiError:
    return ApiError(409, "duplicate_profile", "A profile already exists with one of these identifiers.",
                    pointer="/data/attributes", meta={"duplicate_profile_id": owner})


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


class SandboxState:
    def __init__(self, *, drop_test_domains: bool = True) -> None:
        self.lock = threading.RLock()
        self.ulid = UlidGenerator()
        self.drop_test_domains = drop_test_domains
        self.test_domains: tuple[str, ...] = TEST_DOMAINS
        self.sms_enabled = False
        self.profiles: dict[str, SandboxProfile] = {}
        self.order: list[str] = []  # profile ids, ascending (ULIDs are monotonic)
        self.by_email: dict[str, str] = {}
        self.by_phone: dict[str, str] = {}
        self.by_external: dict[str, list[str]] = {}
        self.by_kx: dict[str, str] = {}
        self.metrics: dict[str, SandboxMetric] = {}
        self.metric_by_name: dict[str, str] = {}
        self.events: list[SandboxEvent] = []
        self.events_by_id: dict[str, SandboxEvent] = {}
        self.event_keys: set[tuple] = set()
        self.event_drops: Counter[str] = Counter()
        self.jobs: dict[str, ImportJob] = {}
        self.job_queue: list[tuple[float, int, str]] = []  # heap of (due_at, seq, job id)
        self.lists: dict[str, SandboxList] = {}

    # ------------------------------------------------------------------ profiles

    def resolve(self, inp: ProfileInput, *, id_conflict_status: int = 404) -> SandboxProfile | None:
        """Find the profile a write addresses, or ``None`` for a new one; raises on conflicts."""
        email, phone = inp.email_key, inp.attrs.get("phone_number")
        if inp.id:
            p = self.profiles.get(inp.id)
            if p is None:
                raise ApiError(404, "not_found", f"A profile with id {inp.id} does not exist.", pointer="/data/id")
            for owner in (self.by_email.get(email) if email else None, self.by_phone.get(phone) if phone else None):
                if owner and owner != p.id:
                    if id_conflict_status == 409:
                        raise _duplicate(owner)
                    raise ApiError(404, "not_found", f"A profile with id {inp.id} does not exist.", pointer="/data/id")
            return p
        owner_e = self.by_email.get(email) if email else None
        owner_p = self.by_phone.get(phone) if phone else None
        if owner_e and owner_p and owner_e != owner_p:
            raise _duplicate(owner_p)
        owner = owner_e or owner_p
        if owner:
            return self.profiles[owner]
        if not email and not phone:
            ext = inp.attrs.get("external_id")
            if ext and self.by_external.get(ext):
                return self.profiles[self.by_external[ext][0]]
            kx = inp.attrs.get("_kx")
            if kx and kx in self.by_kx:
                return self.profiles[self.by_kx[kx]]
        return None

    def upsert(self, inp: ProfileInput, now: datetime, *, id_conflict_status: int = 404
               ) -> tuple[SandboxProfile, bool, bool]:
        """Create or update; returns ``(profile, created, changed)``."""
        p = self.resolve(inp, id_conflict_status=id_conflict_status)
        if p is not None:
            return p, False, self.apply(p, inp, now)
        a = inp.attrs
        if a.get("phone_number") and not (a.get("email") or a.get("external_id") or a.get("_kx")
                                           or a.get("anonymous_id")) and not self.sms_enabled:
            raise ApiError(400, "invalid", "Phone number is valid but SMS is not set up for this account; "
                           "an email or external_id is required to create this profile.",
                           pointer="/data/attributes/phone_number")
        return self.create(inp, now), True, True

    def create(self, inp: ProfileInput, now: datetime) -> SandboxProfile:
        p = SandboxProfile(id=self.ulid(), created=now, updated=now)
        self.profiles[p.id] = p
        self.order.append(p.id)
        self.apply(p, inp, now)
        p.updated = now
        return p

    def conflicting_owner(self, inp: ProfileInput) -> str | None:
        """Owner of the email or phone of a would-be new profile (POST /api/profiles)."""
        email, phone = inp.email_key, inp.attrs.get("phone_number")
        return (self.by_email.get(email) if email else None) or (self.by_phone.get(phone) if phone else None)

    def _set_identifier(self, p: SandboxProfile, attr: str, value: str | None) -> None:
        old = getattr(p, attr)
        if attr == "email":
            if old:
                self.by_email.pop(old.lower(), None)
            if value:
                self.by_email[value.lower()] = p.id
        elif attr == "phone_number":
            if old:
                self.by_phone.pop(old, None)
            if value:
                self.by_phone[value] = p.id
        elif attr == "external_id":
            if old and p.id in self.by_external.get(old, ()):
                self.by_external[old].remove(p.id)
                if not self.by_external[old]:
                    del self.by_external[old]
            if value:
                self.by_external.setdefault(value, []).append(p.id)
        elif attr == "kx":
            if old:
                self.by_kx.pop(old, None)
            if value:
                self.by_kx[value] = p.id
        setattr(p, attr, value)

    def apply(self, p: SandboxProfile, inp: ProfileInput, now: datetime) -> bool:
        changed = False
        for key, value in inp.attrs.items():
            attr = "kx" if key == "_kx" else key
            if getattr(p, attr) != value:
                if attr in _INDEXED:
                    self._set_identifier(p, attr, value)
                else:
                    setattr(p, attr, value)
                changed = True
        if inp.location is None and p.location:
            p.location, changed = {}, True
        elif isinstance(inp.location, dict):
            for k, v in inp.location.items():
                if v is None:
                    if k in p.location:
                        del p.location[k]
                        changed = True
                elif not _same(p.location.get(k), v):
                    p.location[k] = v
                    changed = True
        props = p.properties
        if inp.properties is None and props:
            p.properties, props, changed = {}, {}, True
        elif inp.properties is not MISSING and inp.properties:
            for k, v in inp.properties.items():
                if k not in props or not _same(props[k], v):
                    props[k] = copy.deepcopy(v) if isinstance(v, (dict, list)) else v
                    changed = True
        for k, v in inp.append.items():
            cur = props.get(k)
            lst = list(cur) if isinstance(cur, list) else ([] if cur is None else [cur])
            before = len(lst)
            for item in (v if isinstance(v, list) else [v]):
                if not any(_same(item, x) for x in lst):
                    lst.append(item)
            if len(lst) != before or not isinstance(cur, list):
                props[k] = lst
                changed = True
        for k, v in inp.unappend.items():
            cur = props.get(k)
            if isinstance(cur, list):
                drop = v if isinstance(v, list) else [v]
                kept = [x for x in cur if not any(_same(x, d) for d in drop)]
                if len(kept) != len(cur):
                    props[k] = kept
                    changed = True
        for k in inp.unset:
            if k in props:
                del props[k]
                changed = True
        if changed:
            p.updated = now
        return changed

    # ------------------------------------------------------------------ events

    def metric_for(self, name: str, now: datetime, service: str | None = None) -> SandboxMetric:
        mid = self.metric_by_name.get(name)
        if mid is None:
            mid = short_id()
            while mid in self.metrics:
                mid = short_id()
            self.metrics[mid] = SandboxMetric(mid, name, now, now, service or "api")
            self.metric_by_name[name] = mid
        return self.metrics[mid]

    def is_test_address(self, inp: ProfileInput) -> bool:
        email = inp.attrs.get("email")
        if not email and inp.id and inp.id in self.profiles:
            email = self.profiles[inp.id].email
        if not email:
            return False
        domain = email.rsplit("@", 1)[-1].lower()
        return any(domain == d or domain.endswith("." + d) for d in self.test_domains)

    def record_event(self, pinp: ProfileInput, ev: EventInput, received: datetime,
                     backfill_default: bool | None = None) -> str:
        """Process one accepted event; returns ``'recorded'`` or the reason it was dropped."""
        if self.drop_test_domains and self.is_test_address(pinp):
            reason = "test_domain"
        else:
            try:
                p, _, _ = self.upsert(pinp, received)
            except ApiError:
                reason = "profile_error"
            else:
                metric = self.metric_for(ev.metric_name, received, ev.service)
                when = ev.time or received.replace(microsecond=0)
                key = (p.id, metric.id, ("u", ev.unique_id) if ev.unique_id else ("t", int(when.timestamp())))
                if key in self.event_keys:
                    reason = "duplicate"
                else:
                    self.event_keys.add(key)
                    backfill = ev.backfill if ev.backfill is not None else bool(backfill_default)
                    e = SandboxEvent(id=self.ulid(), profile_id=p.id, email=p.email, metric_name=metric.name,
                                     unique_id=ev.unique_id, time=when, properties=ev.properties,
                                     backfill=backfill, metric_id=metric.id, value=ev.value,
                                     value_currency=ev.value_currency, uuid=str(uuid.uuid4()), received=received)
                    self.events.append(e)
                    self.events_by_id[e.id] = e
                    if p.last_event_date is None or when > p.last_event_date:
                        p.last_event_date = when
                        p.updated = received
                    return "recorded"
        self.event_drops[reason] += 1
        return reason

    # ------------------------------------------------------------------ import jobs

    def create_job(self, inputs: list[ProfileInput], list_ids: list[str], now: datetime,
                   mono: float, job_seconds: float) -> ImportJob:
        job = ImportJob(id=self.ulid(), created_at=now, processing_at=mono + job_seconds / 2,
                        due_at=mono + job_seconds, job_seconds=job_seconds, total_count=len(inputs),
                        inputs=inputs, list_ids=list_ids)
        self.jobs[job.id] = job
        heapq.heappush(self.job_queue, (job.due_at, len(self.jobs), job.id))
        return job

    def next_job_due(self) -> float | None:
        return self.job_queue[0][0] if self.job_queue else None

    def advance_jobs(self, mono: float, now: datetime) -> None:
        while self.job_queue and self.job_queue[0][0] <= mono:
            self.apply_job(self.jobs[heapq.heappop(self.job_queue)[2]], now)

    def apply_job(self, job: ImportJob, now: datetime) -> None:
        for i, inp in enumerate(job.inputs or ()):
            try:
                p, _, _ = self.upsert(inp, now)
            except ApiError as exc:
                job.failed_count += 1
                item = exc.errors[0]
                pointer = item["source"].get("pointer", "/data")
                job.errors.append({"type": "import-error", "id": str(uuid.uuid4()), "attributes": {
                    "code": item["code"], "title": item["title"], "detail": item["detail"],
                    "source": {"pointer": f"/data/attributes/profiles/data/{i}" + pointer[len("/data"):]},
                    "original_payload": inp.raw}})
                continue
            job.completed_count += 1
            job.profile_ids.append(p.id)
            for lid in job.list_ids:
                if lid in self.lists:
                    self.lists[lid].members[p.id] = None
        job.inputs = None
        job.applied = True
        job.completed_at = now
