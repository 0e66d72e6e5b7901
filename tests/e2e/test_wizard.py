"""The set-up wizard driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import keyring.backends.fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from helpers.wizard_walk import start_sync
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.wizard.wizard import SetupWizard
from loyalty_emulators.base.faults import Faults

TIMEOUT = 60_000


def click_next(qtbot, wiz: SetupWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    if not button.isVisible():
        button = wiz.button(QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def walk_to_sync(qtbot, wiz: SetupWizard, members: int = 300) -> None:
    click_next(qtbot, wiz)  # welcome → create key
    click_next(qtbot, wiz)  # create key → verify
    qtbot.mouseClick(wiz.verify_page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    click_next(qtbot, wiz)  # → source
    wiz.source_page.members.setValue(members)
    click_next(qtbot, wiz)  # opens the source in the background, then moves on
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    assert wiz.mapping_page.preview.rowCount() == 5


def test_demo_walkthrough_klaviyo_ends_with_the_sandbox_holding_the_data(qtbot, make_wizard, tasks) -> None:
    wiz = make_wizard()
    handed: list = []
    wiz.completed.connect(lambda: handed.append(wiz.take_connection()))
    assert wiz.welcome_page.demo.isChecked()
    walk_to_sync(qtbot, wiz)
    click_next(qtbot, wiz)  # → sync: what will be sent, nothing written yet
    qtbot.waitUntil(wiz.sync_page.preview_panel.start_button.isEnabled, timeout=TIMEOUT)
    sandbox = wiz.state.connection.sandbox
    assert len(sandbox.profiles()) == 0
    assert "300" in wiz.sync_page.preview_panel.figures.text()
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    # Members (the demo's first sync also replays history as backfill: invited friends get a profile)
    assert len([p for p in sandbox.profiles() if p.external_id]) == 300
    assert wiz.state.summary.profiles_sent == 300
    click_next(qtbot, wiz)  # → done
    assert wiz.currentPage() is wiz.done_page
    qtbot.waitUntil(lambda: wiz.done_page.card_form.rowCount() > 5, timeout=TIMEOUT)  # read off the GUI thread
    assert wiz.done_page.flows.count() == 10
    wiz.done_page.copy_flow()
    from PySide6.QtGui import QGuiApplication

    assert "{{ event.points_change }}" in QGuiApplication.clipboard().text()
    # The Klaviyo kit is offered here, on the connection just verified.
    assert wiz.done_page.kit_button.isVisible()
    qtbot.mouseClick(wiz.done_page.kit_button, Qt.MouseButton.LeftButton)
    panel = wiz.done_page.kit_dialog.panel
    qtbot.waitUntil(lambda: bool(panel.plan) and panel.run_button.isEnabled(), timeout=TIMEOUT)
    assert any(i.preview_count for i in panel.plan)
    wiz.done_page.kit_dialog.close()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    saved = Settings.load()
    assert saved.wizard_done and saved.target == "klaviyo-sandbox" and saved.source == "demo"
    assert saved.mapping["preset"] == "klaviyo-loyalty"
    # The main window gets the wizard's connection: in demo mode, the sandbox that holds the data.
    conn = handed[0]
    assert conn is not None and conn.sandbox is sandbox and wiz.state.connection is None
    win = MainWindow(saved, tasks, conn)
    qtbot.addWidget(win)
    assert win.connection is conn and len([p for p in win.connection.sandbox.profiles() if p.external_id]) == 300
    win.close()


def go_to_verify(qtbot, wiz: SetupWizard) -> None:
    wiz.welcome_page.klaviyo.setChecked(True)
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    assert wiz.currentPage() is wiz.verify_page


def verify_with(qtbot, wiz: SetupWizard, key: str) -> None:
    wiz.verify_page.key.clear()
    qtbot.keyClicks(wiz.verify_page.key.edit, key)
    qtbot.mouseClick(wiz.verify_page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wiz.verify_page._busy, timeout=TIMEOUT)


def test_wrong_key_says_so_and_next_stays_disabled(qtbot, make_wizard, live_sandbox) -> None:
    wiz = make_wizard(demo=False)
    go_to_verify(qtbot, wiz)
    verify_with(qtbot, wiz, "pk_" + "W" * 34)
    assert "refused the API key" in wiz.verify_page.status.text()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    # The right key then works, is stored in the keyring and Next opens.
    key = live_sandbox.add_key()
    verify_with(qtbot, wiz, key)
    assert "Maison Lumière" in wiz.verify_page.status.text()
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert keyring.get_password("loyalty-desktop", "klaviyo") == key
    assert "MemoryKeyring" in wiz.verify_page.status.text() or "saved in" in wiz.verify_page.status.text()


def test_missing_scope_names_the_scope(qtbot, make_wizard, live_sandbox) -> None:
    wiz = make_wizard(demo=False)
    go_to_verify(qtbot, wiz)
    verify_with(qtbot, wiz, live_sandbox.add_key({"profiles:read", "profiles:write"}))
    assert "accounts:read" in wiz.verify_page.status.text()
    assert not wiz.verify_page.isComplete()


def test_no_keyring_offers_session_only_and_writes_nothing(qtbot, make_wizard, live_sandbox,
                                                          data_dir: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    wiz = make_wizard(demo=False)
    go_to_verify(qtbot, wiz)
    key = live_sandbox.add_key()
    verify_with(qtbot, wiz, key)
    assert "No system keychain" in wiz.verify_page.status.text()
    assert wiz.verify_page.session_only.isVisible()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    wiz.verify_page.session_only.setChecked(True)
    assert wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    from loyalty_desktop.core import secrets

    assert secrets.load("klaviyo") == key
    for f in data_dir.rglob("*"):
        if f.is_file():
            assert key.encode() not in f.read_bytes(), f


def test_cancel_mid_sync_then_resume(qtbot, make_wizard) -> None:
    wiz = make_wizard()
    walk_to_sync(qtbot, wiz, members=1000)
    wiz.state.connection.sandbox.faults = Faults(latency_s=0.3)  # slow enough to cancel mid-way
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.sync_page.runner.running, timeout=TIMEOUT)
    # One Cancel: the wizard's own button stops the sync (and leaves the wizard open).
    cancel = wiz.button(QWizard.WizardButton.CancelButton)
    assert cancel.text() == "Cancel sync" and not wiz.button(QWizard.WizardButton.BackButton).isVisible()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.sync_page.resume_button.isVisible, timeout=TIMEOUT)
    assert not wiz.sync_page.isComplete()
    assert "Cancelled" in wiz.sync_page.log.toPlainText()
    wiz.state.connection.sandbox.faults = Faults()
    qtbot.mouseClick(wiz.sync_page.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    assert len([p for p in wiz.state.connection.sandbox.profiles() if p.external_id]) == 1000  # members


def test_closing_mid_sync_asks_then_stops_cleanly(qtbot, make_wizard, monkeypatch) -> None:
    wiz = make_wizard()
    walk_to_sync(qtbot, wiz, members=1000)
    wiz.state.connection.sandbox.faults = Faults(latency_s=0.3)
    asked: list[str] = []

    def answer(*args, **kw):
        asked.append(args[1])
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.sync_page.runner.running, timeout=TIMEOUT)
    wiz.close()  # first answer: No → stays open, still syncing
    assert wiz.isVisible() and wiz.sync_page.runner.running
    wiz.close()  # second answer: Yes → stops the sync and closes
    assert not wiz.sync_page.runner.running
    assert not wiz.isVisible()
    assert len(asked) == 2


def test_language_switch_translates_pages_and_wizard_buttons(qtbot, make_wizard) -> None:
    wiz = make_wizard()
    assert wiz.welcome_page.title() == "Welcome to Loyalty Desktop"
    wiz.welcome_page.language.setCurrentIndex(wiz.welcome_page.language.findData("fr"))
    qtbot.waitUntil(lambda: wiz.welcome_page.title() != "Welcome to Loyalty Desktop")
    assert wiz.welcome_page.title() == "Bienvenue dans Loyalty Desktop"
    assert "Suivant" in wiz.button(QWizard.WizardButton.NextButton).text()
    assert wiz.button(QWizard.WizardButton.CancelButton).text() == "Annuler"
    click_next(qtbot, wiz)
    assert "Créez une clé d'API" in wiz.key_page.title()


def _keyboard(qtbot, wiz: SetupWizard, button) -> None:
    """Press `button` as a keyboard user does: Tab until it has the focus, then Space (no mouse,
    no direct call)."""
    qtbot.waitUntil(button.isEnabled, timeout=TIMEOUT)
    for _ in range(60):
        if QApplication.focusWidget() is button:
            break
        qtbot.keyClick(QApplication.focusWidget() or wiz, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button, f"page {wiz.currentId()}: Tab never reaches {button.text()!r}"
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_the_whole_demo_wizard_works_from_the_keyboard(qtbot, make_wizard) -> None:
    wiz = make_wizard()
    wiz.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wiz, timeout=TIMEOUT)

    def next_button():
        b = wiz.button(QWizard.WizardButton.NextButton)
        return b if b.isVisible() else wiz.button(QWizard.WizardButton.CommitButton)

    assert wiz.welcome_page.demo.isChecked()  # the default choice
    _keyboard(qtbot, wiz, next_button())
    assert wiz.currentPage() is wiz.key_page
    _keyboard(qtbot, wiz, next_button())
    assert wiz.currentPage() is wiz.verify_page
    _keyboard(qtbot, wiz, wiz.verify_page.verify_button)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    _keyboard(qtbot, wiz, next_button())
    assert wiz.currentPage() is wiz.source_page
    members = wiz.source_page.members
    members.setFocus()
    qtbot.keyClick(members, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(members, "120")
    assert members.value() == 120
    _keyboard(qtbot, wiz, next_button())
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    _keyboard(qtbot, wiz, next_button())  # → sync: what will be sent, then Start
    _keyboard(qtbot, wiz, wiz.sync_page.preview_panel.start_button)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    assert len([p for p in wiz.state.connection.sandbox.profiles() if p.external_id]) == 120  # members
    _keyboard(qtbot, wiz, next_button())
    assert wiz.currentPage() is wiz.done_page
    _keyboard(qtbot, wiz, wiz.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: not wiz.isVisible(), timeout=TIMEOUT)
    assert Settings.load().wizard_done
