"""The command line as a user runs it: `python -m loyalty_desktop` in a child process, with its own
data folder, the key in the environment and the tests' pinned "now"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from loyalty_desktop.core import clock
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

MEMBERS = "2000"


def cli_env(data: Path, key: str | None = DEMO_KEY) -> dict[str, str]:
    # The pinned "now" (helpers/fixtures.py: pinned_clock) goes to the child: no test depends on today's date.
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOYALTY_DESKTOP_") or k == clock.ENV_NOW}
    env["LOYALTY_DESKTOP_DATA_DIR"] = str(data)
    if key:
        env["LOYALTY_DESKTOP_KLAVIYO_KEY"] = key
    return env


def cli(data: Path, *args: str, key: str | None = DEMO_KEY, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "loyalty_desktop", *args], env=cli_env(data, key),
                          capture_output=True, text=True, timeout=timeout)


def in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> subprocess.CompletedProcess:
    """The command line run in this process (its data folder and environment set by the caller),
    what it printed and its exit code, argparse's usage errors included."""
    from loyalty_desktop.cli.main import main

    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors
        code = exit_.code if isinstance(exit_.code, int) else 1
    out = capsys.readouterr()
    return subprocess.CompletedProcess(["loyalty-desktop", *args], code, out.out, out.err)


def sync_args(sb: KlaviyoSandbox) -> list[str]:
    # --yes: a month of the demo's 2,000 members gives more live events than the confirmation threshold
    return ["sync", "--source", "demo", "--members", MEMBERS, "--to", "klaviyo", "--base-url", sb.base_url or "",
            "--yes"]


def run_and_kill(env: dict[str, str], args: list[str], when: Callable[[list[str]], bool],
                 timeout: float = 120) -> None:
    """Start a CLI sync with `env` and SIGKILL it as soon as `when(stderr_lines)` is true."""
    proc = subprocess.Popen([sys.executable, "-m", "loyalty_desktop", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []

    def reader() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)  # noqa: PERF402 - one at a time: the test reads `lines` while the sync runs

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    deadline = time.monotonic() + timeout
    try:
        while not when(lines):
            if proc.poll() is not None:
                pytest.fail("the sync finished before the kill point:\n" + "".join(lines))
            if time.monotonic() > deadline:
                pytest.fail("kill point never reached:\n" + "".join(lines))
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        t.join(5)
        if proc.stderr:
            proc.stderr.close()
