"""Engine behaviour under trouble: cancel during a Retry-After wait, a key revoked mid-run,
import errors reported per row, TLS trouble, progress reporting."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.sync_helpers import destination, new_program, run_sync
from loyalty_desktop import service
from loyalty_desktop.core.errors import TlsProxyError, WrongKeyError
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE
from loyalty_desktop.destinations.klaviyo.adapter import KlaviyoDestination
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus
from loyalty_emulators.klaviyo.server import DEMO_KEY, Faults, KlaviyoSandbox


@pytest.fixture
def program(tmp_path: Path) -> Iterator[DemoProgram]:
    p = new_program(tmp_path / "program.sqlite3", 400)
    yield p
    p.close()


def test_cancel_during_retry_after_wait_stops_within_a_second_and_resumes(
        store: Store, program: DemoProgram, sandbox: KlaviyoSandbox) -> None:
    with destination(sandbox) as dest:
        sandbox.faults = Faults(rate_429=1.0, retry_after_s=30)
        result: list = []
        t = threading.Thread(target=lambda: result.append(
            service.sync(store, program, "demo", dest, KLAVIYO_SMILE, poll_interval=0.05)))
        t.start()
        deadline = time.monotonic() + 20
        while not sandbox.injected_counts["429"] and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sandbox.injected_counts["429"], "the sync never reached the throttled request"
        time.sleep(0.2)  # now inside the 30 s Retry-After wait
        asked = time.monotonic()
        dest.http.cancel.cancel()
        t.join(5)
        assert not t.is_alive()
        assert time.monotonic() - asked < 1.0
    summary = result[0]
    assert summary.status is RunStatus.CANCELLED
    assert store.runs()[0].status == "cancelled"
    sandbox.faults = Faults()
    resumed = run_sync(store, program, sandbox, KLAVIYO_SMILE)
    assert resumed.status is RunStatus.COMPLETED
    assert resumed.profiles_sent == 400 and len(sandbox.profiles()) == 400


def test_key_revoked_mid_run_fails_clearly_then_a_new_key_resumes(
        store: Store, program: DemoProgram, sandbox: KlaviyoSandbox) -> None:
    program.close()
    key = sandbox.add_key()
    dest = KlaviyoDestination(key, sandbox.base_url or "")
    try:
        service.connect(dest)
        sandbox.faults = Faults(revoke_after_requests=1)
        with DemoProgram.open(program.path) as prog:
            s = service.sync(store, prog, "demo", dest, KLAVIYO_LOYALTY, poll_interval=0.05)
    finally:
        dest.close()
    assert s.status is RunStatus.FAILED
    assert s.error and "refused the API key" in s.error
    sandbox.faults = Faults()
    with DemoProgram.open(program.path) as prog:
        s2 = run_sync(store, prog, sandbox, KLAVIYO_LOYALTY)
    assert s2.status is RunStatus.COMPLETED
    assert len(sandbox.profiles()) == 400


def test_import_errors_become_rejected_rows(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox) -> None:
    # Three members already have a Klaviyo profile, and someone else's profile owns their phone
    # number: the bulk job reports them as import errors, the rest of the batch goes through.
    mapping = KLAVIYO_LOYALTY.with_field("phone", enabled=True)
    members = [m for m in program.read(None).members if m.phone][:3]
    for i, m in enumerate(members):
        _create_profile(sandbox, m.email, None)
        _create_profile(sandbox, f"other{i}@orange.fr", m.phone)
    s = run_sync(store, program, sandbox, mapping)
    assert s.status is RunStatus.COMPLETED_WITH_REJECTS, s.error
    assert s.rejected == 3 and s.profiles_sent == 397
    rows = store.rejected_rows(s.run_id)
    assert sorted(r.key for r in rows) == sorted(m.email for m in members)
    assert all(r.reason for r in rows)
    # Rejected rows are not re-sent until their data changes.
    again = run_sync(store, program, sandbox, mapping)
    assert (again.profiles_sent, again.rejected) == (0, 0)


def _create_profile(sb: KlaviyoSandbox, email: str, phone: str | None) -> None:
    import httpx

    attributes = {"email": email, **({"phone_number": phone} if phone else {})}
    body = {"data": {"type": "profile", "attributes": attributes}}
    r = httpx.post(f"{sb.base_url}/api/profiles", json=body,
                   headers={"Authorization": f"Klaviyo-API-Key {DEMO_KEY}", "revision": "2026-07-15",
                            "Content-Type": "application/vnd.api+json", "Accept": "application/vnd.api+json"})
    assert r.status_code == 201, r.text


def test_tls_trouble_is_reported_as_such(sandbox: KlaviyoSandbox) -> None:
    dest = KlaviyoDestination(DEMO_KEY, (sandbox.base_url or "").replace("http://", "https://"))
    try:
        with pytest.raises(TlsProxyError):
            dest.verify()
    finally:
        dest.close()


def test_wrong_key_is_typed(sandbox: KlaviyoSandbox) -> None:
    dest = KlaviyoDestination("pk_" + "x" * 34, sandbox.base_url or "")
    try:
        with pytest.raises(WrongKeyError):
            dest.verify()
    finally:
        dest.close()


def test_progress_names_phases_with_rate_and_eta(store: Store, program: DemoProgram, sandbox: KlaviyoSandbox) -> None:
    seen: list[Progress] = []
    with destination(sandbox) as dest:
        service.sync(store, program, "demo", dest, KLAVIYO_LOYALTY, on_progress=seen.append, poll_interval=0.05)
    phases = [p.phase for p in seen]
    assert phases[0] is Phase.READING and phases[-1] is Phase.DONE
    assert Phase.PLANNING in phases and Phase.SENDING_PROFILES in phases
    sending = [p for p in seen if p.phase is Phase.SENDING_PROFILES]
    assert sending[-1].done == sending[-1].total == 400
    assert sending[-1].rate > 0 and sending[-1].eta_s == 0


def test_small_changes_go_through_profile_import(store: Store, program: DemoProgram,
                                                 sandbox: KlaviyoSandbox) -> None:
    run_sync(store, program, sandbox, KLAVIYO_LOYALTY)
    program.tick(1)
    sandbox.clear_requests()
    s = run_sync(store, program, sandbox, KLAVIYO_LOYALTY)
    assert s.status is RunStatus.COMPLETED
    ops = [r.operation for r in sandbox.requests if r.method == "POST"]
    assert 0 < s.profiles_sent < 50
    assert ops.count("create_or_update_profile") == s.profiles_sent
    assert "bulk_import_profiles" not in ops
    for prof in sandbox.profiles():
        assert prof.email is not None
        member = store.member(prof.email)
        if member is not None:
            assert prof.properties.get("Loyalty Points Balance") == member["points_balance"]
