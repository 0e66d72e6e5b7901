"""The command line as a user runs it: `python -m loyalty_desktop` in a child process, with its own
data folder, the key in the environment and the tests' pinned "now"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def sync_args(sb: KlaviyoSandbox) -> list[str]:
    # --yes: a month of the demo's 2,000 members gives more live events than the confirmation threshold
    return ["sync", "--source", "demo", "--members", MEMBERS, "--to", "klaviyo", "--base-url", sb.base_url or "",
            "--yes"]
