"""Screenshots of the health display (issue 15): the strip at the top of the main window in its
states (ok, pending, failed with its one action, stale after 48 hours) and the tray menu with its
icon, in one language. Offscreen has no system tray: a stand-in lets the real `Tray` build its
real menu, which is then drawn on its own."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import WrongKeyError, user_message
from loyalty_desktop.service_health import SyncHealth
from loyalty_desktop.store.runs import RunRecord, RunState
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.icons import app_icon
from loyalty_desktop.ui.main import tray
from loyalty_desktop.ui.main.health import Action, HealthStrip, Problem


class _StandInTray(QObject):
    activated = Signal(object)
    messageClicked = Signal()  # noqa: N815 - QSystemTrayIcon's name

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = icon

    @staticmethod
    def isSystemTrayAvailable() -> bool:  # noqa: N802
        return True

    def __getattr__(self, name: str) -> Any:
        return lambda *a, **k: None  # setContextMenu, setToolTip, show, showMessage…

    def setIcon(self, icon: QIcon) -> None:  # noqa: N802
        self.icon = icon


def _facts(hours_ago: float, pending: int = 0, failed: bool = False) -> SyncHealth:
    now = clock.local_now()
    success = now - timedelta(hours=hours_ago)
    run = RunRecord(1, "klaviyo", "demo", now, now, RunState.FAILED if failed else RunState.COMPLETED, {}, None)
    return SyncHealth(run, success, success, pending, 0)


def health_screenshots(outdir: Path, language: str) -> list[Path]:
    QApplication.instance() or QApplication(["loyalty-desktop"])
    i18n.install(language)
    now = clock.local_now()
    page = QWidget()
    page.setWindowTitle("health")
    lay = QVBoxLayout(page)
    refused = user_message(WrongKeyError(""), "Klaviyo", tr=i18n.translate_core)
    states = [
        (_facts(3), None),
        (_facts(3, pending=1240), None),
        (_facts(5, failed=True), Problem(refused, Action.REENTER_KEY)),
        (_facts(50), None),
    ]
    strips = []
    for facts, problem in states:
        strip = HealthStrip()
        strip.show_state(facts, problem, now + timedelta(hours=17), True, False, now)
        lay.addWidget(strip)
        strips.append(strip)
    page.setMinimumWidth(900)
    page.adjustSize()
    page.show()
    QApplication.processEvents()
    shots = [outdir / f"{language}-health-1-strip-states.png"]
    page.grab().save(str(shots[0]))

    # The tray menu with the stale (red) icon beside it.
    real = tray.QSystemTrayIcon
    tray.QSystemTrayIcon = _StandInTray  # type: ignore[misc,assignment]
    try:
        t = tray.Tray(page)
        t.ensure(app_icon())
        t.set_sync_enabled(True)
        t.show_health(strips[3].lines, stale=True)
        menu = t.menu
        assert menu is not None
        menu.adjustSize()
        box = QWidget()
        row = QVBoxLayout(box)
        icon = QLabel()
        assert t.icon is not None
        icon.setPixmap(t.icon.icon.pixmap(48, 48))  # type: ignore[attr-defined]
        row.addWidget(icon)
        menu_pic = QLabel()
        menu_pic.setPixmap(menu.grab())
        row.addWidget(menu_pic)
        box.adjustSize()
        box.show()
        QApplication.processEvents()
        shots.append(outdir / f"{language}-health-2-tray-menu.png")
        box.grab().save(str(shots[1]))
        box.close()
        t.drop()
    finally:
        tray.QSystemTrayIcon = real  # type: ignore[misc]
    page.close()
    return shots
