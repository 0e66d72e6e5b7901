"""`loyalty-desktop sync --saved` (what the OS scheduler runs) and `loyalty-desktop schedule
install|status|remove`, against a Klaviyo sandbox on 127.0.0.1 and the real data-folder lock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import keyring
import pytest

from loyalty_desktop.cli.main import main
from loyalty_desktop.core import secrets
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.schedule import os_scheduler
from loyalty_desktop.schedule.autostart import OS
from loyalty_desktop.schedule.command import UNIT
from loyalty_desktop.sync import lock as sync_lock
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

MEMBERS = 30


def _save_setup(**over: object) -> None:
    s = Settings(platform="klaviyo", target="klaviyo", source="demo", source_options={"members": str(MEMBERS)},
                 wizard_done=True)
    for k, v in over.items():
        setattr(s, k, v)
    s.save()


class Recorder:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(argv))
        out = "enabled\n" if "is-enabled" in argv else "Tue 2026-11-03 06:30:00 UTC\n" if "show" in argv else ""
        return subprocess.CompletedProcess(list(argv), 0, out, "")


@pytest.fixture
def recorder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """The OS scheduler's commands recorded (this machine's systemd has no user manager), Linux paths."""
    rec = Recorder()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(os_scheduler, "run_command", rec)
    monkeypatch.setattr(OS, "current", classmethod(lambda cls: OS.LINUX))
    return rec


def test_sync_without_a_setup_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sync"]) == 1
    assert "Nothing is set up yet" in capsys.readouterr().err


def test_saved_sync_reaches_the_platform_with_the_keyring_key(live_sandbox: KlaviyoSandbox) -> None:
    _save_setup()
    secrets.save("klaviyo", DEMO_KEY)
    assert main(["sync", "--saved"]) == 0
    assert len(live_sandbox.profiles()) == MEMBERS  # the sandbox holds the saved set-up's members
    assert main(["sync"]) == 0  # without --to: the saved set-up too (nothing new to send)
    assert len(live_sandbox.profiles()) == MEMBERS


def test_saved_refuses_options_of_another_setup(capsys: pytest.CaptureFixture[str]) -> None:
    _save_setup()
    assert main(["sync", "--saved", "--to", "klaviyo-sandbox"]) == 1
    assert "leave out --to" in capsys.readouterr().err


def test_session_only_key_is_refused_plainly(recorder: Recorder, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _save_setup()
    secrets.keep_for_session("klaviyo", DEMO_KEY)
    assert main(["schedule", "install"]) == 1
    err = capsys.readouterr().err
    assert "The Klaviyo key is not in the system keyring" in err and "loyalty-desktop key set klaviyo" in err
    assert "Nothing was registered." in err
    assert recorder.calls == [] and not (tmp_path / "config" / "systemd").exists()


KEY_NOT_STORED_FR = "La clé Klaviyo n'est pas dans le trousseau du système"


def test_the_refusal_is_worded_in_the_command_lines_language(recorder: Recorder, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    _save_setup()
    secrets.keep_for_session("klaviyo", DEMO_KEY)
    monkeypatch.setenv("LOYALTY_DESKTOP_LANG", "fr")
    assert main(["schedule", "install"]) == 1
    err = capsys.readouterr().err
    assert KEY_NOT_STORED_FR in err and "loyalty-desktop key set klaviyo" in err and "The Klaviyo" not in err
    assert recorder.calls == []


@pytest.mark.parametrize(("app", "os_locale", "expected"), [("fr", "en", KEY_NOT_STORED_FR),
                                                              ("en", "fr", "The Klaviyo key is not in the system")])
def test_the_gui_words_the_refusal_in_its_own_language(qapp: object, recorder: Recorder,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       app: str, os_locale: str, expected: str) -> None:
    """The window's "let the computer run the syncs" with a key kept for this session only: the
    reason is in the app's language, whatever the OS locale (the command line's language)."""
    from loyalty_desktop.core.errors import ConfigError, user_message
    from loyalty_desktop.ui import i18n
    from loyalty_desktop.ui.main.os_hooks import HOOKS

    _save_setup()
    secrets.keep_for_session("klaviyo", DEMO_KEY)
    monkeypatch.setenv("LOYALTY_DESKTOP_LANG", os_locale)
    i18n.install(app)
    try:
        with pytest.raises(ConfigError) as raised:
            HOOKS.install_os_schedule(Settings.load())
        shown = user_message(raised.value, tr=i18n.translate_core)
    finally:
        i18n.install("en")
    assert shown.startswith(expected) and "loyalty-desktop key set klaviyo" in shown
    assert recorder.calls == []


def test_install_status_remove(recorder: Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _save_setup()
    secrets.save("klaviyo", DEMO_KEY)
    assert main(["schedule", "install", "--daily", "06:30"]) == 0
    out = capsys.readouterr().out
    assert "Registered with systemd (loyalty-desktop-sync.timer)" in out and "every day at 06:30" in out
    units = tmp_path / "config" / "systemd" / "user"
    service = (units / f"{UNIT}.service").read_text()
    assert '"sync" "--saved"' in service and f'"--data-dir" "{tmp_path / "data"}"' in service
    assert "OnCalendar=*-*-* 06:30:00" in (units / f"{UNIT}.timer").read_text()
    assert Settings.load().schedule == {"enabled": True, "cadence": "daily", "daily_at": "06:30", "every_hours": 24}

    assert main(["schedule", "status"]) == 0
    out = capsys.readouterr().out
    assert "Registered with systemd: loyalty-desktop-sync.timer" in out
    assert "Last sync: never" in out and "Next run: due now" in out  # never run: due at once

    assert main(["schedule", "remove"]) == 0
    assert "Removed the scheduled sync from systemd." in capsys.readouterr().out
    assert not (units / f"{UNIT}.timer").exists()
    assert main(["schedule", "remove"]) == 0
    assert "No scheduled sync was registered" in capsys.readouterr().out


def test_status_counts_the_next_run_from_the_last_run(recorder: Recorder, live_sandbox: KlaviyoSandbox,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _save_setup(schedule={"enabled": True, "cadence": "every_hours", "every_hours": 6})
    secrets.save("klaviyo", DEMO_KEY)
    assert main(["sync"]) == 0  # at the pinned clock: 2026-11-02 12:00 UTC
    capsys.readouterr()
    assert main(["schedule", "status"]) == 0
    out = capsys.readouterr().out
    from datetime import UTC, datetime

    last = datetime(2026, 11, 2, 12, 0, tzinfo=UTC).astimezone()
    nxt = datetime(2026, 11, 2, 18, 0, tzinfo=UTC).astimezone()
    assert f"Last sync: {last:%Y-%m-%d %H:%M} (completed)" in out
    assert f"Next run: {nxt:%Y-%m-%d %H:%M}" in out and "every 6 hours" in out
    assert "Not registered with systemd." in out


def test_demo_setup_is_said(recorder: Recorder, capsys: pytest.CaptureFixture[str]) -> None:
    _save_setup(target="klaviyo-sandbox", demo=True)  # no key needed
    assert main(["schedule", "install", "--every", "6"]) == 0
    out = capsys.readouterr().out
    assert "every 6 hours" in out and "offline demo" in out
    assert "OnCalendar=*-*-* 00/6:00:00" in next((Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user")
                                                  .glob("*.timer")).read_text()


def test_scheduled_sync_while_another_holds_the_lock_exits_cleanly(data_dir: Path) -> None:
    """The unit's very command, started while this process holds the data folder's lock."""
    _save_setup(target="klaviyo-sandbox", platform="klaviyo", demo=True)
    from loyalty_desktop.schedule.os_scheduler import sync_command

    argv = list(sync_command(OS.LINUX).argv)
    assert argv[-2:] == ["sync", "--saved"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    with sync_lock.hold(data_dir / "store.sqlite3"):
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 75, done.stderr
    assert "A sync is already running on this data folder" in done.stderr and "did not start" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert json.loads((data_dir / "settings.json").read_text())["target"] == "klaviyo-sandbox"  # untouched


def test_scheduled_sync_runs_without_any_standard_stream(data_dir: Path) -> None:
    """On Windows the OS scheduler runs the windowed executable (no console window at each run),
    which has no standard streams: the unit's very command, started with stdin, stdout and stderr
    closed (Python then has None for each, as that executable does), still syncs."""
    _save_setup(target="klaviyo-sandbox", platform="klaviyo", demo=True)
    from loyalty_desktop.schedule.os_scheduler import sync_command
    from loyalty_desktop.store.store import Store

    def no_streams() -> None:
        for fd in (0, 1, 2):
            os.close(fd)

    argv = list(sync_command(OS.WINDOWS if sys.platform == "win32" else OS.LINUX).argv)
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(argv, env=env, timeout=120, check=False, preexec_fn=no_streams)
    assert done.returncode == 0
    store = Store(data_dir / "store.sqlite3")
    try:
        runs = store.runs()
    finally:
        store.close()
    assert [(r.status.value, r.counts.get("profiles_sent")) for r in runs] == [("completed", MEMBERS)]


def test_cli_sync_still_works_with_explicit_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sync", "--to", "klaviyo-sandbox", "--members", "20"]) == 0
    assert "20" in capsys.readouterr().out
    assert keyring.get_password(secrets.SERVICE, "klaviyo") is None  # nothing stored by a demo sync
    assert sys.platform  # (runs on every OS)
