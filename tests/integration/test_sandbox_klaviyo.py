"""The Klaviyo sandbox over real HTTP (httpx), checked against Klaviyo's OpenAPI.

Every response received through the ``api``/``client_for`` clients is validated against the
spec's declared response schema (see tests/klaviyo_spec.py) by an httpx response hook.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import socket
import ssl
import threading
import time
from collections import deque
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from helpers import klaviyo_spec
from loyalty_desktop.core import clock
from loyalty_emulators import DEMO_KEY as PKG_DEMO_KEY
from loyalty_emulators.base.limits import FixedWindowLimiter
from loyalty_emulators.klaviyo.common import OPERATIONS
from loyalty_emulators.klaviyo.server import DEMO_KEY, Faults, KlaviyoSandbox
from loyalty_emulators.klaviyo.validate import ProfileInput

REVISION = "2026-07-15"
SPEC = klaviyo_spec.spec_available()
SPEC_SKIP = f"Klaviyo OpenAPI spec not found at {klaviyo_spec.SPEC_PATH}; spec validation skipped"
SPEC_PATHS = re.compile(r"^/api/(accounts|profiles|profile-import|profile-bulk-import-jobs|events|"
                        r"event-bulk-create-jobs|metrics)(/|$)")


def headers(key: str = DEMO_KEY, **extra: str) -> dict[str, str]:
    h = {"Authorization": f"Klaviyo-API-Key {key}", "revision": REVISION,
         "accept": "application/vnd.api+json", "content-type": "application/vnd.api+json"}
    h.update(extra)
    return h


def _validate_hook(response: httpx.Response) -> None:
    response.read()
    req = response.request
    if not SPEC or not SPEC_PATHS.match(req.url.path) or (response.status_code in (404, 405) and \
            response.json()["errors"][0]["detail"].startswith(("No resource", "Method"))):
        return  # routes the spec does not declare cannot be validated against it
    try:
        sent = req.content
    except httpx.RequestNotRead:  # streamed (chunked) upload: the body is not kept
        sent = None
    klaviyo_spec.validate_response(req.method, str(req.url), dict(req.headers), sent,
                                   response.status_code, response.headers, response.content)


@functools.lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    return ssl.create_default_context()  # unused (plain http), but building one per client is slow


def make_client(sb: KlaviyoSandbox, key: str = DEMO_KEY, **kw) -> httpx.Client:
    assert sb.base_url is not None  # started
    return httpx.Client(base_url=sb.base_url, headers=headers(key), timeout=10, verify=_tls(),
                        event_hooks={"response": [_validate_hook]}, **kw)


@pytest.fixture
def sb():
    with KlaviyoSandbox(job_seconds=0.2) as sandbox:
        yield sandbox
    assert not sandbox.internal_errors, sandbox.internal_errors[0]


@pytest.fixture
def api(sb):
    with make_client(sb) as client:
        yield client


def profile_doc(**attrs) -> dict:
    meta = attrs.pop("meta", None)
    pid = attrs.pop("id", None)
    data = {"type": "profile", "attributes": attrs}
    if pid:
        data["id"] = pid
    if meta:
        data["meta"] = meta
    return {"data": data}


def bulk_doc(rows: list[dict], list_ids: tuple[str, ...] = ()) -> dict:
    data = {"type": "profile-bulk-import-job", "attributes": {"profiles": {"data": [
        {"type": "profile", "attributes": r} for r in rows]}}}
    if list_ids:
        data["relationships"] = {"lists": {"data": [{"type": "list", "id": i} for i in list_ids]}}
    return {"data": data}


def event_doc(email: str, metric: str = "Points Earned", props: dict | None = None, **attrs) -> dict:
    profile = attrs.pop("profile", None) or {"email": email}
    return {"data": {"type": "event", "attributes": {
        "properties": props if props is not None else {"points": 10},
        "metric": {"data": {"type": "metric", "attributes": {"name": metric}}},
        "profile": {"data": {"type": "profile", "attributes": profile}}, **attrs}}}


def bulk_events_doc(entries: list[tuple[dict, list[dict]]], **entry_attrs) -> dict:
    """entries: (profile attributes [+ '_meta'], [event attributes incl. 'metric' name])."""
    data = []
    for prof, events in entries:
        prof = dict(prof)
        meta = prof.pop("_meta", None)
        pdata = {"type": "profile", "attributes": prof}
        if meta:
            pdata["meta"] = meta
        evs = []
        for e in events:
            e = dict(e)
            name = e.pop("metric", "Points Earned")
            e.setdefault("properties", {"points": 1})
            e["metric"] = {"data": {"type": "metric", "attributes": {"name": name}}}
            evs.append({"type": "event", "attributes": e})
        data.append({"type": "event-bulk-create", "attributes": {
            "profile": {"data": pdata}, "events": {"data": evs}, **entry_attrs}})
    return {"data": {"type": "event-bulk-create-job", "attributes": {"events-bulk-create": {"data": data}}}}


def errors(resp: httpx.Response) -> list[dict]:
    return resp.json()["errors"]


def wait_for(predicate, timeout: float = 3.0, step: float = 0.02):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


def wait_job(api: httpx.Client, job_id: str, timeout: float = 3.0) -> dict:
    def done():
        attrs = api.get(f"/api/profile-bulk-import-jobs/{job_id}").json()["data"]["attributes"]
        return attrs if attrs["status"] == "complete" else None
    attrs = wait_for(done, timeout, 0.12)  # the job endpoints allow 10 requests/s
    assert attrs, "job did not complete"
    return attrs


# --------------------------------------------------------------------------- server & API surface


def test_start_stop_binds_loopback_and_context_manager():
    sandbox = KlaviyoSandbox()
    url = sandbox.start(port=0)
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url) and sandbox.base_url == url
        port = int(url.rsplit(":", 1)[1])
        with make_client(sandbox) as c:
            assert c.get("/api/accounts").status_code == 200
    finally:
        sandbox.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
    with KlaviyoSandbox() as sb2, httpx.Client(headers=headers(), verify=_tls()) as c:
        assert c.get(f"{sb2.base_url}/api/accounts/").status_code == 200


def test_demo_key_format_and_package_exports():
    assert re.fullmatch(r"pk_[A-Za-z0-9]{34}", DEMO_KEY) and PKG_DEMO_KEY == DEMO_KEY
    assert Faults().rate_429 == 0.0


def test_accounts_shows_configured_organization(sb, api):
    sb.organization_name = "Maison Test"
    sb.test_account = False
    r = api.get("/api/accounts")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/vnd.api+json"
    acct = r.json()["data"][0]
    assert acct["type"] == "account"
    assert acct["attributes"]["contact_information"]["organization_name"] == "Maison Test"
    assert acct["attributes"]["test_account"] is False


@pytest.mark.skipif(not SPEC, reason=SPEC_SKIP)
def test_operation_table_matches_spec_scopes_and_rate_limits():
    spec = json.loads(klaviyo_spec.SPEC_PATH.read_text())
    seen = {}
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") in OPERATIONS:
                seen[op["operationId"]] = op
    assert set(seen) == set(OPERATIONS)
    for op_id, op in seen.items():
        mine = OPERATIONS[op_id]
        rl = op["x-klaviyo-ratelimit"]
        assert (f"{mine.burst}/s", f"{mine.steady}/m") == (rl["burst"], rl["steady"]), op_id
        assert mine.daily == (int(rl["daily"].split("/")[0]) if "daily" in rl else None), op_id
        assert sorted(mine.scopes) == sorted(op["x-klaviyo-scopes"]), op_id


# --------------------------------------------------------------------------- auth, revision, content


def test_auth_errors(sb):
    with httpx.Client(base_url=sb.base_url, verify=_tls(), event_hooks={"response": [_validate_hook]}) as c:
        r = c.get("/api/accounts", headers={"revision": REVISION})
        assert r.status_code == 401 and errors(r)[0]["code"] == "not_authenticated"
        r = c.get("/api/accounts", headers={"revision": REVISION, "Authorization": f"Bearer {DEMO_KEY}"})
        assert r.status_code == 401 and errors(r)[0]["code"] == "not_authenticated"
        r = c.get("/api/accounts", headers=headers("pk_" + "x" * 34))
        assert r.status_code == 401 and errors(r)[0]["code"] == "authentication_failed"
        err = errors(r)[0]
        assert set(err) >= {"id", "status", "code", "title", "detail", "source", "links", "meta"}
        assert err["status"] == 401
        key = sb.add_key()
        assert re.fullmatch(r"pk_[A-Za-z0-9]{34}", key) and key != DEMO_KEY
        assert c.get("/api/accounts", headers=headers(key)).status_code == 200
        sb.revoke_key(key)
        r = c.get("/api/profiles", headers=headers(key))
        assert r.status_code == 401 and errors(r)[0]["code"] == "authentication_failed"


def test_scopes_enforced_with_missing_scopes_named(sb):
    read_only = sb.add_key({"profiles:read"})
    with make_client(sb, read_only) as c:
        assert c.get("/api/profiles").status_code == 200
        r = c.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": "a@shop.fr"}]))
        assert r.status_code == 403 and errors(r)[0]["code"] == "permission_denied"
        assert "lists:write" in errors(r)[0]["detail"] and "profiles:write" in errors(r)[0]["detail"]
        r = c.get("/api/accounts")
        assert r.status_code == 403 and "accounts:read" in errors(r)[0]["detail"]
    writer = sb.add_key({"profiles:write"})
    with make_client(sb, writer) as c:
        r = c.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": "a@shop.fr"}]))
        assert r.status_code == 403
        assert "lists:write" in errors(r)[0]["detail"] and "profiles:write" not in errors(r)[0]["detail"]
        assert c.get("/api/profiles").status_code == 200  # write implies read, as "Full Access" keys
        assert c.post("/api/events", json=event_doc("a@shop.fr")).status_code == 403
    assert sb.profiles() == [] and sb.events() == []


def test_revision_header_rules(api):
    r = api.get("/api/accounts", headers={"revision": ""})
    assert r.status_code == 400 and errors(r)[0]["source"] == {"parameter": "revision"}
    h = dict(api.headers)
    del h["revision"]
    r = httpx.get(f"{api.base_url}/api/accounts", headers=h, verify=_tls())
    _validate_hook(r)
    assert r.status_code == 400 and errors(r)[0]["code"] == "invalid"
    assert errors(r)[0]["source"]["parameter"] == "revision"
    for bad in ("2026-7-15", "latest", "2026-02-30", "2026-07-15.beta"):
        assert api.get("/api/profiles", headers={"revision": bad}).status_code == 400, bad
    for good in ("2024-10-15", "2026-07-15.pre", "2025-04-15"):
        assert api.get("/api/profiles", headers={"revision": good}).status_code == 200, good
    r = api.get("/api/profiles", headers={"revision": "2021-01-01"})
    assert r.status_code == 404 and "No valid revisions" in errors(r)[0]["detail"]


def test_content_types_trailing_slash_and_encoding(sb, api):
    doc = profile_doc(email="ct@shop.fr")
    r = api.post("/api/profile-import", content=json.dumps(doc), headers={"content-type": "text/plain"})
    assert r.status_code == 415
    r = api.post("/api/profile-import", content=json.dumps(doc),
                 headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415
    assert sb.profiles() == []
    r = api.post("/api/profile-import/", content=json.dumps(doc), headers={"content-type": "application/json"})
    assert r.status_code == 201
    r = api.post("/api/profile-import", content=gzip.compress(json.dumps(profile_doc(email="gz@shop.fr")).encode()),
                 headers={"content-encoding": "gzip"})
    assert r.status_code == 201
    r = api.post("/api/profile-import", content=b"xx", headers={"content-encoding": "br"})
    assert r.status_code == 415
    r = api.post("/api/profile-import", content=iter([json.dumps(profile_doc(email="chunked@shop.fr")).encode()]))
    assert r.status_code == 201 and r.request.headers["transfer-encoding"] == "chunked"
    assert api.get("/api/profiles/").status_code == 200
    assert {p.email for p in sb.profiles()} == {"ct@shop.fr", "gz@shop.fr", "chunked@shop.fr"}
    r = api.post("/api/profile-import", content=b"{not json")
    assert r.status_code == 400 and errors(r)[0]["code"] == "invalid"
    r = api.get("/api/nope")
    assert r.status_code == 404
    r = api.delete("/api/profiles")
    assert r.status_code == 405


def test_payload_caps(sb, api):
    big = {"k": "x" * (100 * 1024)}
    r = api.post("/api/profile-import", json=profile_doc(email="big@shop.fr", properties=big))
    assert r.status_code == 413
    rows = [{"email": f"m{i}@shop.fr", "properties": {"blob": "y" * 60_000}} for i in range(90)]
    r = api.post("/api/profile-bulk-import-jobs", json=bulk_doc(rows))
    assert r.status_code == 413
    r = api.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": "one@shop.fr", "properties": {
        "blob": "z" * (101 * 1024)}}]))
    assert r.status_code == 400
    assert errors(r)[0]["source"]["pointer"] == "/data/attributes/profiles/data/0"
    time.sleep(0.3)
    assert sb.profiles() == []


# --------------------------------------------------------------------------- rate limits


def test_rate_limit_headers_and_429(sb, api):
    r = api.get("/api/accounts")
    assert r.status_code == 200
    assert (r.headers["RateLimit-Limit"], r.headers["RateLimit-Remaining"]) == ("15", "14")
    assert 0 < int(r.headers["RateLimit-Reset"]) <= 60
    r = api.get("/api/accounts")
    assert r.status_code == 429
    assert errors(r)[0]["code"] == "throttled" and errors(r)[0]["status"] == 429
    assert int(r.headers["Retry-After"]) >= 1
    assert not any(h.lower().startswith("ratelimit-") for h in r.headers)
    assert sb.throttled_count == 1
    # per key and per operation
    other = sb.add_key()
    with make_client(sb, other) as c:
        assert c.get("/api/accounts").status_code == 200
    assert api.get("/api/profiles").status_code == 200


def test_paced_client_never_throttled_hammering_client_is(sb, api):
    job = api.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": "p@shop.fr"}])).json()["data"]["id"]
    url = f"/api/profile-bulk-import-jobs/{job}"  # 10/s burst, 150/m steady (one already used by nothing)
    sent: deque[float] = deque()
    statuses = []
    for _ in range(25):  # a client keeping <= 10 requests in any 1 s span
        if len(sent) == 10:
            wait = 1.0 - (time.monotonic() - sent[0])
            if wait > 0:
                time.sleep(wait)
            sent.popleft()
        sent.append(time.monotonic())
        statuses.append(api.get(url).status_code)
    assert statuses == [200] * 25 and sb.throttled_count == 0
    remaining = int(api.get(url).headers["RateLimit-Remaining"])
    assert remaining == 150 - 26
    burst = [api.get("/api/profile-bulk-import-jobs").status_code for _ in range(15)]
    assert burst.count(429) >= 5 and burst[:10] == [200] * 10
    assert sb.throttled_count == burst.count(429)


def test_fixed_window_limiter_steady_window_with_fake_clock():
    now = [1000.0]
    lim = FixedWindowLimiter(clock=lambda: now[0])
    limits = [(10, 1.0), (150, 60.0)]
    allowed = 0
    for second in range(16):
        now[0] = 1000.0 + second
        for _ in range(10):
            d = lim.hit("k", limits)
            allowed += d.allowed
    assert allowed == 150  # 15 s x 10/s, then the minute is spent
    d = lim.hit("k", limits)
    assert not d.allowed and 44 <= d.retry_after_s <= 46
    now[0] = 1060.0
    assert lim.hit("k", limits).allowed
    assert lim.hit("other", limits).allowed


# --------------------------------------------------------------------------- profiles


def test_profile_import_create_update_and_merge_semantics(sb, api):
    r = api.post("/api/profile-import", json=profile_doc(
        email="Sarah.Mason@Shop.fr", first_name="Sarah", last_name="Mason", external_id="LOY-1",
        phone_number="+33612345678", properties={"loyalty_points": 100, "loyalty_tier": "Silver", "tags": ["a"]}))
    assert r.status_code == 201
    pid = r.json()["data"]["id"]
    p0 = sb.profile_by_email("sarah.mason@shop.fr")
    assert p0.id == pid and p0.email == "sarah.mason@shop.fr" and p0.phone_number == "+33612345678"
    # no-op write: 200, `updated` untouched
    time.sleep(0.01)
    r = api.post("/api/profile-import",
                 json=profile_doc(email="sarah.mason@shop.fr", properties={"loyalty_points": 100}))
    assert r.status_code == 200 and r.json()["data"]["id"] == pid
    assert sb.profile_by_email("sarah.mason@shop.fr").updated == p0.updated
    # merge per key, null clears, omitted unchanged, patch_properties
    r = api.post("/api/profile-import", json=profile_doc(
        email="sarah.mason@shop.fr", last_name=None, properties={"loyalty_points": 250, "new_key": True},
        meta={"patch_properties": {"append": {"tags": ["b", "a"]}, "unset": ["loyalty_tier"]}}))
    assert r.status_code == 200
    p1 = sb.profile_by_email("sarah.mason@shop.fr")
    assert p1.first_name == "Sarah" and p1.last_name is None and p1.external_id == "LOY-1"
    assert p1.properties == {"loyalty_points": 250, "new_key": True, "tags": ["a", "b"]}
    assert p1.updated > p0.updated and p1.created == p0.created
    api.post("/api/profile-import", json=profile_doc(
        email="sarah.mason@shop.fr", meta={"patch_properties": {"unappend": {"tags": "a"}, "unset": "new_key"}}))
    assert sb.profile_by_email("sarah.mason@shop.fr").properties == {"loyalty_points": 250, "tags": ["b"]}
    attrs = api.get(f"/api/profiles/{pid}").json()["data"]["attributes"]
    assert attrs["properties"] == {"loyalty_points": 250, "tags": ["b"]} and attrs["last_name"] is None
    # identify by id
    r = api.post("/api/profile-import", json=profile_doc(id=pid, first_name="Sara"))
    assert r.status_code == 200 and sb.profile_by_email("sarah.mason@shop.fr").first_name == "Sara"
    assert len(sb.profiles()) == 1


def test_profile_identity_rules(sb, api):
    a = api.post("/api/profile-import", json=profile_doc(email="a@shop.fr", external_id="X1")).json()["data"]["id"]
    b = api.post("/api/profile-import",
                 json=profile_doc(email="b@shop.fr", phone_number="+15005550006")).json()["data"]["id"]
    # external_id is not unique: another email with the same external_id is another profile
    r = api.post("/api/profile-import", json=profile_doc(email="c@shop.fr", external_id="X1"))
    assert r.status_code == 201
    # phone is unique: matches b
    r = api.post("/api/profile-import", json=profile_doc(phone_number="+1 500 555 0006", first_name="Bee"))
    assert r.status_code == 200 and r.json()["data"]["id"] == b
    # email of a + phone of b -> 409 duplicate_profile
    r = api.post("/api/profile-import", json=profile_doc(email="a@shop.fr", phone_number="+15005550006"))
    assert r.status_code == 409
    err = errors(r)[0]
    assert err["code"] == "duplicate_profile" and err["meta"]["duplicate_profile_id"] in (a, b)
    # POST /api/profiles with an existing email -> 409 with the owner's id
    r = api.post("/api/profiles", json=profile_doc(email="A@shop.fr"))
    assert r.status_code == 409 and errors(r)[0]["meta"]["duplicate_profile_id"] == a
    assert api.post("/api/profiles", json=profile_doc(email="d@shop.fr")).status_code == 201
    # id that does not exist
    r = api.post("/api/profile-import", json=profile_doc(id="01AAAAAAAAAAAAAAAAAAAAAAAA", email="z@shop.fr"))
    assert r.status_code == 404 and errors(r)[0]["code"] == "not_found"
    # PATCH
    r = api.patch(f"/api/profiles/{a}", json=profile_doc(id=a, properties={"p": 1}))
    assert r.status_code == 200 and sb.profile_by_email("a@shop.fr").properties == {"p": 1}
    r = api.patch(f"/api/profiles/{a}", json=profile_doc(id=a, email="b@shop.fr"))
    assert r.status_code == 409 and errors(r)[0]["meta"]["duplicate_profile_id"] == b
    assert sorted(p.email for p in sb.profiles()) == ["a@shop.fr", "b@shop.fr", "c@shop.fr", "d@shop.fr"]


def test_profile_validation_errors(sb, api):
    r = api.post("/api/profile-import", json=profile_doc(email="not-an-email"))
    assert r.status_code == 400
    assert errors(r)[0]["source"]["pointer"] == "/data/attributes/email"
    r = api.post("/api/profile-import", json=profile_doc(first_name="NoId"))
    assert r.status_code == 400
    r = api.post("/api/profile-import", json=profile_doc(phone_number="12"))
    assert r.status_code == 400 and errors(r)[0]["source"]["pointer"] == "/data/attributes/phone_number"
    r = api.post("/api/profile-import", json={"data": {"type": "list", "attributes": {}}})
    assert r.status_code == 400
    r = api.post("/api/profile-import", json=profile_doc(email="ok@shop.fr", properties=[1]))
    assert r.status_code == 400 and errors(r)[0]["source"]["pointer"] == "/data/attributes/properties"
    assert sb.profiles() == []
    # invalid phone next to a valid email: stored without the phone, partial-failure header
    r = api.post("/api/profile-import", json=profile_doc(email="ok@shop.fr", phone_number="12"))
    assert r.status_code == 201 and r.headers["X-Klaviyo-Partial-Failure"] == "phone_number"
    assert sb.profile_by_email("ok@shop.fr").phone_number is None
    # phone-only new profile: SMS is not set up in the sandbox account
    r = api.post("/api/profile-import", json=profile_doc(phone_number="+15005550009"))
    assert r.status_code == 400 and "SMS" in errors(r)[0]["detail"]
    sb.sms_enabled = True
    assert api.post("/api/profile-import", json=profile_doc(phone_number="+15005550009")).status_code == 201


def test_concurrent_writers_keep_index_consistent(sb):
    def worker(n):
        with make_client(sb) as c:
            for i in range(15):
                c.post("/api/profile-import", json=profile_doc(email=f"u{i}@shop.fr", properties={f"w{n}": i}))
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    profiles = sb.profiles()
    assert len(profiles) == 15
    assert all(p.properties == {f"w{n}": int(p.email[1:].split("@")[0]) for n in range(4)} for p in profiles)


# --------------------------------------------------------------------------- bulk import


def test_bulk_import_rejects_bad_rows_and_imports_nothing(sb, api):
    rows = [{"email": "good@shop.fr"}, {"email": "bad-email"}, {"email": "ok2@shop.fr"},
            {"first_name": "no identifier"}, {"email": "x@shop.fr", "properties": "nope"}]
    r = api.post("/api/profile-bulk-import-jobs", json=bulk_doc(rows))
    assert r.status_code == 400
    pointers = [e["source"]["pointer"] for e in errors(r)]
    assert pointers == ["/data/attributes/profiles/data/1/attributes/email",
                        "/data/attributes/profiles/data/3/attributes",
                        "/data/attributes/profiles/data/4/attributes/properties"]
    r = api.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": f"n{i}@shop.fr"} for i in range(10_001)]))
    assert r.status_code == 400 and "10,000" in errors(r)[0]["detail"]
    r = api.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": "l@shop.fr"}], list_ids=("NoSuch",)))
    assert r.status_code == 400 and errors(r)[0]["source"]["pointer"] == "/data"
    time.sleep(0.3)
    assert sb.profiles() == [] and sb.import_jobs() == []


def test_bulk_import_job_lifecycle_and_background_apply(api):
    # Each answer is checked against the OpenAPI spec (slow on a busy machine, and the first one loads
    # it), so the job's queued and processing phases last 1 s each to be seen by polling.
    if SPEC:
        klaviyo_spec._openapi()
    with KlaviyoSandbox(job_seconds=2.0) as sb, make_client(sb) as c:
        list_id = sb.add_list("Loyalty – Gold")
        rows = [{"email": f"m{i}@shop.fr", "properties": {"loyalty_points": i}} for i in range(50)]
        t0 = time.monotonic()
        r = c.post("/api/profile-bulk-import-jobs", json=bulk_doc(rows, (list_id,)))
        assert r.status_code == 202
        job = r.json()["data"]
        assert job["attributes"]["status"] == "queued" and job["attributes"]["total_count"] == 50
        seen = {job["attributes"]["status"]}
        final = None
        while time.monotonic() - t0 < 10:
            attrs = c.get(f"/api/profile-bulk-import-jobs/{job['id']}").json()["data"]["attributes"]
            seen.add(attrs["status"])
            if attrs["status"] == "complete":
                final = attrs
                break
            time.sleep(0.1)
        assert seen == {"queued", "processing", "complete"}
        assert final is not None
        assert final["completed_count"] == 50 and final["failed_count"] == 0
        assert final["completed_at"] and final["started_at"]
        assert len(sb.list_members(list_id)) == 50
        r = c.get(f"/api/profile-bulk-import-jobs/{job['id']}", params={"include": "lists"})
        assert r.json()["included"][0]["id"] == list_id
        # nobody polls this one: the background worker applies it
        r = c.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": "late@shop.fr"}]))
        jid = r.json()["data"]["id"]
        assert wait_for(lambda: sb.state.jobs[jid].applied, timeout=2.0 + 0.5)
        assert sb.profile_by_email("late@shop.fr") is not None


def test_bulk_import_processing_time_errors_and_pagination(sb, api):
    api.post("/api/profile-import", json=profile_doc(email="owner@shop.fr", phone_number="+15005550001"))
    rows: list[dict[str, Any]] = [{"email": "fine@shop.fr"},
            {"phone_number": "+15005550002"},  # would create a phone-only profile: SMS is not set up
            {"email": "fine2@shop.fr"},
            {"phone_number": "+15005550003", "properties": {"p": 1}},
            {"phone_number": "+15005550001", "first_name": "Known"}]  # phone-only but matches owner@
    body = bulk_doc(rows)
    body["data"]["attributes"]["profiles"]["data"].append(
        {"type": "profile", "id": "01AAAAAAAAAAAAAAAAAAAAAAAA", "attributes": {"first_name": "Ghost"}})
    r = api.post("/api/profile-bulk-import-jobs", json=body)
    assert r.status_code == 202
    job_id = r.json()["data"]["id"]
    attrs = wait_job(api, job_id)
    assert (attrs["total_count"], attrs["completed_count"], attrs["failed_count"]) == (6, 3, 3)
    r = api.get(f"/api/profile-bulk-import-jobs/{job_id}/import-errors", params={"page[size]": 2})
    page1 = r.json()
    assert len(page1["data"]) == 2 and page1["links"]["next"].startswith(sb.base_url)
    page2 = api.get(page1["links"]["next"]).json()
    assert "next" not in page2["links"]
    items = page1["data"] + page2["data"]
    assert [i["attributes"]["source"]["pointer"] for i in items] == [
        "/data/attributes/profiles/data/1/attributes/phone_number",
        "/data/attributes/profiles/data/3/attributes/phone_number",
        "/data/attributes/profiles/data/5/id"]
    assert items[0]["attributes"]["original_payload"] == {
        "type": "profile", "attributes": {"phone_number": "+15005550002"}}
    assert items[2]["attributes"]["code"] == "not_found"
    emails = {p.email for p in sb.profiles()}
    assert emails == {"owner@shop.fr", "fine@shop.fr", "fine2@shop.fr"}
    assert sb.profile_by_email("owner@shop.fr").first_name == "Known"
    r = api.get(f"/api/profile-bulk-import-jobs/{job_id}/profiles")
    assert sorted(d["attributes"]["email"] for d in r.json()["data"]) == sorted(emails)


def test_bulk_import_5mb_answered_fast_and_jobs_listing(sb, api):
    sb.job_seconds = 30  # keep the apply step out of the measurement
    rows = [{"email": f"member.{i}@maison-lumiere.fr", "first_name": "Jeanne", "last_name": "Dupont",
             "external_id": f"LOY-{i:08d}",
             "properties": {f"loyalty_prop_{k}": (f"value {k}" if k % 2 else k * 1.5) for k in range(20)}}
            for i in range(7000)]
    body = json.dumps(bulk_doc(rows)).encode()
    assert 4_500_000 < len(body) <= 5 * 1024 * 1024
    r = api.post("/api/profile-bulk-import-jobs", content=body)
    assert r.status_code == 202
    rec = [x for x in sb.requests if x.operation == "bulk_import_profiles"][-1]
    assert rec.duration_s < 1.0, f"5 MB bulk request took {rec.duration_s:.2f}s server-side"
    sb.job_seconds = 0.1
    second = api.post("/api/profile-bulk-import-jobs", json=bulk_doc([{"email": "two@shop.fr"}])).json()["data"]["id"]
    wait_job(api, second)
    r = api.get("/api/profile-bulk-import-jobs", params={"filter": 'equals(status,"complete")'})
    assert [j["id"] for j in r.json()["data"]] == [second]
    r = api.get("/api/profile-bulk-import-jobs", params={"filter": 'any(status,["queued","processing"])'})
    assert [j["attributes"]["total_count"] for j in r.json()["data"]] == [7000]
    r = api.get("/api/profile-bulk-import-jobs", params={"sort": "-created_at", "page[size]": 1})
    assert r.json()["data"][0]["id"] == second and "next" in r.json()["links"]
    assert api.get("/api/profile-bulk-import-jobs/01NOPE").status_code == 404


# --------------------------------------------------------------------------- events


def test_create_event_upserts_profile_and_metric(sb, api):
    t = "2026-11-20T14:03:00.750000+00:00"
    r = api.post("/api/events", json=event_doc(
        "ev@shop.fr", props={"points": 150, "reason": "Purchase"}, time=t, value=150, unique_id="loy:1:earn",
        profile={"email": "ev@shop.fr", "properties": {"loyalty_points": 1400},
                 "meta": {"patch_properties": {"append": {"badges": "first"}}}}))
    assert r.status_code == 202 and r.content == b""
    assert sb.metrics()[0][1] == "Points Earned"
    p = sb.profile_by_email("ev@shop.fr")
    assert p.properties == {"loyalty_points": 1400, "badges": ["first"]}
    (e,) = sb.events()
    assert (e.profile_id, e.email, e.metric_name, e.unique_id, e.backfill) == (
        p.id, "ev@shop.fr", "Points Earned", "loy:1:earn", False)
    assert e.time == datetime(2026, 11, 20, 14, 3, tzinfo=UTC) and e.properties["reason"] == "Purchase"
    # same unique_id again: 202 but only the first is recorded
    assert api.post("/api/events", json=event_doc("ev@shop.fr", unique_id="loy:1:earn")).status_code == 202
    # no unique_id: deduplicated on the time to the second
    for _ in range(2):
        api.post("/api/events", json=event_doc("ev@shop.fr", metric="Reward Expiring", time="2026-11-21T10:00:00Z"))
    api.post("/api/events", json=event_doc("ev@shop.fr", metric="Reward Expiring", time="2026-11-21T10:00:01Z"))
    assert len(sb.events()) == 3
    assert sb.dropped_events()["duplicate"] == 2
    assert sorted(n for _, n in sb.metrics()) == ["Points Earned", "Reward Expiring"]
    attrs = api.get(f"/api/profiles/{p.id}").json()["data"]["attributes"]
    assert attrs["last_event_date"] == "2026-11-21T10:00:01+00:00"


def test_event_validation_limits(sb, api):
    cases = [
        (event_doc("v@shop.fr", props={f"k{i}": i for i in range(401)}), "/data/attributes/properties"),
        (event_doc("v@shop.fr", unique_id="u" * 256), "/data/attributes/unique_id"),
        (event_doc("v@shop.fr", unique_id=""), "/data/attributes/unique_id"),
        (event_doc("v@shop.fr", time="1985-01-01T00:00:00Z"), "/data/attributes/time"),
        (event_doc("v@shop.fr", time=(clock.now() + timedelta(days=400)).isoformat()),
         "/data/attributes/time"),
        (event_doc("v@shop.fr", time="yesterday"), "/data/attributes/time"),
        (event_doc("v@shop.fr", metric="M" * 128), "/data/attributes/metric/data/attributes/name"),
        (event_doc("bad-email"), "/data/attributes/profile/data/attributes/email"),
        (event_doc("", profile={"first_name": "x"}), "/data/attributes/profile/data/attributes"),
    ]
    sibling_meta = event_doc("v@shop.fr")
    sibling_meta["data"]["attributes"]["profile"]["data"]["meta"] = {"patch_properties": {"unset": "x"}}
    cases.append((sibling_meta, "/data/attributes/profile/data/meta"))
    for doc, pointer in cases:
        r = api.post("/api/events", json=doc)
        assert r.status_code == 400, pointer
        assert errors(r)[0]["source"]["pointer"] == pointer
    assert api.post("/api/events", json=event_doc("v@shop.fr", props={f"k{i}": i for i in range(400)},
                                                    metric="M" * 127, unique_id="u" * 255)).status_code == 202
    assert len(sb.events()) == 1


def test_bulk_create_events(sb, api):
    doc = bulk_events_doc([
        ({"email": "b1@shop.fr", "properties": {"loyalty_tier": "Gold"},
          "_meta": {"patch_properties": {"append": {"history": "Gold"}}}},
         [{"metric": "VIP Tier Achieved", "unique_id": "t1", "properties": {"tier": "Gold"}},
          {"metric": "Points Earned", "unique_id": "t1", "time": "2026-11-01T00:00:00Z", "backfill": False}]),
        ({"email": "b2@example.com"}, [{"unique_id": "x"}]),
        ({"email": "b3@test.com"}, [{"unique_id": "y"}]),
    ], backfill=True)
    r = api.post("/api/event-bulk-create-jobs", json=doc)
    assert r.status_code == 202 and r.content == b""
    events = {e.metric_name: e for e in sb.events()}
    assert set(events) == {"VIP Tier Achieved", "Points Earned"}
    assert events["VIP Tier Achieved"].backfill is True and events["Points Earned"].backfill is False
    assert sb.profile_by_email("b1@shop.fr").properties == {"loyalty_tier": "Gold", "history": ["Gold"]}
    assert sb.profile_by_email("b2@example.com") is None and sb.dropped_events()["test_domain"] == 2
    # repeated unique_id for the same profile+metric: 400, nothing processed
    dup = bulk_events_doc([({"email": "d@shop.fr"}, [{"unique_id": "same"}, {"unique_id": "other"}]),
                           ({"email": "d@shop.fr"}, [{"unique_id": "same"}])])
    r = api.post("/api/event-bulk-create-jobs", json=dup)
    assert r.status_code == 400
    assert errors(r)[0]["source"]["pointer"] == \
        "/data/attributes/events-bulk-create/data/1/attributes/events/data/0/attributes/unique_id"
    assert sb.profile_by_email("d@shop.fr") is None and len(sb.events()) == 2
    # meta inside attributes is the create_event placement, not the bulk one
    r = api.post("/api/event-bulk-create-jobs", json=bulk_events_doc([({"email": "m@shop.fr", "meta": {}}, [{}])]))
    assert r.status_code == 400
    too_many = bulk_events_doc([({"email": f"n{i}@shop.fr"}, [{"unique_id": f"{i}-{j}"} for j in range(101)])
                                for i in range(10)])
    r = api.post("/api/event-bulk-create-jobs", json=too_many)
    assert r.status_code == 400 and "1,000" in errors(r)[0]["detail"]
    assert len(sb.events()) == 2


def test_drop_test_domains_can_be_disabled():
    with KlaviyoSandbox(drop_test_domains=False) as sb, make_client(sb) as c:
        assert c.post("/api/events", json=event_doc("kept@example.com")).status_code == 202
        assert [e.email for e in sb.events()] == ["kept@example.com"]


def test_get_events_filters_pagination_and_includes(sb, api):
    base = datetime(2026, 11, 1, tzinfo=UTC)
    entries = [({"email": f"r{i % 3}@shop.fr"},
                [{"metric": "Points Earned" if i % 2 else "Points Redeemed", "unique_id": f"e{i}",
                  "time": (base + timedelta(hours=i)).isoformat()}])
               for i in range(12)]
    assert api.post("/api/event-bulk-create-jobs", json=bulk_events_doc(entries)).status_code == 202
    metric_ids = {n: i for i, n in sb.metrics()}
    r = api.get("/api/events", params={"filter": f'equals(metric_id,"{metric_ids["Points Earned"]}")'})
    assert len(r.json()["data"]) == 6
    pid = sb.profile_by_email("r0@shop.fr").id
    r = api.get("/api/events", params={
        "filter": f'and(equals(profile_id,"{pid}"),greater-or-equal(datetime,2026-11-01T03:00:00Z))'})
    assert [d["attributes"]["event_properties"]["$event_id"] for d in r.json()["data"]] == ["e3", "e6", "e9"]
    r = api.get("/api/events", params={"filter": "less-than(datetime,2026-11-01T02:00:00Z)", "sort": "-datetime"})
    assert [d["attributes"]["datetime"] for d in r.json()["data"]] == [
        "2026-11-01T01:00:00+00:00", "2026-11-01T00:00:00+00:00"]
    got, url = [], "/api/events?page[size]=5&sort=datetime&include=metric"
    while url:
        body = api.get(url).json()
        got += [d["id"] for d in body["data"]]
        assert {i["type"] for i in body["included"]} == {"metric"}
        url = body["links"].get("next")
    assert len(got) == len(set(got)) == 12
    assert api.get("/api/events", params={"page[size]": 1001}).status_code == 400
    assert api.get("/api/events", params={"filter": 'equals(metric_id,"x"'}).status_code == 400
    assert len(api.get("/api/events").json()["data"]) == 12
    eid = got[0]
    assert api.get(f"/api/events/{eid}").json()["data"]["id"] == eid


def test_get_metrics_filters(sb, api):
    api.post("/api/events", json=event_doc("m@shop.fr", metric="Points Earned"))
    api.post("/api/events", json=event_doc("m@shop.fr", metric="Birthday Reward Issued"))
    r = api.get("/api/metrics")
    assert sorted(m["attributes"]["name"] for m in r.json()["data"]) == ["Birthday Reward Issued", "Points Earned"]
    assert all(m["attributes"]["integration"]["name"] == "API" for m in r.json()["data"])
    assert len(api.get("/api/metrics", params={"filter": 'equals(integration.name,"API")'}).json()["data"]) == 2
    assert api.get("/api/metrics", params={"filter": 'equals(integration.category,"Shopify")'}).json()["data"] == []
    r = api.get("/api/metrics", params={"filter": 'equals(name,"Points Earned")'})
    assert r.status_code == 400 and errors(r)[0]["source"]["parameter"] == "filter"
    mid = sb.metrics()[0][0]
    assert api.get(f"/api/metrics/{mid}").json()["data"]["id"] == mid


# --------------------------------------------------------------------------- profile reads


def test_get_profiles_filters_sort_and_cursor(sb, api):
    sb.sms_enabled = True
    job = api.post("/api/profile-bulk-import-jobs", json=bulk_doc([
        {"email": f"p{i:02d}@shop.fr", "external_id": f"EXT-{i % 5}", "phone_number": f"+336000000{i:02d}"}
        for i in range(45)])).json()["data"]["id"]
    wait_job(api, job)
    time.sleep(0.02)
    mid = clock.now()
    time.sleep(0.02)
    api.post("/api/profile-import", json=profile_doc(email="p07@shop.fr", first_name="Later"))
    r = api.get("/api/profiles")
    assert len(r.json()["data"]) == 20  # default page size
    seen, url, pages = [], "/api/profiles?page[size]=7", 0
    while url:
        body = api.get(url).json()
        assert body["links"]["self"].startswith("http://127.0.0.1:")
        seen += [d["attributes"]["email"] for d in body["data"]]
        url, pages = body["links"].get("next"), pages + 1
        assert url is None or parse_qs(urlsplit(url).query)["page[cursor]"]
    assert pages == 7 and seen == sorted(seen) and len(set(seen)) == 45

    def emails(**params):
        r = api.get("/api/profiles", params=params)
        assert r.status_code == 200, r.text
        return [d["attributes"]["email"] for d in r.json()["data"]]
    assert emails(filter='equals(email,"P03@shop.fr")') == ["p03@shop.fr"]
    assert emails(filter="any(email,['p01@shop.fr','p02@shop.fr','none@shop.fr'])") == ["p01@shop.fr", "p02@shop.fr"]
    assert emails(filter='equals(phone_number,"+33600000005")') == ["p05@shop.fr"]
    assert len(emails(filter='equals(external_id,"EXT-1")')) == 9
    pid = sb.profile_by_email("p09@shop.fr").id
    assert emails(filter=f'equals(id,"{pid}")') == ["p09@shop.fr"]
    stamp = mid.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    assert emails(filter=f"greater-than(updated,{stamp})") == ["p07@shop.fr"]
    assert emails(filter=f'greater-than(updated,{stamp}),equals(external_id,"EXT-2")') == ["p07@shop.fr"]
    assert emails(filter=f'and(greater-than(updated,{stamp}),equals(external_id,"EXT-3"))') == []
    assert len(emails(filter=f"less-than(created,{stamp})", **{"page[size]": 100})) == 45
    assert emails(sort="-email", **{"page[size]": 2}) == ["p44@shop.fr", "p43@shop.fr"]
    assert emails(sort="-updated", **{"page[size]": 1}) == ["p07@shop.fr"]
    r = api.get("/api/profiles", params={"sort": "-updated", "page[size]": 44})
    nxt = api.get(r.json()["links"]["next"]).json()["data"]
    assert len(nxt) == 1 and nxt[0]["attributes"]["email"] == "p00@shop.fr"
    cursor = parse_qs(urlsplit(r.json()["links"]["next"]).query)["page[cursor]"][0]
    r = api.get("/api/profiles", params={"sort": "email", "page[cursor]": cursor})
    assert r.status_code == 400 and errors(r)[0]["source"]["parameter"] == "page[cursor]"
    for bad in ({"filter": f'greater-than(updated,"{stamp}")'}, {"filter": 'equals(first_name,"x")'},
                {"filter": 'contains(email,"x")'}, {"page[size]": 0}, {"page[size]": 101}, {"sort": "first_name"},
                {"page[cursor]": "garbage!"}):
        r = api.get("/api/profiles", params=bad)
        assert r.status_code == 400 and errors(r)[0]["code"] == "invalid", bad
    assert errors(api.get("/api/profiles", params={"page[size]": 0}))[0]["source"]["parameter"] == "page[size]"
    r = api.get("/api/profiles", params={"fields[profile]": "email,properties"})
    assert set(r.json()["data"][0]["attributes"]) == {"email", "properties"}
    assert api.get("/api/profiles/01AAAAAAAAAAAAAAAAAAAAAAAA").status_code == 404


def test_hundred_thousand_profiles_stay_fast(sb, api):
    now = clock.now()
    with sb.state.lock:
        for i in range(100_000):
            sb.state.upsert(ProfileInput(attrs={"email": f"big{i}@shop.fr"},
                                         properties={"loyalty_points": i, "loyalty_tier": "Gold"}), now)
    for params in ({"page[size]": 100}, {"filter": 'equals(email,"big99999@shop.fr")'},
                   {"sort": "-updated", "page[size]": 100}):
        t = time.monotonic()
        r = api.get("/api/profiles", params=params)
        assert r.status_code == 200 and r.json()["data"]
        assert time.monotonic() - t < 1.0, params
    r = api.get("/api/profiles", params={"page[size]": 100})
    r2 = api.get(r.json()["links"]["next"])
    assert r2.json()["data"][0]["attributes"]["email"] == "big100@shop.fr"
    assert len(sb.state.profiles) == 100_000


# --------------------------------------------------------------------------- faults & inspection


def test_fault_injection(sb, api):
    sb.faults = Faults(rate_500=1.0)
    r = api.get("/api/accounts")
    assert r.status_code == 500 and errors(r)[0]["code"] == "error"
    sb.faults = Faults(rate_429=1.0)
    r = api.get("/api/profiles")
    assert r.status_code == 429 and r.headers["Retry-After"] == "1"
    assert sb.throttled_count == 0 and sb.injected_counts["429"] == 1
    sb.faults = Faults(rate_drop=1.0)
    with pytest.raises(httpx.RemoteProtocolError):
        api.get("/api/profiles")
    assert sb.requests[-1].status == 0
    sb.faults = Faults(latency_s=0.15)
    t = time.monotonic()
    assert api.get("/api/profiles").status_code == 200
    assert time.monotonic() - t >= 0.15
    sb.faults = Faults(rate_500=0.5, seed=7)
    first = [api.get("/api/profiles").status_code for _ in range(12)]
    sb.faults = Faults(rate_500=0.5, seed=7)
    assert [api.get("/api/profiles").status_code for _ in range(12)] == first and 500 in first and 200 in first
    assert sb.injected_counts == {"500": 1 + 2 * first.count(500), "429": 1, "drop": 1}


def test_revoke_after_requests(sb):
    key = sb.add_key()
    sb.faults = Faults(revoke_after_requests=3)
    with make_client(sb, key) as c:
        assert [c.get("/api/profiles").status_code for _ in range(4)] == [200, 200, 200, 401]
        assert errors(c.get("/api/profiles"))[0]["code"] == "authentication_failed"
    with make_client(sb) as c:
        assert c.get("/api/profiles").status_code == 200  # the countdown fired once, on `key`


def test_request_log_never_holds_the_key(sb, api, capfd):
    api.post("/api/profile-import", json=profile_doc(email="log@shop.fr"))
    api.get("/api/profiles", params={"filter": 'equals(email,"log@shop.fr")'})
    _validate_hook(httpx.get(f"{sb.base_url}/api/accounts", verify=_tls(),
                             headers={"Authorization": f"Bearer {DEMO_KEY}", "revision": REVISION}))
    recs = sb.requests
    assert [(r.method, r.status) for r in recs] == [("POST", 201), ("GET", 200), ("GET", 401)]
    assert recs[0].path == "/api/profile-import" and b"log@shop.fr" in recs[0].body
    assert recs[1].path.startswith("/api/profiles?filter=") and recs[1].operation == "get_profiles"
    assert json.loads(recs[1].response_body)["data"][0]["attributes"]["email"] == "log@shop.fr"
    assert recs[0].response_headers["Content-Type"] == "application/vnd.api+json"
    assert isinstance(recs[0].received_at, datetime) and recs[0].received_at.tzinfo is not None
    for r in recs:
        assert "authorization" not in {k.lower() for k in r.headers}
        assert DEMO_KEY not in repr(r)
    assert sb.count_requests() == 3 and sb.count_requests(write_only=True) == 1
    sb.clear_requests()
    assert sb.requests == [] and sb.count_requests() == 0
    out, err = capfd.readouterr()
    assert DEMO_KEY not in out + err


@pytest.mark.skipif(not SPEC, reason=SPEC_SKIP)
def test_spec_helper_rejects_wrong_shapes():
    with pytest.raises(AssertionError, match="does not match"):
        klaviyo_spec.validate_response("GET", "https://a.klaviyo.com/api/accounts", headers(), None, 200,
                                       {"content-type": "application/vnd.api+json"}, b'{"data":[{"type":"account"}]}')
    with pytest.raises(AssertionError, match="request does not match"):
        klaviyo_spec.validate_request("POST", "https://a.klaviyo.com/api/profile-import", headers(),
                                      json.dumps({"data": {"type": "list"}}).encode())
    klaviyo_spec.validate_request("POST", "http://127.0.0.1:1/api/profile-import/", headers(),
                                  json.dumps(profile_doc(email="a@b.fr")).encode())


@pytest.mark.skipif(not SPEC, reason=SPEC_SKIP)
def test_requests_built_by_these_tests_match_the_spec():
    for path, doc in (("/api/profile-import", profile_doc(email="a@shop.fr", properties={"x": 1},
                                                          meta={"patch_properties": {"unset": "y"}})),
                      ("/api/profile-bulk-import-jobs", bulk_doc([{"email": "a@shop.fr"}], ("AbCdEf",))),
                      ("/api/events", event_doc("a@shop.fr", unique_id="u", time="2026-11-01T00:00:00Z")),
                      ("/api/event-bulk-create-jobs",
                       bulk_events_doc([({"email": "a@shop.fr"}, [{"unique_id": "u"}])]))):
        klaviyo_spec.validate_request("POST", f"https://a.klaviyo.com{path}", headers(), json.dumps(doc).encode())


def test_module_paths():
    expected = Path(klaviyo_spec.__file__).resolve().parents[2].parent / "shared/specs/klaviyo/stable.json"
    assert expected == klaviyo_spec.SPEC_PATH
