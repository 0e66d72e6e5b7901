"""`loyalty-desktop screenshots DIR`: every wizard page and the main window, in demo mode, in each
language, saved as PNG (works offscreen: QT_QPA_PLATFORM=offscreen). A development tool: it runs from
a source checkout and is not shipped."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWizard

from devtools.demo_window import wait_until
from devtools.health_shots import health_screenshots
from devtools.main_window_shots import screenshots as main_screenshots
from devtools.splio_kit_shots import screenshots as splio_kit_screenshots
from loyalty_desktop.core import paths
from loyalty_desktop.core.platforms import DEFAULT_DESTINATION
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager


def _walk_wizard(outdir: Path, language: str, platform: str, tasks: TaskManager) -> list[Path]:
    from loyalty_desktop.ui.wizard.wizard import SetupWizard

    settings = Settings(language=language)
    wiz = SetupWizard(settings, tasks, demo=True)
    wiz.welcome_page.demo_platform.setCurrentIndex(wiz.welcome_page.demo_platform.findData(platform))
    wiz.show()
    shots: list[Path] = []

    def shot(name: str) -> None:
        for _ in range(3):  # what was just filled in is laid out a pass later
            QApplication.processEvents()
        path = outdir / f"{language}-{platform}-{name}.png"
        wiz.grab().save(str(path))
        shots.append(path)

    next_button = wiz.button(QWizard.WizardButton.NextButton)
    shot("1-welcome")
    wiz.next()
    shot("2-create-key")
    wiz.next()
    wiz.verify_page.verify()
    wait_until(wiz.verify_page.isComplete)
    shot("3-verify-key")
    wiz.next()
    wiz.source_page.members.setValue(300)
    shot("4-source")
    wiz.next()
    wait_until(lambda: wiz.currentPage() is wiz.mapping_page)
    shot("5-mapping")
    wiz.next()
    wait_until(wiz.sync_page.preview_panel.start_button.isEnabled)  # planned, nothing sent yet
    shot("6-preview")
    wiz.sync_page.start()
    wait_until(wiz.sync_page.isComplete)
    shot("6-sync")
    wiz.next()
    wait_until(lambda: wiz.done_page.card_form.rowCount() > 0)  # the sample contact is read off the GUI thread
    shot("7-done")
    assert next_button is not None
    wiz.state.close()
    wiz.close()
    wiz.deleteLater()
    return shots


def render_all(outdir: Path, languages: list[str] | None = None, platforms: tuple[str, ...] = (DEFAULT_DESTINATION.id,)
               ) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["loyalty-desktop"])
    tasks = TaskManager()
    shots: list[Path] = []
    try:
        for lang in languages or ["en", "fr"]:
            for platform in platforms:
                # Each run in a fresh data folder: screenshots never touch the user's store.
                with tempfile.TemporaryDirectory(prefix="ld-shots-") as tmp:
                    paths.set_data_dir(tmp)
                    try:
                        i18n.install(lang)
                        shots += _walk_wizard(outdir, lang, platform, tasks)
                        shots += main_screenshots(outdir, lang)
                        shots += splio_kit_screenshots(outdir, lang)
                        shots += health_screenshots(outdir, lang)
                    finally:
                        paths.set_data_dir(None)
    finally:
        tasks.shutdown()
        i18n.install("")
    del app
    return shots
