"""The command line against the Splio sandbox as a user runs it: a real process, Splio's real rate
limits (20 requests/s on contacts), real kills."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from helpers import splio_spec
from helpers.cli import run_and_kill
from helpers.splio_spec import expected_values, loyalty_values
from loyalty_desktop.core.fields import SPLIO_LOYOLY
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_emulators.splio.server import DEMO_KEY, SplioSandbox

MEMBERS = "200"


def cli_env(data: Path, key: str | None = DEMO_KEY) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOYALTY_DESKTOP_")}
    env["LOYALTY_DESKTOP_DATA_DIR"] = str(data)
    if key:
        env["LOYALTY_DESKTOP_SPLIO_KEY"] = key
    return env


def cli(data: Path, *args: str, key: str | None = DEMO_KEY, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "loyalty_desktop", *args], env=cli_env(data, key),
                          capture_output=True, text=True, timeout=timeout)


def sync_args(sb: SplioSandbox, *extra: str) -> list[str]:
    return ["sync", "--members", MEMBERS, "--to", "splio", "--base-url", sb.base_url or "", *extra]


def seeded(data: Path) -> SplioSandbox:
    """A sandbox (Splio's real limits) holding most members of the demo program the CLI will use."""
    r = cli(data, "demo", "show", "--members", MEMBERS)
    assert r.returncode == 0, r.stderr
    sb = SplioSandbox()
    with DemoProgram.open(data / f"demo-program-{MEMBERS}-s42.sqlite3") as program:
        sb.seed_demo(program.read(None, history=False).members)
    sb.start()
    return sb


def acked(data: Path) -> set[str]:
    """Members the CLI's store has recorded as acknowledged by Splio (read while it runs)."""
    path = data / "store.sqlite3"
    if not path.exists():
        return set()
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            return {r[0] for r in db.execute("SELECT email FROM dest_members WHERE acked_fp IS NOT NULL")}
    except sqlite3.OperationalError:
        return set()


def never_written(data: Path, secret: str, *outputs: str) -> None:
    for out in outputs:
        assert secret not in out
    for f in data.rglob("*"):
        if f.is_file():
            assert secret.encode() not in f.read_bytes(), f


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def sandbox(data: Path) -> Iterator[SplioSandbox]:
    sb = seeded(data)
    try:
        yield sb
        assert not sb.internal_errors, sb.internal_errors
        if splio_spec.spec_available():
            assert splio_spec.check_exchanges(sb)["no-schema"] == 0
    finally:
        sb.stop()


def test_kill_and_resume_loses_nothing_and_resends_nothing_acknowledged(data: Path, sandbox: SplioSandbox) -> None:
    args = sync_args(sandbox, "--create-fields")
    # Killed while planning the first sync: no contact written.
    run_and_kill(cli_env(data), args, lambda lines: any(line.startswith("planning") for line in lines))
    assert sandbox.count("patch_contact") == 0
    # Killed right after the first batch was checkpointed (a batch is ~5 s of writes at 20/s).
    run_and_kill(cli_env(data), args, lambda lines: bool(acked(data)))
    done = acked(data)
    assert 50 <= len(done) < int(MEMBERS)
    patched_before = sandbox.count("patch_contact")
    sandbox.clear_requests()
    r = cli(data, *args)
    assert r.returncode == 0, r.stderr
    resent = {unquote(rec.path.rsplit("/", 1)[1]) for rec in sandbox.requests if rec.operation == "patch_contact"}
    assert not resent & done  # nothing acknowledged was sent again
    assert patched_before + len(resent) <= int(MEMBERS) * 1.5
    writes = re.search(r"\((\d+) writes\)", r.stdout)
    assert writes and int(writes.group(1)) > 0  # (a 429 or two: the killed run's last second still counts)
    # Final state: every member present in Splio carries exactly its values; the others are reported.
    with Store(data / "store.sqlite3") as store:
        present = 0
        for c in sandbox.contacts():
            member = store.member(c["email"])
            if member is not None:
                assert loyalty_values(c, SPLIO_LOYOLY) == expected_values(member, SPLIO_LOYOLY), c["key"]
                present += 1
        assert present > 150
        assert [r.status for r in store.runs()] == ["completed_with_rejects", "interrupted", "interrupted"]
    assert re.search(r"refused \S+: not in Splio", r.stdout)
    never_written(data, DEMO_KEY, r.stdout, r.stderr)


def test_wrong_key_is_one_clear_line_and_never_written(data: Path, sandbox: SplioSandbox) -> None:
    wrong = "0123456789abcdef0123456789abcdef"
    r = cli(data, *sync_args(sandbox), key=wrong)
    assert r.returncode == 1
    err_lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(err_lines) == 1 and err_lines[0].startswith("error: ")
    # The platform name in that line comes from cli.main (it names Klaviyo for every platform).
    assert "refused the API key: it is wrong, revoked or for another account" in err_lines[0]
    never_written(data, wrong, r.stdout, r.stderr)
    assert sandbox.count("patch_contact") == 0


def test_no_key_says_how_to_add_one(data: Path, sandbox: SplioSandbox) -> None:
    r = cli(data, *sync_args(sandbox), key=None)
    assert r.returncode == 1 and "loyalty-desktop key set splio" in r.stderr


def test_missing_fields_without_consent_fail_before_any_write(data: Path, sandbox: SplioSandbox) -> None:
    r = cli(data, *sync_args(sandbox))
    assert r.returncode == 1
    assert "Splio has no custom fields customer_point_balance" in r.stdout and "--create-fields" in r.stdout
    assert sandbox.count(write_only=True) == 1  # /authenticate


def test_sandbox_subcommand_serves_until_interrupted(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "loyalty_desktop", "sandbox", "--platform", "splio", "--port", "0"],
                            env=cli_env(tmp_path / "d", None), stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Splio sandbox listening on http://127.0.0.1:")
        url = first.split()[-1]
        assert DEMO_KEY in proc.stdout.readline()
        seeded_line = proc.stdout.readline()
        n = int(re.search(r"Seeded with (\d+) of the 500 members", seeded_line).group(1))  # type: ignore[union-attr]
        unknown = int(re.search(r"and (\d+) contacts unknown", seeded_line).group(1))  # type: ignore[union-attr]
        token = httpx.post(f"{url}/authenticate", json={"api_key": DEMO_KEY}).json()["token"]
        page = httpx.get(f"{url}/data/contacts", params={"per_page": 1},
                         headers={"Authorization": f"Bearer {token}"}).json()
        assert page["count_element"] == n + unknown and 400 < n < 500
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
        if proc.stdout is not None:
            proc.stdout.close()


def test_demo_target_runs_offline(tmp_path: Path) -> None:
    r = cli(tmp_path / "d", "sync", "--members", "100", "--to", "splio-sandbox", "--create-missing", key=None)
    assert r.returncode == 0, r.stderr
    assert "Contacts sent: 100" in r.stdout and "Refused by Splio: 0" in r.stdout
    assert "Created Splio custom fields: customer_point_balance (int" in r.stdout
    assert re.search(r"The Splio sandbox universe now holds \d+ contacts; 100 carry loyalty custom fields", r.stdout)
    assert "Splio sandbox universe seeded with" in r.stderr


def test_kill_9_while_interactions_are_answered_then_resume_duplicates_nothing(data: Path,
                                                                               sandbox: SplioSandbox) -> None:
    """Moments survive a real kill -9 (issue 17.1): the CLI dies while Splio holds the answer to the
    interactions it just stored; the resumed sync sends them again, Splio refuses the repeats
    (ext_id + ext_provider), they count as delivered, and none is duplicated."""
    args = [*sync_args(sandbox, "--create-fields"), "--yes"]
    r = cli(data, *args)
    assert r.returncode == 0, r.stderr
    assert not sandbox.interactions()  # the first sync is the baseline: no moment
    r = cli(data, "demo", "tick", "30", "--members", "200")
    assert r.returncode == 0, r.stderr

    sandbox.hold_answers["post_events_bulk"] = 30.0  # Splio stored them; the answer is on its way
    run_and_kill(cli_env(data), args, lambda _lines: bool(sandbox.interactions()))
    stored = [i["ext_id"] for i in sandbox.interactions()]
    assert stored
    sandbox.hold_answers.clear()

    sandbox.clear_requests()
    r = cli(data, *args)
    assert r.returncode == 0, r.stderr
    ext_ids = [i["ext_id"] for i in sandbox.interactions()]
    assert len(ext_ids) == len(set(ext_ids))  # no duplicate
    assert set(stored) <= set(ext_ids)
    refused = 0
    for rec in sandbox.requests:
        if rec.operation == "post_events_bulk" and rec.status == 200:
            refused += sum(1 for item in json.loads(rec.response_body)["items"]
                           if "already exists" in item["description"])
    assert refused == len(stored)  # every repeat refused by Splio, and taken as delivered
    with Store(data / "store.sqlite3") as store:
        left = store.db.execute("SELECT count(*) FROM outbox WHERE kind='event' AND status IN ('pending',"
                                " 'in_flight')").fetchone()[0]
        assert left == 0
        assert [run.status for run in store.runs()][:2] == ["completed_with_rejects", "interrupted"]
