"""The main window, shown after the wizard and on later launches.

- Connection: platform, account, the key (masked), health of the last verification, "Verify again".
- Sync: "Sync now" and Cancel; progress, phase, rate and time left in the status bar; an optional
  automatic sync every N hours while the app runs, with a tray icon (where the desktop has a tray)
  that raises a notification when a run fails.
- Tabs: the last runs (open one to see its rejected rows and export them to CSV), the segments the
  data makes possible (drawn as a bar chart), and settings (language, automatic sync, data folder,
  forget the key).

Everything slow runs off the GUI thread: connecting and verifying, opening the source, reading the
store (TaskManager), the sync itself (SyncRunner). The window owns its connection and closes it
(stopping an in-process sandbox) when it closes.
"""

from __future__ import annotations

import argparse
import logging
from concurrent.futures import Future
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QLocale,
    QModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core import paths, secrets
from loyalty_desktop.core.errors import LoyaltyError, user_message, wait_message
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.destinations.base import AccountInfo
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.store.store import RejectedRow, RunRecord
from loyalty_desktop.sync import lock as sync_lock
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus, RunSummary
from loyalty_desktop.sync.segments import SegmentReport, segment_report
from loyalty_desktop.ui import i18n, store_problem
from loyalty_desktop.ui.confirm_live import LiveEventsBox
from loyalty_desktop.ui.kit_panel import KitPanel
from loyalty_desktop.ui.phases import phase_name
from loyalty_desktop.ui.run_dialog import RunDialog
from loyalty_desktop.ui.runs_model import RunsModel, format_duration, local_datetime
from loyalty_desktop.ui.segments_view import SegmentsView
from loyalty_desktop.ui.sync_runner import SyncRunner
from loyalty_desktop.ui.tasks import TaskManager

log = logging.getLogger(__name__)

AUTO_SYNC_CHOICES = (0, 1, 2, 6, 12, 24)  # hours; 0 = off
RUNS_SHOWN = 50
_TRAY_WARNING = QSystemTrayIcon.MessageIcon.Warning



def source_options(settings: Settings) -> argparse.Namespace:
    """What service targets and sources expect (the CLI's option names), from the saved settings."""
    o: dict[str, Any] = dict(members="500", seed=42, ledger=None, source_base_url=None, base_url=None,
                             create_fields=False, create_missing=False, remote_diff=False, backfill=False,
                             preset=None)
    o.update(settings.source_options)
    return argparse.Namespace(**o)


def target_name(settings: Settings) -> str:
    if settings.target:
        return settings.target
    platform = settings.platform or "klaviyo"
    return f"{platform}-sandbox" if settings.demo else platform


def _value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# ------------------------------------------------------------------------------------------------
# The main window


class MainWindow(QMainWindow):
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
        self.connection: service.Connection | None = connection
        self._target_name = target_name(settings)
        self._health: tuple[str, str] = ("ok", "") if connection is not None else ("idle", "")
        self._verified_at: datetime | None = clocks.local_now() if connection is not None else None
        self._key_mask: str | None = None
        self._key_where: str | None = None
        self._busy_verify = False
        self._shown_once = False
        self._closed = False
        self._sync_stage = "idle"  # idle | opening | running
        self._sync_automatic = False
        self._sync_confirmed = False
        self.confirm_box: LiveEventsBox | None = None  # open while asking about too many live events
        self._open_cancel: CancelToken | None = None
        self._source: service.OpenSource | None = None
        self._last_summary: RunSummary | None = None
        self._last_message = ""
        self._last_progress: Progress | None = None
        self._report: SegmentReport | None = None
        self._refreshing = False
        self._refresh_again = False
        self._store_question_asked = False  # once per window: the user said no, do not nag
        self._next_auto: datetime | None = None
        self._tray: Any = None
        self._sync_after_connect = False  # an automatic sync is waiting for the connection
        self.run_dialog: RunDialog | None = None

        self.runner = SyncRunner(self)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.auto_timer = QTimer(self)
        self.auto_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.auto_timer.timeout.connect(self._auto_sync_due)

        self._build()
        self.retranslate()
        self._restore_geometry()
        self._apply_auto_sync(save=False)
        self._update_state()
        self.refresh()

    # -- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        style = self.style()
        central = QWidget(self)
        root = QVBoxLayout(central)

        # Connection panel
        self.connection_box = QGroupBox()
        form = QFormLayout(self.connection_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.platform_caption, self.platform_value = QLabel(), _value_label()
        self.account_caption, self.account_value = QLabel(), _value_label()
        self.key_caption, self.key_value = QLabel(), _value_label()
        self.health_caption, self.health_value = QLabel(), QLabel()
        self.health_value.setWordWrap(True)
        self.health_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.platform_caption, self.platform_value)
        form.addRow(self.account_caption, self.account_value)
        form.addRow(self.key_caption, self.key_value)
        form.addRow(self.health_caption, self.health_value)
        self.verify_button = QPushButton()
        self.verify_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.verify_button.clicked.connect(self.verify_again)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        form.addRow(row)

        # Sync panel
        self.sync_box = QGroupBox()
        sync_lay = QVBoxLayout(self.sync_box)
        self.last_sync_label = QLabel()
        self.last_sync_label.setWordWrap(True)
        self.sync_button = QPushButton()
        self.sync_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.cancel_button = QPushButton()
        self.cancel_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.auto_label = QLabel()
        self.auto_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        sync_lay.addWidget(self.last_sync_label)
        sync_lay.addLayout(buttons)
        sync_lay.addWidget(self.auto_label)
        sync_lay.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.connection_box, 3)
        top.addWidget(self.sync_box, 2)
        root.addLayout(top)

        # Tabs
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        root.addWidget(self.tabs, 1)

        # Runs tab
        self.runs_page = QWidget()
        runs_lay = QVBoxLayout(self.runs_page)
        self.runs_model = RunsModel(self)
        self.runs_view = QTableView()
        self.runs_view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.runs_view.setModel(self.runs_model)
        self.runs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.runs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs_view.setAlternatingRowColors(True)
        self.runs_view.setTabKeyNavigation(False)  # Tab leaves the table (keyboard users)
        self.runs_view.verticalHeader().hide()
        header = self.runs_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.runs_view.activated.connect(self._run_activated)  # double-click, or Enter
        self.runs_view.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        self.runs_empty = QLabel()
        self.runs_empty.setWordWrap(True)
        self.open_run_button = QPushButton()
        self.open_run_button.clicked.connect(self.open_selected_run)
        runs_buttons = QHBoxLayout()
        runs_buttons.addWidget(self.runs_empty, 1)
        runs_buttons.addWidget(self.open_run_button)
        runs_lay.addWidget(self.runs_view, 1)
        runs_lay.addLayout(runs_buttons)
        self.tabs.addTab(self.runs_page, "")

        # Segments tab
        self.segments_page = SegmentsView()
        self.segments_header, self.chart = self.segments_page.header, self.segments_page.chart
        self.tabs.addTab(self.segments_page, "")

        # Klaviyo kit tab (Klaviyo only): segments, templates and draft flows made in the account
        self.kit_panel: KitPanel | None = None
        if self._platform() == "klaviyo":
            self.kit_panel = KitPanel(self.tasks, lambda: self.connection, self.mapping, busy=self._kit_busy)
            self.kit_panel.started.connect(self._update_state)
            self.kit_panel.finished.connect(lambda _r: self._update_state())
            self.tabs.addTab(self.kit_panel, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        # Settings tab
        self.settings_page = QWidget()
        s_outer = QVBoxLayout(self.settings_page)
        s_box = QWidget()
        s_box.setMaximumWidth(820)
        s_form = QFormLayout(s_box)
        s_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        s_form.setVerticalSpacing(10)
        s_outer.addWidget(s_box)
        s_outer.addStretch(1)

        def at_size(*widgets: QWidget, note: QLabel | None = None) -> QWidget:
            """Widgets at their natural width (a combo box across the whole window reads badly)."""
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            row = QHBoxLayout()
            for w in widgets:
                row.addWidget(w)
            row.addStretch(1)
            lay.addLayout(row)
            if note is not None:
                note.setWordWrap(True)
                lay.addWidget(note)
            return box
        self.language_caption = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.addItem("", "")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self.settings.language)))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.language_caption.setBuddy(self.language_combo)
        self.language_combo.setMinimumContentsLength(18)
        s_form.addRow(self.language_caption, at_size(self.language_combo))

        self.auto_caption = QLabel()
        self.auto_combo = QComboBox()
        for hours in AUTO_SYNC_CHOICES:
            self.auto_combo.addItem("", hours)
        hours = self.settings.auto_sync_hours
        if hours and self.auto_combo.findData(hours) < 0:
            self.auto_combo.addItem("", hours)
        self.auto_combo.setCurrentIndex(max(0, self.auto_combo.findData(hours)))
        self.auto_combo.currentIndexChanged.connect(lambda _i: self._apply_auto_sync())
        self.auto_caption.setBuddy(self.auto_combo)
        self.auto_combo.setMinimumContentsLength(18)
        self.auto_note = QLabel()
        s_form.addRow(self.auto_caption, at_size(self.auto_combo, note=self.auto_note))

        self.folder_caption = QLabel()
        self.folder_edit = QLineEdit(str(paths.data_dir()))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setCursorPosition(0)
        self.folder_button = QPushButton()
        self.folder_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.folder_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        self.folder_caption.setBuddy(self.folder_edit)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        folder_box = QVBoxLayout()
        folder_box.setSpacing(2)
        folder_box.addLayout(folder_row)
        folder_box.addWidget(self.folder_note)
        s_form.addRow(self.folder_caption, folder_box)

        self.key_settings_caption = QLabel()
        self.key_settings_value = QLabel()
        self.forget_button = QPushButton()
        self.forget_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.forget_button.clicked.connect(self.forget_key)
        self.key_settings_caption.setBuddy(self.forget_button)
        s_form.addRow(self.key_settings_caption, at_size(self.key_settings_value, self.forget_button))
        self.tabs.addTab(self.settings_page, "")

        self.setCentralWidget(central)

        # Status area
        bar = self.statusBar()
        self.status_label = QLabel()
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar()
        self.progress_bar.setFixedWidth(220)
        self.progress_bar.setTextVisible(True)
        self.rate_label = QLabel()
        self.eta_label = QLabel()
        for label in (self.rate_label, self.eta_label):
            label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.rate_label)
        bar.addPermanentWidget(self.eta_label)
        bar.addPermanentWidget(self.progress_bar)
        for w in (self.progress_bar, self.rate_label, self.eta_label):
            w.hide()

        self.setTabOrder(self.verify_button, self.sync_button)
        self.setTabOrder(self.sync_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.tabs)

    # -- texts --------------------------------------------------------------------------------

    def platform_label(self) -> str:
        try:
            return str(service.target(self._target_name).label)
        except Exception:  # noqa: BLE001 - a target missing from this version still gets a name
            return (self.settings.platform or "?").capitalize()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty Desktop"))
        self.connection_box.setTitle(self.tr("Connection"))
        self.platform_caption.setText(self.tr("Platform:"))
        self.account_caption.setText(self.tr("Account:"))
        self.key_caption.setText(self.tr("API key:"))
        self.health_caption.setText(self.tr("Health:"))
        self.verify_button.setText(self.tr("&Verify again"))
        self.verify_button.setToolTip(self.tr("Check the key with the platform again"))
        self.sync_box.setTitle(self.tr("Sync"))
        self.sync_button.setText(self.tr("&Sync now"))
        self.sync_button.setToolTip(self.tr("Send what changed in the loyalty program since the last sync"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the sync; the next one resumes where it stopped"))
        self.tabs.setTabText(0, self.tr("&Last runs"))
        self.tabs.setTabText(1, self.tr("Se&gments"))
        if self.kit_panel is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.kit_panel), self.tr("Klaviyo k&it"))
        self.tabs.setTabText(self.tabs.indexOf(self.settings_page), self.tr("Se&ttings"))
        self.runs_view.setAccessibleName(self.tr("Sync history"))
        self.runs_view.setAccessibleDescription(self.tr("One row per sync, newest first. Press Enter to see a "
                                                        "run's rejected rows."))
        self.runs_empty.setText(self.tr("Double-click a run, or select it and press Enter, to see its "
                                        "rejected rows."))
        self.open_run_button.setText(self.tr("&Rejected rows…"))
        self.open_run_button.setAccessibleName(self.tr("Show the rejected rows of the selected run"))
        self.language_caption.setText(self.tr("La&nguage:"))
        self.language_combo.setItemText(0, self.tr("Same as the computer"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.auto_caption.setText(self.tr("&Automatic sync:"))
        self.auto_combo.setAccessibleName(self.tr("Automatic sync"))
        self.auto_note.setText(self.tr("Runs while Loyalty Desktop is open. If a run fails, a notification says "
                                       "so."))
        self.folder_note.setText(self.tr("The local copy of your loyalty data and the sync history. API keys are "
                                         "never stored there."))
        for i in range(self.auto_combo.count()):
            self.auto_combo.setItemText(i, self._auto_choice_text(int(self.auto_combo.itemData(i))))
        self.folder_caption.setText(self.tr("&Data folder:"))
        self.folder_edit.setAccessibleName(self.tr("Data folder"))
        self.folder_button.setText(self.tr("&Open"))
        self.folder_button.setAccessibleName(self.tr("Open the data folder"))
        self.key_settings_caption.setText(self.tr("API &key:"))
        self.forget_button.setText(self.tr("&Forget key…"))
        self.forget_button.setAccessibleName(self.tr("Forget the API key"))
        self.progress_bar.setAccessibleName(self.tr("Sync progress"))
        self.status_label.setAccessibleName(self.tr("Sync status"))
        self.runs_model.retranslate()
        if self._tray is not None:
            self._tray.setToolTip(self.tr("Loyalty Desktop"))
            self._retranslate_tray_menu()
        self._show_connection()
        self._show_last_sync()
        self._show_auto()
        if self._last_progress is not None and self._sync_stage == "running":
            self._on_progress(self._last_progress)
        elif self._sync_stage == "opening":
            self.status_label.setText(self.tr("Opening the loyalty data…"))
        else:
            self.status_label.setText(self._last_message or self.tr("Ready"))

    def _auto_choice_text(self, hours: int) -> str:
        if hours == 0:
            return self.tr("Off")
        if hours == 1:
            return self.tr("Every hour")
        return self.tr("Every {hours} hours").format(hours=hours)

    def _show_connection(self) -> None:
        demo = self.settings.demo or self._target_name.endswith("-sandbox")
        label = self.platform_label()
        self.platform_value.setText(self.tr("{platform} — offline demo (sandbox on this computer)").format(
            platform=label) if demo else label)
        conn = self.connection
        if conn is not None:
            info = conn.account
            self.account_value.setText(self.tr("{name} (test account)").format(name=info.name)
                                       if info.test_account else info.name)
        else:
            self.account_value.setText("–")
        if demo:
            key_text = self.tr("Demo key (nothing stored)")
        elif self._key_mask:
            key_text = self._key_mask
        else:
            key_text = "–"
        self.key_value.setText(key_text)
        if demo:
            where = self.tr("Demo mode: no key is stored.")
        elif self._key_mask and self._key_where:
            where = self.tr("{key}, saved in {where}").format(key=self._key_mask, where=self._key_where)
        elif self._key_mask:
            where = self._key_mask
        else:
            where = self.tr("No key stored")
        self.key_settings_value.setText(where)
        state, detail = self._health
        if state == "connecting":
            text = self.tr("Connecting…")
        elif state == "verifying":
            text = self.tr("Verifying…")
        elif state == "ok":
            when = QLocale().toString(local_datetime(self._verified_at or clocks.local_now()),
                                      QLocale.FormatType.ShortFormat)
            text = "✓ " + self.tr("Connected · verified {when}").format(when=when)
        elif state == "nokey":
            text = "✗ " + self.tr("No key stored for {platform}. Run the setup again to connect.").format(
                platform=label)
        elif state == "error":
            text = "✗ " + detail
        else:
            text = self.tr("Not connected yet")
        self.health_value.setText(text)

    def _show_last_sync(self) -> None:
        runs = self.runs_model.runs()
        if not runs:
            self.last_sync_label.setText(self.tr("No sync yet."))
            return
        last = runs[0]
        when = QLocale().toString(local_datetime(last.started_at), QLocale.FormatType.ShortFormat)
        c = last.counts
        text = self.tr("Last sync: {when} · {status}").format(when=when,
                                                              status=self.runs_model.status_text(last.status))
        if c:
            text += "\n" + self.tr("{sent} contacts sent · {unchanged} unchanged · {rejected} rejected").format(
                sent=QLocale().toString(int(c.get("profiles_sent", 0))),
                unchanged=QLocale().toString(int(c.get("unchanged", 0))),
                rejected=QLocale().toString(int(c.get("rejected", 0))))
        self.last_sync_label.setText(text)

    def _show_auto(self) -> None:
        hours = int(self.auto_combo.currentData() or 0)
        if not hours:
            self.auto_label.setText(self.tr("Automatic sync: off (see Settings)"))
        elif self._next_auto is not None:
            when = QLocale().toString(local_datetime(self._next_auto), QLocale.FormatType.ShortFormat)
            self.auto_label.setText(self.tr("Next automatic sync: {when}").format(when=when))
        else:
            self.auto_label.setText(self._auto_choice_text(hours))

    # -- state --------------------------------------------------------------------------------

    def _update_state(self) -> None:
        syncing = self._sync_stage != "idle"
        kit = self.kit_panel is not None and self.kit_panel.running  # it uses the connection too
        connected = self.connection is not None and self._health[0] == "ok"
        self.sync_button.setEnabled(connected and not syncing and not kit)
        self.cancel_button.setEnabled(syncing)
        self.verify_button.setEnabled(not syncing and not kit and not self._busy_verify)
        demo = self.settings.demo or self._target_name.endswith("-sandbox")
        self.forget_button.setEnabled(not demo and bool(self._key_mask) and not syncing)
        self.open_run_button.setEnabled(self.runs_view.selectionModel().hasSelection())
        if self._tray is not None:
            self._tray_sync_action.setEnabled(connected and not syncing)

    @property
    def syncing(self) -> bool:
        return self._sync_stage != "idle"

    # -- connection ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.verify_again if self.connection is None else self._load_key_info)

    def _platform(self) -> str:
        if self.settings.platform:
            return self.settings.platform
        try:
            return str(service.target(self._target_name).platform)
        except Exception:  # noqa: BLE001
            return self._target_name.split("-")[0]

    def _load_key_info(self) -> None:
        platform = self._platform()

        def work() -> tuple[str | None, str | None]:
            key = secrets.load(platform)
            return (secrets.mask(key) if key else None), (secrets.backend_label() if key else None)

        self.tasks.run(work, self._key_info_loaded)

    def _key_info_loaded(self, fut: Future[tuple[str | None, str | None]]) -> None:
        if self._closed:
            return
        try:
            self._key_mask, self._key_where = fut.result()
        except Exception:  # a broken keyring only means we cannot show the mask
            log.info("could not read the key for display", exc_info=True)
            self._key_mask, self._key_where = None, None
        self._show_connection()
        self._update_state()

    @Slot()
    def verify_again(self) -> None:
        """Check the key with the platform (connecting first when there is no connection yet)."""
        if self._busy_verify or self.syncing or self._closed:
            return
        self._busy_verify = True
        conn = self.connection
        platform = self._platform()
        demo = self.settings.demo or self._target_name.endswith("-sandbox")
        name = self._target_name
        options = source_options(self.settings)
        self._health = ("verifying", "") if conn is not None else ("connecting", "")

        def work() -> tuple[service.Connection | None, AccountInfo | None, str | None, str | None]:
            key = secrets.load(platform)
            mask = secrets.mask(key) if key else None
            where = secrets.backend_label() if key else None
            if conn is not None:
                conn.dest.http.cancel = CancelToken()  # an earlier cancelled sync must not stick
                return None, conn.dest.verify(), mask, where
            if not key and not demo:
                return None, None, None, None
            return service.target(name).connect(key, options, CancelToken()), None, mask, where

        self._show_connection()
        self._update_state()
        self.tasks.run(work, self._verified)

    def _verified(self, fut: Future[Any]) -> None:
        self._busy_verify = False
        auto, self._sync_after_connect = self._sync_after_connect, False
        try:
            new_conn, info, mask, where = fut.result()
        except Exception as exc:  # noqa: BLE001 - shown to the user in plain words
            if self._closed:
                return
            message = user_message(exc, self.platform_label(), tr=i18n.translate_core)
            self._health = ("error", message)
            self._show_connection()
            self._update_state()
            self.connectionChanged.emit(False)
            if auto:  # nobody may be watching: say that the automatic sync could not run
                self.notify_failure(message)
                self.syncFailed.emit(message)
            return
        if self._closed:
            if new_conn is not None:
                new_conn.close()
            return
        self._key_mask, self._key_where = mask, where
        if new_conn is not None:
            self.connection = new_conn
        elif info is not None and self.connection is not None:
            self.connection.account = info
        if self.connection is None:
            self._health = ("nokey", "")
        else:
            self._health = ("ok", "")
            self._verified_at = clocks.local_now()
        self._show_connection()
        self._update_state()
        self.connectionChanged.emit(self.connection is not None)
        if auto and self.connection is not None:
            self.sync_now(automatic=True)
        elif auto:
            message = self.health_value.text().lstrip("✗ ")
            self.notify_failure(message)
            self.syncFailed.emit(message)

    # -- sync ---------------------------------------------------------------------------------

    def mapping(self) -> Mapping:
        if self.settings.mapping:
            return Mapping.from_json(self.settings.mapping)
        return service.mapping_for(service.target(self._target_name).default_preset)

    @Slot()
    def sync_now(self, automatic: bool = False, confirmed: bool = False) -> bool:
        """Start a sync; returns False when one is running or there is no connection. `confirmed`:
        the user agreed to send the live events the previous run stopped on."""
        if self.syncing or self.connection is None or self._busy_verify or self._closed \
                or (self.kit_panel is not None and self.kit_panel.running):
            return False
        elsewhere = self._other_sync()
        if elsewhere is not None:  # e.g. a command-line sync on the same data folder: say so, start nothing
            self._last_message = elsewhere
            self.status_label.setText(elsewhere)
            self.syncBlocked.emit(elsewhere)
            return False
        self._sync_stage = "opening"
        self._sync_automatic = automatic
        self._sync_confirmed = confirmed
        self._last_progress = None
        cancel = self._open_cancel = CancelToken()
        name = self.settings.source or "demo"
        options = source_options(self.settings)
        self.status_label.setText(self.tr("Opening the loyalty data…"))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.rate_label.hide()
        self.eta_label.hide()
        self._update_state()
        self.syncStarted.emit(automatic)
        self.tasks.run(lambda: service.source_factory(name).open(options, cancel), self._source_opened)
        return True

    def _other_sync(self) -> str | None:
        """The message to show when another process syncs this data folder now (None: free).
        A quick, non-blocking look; the sync itself takes the lock in service.sync."""
        try:
            busy = sync_lock.is_busy(paths.store_path())
        except LoyaltyError as exc:  # e.g. a read-only data folder: the sync could not run either
            return user_message(exc, tr=i18n.translate_core)
        return None if busy is None else user_message(busy, tr=i18n.translate_core)

    def _source_opened(self, fut: Future[service.OpenSource]) -> None:
        try:
            src = fut.result()
        except Exception as exc:  # noqa: BLE001
            if self._closed:
                return
            if self._open_cancel is not None and self._open_cancel.cancelled:
                self._sync_ended(self.tr("Sync cancelled."))
                return
            message = user_message(exc, self.tr("the loyalty program"), tr=i18n.translate_core)
            self._sync_ended(self.tr("Sync failed: {error}").format(error=message), failed=message)
            return
        if self._closed or (self._open_cancel is not None and self._open_cancel.cancelled) \
                or self.connection is None:
            src.close()
            if not self._closed:
                self._sync_ended(self.tr("Sync cancelled."))
            return
        self._source = src
        self._sync_stage = "running"
        try:
            self.runner.start(self.connection, src, self.mapping(), confirmed=self._sync_confirmed)
        except Exception as exc:  # noqa: BLE001 - e.g. a mapping the settings no longer describe
            self._close_source()
            message = user_message(exc, self.platform_label(), tr=i18n.translate_core)
            self._sync_ended(self.tr("Sync failed: {error}").format(error=message), failed=message)
            return
        self.status_label.setText(self.tr("Sync started…"))
        self._update_state()

    @Slot()
    def cancel_sync(self) -> None:
        if self._sync_stage == "opening" and self._open_cancel is not None:
            self._open_cancel.cancel()
        elif self._sync_stage == "running":
            self.runner.cancel()
        else:
            return
        self.status_label.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        if p.wait is not None:  # a retry wait (429, 5xx, network): said beside the phase until it ends
            self.status_label.setText(phase_name(p.phase) + " — "
                                      + wait_message(p.wait, self.platform_label(), tr=i18n.translate_core))
            return
        self._last_progress = p
        loc = QLocale()
        phase = phase_name(p.phase)
        self.status_label.setText(phase)
        if p.total > 0 and p.phase not in (Phase.READING, Phase.DONE):
            self.progress_bar.setRange(0, p.total)
            self.progress_bar.setValue(min(p.done, p.total))
            self.progress_bar.setFormat(self.tr("{done} of {total}").format(done=loc.toString(p.done),
                                                                            total=loc.toString(p.total)))
        else:
            self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        if p.rate > 0:
            self.rate_label.setText(self.tr("{rate}/s").format(rate=loc.toString(round(p.rate))))
            self.rate_label.show()
        else:
            self.rate_label.hide()
        if p.eta_s is not None and p.done < p.total:
            self.eta_label.setText(self.tr("{time} left").format(time=format_duration(p.eta_s, precise=False)))
            self.eta_label.show()
        else:
            self.eta_label.hide()

    @Slot(object)
    def _on_finished(self, summary: RunSummary) -> None:
        self._close_source()
        self._last_summary = summary
        loc = QLocale()
        counts = self.tr("{sent} contacts sent, {events} events, {unchanged} unchanged, {rejected} rejected").format(
            sent=loc.toString(summary.profiles_sent), events=loc.toString(summary.events_sent),
            unchanged=loc.toString(summary.unchanged), rejected=loc.toString(summary.rejected + summary.source_rejected))
        failed = None
        if summary.status is RunStatus.COMPLETED:
            text = self.tr("Sync finished in {time}: {counts}.").format(time=format_duration(summary.seconds),
                                                                       counts=counts)
        elif summary.status is RunStatus.COMPLETED_WITH_REJECTS:
            text = self.tr("Sync finished with rejected rows: {counts}. Open the run to see why.").format(
                counts=counts)
        elif summary.status is RunStatus.CANCELLED:
            text = self.tr("Sync cancelled; the next one resumes where it stopped.")
        elif summary.status is RunStatus.NEEDS_CONFIRMATION:
            text = self.tr("Sync stopped before sending anything: {count} live events wait for your "
                           "confirmation.").format(count=loc.toString(summary.live_events_total))
        else:
            failed = printable(summary.error) if summary.error else self.tr("unknown error")
            text = self.tr("Sync failed: {error}").format(error=failed)
        self._sync_ended(text, failed=failed)
        if summary.status is RunStatus.NEEDS_CONFIRMATION:
            self._ask_confirmation(summary)
        self.syncFinished.emit(summary)

    def _ask_confirmation(self, summary: RunSummary) -> None:
        """A run stopped on too many live events: ask (an automatic sync says so in the tray and
        waits for the user's next Sync now, which asks)."""
        if self._sync_automatic:
            if self._tray is not None:
                self._tray.showMessage(self.tr("Loyalty Desktop: sync waiting for you"), self.status_label.text()
                                       + " " + self.tr("Open the window and click Sync now."), _TRAY_WARNING, 15_000)
            return
        box = self.confirm_box = LiveEventsBox(self, summary, self.platform_label())
        box.answered.connect(self._confirmation_answered)
        box.open()

    @Slot(bool)
    def _confirmation_answered(self, send: bool) -> None:
        self.confirm_box = None
        if send:
            self.sync_now(confirmed=True)
        else:
            self.status_label.setText(self.tr("Nothing sent. The live events will be asked about again at the next "
                                              "sync."))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._close_source()
        self._sync_ended(self.tr("Sync failed: {error}").format(error=message), failed=message)

    def _close_source(self) -> None:
        if self._source is not None:
            try:
                self._source.close()
            except Exception:  # closing must not hide the run's outcome
                log.info("closing the source failed", exc_info=True)
            self._source = None

    def _sync_ended(self, text: str, failed: str | None = None) -> None:
        self._sync_stage = "idle"
        self._open_cancel = None
        self._last_progress = None
        self._last_message = text
        self.status_label.setText(text)
        for w in (self.progress_bar, self.rate_label, self.eta_label):
            w.hide()
        self._update_state()
        if failed is not None:
            self.notify_failure(failed)
            self.syncFailed.emit(failed)
        self.refresh()

    def notify_failure(self, message: str) -> None:
        """A run failed: say so in the tray (when there is one), so an unattended sync is noticed."""
        if self._tray is not None:
            self._tray.showMessage(self.tr("Loyalty Desktop: sync failed"), message, _TRAY_WARNING, 15_000)

    # -- automatic sync and tray --------------------------------------------------------------

    def _apply_auto_sync(self, save: bool = True) -> None:
        hours = int(self.auto_combo.currentData() or 0)
        if save and hours != self.settings.auto_sync_hours:
            self.settings.auto_sync_hours = hours
            self.settings.save()
        if hours:
            self.auto_timer.start(hours * 3_600_000)
            self._next_auto = clocks.local_now().replace(microsecond=0) + timedelta(hours=hours)
            self._ensure_tray()
        else:
            self.auto_timer.stop()
            self._next_auto = None
            self._drop_tray()
        self._show_auto()

    @Slot()
    def _auto_sync_due(self) -> None:
        hours = int(self.auto_combo.currentData() or 0)
        self._next_auto = clocks.local_now().replace(microsecond=0) + timedelta(hours=hours) if hours else None
        self._show_auto()
        if self.syncing:
            log.info("automatic sync skipped: a sync is running")
        elif (elsewhere := self._other_sync()) is not None:
            log.info("automatic sync skipped: %s", elsewhere)
            self.status_label.setText(elsewhere)
        elif self.connection is None or self._health[0] == "error":
            # Not connected (no network at launch, the key failed): try again, then sync.
            self._sync_after_connect = True
            if not self._busy_verify:
                self.verify_again()
        elif not self.sync_now(automatic=True):
            self._sync_after_connect = True  # a verification is under way: sync once it ends

    def _ensure_tray(self) -> None:
        if self._tray is not None or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        icon = self.windowIcon()
        if icon.isNull():
            icon = QApplication.windowIcon()
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        tray = QSystemTrayIcon(icon, self)
        menu = QMenu(self)
        self._tray_show_action = menu.addAction("")
        self._tray_show_action.triggered.connect(self._raise_from_tray)
        self._tray_sync_action = menu.addAction("")
        self._tray_sync_action.triggered.connect(lambda: self.sync_now())
        tray.setContextMenu(menu)
        tray.activated.connect(self._tray_activated)
        self._tray_menu = menu
        self._tray = tray
        tray.setToolTip(self.tr("Loyalty Desktop"))
        self._retranslate_tray_menu()
        tray.show()
        self._update_state()

    def _retranslate_tray_menu(self) -> None:
        self._tray_show_action.setText(self.tr("Show Loyalty Desktop"))
        self._tray_sync_action.setText(self.tr("Sync now"))

    def _drop_tray(self) -> None:
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._raise_from_tray()

    def _raise_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- runs and segments --------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Re-read the run history and count the segments (in the background)."""
        if self._closed:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True

        def work() -> tuple[list[RunRecord], SegmentReport]:
            with service.open_store() as store:
                return store.runs(RUNS_SHOWN), segment_report(store)

        self.tasks.run(work, self._refreshed)

    def _refreshed(self, fut: Future[tuple[list[RunRecord], SegmentReport]]) -> None:
        self._refreshing = False
        if self._closed:
            return
        try:
            runs, report = fut.result()
        except Exception as exc:  # noqa: BLE001 - e.g. a store written by a newer version
            self._last_message = self.tr("Could not read the sync history: {error}").format(
                error=user_message(exc, tr=i18n.translate_core))
            self.status_label.setText(self._last_message)
            if store_problem.can_set_aside(exc) and not self._store_question_asked:
                self._store_question_asked = True
                QTimer.singleShot(0, lambda e=exc: store_problem.offer_set_aside(  # type: ignore[misc]
                    self, self.tasks, e, self._store_set_aside))
        else:
            selected = self.selected_run()
            self.runs_model.set_runs(runs)
            if selected is not None:
                for row, r in enumerate(runs):
                    if r.id == selected.id:
                        self.runs_view.selectRow(row)
            self._report = report
            self._show_last_sync()
            self.segments_page.set_report(report)
            self._update_state()
            self.runsUpdated.emit()
            self.segmentsUpdated.emit(report)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _store_set_aside(self, message: str) -> None:
        if self._closed:
            return
        self._last_message = message
        self.status_label.setText(message)
        self.storeSetAside.emit(message)
        self.refresh()

    def selected_run(self) -> RunRecord | None:
        rows = self.runs_view.selectionModel().selectedRows()
        return self.runs_model.run_at(rows[0].row()) if rows else None

    @Slot(QModelIndex)
    def _run_activated(self, index: QModelIndex) -> None:
        run = self.runs_model.run_at(index.row())
        if run is not None:
            self.open_run(run)

    @Slot()
    def open_selected_run(self) -> None:
        run = self.selected_run()
        if run is not None:
            self.open_run(run)

    def open_run(self, run: RunRecord) -> None:
        """Show the run's rejected rows (read in the background) in a dialog."""
        def work() -> list[RejectedRow]:
            with service.open_store() as store:
                return store.rejected_rows(run.id)

        def done(fut: Future[list[RejectedRow]]) -> None:
            if self._closed:
                return
            try:
                rows = fut.result()
            except Exception as exc:  # noqa: BLE001
                self.status_label.setText(user_message(exc, tr=i18n.translate_core))
                return
            if self.run_dialog is not None:
                self.run_dialog.close()
                self.run_dialog.deleteLater()
            self.run_dialog = RunDialog(run, rows, self.runs_model.status_text(run.status), self)
            self.run_dialog.open()

        self.tasks.run(work, done)

    # -- settings -----------------------------------------------------------------------------

    def _language_chosen(self, _index: int) -> None:
        code = str(self.language_combo.currentData() or "")
        if code == self.settings.language:
            return
        self.settings.language = code
        self.settings.save()
        i18n.install(code)  # every widget gets a LanguageChange event and re-reads its texts

    @Slot()
    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir())))

    @Slot()
    def forget_key(self) -> bool:
        """Ask, then remove the key from the keyring and disconnect. Returns True if forgotten."""
        platform = self._platform()
        label = self.platform_label()
        answer = QMessageBox.question(
            self, self.tr("Forget the {platform} key?").format(platform=label),
            self.tr("The key will be removed from {where}. Syncing will stop until you run the setup again "
                    "and paste a key. Your data in {platform} is not touched.").format(
                where=self._key_where or self.tr("this computer"), platform=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        secrets.forget(platform)
        self._key_mask, self._key_where = None, None
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self._health = ("nokey", "")
        self._last_message = self.tr("The {platform} key was forgotten.").format(platform=label)
        self.status_label.setText(self._last_message)
        self._show_connection()
        self._update_state()
        self.connectionChanged.emit(False)
        self.keyForgotten.emit(platform)
        return True

    # -- window -------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        raw = self.settings.window_geometry
        if raw and self.restoreGeometry(QByteArray.fromBase64(raw.encode("ascii"))):
            return
        self.resize(1040, 720)

    def save_geometry(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.settings.save()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
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

    # -- Klaviyo kit --------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        # The kit lists its items when first shown (it reads the store and renders the templates).
        if self.kit_panel is not None and self.tabs.widget(index) is self.kit_panel and not self.kit_panel.plan:
            self.kit_panel.replan()

    def _kit_busy(self) -> str:
        return self.tr("A sync is running: make the kit once it has finished.") if self.syncing else ""

    def shutdown(self) -> None:
        """Stop everything this window runs: timer, sync, kit, tray, connection; remember the size."""
        if self._closed:
            return
        self.save_geometry()
        self._closed = True
        if self.kit_panel is not None:
            self.kit_panel.cancel()
            self.kit_panel.wait()
        self.auto_timer.stop()
        if self._open_cancel is not None:
            self._open_cancel.cancel()
        self.runner.cancel()
        self.runner.wait(15_000)
        self._close_source()
        self._drop_tray()
        if self.run_dialog is not None:
            self.run_dialog.close()
        if self.connection is not None:
            self.connection.close()
            self.connection = None
