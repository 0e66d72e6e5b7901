"""The scheduled sync with the real tools of this machine: systemd-analyze checks the generated units;
a real `systemctl --user` install/status/remove where a user manager runs (not in CI containers)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import time
from pathlib import Path

import pytest

from loyalty_desktop.schedule import entries
from loyalty_desktop.schedule.autostart import OS
from loyalty_desktop.schedule.command import Command
from loyalty_desktop.schedule.model import Schedule
from loyalty_desktop.schedule.os_scheduler import OsScheduler

DAILY = Schedule(enabled=True, daily_at=time(6, 30))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
@pytest.mark.parametrize("schedule", [DAILY, Schedule.every(6), Schedule.every(5)])
def test_systemd_units_verify(tmp_path: Path, schedule: Schedule) -> None:
    exe = tmp_path / "bin" / "loyalty-desktop"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    units = entries.systemd_units(schedule, Command((str(exe), "sync", "--saved")), tmp_path)
    for u in units:
        u.path.write_text(u.content)
    done = subprocess.run(["systemd-analyze", "verify", *(str(u.path) for u in units)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert str(tmp_path) not in done.stderr, done.stderr  # no warning about our files (unknown key, bad value)
    calendar = entries.systemd_calendar(schedule)
    if calendar:
        assert subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True,
                              check=False).returncode == 0


def _user_systemd_works() -> bool:
    if shutil.which("systemctl") is None:
        return False
    return subprocess.run(["systemctl", "--user", "show-environment"], capture_output=True,
                          check=False).returncode == 0


@pytest.mark.skipif(not _user_systemd_works(), reason="no systemd user manager here (`systemctl --user` cannot "
                                                      "connect: containers, CI runners, root shells)")
def test_real_systemd_user_timer(tmp_path: Path) -> None:  # pragma: no cover - needs a desktop session
    s = OsScheduler(OS.LINUX)
    try:
        s.install(DAILY, Command(("/bin/true",)))
        reg = s.status()
        assert reg.registered and reg.detail
    finally:
        s.remove()
    assert not s.status().registered
