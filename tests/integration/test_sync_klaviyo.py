"""End to end: demo program → engine → Klaviyo sandbox over real HTTP, with conformance checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import klaviyo_spec
from helpers.sync_helpers import check_conformance, new_program, run_sync, sandbox_state
from loyalty_desktop.core.fields import (
    CATALOG_BY_KEY,
    KLAVIYO_ATTRIBUTES,
    KLAVIYO_LOYALTY,
    KLAVIYO_SMILE,
    FieldType,
)
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_emulators.klaviyo.server import Faults, KlaviyoSandbox


@pytest.fixture(scope="module")
def program_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "program.sqlite3"
    new_program(path, 2000).close()
    return path


def expected_properties(member: dict, mapping) -> dict:
    out = {}
    for f in mapping.enabled:
        if f.target in KLAVIYO_ATTRIBUTES:
            continue
        v = member.get(f.source)
        if v is None or v == "":
            continue
        if CATALOG_BY_KEY[f.source].type is FieldType.DATE:
            v = f"{v}T00:00:00+00:00"
        out[f.target] = v
    return out


def test_full_then_incremental_then_idle(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox,
                                         conformance: None) -> None:
    # 1. First sync: every member becomes a profile with exactly the mapped properties and types.
    s1 = run_sync(store, program, sandbox, KLAVIYO_LOYALTY)
    assert s1.status is RunStatus.COMPLETED, s1.error
    assert (s1.profiles_sent, s1.events_sent, s1.rejected) == (2000, 0, 0)
    profiles = {p.email: p for p in sandbox.profiles()}
    assert len(profiles) == 2000
    for email, prof in profiles.items():
        assert email is not None
        member = store.member(email)
        assert member is not None
        assert prof.properties == expected_properties(member, KLAVIYO_LOYALTY)
        assert (prof.first_name, prof.last_name, prof.external_id) == (
            member["first_name"], member["last_name"], member["external_id"])
        for k, v in prof.properties.items():
            typ = CATALOG_BY_KEY[next(f.source for f in KLAVIYO_LOYALTY.enabled if f.target == k)].type
            assert isinstance(v, int) if typ is FieldType.INT else isinstance(v, str), (k, v)
    assert sandbox.events() == []

    # 2. A month later: only the changed members, plus the derived events.
    before = {e: store.member(e) for e in profiles if e is not None}
    tick = program.tick(30)
    sandbox.clear_requests()
    s2 = run_sync(store, program, sandbox, KLAVIYO_LOYALTY, confirmed=True)  # a month: beyond the threshold
    assert s2.status is RunStatus.COMPLETED, s2.error
    assert 0 < s2.profiles_sent < 2000
    # Changed: the members the tick rewrote, and those whose vouchers expired or referrals moved
    # on (their derived fields: unused rewards, pending referrals).
    changed = {e for e, m in before.items() if store.member(e) != m} | (
        {m.email for m in program.read(None).members} - before.keys())
    assert tick.members_changed <= len(changed) and s2.profiles_sent <= len(changed)
    assert s2.unchanged == s2.members - s2.profiles_sent  # new members join during the month too
    metrics = {e.metric_name for e in sandbox.events()}
    assert {"Points Earned", "Points Redeemed", "VIP Tier Achieved", "Points Expiring",
            "Referral Completed"} <= metrics, metrics
    assert len(sandbox.events()) == s2.events_sent
    for email, prof in {p.email: p for p in sandbox.profiles()}.items():
        assert email is not None
        member = store.member(email)
        if member is not None:
            assert prof.properties == expected_properties(member, KLAVIYO_LOYALTY), email
    earned = next(e for e in sandbox.events() if e.metric_name == "Points Earned")
    assert isinstance(earned.properties["points_change"], int) and earned.properties["points_change"] > 0
    redeemed = next(e for e in sandbox.events() if e.metric_name == "Points Redeemed")
    assert redeemed.properties["reward_fulfillment"]["code"]

    # 3. Nothing changed: no write request at all.
    sandbox.clear_requests()
    s3 = run_sync(store, program, sandbox, KLAVIYO_LOYALTY)
    assert (s3.profiles_sent, s3.events_sent, s3.status) == (0, 0, RunStatus.COMPLETED)
    assert sandbox.count_requests(write_only=True) == 0
    runs = store.runs()
    assert [r.status for r in runs] == ["completed"] * 3


def test_smile_preset_exact_properties(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox,
                                       conformance: None) -> None:
    s = run_sync(store, program, sandbox, KLAVIYO_SMILE)
    assert s.status is RunStatus.COMPLETED
    keys = set().union(*(p.properties.keys() for p in sandbox.profiles()))
    assert keys == {"Smile Points Balance", "Smile Referral URL", "Smile VIP Tier Name", "Smile VIP Tier ID",
                    "Smile State"}
    for prof in sandbox.profiles():
        assert prof.email is not None
        member = store.member(prof.email)
        assert member is not None
        assert prof.properties == expected_properties(member, KLAVIYO_SMILE)


def test_mapping_edit_resends_only_what_changes(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox) -> None:
    run_sync(store, program, sandbox, KLAVIYO_SMILE)
    # An edit that changes no payload (renaming a field that is not sent) re-sends nothing…
    untouched = KLAVIYO_SMILE.with_field("phone", target="Phone", enabled=False)
    s = run_sync(store, program, sandbox, untouched)
    assert s.profiles_sent == 0 and sandbox.count_requests(write_only=True) == 1
    # …a rename re-sends every profile under the new name.
    renamed = KLAVIYO_SMILE.with_field("points_balance", target="Points")
    s = run_sync(store, program, sandbox, renamed)
    assert s.profiles_sent == 2000
    assert all("Points" in p.properties for p in sandbox.profiles())


def test_backfill_replays_history_without_triggering_flows(store: Store, program: DemoProgram,
                                                            sandbox: KlaviyoSandbox, conformance: None) -> None:
    s = run_sync(store, program, sandbox, KLAVIYO_SMILE, backfill=True)
    assert s.status is RunStatus.COMPLETED, s.error
    events = sandbox.events()
    assert len(events) == s.events_sent > 2000
    assert all(e.backfill for e in events)
    assert len({(e.email, e.metric_name, e.unique_id) for e in events}) == len(events)
    # The demo's people are invented (its read says so): their tiers are replayed too, so the
    # tier metric exists for the kit; a real source's are not (test_spreadsheet_sync).
    assert any(e.metric_name == "VIP Tier Achieved" for e in events)


@pytest.mark.usefixtures("fake_rate_clock")  # retry waits and pacing count fake seconds
def test_faults_give_the_same_final_state(tmp_path: Path, program_file: Path) -> None:
    def scenario(faults: Faults | None, name: str) -> tuple[dict, list, int]:
        prog_path = tmp_path / f"{name}.sqlite3"
        prog_path.write_bytes(program_file.read_bytes())
        with KlaviyoSandbox(job_seconds=0.05) as sb, Store(tmp_path / f"{name}-store.sqlite3") as store, \
                DemoProgram.open(prog_path) as prog:
            if faults:
                sb.faults = faults
            for days in (0, 30):
                if days:
                    prog.tick(days)
                s = run_sync(store, prog, sb, KLAVIYO_LOYALTY, confirmed=True)  # a month: beyond the threshold
                assert s.status is RunStatus.COMPLETED, s.error
            retries = s.retries
            if klaviyo_spec.spec_available():
                check_conformance(sb)
            return (*sandbox_state(sb), retries + sum(sb.injected_counts.values()))

    clean = scenario(None, "clean")
    faulty = scenario(Faults(rate_429=0.20, rate_500=0.05, rate_drop=0.02, seed=3), "faulty")
    assert faulty[0] == clean[0]
    assert faulty[1] == clean[1]
    assert len(set(faulty[1])) == len(faulty[1])  # no duplicated event
    assert faulty[2] > 0  # faults were really injected


def test_rejected_rows_are_reported_and_good_rows_go_through(store: Store, program: DemoProgram,
                                                             sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    # Corrupt two members in the program's own database: Klaviyo refuses their emails.
    bad = [r[0] for r in program.conn.execute("SELECT email FROM members ORDER BY email LIMIT 2")]
    from helpers.sync_helpers import RejectedEmails, destination
    from loyalty_desktop import service

    with destination(sandbox) as dest:
        s = service.sync(store, RejectedEmails(program, bad), "demo", dest, KLAVIYO_SMILE, poll_interval=0.05)
    assert s.status is RunStatus.COMPLETED_WITH_REJECTS
    assert (s.profiles_sent, s.rejected) == (1998, 2)
    rows = store.rejected_rows(s.run_id)
    assert {r.key for r in rows} == {b.replace("@", " at ") for b in bad}
    assert all("email" in r.field or "email" in r.reason.lower() for r in rows)
    assert len(sandbox.profiles()) == 1998
