"""The Splio adapter against the sandbox: auth and token life, fields (consent, 403, types, reuse),
values, unique keys (email, cellphone, custom field), pacing at Splio's limits, creation races,
cancel. Every exchange is checked against Splio's Swagger."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import splio_spec
from helpers.splio_spec import (
    START,
    destination,
    expected_values,
    loyalty_values,
    run_sync,
)
from loyalty_desktop import service
from loyalty_desktop.core.errors import ConfigError, WrongKeyError
from loyalty_desktop.core.fields import SPLIO_LOYOLY, FieldMapping, Mapping
from loyalty_desktop.destinations.splio.adapter import SplioDestination
from loyalty_desktop.destinations.splio.fields import FieldPlan, Slot
from loyalty_desktop.destinations.splio.moments import MOMENT_FIELDS
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import OutboxRow, Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_desktop.sync.planner import fingerprint
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.splio.server import SplioSandbox

MAPPING = SPLIO_LOYOLY


@pytest.fixture
def sandbox() -> Iterator[SplioSandbox]:
    with SplioSandbox(contacts_rps=400, other_rps=200) as sb:
        yield sb
        assert not sb.internal_errors, sb.internal_errors
        if splio_spec.spec_available():
            assert splio_spec.check_exchanges(sb)["no-schema"] == 0


@pytest.fixture
def program(tmp_path: Path) -> Iterator[DemoProgram]:
    with DemoProgram.create(tmp_path / "program.sqlite3", members=80, seed=5, start=START) as p:
        yield p


def members(program: DemoProgram) -> list[Any]:
    return list(program.read(None, history=False).members)


def rows_for(dest: SplioDestination, mapping: Mapping, people: list[dict[str, Any]]) -> list[OutboxRow]:
    encode = dest.profile_encoder(mapping)
    out = []
    for i, m in enumerate(people, 1):
        payload = encode(m)
        out.append(OutboxRow(i, "profile", m["email"], payload, fingerprint(payload)))
    return out


# -- auth -----------------------------------------------------------------------------------------

def test_verify_names_the_universe_the_api_user_and_the_unique_key(sandbox: SplioSandbox) -> None:
    with destination(sandbox) as dest:
        assert dest.universe == "maison-lumiere-sandbox"
        assert dest.name == f"splio:maison-lumiere-sandbox@{sandbox.base_url.split('//')[1]}"  # type: ignore[union-attr]
        assert dest.unique_key == "email" and dest.user_id == 1001
    ops = [r.operation for r in sandbox.requests]
    assert ops == ["authenticate", "ping", "unique_key"]


@pytest.mark.parametrize("key", ["f" * 32, ""])
def test_wrong_key_is_typed_and_never_recorded(sandbox: SplioSandbox, key: str) -> None:
    dest = SplioDestination(key, sandbox.base_url or "")
    try:
        with pytest.raises(WrongKeyError):
            dest.verify()
    finally:
        dest.close()
    rec = sandbox.requests[0]
    assert rec.status == 400 and (key.encode() not in rec.body if key else True)


def test_token_is_cached_renewed_once_on_401_and_before_it_ages(sandbox: SplioSandbox, program: DemoProgram) -> None:
    sandbox.seed_demo(members(program), present=1.0, unknown=0)
    with destination(sandbox, create_fields=True, token_max_age=1.0) as dest:
        dest.prepare(MAPPING, first_sync=False)
        assert sandbox.tokens_issued == 1
        # Every token expires: 40 concurrent PATCHes all get a 401, yet only one renewal happens.
        assert sandbox.expire_tokens() == 1
        people = [store_member(m) for m in members(program)][:40]
        result = dest.send_profiles(rows_for(dest, MAPPING, people))
        assert all(o.ok for o in result.outcomes) and len(result.outcomes) == 40
        assert sandbox.tokens_issued == 2
        assert sandbox.count(status=401) >= 1
        # A token older than token_max_age is renewed before use (no 401 needed).
        time.sleep(1.1)
        before = sandbox.count(status=401)
        dest.send_profiles(rows_for(dest, MAPPING, people[:1]))
        assert sandbox.tokens_issued == 3 and sandbox.count(status=401) == before


def store_member(m: Any) -> dict[str, Any]:
    from loyalty_desktop.core.model import to_jsonable

    return to_jsonable(m)


def test_key_revoked_mid_run_fails_clearly_then_a_new_key_resumes(sandbox: SplioSandbox, store: Store,
                                                                  program: DemoProgram) -> None:
    sandbox.seed_demo(members(program))
    key = sandbox.add_key("integration")
    sandbox.faults = Faults(revoke_after_requests=30)
    s, _ = run_sync(store, program, sandbox, MAPPING, key=key, create_fields=True)
    assert s.status is RunStatus.FAILED and s.error and "Splio refused the API key" in s.error
    sandbox.faults = Faults()
    s2, _ = run_sync(store, program, sandbox, MAPPING)
    assert s2.status is RunStatus.COMPLETED_WITH_REJECTS, s2.error
    for c in sandbox.contacts():
        m = store.member(c["email"])
        if m is not None:
            assert loyalty_values(c, MAPPING) == expected_values(m, MAPPING)


# -- fields ---------------------------------------------------------------------------------------

def test_missing_fields_need_consent_and_nothing_is_written(sandbox: SplioSandbox, store: Store,
                                                            program: DemoProgram) -> None:
    sandbox.seed_demo(members(program))
    s, _ = run_sync(store, program, sandbox, MAPPING)
    assert s.status is RunStatus.FAILED
    assert s.error and "customer_point_balance" in s.error and "--create-fields" in s.error
    assert "customer_birthdate: date" in s.error
    assert sandbox.count(write_only=True) == 1  # /authenticate only: no field, no contact written


def test_a_user_who_may_not_create_fields_is_told_what_to_do(sandbox: SplioSandbox, store: Store,
                                                            program: DemoProgram) -> None:
    key = sandbox.add_key("no fields", can_create_fields=False)
    s, _ = run_sync(store, program, sandbox, MAPPING, key=key, create_fields=True)
    assert s.status is RunStatus.FAILED
    assert s.error and s.error.startswith("This Splio API user may not create custom fields")
    assert "customer_vip_tier_name: text" in s.error
    assert sandbox.count("create_field", status=403) == 1 and sandbox.count("patch_contact") == 0


def test_type_mismatch_is_caught_before_any_write(sandbox: SplioSandbox, store: Store, program: DemoProgram) -> None:
    sandbox.seed_demo(members(program))
    fid = sandbox.add_field("customer_point_balance", "text")
    sandbox.add_field("customer_birthdate", "int")
    s, _ = run_sync(store, program, sandbox, MAPPING, create_fields=True)
    assert s.status is RunStatus.FAILED
    assert s.error and f"'customer_point_balance' (id {fid}) holds a text but Points balance is a number" in s.error
    assert "'customer_birthdate'" in s.error
    assert sandbox.count(write_only=True) == 1  # nothing created, no contact written


def test_existing_fields_are_reused_by_id(sandbox: SplioSandbox, store: Store, program: DemoProgram) -> None:
    sandbox.seed_demo(members(program))
    fid = sandbox.add_field("customer_point_balance", "double")  # an int goes into a double field too
    s, _ = run_sync(store, program, sandbox, MAPPING, create_fields=True)
    assert s.status is RunStatus.COMPLETED_WITH_REJECTS, s.error
    assert any(f"customer_point_balance (id {fid})" in n for n in s.notes)
    assert [n for _, n, _ in sandbox.fields()].count("customer_point_balance") == 1
    # all but the existing one, and the moment fields
    assert sandbox.count("create_field") == len(MAPPING.enabled) - 1 + len(MOMENT_FIELDS)
    patch = next(r for r in sandbox.requests if r.operation == "patch_contact")
    assert f'{{"id":{fid},"value":"'.encode() in patch.body


# -- values ---------------------------------------------------------------------------------------

def test_values_are_strings_dates_splio_formatted_and_an_empty_tier_clears(sandbox: SplioSandbox) -> None:
    sandbox.add_contact("a@exemple.fr", lists=[50, 51])
    sandbox.add_field("customer_vip_tier_name", "text")
    sandbox.set_values({"customer_vip_tier_name": "Gold"})
    member = {"email": "a@exemple.fr", "points_balance": 120, "missions_completed": 3, "rewards_claimed": 0,
              "referrals_completed": 2, "tier_name": None, "phone": "+33612345678", "birthday": "1990-02-28"}
    with destination(sandbox, create_fields=True) as dest:
        dest.prepare(MAPPING, first_sync=False)
        [row] = rows_for(dest, MAPPING, [member])
        assert dest.send_profiles([row]).outcomes[0].ok
    c = sandbox.contact("a@exemple.fr")
    assert c is not None
    # Strings as Splio wants them, the date in its format, and the emptied tier cleared.
    assert c["custom"] == {"customer_point_balance": "120", "customer_missions_count": "3",
                           "customer_rewards_count": "0", "customer_referrals_count": "2",
                           "phone_number": "+33612345678", "customer_birthdate": "1990-02-28 00:00:00"}
    assert c["lists"] == [50, 51]
    patch = next(r for r in sandbox.requests if r.operation == "patch_contact")
    assert patch.path == "/data/contacts/a%40exemple.fr"
    assert b'"value":""' in patch.body and b'"lists"' not in patch.body


def test_a_cellphone_keyed_universe(program: DemoProgram, store: Store) -> None:
    with SplioSandbox(unique_key="cellphone", contacts_rps=400, other_rps=200) as sb:
        people = members(program)
        with_phone = [m for m in people if m.phone]
        for m in with_phone[:-5]:
            sb.add_contact(m.email, cellphone=m.phone, lists=[52])
        s, st = run_sync(store, program, sb, MAPPING, create_fields=True)
        assert s.status is RunStatus.COMPLETED_WITH_REJECTS, s.error
        assert st.patched == len(with_phone) - 5
        rejected = {r.key: r for r in store.rejected_rows(s.run_id)}
        assert {m.email for m in people if not m.phone} <= set(rejected)
        assert all(r.field == "cellphone" for k, r in rejected.items() if store.member(k)["phone"] is None)  # type: ignore[index]
        assert any(r.operation == "patch_contact" and r.path.startswith("/data/contacts/%2B33") for r in sb.requests)
        for m in with_phone[:-5]:
            c = sb.contact(m.phone)
            assert c is not None and c["lists"] == [52]
            assert loyalty_values(c, MAPPING) == expected_values(store_member(m), MAPPING)
        if splio_spec.spec_available():
            splio_spec.check_exchanges(sb)


def test_a_universe_keyed_by_a_custom_field(program: DemoProgram, store: Store) -> None:
    with SplioSandbox(contacts_rps=400, other_rps=200) as sb:
        fid = sb.add_field("customer_id", "text")
        sb.universe.set_unique_key(f"c{fid}")
        people = members(program)
        for m in people[:50]:
            sb.add_contact(m.email, custom={"customer_id": m.external_id})
        mapping = SPLIO_LOYOLY.with_field("external_id", target="customer_id")
        s, st = run_sync(store, program, sb, mapping, create_fields=True, create_missing=True)
        assert s.status is RunStatus.COMPLETED, s.error
        assert (st.patched, st.created) == (50, len(people) - 50)
        for r in sb.requests:
            if r.operation == "patch_contact":
                assert f'"id":{fid},'.encode() not in r.body  # the unique key is never rewritten
        for m in people:
            c = sb.contact(m.external_id)
            assert c is not None and c["email"] == m.email
            assert loyalty_values(c, mapping) == expected_values(store_member(m), mapping)
        # Without the key field in the mapping, the adapter cannot address the contacts.
        with destination(sb) as dest, pytest.raises(ConfigError, match=f"custom field c{fid}"):
            dest.prepare(SPLIO_LOYOLY, first_sync=False)


# -- contacts -------------------------------------------------------------------------------------

def test_a_contact_created_meanwhile_is_patched_not_duplicated(sandbox: SplioSandbox) -> None:
    people = [{"email": f"m{i}@exemple.fr", "points_balance": i, "missions_completed": 0, "rewards_claimed": 0,
               "referrals_completed": 0, "tier_name": "Bronze"} for i in range(5)]
    sandbox.add_contact("m0@exemple.fr")
    with destination(sandbox, create_fields=True, create_missing=True) as dest:
        dest.prepare(MAPPING, first_sync=True)  # the remote snapshot: only m0 is in Splio
        sandbox.add_contact("m3@exemple.fr", lists=[51])  # …and m3 arrives before we write
        result = dest.send_profiles(rows_for(dest, MAPPING, people))
        assert all(o.ok for o in result.outcomes) and len(result.outcomes) == 5
        assert (dest.stats.created, dest.stats.patched) == (3, 2)
    assert sandbox.count("bulk_create") == 1
    assert sandbox.contact("m3@exemple.fr")["lists"] == [51]  # type: ignore[index]
    assert sandbox.contact("m3@exemple.fr")["custom"]["customer_point_balance"] == "3"  # type: ignore[index]
    assert len(sandbox.contacts()) == 5


def test_bulk_items_splio_refuses_are_rejected_and_the_rest_created(sandbox: SplioSandbox) -> None:
    people = [{"email": e, "points_balance": 1} for e in ("ok1@exemple.fr", "bad@@exemple", "ok2@exemple.fr")]
    mapping = Mapping("t", (FieldMapping("points_balance", "customer_point_balance"),))
    with destination(sandbox, create_fields=True, create_missing=True) as dest:
        dest.prepare(mapping, first_sync=True)
        outcomes = dest.send_profiles(rows_for(dest, mapping, people)).outcomes
    by_key = {o.row.key: o for o in outcomes}
    assert by_key["ok1@exemple.fr"].ok and by_key["ok2@exemple.fr"].ok
    bad = by_key["bad@@exemple"]
    assert not bad.ok and bad.field == "contacts[1].email" and "right format" in bad.reason
    assert sandbox.count("bulk_create", status=400) == 1 and sandbox.count("bulk_create", status=207) == 1


# -- rate -----------------------------------------------------------------------------------------

def test_paces_at_splios_limit_with_no_429(program: DemoProgram, store: Store) -> None:
    """Splio's real limits and 100 ms per request: the adapter keeps 20 PATCHes/s in flight."""
    with SplioSandbox() as sb:
        sb.faults = Faults(latency_s=0.1)
        sb.seed_demo(members(program), present=1.0, unknown=0)
        with destination(sb, create_fields=True) as dest:
            dest.prepare(MAPPING, first_sync=False)
            people = [store_member(m) for m in members(program)][:60]
            rows = rows_for(dest, MAPPING, people)
            sb.clear_requests()
            t = time.monotonic()
            result = dest.send_profiles(rows)
            wall = time.monotonic() - t
        assert all(o.ok for o in result.outcomes)
        assert sb.throttled_count == 0
        patches = [r.received_monotonic for r in sb.requests if r.operation == "patch_contact"]
        assert len(patches) == 60
        # 60 requests at 20/s: the first second's 20 go at once, then 20 a second, plus one latency.
        assert 1.9 <= wall <= 3.5, wall
        assert max(sum(1 for x in patches if t0 <= x < t0 + 0.95) for t0 in patches) <= 20


def test_a_lower_limit_announced_by_splio_is_adopted(program: DemoProgram) -> None:
    with SplioSandbox(contacts_rps=5, other_rps=10) as sb:
        sb.seed_demo(members(program)[:8], present=1.0, unknown=0)
        with destination(sb, create_fields=True, contacts_rps=20) as dest:
            dest.prepare(MAPPING, first_sync=False)
            assert dest._limits["contacts"].burst == 5
            dest.send_profiles(rows_for(dest, MAPPING, [store_member(m) for m in members(program)[:8]]))
        assert sb.throttled_count == 0  # the announcement came with the first answer


def test_cancel_during_a_rate_limit_wait_stops_within_a_second(sandbox: SplioSandbox, store: Store,
                                                               program: DemoProgram) -> None:
    sandbox.seed_demo(members(program))
    with destination(sandbox, create_fields=True) as dest:
        dest.prepare(MAPPING, first_sync=True)  # fields created before the faults start
        sandbox.faults = Faults(rate_429=1.0, retry_after_s=30)
        result: list[Any] = []
        t = threading.Thread(target=lambda: result.append(service.sync(store, program, "demo", dest, MAPPING)))
        t.start()
        deadline = time.monotonic() + 20
        while not sandbox.injected_counts["429"] and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)  # inside the 30 s waits, in several workers
        asked = time.monotonic()
        dest.http.cancel.cancel()
        t.join(5)
        assert not t.is_alive() and time.monotonic() - asked < 1.0
    assert result[0].status is RunStatus.CANCELLED
    sandbox.faults = Faults()
    resumed, _ = run_sync(store, program, sandbox, MAPPING)
    assert resumed.status is RunStatus.COMPLETED_WITH_REJECTS, resumed.error


def test_plan_without_prepare_is_refused(sandbox: SplioSandbox) -> None:
    with destination(sandbox) as dest, pytest.raises(ConfigError):
        dest.profile_encoder(MAPPING)
    plan = FieldPlan("x", (Slot("points_balance", "p", 3, "int"),), "email", "email", None)
    assert plan.wanted({"custom_fields": [{"id": 3, "value": "120"}]}) == ("120",)
    assert plan.remote({"email": "A@B.fr", "custom_fields": [{"id": 3, "value": "120.0"}]}) == ("a@b.fr", ("120",))
