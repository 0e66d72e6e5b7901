"""One sync at a time per data folder (issue 12.6): real CLI processes against one Klaviyo sandbox
on 127.0.0.1, a kill -9 of the holder, and the lock's own rules in-process.

Reported bug: two syncs started a second apart sent 14,000 events twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.cli import MEMBERS, cli, cli_env, sync_args
from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import SyncBusyError, user_message
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.sync import lock as sync_lock
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

BUSY_EXIT = 75


def start_sync(data: Path, sb: KlaviyoSandbox, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "loyalty_desktop", *sync_args(sb), *extra], env=cli_env(data),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(cond: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def holder_pid(data: Path) -> int | None:
    h = sync_lock.holder(data / "store.sqlite3")
    return h.pid if h else None


def events_received(sb: KlaviyoSandbox) -> list[str]:
    """Every event unique_id the sandbox was sent (duplicates included: it drops them, as Klaviyo does)."""
    ids: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("unique_id"), str):
                ids.append(node["unique_id"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for rec in sb.requests:
        if rec.operation in ("bulk_create_events", "create_event") and 200 <= rec.status < 300:
            walk(json.loads(rec.body))
    return ids


def hhmm(data: Path) -> str:
    h = sync_lock.holder(data / "store.sqlite3")
    assert h is not None and h.since is not None
    return f"{h.since.astimezone():%H:%M}"


def test_two_cli_syncs_on_one_folder_second_stops_and_events_go_once(tmp_path: Path) -> None:
    data = tmp_path / "d"
    with KlaviyoSandbox(job_seconds=0.1) as sb:
        assert cli(data, *sync_args(sb)).returncode == 0  # first sync: the baseline
        assert cli(data, "demo", "tick", "30", "--members", MEMBERS).returncode == 0
        sb.job_seconds = 3.0  # the profile import job keeps the first sync busy for a while
        first = start_sync(data, sb)
        try:
            wait_for(lambda: holder_pid(data) == first.pid, "the first sync to take the lock")
            since = hhmm(data)
            waiter = start_sync(data, sb, "--wait", "300")
            second = cli(data, *sync_args(sb))
            assert first.poll() is None, "the first sync ended before the second was refused"
            out, err = first.communicate(timeout=180)
            assert first.returncode == 0, err
            w_out, w_err = waiter.communicate(timeout=180)
        finally:
            for p in (first, locals().get("waiter")):
                if p is not None and p.poll() is None:
                    p.kill()
                    p.wait()
        assert second.returncode == BUSY_EXIT, second.stderr
        assert f"A sync is already running on this data folder (since {since}); this one did not start." \
            in second.stderr
        assert "Traceback" not in second.stderr
        assert second.stdout == ""  # it connected to nothing and sent nothing
        # The one asked to wait did, then found nothing left to send.
        assert waiter.returncode == 0, w_err
        assert "waiting up to 300 s" in w_err.lower()
        assert "Contacts sent: 0" in w_out and "Events sent: 0" in w_out
        sent = events_received(sb)
        assert "Events sent: 0" not in out and len(sent) > 0
        assert len(sent) == len(set(sent)), "an event was sent twice"
        assert sb.dropped_events().get("duplicate", 0) == 0
        assert len(sb.events()) == len({e.unique_id for e in sb.events()})
    assert not sync_lock.info_path(data / "store.sqlite3").exists()  # the last holder cleaned up its side file


def test_a_lock_left_by_a_killed_sync_is_taken_over(tmp_path: Path) -> None:
    data = tmp_path / "d"
    with KlaviyoSandbox(job_seconds=3) as sb:
        proc = start_sync(data, sb)
        try:
            wait_for(lambda: holder_pid(data) == proc.pid and bool(sb.import_jobs()), "a job in flight")
            os.kill(proc.pid, signal.SIGKILL)
            assert proc.wait(10) == -signal.SIGKILL
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.communicate()
        assert holder_pid(data) == proc.pid  # the side file still names the dead holder …
        sb.job_seconds = 0.1
        r = cli(data, *sync_args(sb))  # … but the OS dropped its lock: the next sync takes over
        assert r.returncode == 0, r.stderr
        assert "already running" not in r.stderr
        assert len(sb.profiles()) == int(MEMBERS)  # and finishes what the killed one had started
        runs = cli(data, "runs").stdout
    assert "interrupted" in runs and "completed" in runs
    assert not sync_lock.info_path(data / "store.sqlite3").exists()


# -- the lock's rules, in-process ----------------------------------------------------------------------

HOLD = ("import sys, time; from pathlib import Path; from loyalty_desktop.sync import lock as sync_lock;"
        "sync_lock.acquire(Path(sys.argv[1])); print('held', flush=True); time.sleep(120)")


def hold_elsewhere(store: Path) -> subprocess.Popen[str]:
    env = cli_env(store.parent)
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(store)], stdout=subprocess.PIPE, text=True, env=env)
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def test_busy_message_names_the_local_start_time_and_wait_is_bounded(tmp_path: Path,
                                                                   fake_clock: clock.FakeClock) -> None:
    folder = tmp_path / "f" / "store.sqlite3"
    other = hold_elsewhere(folder)
    try:
        with pytest.raises(SyncBusyError) as caught:
            sync_lock.acquire(folder)
        exc = caught.value
        assert exc.pid == other.pid and exc.since is not None
        assert f"(since {exc.since.astimezone():%H:%M})" in user_message(exc)
        start = fake_clock.monotonic()
        with pytest.raises(SyncBusyError):
            sync_lock.acquire(folder, wait=5)  # polls on the (fake) clock, then gives up
        assert fake_clock.monotonic() - start >= 5
        cancel = CancelToken()
        cancel.cancel()
        with pytest.raises(Exception, match="cancelled"):
            sync_lock.acquire(folder, wait=5, cancel=cancel)
        assert sync_lock.is_busy(folder) is not None
    finally:
        other.kill()
        other.wait()
        if other.stdout:
            other.stdout.close()
    with sync_lock.hold(folder):  # free once its holder is gone
        with sync_lock.hold(folder):  # re-entrant in one process (CLI command, then service.sync)
            assert sync_lock.held_here(folder)
        assert sync_lock.held_here(folder)
        assert (holder := sync_lock.holder(folder)) is not None and holder.pid == os.getpid()
    assert not sync_lock.held_here(folder) and sync_lock.is_busy(folder) is None


def test_service_sync_holds_the_lock_for_every_caller(tmp_path: Path) -> None:
    """The GUI, the kit and a scheduled run call service.sync directly: it refuses to run beside another."""
    from helpers.sync_helpers import new_program, run_sync
    from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
    from loyalty_desktop.store.store import Store

    folder = tmp_path / "data"
    other = hold_elsewhere(folder / "store.sqlite3")
    try:
        with KlaviyoSandbox() as sb, Store(folder / "store.sqlite3") as store, \
                new_program(tmp_path / "p.sqlite3", 20) as prog:
            with pytest.raises(SyncBusyError):
                run_sync(store, prog, sb, KLAVIYO_LOYALTY)
            assert store.runs() == []  # nothing recorded, nothing sent
            assert sb.count_requests(write_only=True) == 0
    finally:
        other.kill()
        other.wait()
        if other.stdout:
            other.stdout.close()


def test_another_thread_of_the_same_process_is_refused(tmp_path: Path) -> None:
    import threading

    folder = tmp_path / "f" / "store.sqlite3"
    seen: list[BaseException | None] = []
    with sync_lock.hold(folder):
        def other() -> None:
            try:
                sync_lock.acquire(folder)
                seen.append(None)
            except SyncBusyError as exc:
                seen.append(exc)

        t = threading.Thread(target=other)
        t.start()
        t.join(10)
        assert sync_lock.is_busy(folder) is None  # this thread holds it
    assert isinstance(seen[0], SyncBusyError) and seen[0].pid == os.getpid()
