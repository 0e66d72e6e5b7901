"""The main window's Sync box (last sync, "Sync now", Cancel, when the automatic sync runs next) and
the status bar that follows a sync (phase, progress, rate, time left)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service, service_counts
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.phases import phase_name
from loyalty_desktop.ui.runs_model import format_duration, local_datetime

if TYPE_CHECKING:  # the run's types load with the first sync or store read, not with the window
    from loyalty_desktop.store.store import RunRecord
    from loyalty_desktop.sync.summary import Progress


class FittedLabel(QLabel):
    """A wrapped label that asks for the height its text needs at its width: beside the Connection
    box, a layout would otherwise give it the height of its one-line hint and cut the figures off."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        need = self.heightForWidth(self.width()) if self.text() and self.width() > 50 else 0
        if need != self.minimumHeight():
            self.setMinimumHeight(need)


class SyncPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style = self.style()
        lay = QVBoxLayout(self)
        self.last_sync_label = FittedLabel()
        self.sync_button = QPushButton()
        self.sync_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.sync_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.auto_label = QLabel()
        self.auto_label.setWordWrap(True)
        self.next_label = FittedLabel()  # the set-up changed without syncing: what the next sync will do
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        lay.addWidget(self.last_sync_label)
        lay.addWidget(self.next_label)
        lay.addLayout(buttons)
        lay.addWidget(self.auto_label)
        lay.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sync"))
        self.sync_button.setText(self.tr("&Sync now"))
        self.sync_button.setToolTip(self.tr("Send what changed in the loyalty program since the last sync"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the sync; the next one resumes where it stopped"))

    def show_last_sync(self, last: RunRecord | None, status: str) -> None:
        """`status`: the last run's status in words."""
        if last is None:
            self.last_sync_label.setText(self.tr("No sync yet."))
            return
        when = QLocale().toString(local_datetime(last.started_at), QLocale.FormatType.ShortFormat)
        text = self.tr("Last sync: {when} · {status}").format(when=when, status=status)
        if last.counts:  # the run's figures, worded as on every screen
            text += "\n" + i18n.run_counts_line(last.counts, service_counts.platform_of(last.dest))
        self.last_sync_label.setText(text)

    def show_next(self, text: str) -> None:
        """What the next sync will do ("" once a sync started)."""
        self.next_label.setText(text)
        self.next_label.setVisible(bool(text))

    def show_auto(self, hours: int, next_due: datetime | None, every: str) -> None:
        """`every`: the chosen interval in words ("Every 6 hours")."""
        if not hours:
            self.auto_label.setText(self.tr("Automatic sync: off (see Settings)"))
        elif next_due is not None:
            when = QLocale().toString(local_datetime(next_due), QLocale.FormatType.ShortFormat)
            self.auto_label.setText(self.tr("Next automatic sync: {when}").format(when=when))
        else:
            self.auto_label.setText(every)


class StatusArea(QObject):
    """The status bar's widgets: a line of text, then the rate, the time left and a progress bar
    while a sync runs."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
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
        self.rest()

    def retranslate(self) -> None:
        self.progress_bar.setAccessibleName(self.tr("Sync progress"))
        self.status_label.setAccessibleName(self.tr("Sync status"))

    def say(self, text: str) -> None:
        self.status_label.setText(text)

    def busy(self) -> None:
        """Working, total unknown yet (opening the source)."""
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.rate_label.hide()
        self.eta_label.hide()

    def rest(self) -> None:
        for w in (self.progress_bar, self.rate_label, self.eta_label):
            w.hide()

    def show_progress(self, p: Progress, platform: str) -> None:
        from loyalty_desktop.sync.summary import Phase

        if p.wait is not None:  # a retry wait (429, 5xx, network): said beside the phase until it ends
            self.status_label.setText(phase_name(p.phase) + " — "
                                      + service.wait_message(p.wait, platform, tr=i18n.translate_core))
            return
        loc = QLocale()
        self.status_label.setText(phase_name(p.phase))
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
