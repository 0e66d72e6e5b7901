"""GUI entry point: the wizard on first launch (or with --demo), the main window afterwards."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QApplication

from .. import logs
from ..settings import Settings
from . import i18n
from .tasks import TaskManager


def configure_runtime() -> None:
    """Hand the GIL to the GUI thread sooner while the sync worker runs Python code (the default
    5 ms switch interval lets a busy worker delay the event loop by several intervals)."""
    sys.setswitchinterval(0.001)


def run(argv: Sequence[str] = (), *, demo: bool = False) -> int:
    configure_runtime()
    app = QApplication.instance() or QApplication(list(argv) or sys.argv[:1])
    app.setApplicationName("Loyalty Desktop")
    app.setOrganizationName("Loyalty Desktop")
    app.setDesktopFileName("loyalty-desktop")  # lets Wayland docks find the icon

    from .icons import app_icon

    app.setWindowIcon(app_icon())
    logs.setup()
    settings = Settings.load()
    i18n.install(settings.language)
    tasks = TaskManager()
    windows: list[object] = []

    def show_main(connection: Any = None) -> None:
        from .main_window import MainWindow

        w = MainWindow(settings, tasks, connection)
        windows.append(w)
        w.show()

    if demo or not settings.wizard_done:
        from .wizard.wizard import SetupWizard

        wizard = SetupWizard(settings, tasks, demo=demo)
        wizard.completed.connect(lambda: show_main(wizard.take_connection()))
        windows.append(wizard)
        wizard.show()
    else:
        show_main()
    code = app.exec()
    tasks.shutdown()
    return int(code)
