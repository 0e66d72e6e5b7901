"""The main window's Splio kit tab in demo mode, rendered to PNG (`loyalty-desktop screenshots`): a
first sync to the Splio sandbox, a month later a second one (moments sent), then the kit made, its
groups listed beside the campaign guide in the window's language."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from devtools.demo_window import a_month_later, demo_window, sync_and_wait, wait_until
from loyalty_desktop.core.platforms import SPLIO
from loyalty_desktop.ui.splio_kit_panel import SplioKitPanel


def screenshots(outdir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["loyalty-desktop"])
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with demo_window(language, SPLIO, (1180, 760)) as win:
        sync_and_wait(win)
        a_month_later()
        sync_and_wait(win)
        kit = win.kit_panel
        assert isinstance(kit, SplioKitPanel), "the Splio window has a Splio kit tab"
        win.tabs.setCurrentWidget(kit)
        wait_until(lambda: bool(kit.plan))
        kit.start()
        wait_until(lambda: kit.report is not None and not kit.running)
        QApplication.processEvents()
        path = outdir / f"{language}-splio-kit.png"
        win.grab().save(str(path))
        shots.append(path)
    del app
    return shots
