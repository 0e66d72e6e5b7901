"""The Smile.io sandbox over real HTTP: shapes, pagination, filters, auth, 10 req/s, seeding."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from helpers.smile_helpers import (
    api_all,
    api_get,
    check_shapes,
    fast_sandbox,
    new_program,
    serving,
)
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.smile.data import TIER_BASE, parse_iso
from loyalty_emulators.smile.server import DEMO_KEY, SmileSandbox


@pytest.fixture(scope="module")
def program_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("smile") / "program.sqlite3"
    new_program(path, 240).close()
    return path


@pytest.fixture
def sb(program: DemoProgram) -> Iterator[SmileSandbox]:
    with serving(program, shapes=True) as s:
        yield s


def test_every_endpoint_answers_with_the_documented_shapes(sb: SmileSandbox) -> None:
    customers = api_get(sb, "/customers", include="vip_status", limit=5).json()["customers"]
    assert customers and all("vip_status" in c for c in customers)
    assert all("vip_status" not in c for c in api_get(sb, "/customers", limit=5).json()["customers"])
    one = api_get(sb, f"/customers/{customers[0]['id']}", include="vip_status,vip_status.vip_tier").json()
    assert one["customer"]["id"] == customers[0]["id"]
    txn = api_get(sb, "/points_transactions", limit=3).json()["points_transactions"][0]
    assert api_get(sb, f"/points_transactions/{txn['id']}").json()["points_transaction"] == txn
    assert api_get(sb, "/reward_fulfillments", limit=3).json()["reward_fulfillments"]
    tiers = api_get(sb, "/vip_tiers", include="perks,entry_rewards").json()["vip_tiers"]
    assert [(t["id"], t["name"], t["milestone"]) for t in tiers] == [
        (TIER_BASE + 1, "Bronze", 0.0), (TIER_BASE + 2, "Silver", 500.0), (TIER_BASE + 3, "Gold", 1200.0)]
    assert tiers[2]["perks"] and tiers[2]["entry_rewards"]
    assert "perks" not in api_get(sb, "/vip_tiers").json()["vip_tiers"][0]
    # shapes of all of these (and of the errors below) are checked by the fixture


def test_cursor_pagination_walks_every_object_newest_first(sb: SmileSandbox) -> None:
    first = api_get(sb, "/customers", limit=7).json()
    assert first["metadata"]["previous_cursor"] == ""
    seen: list[int] = []
    pages, body = 0, first
    while True:
        pages += 1
        seen.extend(c["id"] for c in body["customers"])
        nxt = body["metadata"]["next_cursor"]
        if nxt is None:
            break
        body = api_get(sb, "/customers", limit=7, cursor=nxt).json()
        assert body["metadata"]["previous_cursor"]
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == len(seen)
    assert seen == [c["id"] for c in sb.customers()]
    assert pages == -(-len(seen) // 7)
    # A previous_cursor leads back to the page before.
    second = api_get(sb, "/customers", limit=7, cursor=first["metadata"]["next_cursor"]).json()
    back = api_get(sb, "/customers", limit=7, cursor=second["metadata"]["previous_cursor"]).json()
    assert [c["id"] for c in back["customers"]] == [c["id"] for c in first["customers"]]
    # Default page size 50; the whole ledger comes back through cursors too.
    assert len(api_get(sb, "/points_transactions").json()["points_transactions"]) == 50
    assert len(api_all(sb, "/points_transactions", "points_transactions")) == len(sb.points_transactions())


def test_filters(sb: SmileSandbox, program: DemoProgram) -> None:
    txns = sb.points_transactions()
    cut = sorted(t["updated_at"] for t in txns)[len(txns) // 2]
    got = api_all(sb, "/points_transactions", "points_transactions", updated_at_min=cut)
    assert {t["id"] for t in got} == {t["id"] for t in txns if t["updated_at"] >= cut}  # "at or after"
    cid = txns[0]["customer_id"]
    assert {t["id"] for t in api_all(sb, "/points_transactions", "points_transactions", customer_id=cid)} == {
        t["id"] for t in txns if t["customer_id"] == cid}
    used = api_all(sb, "/reward_fulfillments", "reward_fulfillments", usage_status="used")
    assert used and all(f["usage_status"] == "used" and f["used_at"] for f in used)
    assert api_all(sb, "/reward_fulfillments", "reward_fulfillments", fulfillment_status="cancelled") == []
    candidates = api_all(sb, "/customers", "customers", state="candidate")
    assert candidates and all(c["state"] == "candidate" for c in candidates)
    # Email lookup is case-insensitive and returns every customer with that email (not unique).
    dup = next(c for c in sb.customers() if c["email"] and c["email"] != c["email"].strip().lower())
    same = api_all(sb, "/customers", "customers", email=dup["email"].strip().lower())
    assert len(same) == 2 and dup["id"] in {c["id"] for c in same}


def test_auth_scopes_and_bad_requests(sb: SmileSandbox) -> None:
    for key in (None, "wrong_key_123"):
        r = api_get(sb, "/customers", key=key)
        assert r.status_code == 401 and r.json()["error"]["message"]
        assert "wrong_key_123" not in r.text
    revoked = sb.add_key()
    assert api_get(sb, "/customers", key=revoked).status_code == 200
    sb.revoke_key(revoked)
    assert api_get(sb, "/customers", key=revoked).status_code == 401
    narrow = sb.add_key({"customer:read"})
    assert api_get(sb, "/customers", key=narrow).status_code == 200
    r = api_get(sb, "/points_transactions", key=narrow)
    assert r.status_code == 403 and "points_transaction:read" in r.json()["error"]["message"]
    assert r.request.headers["authorization"] == f"Bearer {narrow}"  # (httpx side only)
    for params in ({"limit": 0}, {"limit": 251}, {"cursor": "not-a-cursor"}, {"include": "points"},
                   {"updated_at_min": "yesterday"}, {"state": "gold"}):
        assert api_get(sb, "/customers", **params).status_code == 400, params
    assert api_get(sb, "/customers/999").status_code == 404
    assert api_get(sb, "/referrals").status_code == 404  # Smile has no referral list endpoint
    assert httpx.post(f"{sb.base_url}/customers", headers={"Authorization": f"Bearer {DEMO_KEY}"}).status_code == 405
    assert all("authorization" not in r.headers for r in sb.requests)


def test_ten_requests_per_second_per_key_then_429_without_rate_headers(program: DemoProgram) -> None:
    sb = fast_sandbox(program, rate_per_second=10)
    try:
        other = sb.add_key()
        with httpx.Client(headers={"Authorization": f"Bearer {DEMO_KEY}"}) as c:
            t0 = time.monotonic()
            codes = [c.get(f"{sb.base_url}/vip_tiers").status_code for _ in range(15)]
            burst = time.monotonic() - t0
            assert burst < 0.9, "the burst was too slow to test the window"
            assert codes[:10] == [200] * 10 and 429 in codes[10:]
            r429 = next(r for r in sb.requests if r.status == 429)
            assert b"10 requests per second" in r429.response_body
            # The limit is per key: another key is not throttled meanwhile.
            assert api_get(sb, "/vip_tiers", key=other).status_code == 200
            time.sleep(1.05)
            assert c.get(f"{sb.base_url}/vip_tiers").status_code == 200
        assert sb.throttled_count == codes.count(429)
        resp = httpx.get(f"{sb.base_url}/vip_tiers", headers={"Authorization": f"Bearer {DEMO_KEY}"})
        assert not any(h.lower().startswith(("ratelimit", "x-ratelimit", "retry-after")) for h in resp.headers)
    finally:
        sb.stop()
    check_shapes(sb)


def test_seeded_account_looks_like_a_real_one(sb: SmileSandbox, program: DemoProgram) -> None:
    customers = sb.customers()
    demo = list(program.read(None).members)
    no_email = [c for c in customers if not (c["email"] or "").strip()]
    assert len(no_email) >= 2 and {c["email"] for c in no_email} == {None, ""}
    assert any(c["email"] == "not-an-email" for c in customers)
    emails = [(c["email"] or "").strip().lower() for c in customers if (c["email"] or "").strip()]
    assert len(emails) - len(set(emails)) >= 2  # duplicate accounts
    assert len(set(emails)) == len(demo) + 1  # every demo member, plus the invalid one
    births = [c["date_of_birth"] for c in customers if c["date_of_birth"]]
    assert any(b.startswith("1004-") for b in births) and any(not b.startswith("1004-") for b in births)
    assert any(c["email"] and c["email"][0].isupper() for c in customers)
    by_email = {c["email"].strip().lower(): c for c in customers
                if c["email"] and c["state"] == "member" and c["id"] < 309_000_000}
    for m in demo:
        if m.membership_state.value == "member":
            c = by_email[m.email]
            assert c["points_balance"] == m.points_balance
            assert c["vip_status"]["vip_tier_id"] == TIER_BASE + m.tier_id  # type: ignore[operator]


def test_refresh_follows_demo_ticks_with_later_updated_at(sb: SmileSandbox, program: DemoProgram) -> None:
    before = {c["id"]: c for c in sb.customers()}
    clock = sb.account.clock
    assert clock is not None
    assert not sb.refresh()  # nothing new yet
    program.tick(10)
    assert sb.refresh()
    after = {c["id"]: c for c in sb.customers()}
    changed = [i for i in after if after[i] != before.get(i)]
    assert changed
    assert all(parse_iso(after[i]["updated_at"]) >= clock for i in changed)
    assert all(after[i]["updated_at"] == before[i]["updated_at"] for i in before if after[i] == before[i])
    new_txns = [t for t in sb.points_transactions() if parse_iso(t["created_at"]) >= clock]
    assert new_txns and all(parse_iso(t["updated_at"]) >= clock for t in new_txns)
    assert clock + timedelta(days=10) == sb.account.clock


def test_injected_faults_are_counted(sb: SmileSandbox) -> None:
    sb.faults = Faults(rate_500=0.5, seed=3)
    codes = [api_get(sb, "/vip_tiers").status_code for _ in range(20)]
    assert codes.count(500) == sb.injected_counts["500"] > 0
    sb.faults = Faults()


def test_standalone_serves_the_demo_program_and_follows_its_ticks(tmp_path: Path) -> None:
    from loyalty_desktop import service
    from loyalty_emulators import launch

    program = service.open_demo(service.DemoSpec(40, 5))
    running = launch.standalone(launch.Platform.SMILE, launch.StandaloneOptions(), smile_program=program,
                                close_program=program.close, smile_program_name="demo program, 40 members")
    sb, lines = running.sandbox, running.lines
    try:
        assert lines[0].startswith("Smile.io sandbox listening on http://127.0.0.1:") and "/v1" in lines[0]
        assert DEMO_KEY in lines[1]
        n = len(api_all(sb, "/customers", "customers"))
        assert n > 40
        # Another handle on the same demo program file advances it; the sandbox notices.
        with service.open_demo(service.DemoSpec(40, 5)) as other:
            other.tick(20)
        txns_before = len(sb.points_transactions())
        api_get(sb, "/customers", limit=1)
        assert len(sb.points_transactions()) > txns_before
    finally:
        running.stop()
