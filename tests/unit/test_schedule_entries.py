"""The OS scheduler entries of `loyalty-desktop schedule install`, for every OS on any OS: systemd
units, the Task Scheduler XML, the launchd plist, and the install/status/remove commands (through
a recording runner). systemd-analyze checks the units in tests/integration/test_schedule_os.py."""

from __future__ import annotations

import plistlib
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.schedule import entries
from loyalty_desktop.schedule.autostart import OS
from loyalty_desktop.schedule.command import SYNC_LABEL, TASK_NAME, UNIT, Command
from loyalty_desktop.schedule.model import Schedule
from loyalty_desktop.schedule.os_scheduler import OsScheduler, systemd_user_dir

DAILY = Schedule(enabled=True, daily_at=time(6, 30))
CMD = Command(("/opt/Loyalty Desktop/loyalty-desktop", "--data-dir", "/data/50% $off", "sync", "--saved"))
NS = {"t": entries.TASK_NS}


class Recorder:
    """Stands in for subprocess.run: records each command, answers `answers[command word]`."""

    def __init__(self, rc: int = 0, stdout: str = "", fail: str = "") -> None:
        self.calls: list[list[str]] = []
        self.rc, self.stdout, self.fail = rc, stdout, fail
        self.task_xml: str | None = None

    def __call__(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        argv = list(argv)
        self.calls.append(argv)
        if "/XML" in argv:  # the file exists while schtasks reads it
            self.task_xml = Path(argv[argv.index("/XML") + 1]).read_text(encoding="utf-16")
        if self.fail and self.fail in argv:
            return subprocess.CompletedProcess(argv, 1, "", "Failed to connect to bus: No medium found")
        return subprocess.CompletedProcess(argv, self.rc, self.stdout, "")


def _section(text: str, name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == name and "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            out.setdefault(k, []).append(v)
    return out


@pytest.mark.parametrize(("schedule", "trigger"), [
    (DAILY, {"OnCalendar": ["*-*-* 06:30:00"], "Persistent": ["true"]}),
    (Schedule.every(6), {"OnCalendar": ["*-*-* 00/6:00:00"], "Persistent": ["true"]}),
    (Schedule.every(5), {"OnBootSec": ["5min"], "OnUnitActiveSec": ["5h"]}),  # 5 does not divide a day
])
def test_systemd_units(tmp_path: Path, schedule: Schedule, trigger: dict[str, list[str]]) -> None:
    service, timer = entries.systemd_units(schedule, CMD, tmp_path)
    assert service.path == tmp_path / f"{UNIT}.service" and timer.path == tmp_path / f"{UNIT}.timer"
    s = _section(service.content, "Service")
    assert s["Type"] == ["oneshot"] and s["SuccessExitStatus"] == ["75"]
    assert s["ExecStart"] == [('"/opt/Loyalty Desktop/loyalty-desktop" "--data-dir" "/data/50%% $$off" "sync" '
                               '"--saved"')]
    t = _section(timer.content, "Timer")
    assert {k: v for k, v in t.items() if k in trigger} == trigger
    assert t["Unit"] == [f"{UNIT}.service"]
    assert _section(timer.content, "Install") == {"WantedBy": ["timers.target"]}


def test_task_scheduler_xml_daily() -> None:
    xml = entries.task_xml(DAILY, CMD, datetime(2027, 3, 10, 22, 0, tzinfo=UTC))
    root = ET.fromstring(xml.encode("utf-16"))
    assert root.findtext("t:RegistrationInfo/t:URI", namespaces=NS) == f"\\{TASK_NAME}"
    cal = root.find("t:Triggers/t:CalendarTrigger", NS)
    assert cal is not None
    assert cal.findtext("t:StartBoundary", namespaces=NS) == "2027-03-10T06:30:00"
    assert cal.findtext("t:ScheduleByDay/t:DaysInterval", namespaces=NS) == "1"
    assert root.findtext("t:Settings/t:StartWhenAvailable", namespaces=NS) == "true"  # catch up a missed run
    assert root.findtext("t:Settings/t:MultipleInstancesPolicy", namespaces=NS) == "IgnoreNew"
    assert root.findtext("t:Principals/t:Principal/t:LogonType", namespaces=NS) == "InteractiveToken"
    assert root.findtext("t:Actions/t:Exec/t:Command", namespaces=NS) == CMD.argv[0]
    assert root.findtext("t:Actions/t:Exec/t:Arguments", namespaces=NS) == '--data-dir "/data/50% $off" sync --saved'


def test_task_scheduler_xml_every_hours() -> None:
    root = ET.fromstring(entries.task_xml(Schedule.every(8), CMD, datetime(2027, 3, 10, 22, 7, 5, tzinfo=UTC))
                         .encode("utf-16"))
    trig = root.find("t:Triggers/t:TimeTrigger", NS)
    assert trig is not None
    assert trig.findtext("t:StartBoundary", namespaces=NS) == "2027-03-10T22:07:00"
    assert trig.findtext("t:Repetition/t:Interval", namespaces=NS) == "PT8H"
    assert root.findtext("t:Settings/t:StartWhenAvailable", namespaces=NS) == "true"


def test_launchd_plists(tmp_path: Path) -> None:
    daily = plistlib.loads(entries.launchd_plist(DAILY, CMD, tmp_path / "s.log").encode())
    assert daily["Label"] == SYNC_LABEL and daily["ProgramArguments"] == list(CMD.argv)
    assert daily["StartCalendarInterval"] == {"Hour": 6, "Minute": 30}
    assert "StartInterval" not in daily and daily["StandardErrorPath"] == str(tmp_path / "s.log")
    every = plistlib.loads(entries.launchd_plist(Schedule.every(12), CMD, tmp_path / "s.log").encode())
    assert every["StartInterval"] == 12 * 3600 and "StartCalendarInterval" not in every


def test_linux_install_status_remove_with_a_recording_runner(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    rec = Recorder(stdout="enabled\n")
    s = OsScheduler(OS.LINUX, rec)
    written = s.install(DAILY, CMD)
    assert written == [systemd_user_dir() / f"{UNIT}.service", systemd_user_dir() / f"{UNIT}.timer"]
    assert all(p.is_file() for p in written)
    assert ["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"] in rec.calls
    assert s.status().registered
    assert s.remove() is True
    assert not any(p.exists() for p in written) and not s.status().registered
    assert ["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"] in rec.calls
    assert s.remove() is False  # nothing left: says so


def test_linux_without_a_user_manager_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    s = OsScheduler(OS.LINUX, Recorder(fail="daemon-reload"))
    with pytest.raises(ConfigError, match=r"no systemd user manager.*nothing was registered"):
        s.install(DAILY, CMD)
    assert list(systemd_user_dir().iterdir()) == []


def test_missing_tool_is_said_plainly() -> None:
    def absent(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError(argv[0])

    with pytest.raises(ConfigError, match="`schtasks` is not available"):
        OsScheduler(OS.WINDOWS, absent).install(DAILY, CMD)


def test_windows_install_status_remove_with_a_recording_runner() -> None:
    rec = Recorder()
    s = OsScheduler(OS.WINDOWS, rec)
    s.install(Schedule.every(4), CMD)
    create = rec.calls[0]
    assert create[:4] == ["schtasks", "/Create", "/TN", TASK_NAME] and create[-1] == "/F"
    assert rec.task_xml is not None and "<Interval>PT4H</Interval>" in rec.task_xml
    assert not Path(create[create.index("/XML") + 1]).exists()  # the temporary XML is gone
    assert s.status().registered
    assert s.remove() is True
    assert rec.calls[-1] == ["schtasks", "/Delete", "/TN", TASK_NAME, "/F"]
    assert OsScheduler(OS.WINDOWS, Recorder(rc=1)).status().registered is False


def test_macos_install_status_remove_with_a_recording_runner(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    rec = Recorder()
    s = OsScheduler(OS.MACOS, rec)
    (plist,) = s.install(DAILY, CMD)
    assert plist == tmp_path / "Library" / "LaunchAgents" / f"{SYNC_LABEL}.plist"
    assert plistlib.loads(plist.read_bytes())["StartCalendarInterval"] == {"Hour": 6, "Minute": 30}
    assert rec.calls[-1][:2] == ["launchctl", "bootstrap"] and rec.calls[-1][-1] == str(plist)
    assert s.status().registered
    assert s.remove() is True and not plist.exists()
    assert rec.calls[-1][:2] == ["launchctl", "bootout"]
