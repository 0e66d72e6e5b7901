"""The sync's options, each with one sentence saying what it does: Splio's "create missing contacts"
and "read current values first", "replay history" where the platform takes events, and in demo mode
"advance time by N days". Shown on the wizard's sync page (before Start) and in the main window's
Settings tab; the values live in the settings' `source_options` (the command line's names)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core import platforms
from loyalty_desktop.core.errors import ConfigError, user_message
from loyalty_desktop.core.options import DEMO_MEMBERS, DEMO_SEED, member_count
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager

# The saved option of each box (core.options.from_saved reads the first two; the sync reads "backfill").
CREATE_MISSING, REMOTE_DIFF, BACKFILL = "create_missing", "remote_diff", "backfill"


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setIndent(24)
    return label


class OptionsBox(QGroupBox):
    """`changed(name, value)` when the user ticks a box; `advanced(members_changed)` after "Advance"."""

    changed = Signal(str, bool)
    advanced = Signal(int)

    def __init__(self, tasks: Callable[[], TaskManager], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.create_missing, self.create_missing_note = QCheckBox(), _note()
        self.remote_diff, self.remote_diff_note = QCheckBox(), _note()
        self.backfill, self.backfill_note = QCheckBox(), _note()
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(7)
        self.advance_button = QPushButton()
        self.advance_button.clicked.connect(self.advance)
        self.advance_caption, self.advance_note, self.advance_result = QLabel(), _note(), _note()
        self.advance_row = QWidget()
        row = QHBoxLayout(self.advance_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.advance_caption)
        row.addWidget(self.days)
        row.addWidget(self.advance_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        for w in (self.create_missing, self.create_missing_note, self.remote_diff, self.remote_diff_note,
                  self.backfill, self.backfill_note, self.advance_row, self.advance_note, self.advance_result):
            lay.addWidget(w)
        for name, box in ((CREATE_MISSING, self.create_missing), (REMOTE_DIFF, self.remote_diff),
                          (BACKFILL, self.backfill)):
            box.toggled.connect(lambda on, n=name: self.changed.emit(n, on))
        self._demo: service.DemoSpec | None = None
        self.busy = False
        self.retranslate()

    def configure(self, platform: str, demo_source: dict[str, Any] | None, saved: dict[str, Any]) -> None:
        """Show the options that apply to `platform` (a core.platforms id) and, when the source is
        the demo program (`demo_source`: its saved options), "advance time"; tick as `saved` says."""
        caps = platforms.get(platform).capabilities
        for box, note, shown in ((self.create_missing, self.create_missing_note, caps.create_missing),
                                 (self.remote_diff, self.remote_diff_note, caps.create_missing),
                                 (self.backfill, self.backfill_note, caps.events)):
            box.setVisible(shown)
            note.setVisible(shown)
        for name, box in ((CREATE_MISSING, self.create_missing), (REMOTE_DIFF, self.remote_diff),
                          (BACKFILL, self.backfill)):
            box.blockSignals(True)
            box.setChecked(bool(saved.get(name, False)))
            box.blockSignals(False)
        self._demo = None
        if demo_source is not None:
            try:
                self._demo = service.DemoSpec(member_count(demo_source.get("members") or DEMO_MEMBERS),
                                              int(demo_source.get("seed") or DEMO_SEED))
            except (ValueError, ConfigError):
                self._demo = None
        for w in (self.advance_row, self.advance_note):
            w.setVisible(self._demo is not None)
        self.advance_result.setVisible(self._demo is not None and bool(self.advance_result.text()))

    def values(self) -> dict[str, bool]:
        return {CREATE_MISSING: self.create_missing.isChecked() and self.create_missing.isVisibleTo(self),
                REMOTE_DIFF: self.remote_diff.isChecked() and self.remote_diff.isVisibleTo(self),
                BACKFILL: self.backfill.isChecked() and self.backfill.isVisibleTo(self)}

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sync options"))
        self.create_missing.setText(self.tr("Create missing contacts"))
        self.create_missing_note.setText(self.tr(
            "Members who are not contacts in Splio yet are created; otherwise they are skipped and listed with the "
            "rejected rows."))
        self.remote_diff.setText(self.tr("Read current values first"))
        self.remote_diff_note.setText(self.tr(
            "Every sync first reads each contact's current values in Splio and writes only those that differ "
            "(slower to start, fewer writes); the first sync always does."))
        self.backfill.setText(self.tr("Replay history (won't trigger flows)"))
        self.backfill_note.setText(self.tr(
            "On a first sync, past points, rewards and referrals are sent as events marked as history: they fill "
            "each contact's timeline and never start an email flow."))
        self.advance_caption.setText(self.tr("Advance time by"))
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Days to advance the demo program"))
        self.days.lineEdit().setAccessibleName(self.tr("Days to advance the demo program"))
        self.advance_button.setText(self.tr("Advance"))
        self.advance_note.setText(self.tr(
            "Demo only: the demo program lives that many days (orders, rewards, tiers, referrals); the next sync "
            "sends what changed."))

    def advance(self) -> None:
        spec, days = self._demo, self.days.value()
        if spec is None or self.busy:
            return
        self.busy = True
        self.advance_button.setEnabled(False)
        self._tasks().run(lambda: service.advance_demo(spec, days), lambda f: self._advanced(f, days))

    def _advanced(self, fut: Future[tuple[int, datetime]], days: int) -> None:
        self.busy = False
        self.advance_button.setEnabled(True)
        try:
            changed, as_of = fut.result()
        except Exception as exc:  # noqa: BLE001 - shown in plain words
            self.advance_result.setText("✗ " + user_message(exc, tr=i18n.translate_core))
        else:
            loc, day = QLocale(), QDate(as_of.year, as_of.month, as_of.day)
            self.advance_result.setText(self.tr(
                "The demo program moved {days} days forward, to {date}: {changed} members changed. The next sync "
                "sends these changes.").format(days=loc.toString(days), changed=loc.toString(changed),
                                               date=loc.toString(day, QLocale.FormatType.LongFormat)))
            self.advanced.emit(changed)
        self.advance_result.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
