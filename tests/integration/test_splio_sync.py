"""End to end: demo program → engine → Splio sandbox over real HTTP, every exchange checked against
Splio's Swagger. The sandbox runs at 400 requests/s here (the adapter paces to it) to keep CI short;
the real limits are exercised in test_splio_adapter.py and bench/sync_splio.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import splio_spec
from helpers.splio_spec import START, expected_values, loyalty_values, run_sync
from loyalty_desktop.core.fields import SPLIO_LOYOLY
from loyalty_desktop.destinations.splio.moments import MOMENT_FIELDS
from loyalty_desktop.net.client import RetryPolicy
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.splio.server import SplioSandbox

MAPPING = SPLIO_LOYOLY


def fast_sandbox(**kw: Any) -> SplioSandbox:
    return SplioSandbox(contacts_rps=400, other_rps=200, **kw)


def checked(sb: SplioSandbox) -> None:
    """No sandbox bug, and (with the Swagger present) every body we sent matches its schema."""
    assert not sb.internal_errors, sb.internal_errors
    if splio_spec.spec_available():
        counts = splio_spec.check_exchanges(sb)
        assert counts["schema"] > 0 and counts["no-schema"] == 0, counts


@pytest.fixture(scope="module")
def program_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "program.sqlite3"
    DemoProgram.create(path, members=2000, seed=7, start=START).close()
    return path


@pytest.fixture
def sandbox(program: DemoProgram) -> Iterator[SplioSandbox]:
    with fast_sandbox() as sb:
        sb.seed_demo(program.read(None, history=False).members)
        yield sb
        checked(sb)


def assert_universe(sb: SplioSandbox, store: Store, before: dict[str, dict[str, Any]],
                    created: bool = False) -> int:
    """Every contact that is a member carries exactly the mapped values; its lists and other fields
    are untouched; contacts unknown to the program are untouched. Returns how many carry values."""
    synced = 0
    for c in sb.contacts():
        member = store.member(c["email"])
        old = before.get(c["key"])
        if old is None:
            assert created and member is not None, f"{c['key']} appeared in Splio"
        else:
            assert c["lists"] == old["lists"], c["key"]
            assert c["custom"].get("civility") == old["custom"].get("civility")
            assert (c["firstname"], c["lastname"], c["cellphone"]) == (old["firstname"], old["lastname"],
                                                                         old["cellphone"])
        if member is None:
            assert c == old, f"{c['key']} is not a member but was changed"
            continue
        assert loyalty_values(c, MAPPING) == expected_values(member, MAPPING), c["key"]
        synced += 1
    return synced


def test_every_contact_in_splio_gets_exactly_the_mapped_values(store: Store, program: DemoProgram,
                                                               sandbox: SplioSandbox, tmp_path: Path) -> None:
    before = {c["key"]: c for c in sandbox.contacts()}
    members = {m.email for m in program.read(None, history=False).members}
    present = len(members & set(before))
    absent = len(members) - present
    assert 1500 < present < 2000 and absent > 50 and len(before) > present  # and contacts unknown to the program

    # 1. First sync: the missing fields are created (int/text/date), every present member is written,
    #    the absent ones are reported, nothing else moves.
    s1, st1 = run_sync(store, program, sandbox, MAPPING, create_fields=True)
    assert s1.status is RunStatus.COMPLETED_WITH_REJECTS, s1.error
    assert (s1.profiles_sent, s1.rejected) == (present, absent)
    assert (st1.patched, st1.not_in_splio, st1.created) == (present, absent, 0)
    assert {n: t for _, n, t in sandbox.fields()} == {
        "civility": "text", "customer_point_balance": "int", "customer_missions_count": "int",
        "customer_rewards_count": "int", "customer_referrals_count": "int", "customer_vip_tier_name": "text",
        "phone_number": "text", "customer_birthdate": "date",
        # the fields the emails need (core/program.py)
        "customer_next_tier_name": "text", "customer_points_to_next_tier": "int",
        "customer_points_to_next_reward": "int", "customer_reward_ready": "int",
        "customer_unused_rewards_count": "int", "customer_last_reward_code": "text",
        "customer_pending_referrals_count": "int"} | {f.name: f.type for f in MOMENT_FIELDS}
    assert any("Created Splio custom fields" in n for n in s1.notes)
    assert assert_universe(sandbox, store, before) == present
    rejected = store.rejected_rows(s1.run_id)
    assert {r.key for r in rejected} == members - set(before)
    assert all(r.reason.startswith("not in Splio") for r in rejected)
    assert sandbox.count("patch_contact") == present  # never a PATCH for a contact known to be absent
    for rec in sandbox.requests:
        if rec.operation == "patch_contact":
            assert b'"lists"' not in rec.body  # list memberships are never sent
    tiers = [c for c in sandbox.contacts() if store.member(c["email"])
             and store.member(c["email"])["tier_name"] is None]  # type: ignore[index]
    assert tiers and all("customer_vip_tier_name" not in c["custom"] for c in tiers)

    # 2. A month later: only members whose mapped values changed are written; an emptied tier clears.
    synced = {c["key"]: c for c in sandbox.contacts()}
    stored = {e: store.member(e) for e in members}
    tick = program.tick(30)
    sandbox.clear_requests()
    s2, st2 = run_sync(store, program, sandbox, MAPPING)
    assert s2.status in (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS), s2.error
    # changed: rewritten by the tick, or whose vouchers expired / referrals moved on (derived fields)
    changed = {e for e, m in stored.items() if store.member(e) != m}
    assert tick.members_changed - 50 < len(changed) and 0 < st2.patched <= len(changed)
    assert sandbox.count("list_contacts") == 1  # a sample page for the field types, no full read
    assert assert_universe(sandbox, store, synced) >= present

    # 3. Nothing changed: nothing written.
    sandbox.clear_requests()
    s3, _ = run_sync(store, program, sandbox, MAPPING)
    assert (s3.profiles_sent, s3.status) == (0, RunStatus.COMPLETED)
    assert sandbox.count(write_only=True) == 1  # /authenticate

    # 4. A fresh local store (reinstall, second computer): the remote diff writes (almost) nothing.
    sandbox.clear_requests()
    with Store(tmp_path / "fresh.sqlite3") as fresh:
        s4, st4 = run_sync(fresh, program, sandbox, MAPPING)
        assert s4.status is RunStatus.COMPLETED_WITH_REJECTS, s4.error
        patches = sandbox.count("patch_contact")
        assert patches <= 0.01 * st4.remote_contacts, patches
        assert st4.unchanged_remote >= present - patches
        assert sandbox.count("list_contacts") == -(-len(sandbox.contacts()) // 1000)
        assert assert_universe(sandbox, fresh, synced) >= present


def test_create_missing_contacts_in_bulk(store: Store, tmp_path: Path) -> None:
    with DemoProgram.create(tmp_path / "p.sqlite3", members=700, seed=3, start=START) as program, \
            fast_sandbox() as sandbox:
        sandbox.seed_demo(program.read(None, history=False).members, present=0.6)
        before = {c["key"]: c for c in sandbox.contacts()}
        members = {m.email for m in program.read(None, history=False).members}
        absent = members - set(before)
        s, st = run_sync(store, program, sandbox, MAPPING, create_fields=True, create_missing=True)
        assert s.status is RunStatus.COMPLETED, s.error
        assert (s.profiles_sent, s.rejected, st.created) == (len(members), 0, len(absent))
        # One bulk creation per engine batch (here 1,000 rows) with absent contacts; no single creates.
        assert sandbox.count("bulk_create") == 1 and sandbox.count("create_contact") == 0
        assert assert_universe(sandbox, store, before, created=True) == len(members)
        for email in absent:
            c = sandbox.contact(email)
            assert c is not None and c["lists"] == []  # created with the loyalty values only
        checked(sandbox)


def test_members_not_in_splio_are_written_once_they_can_be(store: Store, tmp_path: Path) -> None:
    """Rejected "not in Splio" members are not re-sent every run, but they are once the merchant
    turns on "create missing contacts", or once the remote read finds their contact in Splio."""
    with DemoProgram.create(tmp_path / "p.sqlite3", members=300, seed=5, start=START) as program, \
            fast_sandbox() as sandbox:
        members = list(program.read(None, history=False).members)
        sandbox.seed_demo(members, present=0.6)
        absent = sorted({m.email for m in members} - {c["key"] for c in sandbox.contacts()})
        assert len(absent) > 20
        s1, _ = run_sync(store, program, sandbox, MAPPING, create_fields=True)
        assert s1.rejected == len(absent)
        assert {k for k, _, why in s1.rejected_samples if why.startswith("not in Splio")} <= set(absent)

        s2, _ = run_sync(store, program, sandbox, MAPPING)  # nothing changed: no retry, no request
        assert (s2.profiles_sent, s2.rejected, sandbox.count("patch_contact")) == (0, 0, len(members) - len(absent))

        # The merchant imports a few of them into Splio; "compare with Splio" picks them up.
        for email in absent[:10]:
            sandbox.add_contact(email)
        s3, _ = run_sync(store, program, sandbox, MAPPING, remote_diff=True)
        assert s3.status is RunStatus.COMPLETED and s3.profiles_sent == 10, (s3.profiles_sent, s3.notes)
        assert any("their contact is in Splio now" in n for n in s3.notes)
        for email in absent[:10]:
            contact, member = sandbox.contact(email), store.member(email)
            assert contact is not None and member is not None
            assert loyalty_values(contact, MAPPING) == expected_values(member, MAPPING)

        # Then turns on "create missing contacts": the rest are created, without re-sending anyone else.
        s4, st4 = run_sync(store, program, sandbox, MAPPING, create_missing=True)
        assert s4.status is RunStatus.COMPLETED, s4.error
        assert (s4.profiles_sent, s4.rejected, st4.created) == (len(absent) - 10, 0, len(absent) - 10)
        for email in absent:
            contact, member = sandbox.contact(email), store.member(email)
            assert contact is not None and member is not None
            assert loyalty_values(contact, MAPPING) == expected_values(member, MAPPING)
        s5, _ = run_sync(store, program, sandbox, MAPPING, create_missing=True)
        assert (s5.profiles_sent, s5.rejected) == (0, 0)
        checked(sandbox)


def test_faults_give_the_same_final_state(tmp_path: Path) -> None:
    """20 % 429, 5 % 500/502/503, 2 % dropped connections and tokens expiring every 2 s, over a
    first sync and a month later: same universe as a clean run, nothing lost or duplicated."""
    def scenario(faults: Faults | None, name: str) -> tuple[list[dict[str, Any]], int, int]:
        path = tmp_path / f"{name}.sqlite3"
        DemoProgram.create(path, members=300, seed=11, start=START).close()
        with fast_sandbox(token_lifetime_s=2.0 if faults else 3600) as sb, \
                Store(tmp_path / f"{name}-store.sqlite3") as store, DemoProgram.open(path) as prog:
            sb.seed_demo(prog.read(None, history=False).members)
            if faults:
                sb.faults = faults
            for days in (0, 30):
                if days:
                    prog.tick(days)
                # Injected 429s ask for 1 s; the client honours up to 0.3 s here to keep CI short.
                s, _ = run_sync(store, prog, sb, MAPPING, create_fields=True, create_missing=True,
                                retry=RetryPolicy(base_delay=0.05, max_delay=0.5, max_retry_after=0.3))
                assert s.status is RunStatus.COMPLETED, s.error
            checked(sb)
            return sb.contacts(), sum(sb.injected_counts.values()), sb.tokens_issued

    clean, _, _ = scenario(None, "clean")
    faulty, injected, tokens = scenario(Faults(rate_429=0.20, rate_500=0.05, rate_drop=0.02, seed=5), "faulty")
    strip = [{k: v for k, v in c.items() if k != "id"} for c in faulty]
    assert sorted(strip, key=lambda c: c["key"]) == sorted(({k: v for k, v in c.items() if k != "id"}
                                                           for c in clean), key=lambda c: c["key"])
    assert injected > 30  # faults were really injected
    assert tokens > 2  # tokens expired mid-run and were renewed
