"""The automatic sync: every N hours while the app runs (a coarse timer: a few seconds late is
fine), with the tray icon shown while it is on (where the desktop has a tray)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.ui.main.tray import Tray


class AutoSync(QObject):
    due = Signal()  # time for an automatic sync

    def __init__(self, window: QWidget, tray: Tray) -> None:
        super().__init__(window)
        self._window, self._tray = window, tray
        self.hours = 0  # 0: off
        self.next_due: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self._fire)

    def apply(self, hours: int) -> None:
        """Every `hours` hours from now on (0: off)."""
        self.hours = hours
        if hours:
            self.timer.start(hours * 3_600_000)
            self.next_due = self._from_now()
            self._tray.ensure(self._icon())
        else:
            self.timer.stop()
            self.next_due = None
            self._tray.drop()

    def stop(self) -> None:
        self.timer.stop()

    def _fire(self) -> None:
        self.next_due = self._from_now() if self.hours else None
        self.due.emit()

    def _from_now(self) -> datetime:
        return clocks.local_now().replace(microsecond=0) + timedelta(hours=self.hours)

    def _icon(self) -> QIcon:
        icon = self._window.windowIcon()
        if icon.isNull():
            icon = QApplication.windowIcon()
        if icon.isNull():
            icon = self._window.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        return icon
