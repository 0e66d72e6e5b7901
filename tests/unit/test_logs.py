"""The log file: rolled over before it passes its size, older files kept up to a count, secrets
masked, and writing goes on when the file cannot be renamed (another process has it open)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from loyalty_desktop.core.logs import RedactSecrets, RotatingLog


def _logger(handler: logging.Handler) -> logging.Logger:
    log = logging.getLogger(f"test-logs-{id(handler)}")
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    return log


def test_rolls_over_before_the_size_and_keeps_the_newest_backups(tmp_path: Path) -> None:
    path = tmp_path / "app.log"
    handler = RotatingLog(path, max_bytes=200, backups=2)
    log = _logger(handler)
    for n in range(40):
        log.info("line %02d %s", n, "x" * 30)  # 41 bytes with its newline: four lines per file
    handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["app.log", "app.log.1", "app.log.2"]
    assert all(p.stat().st_size <= 200 for p in tmp_path.iterdir())
    current = path.read_text(encoding="utf-8").splitlines()
    assert current[-1].startswith("line 39")
    older = (tmp_path / "app.log.1").read_text(encoding="utf-8").splitlines()
    assert int(older[-1].split()[1]) == int(current[0].split()[1]) - 1  # nothing lost between the two


def test_a_file_that_cannot_be_renamed_is_written_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "app.log"
    handler = RotatingLog(path, max_bytes=100, backups=3)
    log = _logger(handler)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "in use by another process", str(self))

    monkeypatch.setattr(Path, "replace", refuse)
    for n in range(10):
        log.info("line %d %s", n, "y" * 40)
    handler.close()
    assert [p.name for p in tmp_path.iterdir()] == ["app.log"]
    assert len(path.read_text(encoding="utf-8").splitlines()) == 10


def test_a_key_in_a_message_is_masked(tmp_path: Path) -> None:
    handler = RotatingLog(tmp_path / "app.log", max_bytes=10_000, backups=1)
    handler.addFilter(RedactSecrets())
    _logger(handler).info("pasted %s by mistake", "pk_" + "a1" * 16)
    handler.close()
    text = (tmp_path / "app.log").read_text(encoding="utf-8")
    assert "[redacted]" in text and "a1a1" not in text
