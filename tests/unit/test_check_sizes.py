"""The module-size gate (.ci/check_sizes.py, run by `make lint`): modules over the limit are listed,
longest first, and fail the gate."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from helpers.paths import ROOT

SCRIPT = ROOT / ".ci" / "check_sizes.py"


def load_gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_sizes", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_lines(path: Path, n: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x = 1\n" * n, encoding="utf-8")


def test_modules_over_the_limit_are_listed_longest_first(tmp_path: Path) -> None:
    gate = load_gate()
    write_lines(tmp_path / "loyalty_desktop" / "ok.py", 400)
    write_lines(tmp_path / "loyalty_desktop" / "sync" / "big.py", 401)
    write_lines(tmp_path / "loyalty_emulators" / "bigger.py", 650)
    write_lines(tmp_path / "tests" / "test_huge.py", 2000)  # tests are not gated
    assert gate.offenders(tmp_path) == [(650, "loyalty_emulators/bigger.py"), (401, "loyalty_desktop/sync/big.py")]


def test_the_gate_fails_on_offenders(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    gate = load_gate()
    monkeypatch.setattr(gate, "offenders", lambda limit: [(401, "loyalty_desktop/x.py")])
    assert gate.main([]) == 1
    assert "401  loyalty_desktop/x.py" in capsys.readouterr().out
    monkeypatch.setattr(gate, "offenders", lambda limit: [])
    assert gate.main([]) == 0
