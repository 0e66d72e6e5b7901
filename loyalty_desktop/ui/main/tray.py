"""The tray icon shown while the automatic sync is on (where the desktop has a tray): its menu
shows the window or syncs now, and a failed unattended run raises a notification there."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

NOTICE_MS = 15_000
# Read once: tests stand in for QSystemTrayIcon (offscreen has no tray).
_WARNING = QSystemTrayIcon.MessageIcon.Warning
_RAISE_ON = (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick)


class Tray(QObject):
    syncRequested = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.icon: QSystemTrayIcon | None = None  # None while there is no tray icon
        self._menu: QMenu | None = None
        self._sync_enabled = False

    def ensure(self, icon: QIcon) -> None:
        """Show the icon (no effect without a system tray, or when already shown)."""
        if self.icon is not None or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = QSystemTrayIcon(icon, self._window)
        menu = QMenu(self._window)
        self._show_action = menu.addAction("")
        self._show_action.triggered.connect(self._raise_window)
        self._sync_action = menu.addAction("")
        self._sync_action.triggered.connect(self.syncRequested.emit)
        self._sync_action.setEnabled(self._sync_enabled)
        tray.setContextMenu(menu)
        tray.activated.connect(self._activated)
        self._menu, self.icon = menu, tray
        self.retranslate()
        tray.show()

    def drop(self) -> None:
        if self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None

    def retranslate(self) -> None:
        if self.icon is None:
            return
        self.icon.setToolTip(self.tr("Loyalty Desktop"))
        self._show_action.setText(self.tr("Show Loyalty Desktop"))
        self._sync_action.setText(self.tr("Sync now"))

    def set_sync_enabled(self, enabled: bool) -> None:
        self._sync_enabled = enabled
        if self.icon is not None:
            self._sync_action.setEnabled(enabled)

    def notify_failure(self, message: str) -> None:
        """A run failed: say so (an unattended sync must be noticed). Nothing where there is no tray."""
        self._notify(self.tr("Loyalty Desktop: sync failed"), message)

    def notify_waiting(self, outcome: str) -> None:
        """An automatic run stopped on live events to confirm: the user's next Sync now asks."""
        self._notify(self.tr("Loyalty Desktop: sync waiting for you"),
                     outcome + " " + self.tr("Open the window and click Sync now."))

    def _notify(self, title: str, message: str) -> None:
        if self.icon is not None:
            self.icon.showMessage(title, message, _WARNING, NOTICE_MS)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in _RAISE_ON:
            self._raise_window()

    def _raise_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
