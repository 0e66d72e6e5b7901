"""Sync from the main window as a merchant does, shared by the GUI tests that drive it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from loyalty_desktop.ui.main.window import MainWindow

TIMEOUT = 120_000


def sync(qtbot: Any, w: MainWindow, click: bool = True, timeout: int = TIMEOUT) -> Any:
    """Click Sync now once it can be clicked (`click=False`: a sync already asked for) and wait for
    the run and the refreshed history; returns the run's summary."""
    runs_before = len(w.runs_tab.runs_model.runs())
    if click:
        qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=timeout)
    with qtbot.waitSignal(w.syncFinished, timeout=timeout) as finished:
        if click:
            qtbot.mouseClick(w.sync_panel.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(w.runs_tab.runs_model.runs()) == runs_before + 1 and not w.history.refreshing,
                    timeout=timeout)
    return finished.args[0]
