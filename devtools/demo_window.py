"""What the screenshot tools share: waiting on a screen's state, and the main window of a demo
set-up in a fresh temporary data folder (never the user's), synced as a merchant would."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from loyalty_desktop import service
from loyalty_desktop.core import paths
from loyalty_desktop.core.platforms import Platform
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.tasks import TaskManager

DEMO = service.DemoSpec(500, 42)


def wait_until(cond: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen never reached the expected state")
        QApplication.processEvents()
        time.sleep(0.01)


@contextmanager
def demo_window(language: str, platform: Platform, size: tuple[int, int]) -> Iterator[MainWindow]:
    """The main window of a finished demo set-up to `platform`'s sandbox, shown and connected."""
    previous_dir = paths._override
    with tempfile.TemporaryDirectory(prefix="ld-shots-") as tmp:
        paths.set_data_dir(tmp)
        tasks = TaskManager()
        win: MainWindow | None = None
        try:
            i18n.install(language)
            settings = Settings(language=language, platform=platform.id, demo=True, target=platform.sandbox_target,
                                source="demo", source_options={"members": str(DEMO.members), "seed": DEMO.seed},
                                wizard_done=True)
            win = shown = MainWindow(settings, tasks)
            shown.resize(*size)
            shown.show()
            wait_until(lambda: shown.connection is not None and shown.sync_panel.sync_button.isEnabled())
            yield shown
        finally:
            if win is not None:
                win.shutdown()
                win.close()
                win.deleteLater()
            tasks.shutdown()
            paths.set_data_dir(previous_dir)


def sync_and_wait(win: MainWindow) -> None:
    """Sync now, then wait for the run in the history."""
    runs = win.runs_tab.runs_model
    before = len(runs.runs())
    win.sync_now()
    wait_until(lambda: not win.syncing and not win.history.refreshing and len(runs.runs()) > before)


def a_month_later() -> None:
    """The demo program lives 30 days (points earned, tiers reached, points expiring)."""
    service.advance_demo(DEMO, 30)
