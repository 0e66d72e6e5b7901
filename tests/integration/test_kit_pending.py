"""The kit finishes itself (issue 17.4), over real HTTP against the Klaviyo sandbox: a kit run after
a profiles-only first sync records its flows as pending (no metric exists yet); the next sync that
sends events makes exactly the flows whose metric now exists, and the store says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.sync_helpers import destination, new_program, run_sync
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.destinations.klaviyo.kit import ItemKind, ItemStatus, plan_kit, run_kit
from loyalty_desktop.destinations.klaviyo.kit.model import Pace
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store import kit_state
from loyalty_desktop.store.store import Store
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

pytestmark = pytest.mark.usefixtures("fake_rate_clock")


@pytest.fixture(scope="module")
def program_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "program.sqlite3"
    new_program(path, 300).close()
    return path


def test_pending_flows_are_made_by_the_sync_that_creates_their_metric(store: Store, program: DemoProgram,
                                                                       sandbox: KlaviyoSandbox) -> None:
    first = run_sync(store, program, sandbox, KLAVIYO_LOYALTY)  # no backfill: profiles only, no metric
    assert first.error is None and sandbox.metrics() == []
    with destination(sandbox) as dest:
        report = run_kit(dest, store, KLAVIYO_LOYALTY, languages="en")
        name = dest.name
    flows = [r for r in report.results if r.item.kind is ItemKind.FLOW]
    assert flows and sandbox.flows() == []
    waiting = {r.item.key for r in flows if r.status is ItemStatus.PENDING}
    assert waiting and {p.key for p in kit_state.pending(store, name)} == waiting
    remembered = {r.key: r.status for r in kit_state.results(store, name)}
    assert remembered == {r.item.key: r.status.value for r in report.results}

    # A month passes: the next sync sends events, Klaviyo creates their metrics, the flows follow.
    program.tick(30)
    second = run_sync(store, program, sandbox, KLAVIYO_LOYALTY)
    assert second.error is None and second.events_sent > 0
    metrics = {n for _, n in sandbox.metrics()}
    by_key = {r.item.key: r.item for r in flows}
    ready = {k for k in waiting if by_key[k].metrics[0] in metrics}
    assert ready, "a month of the demo program produces events for some flows"
    made = {f.name: f for f in sandbox.flows()}
    assert set(made) == {by_key[k].name for k in ready}
    assert all(f.status == "draft" for f in made.values())
    metric_ids = {n: i for i, n in sandbox.metrics()}
    for k in ready:
        assert made[by_key[k].name].definition["triggers"][0]["id"] == metric_ids[by_key[k].metrics[0]]
    assert {p.key for p in kit_state.pending(store, name)} == waiting - ready
    after = {r.key: r for r in kit_state.results(store, name)}
    assert {k for k, r in after.items() if r.status == ItemStatus.CREATED.value and k in waiting} == ready
    assert any("Loyalty kit" in n for n in second.notes)

    # Nothing more to do: a third sync makes no flow and sends no kit request.
    sandbox.clear_requests()
    run_sync(store, program, sandbox, KLAVIYO_LOYALTY)
    assert len(sandbox.flows()) == len(made)
    assert not [r for r in sandbox.requests if r.operation == "create_flow"]


def test_the_kit_plan_and_the_store_agree_on_flow_keys(store: Store, program: DemoProgram) -> None:
    keys = {i.key for i in plan_kit(store, KLAVIYO_LOYALTY, "en") if i.kind is ItemKind.FLOW}
    assert keys and all(k.startswith("flow:") and k.endswith(":en") for k in keys)


def test_the_kit_says_what_it_waits_for(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox) -> None:
    """Flows are created at Klaviyo's 15 a minute (fake clock): past the 15th, the run announces the
    wait and its reason before it waits."""
    assert run_sync(store, program, sandbox, KLAVIYO_LOYALTY, backfill=True).error is None
    paces: list[Pace] = []
    with destination(sandbox) as dest:
        report = run_kit(dest, store, KLAVIYO_LOYALTY, languages="both", waiting=paces.append)
    made = [r for r in report.results if r.item.kind is ItemKind.FLOW and r.status is ItemStatus.CREATED]
    assert len(made) > 15 and len(sandbox.flows()) == len(made)
    long_waits = [p for p in paces if p.kind is ItemKind.FLOW and p.seconds > 5]
    assert long_waits and all((p.per_minute, p.per_second) == (15, 1) for p in long_waits)
    assert all(p.seconds <= 60 for p in paces)
