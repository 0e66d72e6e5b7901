"""JSON:API resource objects of the Klaviyo sandbox (shapes from the 2026-07-15 OpenAPI)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import timedelta
from typing import Any

from loyalty_emulators.klaviyo.common import iso
from loyalty_emulators.klaviyo.state import (
    ImportJob,
    SandboxEvent,
    SandboxList,
    SandboxMetric,
    SandboxProfile,
)
from loyalty_emulators.klaviyo.validate import LOCATION_KEYS

API_INTEGRATION = {"object": "integration", "id": "0rG4eQ", "key": "api", "name": "API", "category": "API"}


def _rel(base: str, owner: str, oid: str, name: str) -> dict[str, str]:
    return {"self": f"{base}/api/{owner}/{oid}/relationships/{name}/", "related": f"{base}/api/{owner}/{oid}/{name}/"}


def sparse(query: dict[str, list[str]], rtype: str) -> set[str] | None:
    raw = query.get(f"fields[{rtype}]")
    if not raw:
        return None
    return {f.strip().split(".", 1)[0] for v in raw for f in v.split(",") if f.strip()}


def profile(p: SandboxProfile, base: str, fields: set[str] | None = None,
            additional: AbstractSet[str] = frozenset(), with_relationships: bool = True) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "email": p.email, "phone_number": p.phone_number, "external_id": p.external_id,
        "first_name": p.first_name, "last_name": p.last_name, "organization": p.organization,
        "locale": p.locale, "title": p.title, "image": p.image,
        "created": iso(p.created), "updated": iso(p.updated), "last_event_date": iso(p.last_event_date),
        # latitude/longitude are nullable oneOf(string, number): the spec's validator rejects
        # null there, so they are omitted when unset.
        "location": {k: p.location.get(k) for k in LOCATION_KEYS
                     if p.location.get(k) is not None or k not in ("latitude", "longitude")},
        "properties": dict(p.properties),
    }
    if fields is not None:
        attrs = {k: v for k, v in attrs.items() if k in fields}
    if "subscriptions" in additional:
        attrs["subscriptions"] = {
            "email": {"marketing": {"can_receive_email_marketing": False, "consent": "NEVER_SUBSCRIBED",
                                    "consent_timestamp": None, "last_updated": None, "method": None,
                                    "method_detail": None, "custom_method_detail": None,
                                    "double_optin": None, "suppression": [], "list_suppressions": []}},
            "sms": {"marketing": {"can_receive_sms_marketing": False, "consent": "NEVER_SUBSCRIBED",
                                  "consent_timestamp": None, "method": None, "method_detail": None,
                                  "last_updated": None}},
        }
    if "predictive_analytics" in additional:
        attrs["predictive_analytics"] = dict.fromkeys((
            "historic_clv", "predicted_clv", "total_clv", "historic_number_of_orders", "predicted_number_of_orders",
            "average_days_between_orders", "average_order_value", "churn_probability", "expected_date_of_next_order",
            "ranked_channel_affinity"))
    out: dict[str, Any] = {"type": "profile", "id": p.id, "attributes": attrs}
    if with_relationships:
        out["relationships"] = {name: {"links": _rel(base, "profiles", p.id, name)}
                                for name in ("lists", "segments")}
    out["links"] = {"self": f"{base}/api/profiles/{p.id}/"}
    return out


def event(e: SandboxEvent, base: str, fields: set[str] | None = None) -> dict[str, Any]:
    props = dict(e.properties)
    if e.unique_id is not None:
        props.setdefault("$event_id", e.unique_id)
    if e.value is not None:
        props.setdefault("$value", e.value)
    attrs: dict[str, Any] = {"timestamp": int(e.time.timestamp()), "event_properties": props,
                             "datetime": iso(e.time), "uuid": e.uuid}
    if fields is not None:
        attrs = {k: v for k, v in attrs.items() if k in fields}
    return {"type": "event", "id": e.id, "attributes": attrs,
            "relationships": {
                "profile": {"data": {"type": "profile", "id": e.profile_id},
                            "links": _rel(base, "events", e.id, "profile")},
                "metric": {"data": {"type": "metric", "id": e.metric_id},
                           "links": _rel(base, "events", e.id, "metric")}},
            "links": {"self": f"{base}/api/events/{e.id}/"}}


def metric(m: SandboxMetric, base: str, fields: set[str] | None = None) -> dict[str, Any]:
    integration = dict(API_INTEGRATION) if m.service == "api" else {
        "object": "integration", "id": "custom", "key": m.service, "name": m.service, "category": "Custom"}
    attrs = {"name": m.name, "created": iso(m.created), "updated": iso(m.updated), "integration": integration}
    if fields is not None:
        attrs = {k: v for k, v in attrs.items() if k in fields}
    return {"type": "metric", "id": m.id, "attributes": attrs,
            "links": {"self": f"{base}/api/metrics/{m.id}/"}}


def list_(lst: SandboxList, base: str) -> dict[str, Any]:
    return {"type": "list", "id": lst.id,
            "attributes": {"name": lst.name, "created": iso(lst.created), "updated": iso(lst.created),
                           "opt_in_process": "single_opt_in"},
            "links": {"self": f"{base}/api/lists/{lst.id}/"}}


def job(j: ImportJob, base: str, mono_now: float, fields: set[str] | None = None) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "status": j.status(mono_now), "created_at": iso(j.created_at), "total_count": j.total_count,
        "completed_count": j.completed_count, "failed_count": j.failed_count,
        "completed_at": iso(j.completed_at), "expires_at": iso(j.created_at + timedelta(days=7)),
        "started_at": iso(j.started_at(mono_now)),
    }
    if fields is not None:
        attrs = {k: v for k, v in attrs.items() if k in fields or k in ("status", "created_at", "total_count")}
    jp = f"{base}/api/profile-bulk-import-jobs/{j.id}"
    return {"type": "profile-bulk-import-job", "id": j.id, "attributes": attrs,
            "relationships": {
                "lists": {"data": [{"type": "list", "id": lid} for lid in j.list_ids],
                          "links": {"self": f"{jp}/relationships/lists/", "related": f"{jp}/lists/"}},
                "profiles": {"links": {"self": f"{jp}/relationships/profiles/", "related": f"{jp}/profiles/"}},
                "import-errors": {"links": {"related": f"{jp}/import-errors/"}}},
            "links": {"self": f"{jp}/"}}


def account(account_id: str, organization_name: str, test_account: bool, base: str) -> dict[str, Any]:
    return {"type": "account", "id": account_id, "attributes": {
        "test_account": test_account,
        "contact_information": {
            "default_sender_name": organization_name,
            "default_sender_email": "fidelite@maison-lumiere.example",
            "website_url": "https://maison-lumiere.example",
            "organization_name": organization_name,
            "street_address": {"address1": "12 rue des Lumières", "address2": None, "city": "Paris",
                               "region": "Île-de-France", "country": "France", "zip": "75003"}},
        "industry": "Retail", "timezone": "Europe/Paris", "preferred_currency": "EUR",
        "public_api_key": account_id, "locale": "fr-FR"},
        "links": {"self": f"{base}/api/accounts/{account_id}/"}}
