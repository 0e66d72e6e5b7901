"""Start at login: the entry of each OS (content checked anywhere), the real XDG file on Linux."""

from __future__ import annotations

import configparser
import plistlib
import sys
from pathlib import Path

import pytest

from loyalty_desktop.schedule import autostart
from loyalty_desktop.schedule.autostart import OS, Autostart, desktop_exec
from loyalty_desktop.schedule.command import HIDDEN_FLAG, LABEL, RUN_VALUE, Command, executable

ODD = Command(("/opt/My Apps/loyalty \"desk\"/bin/loyalty-desktop", "--data-dir", "/data/100% $HOME`x`\\y",
               HIDDEN_FLAG))


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, command: str) -> None:
        self.values[name] = command

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def _unquote_exec(value: str) -> list[str]:
    """Reverse of the Desktop Entry spec's quoting (what a desktop does before exec)."""
    value = value.replace("\\\\", "\\")  # string-level escape
    args: list[str] = []
    cur, quoted, i = "", False, 0
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and value[i + 1] in '"`$\\':
            cur, i = cur + value[i + 1], i + 2
            continue
        if c == '"':
            quoted = not quoted
        elif c == " " and not quoted:
            args.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    return [a.replace("%%", "%") for a in [*args, cur]]


def test_windows_run_value_through_the_injected_registry() -> None:
    reg = FakeRegistry()
    a = Autostart(OS.WINDOWS, reg)
    assert not a.is_enabled()
    e = a.enable()
    assert e.where.endswith(r"Software\Microsoft\Windows\CurrentVersion\Run\Loyalty Desktop")
    assert reg.values[RUN_VALUE] == e.content
    assert e.content.endswith(HIDDEN_FLAG)
    assert a.is_enabled() and a.is_current()
    reg.values[RUN_VALUE] = r'"C:\old place\loyalty-desktop.exe" --hidden'  # the app was moved
    assert a.is_enabled() and not a.is_current()
    a.disable()
    assert not a.is_enabled() and reg.values == {}
    a.disable()  # twice: no error


def test_windows_command_is_quoted_for_windows() -> None:
    cmd = Command((r"C:\Program Files\Loyalty Desktop\loyalty-desktop.exe", HIDDEN_FLAG))
    assert autostart.entry(OS.WINDOWS, cmd).content == \
        r'"C:\Program Files\Loyalty Desktop\loyalty-desktop.exe" --hidden'


def test_macos_launch_agent_plist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    e = autostart.entry(OS.MACOS, ODD)
    assert Path(e.where) == tmp_path / "Library" / "LaunchAgents" / f"{LABEL}.plist"
    plist = plistlib.loads(e.content.encode())
    assert plist["Label"] == LABEL
    assert plist["RunAtLoad"] is True
    assert plist["ProgramArguments"] == list(ODD.argv)  # no shell: arguments as they are
    a = Autostart(OS.MACOS)
    a.enable()
    assert plistlib.loads(Path(e.where).read_bytes())["ProgramArguments"][-1] == HIDDEN_FLAG
    assert a.is_enabled() and a.is_current()
    a.disable()
    assert not Path(e.where).exists()


def test_linux_desktop_entry_content() -> None:
    e = autostart.entry(OS.LINUX, ODD)
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read_string(e.content)
    d = cp["Desktop Entry"]
    assert d["Type"] == "Application" and d["Terminal"] == "false"
    assert d["X-GNOME-Autostart-enabled"] == "true"
    assert _unquote_exec(d["Exec"]) == list(ODD.argv)


def test_desktop_exec_plain_arguments_stay_plain() -> None:
    assert desktop_exec(("/usr/bin/loyalty-desktop", "--hidden")) == "/usr/bin/loyalty-desktop --hidden"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the real XDG autostart file is Linux's")
def test_linux_real_file_written_read_back_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert autostart.is_enabled() is False
    e = autostart.enable()
    path = tmp_path / "autostart" / "loyalty-desktop.desktop"
    assert Path(e.where) == path and path.is_file()
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(path, encoding="utf-8")
    argv = _unquote_exec(cp["Desktop Entry"]["Exec"])
    assert argv == list(autostart.login_command().argv)  # (the tests' data folder is given with --data-dir)
    assert argv[:len(executable().argv)] == list(executable().argv) and argv[-1] == HIDDEN_FLAG
    assert Path(argv[0]).exists()  # the app's own executable (the venv's script or the interpreter)
    assert autostart.is_enabled() is True
    autostart.disable()
    assert not path.exists() and autostart.is_enabled() is False
    assert list((tmp_path / "autostart").iterdir()) == []  # nothing left behind (no .tmp)


def test_login_command_keeps_a_custom_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOYALTY_DESKTOP_DATA_DIR", str(tmp_path))
    argv = autostart.login_command(OS.LINUX).argv
    assert argv[-3:] == ("--data-dir", str(tmp_path.resolve()), HIDDEN_FLAG)


def test_frozen_executable_is_the_app_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exe = tmp_path / "loyalty-desktop.exe"
    cli = tmp_path / "loyalty-desktop-cli.exe"
    exe.touch()
    cli.touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert executable("win32").argv == (str(exe),)
    assert executable("linux").argv == (str(exe),)
    # Run from the console twin (`loyalty-desktop-cli schedule install`), the OS is still given the
    # windowed executable: a console window would open at every login or scheduled run.
    monkeypatch.setattr(sys, "executable", str(cli))
    assert executable("win32").argv == (str(exe),)
