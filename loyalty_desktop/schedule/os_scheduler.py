"""Registers, removes and reads the scheduled sync with the OS scheduler of this computer
(systemd user timer, Windows Task Scheduler, macOS launchd). The entries come from entries.py;
the commands run through an injectable `Runner`, so every path is tested on any OS."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from loyalty_desktop.core import clock, paths
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.schedule import entries
from loyalty_desktop.schedule.autostart import OS, launch_agents_dir
from loyalty_desktop.schedule.command import SYNC_LABEL, TASK_NAME, UNIT, Command, data_dir_args, executable, tr
from loyalty_desktop.schedule.model import Schedule, from_settings

Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]


def run_command(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=60, check=False)


@dataclass(frozen=True)
class Registration:
    registered: bool
    where: str  # the unit, task or agent it is registered as
    detail: str = ""  # what the OS says of it (e.g. systemd's next elapse), when it says something


def systemd_user_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


class OsScheduler:
    def __init__(self, os_: OS | None = None, run: Runner | None = None) -> None:
        self.os = os_ or OS.current()
        self.run = run or run_command

    @property
    def where(self) -> str:
        return {OS.LINUX: f"{UNIT}.timer", OS.WINDOWS: TASK_NAME, OS.MACOS: SYNC_LABEL}[self.os]

    def _call(self, *argv: str, ok: bool = False) -> subprocess.CompletedProcess[str]:
        """Run a scheduler command; a failure is a ConfigError with the tool's own words (unless `ok`)."""
        try:
            done = self.run(argv)
        except FileNotFoundError:
            raise ConfigError(tr("`{tool}` is not available on this computer, so the system cannot run the "
                                 "sync on a schedule. Keep Loyalty Desktop open in the tray instead.")
                              .format(tool=argv[0])) from None
        if done.returncode != 0 and not ok:
            said = (done.stderr or done.stdout or "").strip().splitlines()
            raise ConfigError(tr("`{command}` failed: {reason}").format(
                command=" ".join(argv[:3]), reason=said[-1] if said
                else tr("exit code {code}").format(code=done.returncode)))
        return done

    # -- install ------------------------------------------------------------------------------

    def install(self, schedule: Schedule, command: Command) -> list[Path]:
        """Register (or replace) the scheduled sync; returns the files written."""
        if self.os is OS.LINUX:
            units = entries.systemd_units(schedule, command, systemd_user_dir())
            for u in units:
                _write(u.path, u.content)
            try:
                self._call("systemctl", "--user", "daemon-reload")
                self._call("systemctl", "--user", "enable", "--now", f"{UNIT}.timer")
                self._call("systemctl", "--user", "restart", f"{UNIT}.timer")  # a changed schedule applies now
            except ConfigError as exc:  # e.g. no user manager (a container, ssh): leave nothing half-done
                for u in units:
                    u.path.unlink(missing_ok=True)
                raise ConfigError(tr("{reason} This session has no systemd user manager to run the sync on a "
                                     "schedule; nothing was registered. Keep Loyalty Desktop open in the tray "
                                     "instead.").format(reason=exc)) from None
            return [u.path for u in units]
        if self.os is OS.MACOS:
            plist = launch_agents_dir() / f"{SYNC_LABEL}.plist"
            log_file = paths.log_dir() / "scheduled-sync.log"
            _write(plist, entries.launchd_plist(schedule, command, log_file))
            domain = f"gui/{os.getuid()}" if hasattr(os, "getuid") else "gui/0"
            self._call("launchctl", "bootout", f"{domain}/{SYNC_LABEL}", ok=True)  # an older one
            self._call("launchctl", "bootstrap", domain, str(plist))
            return [plist]
        xml = entries.task_xml(schedule, command, clock.local_now())
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "task.xml"
            path.write_text(xml, encoding="utf-16")  # schtasks reads UTF-16 (with its byte-order mark)
            self._call("schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(path), "/F")
        return []

    # -- remove -------------------------------------------------------------------------------

    def remove(self) -> bool:
        """Unregister; False when nothing was registered."""
        was = self.status().registered
        if self.os is OS.LINUX:
            self._call("systemctl", "--user", "disable", "--now", f"{UNIT}.timer", ok=True)
            for suffix in ("timer", "service"):
                (systemd_user_dir() / f"{UNIT}.{suffix}").unlink(missing_ok=True)
            self._call("systemctl", "--user", "daemon-reload", ok=True)
        elif self.os is OS.MACOS:
            domain = f"gui/{os.getuid()}" if hasattr(os, "getuid") else "gui/0"
            self._call("launchctl", "bootout", f"{domain}/{SYNC_LABEL}", ok=True)
            (launch_agents_dir() / f"{SYNC_LABEL}.plist").unlink(missing_ok=True)
        elif was:
            self._call("schtasks", "/Delete", "/TN", TASK_NAME, "/F")
        return was

    # -- status -------------------------------------------------------------------------------

    def status(self) -> Registration:
        if self.os is OS.LINUX:
            if not (systemd_user_dir() / f"{UNIT}.timer").is_file():
                return Registration(False, self.where)
            enabled = self._call("systemctl", "--user", "is-enabled", f"{UNIT}.timer", ok=True).stdout.strip()
            nxt = self._call("systemctl", "--user", "show", f"{UNIT}.timer", "-p", "NextElapseUSecRealtime",
                             "--value", ok=True).stdout.strip()
            return Registration(enabled == "enabled", self.where, nxt)
        if self.os is OS.MACOS:
            return Registration((launch_agents_dir() / f"{SYNC_LABEL}.plist").is_file(), self.where)
        done = self._call("schtasks", "/Query", "/TN", TASK_NAME, ok=True)
        return Registration(done.returncode == 0, self.where)


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)


def sync_command(os_: OS) -> Command:
    """What the OS runs on schedule: the app's own executable syncing the saved set-up. On Windows
    the windowed one, not its `-cli` twin: Task Scheduler would open a console window for the
    length of every run. Nobody reads that output (core/own_process.give_missing_std_streams);
    the run history and the log have the run."""
    platform = {OS.WINDOWS: "win32", OS.MACOS: "darwin", OS.LINUX: "linux"}[os_]
    return executable(platform).plus(*data_dir_args(), "sync", "--saved")


def install_saved(scheduler: OsScheduler, settings: Settings, schedule: Schedule | None = None) -> list[Path]:
    """Register the saved set-up's sync with the OS on `schedule` (default: the saved one, turned on),
    and save that schedule so the app's tray follows the same. The command line and the GUI's
    "let the computer run them" both come here; the caller checked the keys (saved.key_problems)."""
    schedule = (schedule or from_settings(settings.schedule, settings.auto_sync_hours)).turned(True)
    written = scheduler.install(schedule, sync_command(scheduler.os))
    settings.schedule = schedule.to_json()
    settings.save()
    return written
