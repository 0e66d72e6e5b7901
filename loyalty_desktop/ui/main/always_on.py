"""What keeps the main window's promise when nobody watches it: the automatic sync (auto_sync),
the tray (tray), the health strip (health) and the notifications of a failed or missed run, plus
what closing the window means (to the tray where there is one; otherwise ask, since automatic
syncs stop). The window creates one `AlwaysOn` and hands it its close events."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTime, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QStyle

from loyalty_desktop import service_health
from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core import secrets
from loyalty_desktop.core.errors import user_message
from loyalty_desktop.service_health import SyncHealth
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main import os_hooks
from loyalty_desktop.ui.main.auto_sync import AutoSync, enable_by_default, schedule_of
from loyalty_desktop.ui.main.health import Action, HealthStrip, Problem, is_stale, problem_for
from loyalty_desktop.ui.main.network_watch import NetworkWatch
from loyalty_desktop.ui.runs_model import local_datetime

if TYPE_CHECKING:
    from loyalty_desktop.sync.engine import RunSummary
    from loyalty_desktop.ui.main.window import MainWindow

log = logging.getLogger(__name__)
TRAY_HINT = "tray_hint_shown"  # settings.extra: the "still running in the tray" notice was shown once
ANCHOR_STATES = {s.value for s in service_health.SCHEDULE_ANCHORS}


class AlwaysOn(QObject):
    quitRequested = Signal()  # the user chose Quit (tray menu, or the no-tray question): the app ends
    healthShown = Signal()  # the strip and the tray show fresh facts (tests wait for it)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        ctl = window.controller
        # The demo's sandboxes live on this computer: being offline does not stop them.
        self.network = None if ctl.demo else NetworkWatch(self)
        self.auto = AutoSync(self, busy=lambda: ctl.syncing or ctl.busy_verify, network=self.network)
        self.strip = HealthStrip()
        self.tray = window.tray
        self.facts: SyncHealth | None = None
        self.problem: Problem | None = None
        self._reading = self._again = False
        self._click = Action.NONE  # what clicking the last notification does
        self.clock_timer = QTimer(self)  # "next sync: now", 48 hours passing: re-read the time each minute
        self.clock_timer.setInterval(60_000)
        self.clock_timer.timeout.connect(self.show)
        self.clock_timer.start()
        self.auto.due.connect(ctl.sync_automatically)
        self.auto.missed.connect(self._missed)
        self.auto.changed.connect(self.show)
        ctl.finished.connect(self._finished)
        ctl.failed.connect(self._failed)
        ctl.blocked.connect(lambda _m: self.auto.run_ended(False))  # another program syncs: retry later
        self.strip.actionRequested.connect(self.act)
        self.tray.openRequested.connect(self.bring_forward)
        self.tray.quitRequested.connect(self.quit)
        self.tray.syncRequested.connect(self.sync_now)
        self.tray.messageClicked.connect(lambda: self.act(self._click))
        window.runsUpdated.connect(self.refresh)
        self.tray.ensure(self._icon())
        self.auto.apply(schedule_of(window.settings))
        # The facts are read once the window's first frame is on screen (window._start_background_work).

    @property
    def in_tray(self) -> bool:
        return self.tray.icon is not None

    # -- facts --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the last runs and the outbox (in the background), then show them."""
        if self.w.controller.closed:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        self.w.tasks.run(service_health.sync_health, self._read)

    def _read(self, fut: Future[SyncHealth]) -> None:
        self._reading = False
        if self.w.controller.closed:
            return
        try:
            self.facts = fut.result()
        except Exception:
            log.info("could not read the sync health", exc_info=True)
        else:
            self.auto.set_anchor(self.facts.schedule_anchor)
        self.show()
        if self._again:
            self._again = False
            self.refresh()

    def show(self) -> None:
        now = clocks.local_now()
        schedule = self.auto.schedule
        self.strip.show_state(self.facts, self.problem, self.auto.next_run(), schedule.enabled, self.auto.offline, now)
        self.tray.show_health(self.strip.lines, self.strip.red)
        self.w.sync_panel.show_auto(int(schedule.enabled), self.auto.next_run(), "")
        self.healthShown.emit()

    def stale(self) -> bool:
        return is_stale(self.facts, clocks.local_now(), self.auto.schedule.enabled)

    # -- runs ---------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """The tray's Sync now: also works while the window was never shown (started at login)."""
        ctl = self.w.controller
        if ctl.connection is None:
            ctl.sync_automatically()  # connects first, then syncs
        else:
            self.w.sync_now()

    def _finished(self, summary: RunSummary) -> None:
        if summary.status.value not in ANCHOR_STATES:
            return  # a failure: `failed` says it
        self.auto.run_ended(True)
        if summary.status.value in {s.value for s in service_health.SUCCESSES}:
            self.problem = None
            if enable_by_default(self.w.settings, self.w.controller.demo):
                self.schedule_turned_on()

    def schedule_turned_on(self) -> None:
        schedule = schedule_of(self.w.settings)
        self.auto.apply(schedule)
        settings_tab = self.w.built_settings_tab()  # not built yet: it shows the saved schedule when it is
        if settings_tab is not None:
            settings_tab.schedule_box.show_schedule(schedule)
        self.w.status.say(self.tr("Automatic sync is now on: every day at {time}. Change it in Settings.").format(
            time=QLocale().toString(QTime(schedule.daily_at.hour, schedule.daily_at.minute),
                                    QLocale.FormatType.ShortFormat)))

    def _failed(self, message: str) -> None:
        self.auto.run_ended(False)
        self.problem = problem_for(message, self.w.controller.platform_label())
        if self.auto.failures <= 1:  # the first failure of a streak; the strip keeps saying it after
            self._click = self.problem.action
            self.tray.notify_failure(message)
        self.refresh()

    def _missed(self, planned: datetime) -> None:
        when = QLocale().toString(local_datetime(planned), QLocale.FormatType.ShortFormat)
        self._notify(self.tr("Loyalty Desktop: a sync was missed"),
                     self.tr("The sync planned for {when} did not run (the computer was off or asleep). It runs "
                             "now.").format(when=when), Action.OPEN_RUN, warning=False)

    def _notify(self, title: str, message: str, action: Action, warning: bool = True) -> None:
        self._click = action
        if not self.tray.notify(title, message, warning):
            log.info("%s: %s", title, message)  # no tray: the strip at the top of the window says it

    # -- the one action -----------------------------------------------------------------------

    def act(self, action: Action) -> None:
        self.bring_forward()
        if action is Action.REENTER_KEY:
            self.reenter_key()
        elif action is Action.OPEN_RUN:
            w = self.w
            w.tabs.setCurrentWidget(w.runs_tab)
            runs = w.runs_tab.runs_model.runs()
            if runs:
                w.runs_tab.open_run(runs[0])

    def reenter_key(self) -> bool:
        ctl = self.w.controller
        key, ok = QInputDialog.getText(
            self.w, self.tr("Re-enter the {platform} key").format(platform=ctl.platform_label()),
            self.tr("{platform} refused the saved key. Paste a working API key:").format(
                platform=ctl.platform_label()), QLineEdit.EchoMode.Password)
        key = key.strip()
        if not ok or not key:
            return False
        try:
            secrets.save(ctl.platform(), key)
        except Exception as exc:  # noqa: BLE001 - e.g. no keyring: said plainly
            QMessageBox.warning(self.w, self.tr("Key not saved"), user_message(exc, tr=i18n.translate_core))
            return False
        if ctl.connection is not None:
            ctl.connection.close()
            ctl.connection = None
        ctl.verify_again()
        return True

    # -- window and app -----------------------------------------------------------------------

    def bring_forward(self) -> None:
        w = self.w
        w.showNormal()
        w.raise_()
        w.activateWindow()

    def start_hidden(self) -> None:
        """Started at login: stay in the tray, but connect (the window's first show would)."""
        QTimer.singleShot(0, self.w.controller.verify_again)

    def close_requested(self) -> bool:
        """The window's close button: True to close (and quit), False to keep running."""
        if self.in_tray:
            self.w.hide()
            settings = self.w.settings
            if not settings.extra.get(TRAY_HINT):
                settings.extra[TRAY_HINT] = True
                settings.save()
                self.tray.notify(self.tr("Loyalty Desktop keeps running"),
                                 self.tr("Automatic syncs go on from the tray. To stop them, choose Quit in the "
                                         "tray menu."), warning=False)
            return False
        if not self.auto.schedule.enabled:
            return True
        return self._ask_quit()

    def _ask_quit(self) -> bool:
        """No tray: closing ends automatic syncs. Ask, and offer the OS scheduler instead."""
        hooks = os_hooks.HOOKS
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit Loyalty Desktop?"),
                          self.tr("This desktop has no tray to keep Loyalty Desktop running, so automatic syncs stop "
                                  "when it closes."), QMessageBox.StandardButton.NoButton, self.w)
        quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.AcceptRole)
        os_button = None
        if hooks.os_schedule_available():
            os_button = box.addButton(self.tr("Let the &computer run them, then quit"),
                                      QMessageBox.ButtonRole.AcceptRole)
            box.setInformativeText(self.tr("The computer's scheduler can run the same sync without the app."))
        else:
            box.setInformativeText(self.tr("To keep them running, register them with the computer's scheduler: "
                                           "run `{command}` in a terminal.").format(command=os_hooks.SCHEDULE_COMMAND))
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(quit_button)
        box.exec()
        clicked = box.clickedButton()
        if os_button is not None and clicked is os_button:
            try:
                hooks.install_os_schedule(self.w.settings)
            except Exception as exc:  # noqa: BLE001 - said, and the app stays open
                QMessageBox.warning(self.w, self.tr("Not scheduled"), user_message(exc, tr=i18n.translate_core))
                return False
            return True
        return clicked is quit_button

    def quit(self) -> None:
        """The tray's Quit: stop a running sync safely (the controller cancels and waits), then end."""
        self.w.shutdown()
        self.w.close()
        self.quitRequested.emit()

    def shutdown(self) -> None:
        self.clock_timer.stop()
        self.auto.stop()
        self.tray.drop()

    def _icon(self) -> QIcon:
        icon = self.w.windowIcon()
        if icon.isNull():
            icon = QApplication.windowIcon()
        if icon.isNull():
            icon = self.w.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        return icon
