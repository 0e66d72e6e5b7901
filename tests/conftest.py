"""Test discipline (after qutebrowser and Vorta): warnings fail tests, every test gets its own data
folder and an in-memory keyring, nothing touches the user's real profile or keychain."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import keyring
import keyring.backend
import pytest

from loyalty_desktop.core import clock, paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Every test starts at this instant, whatever the machine's date: the product's clock (and that of
# every child process, through LOYALTY_DESKTOP_NOW) reads it, then moves on in real time. The demo
# programs of the tests start on 2026-11-02; a test that needs another "now" installs a FakeClock.
PINNED_NOW = "2026-11-02T12:00:00+00:00"


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    d = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(d))
    for var in ("LOYALTY_DESKTOP_KLAVIYO_KEY", "LOYALTY_DESKTOP_SPLIO_KEY", "LOYALTY_DESKTOP_SMILE_KEY"):
        monkeypatch.delenv(var, raising=False)
    paths.set_data_dir(None)
    yield d
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[clock.Clock]:
    monkeypatch.setenv(clock.ENV_NOW, PINNED_NOW)
    previous = clock.set_clock(None)  # re-reads LOYALTY_DESKTOP_NOW
    yield clock.get_clock()
    clock.set_clock(previous)


@pytest.fixture
def fake_clock() -> Iterator[clock.FakeClock]:
    """A clock that stands still at the pinned instant until the test moves it."""
    fake = clock.FakeClock(clock.parse_instant(PINNED_NOW))
    with clock.use_clock(fake):
        yield fake


class _FailOnWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_log_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """A log record at WARNING or above fails the test unless it is marked `expect_log_warnings`."""
    handler = _FailOnWarnings()
    root = logging.getLogger()
    root.addHandler(handler)
    yield
    root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("expect_log_warnings") is None:
        msgs = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in handler.records[:5])
        pytest.fail(f"unexpected log warnings:\n{msgs}")


def pytest_report_header(config: pytest.Config) -> str:
    # `make test-dates` moves the machine's clock (tests/time_travel/sitecustomize.py); say so.
    moved = os.environ.get("LOYALTY_DESKTOP_TEST_SYSTEM_DATE")
    return f"system clock moved to {moved}: {datetime.now().astimezone().isoformat()}" if moved else ""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "expect_log_warnings: the test expects WARNING log records")
