"""The main window's Splio kit tab in demo mode, rendered to PNG (`loyalty-desktop screenshots`): a
first sync to the Splio sandbox, a month later a second one (moments sent), then the kit made, its
groups listed beside the campaign guide in the window's language."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from devtools.main_window_shots import _wait_until
from loyalty_desktop import service
from loyalty_desktop.core import paths
from loyalty_desktop.core.platforms import SPLIO
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.splio_kit_panel import SplioKitPanel
from loyalty_desktop.ui.tasks import TaskManager


def screenshots(outdir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["loyalty-desktop"])
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    previous_dir = paths._override
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ld-splio-shots-") as tmp:
        paths.set_data_dir(tmp)
        tasks = TaskManager()
        win: MainWindow | None = None
        try:
            i18n.install(language)
            spec = service.DemoSpec(500, 42)
            settings = Settings(language=language, platform=SPLIO.id, demo=True, target=SPLIO.sandbox_target,
                                source="demo", source_options={"members": str(spec.members), "seed": spec.seed},
                                wizard_done=True)
            win = MainWindow(settings, tasks)
            win.resize(1180, 760)
            win.show()
            runs = win.runs_tab

            def idle() -> bool:
                return not win.syncing and not win.history.refreshing

            _wait_until(lambda: win.connection is not None and win.sync_panel.sync_button.isEnabled())
            win.sync_now()
            _wait_until(lambda: idle() and len(runs.runs_model.runs()) == 1)
            program = service.open_demo(spec)
            program.tick(30)
            program.close()
            win.sync_now()
            _wait_until(lambda: idle() and len(runs.runs_model.runs()) >= 2)
            kit = win.kit_panel
            assert isinstance(kit, SplioKitPanel), "the Splio window has a Splio kit tab"
            win.tabs.setCurrentWidget(kit)
            _wait_until(lambda: bool(kit.plan))
            kit.start()
            _wait_until(lambda: kit.report is not None and not kit.running)
            QApplication.processEvents()
            path = outdir / f"{language}-splio-kit.png"
            win.grab().save(str(path))
            shots.append(path)
        finally:
            if win is not None:
                win.shutdown()
                win.close()
                win.deleteLater()
            tasks.shutdown()
            paths.set_data_dir(previous_dir)
    del app
    return shots
