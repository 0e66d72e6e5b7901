"""The Settings tab's automatic-sync row: off, every day at HH:MM, or every N hours (saved at once),
and "Start Loyalty Desktop when I log in" (hidden in the tray)."""

from __future__ import annotations

import logging
from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.core.errors import user_message
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.schedule.model import Cadence, Schedule
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main import os_hooks
from loyalty_desktop.ui.main.auto_sync import save_schedule, schedule_of

log = logging.getLogger(__name__)
OFF, DAILY, EVERY = 0, 1, 2


class ScheduleBox(QWidget):
    scheduleChanged = Signal(object)  # schedule.model.Schedule (already saved)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.caption = QLabel()
        self.mode = QComboBox()
        self.mode.addItems(["", "", ""])
        self.at = QTimeEdit()
        self.at.setDisplayFormat("HH:mm")
        self.hours = QSpinBox()
        self.hours.setRange(1, 168)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.login = QCheckBox()
        row = QHBoxLayout()
        for w in (self.mode, self.at, self.hours):
            row.addWidget(w)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.note)
        lay.addWidget(self.login)
        self.caption.setBuddy(self.mode)
        self.show_schedule(schedule_of(settings))
        self.login.setChecked(os_hooks.HOOKS.autostart_enabled())
        self.login.setEnabled(os_hooks.HOOKS.autostart_available())
        self.mode.currentIndexChanged.connect(self._changed)
        self.at.timeChanged.connect(self._changed)
        self.hours.valueChanged.connect(self._changed)
        self.login.toggled.connect(self._login_toggled)

    def show_schedule(self, schedule: Schedule) -> None:
        """Show `schedule` without saving it again (e.g. turned on after the first sync)."""
        for w in (self.mode, self.at, self.hours):
            w.blockSignals(True)
        self.mode.setCurrentIndex(OFF if not schedule.enabled else DAILY if schedule.cadence is Cadence.DAILY
                                  else EVERY)
        self.at.setTime(QTime(schedule.daily_at.hour, schedule.daily_at.minute))
        self.hours.setValue(schedule.every_hours)
        for w in (self.mode, self.at, self.hours):
            w.blockSignals(False)
        self._show_parts()

    def schedule(self) -> Schedule:
        t = self.at.time()
        cadence = Cadence.EVERY_HOURS if self.mode.currentIndex() == EVERY else Cadence.DAILY
        return Schedule(self.mode.currentIndex() != OFF, cadence, time(t.hour(), t.minute()), self.hours.value())

    def retranslate(self) -> None:
        self.caption.setText(self.tr("&Automatic sync:"))
        self.mode.setAccessibleName(self.tr("Automatic sync"))
        self.mode.setItemText(OFF, self.tr("Off"))
        self.mode.setItemText(DAILY, self.tr("Every day at"))
        self.mode.setItemText(EVERY, self.tr("Every"))
        self.at.setAccessibleName(self.tr("Time of the daily sync"))
        self.hours.setSuffix(self.tr(" hours"))
        self.hours.setAccessibleName(self.tr("Hours between two syncs"))
        for spin in (self.at, self.hours):  # the editor inside says the same to a screen reader
            inner = spin.findChild(QLineEdit)
            if inner is not None:
                inner.setAccessibleName(spin.accessibleName())
        self.note.setText(self.tr("Runs while Loyalty Desktop is open, in its window or in the tray. A run missed "
                                  "while the computer was off or asleep runs as soon as it is back. If a run fails, "
                                  "a notification says so."))
        self.login.setText(self.tr("Start Loyalty Desktop when I log in (in the tray)"))
        if not self.login.isEnabled():
            self.login.setToolTip(self.tr("Not available in this version."))

    def _show_parts(self) -> None:
        self.at.setVisible(self.mode.currentIndex() == DAILY)
        self.hours.setVisible(self.mode.currentIndex() == EVERY)

    def _changed(self, *_args: object) -> None:
        self._show_parts()
        schedule = self.schedule()
        save_schedule(self.settings, schedule)
        self.scheduleChanged.emit(schedule)

    def _login_toggled(self, on: bool) -> None:
        try:
            os_hooks.HOOKS.set_autostart(on)
        except Exception as exc:
            log.info("start at login not changed", exc_info=True)
            QMessageBox.warning(self, self.tr("Start at login"),
                                self.tr("Could not change the start at login: {error}").format(
                                    error=user_message(exc, tr=i18n.translate_core)))
            self.login.blockSignals(True)
            self.login.setChecked(os_hooks.HOOKS.autostart_enabled())
            self.login.blockSignals(False)
