"""The demo's sandboxes in a child process of the app (SandboxPlace.CHILD_PROCESS): a real sync over
HTTP lands in the child (read back through its HTTP API), Klaviyo's segment clock and the wall clock
cross the process boundary, Splio is seeded in the child, the child leaves when its parent goes,
and a child that cannot start is said plainly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from helpers.child_sandbox import KLAVIYO_HEADERS, alive, klaviyo_profiles, wait_gone
from loyalty_desktop import service
from loyalty_desktop.core.errors import SandboxError, SandboxProblem, user_message
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.core.options import DemoOptions, SandboxPlace, TargetOptions
from loyalty_desktop.destinations.sandbox_process import SandboxProcess
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.sync.engine import RunStatus

CHILD = TargetOptions(sandbox_place=SandboxPlace.CHILD_PROCESS)
def test_a_demo_sync_lands_in_the_child_sandbox() -> None:
    conn = service.target("klaviyo-sandbox").connect(None, CHILD, CancelToken())
    try:
        sb = conn.sandbox
        assert isinstance(sb, SandboxProcess) and sb.pid != os.getpid() and alive(sb.pid)
        assert conn.dest.base_url == sb.base_url and sb.base_url.startswith("http://127.0.0.1:")
        src = service.source_factory("demo").open(DemoOptions(120, 7), CancelToken())
        try:
            with service.open_store() as store:
                summary = service.sync(store, src.source, src.name, conn.dest, KLAVIYO_LOYALTY, poll_interval=0.05)
                members = {m["email"]: m for m in store.sample_members(1000)}
        finally:
            src.close()
        assert summary.status is RunStatus.COMPLETED and summary.profiles_sent == 120
        profiles = klaviyo_profiles(sb.base_url)
        held = {p["attributes"]["email"]: p["attributes"]["properties"] for p in profiles}
        assert held.keys() == members.keys() and len(held) == 120
        assert sum(m["points_balance"] or 0 for m in members.values()) > 0
        assert all(held[e]["Loyalty Points Balance"] == m["points_balance"] and held[e].get("Loyalty Tier Name") ==
                   m.get("tier_name") for e, m in members.items())
        # The child's wall clock is the app's (pinned in tests), not the machine's.
        created = {p["attributes"]["created"][:10] for p in profiles}
        assert created == {"2026-11-02"}, created
        assert sb.describe(1)[0].startswith("The sandbox now holds 120 profiles")
    finally:
        conn.close()
    assert wait_gone(sb.pid, 10) and sb.proc.returncode == 0  # stopped cleanly at close


def test_the_segment_clock_crosses_the_process_boundary() -> None:
    sb = SandboxProcess.start("klaviyo")
    try:
        with httpx.Client(base_url=sb.base_url, headers=KLAVIYO_HEADERS, timeout=30) as api:
            api.post("/api/profile-import", json={"data": {"type": "profile", "attributes": {
                "email": "soon@shop.fr", "properties": {"Expiry": "2026-12-10"}}}}).raise_for_status()
            cond = {"type": "profile-property", "property": "properties['Expiry']",
                    "filter": {"type": "date", "operator": "in-the-next", "unit": "day", "quantity": 30}}
            doc = {"data": {"type": "segment", "attributes": {
                "name": "Expiring", "definition": {"condition_groups": [{"conditions": [cond]}]}}}}
            sid = api.post("/api/segments", json=doc).raise_for_status().json()["data"]["id"]

            def members() -> list[str]:
                rows = api.get(f"/api/segments/{sid}/profiles").raise_for_status().json()["data"]
                return [r["attributes"]["email"] for r in rows]

            sb.set_clock(datetime(2026, 11, 20, tzinfo=UTC))
            assert members() == ["soon@shop.fr"]  # expires within 30 days of Nov 20
            sb.set_clock(datetime(2026, 12, 11, 9, 30, tzinfo=UTC))
            assert members() == []  # already expired on Dec 11
    finally:
        sb.stop()


def test_splio_is_seeded_in_the_child_from_the_demo_program_and_from_the_app() -> None:
    options = TargetOptions(sandbox_place=SandboxPlace.CHILD_PROCESS, seed_from=DemoOptions(60, 3))
    conn = service.target("splio-sandbox").connect(None, options, CancelToken())
    try:
        assert any("seeded with" in n and "of the 60 demo members" in n for n in conn.notes), conn.notes
        before = conn.sandbox.describe()[0]
        seed = conn.demo_seeder()
        assert seed is not None
        counts = seed([type("M", (), {"email": f"new{i}@exemple.fr", "first_name": "Ana", "last_name": None,
                                      "phone": None})() for i in range(40)])
        assert counts["members_present"] + counts["members_absent"] == 40
        after = conn.sandbox.describe()[0]
        assert before != after
    finally:
        conn.close()


def test_the_child_leaves_when_its_stdin_closes() -> None:
    sb = SandboxProcess.start("klaviyo")
    assert sb.proc.stdin is not None
    sb.proc.stdin.close()
    assert wait_gone(sb.pid, 10)
    with pytest.raises(SandboxError) as err:
        sb.describe()
    assert err.value.problem is SandboxProblem.GONE
    assert user_message(err.value).startswith("The offline Klaviyo sandbox stopped unexpectedly (it ended")


PARENT = textwrap.dedent("""
    import sys, time
    from loyalty_desktop.destinations.sandbox_process import SandboxProcess
    sb = SandboxProcess.start("klaviyo")
    print(sb.pid, sb.base_url, flush=True)
    time.sleep(600)
""")


def test_the_child_leaves_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        pid_text, url = parent.stdout.readline().split()
        child_pid = int(pid_text)
        assert alive(child_pid) and httpx.get(f"{url}/api/accounts", headers=KLAVIYO_HEADERS, timeout=10).is_success
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        assert wait_gone(child_pid), "the sandbox outlived the app"
    finally:
        parent.kill()
        parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()


def test_a_child_that_cannot_start_is_said_plainly() -> None:
    failing = [sys.executable, "-c", "import sys; sys.stderr.write('no room to listen\\n'); sys.exit(3)"]
    with pytest.raises(SandboxError) as err:
        SandboxProcess.start("splio", command=failing)
    assert err.value.problem is SandboxProblem.NOT_STARTED
    assert user_message(err.value) == ("The offline Splio sandbox could not start on this computer (it ended with "
                                       "exit status 3: no room to listen). Try again; if it keeps failing, install "
                                       "the app again.")
    with pytest.raises(SandboxError) as missing:
        SandboxProcess.start("klaviyo", command=["/nonexistent/loyalty-desktop", "__sandbox__"])
    assert missing.value.problem is SandboxProblem.NOT_STARTED and "No such file" in user_message(missing.value)


def test_the_frozen_entry_script_serves_a_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    """packaging/launcher.py is what the bundle runs: `<executable> __sandbox__` reaches the child too."""
    from loyalty_desktop.destinations import sandbox_process

    launcher = Path(__file__).resolve().parents[2] / "packaging" / "launcher.py"
    sb = SandboxProcess.start("klaviyo", command=[sys.executable, str(launcher), "__sandbox__"])
    try:
        assert sb.describe()[0].startswith("The sandbox now holds 0 profiles")
    finally:
        sb.stop()
    assert sb.proc.returncode == 0
    from loyalty_desktop.cli import start
    from loyalty_emulators import launch

    assert start.SANDBOX_COMMAND == launch.CHILD_COMMAND  # written twice to keep the start path light
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as PyInstaller's bootloader sets it
    assert sandbox_process.sandbox_command() == [sys.executable, "__sandbox__"]


def test_the_smile_source_sandbox_serves_the_demo_program_from_a_child_process() -> None:
    """The GUI's `smile-sandbox` source: the child opens the demo program itself and serves it; the
    members read are those the in-process sandbox serves; closing the source stops the child."""
    from loyalty_desktop.core.options import SmileOptions

    def read(place: SandboxPlace) -> tuple[set[str], str]:
        src = service.source_factory("smile-sandbox").open(SmileOptions(None, DemoOptions(40, 5), sandbox_place=place),
                                                           CancelToken())
        try:
            members = src.source.read(None, history=False).members
            return {m.email for m in members}, src.label
        finally:
            src.close()

    here, _ = read(SandboxPlace.IN_PROCESS)
    there, label = read(SandboxPlace.CHILD_PROCESS)
    assert len(there) == 40 and there == here
    url = label.rsplit(" at ", 1)[1]
    assert url.startswith("http://127.0.0.1:")
    with pytest.raises(httpx.TransportError):  # the child stopped with the source
        httpx.get(url, timeout=5)


def test_a_child_that_never_answers_is_stopped_and_said_plainly() -> None:
    silent = [sys.executable, "-c", "import sys, time; sys.stdin.readline(); time.sleep(60)"]
    with pytest.raises(SandboxError) as err:
        SandboxProcess.start("klaviyo", command=silent, timeout=1.0)
    assert err.value.problem is SandboxProblem.NOT_STARTED
    assert "no answer within 1 s" in user_message(err.value)


def test_verifying_a_connection_whose_sandbox_died_says_so() -> None:
    conn = service.target("klaviyo-sandbox").connect(None, CHILD, CancelToken())
    try:
        assert conn.verify().name  # alive: the key checks out as before
        conn.sandbox.proc.kill()
        conn.sandbox.proc.wait(10)
        with pytest.raises(SandboxError) as err:
            conn.verify()
        assert user_message(err.value).startswith("The offline Klaviyo sandbox stopped unexpectedly (it ended with "
                                                  "exit status -9")
        assert user_message(err.value).endswith("Close and reopen the app to start a new one (it starts empty).")
    finally:
        conn.close()
