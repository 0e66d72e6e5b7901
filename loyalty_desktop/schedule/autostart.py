"""Start at login, for the current user, with the app hidden in the tray. Qt-free.

The GUI's "start at login" checkbox calls `enable()`, `disable()` and `is_enabled()`:
- Windows: a value under HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run (winreg);
- macOS: a LaunchAgent plist with RunAtLoad in ~/Library/LaunchAgents (loaded at the next login);
- Linux and other XDG desktops: a `.desktop` entry in $XDG_CONFIG_HOME/autostart (Vorta, Maestral).
The command is the app's own executable (schedule/command.py) with `--hidden`. `entry()` gives
what would be written, for any OS, so every one is tested on any machine.
"""

from __future__ import annotations

import enum
import importlib
import os
import plistlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from loyalty_desktop import APP_NAME
from loyalty_desktop.schedule.command import HIDDEN_FLAG, LABEL, RUN_VALUE, Command, data_dir_args, executable

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class OS(str, enum.Enum):
    WINDOWS = "windows"
    MACOS = "macos"
    LINUX = "linux"  # any XDG desktop (also the BSDs)

    @classmethod
    def current(cls) -> OS:
        if sys.platform == "win32":
            return cls.WINDOWS
        if sys.platform == "darwin":
            return cls.MACOS
        return cls.LINUX


class RunRegistry(Protocol):
    """The HKCU Run key (winreg on Windows; a dict in tests)."""

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, command: str) -> None: ...
    def delete(self, name: str) -> None: ...


@dataclass(frozen=True)
class Entry:
    """What starts the app at login: `where` (a file, or the registry value) and its text."""

    os: OS
    where: str
    content: str


def login_command(os_: OS | None = None) -> Command:
    os_ = os_ or OS.current()
    platform = {OS.WINDOWS: "win32", OS.MACOS: "darwin", OS.LINUX: "linux"}[os_]
    return executable(platform).plus(*data_dir_args(), HIDDEN_FLAG)


def xdg_autostart_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart"


def launch_agents_dir() -> Path:
    return Path.home() / "Library" / "LaunchAgents"


def desktop_exec(argv: tuple[str, ...]) -> str:
    """An Exec= value (Desktop Entry spec): arguments with reserved characters quoted, `"`, `` ` ``,
    `$` and `\\` escaped inside quotes, `%` doubled; then the string-level backslash escape."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    parts = []
    for arg in argv:
        arg = arg.replace("%", "%%")
        if any(c in reserved for c in arg):
            arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
        parts.append(arg)
    return " ".join(parts).replace("\\", "\\\\")


def entry(os_: OS, command: Command | None = None) -> Entry:
    """The login entry for `os_` (its path or registry value, and content)."""
    command = command or login_command(os_)
    if os_ is OS.WINDOWS:
        return Entry(os_, f"HKCU\\{RUN_KEY}\\{RUN_VALUE}", command.windows())
    if os_ is OS.MACOS:
        plist = {"Label": LABEL, "ProgramArguments": list(command.argv), "RunAtLoad": True,
                 "ProcessType": "Interactive", "LimitLoadToSessionType": "Aqua"}
        return Entry(os_, str(launch_agents_dir() / f"{LABEL}.plist"), plistlib.dumps(plist).decode())
    text = "\n".join([
        "[Desktop Entry]", "Type=Application", "Name=Loyalty Desktop",
        "Comment=Keeps the loyalty sync running in the tray",
        "Comment[fr]=Garde la synchronisation de fidélité active dans la zone de notification",
        f"Exec={desktop_exec(command.argv)}", f"Icon={APP_NAME}", "Terminal=false", "StartupNotify=false",
        "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-Delay=10", "",
    ])
    return Entry(os_, str(xdg_autostart_dir() / f"{APP_NAME}.desktop"), text)


def _winreg() -> Any:
    # Imported by name: winreg exists on Windows only (its stubs too).
    return importlib.import_module("winreg")


class _WinReg:
    """HKCU\\...\\Run through winreg (Windows only)."""

    def get(self, name: str) -> str | None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, command: str) -> None:
        winreg = _winreg()
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, command)

    def delete(self, name: str) -> None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class Autostart:
    """Start at login on one OS; `registry` replaces winreg (tests on any OS)."""

    def __init__(self, os_: OS | None = None, registry: RunRegistry | None = None) -> None:
        self.os = os_ or OS.current()
        self.registry = registry

    def _reg(self) -> RunRegistry:
        return self.registry if self.registry is not None else _WinReg()

    def entry(self) -> Entry:
        return entry(self.os)

    def enable(self) -> Entry:
        """Writes (or rewrites, e.g. after the app moved) the entry; returns it."""
        e = self.entry()
        if self.os is OS.WINDOWS:
            self._reg().set(RUN_VALUE, e.content)
        else:
            path = Path(e.where)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(e.content, encoding="utf-8")
            tmp.replace(path)  # a login never reads half an entry
        return e

    def disable(self) -> None:
        if self.os is OS.WINDOWS:
            self._reg().delete(RUN_VALUE)
        else:
            Path(self.entry().where).unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        """An entry of ours exists (written by this or another copy of the app)."""
        if self.os is OS.WINDOWS:
            return self._reg().get(RUN_VALUE) is not None
        return Path(self.entry().where).is_file()

    def is_current(self) -> bool:
        """The entry exists and starts this very executable (False after the app was moved)."""
        if self.os is OS.WINDOWS:
            return self._reg().get(RUN_VALUE) == self.entry().content
        path = Path(self.entry().where)
        return path.is_file() and path.read_text(encoding="utf-8") == self.entry().content


def enable() -> Entry:
    """Start the app hidden in the tray at the next login (current user, current OS)."""
    return Autostart().enable()


def disable() -> None:
    Autostart().disable()


def is_enabled() -> bool:
    return Autostart().is_enabled()
