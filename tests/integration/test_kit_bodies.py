"""The kit's plan and every request body it can send, checked against Klaviyo's OpenAPI (no HTTP)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import klaviyo_spec
from helpers.sync_helpers import new_program
from loyalty_desktop.core.events import POINTS_EXPIRY_WARNINGS, Metric
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE, Mapping
from loyalty_desktop.destinations.klaviyo.kit import (
    ItemKind,
    KitItem,
    Resolved,
    plan_kit,
)
from loyalty_desktop.destinations.klaviyo.kit.flows import flow_plans
from loyalty_desktop.destinations.klaviyo.kit.model import NAME_PREFIX
from loyalty_desktop.destinations.klaviyo.kit.segments import KIT_KEYS
from loyalty_desktop.destinations.klaviyo.kit.templates import load_templates
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.segments import reward_points_for, segment_report

HEADERS = {"authorization": "Klaviyo-API-Key pk_x", "revision": "2026-07-15",
           "content-type": "application/vnd.api+json", "accept": "application/vnd.api+json"}
TYPES = {ItemKind.SEGMENT: ("segment", "/api/segments"), ItemKind.TEMPLATE: ("template", "/api/templates"),
         ItemKind.FLOW: ("flow", "/api/flows")}
METRIC_IDS = {m.value: f"M{i}x" for i, m in enumerate(Metric)}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding a 300-member demo program, as after a read (no destination needed)."""
    d = tmp_path_factory.mktemp("kit")
    program = new_program(d / "program.sqlite3", 300)
    s = Store(d / "store.sqlite3")
    s.ingest("demo", program.read(None))
    program.close()
    yield s
    s.close()


def resolved(items: list[KitItem]) -> Resolved:
    return Resolved(METRIC_IDS, {i.key: f"T{n}" for n, i in enumerate(items) if i.kind is ItemKind.TEMPLATE})


def check_bodies(items: list[KitItem]) -> int:
    """POST (and, for segments and templates, the PATCH the runner would send) validate."""
    r = resolved(items)
    n = 0
    for item in items:
        if item.skip_reason:
            continue
        assert item.build is not None
        attrs = item.build(r)
        kind, path = TYPES[item.kind]
        body = json.dumps({"data": {"type": kind, "attributes": attrs}}).encode()
        klaviyo_spec.validate_request("POST", f"http://sandbox{path}", HEADERS, body)
        if item.kind is ItemKind.SEGMENT:
            patch = {"definition": attrs["definition"]}
        elif item.kind is ItemKind.TEMPLATE:
            patch = {"html": attrs["html"], "text": attrs["text"]}
        else:
            n += 1
            continue
        body = json.dumps({"data": {"type": kind, "id": "AbC123", "attributes": patch}}).encode()
        klaviyo_spec.validate_request("PATCH", f"http://sandbox{path}/AbC123", HEADERS, body)
        n += 2
    return n


@pytest.mark.parametrize("mapping", [KLAVIYO_LOYALTY, KLAVIYO_SMILE], ids=lambda m: m.preset)
def test_every_body_matches_the_spec(store: Store, mapping: Mapping, conformance: None) -> None:
    items = plan_kit(store, mapping, "both", points_buckets=True)
    assert check_bodies(items) > 40


def test_plan_lists_the_issue_items_named_together(store: Store) -> None:
    items = plan_kit(store, KLAVIYO_LOYALTY, ("fr", "en"))
    report = segment_report(store)
    tiers = [c.segment.args["tier"] for c in report.counts if c.key.startswith("tier-") and c.key != "tier-none"]
    segs = [i for i in items if i.kind is ItemKind.SEGMENT]
    # Segments are named in the kit's first language (French here).
    assert [i.name for i in segs] == [f"{NAME_PREFIX}Palier\u00a0: {t}" for t in tiers] + [
        f"{NAME_PREFIX}Récompense possible", f"{NAME_PREFIX}Points qui expirent sous 30 jours",
        f"{NAME_PREFIX}N'ont jamais parrainé", f"{NAME_PREFIX}Inactifs depuis 90 jours"]
    english = [i.name for i in plan_kit(store, KLAVIYO_LOYALTY, "en") if i.kind is ItemKind.SEGMENT]
    assert english == [f"{NAME_PREFIX}Tier: {t}" for t in tiers] + [
        f"{NAME_PREFIX}Reward ready", f"{NAME_PREFIX}Points expiring within 30 days",
        f"{NAME_PREFIX}Never referred a friend", f"{NAME_PREFIX}Inactive for 90 days"]
    assert all(not i.skip_reason for i in segs)
    # Same definitions as the app's preview: the counts the UI shows beside each item are the app's.
    by_key = report.by_key()
    for i in segs:
        assert i.preview_count == by_key[i.key.removeprefix("segment:")].members
    templates = [i for i in items if i.kind is ItemKind.TEMPLATE]
    specs = load_templates()
    assert len(templates) == 2 * len(specs)
    assert {i.language for i in templates} == {"fr", "en"}
    flows = [i for i in items if i.kind is ItemKind.FLOW]
    assert len(flows) == 2 * len(flow_plans(specs))
    for i in items:
        assert i.name.startswith(NAME_PREFIX), i.name
    for kind in ItemKind:
        names = [i.name for i in items if i.kind is kind]
        assert len(names) == len(set(names)), kind
    assert len({i.key for i in items}) == len(items)
    only_fr = plan_kit(store, KLAVIYO_LOYALTY, "fr")
    assert {i.language for i in only_fr if i.kind is not ItemKind.SEGMENT} == {"fr"}


def test_unmapped_fields_skip_their_segments_with_a_reason(store: Store) -> None:
    smile = {i.key: i for i in plan_kit(store, KLAVIYO_SMILE, "en") if i.kind is ItemKind.SEGMENT}
    assert not smile["segment:reward-ready"].skip_reason
    assert "Points expiry date" in smile["segment:expiring-30d"].skip_reason
    assert "Referrals completed" in smile["segment:never-referred"].skip_reason
    assert "Last activity" in smile["segment:inactive-90d"].skip_reason
    no_state = KLAVIYO_LOYALTY.with_field("membership_state", enabled=False)
    for item in plan_kit(store, no_state, "en"):
        if item.kind is ItemKind.SEGMENT:
            assert "Membership state" in item.skip_reason


def test_segment_definitions_use_the_mapped_property_names(store: Store) -> None:
    renamed = KLAVIYO_LOYALTY.with_field("points_balance", target="Mes Points")
    items = {i.key: i for i in plan_kit(store, renamed, "en")}
    attrs = items["segment:reward-ready"].build(Resolved(METRIC_IDS))  # type: ignore[misc]
    groups = attrs["definition"]["condition_groups"]
    assert groups[0]["conditions"] == [{"type": "profile-property", "property": "properties['Loyalty State']",
                                        "filter": {"type": "string", "operator": "equals", "value": "member"}}]
    points = groups[1]["conditions"][0]
    assert points["property"] == "properties['Mes Points']"
    # The cheapest reward the store knows (the demo's rewards bought with points).
    assert points["filter"] == {"type": "numeric", "operator": "greater-than-or-equal",
                                "value": float(reward_points_for(store))}
    assert reward_points_for(store) == min(
        r for (r,) in store.db.execute("SELECT json_extract(data, '$.points_spent') FROM records WHERE kind='reward'"
                                       " AND json_extract(data, '$.points_spent') > 0"))
    never = items["segment:never-referred"].build(Resolved(METRIC_IDS))  # type: ignore[misc]
    completed = never["definition"]["condition_groups"][-1]["conditions"][0]
    assert completed["property"] == "properties['Loyalty Referrals Completed']"
    assert completed["filter"] == {"type": "numeric", "operator": "equals", "value": 0.0}
    assert set(KIT_KEYS) <= {k.removeprefix("segment:") for k in items}


def test_flows_are_drafts_sending_their_templates(store: Store) -> None:
    items = plan_kit(store, KLAVIYO_LOYALTY, ("fr", "en"))
    r = resolved(items)
    templates = {i.key: i for i in items if i.kind is ItemKind.TEMPLATE}
    flows = [i for i in items if i.kind is ItemKind.FLOW]
    expiring: dict[str, set[float]] = {"fr": set(), "en": set()}
    for flow in flows:
        assert flow.build is not None and flow.language is not None
        attrs = flow.build(r)
        d = attrs["definition"]
        (trigger,) = d["triggers"]
        assert trigger["type"] == "metric" and trigger["id"] == METRIC_IDS[flow.metrics[0]]
        emails = [a for a in d["actions"] if a["type"] == "send-email"]
        assert [a["data"]["message"]["template_id"] for a in emails] == [r.item_ids[k] for k in flow.depends_on]
        assert all(a["data"]["status"] == "draft" for a in emails)
        assert all(templates[k].language == flow.language for k in flow.depends_on)
        assert d["entry_action_id"] == d["actions"][0]["temporary_id"]
        members_only = "profile_filter" in d
        assert members_only == (flow.metrics[0] != Metric.REFERRAL_STARTED.value), flow.name
        if flow.metrics[0] == Metric.POINTS_EXPIRING.value:
            (cond,) = trigger["trigger_filter"]["condition_groups"][0]["conditions"]
            assert cond["field"] == "days_before" and cond["metric_id"] == trigger["id"]
            expiring[flow.language].add(cond["filter"]["value"])
    # 30-day warning then 7-day last chance: two flows on the same metric, filtered on days_before.
    assert expiring == {lang: {float(d) for d in POINTS_EXPIRY_WARNINGS} for lang in ("fr", "en")}


def test_delays_follow_the_templates(store: Store) -> None:
    specs = load_templates()
    items = {i.key: i for i in plan_kit(store, KLAVIYO_LOYALTY, "en")}
    r = resolved(list(items.values()))
    for plan in flow_plans(specs):
        flow = items[f"flow:{plan.slug}:en"]
        actions = flow.build(r)["definition"]["actions"]  # type: ignore[misc]
        waited = 0
        expected: list[tuple[str, int | str]] = []
        for spec in plan.specs:
            if spec.delay_days > waited:
                expected.append(("time-delay", spec.delay_days - waited))
                waited = spec.delay_days
            expected.append(("send-email", spec.id))
        got: list[tuple[str, Any]] = []
        by_id = {r.item_ids[f"template:{s.id}:en"]: s.id for s in plan.specs}
        for a in actions:
            if a["type"] == "time-delay":
                assert a["data"]["unit"] == "days"
                got.append(("time-delay", a["data"]["value"]))
            else:
                got.append(("send-email", by_id[a["data"]["message"]["template_id"]]))
        assert got == expected, plan.slug
        links = [a.get("links", {}).get("next") for a in actions]
        assert links == [a["temporary_id"] for a in actions[1:]] + [None]


def test_plan_needs_no_network(store: Store, tmp_path: Path) -> None:
    # plan_kit reads the store and the shipped templates only: the UI can list items offline.
    items = plan_kit(store, KLAVIYO_LOYALTY, "en")
    assert items and all(i.description for i in items)
