"""The sync history as a table model: one row per run (newest first), read from `Store.runs()`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from loyalty_desktop import service_counts
from loyalty_desktop.service_counts import Count
from loyalty_desktop.store.runs import RunRecord, RunState
from loyalty_desktop.ui import i18n

Index = QModelIndex | QPersistentModelIndex
# The figures every screen shows, in their order (sync/run_counts.py defines and words them).
_COUNT_COLUMNS = (Count.MEMBERS, Count.SENT, Count.UNCHANGED, Count.REFUSED, Count.NOT_SENT, Count.REJECTED,
                  Count.EVENTS_SENT)


def local_datetime(dt: datetime) -> QDateTime:
    """An aware datetime as a QDateTime in the computer's time zone."""
    return QDateTime.fromMSecsSinceEpoch(int(dt.timestamp() * 1000))


def long_when(dt: datetime) -> str:
    """"Monday 23 November 2026 09:23" in the user's language (no seconds, no time zone name)."""
    q = local_datetime(dt)
    loc = QLocale()
    day = loc.toString(q.date(), QLocale.FormatType.LongFormat)
    return f"{day} {loc.toString(q.time(), QLocale.FormatType.ShortFormat)}"


def format_duration(seconds: float | None, precise: bool = True) -> str:
    """"0,8 s", "12 s", "3 min 05 s", "1 h 02 min"; `precise=False` drops tenths (times left)."""
    if seconds is None:
        return "–"
    s = round(seconds)
    if s >= 3600:
        return f"{s // 3600} h {s % 3600 // 60:02d} min"
    if s >= 60:
        return f"{s // 60} min {s % 60:02d} s"
    if precise and seconds < 10:
        return f"{QLocale().toString(float(seconds), 'f', 1)} s"
    return f"{max(s, 1)} s"


def run_seconds(run: RunRecord) -> float | None:
    if "seconds" in run.counts:
        return float(run.counts["seconds"])
    if run.finished_at is not None:
        return (run.finished_at - run.started_at).total_seconds()
    return None


class RunsModel(QAbstractTableModel):
    WHEN, DURATION, MEMBERS, SENT, UNCHANGED, REFUSED, NOT_SENT, REJECTED, EVENTS, STATUS = range(10)
    RunRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[RunRecord] = []

    # -- data ---------------------------------------------------------------------------------

    def set_runs(self, runs: list[RunRecord]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def runs(self) -> list[RunRecord]:
        return list(self._runs)

    def run_at(self, row: int) -> RunRecord | None:
        return self._runs[row] if 0 <= row < len(self._runs) else None

    def retranslate(self) -> None:
        """Re-read every text (after a language switch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._runs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._runs) - 1, self.columnCount() - 1))

    def status_text(self, status: RunState) -> str:
        words = {
            RunState.RUNNING: self.tr("Running"),
            RunState.COMPLETED: self.tr("Completed"),
            RunState.COMPLETED_WITH_REJECTS: self.tr("Completed, some refused"),
            RunState.FAILED: self.tr("Failed"),
            RunState.CANCELLED: self.tr("Cancelled"),
            RunState.NEEDS_CONFIRMATION: self.tr("Stopped: live events to confirm"),
            RunState.INTERRUPTED: self.tr("Interrupted"),
        }
        return words[status]

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        tr = i18n.translate_core
        if self.MEMBERS <= section <= self.EVENTS:  # the figures' names and meanings, as everywhere
            count = _COUNT_COLUMNS[section - self.MEMBERS]
            if role == Qt.ItemDataRole.DisplayRole:
                return service_counts.header(count, tr)
            if role == Qt.ItemDataRole.ToolTipRole:
                return service_counts.meaning(count, tr)
        if role == Qt.ItemDataRole.DisplayRole:
            return {self.WHEN: self.tr("When"), self.DURATION: self.tr("Duration")}.get(section, self.tr("Status"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return {self.WHEN: self.tr("When the sync started"), self.DURATION: self.tr("How long it took")}.get(
                section, self.tr("How the sync ended"))
        if role == Qt.ItemDataRole.TextAlignmentRole and self.MEMBERS <= section <= self.EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        run = self._runs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(run, col)
        if role == self.RunRole:
            return run
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.MEMBERS <= col <= self.EVENTS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if run.error:
                return i18n.core_text(run.error)
            counts = service_counts.RunCounts.of(run.counts)
            if col == self.EVENTS and counts.events_refused:  # the run dialog's line says it too
                return service_counts.figure(Count.EVENTS_REFUSED, i18n.number(counts.events_refused),
                                             i18n.translate_core)
            if col in (self.REFUSED, self.REJECTED) and counts.listed:
                return self.tr("Double-click or press Enter to see the refused and rejected rows")
            if col == self.WHEN:
                return long_when(run.started_at)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.STATUS and run.status in (RunState.FAILED, RunState.INTERRUPTED):
                return QBrush(QColor("#c62828") if _light() else QColor("#ef9a9a"))
            if col in (self.STATUS, self.REFUSED) and run.status is RunState.COMPLETED_WITH_REJECTS:
                return QBrush(QColor("#b26a00") if _light() else QColor("#ffcc80"))
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(run, col)
        return None

    def _display(self, run: RunRecord, col: int) -> str:
        loc = QLocale()
        if col == self.WHEN:
            return loc.toString(local_datetime(run.started_at), QLocale.FormatType.ShortFormat)
        if col == self.DURATION:
            return self.tr("running…") if run.status is RunState.RUNNING else format_duration(run_seconds(run))
        if self.MEMBERS <= col <= self.EVENTS:
            if not run.counts:
                return "–"
            return i18n.number(service_counts.RunCounts.of(run.counts).value(_COUNT_COLUMNS[col - self.MEMBERS]))
        return self.status_text(run.status)


def _light() -> bool:
    pal = QApplication.palette()
    return pal.color(QPalette.ColorRole.Base).lightness() >= 128
