"""Run start-up work once a window's first frame is on screen.

Work started in the background as a window opens (reading the run history, verifying the key,
starting a sandbox) competes with the GUI thread for the interpreter while the window is first
painted: the window showed 50 ms later (issue 18's start-up budget is 0.5 s). Waiting for the
first paint costs nothing visible; a window that is never shown (started hidden in the tray) gets
the work after `fallback_ms` anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], object], fallback_ms: int = 300) -> None:
        super().__init__(widget)
        self._widget, self._work, self._done = widget, work, False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        self._timer.start(fallback_ms)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._timer.start(0)  # runs once this paint has been handed to the screen
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._widget.removeEventFilter(self)
        self._work()
