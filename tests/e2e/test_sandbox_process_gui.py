"""The GUI's offline demo runs its sandbox in another process (ui/sandbox_place, as ui/app.run sets it):
the demo main window connects to a sandbox with another PID, Sync now lands there (read back over
the sandbox's HTTP API), and closing the window stops the sandbox process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from helpers.child_sandbox import klaviyo_profiles, wait_gone
from helpers.sync_helpers import demo_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from loyalty_desktop.core.options import SandboxPlace
from loyalty_desktop.destinations.sandbox_process import SandboxProcess
from loyalty_desktop.sync.engine import RunStatus
from loyalty_desktop.ui import sandbox_place
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.tasks import TaskManager

TIMEOUT = 60_000
MEMBERS = 300

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.usefixtures("english", "fail_on_qt_warnings")]


@pytest.fixture
def child_sandboxes() -> Iterator[None]:
    previous = sandbox_place.set_place(SandboxPlace.CHILD_PROCESS)  # what the app does at start
    yield
    sandbox_place.set_place(previous)


@pytest.mark.usefixtures("child_sandboxes")
def test_the_demo_window_syncs_into_a_sandbox_in_another_process(qtbot: Any, tasks: TaskManager) -> None:
    w = MainWindow(demo_settings(MEMBERS), tasks, None)
    qtbot.addWidget(w, before_close_func=lambda win: win.shutdown())
    w.show()
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    sb = w.connection.sandbox if w.connection is not None else None
    assert isinstance(sb, SandboxProcess) and sb.pid != os.getpid()
    assert w.connection is not None and w.connection.dest.base_url == sb.base_url
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(w.sync_panel.sync_button, Qt.MouseButton.LeftButton)
    summary = finished.args[0]
    assert summary.status is RunStatus.COMPLETED and summary.profiles_sent == MEMBERS
    assert len(klaviyo_profiles(sb.base_url)) == MEMBERS  # the sync landed in the other process
    qtbot.waitUntil(lambda: not w.history.refreshing, timeout=TIMEOUT)
    w.shutdown()
    assert wait_gone(sb.pid, 10)  # the window's connection stopped its sandbox


@pytest.mark.usefixtures("child_sandboxes")
def test_the_demo_wizard_fills_the_splio_sandbox_in_another_process(qtbot: Any, make_wizard: Any) -> None:
    """The source page reads the demo program once and seeds the Splio sandbox with it: across the pipe."""
    from PySide6.QtWidgets import QWizard

    wiz = make_wizard()

    def next_page() -> None:
        button = wiz.button(QWizard.WizardButton.NextButton)
        if not button.isVisible():
            button = wiz.button(QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(button.isEnabled, timeout=TIMEOUT)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    combo = wiz.welcome_page.demo_platform
    combo.setCurrentIndex(combo.findData("splio"))
    next_page()  # → create key
    next_page()  # → verify
    qtbot.mouseClick(wiz.verify_page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    sb = wiz.state.connection.sandbox
    assert isinstance(sb, SandboxProcess) and sb.pid != os.getpid()
    assert sb.describe()[0].startswith("The Splio sandbox universe now holds 0 contacts")  # empty until the source
    next_page()  # → loyalty data
    wiz.source_page.members.setValue(60)
    next_page()  # reads the demo program and fills the sandbox with its members
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    held = int(sb.describe()[0].split(" holds ")[1].split()[0])
    assert 45 <= held <= 66  # about nine in ten of the 60 members, and a few strangers
