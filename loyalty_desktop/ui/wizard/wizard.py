"""The set-up wizard window."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from loyalty_desktop import service
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.first_paint import AfterFirstPaint
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.widgets.placement import centre_on_screen
from loyalty_desktop.ui.wizard import prefill as prefill_from
from loyalty_desktop.ui.wizard.pages_connect import (
    CreateKeyPage,
    VerifyKeyPage,
    WelcomePage,
)
from loyalty_desktop.ui.wizard.state import SetupState

if TYPE_CHECKING:  # built once the first frame is on screen (SetupWizard.later)
    from loyalty_desktop.ui.wizard.pages_data import MappingPage
    from loyalty_desktop.ui.wizard.pages_done import DonePage
    from loyalty_desktop.ui.wizard.pages_run import SyncPage
    from loyalty_desktop.ui.wizard.pages_source import SourcePage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LaterPages:
    """The pages after the key's. Their modules (the spreadsheet reader, Splio's field rules, the
    sync's preview and runner, the kit) are 0.1–0.2 s of imports the welcome page does not need."""

    source: SourcePage
    mapping: MappingPage
    sync: SyncPage
    done: DonePage


class SetupWizard(QWizard):
    completed = Signal()  # the user finished: settings are saved
    kept = Signal()  # closed after a completed sync: the synced set-up is saved (no main window now)

    def __init__(self, settings: Settings, tasks: TaskManager, *, demo: bool = False, prefill: bool = False,
                 parent: QWidget | None = None) -> None:
        """`prefill`: open with the saved set-up (platform, mode, source, file, mapping and options)
        chosen, to change any of it from the main window."""
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks
        self.state = SetupState(demo=demo)
        self.language = i18n.install(settings.language) if settings.language else i18n.system_language()
        # Keep what the user typed when they go Back (cleanupPage would reset fields otherwise).
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.welcome_page = WelcomePage()
        self.key_page = CreateKeyPage()
        self.verify_page = VerifyKeyPage()
        # Page attributes end in _page: QDialog already has done(), and a Python attribute named
        # like a virtual method shadows it (accept() would then call a page and crash).
        for page in (self.welcome_page, self.key_page, self.verify_page):
            self.addPage(page)
        self._later: LaterPages | None = None
        if demo:
            self.welcome_page.demo.setChecked(True)
        self.prefilled = prefill and settings.wizard_done
        # Opened from the main window: the changed choices can be kept without syncing now.
        self.saved_unsynced = False
        # Each completed sync saves the set-up it ran with: leaving later (even after going Back and
        # changing a choice not synced yet) keeps what was synced.
        self.synced = False
        self._centred = False
        if self.prefilled:
            prefill_from.apply(self, settings)  # fills the later pages too (they are built for it)
        else:
            AfterFirstPaint(self, self.later)  # parented to the wizard: it lives as long
        # With IndependentPages, QWizard initializes a page only the first time: pages that depend
        # on an earlier choice (the loyalty data) catch up in `entered()` each time they are shown.
        self.currentIdChanged.connect(self._entered)
        self.resize(900, 680)
        self._retranslate()

    def later(self) -> LaterPages:
        """The source, mapping, sync and done pages: built once the first frame is on screen (the
        user is still on the welcome page), or as soon as something asks for one."""
        if self._later is None:
            from loyalty_desktop.ui.wizard.pages_data import MappingPage
            from loyalty_desktop.ui.wizard.pages_done import DonePage
            from loyalty_desktop.ui.wizard.pages_run import SyncPage
            from loyalty_desktop.ui.wizard.pages_source import SourcePage

            later = LaterPages(SourcePage(), MappingPage(), SyncPage(), DonePage())
            self._later = later
            for page in (later.source, later.mapping, later.sync, later.done):
                self.addPage(page)
            later.sync.preview_panel.save_button.setVisible(self.prefilled)
            later.sync.preview_panel.saveClicked.connect(self.save_without_sync)
            # Back stays possible after the first sync: going back and changing a choice re-plans it
            # (the sync page plans again for what changed); while the sync runs, Back is hidden and
            # the one Cancel stops the sync.
            later.sync.runningChanged.connect(self._sync_running)
            later.sync.synced.connect(self._synced)
        return self._later

    @property
    def source_page(self) -> SourcePage:
        return self.later().source

    @property
    def mapping_page(self) -> MappingPage:
        return self.later().mapping

    @property
    def sync_page(self) -> SyncPage:
        return self.later().sync

    @property
    def done_page(self) -> DonePage:
        return self.later().done

    def _syncing(self) -> bool:
        return self._later is not None and self._later.sync.running

    def showEvent(self, event: QShowEvent) -> None:
        if not self._centred:
            self._centred = True
            centre_on_screen(self)
        super().showEvent(event)

    def _synced(self) -> None:
        self.synced = True
        self.save()

    def _sync_running(self, running: bool) -> None:
        B = QWizard.WizardButton  # noqa: N806
        if running:
            self.setButtonLayout([B.Stretch, B.CancelButton])
            self.setButtonText(B.CancelButton, self.tr("Cancel sync"))
        else:
            self.setButtonLayout([B.Stretch, B.BackButton, B.NextButton, B.CommitButton, B.FinishButton,
                                  B.CancelButton])
            self._retranslate()

    def _entered(self, _id: int) -> None:
        if self.currentPage() is not self.welcome_page:
            # At the latest when the welcome page is left (a test, or a first frame that never came):
            # QWizard decides Next or Finish when a page is entered, so the verify page must not be last.
            self.later()
        entered = getattr(self.currentPage(), "entered", None)
        if entered is not None:
            entered()

    def set_language(self, language: str) -> None:
        self.language = i18n.install(language)
        self.settings.language = language

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty Desktop — set-up"))
        running = self._syncing()
        cancel = self.tr("Cancel sync") if running else self.tr("Cancel")
        self.setButtonText(QWizard.WizardButton.CancelButton, cancel)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            # QWizard only re-reads its Back/Next/Finish/Cancel texts when the style is set.
            style = self.wizardStyle()
            other = (QWizard.WizardStyle.ModernStyle if style != QWizard.WizardStyle.ModernStyle
                     else QWizard.WizardStyle.ClassicStyle)
            self.setWizardStyle(other)
            self.setWizardStyle(style)
        super().changeEvent(event)

    # -- leaving ------------------------------------------------------------------------------

    def confirm_stop_sync(self) -> bool:
        """Ask before closing during a sync; on yes, stop it cleanly (the next run resumes)."""
        if not self._syncing():
            return True
        answer = QMessageBox.question(  # No by default, as in the main window's question
            self, self.tr("Stop the sync?"),
            self.tr("A sync is running. Stop it now? Nothing is lost: the next sync resumes where it stopped."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.sync_page.runner.cancel()
        self.sync_page.runner.wait(10_000)
        return True

    def reject(self) -> None:
        if self._syncing() and self.isVisible() and self.currentPage() is self.sync_page:
            self.sync_page.cancel()  # the one Cancel stops the sync; the next one closes
            return
        if not self.confirm_stop_sync():
            return
        if self.synced:  # what was set up and synced is kept (saved then): the next launch opens the main window
            self.kept.emit()
        self.verify_page.cancel()
        if self._later is not None:
            self._later.source.close_files()
            self._later.done.stop_kit()
        self.state.close()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_stop_sync():
            event.ignore()
            return
        super().closeEvent(event)  # QDialog's closeEvent calls reject(), which keeps a completed set-up

    def first_sync_done(self) -> bool:
        """A first sync ran to its end with the current choices (the sync page shows its result)."""
        return self.sync_page.isComplete() and self.state.summary is not None

    def save(self) -> None:
        st, s = self.state, self.settings
        s.platform, s.demo, s.target = st.platform, st.demo, st.target_name
        s.source, s.source_options = st.source_kind, dict(st.source_options)
        s.mapping = st.mapping.to_json() if st.mapping else {}
        s.wizard_done = True
        s.save()

    def save_without_sync(self) -> None:
        """Keep the changed choices as a completed change would (settings saved; the key was kept
        when verified) and hand the verified connection to the main window; nothing is sent."""
        if self.sync_page.running or self.sync_page.preview_panel.preview is None:
            return
        self.saved_unsynced = True
        self.accept()

    def next_sync_text(self) -> str:
        """What the next sync will do with the saved choices (the sync page's plan, same words)."""
        return self.sync_page.preview_panel.next_sync_text()

    def accept(self) -> None:
        self.done_page.stop_kit()  # it uses the connection handed to the main window next
        self.save()
        self.completed.emit()
        super().accept()
        self.source_page.close_files()
        self.state.close()  # a connection nobody took (see take_connection) is closed here

    def take_connection(self) -> service.Connection | None:
        """Hand the verified connection (and, in demo mode, its sandbox with the data just synced)
        to the main window, which then owns it."""
        conn, self.state.connection = self.state.connection, None
        return conn
