"""Change the set-up from the main window: the wizard opens with the saved choices (platform and
mode, account and key, loyalty data and file, mapping and preset with the live preview, options);
its sync page says what the sync will do with the new choices (planned, nothing written) before
Start. Once it finishes — or is closed after its sync completed, or the choices are saved without
syncing ("Save without syncing": the Sync box then says what the next sync will do) — the main
window uses the new connection and settings at once (no restart); closed before, nothing changes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from loyalty_desktop.core import platforms

if TYPE_CHECKING:
    from loyalty_desktop.ui.main.window import MainWindow
    from loyalty_desktop.ui.wizard.wizard import SetupWizard


class SetupAgain(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wizard: SetupWizard | None = None
        window.syncStarted.connect(lambda _automatic: window.sync_panel.show_next(""))  # said until it runs

    def open(self) -> SetupWizard | None:
        """The prefilled wizard (None while a sync runs: it would compete for the data folder)."""
        from loyalty_desktop.ui.wizard.wizard import SetupWizard  # the wizard loads when asked for

        w = self.window
        if w.syncing:
            w.status.say(self.tr("A sync is running: change the set-up once it has finished."))
            return None
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            return self.wizard
        # A copy: the window's settings change only when the new set-up is kept.
        copy = replace(w.settings, source_options=dict(w.settings.source_options), mapping=dict(w.settings.mapping),
                       extra=dict(w.settings.extra))
        wiz = SetupWizard(copy, w.tasks, prefill=True, parent=w)
        wiz.setWindowModality(Qt.WindowModality.WindowModal)
        wiz.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wiz.completed.connect(lambda: self._kept(wiz))
        wiz.kept.connect(lambda: self._kept(wiz))
        wiz.destroyed.connect(self._gone)  # deleted once closed: never touched again
        self.wizard = wiz
        wiz.show()
        return wiz

    def _gone(self) -> None:
        self.wizard = None

    def _kept(self, wiz: SetupWizard) -> None:
        # The wizard's connection goes with the saved set-up only when its last choices were synced;
        # otherwise (Back, another choice, then closed) the window connects again from the settings.
        # Saved without syncing: the connection was verified for exactly these choices.
        conn = wiz.take_connection() if wiz.first_sync_done() or wiz.saved_unsynced else None
        w = self.window
        new, old = wiz.settings, w.settings
        before = platforms.find(old.platform)
        for name in ("platform", "demo", "target", "source", "source_options", "mapping", "wizard_done"):
            setattr(old, name, getattr(new, name))
        old.save()
        w.controller.adopt(conn, None, None)
        if conn is not None:
            w.controller.load_key_info()  # the key's mask and where it is kept, read off the GUI thread
        self._kit_tab(before)
        settings_tab = w.built_settings_tab()  # not built yet: it reads the new settings when it is
        if settings_tab is not None:
            settings_tab.configure_options()
        if wiz.saved_unsynced:  # nothing sent: say what the next sync will do, in the sync page's words
            w.status.say(self.tr("Set-up saved without syncing: nothing was sent."))
            w.sync_panel.show_next(self.tr("Next sync: {what}").format(what=wiz.next_sync_text()))
        else:
            w.status.say(self.tr("Set-up changed. The next syncs use the new choices."))
            w.sync_panel.show_next("")
        w.refresh()

    def _kit_tab(self, before: platforms.Platform | None) -> None:
        """Add, remove or replace the kit tab when the platform changed (Klaviyo's flows, Splio's groups)."""
        w = self.window
        now = platforms.find(w.settings.platform)
        had = before.capabilities.kit if before is not None else None
        has = now.capabilities.kit if now is not None else None
        if had == has:
            return
        w.set_kit_tab(has is not None)
