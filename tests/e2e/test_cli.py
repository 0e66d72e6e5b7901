"""The command line as a user runs it: a real process, a real sandbox, real kills."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import klaviyo_spec
from helpers.cli import MEMBERS, cli, cli_env, run_and_kill, sync_args
from helpers.sync_helpers import check_conformance, sandbox_state
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox


def test_kill_and_resume_gives_a_clean_runs_final_state(tmp_path: Path) -> None:
    # The clean run: sync, a month passes, sync.
    with KlaviyoSandbox(job_seconds=0.1) as clean_sb:
        for step in (["sync"], ["tick"], ["sync"]):
            r = cli(tmp_path / "clean", *sync_args(clean_sb)) if step == ["sync"] else \
                cli(tmp_path / "clean", "demo", "tick", "30", "--members", MEMBERS)
            assert r.returncode == 0, r.stderr
        clean = sandbox_state(clean_sb)

    data = tmp_path / "killed"
    with KlaviyoSandbox(job_seconds=1.5) as sb:
        # Killed while planning the first sync.
        run_and_kill(cli_env(data), sync_args(sb), lambda lines: any(line.startswith("planning") for line in lines))
        assert sb.count_requests(write_only=True) == 0
        # Killed while waiting on the bulk import job it submitted (0.4 s after the platform took it,
        # so the client has recorded the job; the job itself takes 1.5 s).
        seen: list[float] = []

        def waiting_on_job(lines: list[str]) -> bool:
            if not seen and sb.import_jobs():
                seen.append(time.monotonic())
            return bool(seen) and time.monotonic() - seen[0] > 0.4

        run_and_kill(cli_env(data), sync_args(sb), waiting_on_job)
        assert [j["status"] for j in sb.import_jobs()] != ["complete"]
        r = cli(data, *sync_args(sb))
        assert r.returncode == 0, r.stderr
        assert "confirming earlier jobs" in r.stderr  # it confirmed the job instead of re-sending it
        assert len(sb.import_jobs()) == 1

        assert cli(data, "demo", "tick", "30", "--members", MEMBERS).returncode == 0
        # Killed right after the first batch of events reached the platform.
        sb.job_seconds = 0.1
        run_and_kill(cli_env(data), sync_args(sb),
                     lambda lines: any(rec.operation == "bulk_create_events" for rec in sb.requests))
        r = cli(data, *sync_args(sb))
        assert r.returncode == 0, r.stderr
        # The resumed run's figures add up (what the killed run sent counts as unchanged).
        m = re.search(r"Members: ([\d,]+) · Contacts sent: ([\d,]+) · Unchanged: ([\d,]+) · Refused by \w+: ([\d,]+)",
                      r.stdout)
        assert m and (n := [int(x.replace(",", "")) for x in m.groups()])[0] == sum(n[1:]), r.stdout
        killed = sandbox_state(sb)
        runs = cli(data, "runs").stdout
        if klaviyo_spec.spec_available():
            check_conformance(sb)
    assert killed[0] == clean[0]
    assert killed[1] == clean[1]
    assert len(killed[1]) == len(set(killed[1])) > 0
    assert runs.count("interrupted") == 3


def test_wrong_key_is_one_clear_line_and_never_written(tmp_path: Path, sandbox: KlaviyoSandbox) -> None:
    wrong = "pk_" + "Z" * 34
    r = cli(tmp_path / "d", *sync_args(sandbox), key=wrong)
    assert r.returncode == 1
    err_lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert err_lines == [("error: Klaviyo refused the API key: it is wrong, revoked or for another account. "
                         "Paste the key again or create a new one.")]
    assert wrong not in r.stdout + r.stderr
    for f in (tmp_path / "d").rglob("*"):
        if f.is_file():
            assert wrong.encode() not in f.read_bytes(), f
    assert (tmp_path / "d" / "logs").is_dir()


def test_missing_scope_names_the_scopes(tmp_path: Path, sandbox: KlaviyoSandbox) -> None:
    key = sandbox.add_key({"accounts:read", "profiles:read", "profiles:write"})
    r = cli(tmp_path / "d", *sync_args(sandbox), key=key)
    assert r.returncode == 1
    assert "lists:write" in r.stdout + r.stderr
    assert key not in r.stdout + r.stderr


def test_no_key_says_how_to_add_one(tmp_path: Path, sandbox: KlaviyoSandbox) -> None:
    r = cli(tmp_path / "d", *sync_args(sandbox), key=None)
    assert r.returncode == 1
    assert "loyalty-desktop key set klaviyo" in r.stderr


def test_network_down_is_clear(tmp_path: Path) -> None:
    r = cli(tmp_path / "d", "sync", "--members", "50", "--to", "klaviyo", "--base-url", "http://127.0.0.1:9")
    assert r.returncode == 1
    assert "Cannot reach Klaviyo" in r.stderr


def test_sandbox_subcommand_serves_until_interrupted(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "loyalty_desktop", "sandbox", "--port", "0"],
                            env=cli_env(tmp_path / "d", None), stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Klaviyo sandbox listening on http://127.0.0.1:")
        url = first.split()[-1]
        assert DEMO_KEY in proc.stdout.readline()
        r = cli(tmp_path / "d", "sync", "--members", "50", "--to", "klaviyo", "--base-url", url)
        assert r.returncode == 0, r.stderr
        assert "Contacts sent: 50" in r.stdout
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
        if proc.stdout is not None:
            proc.stdout.close()


def test_demo_target_runs_offline(tmp_path: Path) -> None:
    r = cli(tmp_path / "d", "sync", "--members", "300", "--to", "klaviyo-sandbox", key=None)
    assert r.returncode == 0, r.stderr
    assert "Contacts sent: 300" in r.stdout
    assert "The sandbox now holds 300 profiles" in r.stdout
