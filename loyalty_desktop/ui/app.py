"""GUI entry point: the wizard on first launch (or with --demo), the main window afterwards."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from loyalty_desktop.core import logs
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager


def configure_runtime() -> None:
    """Hand the GIL to the GUI thread within 0.1 ms while a worker runs Python code.

    One turn of the event loop takes the GIL many times (each slot, each event to a widget
    subclassed in Python, each repaint), and each time it waits up to the switch interval for a
    busy worker to let go. With the default 5 ms, reading a 150,000-row export in the background
    froze the wizard for 0.1-0.4 s at a time; at 1 ms still 0.1 s; at 0.1 ms under 30 ms, the read
    no slower. The interval only matters while a thread waits for the GIL."""
    sys.setswitchinterval(0.0001)


def skip_absent_icon_theme() -> None:
    """Linux without a desktop icon theme (Qt falls back to "hicolor"): every standard icon (the
    Sync, Stop, folder buttons…) costs ~20 ms searching /usr/share/icons for a file that is not
    there, 0.1 s of start-up, and Qt's built-in icon is what shows anyway. Search only Qt's own then.
    GNOME, KDE and the other OSes keep their theme."""
    if sys.platform.startswith("linux") and QIcon.themeName() in ("", "hicolor"):
        QIcon.setThemeSearchPaths([p for p in QIcon.themeSearchPaths() if p.startswith(":")])


def run(argv: Sequence[str] = (), *, demo: bool = False) -> int:
    configure_runtime()
    app = QApplication.instance() or QApplication(list(argv) or sys.argv[:1])
    app.setApplicationName("Loyalty Desktop")
    app.setOrganizationName("Loyalty Desktop")
    QApplication.setDesktopFileName("loyalty-desktop")  # lets Wayland docks find the icon
    skip_absent_icon_theme()

    from loyalty_desktop.ui.icons import app_icon

    QApplication.setWindowIcon(app_icon())
    try:
        logs.setup()
        settings = Settings.load()
    except LoyaltyError as exc:  # e.g. the data folder is a file or read-only: say so, no traceback
        QMessageBox.critical(None, "Loyalty Desktop", user_message(exc, tr=i18n.translate_core))
        return 1
    i18n.install(settings.language)
    tasks = TaskManager()
    windows: list[object] = []

    def show_main(connection: Any = None) -> None:
        from loyalty_desktop.ui.main.window import MainWindow

        w = MainWindow(settings, tasks, connection)
        windows.append(w)
        w.show()

    if demo or not settings.wizard_done:
        from loyalty_desktop.ui.wizard.wizard import SetupWizard

        wizard = SetupWizard(settings, tasks, demo=demo)
        wizard.completed.connect(lambda: show_main(wizard.take_connection()))
        windows.append(wizard)
        wizard.show()
    else:
        show_main()
    code = app.exec()
    tasks.shutdown()
    return int(code)
