"""The main window, shown after the wizard and on later launches. It assembles:

- the Connection box (connection_panel) and the Sync box (sync_panel), over
- the tabs: the last runs (runs_tab), the segments (segments_tab), the Klaviyo kit (kit_tab,
  Klaviyo only) and the settings (settings_tab);
- the status bar (sync_panel.StatusArea); above everything, the health strip, and where the desktop
  has one, the tray icon: always_on (automatic sync, tray, health, what closing means).

The connection and the sync's life cycle live in sync_controller; what the tabs show is read from
the store in the background (history). This module wires them together and keeps the buttons'
states in step. The window owns the controller, which closes the connection (stopping an
in-process sandbox) when the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.core import platforms
from loyalty_desktop.core.errors import user_message
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n, store_problem
from loyalty_desktop.ui.confirm_live import LiveEventsBox
from loyalty_desktop.ui.first_paint import AfterFirstPaint
from loyalty_desktop.ui.main.always_on import AlwaysOn
from loyalty_desktop.ui.main.auto_sync import AutoSync
from loyalty_desktop.ui.main.connection_panel import ConnectionPanel
from loyalty_desktop.ui.main.history import History
from loyalty_desktop.ui.main.kit_tab import KitTab
from loyalty_desktop.ui.main.lazy_tabs import LazyTabs
from loyalty_desktop.ui.main.runs_tab import RunsTab
from loyalty_desktop.ui.main.setup_again import SetupAgain
from loyalty_desktop.ui.main.sync_controller import SyncController, SyncStage
from loyalty_desktop.ui.main.sync_panel import StatusArea, SyncPanel
from loyalty_desktop.ui.main.tray import Tray
from loyalty_desktop.ui.main.window_tabs import KIT, SEGMENTS, SETTINGS, LazyTabsOwner
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.widgets.placement import centre_on_screen

if TYPE_CHECKING:  # built with their tab, when first shown (window_tabs); loaded by the first sync or count
    from loyalty_desktop import service
    from loyalty_desktop.store.store import RunRecord
    from loyalty_desktop.sync.engine import RunSummary
    from loyalty_desktop.sync.segments import SegmentReport
    from loyalty_desktop.ui.main.segments_tab import SegmentsView


class MainWindow(QMainWindow, LazyTabsOwner):
    """See the module docstring. Signals report what happened, for the app (and tests)."""

    connectionChanged = Signal(bool)  # connected (verified) or not
    syncStarted = Signal(bool)  # automatic?
    syncFinished = Signal(object)  # engine.RunSummary (any status, including failed/cancelled)
    syncFailed = Signal(str)  # a run failed or crashed; the user-facing message
    storeSetAside = Signal(str)  # the unusable store was kept aside (the message says where)
    syncBlocked = Signal(str)  # not started: another sync holds the data folder (the message shown)
    runsUpdated = Signal()
    segmentsUpdated = Signal(object)  # segments.SegmentReport
    keyForgotten = Signal(str)  # platform whose key was removed from the keyring

    def __init__(self, settings: Settings, tasks: TaskManager, connection: service.Connection | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.tasks = settings, tasks
        self._shown_once = False
        self._started = False  # the start-up reads and checks have begun (after the first paint)
        self._store_question_asked = False  # once per window: the user said no, do not nag
        self.confirm_box: LiveEventsBox | None = None  # open while asking about too many live events
        self._kit_tab: KitTab | None = None  # built with its tab
        self._segment_report: SegmentReport | None = None  # the last count, for the Segments tab once built
        self.controller = SyncController(settings, tasks, connection, self)
        self.history = History(tasks, self)
        self.tray = Tray(self)
        self.setup_again = SetupAgain(self)  # "Change the set-up…": the wizard, prefilled
        self._build()
        self.always_on = AlwaysOn(self)
        self.auto_sync: AutoSync = self.always_on.auto
        self.root_layout.insertWidget(0, self.always_on.strip)
        self._wire()
        self.retranslate()
        self._restore_geometry()
        self._update_state()
        # The history read and the key check start once the first frame is on screen (ui/first_paint).
        AfterFirstPaint(self, self._start_background_work)

    def _build(self) -> None:
        central = QWidget(self)
        root = self.root_layout = QVBoxLayout(central)
        self.connection_panel = ConnectionPanel(self.controller)
        self.sync_panel = SyncPanel()
        top = QHBoxLayout()
        top.addWidget(self.connection_panel, 3)
        top.addWidget(self.sync_panel, 2)
        root.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        root.addWidget(self.tabs, 1)
        self.runs_tab = RunsTab(self.tasks)
        self.tabs.addTab(self.runs_tab, "")
        # The other tabs are built when first shown (or asked for): the first frame needs the runs only.
        self.pages = LazyTabs(self.tabs)
        self.pages.built.connect(self._page_built)
        self.pages.add(SEGMENTS, self._make_segments)
        # The kit (Klaviyo's, or Splio's): segments, templates and draft flows made in the account
        if KitTab.wanted(platforms.find(self.controller.platform())):
            self.pages.add(KIT, self._make_kit)
        self.pages.add(SETTINGS, self._make_settings)
        self.setCentralWidget(central)
        self.status = StatusArea(self.statusBar())
        sp = self.sync_panel
        self.setTabOrder(self.connection_panel.verify_button, sp.sync_button)
        self.setTabOrder(sp.sync_button, sp.cancel_button)
        self.setTabOrder(sp.cancel_button, self.tabs)

    def _wire(self) -> None:
        ctl = self.controller
        ctl.changed.connect(self._state_changed)
        ctl.connectionChanged.connect(self.connectionChanged)
        ctl.started.connect(self._sync_started)
        ctl.status.connect(self.status.say)
        ctl.progress.connect(lambda p: self.status.show_progress(p, ctl.platform_label()))
        ctl.ended.connect(self._sync_ended)
        ctl.failed.connect(self._failed)
        ctl.blocked.connect(self.syncBlocked)
        ctl.confirmationNeeded.connect(self._ask_confirmation)
        ctl.finished.connect(self.syncFinished)
        self.sync_panel.sync_button.clicked.connect(lambda: self.sync_now())  # noqa: PLW0108 - drops clicked's `checked` argument
        self.sync_panel.cancel_button.clicked.connect(self.cancel_sync)
        self.history.loaded.connect(self._refreshed)
        self.history.failed.connect(self._refresh_failed)
        self.runs_tab.selectionChanged.connect(self._update_state)
        self.runs_tab.problem.connect(self.status.say)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.connection_panel.setupRequested.connect(self.setup_again.open)

    # -- what the app and tests drive ---------------------------------------------------------

    @property
    def connection(self) -> service.Connection | None:
        return self.controller.connection

    @property
    def syncing(self) -> bool:
        return self.controller.syncing

    @Slot()
    def sync_now(self, automatic: bool = False, confirmed: bool = False) -> bool:
        """Start a sync; False when one is running or there is no connection (see SyncController)."""
        return self.controller.sync_now(automatic, confirmed)

    @Slot()
    def cancel_sync(self) -> None:
        if self.controller.cancel_sync():
            self.sync_panel.cancel_button.setEnabled(False)

    @Slot()
    def refresh(self) -> None:
        """Re-read the run history and count the segments (in the background)."""
        self.history.refresh()

    def notify_failure(self, message: str) -> None:
        """A run failed: say so in the tray (when there is one), so an unattended sync is noticed."""
        self.tray.notify_failure(message)

    # -- texts and state ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty Desktop"))
        settings_tab = self.built_settings_tab()
        for part in (self.connection_panel, self.sync_panel, self.runs_tab, settings_tab, self.status,
                     self.tray, self.always_on.strip):
            if part is not None:
                part.retranslate()
        tabs, pages = self.tabs, self.pages
        tabs.setTabText(tabs.indexOf(self.runs_tab), self.tr("&Last runs"))
        tabs.setTabText(tabs.indexOf(pages.page(SEGMENTS)), self.tr("Se&gments"))
        if pages.has(KIT):
            splio = self.controller.platform() == platforms.SPLIO.id
            tabs.setTabText(tabs.indexOf(pages.page(KIT)), self.tr("Splio k&it") if splio else self.tr("Klaviyo k&it"))
        tabs.setTabText(tabs.indexOf(pages.page(SETTINGS)), self.tr("Se&ttings"))
        self._show_key()
        self._show_last_sync()
        self._show_auto()
        ctl = self.controller
        if ctl.last_progress is not None and ctl.stage is SyncStage.RUNNING:
            self.status.show_progress(ctl.last_progress, ctl.platform_label())
        else:
            self.status.say(ctl.last_message or self.tr("Ready"))

    def _show_key(self) -> None:
        ctl = self.controller
        tab = self.built_settings_tab()
        if tab is not None:
            tab.show_key(ctl.demo, ctl.key_mask, ctl.key_where)

    def _show_last_sync(self) -> None:
        model = self.runs_tab.runs_model
        runs = model.runs()
        self.sync_panel.show_last_sync(runs[0] if runs else None, model.status_text(runs[0].status) if runs else "")

    def _show_auto(self) -> None:
        self.always_on.show()

    def _state_changed(self) -> None:
        self.connection_panel.show_state()
        self._show_key()
        self._update_state()

    def update_state(self) -> None:
        """Enable what can be done now (after the set-up changed, too)."""
        self._update_state()

    def _update_state(self) -> None:
        ctl = self.controller
        syncing = ctl.syncing
        kit = self._kit_tab is not None and self._kit_tab.panel.running  # it uses the connection too
        self.sync_panel.sync_button.setEnabled(ctl.connected and not syncing and not kit)
        self.sync_panel.cancel_button.setEnabled(syncing)
        self.connection_panel.verify_button.setEnabled(not syncing and not kit and not ctl.busy_verify)
        self.connection_panel.setup_button.setEnabled(not syncing and not kit)
        settings_tab = self.built_settings_tab()
        if settings_tab is not None:
            settings_tab.forget_button.setEnabled(not ctl.demo and bool(ctl.key_mask) and not syncing)
        self.runs_tab.update_state()
        self.tray.set_sync_enabled(ctl.connected and not syncing)

    # -- the sync's outcome -------------------------------------------------------------------

    def _sync_started(self, automatic: bool) -> None:
        self.status.busy()
        self.syncStarted.emit(automatic)

    def _sync_ended(self, text: str) -> None:
        self.status.say(text)
        self.status.rest()
        self._update_state()
        self.refresh()

    def _failed(self, message: str) -> None:
        self.syncFailed.emit(message)  # always_on notifies (tray) and shows it in the health strip

    def _ask_confirmation(self, summary: RunSummary, automatic: bool) -> None:
        """A run stopped on too many live events: ask (an automatic sync says so in the tray and
        waits for the user's next Sync now, which asks)."""
        if automatic:
            self.tray.notify_waiting(self.controller.last_message)
            return
        box = self.confirm_box = LiveEventsBox(self, summary, self.controller.platform_label())
        box.answered.connect(self._confirmation_answered)
        box.open()

    @Slot(bool)
    def _confirmation_answered(self, send: bool) -> None:
        self.confirm_box = None
        self.controller.confirmation_answered(send)

    # -- runs, segments, kit, key -------------------------------------------------------------

    def _refreshed(self, runs: list[RunRecord], report: SegmentReport) -> None:
        self.runs_tab.set_runs(runs)
        self._show_last_sync()
        self._segment_report = report
        segments_tab = cast("SegmentsView | None", self.pages.built_page(SEGMENTS))
        if segments_tab is not None:
            segments_tab.set_report(report)
        self._update_state()
        self.runsUpdated.emit()
        self.segmentsUpdated.emit(report)

    def _refresh_failed(self, exc: Exception) -> None:
        ctl = self.controller
        ctl.last_message = self.tr("Could not read the sync history: {error}").format(
            error=user_message(exc, tr=i18n.translate_core))
        self.status.say(ctl.last_message)
        if store_problem.can_set_aside(exc) and not self._store_question_asked:
            self._store_question_asked = True
            QTimer.singleShot(0, lambda e=exc: store_problem.offer_set_aside(
                self, self.tasks, e, self._store_set_aside))

    def _store_set_aside(self, message: str) -> None:
        if self.controller.closed:
            return
        self.controller.last_message = message
        self.status.say(message)
        self.storeSetAside.emit(message)
        self.refresh()

    def _tab_changed(self, index: int) -> None:
        if self._kit_tab is not None and self.tabs.widget(index) is self._kit_tab.panel:
            self._kit_tab.shown()

    @Slot()
    def forget_key(self) -> bool:
        """Ask, then remove the key from the keyring and disconnect. Returns True if forgotten."""
        ctl = self.controller
        if not self.settings_tab.confirm_forget(ctl.platform_label(), ctl.key_where):
            return False
        platform = ctl.platform()
        ctl.forget_key()
        self.keyForgotten.emit(platform)
        return True

    # -- window -------------------------------------------------------------------------------

    def _start_background_work(self) -> None:
        self._started = True
        self.refresh()
        self.always_on.refresh()  # the health strip's facts (the store, read in the background)
        if self.isVisible():
            self._verify_on_first_show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once and self._started:
            self._verify_on_first_show()

    def _verify_on_first_show(self) -> None:
        if not self._shown_once:
            self._shown_once = True
            ctl = self.controller
            (ctl.verify_again if ctl.connection is None else ctl.load_key_info)()

    def _restore_geometry(self) -> None:
        raw = self.settings.window_geometry
        if raw and self.restoreGeometry(QByteArray.fromBase64(raw.encode("ascii"))):
            return
        self.resize(1040, 720)
        centre_on_screen(self)  # first launch: the middle of the screen

    def save_geometry(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.settings.save()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller.closed:
            event.accept()
            return
        if not self.always_on.close_requested():  # in the tray, or the user chose to stay
            event.ignore()
            return
        if self.syncing:
            answer = QMessageBox.question(
                self, self.tr("Stop the sync?"),
                self.tr("A sync is running. Stop it and close? The next sync resumes where it stopped."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.shutdown()
        event.accept()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop everything this window runs: timer, sync, kit, tray, connection; remember the size."""
        if self.controller.closed:
            return
        self.save_geometry()
        self.history.closed = self.runs_tab.closed = True
        if self._kit_tab is not None:
            self._kit_tab.shutdown()
        self.always_on.shutdown()
        self.runs_tab.close_dialog()
        self.controller.shutdown()
