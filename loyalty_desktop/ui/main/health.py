"""Health nobody can miss: a strip across the top of the main window (and the same lines in the
tray) with the last successful sync, the next run and what waits to be sent; a failed or missed run
with its reason and ONE thing to do; red after 48 hours without a successful sync."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyalty_desktop.core.errors import WrongKeyError, user_message
from loyalty_desktop.schedule import model
from loyalty_desktop.service_health import SyncHealth
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.runs_model import local_datetime


class Level(enum.Enum):
    OK = "ok"
    PENDING = "pending"  # changes wait in the outbox (a run stopped before sending them all)
    FAILED = "failed"  # the last attempt failed, or a run was missed
    STALE = "stale"  # no successful sync for 48 hours: red


class Action(enum.Enum):
    NONE = "none"
    REENTER_KEY = "reenter_key"  # the platform refused the key
    OPEN_RUN = "open_run"  # anything else: the run says what went wrong


@dataclass(frozen=True, slots=True)
class Problem:
    message: str  # user_message's sentence
    action: Action


def key_refused(message: str, platform_label: str) -> bool:
    """Whether a failure's message is the platform refusing the key (in either language)."""
    wrong = WrongKeyError("")
    return message in (user_message(wrong, platform_label), user_message(wrong, platform_label, tr=i18n.translate_core))


def problem_for(message: str, platform_label: str) -> Problem:
    return Problem(message, Action.REENTER_KEY if key_refused(message, platform_label) else Action.OPEN_RUN)


def is_stale(facts: SyncHealth | None, now: datetime, scheduled: bool) -> bool:
    """Red: 48 hours without success (or never, once the schedule is on and a run was tried)."""
    if facts is None:
        return False
    if facts.last_success is None and (not scheduled or facts.last_run is None):
        return False
    return model.is_stale(facts.last_success, now)


def level_of(facts: SyncHealth | None, problem: Problem | None, now: datetime, scheduled: bool) -> Level:
    if problem is not None:
        return Level.FAILED
    if is_stale(facts, now, scheduled):
        return Level.STALE
    if facts is not None and facts.pending:
        return Level.PENDING
    return Level.OK


_STYLE = {
    Level.OK: "QFrame#healthStrip { background: #e7f4ea; border: 1px solid #9cc9a6; border-radius: 4px; }",
    Level.PENDING: "QFrame#healthStrip { background: #fff4d6; border: 1px solid #e0c068; border-radius: 4px; }",
    Level.FAILED: "QFrame#healthStrip { background: #fde2e1; border: 1px solid #c81e1e; border-radius: 4px; }",
    Level.STALE: "QFrame#healthStrip { background: #fde2e1; border: 1px solid #c81e1e; border-radius: 4px; }",
}
_MARK = {Level.OK: "✓", Level.PENDING: "…", Level.FAILED: "✗", Level.STALE: "✗"}


class HealthStrip(QFrame):
    """See the module docstring. `show_state` re-reads everything; `actionRequested` carries the
    one `Action` the button offers."""

    actionRequested = Signal(object)  # Action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("healthStrip")
        self.mark = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.action_button = QPushButton()
        self.action: Action = Action.NONE
        self.action_button.clicked.connect(lambda: self.actionRequested.emit(self.action))
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.summary)
        text.addWidget(self.problem_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.mark)
        row.addLayout(text, 1)
        row.addWidget(self.action_button)
        self.level = Level.OK
        self.lines: list[str] = []
        self._state: tuple[SyncHealth | None, Problem | None, datetime | None, bool, bool, datetime] | None = None

    def show_state(self, facts: SyncHealth | None, problem: Problem | None, next_run: datetime | None,
                   scheduled: bool, offline: bool, now: datetime) -> None:
        self._state = (facts, problem, next_run, scheduled, offline, now)
        self.level = level_of(facts, problem, now, scheduled)
        loc = QLocale()

        def when(dt: datetime) -> str:
            return loc.toString(local_datetime(dt), QLocale.FormatType.ShortFormat)

        if facts is None or facts.last_success is None:
            last = self.tr("No successful sync yet")
        else:
            last = self.tr("Last successful sync: {when}").format(when=when(facts.last_success))
        if not scheduled:
            nxt = self.tr("Automatic sync: off")
        elif offline:
            nxt = self.tr("Next sync: waiting for the network")
        elif next_run is None:
            nxt = self.tr("Next sync: being planned")
        elif next_run <= now:
            nxt = self.tr("Next sync: now")
        else:
            nxt = self.tr("Next sync: {when}").format(when=when(next_run))
        pending = facts.pending if facts is not None else 0
        # "Not sent yet", as a run's figures say it (sync/run_counts.py): contacts and events apart.
        waiting = (self.tr("Not sent yet: {contacts} contacts, {events} events").format(
            contacts=loc.toString(facts.pending_profiles), events=loc.toString(facts.pending_events))
            if facts is not None and pending else self.tr("Nothing waiting to be sent"))
        self.lines = [last, nxt, waiting]
        self.summary.setText(" · ".join(self.lines))
        if problem is not None:
            detail, self.action = problem.message, problem.action
        elif self.level is Level.STALE:
            detail, self.action = self.tr("No successful sync for more than 48 hours: loyalty emails may go out "
                                          "with old points."), Action.OPEN_RUN
        else:
            detail, self.action = "", Action.NONE
        self.problem_label.setText(detail)
        self.problem_label.setVisible(bool(detail))
        self.action_button.setText(self.tr("Re-enter the key…") if self.action is Action.REENTER_KEY
                                   else self.tr("Open the run"))
        self.action_button.setVisible(self.action is not Action.NONE)
        self.mark.setText(_MARK[self.level])
        self.setStyleSheet(_STYLE[self.level])
        self.setAccessibleName(self.tr("Sync health"))
        self.setAccessibleDescription("\n".join([*self.lines, detail]))

    @property
    def red(self) -> bool:
        return self.level in (Level.FAILED, Level.STALE)

    def retranslate(self) -> None:
        if self._state is not None:
            self.show_state(*self._state)
