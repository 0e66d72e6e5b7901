"""The main window's tabs that are built when first shown (lazy_tabs): the segments, the kit and
the settings. The window (window.MainWindow) inherits this; `settings_tab`, `segments_tab`,
`kit_tab` and `kit_panel` build their tab when asked for, so code and tests use them as plain
attributes; the window itself only touches a page that was built (`pages.built_page`) and gives a
page what it should show when it is built (`_page_built`, the last segment count)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui.main.auto_sync import AutoSync
from loyalty_desktop.ui.main.kit_tab import KitTab
from loyalty_desktop.ui.main.lazy_tabs import LazyTabs
from loyalty_desktop.ui.main.sync_controller import SyncController
from loyalty_desktop.ui.tasks import TaskManager

if TYPE_CHECKING:
    from loyalty_desktop.sync.segments import SegmentReport
    from loyalty_desktop.ui.kit_panel import KitPanel
    from loyalty_desktop.ui.main.segments_tab import SegmentsView
    from loyalty_desktop.ui.main.settings_tab import SettingsTab

SEGMENTS, KIT, SETTINGS = "segments", "kit", "settings"


class LazyTabsOwner:
    """The window's side of its lazily built tabs (a mixin: MainWindow provides these attributes)."""

    settings: Settings
    tasks: TaskManager
    controller: SyncController
    auto_sync: AutoSync
    tabs: QTabWidget
    pages: LazyTabs
    _kit_tab: KitTab | None
    _segment_report: SegmentReport | None
    forget_key: Callable[[], bool]
    retranslate: Callable[[], None]
    _show_key: Callable[[], None]
    _update_state: Callable[[], None]

    def _make_segments(self) -> QWidget:
        from loyalty_desktop.ui.main.segments_tab import SegmentsView

        view = SegmentsView()
        if self._segment_report is not None:
            view.set_report(self._segment_report)
        return view

    def _make_kit(self) -> QWidget:
        kit = self._kit_tab = KitTab(self.tasks, self.controller, cast(QObject, self))
        kit.panel.started.connect(self._update_state)
        kit.panel.finished.connect(lambda _r: self._update_state())
        return kit.panel

    def _make_settings(self) -> QWidget:
        from loyalty_desktop.ui.main.settings_tab import SettingsTab

        tab = SettingsTab(self.settings, lambda: self.tasks)
        tab.schedule_box.scheduleChanged.connect(self.auto_sync.apply)
        tab.forgetClicked.connect(self.forget_key)
        return tab

    def _page_built(self, key: str, _page: QWidget) -> None:
        if key == SETTINGS:
            self.settings_tab.retranslate()
            self._show_key()
        self._update_state()

    def built_settings_tab(self) -> SettingsTab | None:
        """The Settings tab if it was built (otherwise nothing to update: it reads the settings when built)."""
        return cast("SettingsTab | None", self.pages.built_page(SETTINGS))

    @property
    def segments_tab(self) -> SegmentsView:
        return cast("SegmentsView", self.pages.get(SEGMENTS))

    @property
    def settings_tab(self) -> SettingsTab:
        return cast("SettingsTab", self.pages.get(SETTINGS))

    @property
    def kit_tab(self) -> KitTab | None:
        """The kit tab (built now if it was not), or None when the platform has none."""
        if self.pages.has(KIT):
            self.pages.get(KIT)
        return self._kit_tab

    @property
    def kit_panel(self) -> KitPanel | None:
        kit = self.kit_tab
        return kit.panel if kit is not None else None

    def set_kit_tab(self, wanted: bool) -> None:
        """Add or take away the kit tab (the set-up changed platform); added, it is built when shown."""
        kit, self._kit_tab = self._kit_tab, None
        if self.pages.remove(KIT) is not None and kit is not None:
            kit.shutdown()
            kit.panel.deleteLater()
        self.controller.kit_running = lambda: False
        if wanted:
            self.pages.add(KIT, self._make_kit, self.tabs.indexOf(self.pages.page(SETTINGS)))
        self.retranslate()
