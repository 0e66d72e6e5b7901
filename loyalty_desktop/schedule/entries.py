"""What `loyalty-desktop schedule install` registers with the OS scheduler, per OS (pure: text only).

The same schedule the tray's timer follows (schedule.model.Schedule), running `loyalty-desktop sync
--saved`. Each OS catches up a run it missed while the computer was off or asleep:
- systemd user timer: OnCalendar= with Persistent=true (a missed run starts at the next boot);
  every N hours that do not divide a day: OnUnitActiveSec= plus OnBootSec=.
- Windows Task Scheduler: an XML task with StartWhenAvailable (a missed start runs as soon as
  possible), a daily trigger or a trigger repeated every N hours.
- macOS launchd: StartCalendarInterval (runs at wake when the time passed during sleep) or
  StartInterval.
Exit code 75 (another sync holds the data-folder lock) is not a failure: the next run comes.
"""

from __future__ import annotations

import plistlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from loyalty_desktop.schedule.autostart import OS
from loyalty_desktop.schedule.command import SYNC_LABEL, TASK_NAME, UNIT, Command
from loyalty_desktop.schedule.model import Cadence, Schedule

TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"
EXIT_BUSY = 75


@dataclass(frozen=True)
class UnitFile:
    path: Path
    content: str


def systemd_exec(argv: tuple[str, ...]) -> str:
    """ExecStart= value: each argument double-quoted (backslash escapes), `%` → `%%`, `$` → `$$`."""
    def quote(arg: str) -> str:
        arg = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
        return f'"{arg}"'

    return " ".join(quote(a) for a in argv)


def systemd_calendar(schedule: Schedule) -> str | None:
    """OnCalendar= for the schedule; None when every N hours does not divide a day."""
    if schedule.cadence is Cadence.DAILY:
        return f"*-*-* {schedule.daily_at:%H:%M}:00"
    if 24 % schedule.every_hours == 0:
        return f"*-*-* 00/{schedule.every_hours}:00:00"
    return None


def systemd_units(schedule: Schedule, command: Command, folder: Path) -> list[UnitFile]:
    """The service (one sync, then it exits) and the timer that starts it."""
    service = "\n".join([
        "[Unit]",
        "Description=Loyalty Desktop: scheduled sync of the saved set-up",
        "",
        "[Service]",
        "Type=oneshot",
        f"ExecStart={systemd_exec(command.argv)}",
        f"# {EXIT_BUSY}: another sync was running on the data folder; the next run comes.",
        f"SuccessExitStatus={EXIT_BUSY}",
        "Nice=10",
        "",
    ])
    calendar = systemd_calendar(schedule)
    trigger = [f"OnCalendar={calendar}", "Persistent=true"] if calendar else [
        "OnBootSec=5min", f"OnUnitActiveSec={schedule.every_hours}h"]
    timer = "\n".join([
        "[Unit]",
        "Description=Loyalty Desktop: sync schedule",
        "",
        "[Timer]",
        *trigger,
        "AccuracySec=1min",
        f"Unit={UNIT}.service",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])
    return [UnitFile(folder / f"{UNIT}.service", service), UnitFile(folder / f"{UNIT}.timer", timer)]


def task_xml(schedule: Schedule, command: Command, now: datetime) -> str:
    """A Task Scheduler 1.2 task (schtasks /Create /XML): runs as the user, only when logged on."""
    if schedule.cadence is Cadence.DAILY:
        start = now.replace(hour=schedule.daily_at.hour, minute=schedule.daily_at.minute, second=0, microsecond=0)
        trigger = ["    <CalendarTrigger>", f"      <StartBoundary>{start:%Y-%m-%dT%H:%M:%S}</StartBoundary>",
                   "      <ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>", "    </CalendarTrigger>"]
    else:
        start = now.replace(second=0, microsecond=0)
        trigger = ["    <TimeTrigger>", f"      <StartBoundary>{start:%Y-%m-%dT%H:%M:%S}</StartBoundary>",
                   (f"      <Repetition><Interval>PT{schedule.every_hours}H</Interval>"
                    "<StopAtDurationEnd>false</StopAtDurationEnd></Repetition>"), "    </TimeTrigger>"]
    program, *args = command.argv
    arguments = Command(tuple(args)).windows()
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-16"?>',
        f'<Task version="1.2" xmlns="{TASK_NS}">',
        "  <RegistrationInfo>",
        f"    <URI>\\{escape(TASK_NAME)}</URI>",
        "    <Description>Loyalty Desktop: scheduled sync of the saved set-up</Description>",
        "  </RegistrationInfo>",
        "  <Triggers>", *trigger, "  </Triggers>",
        "  <Principals>",
        ('    <Principal id="Author"><LogonType>InteractiveToken</LogonType>'
         "<RunLevel>LeastPrivilege</RunLevel></Principal>"),
        "  </Principals>",
        "  <Settings>",
        "    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>",
        "    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>",
        "    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>",
        "    <StartWhenAvailable>true</StartWhenAvailable>",
        "    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>",
        "    <ExecutionTimeLimit>PT12H</ExecutionTimeLimit>",
        "    <Enabled>true</Enabled>",
        "  </Settings>",
        '  <Actions Context="Author">',
        f"    <Exec><Command>{escape(program)}</Command><Arguments>{escape(arguments)}</Arguments></Exec>",
        "  </Actions>",
        "</Task>",
        "",
    ])


def launchd_plist(schedule: Schedule, command: Command, log_file: Path) -> str:
    plist: dict[str, object] = {"Label": SYNC_LABEL, "ProgramArguments": list(command.argv),
                                "ProcessType": "Background", "StandardOutPath": str(log_file),
                                "StandardErrorPath": str(log_file)}
    if schedule.cadence is Cadence.DAILY:
        plist["StartCalendarInterval"] = {"Hour": schedule.daily_at.hour, "Minute": schedule.daily_at.minute}
    else:
        plist["StartInterval"] = schedule.every_hours * 3600
    return plistlib.dumps(plist).decode()


def describe(schedule: Schedule) -> str:
    """The schedule in words (for `schedule status` and install's confirmation)."""
    from loyalty_desktop.schedule.command import tr

    if schedule.cadence is Cadence.DAILY:
        return tr("every day at {time}").format(time=f"{schedule.daily_at:%H:%M}")
    return tr("every {hours} hours").format(hours=schedule.every_hours)


def os_label(os_: OS) -> str:
    return {OS.LINUX: "systemd", OS.WINDOWS: "Task Scheduler", OS.MACOS: "launchd"}[os_]
