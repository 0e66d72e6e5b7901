"""Wizard page 4: where the loyalty data comes from — the demo program, a spreadsheet export, or a
Smile.io account — and opening it (in the background) before the mapping page."""

from __future__ import annotations

import importlib.util
import logging
from concurrent.futures import Future

from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core.errors import CancelledError, LoyaltyError, user_message
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.wizard.base import Page, busy_bar, wrapping_label
from loyalty_desktop.ui.wizard.sheet_panel import SheetPanel
from loyalty_desktop.ui.wizard.smile_panel import SmilePanel
from loyalty_desktop.ui.wizard.state import smile_base_url

DEMO, SHEET, SMILE = range(3)
log = logging.getLogger(__name__)


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


class SourcePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.demo = QRadioButton()
        self.sheet = QRadioButton()
        self.smile = QRadioButton()
        self.group = QButtonGroup(self)
        for i, b in enumerate((self.demo, self.sheet, self.smile)):
            self.group.addButton(b, i)
        self.demo.setChecked(True)
        self.sheet.setEnabled(_available("loyalty_desktop.sources.spreadsheet.source"))
        self.smile.setEnabled(_available("loyalty_desktop.sources.smile.source"))
        self.members = QSpinBox()
        self.members.setRange(10, 100_000)
        self.members.setValue(500)
        self.members.setSingleStep(100)
        self.members_label = wrapping_label()
        self.demo_note = wrapping_label()
        demo_panel = QWidget()
        dl = QVBoxLayout(demo_panel)
        dl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.members_label)
        row.addWidget(self.members)
        row.addStretch(1)
        dl.addLayout(row)
        dl.addWidget(self.demo_note)
        dl.addStretch(1)
        self.sheet_panel = SheetPanel(lambda: self.tasks)
        self.smile_panel = SmilePanel(lambda: self.tasks)
        for signal in (self.sheet_panel.changed, self.smile_panel.changed, self.members.valueChanged,
                       self.smile_panel.members.valueChanged):
            signal.connect(self._input_changed)
        self.stack = QStackedWidget()
        for w in (demo_panel, self.sheet_panel, self.smile_panel):
            self.stack.addWidget(w)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.busy = busy_bar()
        self.status = wrapping_label()
        lay = QVBoxLayout(self)
        for b in (self.demo, self.sheet, self.smile):
            lay.addWidget(b)
        lay.addWidget(line)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.busy)
        lay.addWidget(self.status)
        self.group.idToggled.connect(self._choice_changed)
        self._opened = False  # the source for what the page shows is open (Next just moves on)
        self._opened_with: object = None  # … for this destination connection
        self._busy = False
        self._cancel: CancelToken | None = None
        self.retranslate()

    def _input_changed(self) -> None:
        self._opened = False
        self.completeChanged.emit()

    def choice(self) -> int:
        return max(self.group.checkedId(), DEMO)

    def _choice_changed(self, _id: int = 0, checked: bool = True) -> None:
        if checked:
            self.stack.setCurrentIndex(self.choice())
            if not self._busy:
                self.status.clear()
            self._input_changed()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where is your loyalty data?"))
        self.setSubTitle(self.tr("Choose the loyalty program to read. Nothing is changed in it."))
        self.demo.setText(self.tr("Demo loyalty program (realistic members, two years of history)"))
        self.members_label.setText(self.tr("Members:"))
        self.members.setAccessibleName(self.tr("Number of demo members"))
        self.demo_note.setText(self.tr("French and English members with points, tiers, rewards, referrals and "
                                       "birthdays: a safe way to see what your contacts will get."))
        self.sheet.setText(self.tr("A spreadsheet export (CSV or Excel) from Loyoly, Smile.io or your own"))
        self.smile.setText(self.tr("Smile.io (API key from Settings → Developer tools)"))
        self.sheet_panel.retranslate()
        self.smile_panel.retranslate()

    def initializePage(self) -> None:
        self.entered()

    def entered(self) -> None:
        if self.smile_panel.demo != self.state.demo or not self._opened:
            self.smile_panel.set_demo(self.state.demo)
        self.stack.setCurrentIndex(self.choice())
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        """Stop background work (the wizard is closing or going back)."""
        if self._cancel is not None:
            self._cancel.cancel()
        self.smile_panel.cancel()

    def close_files(self) -> None:
        self.cancel()
        self.sheet_panel.close_check()

    def isComplete(self) -> bool:
        if self._busy:
            return False
        c = self.choice()
        if c == SHEET:
            return self.sheet_panel.ready()
        if c == SMILE:
            return self.smile_panel.ready()
        return True

    def validatePage(self) -> bool:
        """Open the source in the background; the wizard moves on when it is ready."""
        st = self.state
        if self._opened and self._opened_with is st.connection and st.source is not None:
            return True
        if self._busy or not self.isComplete():
            return False
        c = self.choice()
        if c == DEMO:
            st.source_kind, st.source_options = "demo", {"members": str(self.members.value()), "seed": 42}
        elif c == SHEET:
            members, ledger = self.sheet_panel.paths()
            st.source_kind, st.source_options = "csv", {"members": members}
            if ledger:
                st.source_options["ledger"] = ledger
        elif st.demo:
            st.source_kind = "smile-sandbox"
            st.source_options = {"members": str(self.smile_panel.members.value()), "seed": 42}
        else:
            st.source_kind, st.source_options = "smile", {}
            if smile_base_url():
                st.source_options["source_base_url"] = smile_base_url()
        if st.source is not None:
            st.source.close()
            st.source = None
        self._busy = True
        self.busy.show()
        self.status.setText(self.tr("Reading the loyalty program…"))
        self.completeChanged.emit()
        factory, options = service.source_factory(st.source_kind), st.options().source
        cancel = self._cancel = CancelToken()

        def work() -> service.OpenSource:
            src = factory.open(options, cancel)
            try:
                st.read_sample(src)  # for the preview; in demo mode also the Splio sandbox's contacts
            except BaseException:
                src.close()
                raise
            return src

        self.tasks.run(work, self._opened_done)
        return False

    def _opened_done(self, future: Future[service.OpenSource]) -> None:
        self._busy = False
        self.busy.hide()
        self.completeChanged.emit()
        cancelled = self._cancel is None or self._cancel.cancelled
        try:
            src = future.result()
        except CancelledError:
            self.status.clear()
            return
        except Exception as exc:
            if not isinstance(exc, LoyaltyError):
                log.info("opening the loyalty data failed", exc_info=True)
            self.status.setText("✗ " + user_message(exc, self.tr("the loyalty program"), tr=i18n.translate_core))
            return
        if cancelled or self.wizard() is None or self.wizard().currentPage() is not self:
            src.close()  # the page was left (or the wizard closed) while reading
            self.status.clear()
            return
        self.state.source = src
        self._opened, self._opened_with = True, self.state.connection
        self.status.clear()
        self.wizard().next()
