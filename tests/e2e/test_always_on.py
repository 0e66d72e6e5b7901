"""The main window kept alive (issue 15): close-to-tray and the no-tray question, the tray menu and
Quit, the health strip (ok, pending, failed with one action, stale 48 h in red) in the window and
the tray, the daily sync turned on by the first successful sync, and one instance per data folder.
The tray is faked (offscreen has none); the sandbox runs in-process."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest

from helpers.sync_helpers import demo_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox

from loyalty_desktop import service
from loyalty_desktop.core import clock, secrets
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.schedule.model import Schedule
from loyalty_desktop.service_health import SyncHealth
from loyalty_desktop.store.runs import RunRecord, RunState
from loyalty_desktop.sync.engine import RunStatus, RunSummary
from loyalty_desktop.ui.main import always_on, os_hooks, tray
from loyalty_desktop.ui.main.health import Action, HealthStrip, Level, Problem
from loyalty_desktop.ui.main.options import source_options
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.single_instance import SingleInstance
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

TIMEOUT = 60_000
MEMBERS = 300

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.usefixtures("english", "fail_on_qt_warnings")]


def live_settings(**kw: Any) -> Settings:
    return demo_settings(demo=False, target="klaviyo", **kw)


def sandbox_connection() -> service.Connection:
    return service.target("klaviyo-sandbox").connect(None, source_options(demo_settings()).target, CancelToken())


class FakeTray(QObject):
    """Stands in for QSystemTrayIcon (offscreen has no tray): records what the window asks."""

    activated = Signal(object)
    messageClicked = Signal()  # noqa: N815 - QSystemTrayIcon's name
    made: ClassVar[list[FakeTray]] = []

    def __init__(self, icon: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon, self.visible, self.tooltip = icon, False, ""
        self.messages: list[tuple[str, str]] = []
        FakeTray.made.append(self)

    @staticmethod
    def isSystemTrayAvailable() -> bool:  # noqa: N802
        return True

    def setContextMenu(self, menu: Any) -> None:  # noqa: N802
        self.menu = menu

    def setToolTip(self, text: str) -> None:  # noqa: N802
        self.tooltip = text

    def setIcon(self, icon: Any) -> None:  # noqa: N802
        self.icon = icon

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def showMessage(self, title: str, message: str, icon: Any, ms: int) -> None:  # noqa: N802
        self.messages.append((title, message))


class FakeHooks:
    def __init__(self, os_schedule: bool = True) -> None:
        self.autostart = False
        self.installed = 0
        self.os_schedule = os_schedule

    def autostart_available(self) -> bool:
        return True

    def autostart_enabled(self) -> bool:
        return self.autostart

    def set_autostart(self, enabled: bool) -> None:
        self.autostart = enabled

    def os_schedule_available(self) -> bool:
        return self.os_schedule

    def install_os_schedule(self, settings: object) -> None:
        self.installed += 1


@pytest.fixture
def fake_tray(monkeypatch: pytest.MonkeyPatch) -> type[FakeTray]:
    FakeTray.made = []
    monkeypatch.setattr(tray, "QSystemTrayIcon", FakeTray)
    return FakeTray


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> FakeHooks:
    fake = FakeHooks()
    monkeypatch.setattr(os_hooks, "HOOKS", fake)
    return fake


@pytest.fixture
def make_window(qtbot: Any, tasks: TaskManager, hooks: FakeHooks) -> Iterator[Callable[..., MainWindow]]:
    def make(settings: Settings | None = None, connection: service.Connection | None = None,
             show: bool = True) -> MainWindow:
        w = MainWindow(settings or demo_settings(), tasks, connection)
        qtbot.addWidget(w, before_close_func=lambda win: win.shutdown())
        if show:
            w.show()
        qtbot.waitUntil(lambda: w.always_on.facts is not None, timeout=TIMEOUT)  # the store was read
        return w

    yield make


def sync(qtbot: Any, w: MainWindow) -> Any:
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT) as finished:
        w.sync_now()
    qtbot.waitUntil(lambda: not w.history.refreshing and not w.always_on._reading, timeout=TIMEOUT)
    return finished.args[0]


def settled(qtbot: Any, w: MainWindow) -> None:
    """The schedule is on and never ran: the run due at once has run."""
    qtbot.waitUntil(lambda: w.always_on.facts is not None and w.always_on.facts.last_run is not None
                    and not w.syncing and not w.always_on._reading, timeout=TIMEOUT)


def menu_texts(t: FakeTray) -> list[str]:
    return [a.text() for a in t.menu.actions() if a.isVisible() and not a.isSeparator()]


# -- the tray ------------------------------------------------------------------------------------------


def test_closing_keeps_the_app_in_the_tray_said_once_and_quit_quits(
        qtbot: Any, make_window: Any, fake_tray: type[FakeTray]) -> None:
    w = make_window(connection=sandbox_connection())
    icon = fake_tray.made[0]
    assert icon.visible and w.always_on.in_tray
    assert menu_texts(icon)[:2] == ["&Open Loyalty Desktop", "&Sync now"] and menu_texts(icon)[-1] == "&Quit"
    assert "No successful sync yet" in menu_texts(icon) and "Automatic sync: off" in menu_texts(icon)

    w.close()
    assert not w.isVisible() and not w.controller.closed  # still running, in the tray
    assert icon.messages == [("Loyalty Desktop keeps running",
                              "Automatic syncs go on from the tray. To stop them, choose Quit in the tray menu.")]
    assert Settings.load().extra.get(always_on.TRAY_HINT) is True
    w.always_on.bring_forward()
    assert w.isVisible()
    w.close()
    assert len(icon.messages) == 1  # said once

    # Sync now from the tray, with the window hidden; then the menu says when it succeeded.
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT):
        next(a for a in icon.menu.actions() if a.text() == "&Sync now").trigger()
    qtbot.waitUntil(lambda: any(t.startswith("Last successful sync:") for t in menu_texts(icon)), timeout=TIMEOUT)
    assert "Last successful sync:" in icon.tooltip

    # Quit: the app ends (the controller stops and closes the connection).
    with qtbot.waitSignal(w.always_on.quitRequested, timeout=TIMEOUT):
        next(a for a in icon.menu.actions() if a.text() == "&Quit").trigger()
    assert w.controller.closed and w.connection is None and not icon.visible


def test_without_a_tray_closing_asks_and_can_hand_the_schedule_to_the_computer(
        qtbot: Any, make_window: Any, hooks: FakeHooks, monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(demo_settings(schedule=Schedule(enabled=True).to_json()), sandbox_connection())
    assert not w.always_on.in_tray  # offscreen: no tray
    settled(qtbot, w)
    asked: list[str] = []

    def answer(label: str) -> Callable[[QMessageBox], int]:
        def exec_(box: QMessageBox) -> int:
            asked.append(box.text() + " " + box.informativeText())
            next(b for b in box.buttons() if b.text() == label).click()
            return 0
        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer("Cancel"))
    w.close()
    assert w.isVisible() and not w.controller.closed  # stays
    assert "automatic syncs stop" in asked[0]
    monkeypatch.setattr(QMessageBox, "exec", answer("Let the &computer run them, then quit"))
    w.close()
    assert hooks.installed == 1 and w.controller.closed

    # Where this version cannot register it, the question says how, and Quit quits.
    hooks.os_schedule = False
    w2 = make_window(demo_settings(schedule=Schedule(enabled=True).to_json()), sandbox_connection())
    settled(qtbot, w2)
    monkeypatch.setattr(QMessageBox, "exec", answer("&Quit"))
    w2.close()
    assert "loyalty-desktop schedule install" in asked[-1] and w2.controller.closed


def test_without_a_tray_and_no_schedule_closing_just_closes(make_window: Any) -> None:
    w = make_window()
    w.close()
    assert w.controller.closed


# -- health --------------------------------------------------------------------------------------------


def _facts(last_success_hours: float, pending: int = 0, failed: bool = False) -> SyncHealth:
    now = clock.local_now()
    success = now - timedelta(hours=last_success_hours)
    run = RunRecord(1, "klaviyo", "demo", now, now, RunState.FAILED if failed else RunState.COMPLETED, {}, None)
    return SyncHealth(run, success, success, pending, 0)


@pytest.mark.parametrize(("made", "problem", "level", "red", "button"), [
    ((2, 0, False), None, Level.OK, False, None),
    ((2, 40, False), None, Level.PENDING, False, None),
    ((2, 0, True), Problem("Klaviyo refused the API key.", Action.REENTER_KEY), Level.FAILED, True,
     "Re-enter the key…"),
    ((3, 0, True), Problem("The network is down.", Action.OPEN_RUN), Level.FAILED, True, "Open the run"),
    ((49, 0, False), None, Level.STALE, True, "Open the run"),
])
def test_health_strip_states(qtbot: Any, made: tuple[float, int, bool], problem: Problem | None, level: Level,
                             red: bool, button: str | None) -> None:
    facts = _facts(*made)  # on the pinned clock (not at collection)
    strip = HealthStrip()
    qtbot.addWidget(strip)
    now = clock.local_now()
    strip.show_state(facts, problem, now + timedelta(hours=5), True, False, now)
    assert strip.level is level and strip.red is red
    assert strip.summary.text().startswith("Last successful sync:")
    assert ("#c81e1e" in strip.styleSheet()) is red
    assert strip.action_button.isVisibleTo(strip) is (button is not None)
    if button is not None:
        assert strip.action_button.text() == button
    if level is Level.PENDING:
        assert "Not sent yet: 40 contacts, 0 events" in strip.summary.text()
    if level is Level.STALE:
        assert "more than 48 hours" in strip.problem_label.text()
    if problem is not None:
        assert strip.problem_label.text() == problem.message


def test_a_refused_key_is_said_in_the_window_and_the_tray_with_one_action(
        qtbot: Any, make_window: Any, fake_tray: type[FakeTray], live_sandbox: KlaviyoSandbox,
        monkeypatch: pytest.MonkeyPatch) -> None:
    secrets.save("klaviyo", live_sandbox.add_key())
    w = make_window(live_settings())
    assert sync(qtbot, w).status is RunStatus.COMPLETED
    # The first successful sync turns the daily sync on, and says so.
    assert Settings.load().schedule == Schedule(enabled=True).to_json()
    assert w.auto_sync.schedule.enabled and w.settings_tab.schedule_box.mode.currentIndex() == 1
    assert w.status.status_label.text().startswith("Automatic sync is now on: every day at")
    strip = w.always_on.strip
    assert strip.level is Level.OK
    assert not strip.red

    live_sandbox.revoke_key(secrets.load("klaviyo") or "")  # the key stops working
    program = service.open_demo(service.DemoSpec(MEMBERS, 42))
    program.tick(3)  # and there is something to send
    program.close()
    with qtbot.waitSignal(w.syncFailed, timeout=TIMEOUT):
        w.sync_now()
    qtbot.waitUntil(lambda: strip.red, timeout=TIMEOUT)
    assert strip.level is Level.FAILED  # type: ignore[comparison-overlap]  # mypy kept it narrowed to OK
    icon = fake_tray.made[0]
    assert icon.messages[-1][0] == "Loyalty Desktop: sync failed" and "refused the API key" in icon.messages[-1][1]
    assert "refused the API key" in strip.problem_label.text()
    assert strip.action_button.text() == "Re-enter the key…" and strip.red

    # The one action: paste a new key; the connection is checked again with it.
    new_key = live_sandbox.add_key()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (new_key, True))
    icon.messageClicked.emit()  # clicking the notification does the same as the strip's button
    assert secrets.load("klaviyo") == new_key
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    assert sync(qtbot, w).status is RunStatus.COMPLETED
    qtbot.waitUntil(lambda: strip.level is Level.OK, timeout=TIMEOUT)


def test_demo_keeps_the_schedule_off_but_says_so(qtbot: Any, make_window: Any) -> None:
    w = make_window(connection=sandbox_connection())
    assert sync(qtbot, w).status is RunStatus.COMPLETED
    assert not w.auto_sync.schedule.enabled and Settings.load().schedule == {}
    assert "Automatic sync: off" in w.always_on.strip.summary.text()


def test_stale_turns_the_tray_icon_red(qtbot: Any, make_window: Any, fake_tray: type[FakeTray]) -> None:
    w = make_window(demo_settings(schedule=Schedule(enabled=True).to_json()), sandbox_connection())
    # Never ran and the schedule is on: the run is due at once, and runs.
    qtbot.waitUntil(lambda: w.always_on.facts is not None and w.always_on.facts.last_success is not None
                    and not w.syncing, timeout=TIMEOUT)
    icon = fake_tray.made[0]
    assert not w.always_on.strip.red and not w.always_on.tray._stale
    w.auto_sync.stop()  # no automatic run meanwhile: the computer "forgot" to sync for two days
    later = clock.FakeClock(clock.now() + timedelta(days=2))
    with clock.use_clock(later):
        w.always_on.show()  # what the minute timer does
    assert w.always_on.strip.level is Level.STALE and w.always_on.tray._stale
    assert "more than 48 hours" in w.always_on.strip.problem_label.text() and icon.icon is not None


def test_the_schedule_row_saves_and_start_at_login_uses_the_os_hooks(make_window: Any, hooks: FakeHooks) -> None:
    w = make_window()
    box = w.settings_tab.schedule_box
    box.mode.setCurrentIndex(2)
    box.hours.setValue(8)
    assert Settings.load().schedule == Schedule.every(8).to_json() and w.auto_sync.schedule == Schedule.every(8)
    assert box.hours.isVisibleTo(box) and not box.at.isVisibleTo(box)
    box.login.setChecked(True)
    assert hooks.autostart
    box.login.setChecked(False)
    assert not hooks.autostart


# -- one instance --------------------------------------------------------------------------------------


def test_a_second_launch_brings_the_first_forward_and_a_crash_leaves_nothing_stale(qtbot: Any) -> None:
    first = SingleInstance("test-instance")
    assert first.claim() and first.running
    second = SingleInstance(first.name)
    with qtbot.waitSignal(first.activated, timeout=5_000):
        assert not second.claim()  # the second launch tells the first and exits
    assert not second.running
    with qtbot.waitSignal(first.activated, timeout=5_000):  # asked again: answered again
        assert not SingleInstance(first.name).claim()
    first.close()
    # The lock file stays on disk; the OS released the lock with its holder: the next launch runs.
    assert first.lock_path.exists()
    third = SingleInstance(first.name)
    assert third.claim()
    third.close()


# -- the wizard's Done page -------------------------------------------------------------------------------


def test_done_page_box_turns_the_daily_sync_on_and_proposes_start_at_login(qtbot: Any, hooks: FakeHooks) -> None:
    from loyalty_desktop.ui.wizard.always_on_box import AlwaysOnBox

    box = AlwaysOnBox()
    qtbot.addWidget(box)
    settings = live_settings()
    box.first_sync_done(settings, RunSummary(1, RunStatus.COMPLETED), demo=False)
    assert Settings.load().schedule == Schedule(enabled=True).to_json()
    assert box.schedule_label.text().startswith("Automatic sync is on: every day at")
    assert box.login.isVisibleTo(box) and not box.login.isChecked()
    box.login.setChecked(True)
    assert hooks.autostart
    # A merchant who already chose keeps the choice; a failed first sync turns nothing on.
    chose_off = live_settings(schedule=Schedule().to_json())
    box.first_sync_done(chose_off, RunSummary(2, RunStatus.COMPLETED), demo=False)
    assert chose_off.schedule == Schedule().to_json() and "off" in box.schedule_label.text()
    failed = live_settings()
    box.first_sync_done(failed, RunSummary(3, RunStatus.FAILED), demo=False)
    assert failed.schedule == {} and not box.login.isVisibleTo(box)
    demo = demo_settings()
    box.first_sync_done(demo, RunSummary(4, RunStatus.COMPLETED), demo=True)
    assert demo.schedule == {} and box.schedule_label.text().startswith("Automatic sync is off in the demo")


def test_a_run_missed_while_the_app_was_closed_runs_at_launch_and_says_so(
        qtbot: Any, tasks: TaskManager, hooks: FakeHooks, fake_tray: type[FakeTray],
        moving_rate_clock: clock.FakeClock) -> None:
    # The sync runs in the worker process (real time): the sandbox's clock moves on with it.
    fake_rate_clock = moving_rate_clock
    from loyalty_desktop.service import open_store

    with open_store() as store:  # the last run ended three hours ago; the schedule says every hour
        run_id = store.start_run("klaviyo:acct", "demo:300:42")
        store.finish_run(run_id, RunState.COMPLETED.value, {})
    fake_rate_clock.advance(3 * 3600)
    # Started at login: hidden in the tray, connecting by itself, then catching up.
    w = MainWindow(demo_settings(schedule=Schedule.every(1).to_json()), tasks, None)
    qtbot.addWidget(w, before_close_func=lambda win: win.shutdown())
    w.always_on.start_hidden()
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT) as finished:
        pass
    assert finished.args[0].status is RunStatus.COMPLETED and not w.isVisible()
    icon = fake_tray.made[0]
    title, message = icon.messages[0]
    assert title == "Loyalty Desktop: a sync was missed" and "did not run" in message
    qtbot.waitUntil(lambda: w.always_on.facts is not None and w.always_on.facts.last_run is not None
                    and w.always_on.facts.last_run.id == run_id + 1, timeout=TIMEOUT)
    nxt = w.auto_sync.next_run()
    assert nxt is not None and nxt - clock.local_now() > timedelta(minutes=55)  # an hour from this run


def test_a_second_app_process_exits_and_brings_the_first_forward(qtbot: Any, data_dir: Path) -> None:
    import subprocess
    import sys

    first = SingleInstance()
    assert first.claim()
    code = ("import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
            "from loyalty_desktop.ui.single_instance import SingleInstance; "
            "sys.exit(0 if SingleInstance().claim() else 3)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # the same user and data folder (LOYALTY_DESKTOP_DATA_DIR)
    with qtbot.waitSignal(first.activated, timeout=30_000):
        child = subprocess.Popen([sys.executable, "-c", code], env=env)
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=30_000)
    assert child.returncode == 3  # "another one runs": the launch ends there
    first.close()
