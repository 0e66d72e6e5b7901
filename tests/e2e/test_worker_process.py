"""Syncs in the worker process (ui/worker_process.py, worker/child.py): the GUI's SyncRunner starts
a child of the app's own executable, which connects to the sandbox over real HTTP; cancel asks, a
kill (-9) is said plainly and the next run resumes from the outbox with nothing sent twice."""

from __future__ import annotations

import os
import signal
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QProcess

from loyalty_desktop import service
from loyalty_desktop.core import paths, secrets
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.core.options import TargetOptions
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus, RunSummary
from loyalty_desktop.ui.sync_runner import SyncRunner
from loyalty_desktop.worker import jobs
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

pytestmark = pytest.mark.usefixtures("english")

TIMEOUT = 90_000
MEMBERS = 400


@pytest.fixture
def slow_jobs() -> Iterator[KlaviyoSandbox]:
    """A sandbox whose bulk jobs take a second: a worker killed after submitting one has not seen it end."""
    with KlaviyoSandbox(job_seconds=1.0) as sb:
        yield sb
    assert not sb.internal_errors, sb.internal_errors


def connect(sb: KlaviyoSandbox) -> service.Connection:
    """What the GUI holds: a verified connection, its key kept for this session only (no keyring)."""
    secrets.keep_for_session("klaviyo", DEMO_KEY)
    return service.target("klaviyo").connect(None, TargetOptions(base_url=sb.base_url), CancelToken())


def in_flight() -> int:
    """Outbox rows the worker recorded as submitted in a job not yet confirmed (read beside it)."""
    if not paths.store_path().exists():
        return 0
    db = sqlite3.connect(f"file:{paths.store_path()}?mode=ro", uri=True, timeout=5)
    try:
        return int(db.execute("SELECT count(*) FROM outbox WHERE status='in_flight'").fetchone()[0])
    except sqlite3.OperationalError:  # the worker has not made the table yet
        return 0
    finally:
        db.close()


class Run:
    """A SyncRunner and what it said."""

    def __init__(self, qtbot: Any, conn: service.Connection, backfill: bool = False) -> None:
        self.qtbot, self.conn, self.backfill = qtbot, conn, backfill
        self.runner = SyncRunner()
        self.progress: list[Progress] = []
        self.runner.progress.connect(self.progress.append)

    def start(self) -> None:
        self.progress.clear()
        self.runner.start(jobs.sync_job(self.conn, "demo", {"members": str(MEMBERS), "seed": 42}, KLAVIYO_LOYALTY,
                                        backfill=self.backfill))

    def to_the_end(self) -> RunSummary:
        with self.qtbot.waitSignal(self.runner.finished, timeout=TIMEOUT) as done:
            self.start()
        return done.args[0]


def test_a_sync_through_the_worker_lands_in_the_sandbox(qtbot: Any, sandbox: KlaviyoSandbox) -> None:
    conn = connect(sandbox)
    run = Run(qtbot, conn)
    with qtbot.waitSignal(run.runner.finished, timeout=TIMEOUT) as done:
        run.start()
        proc = run.runner.worker.proc
        assert isinstance(proc, QProcess)
        # The key travels on the worker's stdin only: not in its command line nor its environment.
        assert DEMO_KEY not in " ".join([proc.program(), *proc.arguments()])
        assert DEMO_KEY not in " ".join(proc.processEnvironment().toStringList())
        assert proc.processId() != os.getpid()
    summary = done.args[0]
    assert summary.status is RunStatus.COMPLETED and summary.profiles_sent == MEMBERS and summary.run_id > 0
    assert len(sandbox.profiles()) == MEMBERS
    assert Phase.SENDING_PROFILES in {p.phase for p in run.progress}  # fed from the JSON lines
    again = run.to_the_end()
    assert again.profiles_sent == 0 and again.unchanged == MEMBERS
    conn.close()


def test_cancel_asks_the_worker_to_stop_then_the_next_run_resumes(qtbot: Any, sandbox: KlaviyoSandbox) -> None:
    sandbox.faults = Faults(latency_s=0.3)  # slow answers: the run is still going when we cancel
    conn = connect(sandbox)
    run = Run(qtbot, conn)
    with qtbot.waitSignal(run.runner.finished, timeout=TIMEOUT) as done:
        run.start()
        qtbot.waitUntil(lambda: bool(run.progress), timeout=TIMEOUT)
        run.runner.cancel()
    assert done.args[0].status is RunStatus.CANCELLED and done.args[0].run_id > 0  # stopped at a safe point
    assert not run.runner.worker.crashed
    assert len(sandbox.profiles()) < MEMBERS
    sandbox.faults = Faults()
    assert run.to_the_end().status is RunStatus.COMPLETED
    assert len(sandbox.profiles()) == MEMBERS
    conn.close()


def test_a_worker_killed_mid_sync_is_said_and_the_next_run_sends_nothing_twice(
        qtbot: Any, slow_jobs: KlaviyoSandbox) -> None:
    sb = slow_jobs
    conn = connect(sb)
    run = Run(qtbot, conn, backfill=True)  # events too: each must arrive once
    failed: list[str] = []
    run.runner.failed.connect(failed.append)
    with qtbot.waitSignal(run.runner.failed, timeout=TIMEOUT):
        run.start()
        # A bulk job submitted and recorded in the outbox as in flight, not ended (the sandbox takes 1 s).
        qtbot.waitUntil(lambda: in_flight() > 0, timeout=TIMEOUT)
        os.kill(run.runner.worker.pid, signal.SIGKILL)
    assert "stopped unexpectedly" in failed[0] and "resumes where this one stopped" in failed[0]
    assert not run.runner.running
    summary = run.to_the_end()
    assert summary.status is RunStatus.COMPLETED, summary.error
    emails = [p.email for p in sb.profiles()]  # the members, and the people their backfilled events name
    assert len(emails) == len(set(emails)) >= MEMBERS
    # Each profile was submitted once: the job the killed worker left was confirmed, not sent again.
    assert sum(j["total_count"] for j in sb.import_jobs()) == MEMBERS
    events = [e.unique_id for e in sb.events()]
    assert len(events) == len(set(events)) > 0
    assert sb.dropped_events().get("duplicate", 0) == 0
    conn.close()


def test_the_worker_reads_the_guis_clock(qtbot: Any, sandbox: KlaviyoSandbox) -> None:
    # One clock across both processes: a test's fake time or the demo's advanced days hold in the
    # worker too (clock.inherited_now -> LOYALTY_DESKTOP_NOW), e.g. for the run's date and what is due.
    from datetime import timedelta

    from loyalty_desktop.core import clock

    later = clock.now() + timedelta(days=400, hours=5)
    previous = clock.set_clock(clock.FakeClock(later))
    try:
        assert clock.inherited_now() == later.isoformat()
        conn = connect(sandbox)
        summary = Run(qtbot, conn).to_the_end()
        assert summary.status is RunStatus.COMPLETED
        with service.open_store() as store:
            started = store.runs(1)[0].started_at
        assert abs(started - later) < timedelta(minutes=5)  # the worker's clock started at the GUI's now
        conn.close()
    finally:
        clock.set_clock(previous)


def test_the_worker_command_runs_without_the_command_line() -> None:
    # The GUI starts its worker as `<executable> __worker__` (frozen: the bundle's binary): the entry
    # point (cli/start.py) hands it to worker/child before cli/main's parser and imports.
    import json
    import subprocess
    import sys

    from loyalty_desktop.cli.start import WORKER_COMMAND
    from loyalty_desktop.worker import protocol

    assert protocol.COMMAND == WORKER_COMMAND
    probe = ("import os, sys\n"
             "sys.argv = ['loyalty-desktop', '__worker__']\n"
             "real_exit = os._exit\n"
             "def leave(code):\n"
             "    sys.stderr.write(f'cli.main loaded: {\"loyalty_desktop.cli.main\" in sys.modules}\\n')\n"
             "    sys.stderr.flush()\n"
             "    real_exit(code)\n"
             "os._exit = leave\n"
             "from loyalty_desktop.cli import start\n"
             "start.main()\n")
    r = subprocess.run([sys.executable, "-c", probe], input=b"", capture_output=True, timeout=120)
    assert r.returncode == 2, r.stderr  # no job on stdin: said as a protocol line, then out
    assert json.loads(r.stdout.splitlines()[-1])["error"]["text"] == "the worker got no job"
    assert b"cli.main loaded: False" in r.stderr
