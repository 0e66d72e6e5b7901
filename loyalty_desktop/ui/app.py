"""GUI entry point: the wizard on first launch (or with --demo), the main window afterwards."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from loyalty_desktop.core import logs
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager


def run(argv: Sequence[str] = (), *, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(list(argv) or sys.argv[:1])
    app.setApplicationName("Loyalty Desktop")
    app.setOrganizationName("Loyalty Desktop")
    QApplication.setDesktopFileName("loyalty-desktop")  # lets Wayland docks find the icon

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
