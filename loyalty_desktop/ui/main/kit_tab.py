"""The main window's kit tab: Klaviyo's KitPanel (the wizard shows it too) or, for Splio, the
SplioKitPanel; listed when the tab is first shown (Klaviyo: with the last run's results, kept in the
store) and again after each sync (which may have made pending flows), and kept from running while a
sync uses the connection."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

from loyalty_desktop.core.platforms import KitKind, Platform, find
from loyalty_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:
    from loyalty_desktop.ui.kit_panel import KitPanel
    from loyalty_desktop.ui.main.sync_controller import SyncController


class KitTab(QObject):
    def __init__(self, tasks: TaskManager, controller: SyncController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The panels (and the kit modules behind them) load with the tab, when first shown (lazy_tabs).
        from loyalty_desktop.ui.kit_panel import KitPanel
        from loyalty_desktop.ui.splio_kit_panel import SplioKitPanel

        self.controller = controller
        self.panel: KitPanel
        desc = find(controller.platform())
        self.splio = desc is not None and desc.capabilities.kit is KitKind.GROUPS  # the window names the tab
        if self.splio:
            # The window (and its tests, written for Klaviyo) holds the panel as a KitPanel; it only
            # adds it as a tab and uses started/finished/running/replan/cancel/wait, which the Splio
            # panel has too. A shared protocol in window.py would say so in the types.
            self.panel = cast(KitPanel, SplioKitPanel(tasks, lambda: controller.connection, busy=self._busy))
        else:
            self.panel = KitPanel(tasks, lambda: controller.connection, controller.mapping, busy=self._busy)
        controller.kit_running = lambda: self.panel.running  # a sync waits for the kit, too
        # A sync may have made pending flows (the kit finishes itself): list the results again.
        controller.finished.connect(self._synced)

    @staticmethod
    def wanted(desc: Platform | None) -> bool:
        """Whether the destination has a kit tab: Klaviyo's kit, or Splio's."""
        return desc is not None and desc.capabilities.kit is not None

    def shown(self) -> None:
        """The tab came to the front: list the kit's items (it reads the store and renders the
        templates, so only when first wanted)."""
        if not self.panel.plan:
            self.panel.replan()

    def _synced(self, _summary: object) -> None:
        if self.panel.plan and not self.panel.running:
            self.panel.replan()

    def _busy(self) -> str:
        return self.tr("A sync is running: make the kit once it has finished.") if self.controller.syncing else ""

    def shutdown(self) -> None:
        self.panel.cancel()
        self.panel.wait()
