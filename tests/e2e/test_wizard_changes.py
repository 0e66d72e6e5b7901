"""The wizard follows changed choices, previews before it sends, and its polish (issue 16, items 2,
4, 5, 10), driven through the real widgets against the in-process sandboxes (real HTTP)."""

from __future__ import annotations

import os
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWizard

from helpers.wizard_walk import start_sync
from loyalty_desktop import service
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui.wizard.wizard import SetupWizard

TIMEOUT = 60_000


def click_next(qtbot: Any, wiz: SetupWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_back(qtbot: Any, wiz: SetupWizard) -> None:
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)


def to_mapping(qtbot: Any, wiz: SetupWizard, members: int = 200) -> None:
    click_next(qtbot, wiz)  # → create key
    click_next(qtbot, wiz)  # → verify
    qtbot.mouseClick(wiz.verify_page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    click_next(qtbot, wiz)  # → loyalty data
    wiz.source_page.members.setValue(members)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)


def runs_recorded() -> int:
    with service.open_store() as store:
        return len(store.runs(100))


def test_next_writes_nothing_start_sends_what_the_preview_said(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    to_mapping(qtbot, wiz)
    click_next(qtbot, wiz)  # → sync page: planned, not sent
    panel = wiz.sync_page.preview_panel
    qtbot.waitUntil(panel.start_button.isEnabled, timeout=TIMEOUT)
    sandbox = wiz.state.connection.sandbox
    assert sandbox.profiles() == [] and sandbox.events() == []
    # The key check probes write scopes with requests that cannot succeed (an unknown id, an empty
    # job): none of them was accepted.
    assert not [r for r in sandbox.requests if r.method in ("POST", "PATCH", "PUT", "DELETE") and 200 <= r.status < 300]
    assert runs_recorded() == 0  # not even a run in the history
    assert panel.preview is not None and panel.preview.profiles == 200 and panel.preview.first_sync
    text = panel.figures.text()
    assert "<b>200</b> contacts will be written in Klaviyo" in text and "First sync to this account" in text
    assert "Nothing has been sent yet" in text
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()  # Start, not Next, sends
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    # 200 members (history replayed in the demo also gives invited friends a profile)
    members = [p for p in sandbox.profiles() if p.external_id]
    assert len(members) == 200 == wiz.state.summary.profiles_sent
    assert not panel.isVisible() and wiz.sync_page.run_box.isVisible()


def test_back_to_another_platform_updates_every_later_page(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    to_mapping(qtbot, wiz)
    klaviyo_sandbox = wiz.state.connection.sandbox
    assert "Klaviyo" in wiz.mapping_page.title()
    for _ in range(4):  # mapping → source → verify → key → welcome
        click_back(qtbot, wiz)
    assert wiz.currentPage() is wiz.welcome_page
    wiz.welcome_page.demo_platform.setCurrentIndex(wiz.welcome_page.demo_platform.findData("splio"))
    click_next(qtbot, wiz)
    assert wiz.key_page.title() == "Create an API key in Splio"
    assert "Splio" in wiz.key_page.steps.text() and "Klaviyo" not in wiz.key_page.steps.text()
    click_next(qtbot, wiz)
    vp = wiz.verify_page
    assert vp.title() == "Paste and verify your Splio key" and not vp.isComplete()
    assert vp.status.text() == "" and wiz.state.connection is None  # the Klaviyo connection is gone
    qtbot.mouseClick(vp.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(vp.isComplete, timeout=TIMEOUT)
    assert "Splio" in vp.status.text()
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)  # the source opens again, for Splio
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    assert "Splio" in wiz.mapping_page.title() and wiz.mapping_page.preset.currentData().startswith("splio")
    qtbot.waitUntil(wiz.mapping_page.isComplete, timeout=TIMEOUT)
    click_next(qtbot, wiz)
    opts = wiz.sync_page.preview_panel.options
    # Splio's own options show; replaying history (events) does not apply to Splio.
    assert opts.create_missing.isVisibleTo(wiz) and opts.remote_diff.isVisibleTo(wiz)
    assert not opts.backfill.isVisibleTo(wiz)
    qtbot.waitUntil(wiz.sync_page.preview_panel.start_button.isEnabled, timeout=TIMEOUT)
    # Splio takes loyalty moments (fields + interactions) from the next syncs on, not at a first sync.
    assert "moments from now on are sent as events at the next syncs" in wiz.sync_page.preview_panel.figures.text()
    assert klaviyo_sandbox.profiles() == []  # nothing was ever sent to the first choice


def test_a_change_after_the_first_sync_plans_again(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    to_mapping(qtbot, wiz)
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    sandbox = wiz.state.connection.sandbox
    assert any("Loyalty Tier Name" in p.properties for p in sandbox.profiles())
    click_back(qtbot, wiz)  # Back is possible once the sync ended
    assert wiz.currentPage() is wiz.mapping_page
    model = wiz.mapping_page.model
    row = next(i for i, f in enumerate(model.mapping().fields) if f.target == "Loyalty Tier Name")
    model.setData(model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    click_next(qtbot, wiz)
    # Not the old "Finished": a new plan for the new mapping, waiting for Start.
    panel = wiz.sync_page.preview_panel
    assert panel.isVisible() and not wiz.sync_page.isComplete()
    qtbot.waitUntil(panel.start_button.isEnabled, timeout=TIMEOUT)
    assert not panel.preview.first_sync
    assert wiz.sync_page.title() == "Sync with your changes"
    writes = sandbox.count_requests(write_only=True)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    assert sandbox.count_requests(write_only=True) > writes


@pytest.mark.parametrize("how", ["cancel", "close"])
def test_leaving_after_a_completed_first_sync_keeps_the_set_up(qtbot: Any, make_wizard: Any, how: str) -> None:
    wiz = make_wizard()
    kept: list[bool] = []
    wiz.kept.connect(lambda: kept.append(True))
    to_mapping(qtbot, wiz)
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    if how == "cancel":
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    else:
        wiz.close()
    assert not wiz.isVisible() and kept == [True]
    saved = Settings.load()
    assert saved.wizard_done and saved.target == "klaviyo-sandbox" and saved.mapping["preset"] == "klaviyo-loyalty"


def test_leaving_before_the_first_sync_keeps_nothing(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    to_mapping(qtbot, wiz)
    click_next(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.preview_panel.start_button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wiz.isVisible() and not Settings.load().wizard_done


def test_replay_history_option_is_planned_and_sent_as_backfill(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    to_mapping(qtbot, wiz)
    click_next(qtbot, wiz)
    panel = wiz.sync_page.preview_panel
    qtbot.waitUntil(panel.start_button.isEnabled, timeout=TIMEOUT)
    # In the demo it is ticked at first (every kit flow's metric then exists); unticked, no history.
    assert panel.options.backfill.isChecked() and panel.preview.history_events > 0
    panel.options.backfill.setChecked(False)
    qtbot.waitUntil(lambda: panel.start_button.isEnabled() and panel.preview is not None
                    and panel.preview.history_events == 0, timeout=TIMEOUT)
    assert panel.options.backfill.text() == "Replay history (won't trigger flows)"
    assert "never start an email flow" in panel.options.backfill_note.text()
    panel.options.backfill.setChecked(True)  # plans again, still without writing
    qtbot.waitUntil(lambda: panel.start_button.isEnabled() and panel.preview is not None
                    and panel.preview.history_events > 0, timeout=TIMEOUT)
    sandbox = wiz.state.connection.sandbox
    assert sandbox.events() == [] and "replayed as history" in panel.figures.text()
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    events = sandbox.events()
    assert events and all(e.backfill for e in events)
    assert len(events) == panel.preview.history_events


def test_one_cancel_and_the_same_default_answer(qtbot: Any, make_wizard: Any, monkeypatch: Any) -> None:
    from loyalty_emulators.base.faults import Faults

    wiz = make_wizard()
    to_mapping(qtbot, wiz, members=1000)
    click_next(qtbot, wiz)
    wiz.state.connection.sandbox.faults = Faults(latency_s=0.3)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.sync_page.runner.running, timeout=TIMEOUT)
    visible = [b.text() for b in wiz.findChildren(type(wiz.button(QWizard.WizardButton.CancelButton)))
               if b.isVisible() and "ancel" in b.text()]
    assert visible == ["Cancel sync"]  # one Cancel on the sync page
    defaults: list[Any] = []

    def question(parent: Any, title: str, text: str, buttons: Any = None, default: Any = None) -> Any:
        defaults.append(default)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    wiz.close()
    # The main window asks with No as the default too (window.closeEvent).
    assert defaults == [QMessageBox.StandardButton.No] and wiz.isVisible()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.sync_page.resume_button.isVisible, timeout=TIMEOUT)
    assert wiz.isVisible() and wiz.button(QWizard.WizardButton.CancelButton).text() == "Cancel"


def test_enter_in_the_key_field_verifies(qtbot: Any, make_wizard: Any, live_sandbox: Any) -> None:
    wiz = make_wizard(demo=False)
    wiz.welcome_page.klaviyo.setChecked(True)
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    key = live_sandbox.add_key()
    qtbot.keyClicks(wiz.verify_page.key.edit, key)
    qtbot.keyClick(wiz.verify_page.key.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    assert "Connected to Klaviyo account" in wiz.verify_page.status.text()
    assert wiz.currentPage() is wiz.verify_page  # Enter verified; it did not skip the page


def test_open_the_page_says_so_when_no_browser_opens(qtbot: Any, make_wizard: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    wiz = make_wizard(demo=False)
    wiz.welcome_page.klaviyo.setChecked(True)
    click_next(qtbot, wiz)
    qtbot.mouseClick(wiz.key_page.open_button, Qt.MouseButton.LeftButton)
    text = wiz.key_page.open_status.text()
    assert "Nothing could open it" in text and wiz.state.descriptor.key_page in text


def test_the_wizard_opens_centred(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    area = QGuiApplication.primaryScreen().availableGeometry()
    centre = wiz.frameGeometry().center()
    assert (centre - area.center()).manhattanLength() <= 4 or wiz.frameGeometry().contains(area.center())
    assert wiz.pos() != QPoint(0, 0) or wiz.frameGeometry().width() >= area.width()


def test_a_plan_that_cannot_be_made_says_why_and_tries_again(qtbot: Any, make_wizard: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from loyalty_desktop import service_preview

    monkeypatch.setattr(service_preview, "LOCK_WAIT_S", 0.2)  # (a plan waits a few seconds for the lock)
    wiz = make_wizard()
    to_mapping(qtbot, wiz)
    panel = wiz.sync_page.preview_panel
    with service.sync_lock_for():  # another sync (the command line, say) holds the data folder
        click_next(qtbot, wiz)
        qtbot.waitUntil(panel.retry_button.isVisible, timeout=TIMEOUT)
    assert "✗" in panel.figures.text() and not panel.start_button.isEnabled()
    assert "sync" in panel.figures.text().lower()  # says another sync holds the data folder
    assert wiz.state.connection.sandbox.profiles() == []
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.start_button.isEnabled, timeout=TIMEOUT)
    assert not panel.retry_button.isVisible() and panel.preview.profiles == 200


def test_splio_members_skipped_as_not_in_splio_are_created_from_the_sync_page(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    wiz.welcome_page.demo_platform.setCurrentIndex(wiz.welcome_page.demo_platform.findData("splio"))
    to_mapping(qtbot, wiz)
    qtbot.waitUntil(wiz.mapping_page.isComplete, timeout=TIMEOUT)
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    page, sandbox = wiz.sync_page, wiz.state.connection.sandbox
    skipped = wiz.state.summary.members_rejected
    assert skipped > 0
    qtbot.waitUntil(page.create_missing_button.isVisible, timeout=TIMEOUT)
    before = len(sandbox.contacts())
    qtbot.mouseClick(page.create_missing_button, Qt.MouseButton.LeftButton)
    assert not page.isComplete()
    qtbot.waitUntil(page.isComplete, timeout=TIMEOUT)
    assert len(sandbox.contacts()) == before + skipped
    assert wiz.state.source_options["create_missing"] is True  # kept with the set-up
    assert not page.create_missing_button.isVisible()


def test_leaving_after_a_change_not_synced_keeps_what_was_synced(qtbot: Any, make_wizard: Any) -> None:
    wiz = make_wizard()
    kept: list[bool] = []
    wiz.kept.connect(lambda: kept.append(True))
    to_mapping(qtbot, wiz)
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    assert Settings.load().wizard_done  # saved as soon as the sync completed
    click_back(qtbot, wiz)
    model = wiz.mapping_page.model
    row = next(i for i, f in enumerate(model.mapping().fields) if f.target == "Loyalty Tier Name")
    model.setData(model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    click_next(qtbot, wiz)  # planned again, not started
    qtbot.waitUntil(wiz.sync_page.preview_panel.start_button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert not wiz.isVisible() and kept == [True]
    saved = Settings.load()
    assert ["tier_name", "Loyalty Tier Name", True] in saved.mapping["fields"]  # what was synced, not the change
