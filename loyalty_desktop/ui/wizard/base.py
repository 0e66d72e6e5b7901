"""Shared page plumbing: retranslation on language change, access to the wizard's state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QWizardPage

from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.wizard.state import SetupState

if TYPE_CHECKING:
    from loyalty_desktop.ui.wizard.wizard import SetupWizard


class Page(QWizardPage):
    """A wizard page that sets its texts in `retranslate()` (called again on language change)."""

    def setup_wizard(self) -> SetupWizard:
        return self.wizard()  # type: ignore[return-value]

    @property
    def state(self) -> SetupState:
        return self.setup_wizard().state

    @property
    def tasks(self) -> TaskManager:
        return self.setup_wizard().tasks

    def retranslate(self) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def wrapping_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def busy_bar() -> QProgressBar:
    """A thin indeterminate bar shown while a page waits on background work (hidden at first)."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumHeight(8)
    bar.setTextVisible(False)
    bar.hide()
    return bar
