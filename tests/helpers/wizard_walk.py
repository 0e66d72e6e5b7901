"""Driving the set-up wizard's sync page as a user does (shared by the wizard tests)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

TIMEOUT = 60_000


def start_sync(qtbot: Any, wiz: Any) -> None:
    """On the sync page: wait for what will be sent (planned, nothing written), then click Start."""
    start = wiz.sync_page.preview_panel.start_button
    qtbot.waitUntil(start.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
