"""The sync page's first state: what the sync will send (planned, nothing written), the sync's
options, and Start. Nothing reaches the platform before the user clicks Start."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loyalty_desktop.service_preview import SyncPreview
from loyalty_desktop.ui.main.options_box import OptionsBox
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.wizard.base import busy_bar, wrapping_label


class PreviewPanel(QWidget):
    startClicked = Signal()
    saveClicked = Signal()  # "Save without syncing" (the wizard opened from the main window shows it)
    retryClicked = Signal()  # plan again after a failure (network, another sync holding the data folder)

    def __init__(self, tasks: Callable[[], TaskManager], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.busy = busy_bar()
        self.figures = wrapping_label()
        self.options = OptionsBox(tasks)
        self.start_button = QPushButton()
        self.start_button.setEnabled(False)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.startClicked)
        self.save_button = QPushButton()  # keep the changed choices; the next sync does what is said here
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.saveClicked)
        self.save_button.hide()
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retryClicked)
        self.retry_button.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.busy)
        lay.addWidget(self.figures)
        lay.addWidget(self.options)
        lay.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        row.addWidget(self.save_button)
        row.addWidget(self.start_button)
        lay.addLayout(row)
        self.preview: SyncPreview | None = None
        self.platform = ""
        self._error = ""
        self.retranslate()

    def planning(self) -> None:
        self.preview, self._error = None, ""
        self.start_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.retry_button.hide()
        self.busy.show()
        self.figures.setText(self.tr("Working out what will be sent… (nothing is sent yet)"))

    def show_preview(self, preview: SyncPreview, platform: str) -> None:
        self.preview, self.platform, self._error = preview, platform, ""
        self.busy.hide()
        self.start_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.figures.setText(self.text(preview, platform))

    def show_error(self, message: str) -> None:
        self.preview, self._error = None, message
        self.busy.hide()
        self.start_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.retry_button.show()
        self.figures.setText("✗ " + message)

    def text(self, p: SyncPreview, platform: str) -> str:
        lines = self.lines(p, platform)
        lines.append("<i>" + self.tr("Nothing has been sent yet. Click Start to send.") + "</i>")
        return "<br>".join(lines)

    def next_sync_text(self) -> str:
        """What the next sync will do, in the same words, as plain text (the choices were saved
        without syncing: the main window says it)."""
        if self.preview is None:
            return ""
        return re.sub(r"<[^>]+>", "", " ".join(self.lines(self.preview, self.platform)))

    def lines(self, p: SyncPreview, platform: str) -> list[str]:
        loc = QLocale()
        n = loc.toString
        lines = [self.tr("<b>{profiles}</b> contacts will be written in {platform} ({unchanged} already up to "
                         "date, out of {members} members).").format(profiles=n(p.profiles), platform=platform,
                                                                    unchanged=n(p.unchanged), members=n(p.members))]
        if p.refused:  # as the run will count them: "Refused by {platform}"
            lines.append(self.tr("{count} contacts {platform} refused earlier are not sent again until their data "
                                 "changes.").format(count=n(p.refused), platform=platform))
        if p.fields_to_create:
            lines.append(self.tr("The missing custom fields are created when you click Start; at most this many "
                                 "contacts are written."))
        if not p.events_supported:
            lines.append(self.tr("{platform} receives no events: contacts only.").format(platform=platform))
        elif p.live_events:
            events = ", ".join(f"{metric}: {n(count)}" for metric, count in sorted(p.live_events.items()))
            lines.append(self.tr("Events that can start email flows: {events}.").format(events=events))
        else:
            lines.append(self.baseline_text(p.baseline))
        if p.history_events:
            lines.append(self.tr("{count} past events replayed as history (they start no flow).").format(
                count=n(p.history_events)))
        if p.source_rejected:
            lines.append(self.tr("{count} rows of the loyalty data cannot be used; they will be listed with the "
                                 "rejected rows.").format(count=n(p.source_rejected)))
        return lines

    def baseline_text(self, baseline: str | None) -> str:
        """What the sync does about events, in the planner's own terms (sync/baseline.py)."""
        if baseline == "first_sync":
            return self.tr("First sync to this account: contacts only, no event starts a flow. Loyalty moments "
                           "from now on are sent as events at the next syncs.")
        if baseline == "new_source":
            return self.tr("The loyalty data comes from another source than at the last sync: this sync updates "
                           "contacts only, no event starts a flow.")
        if baseline == "members_jump":
            return self.tr("Many members are new since the last sync: this sync updates contacts only, no event "
                           "starts a flow.")
        return self.tr("No new loyalty moments to send as events.")

    def retranslate(self) -> None:
        self.heading.setText("<b>" + self.tr("What this sync will send") + "</b>")
        self.start_button.setText(self.tr("&Start the sync"))
        self.retry_button.setText(self.tr("Try again"))
        self.save_button.setText(self.tr("Save &without syncing"))
        self.save_button.setToolTip(self.tr("Keep these choices and go back to the main window; nothing is sent "
                                            "until the next sync"))
        if self.preview is not None:
            self.figures.setText(self.text(self.preview, self.platform))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
