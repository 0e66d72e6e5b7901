"""End to end: demo program → sync → Klaviyo sandbox, then the loyalty kit over real HTTP.

Every exchange is checked against Klaviyo's OpenAPI afterwards (request bodies and answers). Runs
use one language at a time: creating flows is paced at Klaviyo's 1/s and 15/min (on the fake clock
here: the pacing and the sandbox's limits count fake seconds, nothing sleeps); test_kit_bodies
checks both languages' bodies.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.sync_helpers import destination, new_program, run_sync
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE, Mapping
from loyalty_desktop.destinations.klaviyo.kit import (
    ItemKind,
    ItemResult,
    ItemStatus,
    KitReport,
    Resolved,
    plan_kit,
    run_kit,
)
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync import segments
from loyalty_desktop.sync.segments import reward_points_for
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

pytestmark = pytest.mark.usefixtures("fake_rate_clock")

MEMBERS = 800
MISSING_METRIC = "waits for the first {metric} event; the sync that sends one creates it"


@pytest.fixture(scope="module")
def program_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "program.sqlite3"
    new_program(path, MEMBERS).close()
    return path


def synced(store: Store, program: DemoProgram, sb: KlaviyoSandbox, mapping: Mapping = KLAVIYO_LOYALTY,
           backfill: bool = True) -> None:
    """A first sync (with history as backfill events, so the metrics exist); the sandbox then
    evaluates relative dates on the program's clock, as the app's preview does."""
    summary = run_sync(store, program, sb, mapping, backfill=backfill)
    assert summary.error is None and summary.rejected == 0
    as_of = segments.program_as_of(store)
    assert as_of is not None
    sb.set_clock(as_of)


def kit(sb: KlaviyoSandbox, store: Store, mapping: Mapping = KLAVIYO_LOYALTY, **kw: Any) -> KitReport:
    with destination(sb) as dest:
        return run_kit(dest, store, mapping, **kw)


def statuses(report: KitReport, kind: ItemKind | None = None) -> set[ItemStatus]:
    return {r.status for r in report.results if kind is None or r.item.kind is kind}


def app_counts(store: Store, keys: list[str]) -> dict[str, int]:
    """The app's own counts of these segments (same definitions, same as_of)."""
    report = segments.segment_report(store, reward_points=reward_points_for(store))
    counts = {c.key: c.members for c in report.counts}
    return {k: counts[k] for k in keys}


def test_kit_makes_segments_templates_and_draft_flows(store: Store, program: DemoProgram,
                                                      sandbox: KlaviyoSandbox) -> None:
    synced(store, program, sandbox)
    seen: list[tuple[int, int, ItemResult]] = []
    report = kit(sandbox, store, languages="fr", progress=lambda n, total, r: seen.append((n, total, r)))
    plan = plan_kit(store, KLAVIYO_LOYALTY, "fr")
    assert [r.item.key for r in report.results] == [i.key for i in plan]
    assert [(n, t) for n, t, _ in seen] == [(n, len(plan), ) for n in range(1, len(plan) + 1)]
    assert not report.failed and not report.notes

    # Segments: created, and Klaviyo's member counts are the app's own counts.
    segs = {s.name: s for s in sandbox.segments()}
    made = [r for r in report.results if r.item.kind is ItemKind.SEGMENT]
    assert {r.status for r in made} == {ItemStatus.CREATED} and len(segs) == len(made) >= 7
    counted = {r.item.key.removeprefix("segment:"): len(sandbox.segment_members(r.remote_id or "")) for r in made}
    assert counted == app_counts(store, list(counted))
    assert all(r.item.preview_count == counted[r.item.key.removeprefix("segment:")] for r in made)
    assert min(counted.values()) > 0

    # Templates: one per template spec, HTML and text as rendered, CODE editor.
    templates = {t.name: t for t in sandbox.templates()}
    for r in report.results:
        if r.item.kind is ItemKind.TEMPLATE:
            assert r.status is ItemStatus.CREATED
            t = templates[r.item.name]
            assert (t.id, t.editor_type) == (r.remote_id, "CODE")
            assert r.item.build is not None
            attrs = r.item.build(Resolved())
            assert (t.html, t.text) == (attrs["html"], attrs["text"])

    # Flows: drafts, triggered by the metric of that name, sending the templates made above.
    metric_ids = {name: mid for mid, name in sandbox.metrics()}
    template_ids = {r.item.key: r.remote_id for r in report.results if r.item.kind is ItemKind.TEMPLATE}
    flows = {f.name: f for f in sandbox.flows()}
    flow_results = [r for r in report.results if r.item.kind is ItemKind.FLOW]
    assert flow_results
    for r in flow_results:
        metric = r.item.metrics[0]
        if metric not in metric_ids:  # the backfill holds no tier change: nothing to trigger it yet
            assert r.status is ItemStatus.PENDING and r.message == MISSING_METRIC.format(metric=metric)
            assert r.item.name not in flows
            continue
        assert r.status is ItemStatus.CREATED, r.message
        f = flows[r.item.name]
        assert f.status == "draft" and f.trigger_type == "Metric"
        (trigger,) = f.definition["triggers"]
        assert trigger["id"] == metric_ids[metric]
        actions = sandbox.flow_actions(f.id)
        emails = [a for a in actions if a.type == "send-email"]
        assert [a.definition["data"]["message"]["template_id"] for a in emails] == [
            template_ids[k] for k in r.item.depends_on]
        assert all(a.status == "draft" for a in actions)
    assert sum(r.status is ItemStatus.CREATED for r in flow_results) >= 6

    # Second run: nothing created, nothing changed.
    sandbox.clear_requests()
    again = kit(sandbox, store, languages="fr")
    assert again.created == 0
    assert statuses(again) <= {ItemStatus.UNCHANGED, ItemStatus.SKIPPED, ItemStatus.PENDING}
    assert [r.item.key for r in again.results if r.status is ItemStatus.PENDING] == [
        r.item.key for r in report.results if r.status is ItemStatus.PENDING]
    assert sandbox.count_requests(write_only=True) == 0
    assert len(sandbox.segments()) == len(segs) and len(sandbox.flows()) == len(flows)


def test_never_referred_counts_the_same_in_klaviyo_and_in_the_app(store: Store, program: DemoProgram,
                                                                  sandbox: KlaviyoSandbox) -> None:
    """"Never referred" rests on the completed count on the member's own profile (Klaviyo holds
    "Referral Started" on the invited friend's profile, so it cannot say who sent a pending one)."""
    synced(store, program, sandbox)
    report = kit(sandbox, store, languages="en", items=["segment:never-referred"])
    (r,) = report.results
    assert r.status is ItemStatus.CREATED
    klaviyo = len(sandbox.segment_members(r.remote_id or ""))
    assert r.item.preview_count is not None
    assert klaviyo == app_counts(store, ["never-referred"])["never-referred"] == r.item.preview_count > 0


def test_daily_cap_defers_and_the_next_run_finishes(store: Store, program: DemoProgram,
                                                    sandbox: KlaviyoSandbox) -> None:
    synced(store, program, sandbox)
    plan = plan_kit(store, KLAVIYO_LOYALTY, "en")
    n_segments = sum(i.kind is ItemKind.SEGMENT for i in plan)
    n_flows = sum(i.kind is ItemKind.FLOW for i in plan)
    sandbox.set_daily_used("create_segment", 98)  # two segments left today
    sandbox.set_daily_used("create_flow", 99)  # and one flow
    first = kit(sandbox, store, languages="en")
    segs = [r for r in first.results if r.item.kind is ItemKind.SEGMENT]
    assert [r.status for r in segs] == [ItemStatus.CREATED] * 2 + [ItemStatus.DEFERRED] * (n_segments - 2)
    assert all("Klaviyo allows 100 new segments per day" in r.message and "tomorrow" in r.message
               for r in segs[2:])
    flows = [r for r in first.results if r.item.kind is ItemKind.FLOW and r.status is not ItemStatus.PENDING]
    deferred_flows = len(flows) - 1
    assert [r.status for r in flows] == [ItemStatus.CREATED] + [ItemStatus.DEFERRED] * deferred_flows
    assert first.notes == [
        f"Klaviyo allows 100 new segments per day; {n_segments - 2} remain, run the kit again tomorrow.",
        f"Klaviyo allows 100 new flows per day; {deferred_flows} remain, run the kit again tomorrow."]
    # A cap stops its own kind only: the templates were all made.
    assert statuses(first, ItemKind.TEMPLATE) == {ItemStatus.CREATED}
    assert not first.failed and len(sandbox.segments()) == 2 and len(sandbox.flows()) == 1
    # One 429 for the cap, then no more segment creations were tried.
    creates = [r for r in sandbox.requests if r.operation == "create_segment"]
    assert [r.status for r in creates] == [201, 201, 429]

    sandbox.reset_daily()  # the next day
    second = kit(sandbox, store, languages="en")
    segs2 = [r for r in second.results if r.item.kind is ItemKind.SEGMENT]
    assert [r.status for r in segs2] == [ItemStatus.UNCHANGED] * 2 + [ItemStatus.CREATED] * (n_segments - 2)
    assert second.created == n_segments - 2 + deferred_flows and not second.notes
    assert not second.failed and n_flows == deferred_flows + 1
    assert sorted(s.name for s in sandbox.segments()) == sorted(i.name for i in plan if i.kind is ItemKind.SEGMENT)


def test_metrics_not_in_the_account_are_explained(store: Store, program: DemoProgram,
                                                  sandbox: KlaviyoSandbox) -> None:
    synced(store, program, sandbox, backfill=False)  # a first sync sends profiles only: no metric yet
    assert sandbox.metrics() == []
    report = kit(sandbox, store, languages="en", items=[i.key for i in plan_kit(store, KLAVIYO_LOYALTY, "en")
                                                        if i.kind is not ItemKind.TEMPLATE])
    for r in report.results:
        if r.item.kind is ItemKind.FLOW:  # segments rest on profile properties only
            assert r.status is ItemStatus.PENDING and r.reason == "pending_metric"
            assert r.message == MISSING_METRIC.format(metric=r.item.metrics[0])
        else:
            assert r.status is ItemStatus.CREATED
    assert sandbox.flows() == []
    assert not report.failed


def test_smile_mapping_makes_what_its_properties_allow(store: Store, program: DemoProgram,
                                                       sandbox: KlaviyoSandbox) -> None:
    synced(store, program, sandbox, KLAVIYO_SMILE)
    keys = [i.key for i in plan_kit(store, KLAVIYO_SMILE, "en") if i.kind is ItemKind.SEGMENT]
    report = kit(sandbox, store, KLAVIYO_SMILE, languages="en", items=keys)
    done = {r.item.key.removeprefix("segment:"): r for r in report.results if r.status is ItemStatus.CREATED}
    skipped = {r.item.key for r in report.results if r.status is ItemStatus.SKIPPED}
    assert skipped == {"segment:expiring-30d", "segment:never-referred", "segment:inactive-90d"}
    counted = {k: len(sandbox.segment_members(r.remote_id or "")) for k, r in done.items()}
    assert counted == app_counts(store, list(counted))
    for s in sandbox.segments():
        assert "Smile " in str(s.definition)


def test_cancel_stops_between_items_and_a_rerun_finishes(store: Store, program: DemoProgram,
                                                          sandbox: KlaviyoSandbox) -> None:
    synced(store, program, sandbox)
    token = CancelToken()
    plan = plan_kit(store, KLAVIYO_LOYALTY, "en")

    def progress(n: int, total: int, r: ItemResult) -> None:
        if n == 3:
            token.cancel()

    first = kit(sandbox, store, languages="en", progress=progress, cancel=token)
    assert first.cancelled and not first.failed and len(first.results) == 3
    second = kit(sandbox, store, languages="en")
    assert [r.status for r in second.results[:3]] == [ItemStatus.UNCHANGED] * 3
    assert len(second.results) == len(plan) and not second.failed
    names = [s.name for s in sandbox.segments()]
    assert len(names) == len(set(names))


def test_dry_run_changes_nothing(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox) -> None:
    synced(store, program, sandbox)
    sandbox.clear_requests()
    report = kit(sandbox, store, languages="en", dry_run=True)
    assert report.dry_run and sandbox.count_requests(write_only=True) == 0
    assert sandbox.segments() == [] and sandbox.templates() == [] and sandbox.flows() == []
    # The backfill replays every moment (tiers held included): every flow's metric exists.
    assert statuses(report) == {ItemStatus.CREATED}
    assert all(r.message == "would be created" for r in report.results if r.status is ItemStatus.CREATED)
    real = kit(sandbox, store, languages="en")
    assert [(r.item.key, r.status) for r in real.results] == [(r.item.key, r.status) for r in report.results]


def test_a_key_without_the_kit_scopes_names_them(store: Store, program: DemoProgram,
                                                  sandbox: KlaviyoSandbox) -> None:
    synced(store, program, sandbox)
    key = sandbox.add_key({"accounts:read", "profiles:read", "profiles:write", "lists:read", "lists:write",
                           "events:write", "metrics:read", "templates:read", "templates:write"})
    with destination(sandbox, key) as dest:
        report = run_kit(dest, store, KLAVIYO_LOYALTY, languages="en")
    for r in report.results:
        if r.item.kind is ItemKind.SEGMENT:
            assert r.status is ItemStatus.FAILED and "segments:read" in r.message, r.message
        elif r.item.kind is ItemKind.TEMPLATE:
            assert r.status is ItemStatus.CREATED
        else:
            assert r.status is ItemStatus.FAILED and "flows:read" in r.message, r.message
    assert report.failed


def test_a_kit_in_the_other_language_finds_its_segments_and_makes_no_twin(store: Store, program: DemoProgram,
                                                                         sandbox: KlaviyoSandbox) -> None:
    # Segments are named in the kit's first language (French for "fr" and "both"): a merchant who
    # made the kit in English, then again in French, keeps one segment of each, under its first name.
    synced(store, program, sandbox)
    kit(sandbox, store, languages="en", items=[i.key for i in plan_kit(store, KLAVIYO_LOYALTY, "en")
                                                if i.kind is ItemKind.SEGMENT])
    before = sorted(s.name for s in sandbox.segments())
    assert before and all(not n.startswith("Loyalty · Palier") for n in before)
    again = kit(sandbox, store, languages="fr", items=[i.key for i in plan_kit(store, KLAVIYO_LOYALTY, "fr")
                                                       if i.kind is ItemKind.SEGMENT])
    assert sorted(s.name for s in sandbox.segments()) == before  # no French twin
    assert statuses(again, ItemKind.SEGMENT) <= {ItemStatus.UNCHANGED, ItemStatus.SKIPPED}
