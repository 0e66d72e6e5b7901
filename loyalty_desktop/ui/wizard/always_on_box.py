"""The Done page's "always on" box: once the first sync succeeded, the daily sync is turned on (and
said, with where to change it; the demo keeps it off and says so), and start at login is proposed
(hidden in the tray; only where this version can register it)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from loyalty_desktop.core.settings import Settings
from loyalty_desktop.sync.engine import RunStatus, RunSummary
from loyalty_desktop.ui.main import os_hooks
from loyalty_desktop.ui.main.auto_sync import enable_by_default, schedule_of

log = logging.getLogger(__name__)
SUCCESS = (RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_REJECTS)


class AlwaysOnBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schedule_label = QLabel()
        self.schedule_label.setWordWrap(True)
        self.login = QCheckBox()
        self.login.toggled.connect(self._login_toggled)
        lay = QVBoxLayout(self)
        lay.addWidget(self.schedule_label)
        lay.addWidget(self.login)
        self._settings: Settings | None = None
        self._demo = False

    def first_sync_done(self, settings: Settings, summary: RunSummary | None, demo: bool) -> None:
        """The Done page is shown: turn the daily sync on after a successful first sync."""
        self._settings, self._demo = settings, demo
        ok = summary is not None and summary.status in SUCCESS
        if ok:
            enable_by_default(settings, demo)
        hooks = os_hooks.HOOKS
        self.login.setVisible(ok and not demo and hooks.autostart_available())
        self.login.blockSignals(True)
        self.login.setChecked(hooks.autostart_enabled())
        self.login.blockSignals(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Keeps itself up to date"))
        self.login.setText(self.tr("Start Loyalty Desktop when I log in (in the tray), so the daily sync never "
                                   "waits for me"))
        if self._settings is None:
            return
        schedule = schedule_of(self._settings)
        if self._demo:
            text = self.tr("Automatic sync is off in the demo. With your own account it runs every day by itself; "
                           "you choose when in Settings.")
        elif schedule.enabled:
            at = QLocale().toString(QTime(schedule.daily_at.hour, schedule.daily_at.minute),
                                    QLocale.FormatType.ShortFormat)
            text = (self.tr("Automatic sync is on: every day at {time}, while Loyalty Desktop runs (in its window "
                            "or the tray). Change it in Settings.").format(time=at)
                    if schedule.cadence.value == "daily"
                    else self.tr("Automatic sync is on: every {hours} hours. Change it in Settings.").format(
                        hours=schedule.every_hours))
        else:
            text = self.tr("Automatic sync is off. Turn it on in Settings to sync every day by itself.")
        self.schedule_label.setText(text)

    def _login_toggled(self, on: bool) -> None:
        try:
            os_hooks.HOOKS.set_autostart(on)
        except Exception:
            log.info("start at login not changed", exc_info=True)
            self.login.blockSignals(True)
            self.login.setChecked(os_hooks.HOOKS.autostart_enabled())
            self.login.blockSignals(False)
