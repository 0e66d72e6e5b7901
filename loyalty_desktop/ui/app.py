"""GUI entry point: the wizard on first launch (or with --demo), the main window afterwards; one
app per user and data folder (a second launch brings it forward); `hidden` (started at login):
straight to the tray where there is one."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from loyalty_desktop.core import logs
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.options import SandboxPlace
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n, sandbox_place
from loyalty_desktop.ui.tasks import TaskManager


def skip_absent_icon_theme() -> None:
    """Linux without a desktop icon theme (Qt falls back to "hicolor"): every standard icon (the
    Sync, Stop, folder buttons…) costs ~20 ms searching /usr/share/icons for a file that is not
    there, 0.1 s of start-up, and Qt's built-in icon is what shows anyway. Search only Qt's own then.
    GNOME, KDE and the other OSes keep their theme."""
    if sys.platform.startswith("linux") and QIcon.themeName() in ("", "hicolor"):
        QIcon.setThemeSearchPaths([p for p in QIcon.themeSearchPaths() if p.startswith(":")])


def run(argv: Sequence[str] = (), *, demo: bool = False, hidden: bool = False) -> int:
    app = QApplication.instance() or QApplication(list(argv) or sys.argv[:1])
    app.setApplicationName("Loyalty Desktop")
    app.setOrganizationName("Loyalty Desktop")
    QApplication.setDesktopFileName("loyalty-desktop")  # lets Wayland docks find the icon
    skip_absent_icon_theme()
    from loyalty_desktop.ui.main_thread_gc import MainThreadGC

    collector = MainThreadGC(app)  # Qt objects are freed on this thread, never in a worker's

    from loyalty_desktop.ui.icons import app_icon

    QApplication.setWindowIcon(app_icon())
    try:
        logs.setup()
        settings = Settings.load()
    except LoyaltyError as exc:  # e.g. the data folder is a file or read-only: say so, no traceback
        QMessageBox.critical(None, "Loyalty Desktop", user_message(exc, tr=i18n.translate_core))
        return 1
    i18n.install(settings.language)
    instance = _one_instance()
    if instance is None:
        return 0  # the running app was asked to come forward
    sandbox_place.set_place(SandboxPlace.CHILD_PROCESS)  # the demo's sandboxes: their own process, their own GIL
    tasks = TaskManager()
    windows: list[Any] = []

    def show_main(connection: Any = None, start_hidden: bool = False) -> None:
        from loyalty_desktop.ui.main.window import MainWindow

        w = MainWindow(settings, tasks, connection)
        windows.append(w)
        w.always_on.quitRequested.connect(app.quit)
        # In the tray, closing the window keeps the app (and its automatic sync) running.
        QApplication.setQuitOnLastWindowClosed(not w.always_on.in_tray)
        if start_hidden and w.always_on.in_tray:
            w.always_on.start_hidden()
        else:
            w.show()

    instance.activated.connect(lambda: _bring_forward(windows[-1]) if windows else None)

    if demo or not settings.wizard_done:
        from loyalty_desktop.ui.wizard.wizard import SetupWizard

        wizard = SetupWizard(settings, tasks, demo=demo)
        wizard.completed.connect(lambda: show_main(wizard.take_connection()))
        windows.append(wizard)
        wizard.show()
    else:
        show_main(start_hidden=hidden)
    code = app.exec()
    collector.stop()
    instance.close()
    tasks.shutdown()
    return int(code)


def _one_instance() -> Any:
    """The SingleInstance this app now holds, or None when another one runs (and was told)."""
    from loyalty_desktop.ui.single_instance import SingleInstance

    instance = SingleInstance()
    return instance if instance.claim() else None


def _bring_forward(window: Any) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
