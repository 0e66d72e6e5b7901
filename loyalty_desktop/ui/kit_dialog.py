"""The Klaviyo kit panel in its own window, opened from the wizard's last page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.ui.kit_panel import ConnectionProvider, KitPanel
from loyalty_desktop.ui.tasks import TaskManager


class KitDialog(QDialog):
    """The kit panel in its own window (from the wizard's last page)."""

    def __init__(self, tasks: TaskManager, connection: ConnectionProvider, mapping: Callable[[], Mapping | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = KitPanel(tasks, connection, mapping, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.panel, 1)
        lay.addWidget(buttons)
        self.resize(860, 620)
        self.retranslate()
        self.panel.replan()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up my Klaviyo loyalty kit"))

    def reject(self) -> None:
        if self.panel.running:
            self.panel.cancel()
            self.panel.wait()
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
