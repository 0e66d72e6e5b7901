"""Driving the set-up wizard's sync page as a user does (shared by the wizard tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

TIMEOUT = 60_000


def click_next(qtbot: Any, wiz: Any) -> None:
    """Next, once the page lets the user go on."""
    b = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(b.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def start_sync(qtbot: Any, wiz: Any) -> None:
    """On the sync page: wait for what will be sent (planned, nothing written), then click Start."""
    start = wiz.sync_page.preview_panel.start_button
    qtbot.waitUntil(start.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)


def walk_prefilled(qtbot: Any, w: Any, at_source: Callable[[Any], None] | None = None,
                   at_welcome: Callable[[Any], None] | None = None) -> Any:
    """"Change the set-up…", then Next through the prefilled pages (the saved key is checked at
    once) to the sync page's plan; `at_welcome` and `at_source` change those pages first."""
    qtbot.mouseClick(w.connection_panel.setup_button, Qt.MouseButton.LeftButton)
    wiz = w.setup_again.wizard
    assert wiz is not None
    if at_welcome is not None:
        at_welcome(wiz)

    def next_() -> None:
        click_next(qtbot, wiz)

    next_()
    next_()
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    next_()
    if at_source is not None:
        at_source(wiz)
    next_()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    next_()
    qtbot.waitUntil(wiz.sync_page.preview_panel.start_button.isEnabled, timeout=TIMEOUT)
    return wiz
