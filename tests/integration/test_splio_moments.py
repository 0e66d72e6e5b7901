"""Splio moments end to end over HTTP (issue 17.1): a month passes in the demo program → exactly the
members with moments get their moment fields and interactions; the first sync sends none; a sync
cut short after Splio stored the interactions, then resumed, leaves no duplicate; every request
matches Splio's specs (the Swagger and the Interactions OpenAPI)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import splio_spec
from helpers.splio_spec import START, destination
from loyalty_desktop import service
from loyalty_desktop.core.errors import CancelledError
from loyalty_desktop.core.fields import CATALOG_BY_KEY, SPLIO_LOYOLY
from loyalty_desktop.destinations.splio.fields import CREATE_TYPE
from loyalty_desktop.destinations.splio.moments import EXT_PROVIDER, MOMENT_FIELDS, ext_id
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_emulators.splio.server import SplioSandbox

MAPPING = SPLIO_LOYOLY
MOMENT_NAMES = {f.name for f in MOMENT_FIELDS}
DONE = (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[DemoProgram, SplioSandbox, Store]]:
    with DemoProgram.create(tmp_path / "p.sqlite3", members=400, seed=11, start=START) as program, \
            SplioSandbox(contacts_rps=400, other_rps=200) as sb, Store(tmp_path / "s.sqlite3") as store:
        sb.seed_demo(program.read(None, history=False).members)
        yield program, sb, store
        assert not sb.internal_errors, sb.internal_errors
        counts = splio_spec.check_exchanges(sb)  # every request, /events/bulk included
        assert counts["schema"] > 0 and counts["no-schema"] == 0, counts


def sync(store: Store, program: DemoProgram, sb: SplioSandbox, **kw: Any) -> tuple[Any, Any]:
    with destination(sb, **kw) as dest:
        return service.sync(store, program, "demo", dest, MAPPING, confirmed=True), dest.stats


def live_moments(store: Store) -> dict[str, set[str]]:
    """Email → ext_ids of the live (not history) moments the outbox holds for the Splio destination."""
    out: dict[str, set[str]] = {}
    for key, payload, status in store.db.execute(
            "SELECT key, payload, status FROM outbox WHERE kind='event' AND dest LIKE 'splio:%'"):
        if status != "history":
            out.setdefault(json.loads(payload)["k"], set()).add(ext_id(key))
    return out


def moment_fields(sb: SplioSandbox) -> dict[str, dict[str, str]]:
    return {c["key"]: {k: v for k, v in c["custom"].items() if k in MOMENT_NAMES} for c in sb.contacts()}


def test_a_month_gives_exactly_the_members_with_moments_their_fields_and_interactions(
        world: tuple[DemoProgram, SplioSandbox, Store]) -> None:
    program, sb, store = world
    s1, _ = sync(store, program, sb, create_fields=True)
    assert s1.status in DONE, s1.error
    # The baseline sends no moment: fields created, none written, no interaction.
    assert {f.name for f in MOMENT_FIELDS} <= {name for _, name, _ in sb.fields()}
    assert not sb.interactions() and not any(moment_fields(sb).values())
    assert s1.events_sent == 0

    program.tick(30)
    s2, _ = sync(store, program, sb)
    assert s2.status in DONE, s2.error
    expected = live_moments(store)
    in_splio = {c["key"] for c in sb.contacts()}
    assert expected and s2.events_sent > 0
    got: dict[str, set[str]] = {}
    for i in sb.interactions():
        assert i["ext_provider"] == EXT_PROVIDER and i["channel"] == "custom channel"
        got.setdefault(i["key"], set()).add(i["ext_id"])
    assert got == {k: v for k, v in expected.items() if k in in_splio}  # exactly: none missing, none extra
    fields = moment_fields(sb)
    with_fields = {k for k, v in fields.items() if v}
    with_field_moments = {k for k, v in expected.items() if k in in_splio}
    assert with_fields <= with_field_moments and len(with_fields) >= 0.9 * len(with_field_moments)
    # What the fields carry matches the moment: a tier reached names the member's tier now.
    for key, values in fields.items():
        if "loyalty_tier_reached_at" in values:
            assert values["loyalty_new_tier"] == store.member(key)["tier_name"]  # type: ignore[index]
        if "loyalty_points_expiring_7d_at" in values or "loyalty_points_expiring_30d_at" in values:
            assert values["loyalty_expiry_notice"] in ("J-30", "J-7")
    kinds = Counter(i["event"] for i in sb.interactions())
    assert kinds["points_earned"] > 0 and kinds["tier_reached"] > 0, kinds
    # Members not in Splio: their moments are reported, not sent.
    assert s2.events_rejected == sum(len(v) for k, v in expected.items() if k not in in_splio)

    # Nothing new: nothing more.
    before = len(sb.interactions())
    s3, _ = sync(store, program, sb)
    assert s3.events_sent == 0 and len(sb.interactions()) == before


def test_no_duplicate_interaction_after_a_sync_cut_short_and_resumed(
        world: tuple[DemoProgram, SplioSandbox, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    program, sb, store = world
    s1, _ = sync(store, program, sb, create_fields=True)
    assert s1.status in DONE, s1.error
    program.tick(30)
    # The run dies right after Splio stored the interactions of the first batch and before the
    # outbox recorded them (what a kill -9 at that instant leaves behind).
    from loyalty_desktop.destinations.splio.moments_send import SplioMoments

    real = SplioMoments._post_interactions

    def post_then_die(self: Any, todo: Any) -> Any:
        real(self, todo)
        raise CancelledError("killed")

    monkeypatch.setattr(SplioMoments, "_post_interactions", post_then_die)
    s2, _ = sync(store, program, sb)
    assert s2.status is RunStatus.CANCELLED
    stored = [i["ext_id"] for i in sb.interactions()]
    assert stored and s2.events_sent == 0
    monkeypatch.undo()

    # Resume: the same moments go again; Splio refuses the repeats, which count as delivered.
    # One answer is also lost on the way (Splio did the work): the retry is refused the same way.
    sb.lose_answers["post_events_bulk"] = 1
    s3, st3 = sync(store, program, sb)
    assert s3.status in DONE, s3.error
    ext_ids = [i["ext_id"] for i in sb.interactions()]
    assert len(ext_ids) == len(set(ext_ids))  # no duplicate
    assert st3.interactions_repeated >= len(stored)
    in_splio = {c["key"] for c in sb.contacts()}
    assert set(ext_ids) == {e for k, v in live_moments(store).items() if k in in_splio for e in v}
    assert store.db.execute("SELECT count(*) FROM outbox WHERE kind='event' AND status='pending'").fetchone()[0] == 0


def test_without_the_moment_fields_moments_are_interactions_only(
        world: tuple[DemoProgram, SplioSandbox, Store]) -> None:
    program, sb, store = world
    for fm in MAPPING.enabled:  # the loyalty fields exist, each with the type the sync creates
        sb.add_field(fm.target, CREATE_TYPE[CATALOG_BY_KEY[fm.source].type])
    s1, _ = sync(store, program, sb)
    assert s1.status in DONE, s1.error
    assert any("moment fields do not exist yet" in n for n in s1.notes), s1.notes
    program.tick(30)
    s2, st2 = sync(store, program, sb)
    assert s2.status in DONE and st2.interactions_posted > 0 and st2.moment_patches == 0
    assert not MOMENT_NAMES & {name for _, name, _ in sb.fields()}
