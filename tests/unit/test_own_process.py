"""The app's own executable as its helper processes (core/own_process.py): one command for the
worker and the sandboxes; on Windows, frozen, the windowed executable whichever one runs the GUI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from loyalty_desktop.core import own_process
from loyalty_desktop.destinations import sandbox_process
from loyalty_desktop.worker import protocol


def test_from_source_it_is_this_python_running_the_package() -> None:
    assert own_process.command("__worker__") == [sys.executable, "-m", "loyalty_desktop", "__worker__"]
    assert sandbox_process.sandbox_command() == own_process.command("__sandbox__")


def test_the_gui_s_worker_command_is_the_same_builder() -> None:
    pytest.importorskip("PySide6")
    from loyalty_desktop.ui.worker_process import worker_command

    program, args = worker_command()
    assert [program, *args] == own_process.command(protocol.COMMAND)


@pytest.mark.parametrize("running", ["loyalty-desktop.exe", "loyalty-desktop-cli.exe"])
def test_frozen_on_windows_the_helpers_are_the_windowed_executable(
        running: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("loyalty-desktop.exe", "loyalty-desktop-cli.exe"):
        (tmp_path / name).write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", str(tmp_path / running))
    assert own_process.command("__sandbox__") == [str(tmp_path / "loyalty-desktop.exe"), "__sandbox__"]


def test_frozen_without_the_windowed_executable_it_is_the_running_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "renamed.exe"))
    assert own_process.command("__worker__") == [str(tmp_path / "renamed.exe"), "__worker__"]
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(sys, "executable", "/opt/loyalty-desktop/loyalty-desktop")
    assert own_process.command("__worker__") == ["/opt/loyalty-desktop/loyalty-desktop", "__worker__"]


@pytest.mark.parametrize("hidden", ["__worker__", "__sandbox__"])
def test_a_helper_without_pipes_leaves_at_once(hidden: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The windowed Windows executable started by hand: Python gives it no stdin/stdout."""
    from loyalty_desktop.cli import start

    monkeypatch.setattr(sys, "stdin", None)
    monkeypatch.setattr(sys, "stdout", None)
    assert start.main([hidden]) == 2


def test_the_self_test_can_choose_the_console_executable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "loyalty-desktop.exe").write_bytes(b"MZ")
    (tmp_path / "loyalty-desktop-cli.exe").write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "loyalty-desktop-cli.exe"))
    assert own_process.sibling(own_process.CONSOLE_EXE) == tmp_path / "loyalty-desktop-cli.exe"
    assert own_process.use_executable(str(tmp_path / "loyalty-desktop-cli.exe")) is None
    try:
        assert own_process.command("__worker__") == [str(tmp_path / "loyalty-desktop-cli.exe"), "__worker__"]
    finally:
        own_process.use_executable(None)
    assert own_process.command("__worker__") == [str(tmp_path / "loyalty-desktop.exe"), "__worker__"]
