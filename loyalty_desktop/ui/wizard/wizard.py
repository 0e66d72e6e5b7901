"""The set-up wizard window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from loyalty_desktop import service
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.wizard.pages_connect import (
    CreateKeyPage,
    VerifyKeyPage,
    WelcomePage,
)
from loyalty_desktop.ui.wizard.pages_data import MappingPage
from loyalty_desktop.ui.wizard.pages_run import DonePage, SyncPage
from loyalty_desktop.ui.wizard.pages_source import SourcePage
from loyalty_desktop.ui.wizard.state import SetupState

log = logging.getLogger(__name__)


class SetupWizard(QWizard):
    completed = Signal()  # the user finished: settings are saved

    def __init__(self, settings: Settings, tasks: TaskManager, *, demo: bool = False,
                 parent: QWidget | None = None) -> None:
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
        self.source_page = SourcePage()
        self.mapping_page = MappingPage()
        self.sync_page = SyncPage()
        self.done_page = DonePage()
        # Page attributes end in _page: QDialog already has done(), and a Python attribute named
        # like a virtual method shadows it (accept() would then call a page and crash).
        for page in (self.welcome_page, self.key_page, self.verify_page, self.source_page, self.mapping_page,
                     self.sync_page, self.done_page):
            self.addPage(page)
        if demo:
            self.welcome_page.demo.setChecked(True)
        self.sync_page.setCommitPage(True)  # once contacts are written, Back makes no sense
        # With IndependentPages, QWizard initializes a page only the first time: pages that depend
        # on an earlier choice (the loyalty data) catch up in `entered()` each time they are shown.
        self.currentIdChanged.connect(self._entered)
        self.resize(900, 680)
        self._retranslate()

    def _entered(self, _id: int) -> None:
        entered = getattr(self.currentPage(), "entered", None)
        if entered is not None:
            entered()

    def set_language(self, language: str) -> None:
        self.language = i18n.install(language)
        self.settings.language = language

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty Desktop — set-up"))
        # The sync page is a commit page (no going back once contacts are written); "Commit" would
        # puzzle a merchant.
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Continue"))

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
        if not self.sync_page.runner.running:
            return True
        answer = QMessageBox.question(
            self, self.tr("Stop the sync?"),
            self.tr("A sync is running. Stop it now? Nothing is lost: the next sync resumes where it stopped."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.sync_page.runner.cancel()
        self.sync_page.runner.wait(10_000)
        return True

    def reject(self) -> None:
        if not self.confirm_stop_sync():
            return
        self.verify_page.cancel()
        self.source_page.close_files()
        self.done_page.stop_kit()
        self.state.close()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_stop_sync():
            event.ignore()
            return
        super().closeEvent(event)

    def accept(self) -> None:
        self.done_page.stop_kit()  # it uses the connection handed to the main window next
        st, s = self.state, self.settings
        s.platform, s.demo, s.target = st.platform, st.demo, st.target_name
        s.source, s.source_options = st.source_kind, dict(st.source_options)
        s.mapping = st.mapping.to_json() if st.mapping else {}
        s.wizard_done = True
        s.save()
        self.completed.emit()
        super().accept()
        self.source_page.close_files()
        self.state.close()  # a connection nobody took (see take_connection) is closed here

    def take_connection(self) -> service.Connection | None:
        """Hand the verified connection (and, in demo mode, its sandbox with the data just synced)
        to the main window, which then owns it."""
        conn, self.state.connection = self.state.connection, None
        return conn
