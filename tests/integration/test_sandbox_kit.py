"""The Klaviyo sandbox's segments, templates and flows endpoints (the marketing kit), over real HTTP.

Every response is validated against Klaviyo's OpenAPI (tests/klaviyo_spec.py), and so is every
request the sandbox accepted (2xx): what the sandbox takes, Klaviyo's spec takes too. Bodies the
sandbox refuses are checked against the spec by hand, test by test.
"""

from __future__ import annotations

import copy
import json
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from helpers import klaviyo_spec
from loyalty_desktop.core import clock
from loyalty_emulators.klaviyo.common import OPERATIONS
from loyalty_emulators.klaviyo.kit_flow_handlers import KIT_ROUTES
from loyalty_emulators.klaviyo.kit_flows import FLOW_DEFINITION
from loyalty_emulators.klaviyo.kit_shapes import SEGMENT_DEFINITION, check
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

REVISION = "2026-07-15"
SPEC = klaviyo_spec.spec_available()
pytestmark = pytest.mark.skipif(not SPEC, reason=f"Klaviyo OpenAPI spec not found at {klaviyo_spec.SPEC_PATH}")
TODAY = date(2026, 11, 23)  # the sandbox clock in these tests (midnight UTC)


def headers(key: str = DEMO_KEY) -> dict[str, str]:
    return {"Authorization": f"Klaviyo-API-Key {key}", "revision": REVISION,
            "accept": "application/vnd.api+json", "content-type": "application/vnd.api+json"}


def _check_exchange(response: httpx.Response) -> None:
    response.read()
    req = response.request
    sent = req.content or None
    if 200 <= response.status_code < 300:  # accepted by the sandbox: the spec must accept it too
        klaviyo_spec.validate_request(req.method, str(req.url), dict(req.headers), sent)
    klaviyo_spec.validate_response(req.method, str(req.url), dict(req.headers), sent, response.status_code,
                                   response.headers, response.content)


def client(sb: KlaviyoSandbox, key: str = DEMO_KEY) -> httpx.Client:
    assert sb.base_url is not None  # started
    return httpx.Client(base_url=sb.base_url, headers=headers(key), timeout=10,
                        event_hooks={"response": [_check_exchange]})


@pytest.fixture
def sb():
    with KlaviyoSandbox(job_seconds=0.2) as sandbox:
        sandbox.set_clock(TODAY)
        yield sandbox
    assert not sandbox.internal_errors, sandbox.internal_errors[0]


@pytest.fixture
def api(sb):
    with client(sb) as c:
        yield c


def fresh(sb: KlaviyoSandbox, method: str, path: str, doc: dict | None = None) -> httpx.Response:
    """One request with a new key: creating segments and flows is limited to 1/s per key."""
    with client(sb, sb.add_key()) as c:
        return c.request(method, path, json=doc)


def errors(r: httpx.Response) -> list[dict]:
    return r.json()["errors"]


def spec_rejects(method: str, path: str, doc: dict) -> bool:
    try:
        klaviyo_spec.validate_request(method, f"https://a.klaviyo.com{path}", headers(), json.dumps(doc).encode())
    except AssertionError:
        return True
    return False


# --------------------------------------------------------------------------- documents

def prop(name: str, flt: dict) -> dict:
    return {"type": "profile-property", "property": f"properties['{name}']", "filter": flt}


def metric_cond(metric_id: str, op: str, value: float, timeframe: dict | None = None, measurement: str = "count",
                metric_filters: list | None = None) -> dict:
    c = {"type": "profile-metric", "metric_id": metric_id, "measurement": measurement,
         "measurement_filter": {"type": "numeric", "operator": op, "value": value},
         "timeframe_filter": timeframe or {"type": "date", "operator": "alltime"}}
    if metric_filters is not None:
        c["metric_filters"] = metric_filters
    return c


def segment_doc(name: str, *groups: list[dict], **attrs) -> dict:
    return {"data": {"type": "segment", "attributes": {
        "name": name, "definition": {"condition_groups": [{"conditions": g} for g in groups]}, **attrs}}}


def template_doc(name: str, html: str = "<html><body><p>Bonjour {{ first_name }}</p></body></html>", **attrs) -> dict:
    return {"data": {"type": "template", "attributes": {"name": name, "editor_type": "CODE", "html": html, **attrs}}}


def flow_doc(name: str, metric_id: str, template_id: str, **definition) -> dict:
    actions = [
        {"temporary_id": "wait", "type": "time-delay", "data": {"unit": "days", "value": 23},
         "links": {"next": "mail"}},
        {"temporary_id": "mail", "type": "send-email", "data": {
            "message": {"name": "Last chance", "subject_line": "Vos points expirent", "template_id": template_id},
            "status": "draft"}}]
    defn = {"triggers": [{"type": "metric", "id": metric_id}], "actions": actions, "entry_action_id": "wait"}
    defn.update(definition)
    return {"data": {"type": "flow", "attributes": {"name": name, "definition": defn}}}


def upsert(api: httpx.Client, email: str, **properties) -> None:
    r = api.post("/api/profile-import", json={"data": {"type": "profile", "attributes": {
        "email": email, "properties": properties}}})
    assert r.status_code in (200, 201), r.text


def event(api: httpx.Client, email: str, metric: str, when: str, value: float | None = None, **props) -> None:
    attrs: dict[str, Any] = {"properties": props or {"source": "test"}, "time": when,
             "metric": {"data": {"type": "metric", "attributes": {"name": metric}}},
             "profile": {"data": {"type": "profile", "attributes": {"email": email}}}}
    if value is not None:
        attrs["value"] = value
    r = api.post("/api/events", json={"data": {"type": "event", "attributes": attrs}})
    assert r.status_code == 202, r.text


def metric_id(sb: KlaviyoSandbox, name: str) -> str:
    return next(mid for mid, n in sb.metrics() if n == name)


def all_pages(api: httpx.Client, url: str) -> list[dict]:
    out: list[dict] = []
    next_url: str | None = url
    while next_url:
        body = api.get(next_url).json()
        out += body["data"]
        next_url = body["links"].get("next")
    return out


def members_via_api(api: httpx.Client, segment_id: str) -> set[str]:
    rows = all_pages(api, f"/api/segments/{segment_id}/profiles?page[size]=2")
    return {r["attributes"]["email"] for r in rows}


# --------------------------------------------------------------------------- routes and operation table


def test_kit_routes_are_the_spec_operations():
    spec = json.loads(klaviyo_spec.SPEC_PATH.read_text())
    for pattern, methods in KIT_ROUTES:
        path = pattern.replace("(?P<id>[^/]+)", "{id}")
        for method, op_id in methods.items():
            assert spec["paths"][path][method.lower()]["operationId"] == op_id
            assert op_id in OPERATIONS
    assert (OPERATIONS["create_segment"].daily, OPERATIONS["create_flow"].daily) == (100, 100)


# --------------------------------------------------------------------------- segments


def test_segment_create_find_patch_and_duplicates(sb, api):
    upsert(api, "gold@shop.fr", **{"Loyalty Tier": "Gold"})
    gold = [prop("Loyalty Tier", {"type": "string", "operator": "equals", "value": "Gold"})]
    r = fresh(sb, "POST", "/api/segments", segment_doc('Loyalty: Tier "Gold"', gold, is_starred=True))
    assert r.status_code == 201
    first = r.json()["data"]
    assert first["attributes"]["is_processing"] is True and first["attributes"]["is_starred"] is True
    assert first["attributes"]["definition"]["condition_groups"][0]["conditions"] == gold
    time.sleep(0.25)  # job_seconds: the segment is built
    got = api.get(f"/api/segments/{first['id']}?additional-fields[segment]=profile_count").json()["data"]
    assert got["attributes"]["is_processing"] is False and got["attributes"]["profile_count"] == 1
    # Klaviyo allows duplicate names: both are kept and both are found, oldest first
    assert fresh(sb, "POST", "/api/segments", segment_doc('Loyalty: Tier "Gold"', gold)).status_code == 201
    fresh(sb, "POST", "/api/segments", segment_doc("Other", gold))
    flt = quote('equals(name,"Loyalty: Tier \\"Gold\\"")', safe="")
    found = api.get(f"/api/segments?filter={flt}&sort=created").json()["data"]
    assert [s["attributes"]["name"] for s in found] == ['Loyalty: Tier "Gold"'] * 2 and found[0]["id"] == first["id"]
    assert len(api.get("/api/segments", params={"filter": 'any(name,["Other","Nope"])'}).json()["data"]) == 1
    # page[size] is 1..10 with cursor pages
    assert len(all_pages(api, "/api/segments?page[size]=1&sort=-name")) == 3
    assert api.get("/api/segments?page[size]=11").status_code == 400
    assert api.get("/api/segments", params={"filter": 'contains(name,"Gold")'}).status_code == 400  # not allowed
    # PATCH: rename and a new definition
    silver = [prop("Loyalty Tier", {"type": "string", "operator": "equals", "value": "Silver"})]
    patch = {"data": {"type": "segment", "id": first["id"], "attributes": {
        "name": "Loyalty: Tier Silver", "definition": {"condition_groups": [{"conditions": silver}]}}}}
    r = fresh(sb, "PATCH", f"/api/segments/{first['id']}", patch)
    assert r.status_code == 200 and r.json()["data"]["attributes"]["name"] == "Loyalty: Tier Silver"
    assert sb.segment_members(first["id"]) == []
    snap = next(s for s in sb.segments() if s.id == first["id"])
    assert snap.definition["condition_groups"][0]["conditions"] == silver and snap.is_starred
    # id mismatch, deactivation with other attributes, unknown id
    bad = copy.deepcopy(patch)
    bad["data"]["id"] = "XXXXXX"
    assert fresh(sb, "PATCH", f"/api/segments/{first['id']}", bad).status_code == 409
    deact = {"data": {"type": "segment", "id": first["id"], "attributes": {"is_active": False, "name": "x"}}}
    r = fresh(sb, "PATCH", f"/api/segments/{first['id']}", deact)
    assert r.status_code == 400 and errors(r)[0]["source"]["pointer"] == "/data/attributes/is_active"
    assert api.get("/api/segments/NOPE00").status_code == 404
    assert api.get("/api/segments/NOPE00/profiles").status_code == 404


def _property_profiles(api: httpx.Client) -> None:
    upsert(api, "a@shop.fr", Points=750, Tier="Gold", VIP=True, Expiry="2026-12-10", LastActivity="2026-05-01",
           Referrals=0)
    upsert(api, "b@shop.fr", Points=120, Tier="Silver", VIP=False, Expiry="2027-02-01",
           LastActivity="2026-11-20T10:00:00+00:00", Referrals=2)
    upsert(api, "c@shop.fr", Points=500, Tier="gold", LastActivity="2026-08-25", Referrals="3")  # 90 days ago
    upsert(api, "d@shop.fr", Tier="")
    upsert(api, "e@shop.fr", Points=0, Expiry="2026-11-23", LastActivity="not a date")


PROPERTY_CASES = [  # (conditions of one group, expected members)
    ([prop("Points", {"type": "numeric", "operator": "greater-than-or-equal", "value": 500.0})], "ac"),
    ([prop("Points", {"type": "numeric", "operator": "equals", "value": 0.0})], "e"),
    ([prop("Points", {"type": "numeric", "operator": "less-than", "value": 200.0})], "be"),
    ([prop("Points", {"type": "numeric", "operator": "not-equals", "value": 120.0})], "ace"),
    ([prop("Referrals", {"type": "numeric", "operator": "greater-than-or-equal", "value": 1.0})], "b"),  # c: "3"
    ([prop("Tier", {"type": "string", "operator": "equals", "value": "Gold"})], "a"),  # exact: not "gold"
    ([prop("Tier", {"type": "existence", "operator": "is-set"})], "abc"),  # "" is not set
    ([prop("Tier", {"type": "existence", "operator": "not-set"})], "de"),
    ([prop("VIP", {"type": "boolean", "operator": "equals", "value": True})], "a"),
    ([prop("VIP", {"type": "boolean", "operator": "equals", "value": False})], "b"),
    ([prop("Expiry", {"type": "date", "operator": "in-the-next", "unit": "day", "quantity": 30})], "ae"),
    ([prop("LastActivity", {"type": "date", "operator": "at-least", "unit": "day", "quantity": 90})], "ac"),
    ([prop("LastActivity", {"type": "date", "operator": "in-the-last", "unit": "week", "quantity": 1})], "b"),
    ([prop("LastActivity", {"type": "date", "operator": "between", "start": 80, "end": 100, "unit": "day"})], "c"),
    ([{"type": "profile-property", "property": "email", "filter": {"type": "string", "operator": "ends-with",
                                                                  "value": "@shop.fr"}}], "abcde"),
]


def test_segment_membership_for_property_conditions(sb, api):
    _property_profiles(api)
    assert (date(2026, 11, 23) - date(2026, 8, 25)).days == 90
    for conditions, expected in PROPERTY_CASES:
        r = fresh(sb, "POST", "/api/segments", segment_doc(f"case {conditions[0]['filter']}", conditions))
        assert r.status_code == 201, r.text
        sid = r.json()["data"]["id"]
        want = {f"{x}@shop.fr" for x in expected}
        assert set(sb.segment_members(sid)) == want, conditions
        assert members_via_api(api, sid) == want, conditions
        count = api.get(f"/api/segments/{sid}", params={"additional-fields[segment]": "profile_count"})
        assert count.json()["data"]["attributes"]["profile_count"] == len(want)


def test_groups_are_anded_and_conditions_ored(sb, api):
    _property_profiles(api)
    tier = [prop("Tier", {"type": "string", "operator": "equals", "value": v}) for v in ("Gold", "gold")]
    rich_or_vip = [prop("Points", {"type": "numeric", "operator": "greater-than-or-equal", "value": 600.0}),
                   prop("VIP", {"type": "boolean", "operator": "equals", "value": False})]
    r = fresh(sb, "POST", "/api/segments", segment_doc("Gold and (rich or not VIP)", tier, rich_or_vip))
    assert sb.segment_members(r.json()["data"]["id"]) == ["a@shop.fr"]
    r = fresh(sb, "POST", "/api/segments", segment_doc("Gold, any case", tier))
    assert set(sb.segment_members(r.json()["data"]["id"])) == {"a@shop.fr", "c@shop.fr"}


def test_relative_dates_follow_the_sandbox_clock(sb, api):
    upsert(api, "soon@shop.fr", Expiry="2026-12-10")
    doc = segment_doc("Expiring", [prop("Expiry", {"type": "date", "operator": "in-the-next", "unit": "day",
                                                   "quantity": 30})])
    sid = fresh(sb, "POST", "/api/segments", doc).json()["data"]["id"]
    assert sb.segment_members(sid) == ["soon@shop.fr"]
    sb.set_clock(datetime(2026, 12, 11, 9, 30, tzinfo=UTC))
    assert sb.segment_members(sid) == [] and members_via_api(api, sid) == set()
    sb.set_clock(date(2026, 11, 1))  # 39 days before
    assert sb.segment_members(sid) == []
    sb.set_clock(None)
    assert sb.now().year >= 2026 and sb.now().tzinfo is not None


def test_segment_membership_for_metric_conditions(sb, api):
    for who in ("a", "b", "c"):
        upsert(api, f"{who}@shop.fr", Points=1)
    event(api, "a@shop.fr", "Points Earned", "2026-11-20T12:00:00Z", 10.0, points=10)
    event(api, "a@shop.fr", "Points Earned", "2026-10-01T12:00:00Z", 20.0, points=20)
    event(api, "a@shop.fr", "Points Earned", "2025-01-01T12:00:00Z", 30.0, points=30)
    event(api, "b@shop.fr", "Points Earned", "2026-11-22T12:00:00Z", 5.0, points=5)
    event(api, "b@shop.fr", "Referral Started", "2026-09-01T12:00:00Z", referee="f@shop.fr")
    earned, referred = metric_id(sb, "Points Earned"), metric_id(sb, "Referral Started")
    last_30 = {"type": "date", "operator": "in-the-last", "unit": "day", "quantity": 30}
    cases = [
        (metric_cond(earned, "greater-than-or-equal", 2.0), "a"),
        (metric_cond(referred, "equals", 0.0), "ac"),  # has not done, ever
        (metric_cond(earned, "greater-than-or-equal", 1.0, last_30), "ab"),
        (metric_cond(earned, "equals", 0.0, last_30), "c"),  # not in the last 30 days
        (metric_cond(earned, "greater-than-or-equal", 50.0, measurement="sum"), "a"),
        (metric_cond(earned, "greater-than-or-equal", 1.0, {"type": "date", "operator": "at-least", "unit": "day",
                                                            "quantity": 365}), "a"),
        (metric_cond(earned, "greater-than-or-equal", 2.0, metric_filters=[{"property": "points", "filter": {
            "type": "numeric", "operator": "greater-than-or-equal", "value": 15.0}}]), "a"),
        (metric_cond(earned, "greater-than-or-equal", 1.0, metric_filters=[{"property": "points", "filter": {
            "type": "numeric", "operator": "less-than", "value": 8.0}}]), "b"),
    ]
    for cond, expected in cases:
        r = fresh(sb, "POST", "/api/segments", segment_doc("metric case", [cond]))
        assert r.status_code == 201, r.text
        want = {f"{x}@shop.fr" for x in expected}
        assert set(sb.segment_members(r.json()["data"]["id"])) == want, cond
        assert members_via_api(api, r.json()["data"]["id"]) == want, cond


def test_membership_follows_profile_changes_and_keeps_joined_time(sb, api):
    upsert(api, "a@shop.fr", Points=900)
    upsert(api, "b@shop.fr", Points=100)
    doc = segment_doc("Rich", [prop("Points", {"type": "numeric", "operator": "greater-than", "value": 500.0})])
    sid = fresh(sb, "POST", "/api/segments", doc).json()["data"]["id"]
    first = api.get(f"/api/segments/{sid}/profiles").json()["data"]
    assert [p["attributes"]["email"] for p in first] == ["a@shop.fr"]
    time.sleep(1.1)
    upsert(api, "b@shop.fr", Points=1000)
    rows = {p["attributes"]["email"]: p["attributes"]["joined_group_at"]
            for p in api.get(f"/api/segments/{sid}/profiles?sort=-joined_group_at").json()["data"]}
    assert rows["a@shop.fr"] == first[0]["attributes"]["joined_group_at"] < rows["b@shop.fr"]
    only_b = api.get(f"/api/segments/{sid}/profiles", params={"filter": 'equals(email,"b@shop.fr")'}).json()["data"]
    assert [p["attributes"]["email"] for p in only_b] == ["b@shop.fr"]
    upsert(api, "a@shop.fr", Points=10)
    assert sb.segment_members(sid) == ["b@shop.fr"]


def test_unsupported_conditions_are_refused_by_name(sb):
    region = {"type": "profile-region", "in_region": True, "region": "european_union"}
    phone = {"type": "profile-property", "property": "phone_number",
             "filter": {"type": "string", "operator": "phone-country-code-in", "value": ["33"]}}
    for cond, pointer, words in ((region, "/conditions/0/type", "region conditions"),
                                 (phone, "/conditions/0/filter/operator", "phone country-code")):
        doc = segment_doc("unsupported", [cond])
        assert not spec_rejects("POST", "/api/segments", doc)  # Klaviyo accepts it...
        r = fresh(sb, "POST", "/api/segments", doc)
        assert r.status_code == 400  # ...the sandbox says it cannot evaluate it
        err = errors(r)[0]
        assert err["source"]["pointer"] == "/data/attributes/definition/condition_groups/0" + pointer
        assert words in err["detail"] and "sandbox" in err["detail"]
    assert sb.segments() == []


def test_invalid_segment_bodies_get_400_with_pointers(sb, api):
    upsert(api, "a@shop.fr", Points=1)
    event(api, "a@shop.fr", "Points Earned", "2026-11-20T12:00:00Z")
    base = "/data/attributes/definition/condition_groups/0/conditions/0"
    cases = [
        # JSON integer where the spec says oneOf [integer, number]: the spec rejects it, so does the sandbox
        (segment_doc("s", [prop("Points", {"type": "numeric", "operator": "equals", "value": 5})]),
         f"{base}/filter/value", True),
        (segment_doc("s", [prop("Points", {"type": "numeric", "operator": "between", "value": 5.0})]),
         f"{base}/filter/operator", True),
        (segment_doc("s", [prop("Expiry", {"type": "date", "operator": "in-the-next", "unit": "month",
                                           "quantity": 1})]), f"{base}/filter/unit", True),
        (segment_doc("s", [{"type": "profile-property", "property": "properties['x']"}]), f"{base}/filter", True),
        ({"data": {"type": "segment", "attributes": {"name": "no definition"}}}, "/data/attributes/definition", True),
        ({"data": {"type": "list", "attributes": {"name": "x"}}}, "/data/type", True),
        # valid for the spec, impossible for the account or the evaluator
        (segment_doc("s", [metric_cond("NoSuch", "equals", 0.0)]), f"{base}/metric_id", False),
        (segment_doc("s", [{"type": "profile-property", "property": "favourite colour",
                            "filter": {"type": "existence", "operator": "is-set"}}]), f"{base}/property", False),
        (segment_doc("s"), "/data/attributes/definition/condition_groups", False),
    ]
    for doc, pointer, spec_too in cases:
        r = fresh(sb, "POST", "/api/segments", doc)
        assert r.status_code == 400, (doc, r.text)
        assert pointer in [e["source"].get("pointer") for e in errors(r)], (pointer, errors(r))
        assert spec_rejects("POST", "/api/segments", doc) is spec_too, doc
    assert sb.segments() == []


# --------------------------------------------------------------------------- templates


def test_templates_create_find_patch(sb, api):
    r = api.post("/api/templates", json=template_doc("Loyalty: Points earned (FR)", text="Bonjour"))
    assert r.status_code == 201
    t = r.json()["data"]
    assert t["attributes"]["editor_type"] == "CODE" and t["attributes"]["text"] == "Bonjour"
    api.post("/api/templates", json=template_doc("Loyalty: Points earned (FR)"))  # duplicate names are kept
    api.post("/api/templates", json=template_doc("Loyalty: Points earned (EN)"))
    found = api.get("/api/templates", params={"filter": 'equals(name,"Loyalty: Points earned (FR)")',
                                              "sort": "created"}).json()["data"]
    assert len(found) == 2 and found[0]["id"] == t["id"]
    assert len(api.get("/api/templates", params={"filter": 'contains(name,"Points earned")'}).json()["data"]) == 3
    accented = "Fidélité : points qui expirent d'ici 30 jours (FR)"
    tid = api.post("/api/templates", json=template_doc(accented)).json()["data"]["id"]
    flt = quote('equals(name,"' + accented + '")', safe="")
    assert [x["id"] for x in api.get(f"/api/templates?filter={flt}").json()["data"]] == [tid]
    patch = {"data": {"type": "template", "id": t["id"], "attributes": {"html": "<p>v2</p>", "text": None}}}
    r = api.patch(f"/api/templates/{t['id']}", json=patch)
    assert r.status_code == 200 and r.json()["data"]["attributes"]["html"] == "<p>v2</p>"
    snap = next(x for x in sb.templates() if x.id == t["id"])
    assert (snap.html, snap.text, snap.name) == ("<p>v2</p>", None, "Loyalty: Points earned (FR)")
    assert api.get(f"/api/templates/{t['id']}").json()["data"]["attributes"]["html"] == "<p>v2</p>"
    assert api.get("/api/templates/NOPE00").status_code == 404
    for attrs, pointer in (({"editor_type": "MJML"}, "/data/attributes/editor_type"),
                           ({"editor_type": "SYSTEM_DRAGGABLE", "html": None}, "/data/attributes/editor_type"),
                           ({"html": None}, "/data/attributes/html"),
                           ({"html": 12}, "/data/attributes/html")):
        doc = template_doc("bad")
        doc["data"]["attributes"].update(attrs)
        r = api.post("/api/templates", json=doc)
        assert r.status_code == 400 and errors(r)[0]["source"]["pointer"] == pointer, r.text
    assert len(sb.templates()) == 4


# --------------------------------------------------------------------------- flows


def _flow_prerequisites(sb: KlaviyoSandbox, api: httpx.Client) -> tuple[str, str]:
    event(api, "a@shop.fr", "Points Expiring", "2026-11-20T12:00:00Z", days_before=30)
    tid = api.post("/api/templates", json=template_doc("Expiring (FR)")).json()["data"]["id"]
    return metric_id(sb, "Points Expiring"), tid


def test_flow_created_as_draft_read_back_and_status_patched(sb, api):
    mid, tid = _flow_prerequisites(sb, api)
    members_only = {"condition_groups": [{"conditions": [
        prop("Loyalty State", {"type": "string", "operator": "equals", "value": "member"})]}]}
    trigger_filter = {"condition_groups": [{"conditions": [{
        "type": "metric-property", "metric_id": mid, "field": "days_before",
        "filter": {"type": "numeric", "operator": "equals", "value": 30.0}}]}]}
    doc = flow_doc("Loyalty: Points Expiring 30 days (FR)", mid, tid, profile_filter=members_only)
    doc["data"]["attributes"]["definition"]["triggers"][0]["trigger_filter"] = trigger_filter
    r = fresh(sb, "POST", "/api/flows", doc)
    assert r.status_code == 201, r.text
    flow = r.json()["data"]
    attrs, defn = flow["attributes"], flow["attributes"]["definition"]
    assert (attrs["status"], attrs["trigger_type"], attrs["archived"]) == ("draft", "Metric", False)
    ids = [a["id"] for a in defn["actions"]]
    assert defn["entry_action_id"] == ids[0] and defn["actions"][0]["links"]["next"] == ids[1]
    assert all("temporary_id" not in a for a in defn["actions"])
    assert defn["actions"][1]["data"]["message"]["template_id"] == tid
    assert defn["triggers"][0]["trigger_filter"] == trigger_filter and defn["profile_filter"] == members_only
    # read back: the definition only on request, actions listed and included
    plain = api.get(f"/api/flows/{flow['id']}").json()["data"]
    assert "definition" not in plain["attributes"]
    full = api.get(f"/api/flows/{flow['id']}?additional-fields[flow]=definition&include=flow-actions").json()
    assert full["data"]["attributes"]["definition"] == defn and [a["id"] for a in full["included"]] == ids
    acts = api.get(f"/api/flows/{flow['id']}/flow-actions",
                   params={"filter": 'equals(action_type,"send-email")'}).json()["data"]
    assert [a["id"] for a in acts] == [ids[1]] and acts[0]["attributes"]["definition"]["type"] == "send-email"
    found = api.get("/api/flows", params={"filter": 'equals(name,"Loyalty: Points Expiring 30 days (FR)")'})
    assert [f["id"] for f in found.json()["data"]] == [flow["id"]]
    assert api.get("/api/flows", params={"filter": 'starts-with(name,"Loyalty:")'}).json()["data"]
    # status: the flow and all its actions
    patch = {"data": {"type": "flow", "id": flow["id"], "attributes": {"status": "manual"}}}
    r = api.patch(f"/api/flows/{flow['id']}", json=patch)
    assert r.status_code == 200 and r.json()["data"]["attributes"]["status"] == "manual"
    assert {a.status for a in sb.flow_actions(flow["id"])} == {"manual"}
    patch["data"]["attributes"]["status"] = "paused"
    r = api.patch(f"/api/flows/{flow['id']}", json=patch)
    assert r.status_code == 400 and errors(r)[0]["source"]["pointer"] == "/data/attributes/status"
    assert [f.name for f in sb.flows()] == ["Loyalty: Points Expiring 30 days (FR)"]
    assert api.get("/api/flows/NOPE00").status_code == 404


def test_flow_with_unknown_metric_or_template_or_broken_links_gets_400(sb, api):
    mid, tid = _flow_prerequisites(sb, api)
    defn = "/data/attributes/definition"
    unknown_metric = flow_doc("f", "NoSuch", tid)
    bad_link = flow_doc("f", mid, tid)
    bad_link["data"]["attributes"]["definition"]["actions"][0]["links"]["next"] = "nowhere"
    cycle = flow_doc("f", mid, tid)
    cycle["data"]["attributes"]["definition"]["actions"][1]["links"] = {"next": "wait"}
    orphan = flow_doc("f", mid, tid, entry_action_id="mail")
    with_id = flow_doc("f", mid, tid)
    with_id["data"]["attributes"]["definition"]["actions"][0]["id"] = "123"
    sms = flow_doc("f", mid, tid)
    sms["data"]["attributes"]["definition"]["actions"].append({"temporary_id": "sms", "type": "send-sms"})
    two_triggers = flow_doc("f", mid, tid)
    two_triggers["data"]["attributes"]["definition"]["triggers"] *= 2
    cases = [
        (unknown_metric, f"{defn}/triggers/0/id", "does not exist"),
        (flow_doc("f", mid, "NoSuch"), f"{defn}/actions/1/data/message/template_id", "does not exist"),
        (bad_link, f"{defn}/actions/0/links/next", "not the temporary_id"),
        (cycle, f"{defn}/actions", "cycle"),
        (orphan, f"{defn}/actions/0", "cannot be reached"),
        (with_id, f"{defn}/actions/0/id", "not allowed on create"),
        (sms, f"{defn}/actions/2/type", "not support"),
        (two_triggers, f"{defn}/triggers", "exactly one trigger"),
        (flow_doc("f", mid, tid, entry_action_id=None), f"{defn}/entry_action_id", "entry_action_id"),
    ]
    for doc, pointer, words in cases:
        assert not spec_rejects("POST", "/api/flows", doc)  # all shape-valid: the account decides
        r = fresh(sb, "POST", "/api/flows", doc)
        assert r.status_code == 400, r.text
        hit = [e for e in errors(r) if e["source"].get("pointer") == pointer]
        assert hit and words in hit[0]["detail"], (pointer, errors(r))
    bad_delay = flow_doc("f", mid, tid)
    bad_delay["data"]["attributes"]["definition"]["actions"][0]["data"]["value"] = "23"
    assert spec_rejects("POST", "/api/flows", bad_delay)
    r = fresh(sb, "POST", "/api/flows", bad_delay)
    assert r.status_code == 400 and errors(r)[0]["source"]["pointer"] == f"{defn}/actions/0/data/value"
    assert sb.flows() == []


# --------------------------------------------------------------------------- limits and scopes


def test_create_segment_rate_limit_429_with_retry_after(sb, api):
    doc = segment_doc("s", [prop("x", {"type": "existence", "operator": "is-set"})])
    assert api.post("/api/segments", json=doc).status_code == 201
    r = api.post("/api/segments", json=doc)
    assert r.status_code == 429 and errors(r)[0]["code"] == "throttled"
    wait = int(r.headers["Retry-After"])
    assert 1 <= wait <= 1 and not any(h.lower().startswith("ratelimit-") for h in r.headers)
    time.sleep(wait)
    r = api.post("/api/segments", json=doc)
    assert r.status_code == 201 and r.headers["RateLimit-Limit"] == "15"
    assert len(sb.segments()) == 2 and sb.daily_used("create_segment") == 2


def test_daily_cap_429_says_so_then_works_after_reset(sb, api):
    doc = segment_doc("s", [prop("x", {"type": "existence", "operator": "is-set"})])
    sb.set_daily_used("create_segment", 100)
    r = api.post("/api/segments", json=doc)
    assert r.status_code == 429
    err = errors(r)[0]
    assert err["code"] == "throttled" and "daily limit of 100" in err["detail"]
    assert int(r.headers["Retry-After"]) > 3600  # tomorrow, not in a minute
    assert fresh(sb, "POST", "/api/segments", doc).status_code == 429  # per account, whatever the key
    assert sb.segments() == []
    # other capped operations count apart; update_segment has its own 100 a day
    sb.set_daily_used("create_flow", 100)
    assert fresh(sb, "POST", "/api/flows", flow_doc("f", "x", "y")).status_code == 429
    sb.reset_daily()
    assert sb.daily_used("create_segment") == 0
    r = fresh(sb, "POST", "/api/segments", doc)
    assert r.status_code == 201 and sb.daily_used("create_segment") == 1


def test_missing_scopes_are_403_and_named(sb, api):
    r = api.post("/api/segments", json=segment_doc("s", [prop("x", {"type": "existence", "operator": "is-set"})]))
    sid = r.json()["data"]["id"]
    with client(sb, sb.add_key({"segments:read"})) as c:
        assert c.get("/api/segments").status_code == 200
        r = c.post("/api/segments", json=segment_doc("s", [prop("x", {"type": "existence", "operator": "is-set"})]))
        assert r.status_code == 403 and "segments:write" in errors(r)[0]["detail"]
        r = c.get(f"/api/segments/{sid}/profiles")
        assert r.status_code == 403 and "profiles:read" in errors(r)[0]["detail"]
    with client(sb, sb.add_key({"templates:read", "metrics:read"})) as c:
        assert c.get("/api/templates").status_code == 200 and c.get("/api/metrics").status_code == 200
        r = c.post("/api/templates", json=template_doc("t"))
        assert r.status_code == 403 and "templates:write" in errors(r)[0]["detail"]
        r = c.get("/api/flows")
        assert r.status_code == 403 and "flows:read" in errors(r)[0]["detail"]
    with client(sb, sb.add_key({"flows:write"})) as c:
        assert c.get("/api/flows").status_code == 200  # write implies read, as "Full Access" keys
    assert len(sb.segments()) == 1 and sb.templates() == []


# --------------------------------------------------------------------------- inspection


def test_snapshots_are_copies_and_requests_are_recorded(sb, api):
    upsert(api, "a@shop.fr", Points=10)
    sb.clear_requests()
    doc = segment_doc("s", [prop("Points", {"type": "numeric", "operator": "greater-than", "value": 5.0})])
    sid = api.post("/api/segments", json=doc).json()["data"]["id"]
    api.post("/api/templates", json=template_doc("t"))
    snap = sb.segments()[0]
    snap.name = "changed"
    snap.definition["condition_groups"].clear()
    assert sb.segments()[0].name == "s" and sb.segment_members(sid) == ["a@shop.fr"]
    assert sb.count_requests() == 2 and sb.count_requests(write_only=True) == 2
    assert [r.operation for r in sb.requests] == ["create_segment", "create_template"]


# --------------------------------------------------------------------------- the shapes agree with the spec


def _mutations(obj):
    """Each key dropped, and each value replaced by null / an integer / a string / an unknown enum."""
    def paths(o, path):
        items = o.items() if isinstance(o, dict) else enumerate(o) if isinstance(o, list) else ()
        for k, v in items:
            yield [*path, k]
            yield from paths(v, [*path, k])
    for p in paths(obj, []):
        for kind, value in (("drop", None), ("null", None), ("int", 5), ("str", "zz"), ("float", 5.5)):
            m = copy.deepcopy(obj)
            parent = m
            for k in p[:-1]:
                parent = parent[k]
            if kind == "drop":
                if not isinstance(parent, dict):
                    continue
                del parent[p[-1]]
            else:
                parent[p[-1]] = value
            yield f"{'/'.join(map(str, p))}:{kind}", m


def test_definition_shapes_accept_exactly_what_the_spec_accepts():
    """Mutation test: for every variant of a segment and a flow definition, the sandbox's shapes and the
    spec's validator agree (except variants the sandbox refuses as unsupported, which the spec allows)."""
    segment = {"condition_groups": [
        {"conditions": [prop("Points", {"type": "numeric", "operator": "greater-than-or-equal", "value": 5.0}),
                        prop("Expiry", {"type": "date", "operator": "in-the-next", "unit": "day", "quantity": 30}),
                        prop("Tier", {"type": "string", "operator": "in", "value": ["Gold"]})]},
        {"conditions": [metric_cond("M1", "equals", 0.0, {"type": "date", "operator": "between", "start": 1,
                                                           "end": 9, "unit": "week"},
                                    metric_filters=[{"property": "p", "filter": {
                                        "type": "list", "operator": "contains-any", "value": ["x"]}}]),
                        {"type": "profile-group-membership", "is_member": True, "group_ids": ["L1"],
                         "timeframe_filter": {"type": "date", "operator": "after", "date": "2026-01-01T00:00:00Z"}}]}]}
    flow = flow_doc("f", "M1", "T1")["data"]["attributes"]["definition"]
    flow["triggers"][0]["trigger_filter"] = {"condition_groups": [{"conditions": [{
        "type": "metric-property", "metric_id": "M1", "field": "days_before",
        "filter": {"type": "numeric", "operator": "between", "start": 1.0, "end": 30.0}}]}]}
    flow["actions"].append({"temporary_id": "split", "type": "conditional-split",
                            "links": {"next_if_true": None, "next_if_false": None},
                            "data": {"profile_filter": {"condition_groups": [{"conditions": [
                                prop("VIP", {"type": "boolean", "operator": "equals", "value": True})]}]}}})
    from openapi_schema_validator import (
        OAS30WriteValidator,  # what openapi-core checks bodies with
    )

    components = json.loads(klaviyo_spec.SPEC_PATH.read_text())["components"]
    checked = 0
    for path, rtype, shape, base in (("/api/segments", "segment", SEGMENT_DEFINITION, segment),
                                     ("/api/flows", "flow", FLOW_DEFINITION, flow)):
        body_schema = {"$ref": f"#/components/schemas/{rtype.capitalize()}CreateQuery", "components": components}
        spec_body = OAS30WriteValidator(body_schema, format_checker=OAS30WriteValidator.FORMAT_CHECKER)
        for label, variant in [("as is", base), *_mutations(base)]:
            doc = {"data": {"type": rtype, "attributes": {"name": "x", "definition": variant}}}
            problems = check(shape, variant, "/data/attributes/definition")
            unsupported = any("does not support" in e["detail"] for e in problems)
            spec_ok = spec_body.is_valid(doc)
            if checked % 25 == 0:  # the fast body check answers as the full request validation does
                assert spec_ok is not spec_rejects("POST", path, doc), label
            assert spec_ok == (not problems) or (spec_ok and unsupported), (path, label, problems[:1])
            checked += 1
    assert checked > 500


def test_sparse_fields_sorts_includes_and_cursors(sb, api):
    mid, tid = _flow_prerequisites(sb, api)
    for i in range(3):
        assert fresh(sb, "POST", "/api/flows", flow_doc(f"Flow {i}", mid, tid)).status_code == 201
        assert api.post("/api/templates", json=template_doc(f"T {i}")).status_code == 201
    fresh(sb, "POST", "/api/segments", segment_doc("s", [prop("x", {"type": "existence", "operator": "is-set"})]))
    seg = api.get("/api/segments?fields[segment]=name&include=tags").json()
    assert set(seg["data"][0]["attributes"]) == {"name", "is_active", "is_processing", "is_starred"}
    assert seg["included"] == []
    with client(sb, sb.add_key()) as reader:  # the flows endpoints allow 3 requests/s per key
        names = [f["attributes"]["name"] for f in all_pages(reader, "/api/flows?page[size]=2&sort=-name")]
    assert names == ["Flow 2", "Flow 1", "Flow 0"]
    flows = fresh(sb, "GET", "/api/flows?include=flow-actions&fields[flow]=name,status").json()
    assert len(flows["included"]) == 6 and set(flows["data"][0]["attributes"]) == {"name", "status"}
    assert len(fresh(sb, "GET", "/api/flows?filter=" + quote('equals(trigger_type,"Metric")')).json()["data"]) == 3
    assert fresh(sb, "GET", "/api/flows?filter=equals(archived,false)").json()["data"]
    assert fresh(sb, "GET", "/api/flows?page[size]=51").status_code == 400
    fid = flows["data"][0]["id"]
    acts = fresh(sb, "GET", f"/api/flows/{fid}/flow-actions?sort=-action_type&fields[flow-action]=definition").json()
    acts = acts["data"]
    assert [a["attributes"]["definition"]["type"] for a in acts] == ["time-delay", "send-email"]
    tpls = all_pages(api, "/api/templates?page[size]=2&sort=-created&fields[template]=name")
    assert [t["attributes"]["name"] for t in tpls][:3] == ["T 2", "T 1", "T 0"]
    since = (clock.now() - timedelta(hours=1)).replace(microsecond=0).isoformat()
    assert len(api.get("/api/templates", params={"filter": f"greater-than(created,{since})"}).json()["data"]) == 4
    assert api.get("/api/templates?sort=colour").status_code == 400
    assert api.get("/api/templates", params={"filter": "equals(name,42)"}).status_code == 400
