"""End to end: Smile.io sandbox → Smile source → engine → Klaviyo sandbox, over real HTTP both ways."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers.smile_helpers import api_all, api_get, check_shapes, new_program, source
from helpers.sync_helpers import destination
from loyalty_desktop import service
from loyalty_desktop.core.fields import KLAVIYO_SMILE
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.sources.smile.api import RATE_LIMIT
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_emulators.klaviyo.server import KlaviyoSandbox
from loyalty_emulators.smile.server import DEMO_KEY as SMILE_KEY
from loyalty_emulators.smile.server import SmileSandbox


@pytest.fixture
def program(tmp_path: Path) -> Iterator[DemoProgram]:
    p = new_program(tmp_path / "program.sqlite3", 150)
    yield p
    p.close()


@pytest.fixture
def smile(program: DemoProgram) -> Iterator[SmileSandbox]:
    sb = SmileSandbox()  # Smile's own limit: 10 requests/s per key
    sb.load_program(program)
    sb.start()
    yield sb
    sb.stop()
    assert not sb.internal_errors, sb.internal_errors
    check_shapes(sb)


def smile_properties_from_the_api(sb: SmileSandbox) -> dict[str, dict[str, Any]]:
    """What the five `Smile …` properties must hold, computed from what Smile's API answers over
    HTTP (not from the demo program): one customer per email (member first, then the latest
    update, then the highest id); customers without a valid email left out."""
    key = sb.add_key()  # its own rate window: the sync just used the demo key's
    tiers = {t["id"]: t["name"] for t in api_get(sb, "/vip_tiers", key).json()["vip_tiers"]}
    best: dict[str, dict[str, Any]] = {}
    for c in api_all(sb, "/customers", "customers", key, include="vip_status"):
        email = (c["email"] or "").strip().lower()
        if "@" not in email:
            continue
        rank = (c["state"] == "member", c["updated_at"], c["id"])
        if email not in best or rank > best[email]["_rank"]:
            best[email] = {**c, "_rank": rank}
    out = {}
    for email, c in best.items():
        tier = c["vip_status"]["vip_tier_id"]
        props = {"Smile Points Balance": c["points_balance"], "Smile Referral URL": c["referral_url"],
                 "Smile VIP Tier Name": tiers.get(tier), "Smile VIP Tier ID": tier, "Smile State": c["state"]}
        out[email] = {k: v for k, v in props.items() if v is not None}
    return out


def smile_properties_in_klaviyo(sb: KlaviyoSandbox) -> dict[str, dict[str, Any]]:
    return {p.email or "": dict(p.properties) for p in sb.profiles()}  # (every profile has an email)


def test_smile_sandbox_to_klaviyo_sandbox_with_the_smile_preset(
        program: DemoProgram, smile: SmileSandbox, sandbox: KlaviyoSandbox, store: Store) -> None:
    with source(smile, rate=RATE_LIMIT) as src, destination(sandbox) as dest:
        s1 = service.sync(store, src, "smile:test", dest, KLAVIYO_SMILE, poll_interval=0.05)
        assert s1.status is RunStatus.COMPLETED, s1.error
        expected = smile_properties_from_the_api(smile)
        got = smile_properties_in_klaviyo(sandbox)
        assert got == expected
        assert s1.profiles_sent == len(expected) == 150 and s1.events_sent == 0  # first sync: profiles only
        assert {type(v) for p in got.values() for k, v in p.items() if k in ("Smile Points Balance",
                                                                           "Smile VIP Tier ID")} == {int}
        assert Counter(p["Smile State"] for p in got.values()).keys() >= {"member", "candidate"}
        assert smile.throttled_count == 0  # paced at Smile's 10 requests/s

        # A month passes in the loyalty program; the next sync reads only the changes.
        program.tick(30)
        smile.refresh()
        smile.clear_requests()
        s2 = service.sync(store, src, "smile:test", dest, KLAVIYO_SMILE, poll_interval=0.05)
        assert s2.status is RunStatus.COMPLETED, s2.error
        assert all("updated_at_min=" in r.path for r in smile.requests
                   if r.path.split("?")[0].endswith(("/customers", "/points_transactions", "/reward_fulfillments")))
        assert smile_properties_in_klaviyo(sandbox) == smile_properties_from_the_api(smile)
        assert 0 < s2.profiles_sent < 150
        metrics = Counter(e.metric_name for e in sandbox.events())
        assert metrics["Points Earned"] > 0 and metrics["Points Redeemed"] >= 0
        assert "Referral Started" not in metrics  # Smile's API lists no referrals

        # Nothing changed since: nothing is sent.
        s3 = service.sync(store, src, "smile:test", dest, KLAVIYO_SMILE, poll_interval=0.05)
        assert (s3.profiles_sent, s3.events_sent) == (0, 0)


def _cli(data: Path, *args: str, smile_key: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOYALTY_DESKTOP_")}
    env["LOYALTY_DESKTOP_DATA_DIR"] = str(data)
    if smile_key:
        env["LOYALTY_DESKTOP_SMILE_KEY"] = smile_key
    return subprocess.run([sys.executable, "-m", "loyalty_desktop", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_cli_smile_sandbox_runs_offline(tmp_path: Path) -> None:
    r = _cli(tmp_path / "d", "sync", "--source", "smile-sandbox", "--members", "60", "--to", "klaviyo-sandbox",
             "--preset", "klaviyo-smile")
    assert r.returncode == 0, r.stderr
    assert "Contacts sent: 60" in r.stdout
    assert "Smile Points Balance" in r.stdout


def test_cli_smile_with_a_key_then_a_wrong_key(tmp_path: Path, smile: SmileSandbox) -> None:
    args = ["sync", "--source", "smile", "--source-base-url", smile.base_url or "", "--to", "klaviyo-sandbox",
            "--preset", "klaviyo-smile"]
    ok = _cli(tmp_path / "d", *args, smile_key=SMILE_KEY)
    assert ok.returncode == 0, ok.stderr
    assert "Contacts sent: 150" in ok.stdout
    wrong = "smile_live_ThisKeyIsWrong0123456789"
    bad = _cli(tmp_path / "d", *args, smile_key=wrong)
    assert bad.returncode == 1
    assert "refused the API key" in bad.stderr
    assert wrong not in bad.stdout + bad.stderr
    for f in (tmp_path / "d").rglob("*"):
        if f.is_file():
            assert wrong.encode() not in f.read_bytes() and SMILE_KEY.encode() not in f.read_bytes(), f
