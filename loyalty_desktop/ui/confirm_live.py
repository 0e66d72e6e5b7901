"""The question a sync asks before sending more live events than the threshold (baseline.py).

The engine stops such a run before sending anything (RunStatus.NEEDS_CONFIRMATION, with the live
events by metric); this box shows those figures and the caller runs the sync again, confirmed, on
Yes. It is opened window-modal with `open()`, not `exec()`: the event loop keeps running (a test
clicks its buttons with qtbot) and the answer arrives through `answered`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from loyalty_desktop.sync.engine import RunSummary



class LiveEventsBox(QMessageBox):
    answered = Signal(bool)  # True: send them

    def __init__(self, parent: QWidget | None, summary: RunSummary, platform: str) -> None:
        super().__init__(parent)
        self.summary = summary
        loc = QLocale()
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Send {count} live events?").format(count=loc.toString(summary.live_events_total)))
        self.setText(self.tr("This sync would send {count} live events to {platform}, more than the {limit} a sync "
                             "sends without asking. Each live event can start a flow that emails a customer. "
                             "Nothing has been sent yet.").format(
            count=loc.toString(summary.live_events_total), platform=platform,
            limit=loc.toString(summary.confirm_threshold)))
        lines = [self.tr("{metric}: {count}").format(metric=metric, count=loc.toString(n))
                 for metric, n in sorted(summary.live_events.items(), key=lambda kv: (-kv[1], kv[0]))]
        self.setInformativeText("\n".join(lines) + "\n\n" + self.tr(
            "Send them if these figures match what happened in your loyalty program since the last sync."))
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        self.setDefaultButton(QMessageBox.StandardButton.No)  # Enter must not mail the whole base
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Send them"))
        self.button(QMessageBox.StandardButton.No).setText(self.tr("&Don't send"))
        self.finished.connect(self._finished)

    def _finished(self, _result: int) -> None:
        self.answered.emit(self.clickedButton() is self.button(QMessageBox.StandardButton.Yes))
