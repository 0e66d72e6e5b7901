"""Sync from the main window as a merchant does, shared by the GUI tests that drive it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from loyalty_desktop.ui.main.window import MainWindow

TIMEOUT = 120_000


def click_sync(qtbot: Any, w: MainWindow, timeout: int = TIMEOUT) -> Any:
    """Click Sync now once it can be clicked and wait for the run's end; returns its summary."""
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=timeout)
    with qtbot.waitSignal(w.syncFinished, timeout=timeout) as finished:
        qtbot.mouseClick(w.sync_panel.sync_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def sync(qtbot: Any, w: MainWindow, click: bool = True, timeout: int = TIMEOUT) -> Any:
    """Sync now (`click=False`: a sync already asked for) and wait for the run and the refreshed
    history; returns the run's summary."""
    runs_before = len(w.runs_tab.runs_model.runs())
    if click:
        summary = click_sync(qtbot, w, timeout)
    else:
        with qtbot.waitSignal(w.syncFinished, timeout=timeout) as finished:
            pass
        summary = finished.args[0]
    qtbot.waitUntil(lambda: len(w.runs_tab.runs_model.runs()) == runs_before + 1 and not w.history.refreshing,
                    timeout=timeout)
    return summary
