"""`loyalty-desktop kit` as a user runs it (its arguments, output and exit codes) against a real
sandbox, in-process on the fake clock: the kit creates segments and flows at Klaviyo's 1/s and
15/min, which a child process would sleep through. The CLI as a real process: e2e/test_cli.py."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from helpers.cli import in_process
from loyalty_desktop.core import paths
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

pytestmark = pytest.mark.usefixtures("fake_rate_clock")

MEMBERS = "300"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        no_new_log_handlers: None):
    """The CLI's main() with its own data folder and key, as `python -m loyalty_desktop` would run."""
    def run_cli(data: Path, *args: str, key: str | None = DEMO_KEY) -> subprocess.CompletedProcess[str]:
        monkeypatch.setenv(paths.ENV_DATA_DIR, str(data))
        if key:
            monkeypatch.setenv("LOYALTY_DESKTOP_KLAVIYO_KEY", key)
        else:
            monkeypatch.delenv("LOYALTY_DESKTOP_KLAVIYO_KEY", raising=False)
        paths.set_data_dir(None)
        return in_process(list(args), capsys)
    return run_cli


def item_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if re.match(r"^(created|updated|unchanged|FAILED|deferred|skipped|"
                                                          r"would create|would update) ", line)]


def test_sync_then_kit_then_again(tmp_path: Path, sandbox: KlaviyoSandbox, run) -> None:
    data = tmp_path / "d"
    url = sandbox.base_url or ""
    r = run(data, "sync", "--members", MEMBERS, "--to", "klaviyo", "--base-url", url, "--backfill")
    assert r.returncode == 0, r.stderr
    dry = run(data, "kit", "--to", "klaviyo", "--base-url", url, "--language", "en", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert sandbox.segments() == [] and "would create" in dry.stdout
    first = run(data, "kit", "--to", "klaviyo", "--base-url", url, "--language", "en")
    assert first.returncode == 0, first.stderr + first.stdout
    lines = item_lines(first.stdout)
    made = sandbox.segments(), sandbox.templates(), sandbox.flows()
    assert sum(line.startswith("created") for line in lines) == sum(len(x) for x in made) > 20
    for s in made[0]:
        assert any(line.startswith("created") and s.name in line for line in lines)
    assert re.search(r"Kit for Klaviyo account .* done in [\d.]+ s: \d+ created", first.stdout)
    # The same line order as the dry run announced, statuses as it predicted.
    assert [line.split()[0] for line in lines] == [
        "created" if line.startswith("would create") else line.split()[0] for line in item_lines(dry.stdout)]

    second = run(data, "kit", "--to", "klaviyo", "--base-url", url, "--language", "en")
    assert second.returncode == 0, second.stderr
    assert not any(line.startswith("created") for line in item_lines(second.stdout))
    assert " created" not in second.stdout.splitlines()[-1]
    assert (len(sandbox.segments()), len(sandbox.templates()), len(sandbox.flows())) == tuple(len(x) for x in made)

    only = run(data, "kit", "--to", "klaviyo", "--base-url", url, "--language", "fr", "--only", "templates")
    assert only.returncode == 0, only.stderr
    assert {line.split()[1] for line in item_lines(only.stdout)} == {"template"}
    assert len(sandbox.templates()) == 2 * len(made[1]) and len(sandbox.flows()) == len(made[2])


def test_missing_scopes_fail_with_exit_1(tmp_path: Path, sandbox: KlaviyoSandbox, run) -> None:
    data = tmp_path / "d"
    key = sandbox.add_key({"accounts:read", "profiles:read", "profiles:write", "lists:read", "lists:write",
                           "events:write"})
    r = run(data, "sync", "--members", MEMBERS, "--to", "klaviyo", "--base-url", sandbox.base_url or "", key=key)
    assert r.returncode == 0, r.stderr
    k = run(data, "kit", "--to", "klaviyo", "--base-url", sandbox.base_url or "", "--language", "en",
            "--only", "segments", key=key)
    assert k.returncode == 1
    failed = [line for line in item_lines(k.stdout) if line.startswith("FAILED")]
    assert failed and all("segments:read" in line for line in failed)
    bad = run(data, "kit", "--to", "klaviyo", "--base-url", sandbox.base_url or "", "--only", "lists", key=key)
    assert bad.returncode == 1 and "error: --only takes some of: segments, templates, flows" in bad.stderr


def test_sandbox_target_syncs_the_demo_then_makes_the_kit(tmp_path: Path, run) -> None:
    r = run(tmp_path / "d", "kit", "--to", "klaviyo-sandbox", "--members", "200", "--language", "en", key=None)
    assert r.returncode == 0, r.stderr + r.stdout
    assert "syncing the demo program (200 members" in r.stderr
    assert re.search(r"Kit for Klaviyo account .* done in [\d.]+ s: \d+ created", r.stdout)
    counts = re.findall(r"^  (Loyalty · .+): (\d+) / (\d+)$", r.stdout, re.MULTILINE)
    assert len(counts) >= 7
    for name, klaviyo, app in counts:
        assert klaviyo == app, name
