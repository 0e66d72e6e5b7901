"""The tray icon, where the desktop has a system tray: the app lives there once the window is
closed. Its menu opens the window, syncs now, says when the last sync succeeded and when the next
runs, and quits (stopping a running sync safely). Its tooltip carries the same health; its icon
turns red after 48 hours without a successful sync; a failed or missed run raises a notification
there, and clicking it does the one thing to do about it (`messageClicked`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

NOTICE_MS = 15_000
STALE_RED = QColor(200, 30, 30)
# Read once: tests stand in for QSystemTrayIcon (offscreen has no tray).
_WARNING = QSystemTrayIcon.MessageIcon.Warning
_INFO = QSystemTrayIcon.MessageIcon.Information
_RAISE_ON = (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick)


def available() -> bool:
    """Whether the desktop has a system tray (read through this module so tests can fake it)."""
    return bool(QSystemTrayIcon.isSystemTrayAvailable())


def red_dot(icon: QIcon) -> QIcon:
    """The icon with a red dot in its corner: no successful sync for 48 hours."""
    pix = icon.pixmap(64, 64)
    if pix.isNull():
        pix = QPixmap(64, 64)
        pix.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(255, 255, 255))
    painter.setBrush(STALE_RED)
    painter.drawEllipse(QRectF(pix.width() * 0.5, pix.height() * 0.5, pix.width() * 0.48, pix.height() * 0.48))
    painter.end()
    return QIcon(pix)


class Tray(QObject):
    syncRequested = Signal()
    openRequested = Signal()
    quitRequested = Signal()
    messageClicked = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.icon: QSystemTrayIcon | None = None  # None while there is no tray icon
        self._menu: QMenu | None = None
        self._sync_enabled = False
        self._base_icon = QIcon()
        self._stale = False
        self._lines: list[str] = []  # health lines: the menu's information rows and the tooltip

    def ensure(self, icon: QIcon) -> None:
        """Show the icon (no effect without a system tray, or when already shown)."""
        if self.icon is not None or not available():
            return
        self._base_icon = icon
        tray = QSystemTrayIcon(self._current_icon(), self._window)
        menu = QMenu(self._window)
        self._show_action = menu.addAction("")
        self._show_action.triggered.connect(self.openRequested.emit)
        self._sync_action = menu.addAction("")
        self._sync_action.triggered.connect(self.syncRequested.emit)
        self._sync_action.setEnabled(self._sync_enabled)
        menu.addSeparator()
        self._info_actions = [menu.addAction("") for _ in range(3)]
        for action in self._info_actions:
            action.setEnabled(False)  # information, not a command
        menu.addSeparator()
        self._quit_action = menu.addAction("")
        self._quit_action.triggered.connect(self.quitRequested.emit)
        tray.setContextMenu(menu)
        tray.activated.connect(self._activated)
        tray.messageClicked.connect(self.messageClicked.emit)
        self._menu, self.icon = menu, tray
        self.retranslate()
        tray.show()

    @property
    def menu(self) -> QMenu | None:
        return self._menu

    def drop(self) -> None:
        if self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None

    def retranslate(self) -> None:
        if self.icon is None:
            return
        self._show_action.setText(self.tr("&Open Loyalty Desktop"))
        self._sync_action.setText(self.tr("&Sync now"))
        self._quit_action.setText(self.tr("&Quit"))
        self._show_lines()

    def show_health(self, lines: list[str], stale: bool) -> None:
        """The health in a few lines (last success, next run, pending); red when stale."""
        self._lines = lines
        if stale != self._stale:
            self._stale = stale
            if self.icon is not None:
                self.icon.setIcon(self._current_icon())
        self._show_lines()

    def _show_lines(self) -> None:
        if self.icon is None:
            return
        self.icon.setToolTip("\n".join([self.tr("Loyalty Desktop"), *self._lines]))
        for i, action in enumerate(self._info_actions):
            text = self._lines[i] if i < len(self._lines) else ""
            action.setText(text)
            action.setVisible(bool(text))

    def _current_icon(self) -> QIcon:
        return red_dot(self._base_icon) if self._stale else self._base_icon

    def set_sync_enabled(self, enabled: bool) -> None:
        self._sync_enabled = enabled
        if self.icon is not None:
            self._sync_action.setEnabled(enabled)

    def notify(self, title: str, message: str, warning: bool = True) -> bool:
        """A notification; False where there is no tray (the window's banner says it instead)."""
        if self.icon is None:
            return False
        self.icon.showMessage(title, message, _WARNING if warning else _INFO, NOTICE_MS)
        return True

    def notify_failure(self, message: str) -> bool:
        """A run failed: say so (an unattended sync must be noticed)."""
        return self.notify(self.tr("Loyalty Desktop: sync failed"), message)

    def notify_waiting(self, outcome: str) -> bool:
        """An automatic run stopped on live events to confirm: the user's next Sync now asks."""
        return self.notify(self.tr("Loyalty Desktop: sync waiting for you"),
                           outcome + " " + self.tr("Open the window and click Sync now."))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in _RAISE_ON:
            self.openRequested.emit()
