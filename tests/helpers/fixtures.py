"""The fixtures every test folder shares, defined once (registered by tests/conftest.py).

Test discipline (after qutebrowser and Vorta): warnings fail tests, every test gets its own data
folder and an in-memory keyring, nothing touches the user's real profile or keychain; the product's
clock is pinned (`pinned_clock`) and a test that waits on rate limits runs on `fake_clock`.
Shared resources: `store` (a fresh Store), `sandbox` (a checked Klaviyo sandbox), `program` (a copy
of the module's `program_file`), `tasks` (the GUI's TaskManager)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from helpers import klaviyo_spec
from helpers.file_keyring import BACKEND, ENV_FILE, MemoryKeyring
from helpers.sync_helpers import check_conformance
from loyalty_desktop.core import clock, paths, secrets
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_emulators import clock as emulator_clock
from loyalty_emulators.base.limits import FixedWindowLimiter
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

# Every test starts at this instant, whatever the machine's date: the product's clock (and that of
# every child process, through LOYALTY_DESKTOP_NOW) reads it, then moves on in real time. The demo
# programs of the tests start on 2026-11-02; a test that needs another "now" installs a FakeClock.
PINNED_NOW = "2026-11-02T12:00:00+00:00"


@pytest.fixture(autouse=True)
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    kr = MemoryKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(kr)
    # The worker processes the GUI starts read the same keyring, as they would the user's.
    monkeypatch.setenv(ENV_FILE, str(kr.path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", BACKEND)
    tests = str(Path(__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in (tests, os.environ.get("PYTHONPATH")) if p))
    # Keys kept "for this session only" live in the process: one test's must not reach the next
    # (under xdist a wizard test's Smile key made a later no-key test verify it instead).
    secrets._session.clear()
    yield kr
    secrets._session.clear()
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    d = tmp_path / "data"
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(d))
    monkeypatch.setenv("LOYALTY_DESKTOP_LANG", "en")  # the CLI follows the OS locale; tests read English
    for var in ("LOYALTY_DESKTOP_KLAVIYO_KEY", "LOYALTY_DESKTOP_SPLIO_KEY", "LOYALTY_DESKTOP_SMILE_KEY"):
        monkeypatch.delenv(var, raising=False)
    paths.set_data_dir(None)
    yield d
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[clock.Clock]:
    monkeypatch.setenv(clock.ENV_NOW, PINNED_NOW)
    previous = clock.set_clock(None)  # re-reads LOYALTY_DESKTOP_NOW
    # The emulators' wall time follows the product's clock (pinned or fake); their monotonic time and
    # waits stay the machine's unless a test installs Clock.following(fake) (see loyalty_emulators.clock).
    previous_emulator = emulator_clock.set_clock(emulator_clock.Clock.following(clock, wall_only=True))
    yield clock.get_clock()
    emulator_clock.set_clock(previous_emulator)
    clock.set_clock(previous)


@pytest.fixture
def fake_clock() -> Iterator[clock.FakeClock]:
    """A clock that stands still at the pinned instant until the test moves it."""
    fake = clock.FakeClock(clock.parse_instant(PINNED_NOW))
    with clock.use_clock(fake):
        yield fake


@pytest.fixture
def fake_rate_clock(fake_clock: clock.FakeClock, monkeypatch: pytest.MonkeyPatch) -> clock.FakeClock:
    """`fake_clock`, and the in-process sandboxes count their per-second and per-minute rate
    limits on it too: the product paces (and waits out a 429) on the fake clock without sleeping,
    and a sandbox still refuses whatever goes over its limits in fake time. For tests whose subject
    is not the timing (the kit creates segments and flows at Klaviyo's 1/s and 15/min)."""
    hit = FixedWindowLimiter.hit

    def hit_on_fake_time(self: FixedWindowLimiter, bucket: object, limits: object,
                         now: float | None = None) -> object:
        return hit(self, bucket, limits, fake_clock.monotonic())  # type: ignore[arg-type]

    monkeypatch.setattr(FixedWindowLimiter, "hit", hit_on_fake_time)
    return fake_clock


@pytest.fixture
def moving_rate_clock(fake_rate_clock: clock.FakeClock) -> Iterator[clock.FakeClock]:
    """`fake_rate_clock` that also moves on with real time: for GUI tests whose sync runs in the
    worker process (real time) against an in-process sandbox reading this clock (its bulk jobs end
    after so many seconds of it), while the kit's pacing still jumps ahead without waiting."""
    stop = threading.Event()

    def move() -> None:
        while not stop.wait(0.02):
            fake_rate_clock.advance(0.02)

    mover = threading.Thread(target=move, name="fake-clock-mover", daemon=True)
    mover.start()
    yield fake_rate_clock
    stop.set()
    mover.join(2)


@pytest.fixture
def conformance() -> None:
    """For tests whose subject is conformance to Klaviyo's OpenAPI: skipped without the spec."""
    if not klaviyo_spec.spec_available():
        pytest.skip(f"{klaviyo_spec.SPEC_PATH} is absent: conformance cannot be checked")


@pytest.fixture
def no_new_log_handlers() -> Iterator[None]:
    """For tests that run the CLI's main() in-process: the log file handler it adds to the root
    logger (and the levels it sets) do not outlive the test."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    yield
    for h in root.handlers[:]:
        if h not in before:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    for name, lvl in quiet.items():
        logging.getLogger(name).setLevel(lvl)


# -- the GUI (Qt is imported inside the fixtures: unit tests never load it) ---------------------------

QT_NOISE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise()")


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    """The GUI in English for the test, and English again after it (a module opts in with
    `pytestmark = pytest.mark.usefixtures("english")`)."""
    from loyalty_desktop.ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def fail_on_qt_warnings(qtlog: Any) -> Iterator[None]:
    """Any Qt message of warning level or worse fails the test (on top of qt_log_level_fail)."""
    from PySide6.QtCore import QtMsgType

    yield
    bad = [r.message for r in qtlog.records
           if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
           and not any(n in r.message for n in QT_NOISE)]
    if bad:
        pytest.fail("Qt warnings:\n" + "\n".join(bad[:5]))


@pytest.fixture
def live_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[KlaviyoSandbox]:
    """A 'real' Klaviyo account for the GUI's non-demo paths: the app pointed at a local sandbox."""
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        monkeypatch.setenv("LOYALTY_DESKTOP_KLAVIYO_URL", sb.base_url or "")
        yield sb


@pytest.fixture
def make_wizard(qtbot: Any, tasks: Any) -> Iterator[Callable[..., Any]]:
    """make(demo=True, language="en") -> a shown SetupWizard; every one made is stopped and
    closed after the test (its sync runner, its open files, its state)."""
    from loyalty_desktop.core.settings import Settings
    from loyalty_desktop.ui import i18n
    from loyalty_desktop.ui.wizard.wizard import SetupWizard

    made: list[SetupWizard] = []

    def make(demo: bool = True, language: str = "en") -> SetupWizard:
        i18n.install(language)
        w = SetupWizard(Settings(language=language), tasks, demo=demo)
        qtbot.addWidget(w)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.sync_page.runner.cancel()
        w.sync_page.runner.wait()
        w.source_page.close_files()
        w.state.close()
    i18n.install("en")


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


# -- shared resources --------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store in the test's folder."""
    with Store(tmp_path / "store.sqlite3") as s:
        yield s


@pytest.fixture
def sandbox() -> Iterator[KlaviyoSandbox]:
    """A Klaviyo sandbox on loopback whose every exchange is checked afterwards: no internal error,
    and (when the spec is there) every request and answer matches Klaviyo's OpenAPI. A module
    about another platform (Splio) overrides it with its own `sandbox`."""
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        yield sb
    assert not sb.internal_errors, sb.internal_errors
    if klaviyo_spec.spec_available():
        assert check_conformance(sb) > 0 or not sb.requests


@pytest.fixture
def program(program_file: Path, tmp_path: Path) -> Iterator[DemoProgram]:
    """A fresh copy of the module's `program_file` (a demo program built once per module: the
    module defines `program_file` with the size it needs), open for the test."""
    copy = tmp_path / "program.sqlite3"
    copy.write_bytes(program_file.read_bytes())
    with DemoProgram.open(copy) as p:
        yield p


@pytest.fixture
def open_window(qtbot: Any, tasks: Any) -> Callable[..., Any]:
    """`open_window(settings)`: the main window for these settings, shown; shut down after the test."""
    from loyalty_desktop.ui.main.window import MainWindow

    def make(settings: Any) -> MainWindow:
        w = MainWindow(settings, tasks)
        qtbot.addWidget(w, before_close_func=lambda win: win.shutdown())
        w.show()
        return w

    return make


@pytest.fixture
def tasks(qapp: object) -> Iterator[object]:
    """The GUI's task manager (worker threads), shut down after the test."""
    from loyalty_desktop.ui.tasks import TaskManager  # Qt: only the GUI tests import it

    t = TaskManager()
    yield t
    t.shutdown()
