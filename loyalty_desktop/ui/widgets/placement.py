"""Where windows open: centred on the screen they are on (the primary one at first)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def centre_on_screen(window: QWidget) -> None:
    """Move `window` (its current size) to the middle of its screen's available area."""
    screen: QScreen | None = window.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (nothing to centre on)
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    frame.moveCenter(area.center())
    window.move(frame.topLeft())
