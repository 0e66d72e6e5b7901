"""Unit tests open no socket and start no process: a test that tries fails at once, naming the
call (it belongs in tests/integration or tests/e2e)."""

from __future__ import annotations

import socket
import subprocess

import pytest


@pytest.fixture(autouse=True)
def no_sockets_no_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(what: str):
        def refused(*args: object, **kw: object) -> None:
            raise AssertionError(f"a unit test used {what}: move it to tests/integration or tests/e2e")
        return refused

    for name in ("connect", "connect_ex", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse("a child process"))
