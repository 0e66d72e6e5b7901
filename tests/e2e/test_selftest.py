"""`loyalty-desktop self-test` from source: the whole run as a user starts it (a child process, the
real keyring detection, 200 members to every sandbox), and each kind of failure as one clear line
(in-process, with the sandboxes left out where they do not matter)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from helpers.paths import ROOT
from loyalty_desktop import service
from loyalty_desktop.core import paths
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.ui import selftest


def _available(target: str) -> bool:
    try:
        service.target(target)
    except ConfigError:
        return False
    return True


def run_in_process(members: int = 20) -> tuple[int, str]:
    out = io.StringIO()
    code = selftest.main(members, out)
    return code, out.getvalue()


def fail_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("FAIL")]


@pytest.fixture
def no_sandboxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "SCENARIOS", ())
    monkeypatch.setattr(selftest, "GUI_WAY_MEMBERS", 0)


def test_self_test_passes_from_source_without_touching_the_user_data(tmp_path: Path) -> None:
    user_data = tmp_path / "user-data"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(LOYALTY_DESKTOP_DATA_DIR=str(user_data), TMPDIR=str(tmp_path))
    r = subprocess.run([sys.executable, "-m", "loyalty_desktop", "self-test", "--members", "200"], env=env,
                       capture_output=True, text=True, timeout=240, cwd=ROOT)
    print(r.stdout, r.stderr)
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    assert "from source" in out
    assert re.search(r"^  ok +Qt platform plugin: no display here, so offscreen loaded", out, re.MULTILINE)
    assert re.search(r"^  ok +translations: loyalty_desktop_fr\.qm .* qtbase_fr\.qm", out, re.MULTILINE)
    assert re.search(r"^  (ok|info) +keyring: ", out, re.MULTILINE)
    assert re.search(r"^  ok +Klaviyo sandbox: 200-member demo sync .* all 200 members there", out, re.MULTILINE)
    if _available("splio-sandbox"):
        assert re.search(r"^  ok +Splio sandbox: 200-member demo sync .* all 200 members there", out, re.MULTILINE)
    assert re.search(r"^  ok +Klaviyo sandbox, the GUI's way \(worker and sandbox processes\): 50-member demo "
                     r"sync in the worker process .* sandbox process \d+; all 50 members there over HTTP .* stdin "
                     r"closed: the sandbox left, the worker (cancelled its run and left|left after a run "
                     r"that ended completed)", out, re.MULTILINE)
    assert re.search(r"^self-test passed: \d+ checks in [\d.]+ s$", out, re.MULTILINE)
    assert not fail_lines(out)
    # The user's data folder got the log file (the CLI's), never a store, a demo program or settings.
    left = sorted(p.relative_to(user_data).as_posix() for p in user_data.rglob("*") if p.is_file())
    assert all(p.startswith("logs/") for p in left), left
    # …and the temporary folder is gone.
    assert not list(tmp_path.glob("loyalty-desktop-self-test-*"))


def test_a_missing_translation_is_one_fail_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object,
                                                no_sandboxes: None) -> None:
    fake = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), fake)
    (fake / "i18n" / "loyalty_desktop_fr.qm").unlink()
    monkeypatch.setattr(paths, "resources_dir", lambda: fake)
    code, out = run_in_process()
    assert code == 1
    fails = fail_lines(out)
    assert len(fails) == 1, out
    assert fails[0].startswith("FAIL  translations:") and "loyalty_desktop_fr.qm is missing" in fails[0]
    assert re.search(r"^self-test FAILED: 1 of \d+ checks failed", out, re.MULTILINE)


def test_an_empty_catalogue_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object,
                                  no_sandboxes: None) -> None:
    fake = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), fake)
    (fake / "i18n" / "loyalty_desktop_fr.qm").write_bytes(b"")
    monkeypatch.setattr(paths, "resources_dir", lambda: fake)
    code, out = run_in_process()
    assert code == 1
    assert any("cannot be read or is empty" in line for line in fail_lines(out)), out


def test_no_system_keyring_is_reported_not_failed(qapp: object, no_sandboxes: None) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the memory_keyring fixture restores the previous one
    code, out = run_in_process()
    assert code == 0, out
    line = next(line for line in out.splitlines() if "keyring:" in line)
    assert line.split()[0] == "info"
    assert "kept for the session only (not a failure)" in line


def test_keyring_backends_missing_from_a_build_fail(monkeypatch: pytest.MonkeyPatch, qapp: object,
                                                     no_sandboxes: None) -> None:
    import importlib.metadata

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: [])
    code, out = run_in_process()
    assert code == 1
    [line] = fail_lines(out)
    assert line.startswith("FAIL  keyring:") and "package metadata is missing" in line


def test_a_sandbox_that_does_not_hold_the_members_fails(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    monkeypatch.setattr(selftest, "SCENARIOS", (selftest.Scenario("Klaviyo sandbox", "demo", "klaviyo-sandbox", True),))
    monkeypatch.setattr(selftest, "GUI_WAY_MEMBERS", 0)
    monkeypatch.setattr(selftest, "_held", lambda sandbox, email: {})
    code, out = run_in_process(members=20)
    assert code == 1
    [line] = fail_lines(out)
    assert line.startswith("FAIL  Klaviyo sandbox: 20 of 20 members wrong after the sync, first: ")
    assert "Loyalty Points Balance=None, expected" in line


def test_the_gui_way_checks_the_sandbox_over_http(monkeypatch: pytest.MonkeyPatch, qapp: object,
                                                  no_sandboxes: None) -> None:
    """The GUI's way (worker/selftest_sync.py): real worker and sandbox processes; a sandbox that
    does not hold the members is one FAIL line."""
    from loyalty_desktop.worker import selftest_sync

    monkeypatch.setattr(selftest, "GUI_WAY_MEMBERS", 10)
    real = selftest_sync.read_profiles
    held: list[int] = []

    def fewer(base_url: str, key: str) -> dict[str, dict[str, object]]:
        profiles = real(base_url, key)
        held.append(len(profiles))
        return dict(list(profiles.items())[1:])  # one member lost

    monkeypatch.setattr(selftest_sync, "read_profiles", fewer)
    code, out = run_in_process()
    assert held == [10]  # the worker process synced all 10 into the sandbox process
    assert code == 1
    [line] = fail_lines(out)
    assert re.match(r"FAIL  Klaviyo sandbox, the GUI's way \(worker and sandbox processes\): 2 of 10 members wrong "
                    r"in the sandbox after the sync, first: \S+ is missing", line), line


def test_an_optional_sandbox_missing_from_this_version_is_skipped(monkeypatch: pytest.MonkeyPatch,
                                                                  qapp: object) -> None:
    monkeypatch.setitem(service.TARGETS, "ghost-sandbox", "loyalty_desktop.destinations.ghost_target:SANDBOX")
    monkeypatch.setattr(selftest, "SCENARIOS", (selftest.Scenario("Ghost sandbox", "demo", "ghost-sandbox", False),))
    monkeypatch.setattr(selftest, "GUI_WAY_MEMBERS", 0)
    code, out = run_in_process()
    assert code == 0, out
    assert re.search(r"^  skip +Ghost sandbox: not in this version", out, re.MULTILINE)


def test_a_required_sandbox_missing_fails(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    monkeypatch.setitem(service.TARGETS, "ghost-sandbox", "loyalty_desktop.destinations.ghost_target:SANDBOX")
    monkeypatch.setattr(selftest, "SCENARIOS", (selftest.Scenario("Ghost sandbox", "demo", "ghost-sandbox", True),))
    monkeypatch.setattr(selftest, "GUI_WAY_MEMBERS", 0)
    code, out = run_in_process()
    assert code == 1
    [line] = fail_lines(out)
    assert line.startswith("FAIL  Ghost sandbox:") and "not available in this version" in line


def test_the_data_folder_is_restored(data_dir: Path, qapp: object, no_sandboxes: None) -> None:
    paths.set_data_dir(data_dir / "chosen")
    run_in_process()
    assert paths.data_dir() == (data_dir / "chosen").resolve()
