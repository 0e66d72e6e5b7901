"""The emulators' launch API, their independence from the product, and their clock hook: rate
limits and token lifetimes run on a fake clock without waiting."""

from __future__ import annotations

import ast
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import loyalty_emulators
from loyalty_desktop.core import clock
from loyalty_desktop.sources.demo.rules import SHOP_URL
from loyalty_emulators import clock as emulator_clock
from loyalty_emulators import launch
from loyalty_emulators.klaviyo.server import DEMO_KEY as KLAVIYO_KEY
from loyalty_emulators.smile.feed import SHOP_URL as SANDBOX_SHOP_URL
from loyalty_emulators.smile.server import DEMO_KEY as SMILE_KEY
from loyalty_emulators.smile.server import SmileSandbox
from loyalty_emulators.splio.server import DEMO_KEY as SPLIO_KEY
from loyalty_emulators.splio.server import SplioSandbox

PACKAGE = Path(loyalty_emulators.__file__).parent


@pytest.fixture
def emulators_on_fake_clock(fake_clock: clock.FakeClock) -> Iterator[clock.FakeClock]:
    """The emulators read the test's fake clock entirely: wall time, monotonic time, waits."""
    with emulator_clock.use_clock(emulator_clock.Clock.following(fake_clock)):
        yield fake_clock


def test_the_emulators_import_nothing_from_the_product() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.relative_to(PACKAGE)}: {n}" for n in names if n.split(".")[0] == "loyalty_desktop"]
    assert offenders == []


def test_every_module_stays_small() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}


def test_demo_keys_are_the_servers_and_the_shop_is_the_demo_programs() -> None:
    assert dict(launch.DEMO_KEYS) == {launch.Platform.KLAVIYO: KLAVIYO_KEY, launch.Platform.SPLIO: SPLIO_KEY,
                                      launch.Platform.SMILE: SMILE_KEY}
    assert launch.demo_key("splio") == SPLIO_KEY
    with pytest.raises(ValueError):
        launch.demo_key("mailchimp")
    assert SANDBOX_SHOP_URL == SHOP_URL


def test_start_in_process_gives_a_running_handle_that_stops() -> None:
    with launch.start_klaviyo() as running:
        r = httpx.get(f"{running.base_url}/api/accounts",
                      headers={"Authorization": f"Klaviyo-API-Key {running.demo_key}", "revision": "2026-07-15"})
        assert r.status_code == 200
        assert running.describe() == ["The sandbox now holds 0 profiles and 0 events."]
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{running.base_url}/api/accounts", timeout=2)


def test_a_failing_seed_stops_the_server_and_says_why() -> None:
    def seed(sb: SplioSandbox) -> list[str]:
        raise RuntimeError("no demo program")

    with pytest.raises(RuntimeError, match="no demo program"):
        launch.start_splio(seed=seed)


def test_standalone_applies_the_options_and_prints_where_it_listens() -> None:
    closed: list[bool] = []
    options = launch.StandaloneOptions(faults=launch.FaultOptions(rate_500=1.0))
    running = launch.standalone("smile", options, close_program=lambda: closed.append(True))
    try:
        assert running.lines[0].startswith("Smile.io sandbox listening on http://127.0.0.1:")
        assert running.base_url.endswith("/v1") and SMILE_KEY in running.lines[1]
        r = httpx.get(f"{running.base_url}/customers", headers={"Authorization": f"Bearer {SMILE_KEY}"})
        assert r.status_code == 500 and running.sandbox.injected_counts["500"] == 1
    finally:
        running.stop()
    assert closed == [True]


def test_rate_limits_run_on_a_fake_clock(emulators_on_fake_clock: clock.FakeClock) -> None:
    fake = emulators_on_fake_clock
    headers = {"Authorization": f"Bearer {SMILE_KEY}"}
    started = time.monotonic()
    with SmileSandbox(rate_per_second=3) as sb, httpx.Client(base_url=sb.base_url or "", headers=headers) as api:
        assert [api.get("/vip_tiers").status_code for _ in range(4)] == [200, 200, 200, 429]
        assert [api.get("/vip_tiers").status_code for _ in range(50)].count(429) == 50  # time stands still
        fake.advance(1.0)
        assert api.get("/vip_tiers").status_code == 200
        assert sb.throttled_count == 51
        assert sb.requests[-1].received_monotonic == fake.monotonic()
    assert time.monotonic() - started < 30  # nothing waited for a real second to pass


def test_tokens_expire_and_latency_passes_on_a_fake_clock(emulators_on_fake_clock: clock.FakeClock) -> None:
    fake = emulators_on_fake_clock
    with SplioSandbox(token_lifetime_s=60) as sb, httpx.Client(base_url=sb.base_url or "") as api:
        token = api.post("/authenticate", json={"api_key": SPLIO_KEY}).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        assert api.get("/ping", headers=auth).status_code == 200
        fake.advance(59)
        assert api.get("/ping", headers=auth).status_code == 200
        fake.advance(1)
        assert api.get("/ping", headers=auth).status_code == 401
        before = fake.monotonic()
        sb.faults = launch.FaultOptions(latency_s=30.0).faults()
        assert api.post("/authenticate", json={"api_key": SPLIO_KEY}).status_code == 200
        assert fake.monotonic() == before + 30.0  # the injected latency spent fake time, not real
