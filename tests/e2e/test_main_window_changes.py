"""Changing anything later from the main window (issue 16, items 1 and 4), through the real widgets
against the sandboxes over real HTTP: the key entered again after "Forget key" (one button, no
restart), the set-up changed in the prefilled wizard, every sync option in the Settings tab."""

from __future__ import annotations

import os
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWizard

from helpers.window_sync import click_sync as sync
from helpers.wizard_walk import click_next, start_sync, walk_prefilled
from loyalty_desktop.core import secrets
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.splio_kit_panel import SplioKitPanel
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

TIMEOUT = 60_000
MEMBERS = 200

pytestmark = [pytest.mark.usefixtures("english")]


def settings(**kw: Any) -> Settings:
    s = Settings(platform="klaviyo", demo=True, target="klaviyo-sandbox", source="demo",
                 source_options={"members": str(MEMBERS), "seed": 42}, wizard_done=True)
    for k, v in kw.items():
        setattr(s, k, v)
    s.save()
    return s


def forget(qtbot: Any, w: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as m:
        m.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
        qtbot.mouseClick(w.settings_tab.forget_button, Qt.MouseButton.LeftButton)


def test_forget_key_then_one_button_back_to_a_working_sync(qtbot: Any, open_window: Any,
                                                          live_sandbox: KlaviyoSandbox,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    key = live_sandbox.add_key()
    secrets.save("klaviyo", key)
    w = open_window(settings(demo=False, target="klaviyo"))
    assert sync(qtbot, w).profiles_sent == MEMBERS
    forget(qtbot, w, monkeypatch)
    assert secrets.load("klaviyo") is None and w.connection is None
    panel = w.connection_panel
    assert "Paste the key…" in panel.health_value.text() and "setup again" not in panel.health_value.text()
    # The one button: visible, enabled, and the only way forward the window offers.
    assert panel.key_button.isVisible() and panel.key_button.isEnabled()
    assert not w.sync_panel.sync_button.isEnabled()
    qtbot.mouseClick(panel.key_button, Qt.MouseButton.LeftButton)
    dialog = panel.key_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.key.edit, key)
    qtbot.keyClick(dialog.key.edit, Qt.Key.Key_Return)  # Enter verifies
    qtbot.waitUntil(lambda: "✓" in dialog.status.text() or "✗" in dialog.status.text(), timeout=TIMEOUT)
    assert dialog.ok_button.isEnabled(), dialog.status.text()
    assert dialog.isVisible()  # Enter verified; it did not close the dialog
    assert "Connected to Klaviyo account" in dialog.status.text()
    assert "continues where the last one stopped" in dialog.status.text()  # same account: not a first sync
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and secrets.load("klaviyo") == key
    assert w.connection is not None and "Connected" in panel.health_value.text()
    assert panel.key_value.text() == secrets.mask(key)
    # A change in the program since, and the sync works again, without restarting the app.
    live_sandbox.profiles()  # (the account holds the first sync's contacts)
    before = live_sandbox.count_requests(write_only=True)
    summary = sync(qtbot, w)
    assert summary.status.value in ("completed", "completed_with_rejects") and not summary.first_sync
    assert len(live_sandbox.profiles()) == MEMBERS
    assert live_sandbox.count_requests(write_only=True) >= before


def test_a_key_lost_at_restart_says_first_sync_for_an_account_never_synced(
        qtbot: Any, open_window: Any, live_sandbox: KlaviyoSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    w = open_window(settings(demo=False, target="klaviyo"))  # no key stored (a session-only key is gone)
    panel = w.connection_panel
    qtbot.waitUntil(lambda: "No key stored" in panel.health_value.text(), timeout=TIMEOUT)
    assert panel.key_button.isVisible()
    dialog = panel.enter_key()
    with monkeypatch.context() as m:  # no browser: the button says so, with the address
        m.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
        qtbot.mouseClick(dialog.page_button, Qt.MouseButton.LeftButton)
    assert "Nothing could open it" in dialog.page_status.text() and "klaviyo.com" in dialog.page_status.text()
    qtbot.keyClicks(dialog.key.edit, "pk_" + "W" * 34)
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✗" in dialog.status.text(), timeout=TIMEOUT)
    assert not dialog.ok_button.isEnabled()  # a refused key is never used
    dialog.key.clear()
    qtbot.keyClicks(dialog.key.edit, live_sandbox.add_key())
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=TIMEOUT)
    assert "the next sync is a first sync" in dialog.status.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    summary = sync(qtbot, w)
    assert summary.first_sync and len(live_sandbox.profiles()) == MEMBERS and live_sandbox.events() == []


def test_change_the_set_up_prefilled_new_preset_without_restart(qtbot: Any, open_window: Any) -> None:
    w = open_window(settings())
    assert sync(qtbot, w).profiles_sent == MEMBERS
    qtbot.mouseClick(w.connection_panel.setup_button, Qt.MouseButton.LeftButton)
    wiz = w.setup_again.wizard
    assert wiz is not None and wiz.isVisible() and wiz.prefilled
    # Prefilled: demo mode on Klaviyo, the demo program's size, the saved mapping.
    assert wiz.welcome_page.demo.isChecked() and wiz.welcome_page.demo_platform.currentData() == "klaviyo"
    assert wiz.source_page.demo.isChecked() and wiz.source_page.members.value() == MEMBERS

    def next_() -> None:
        click_next(qtbot, wiz)

    next_()
    next_()
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)  # the demo key is checked at once
    next_()
    next_()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    page = wiz.mapping_page
    assert page.preset.currentData() == "klaviyo-loyalty"  # the saved preset
    other = next(page.preset.itemData(i) for i in range(page.preset.count())
                 if page.preset.itemData(i) != "klaviyo-loyalty")
    page.preset.setCurrentIndex(page.preset.findData(other))
    qtbot.waitUntil(lambda: page.preview.rowCount() == 5, timeout=TIMEOUT)  # the live preview
    next_()
    preview = wiz.sync_page.preview_panel
    qtbot.waitUntil(preview.start_button.isEnabled, timeout=TIMEOUT)
    assert "contacts will be written" in preview.figures.text()
    assert w.settings.mapping.get("preset") != other  # nothing changed before it is kept
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    new_sandbox = wiz.state.connection.sandbox
    next_()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    # The window uses the new set-up at once: settings, connection, next sync.
    assert w.settings.mapping["preset"] == other and Settings.load().mapping["preset"] == other
    assert w.connection is not None and w.connection.sandbox is new_sandbox
    summary = sync(qtbot, w)
    assert summary.status.value in ("completed", "completed_with_rejects")


def test_options_in_the_settings_tab_klaviyo_demo(qtbot: Any, open_window: Any) -> None:
    w = open_window(settings())
    opts = w.settings_tab.options
    assert opts is not None
    w.tabs.setCurrentWidget(w.settings_tab)
    assert opts.backfill.isVisible() and opts.advance_button.isVisible()
    assert not opts.create_missing.isVisible() and not opts.remote_diff.isVisible()  # Splio's only
    for note in (opts.backfill_note, opts.advance_note):
        assert note.isVisible() and note.text().endswith(".")
    first = sync(qtbot, w)
    assert first.first_sync and first.events_sent == 0
    sandbox = w.connection.sandbox
    opts.days.setValue(30)
    qtbot.mouseClick(opts.advance_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "moved 30 days forward" in opts.advance_result.text(), timeout=TIMEOUT)
    later = sync(qtbot, w)
    assert later.events_sent > 0 and len(sandbox.events()) == later.events_sent
    assert not any(e.backfill for e in sandbox.events())
    opts.backfill.setChecked(True)
    assert Settings.load().source_options["backfill"] is True


def test_splio_create_missing_contacts_from_the_settings_tab(qtbot: Any, open_window: Any) -> None:
    w = open_window(settings(platform="splio", target="splio-sandbox", mapping={}))
    opts = w.settings_tab.options
    assert opts is not None
    w.tabs.setCurrentWidget(w.settings_tab)
    assert opts.create_missing.isVisible() and opts.remote_diff.isVisible() and not opts.backfill.isVisible()
    assert opts.create_missing.text() == "Create missing contacts"
    w.settings.source_options["create_fields"] = True
    first = sync(qtbot, w)
    sandbox = w.connection.sandbox
    assert first.members_rejected > 0  # members who are not Splio contacts: skipped
    from loyalty_desktop import service

    with service.open_store() as store:
        reasons = {r.reason for r in store.rejected_rows(first.run_id)}
    assert any("Settings → Sync options" in r and "Create missing contacts" in r for r in reasons)
    contacts_before = len(sandbox.contacts())
    qtbot.mouseClick(opts.create_missing, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, opts.create_missing.height() // 2))  # on the box itself
    assert Settings.load().source_options["create_missing"] is True
    second = sync(qtbot, w)
    assert len(sandbox.contacts()) == contacts_before + first.members_rejected
    assert second.status.value in ("completed", "completed_with_rejects")


def test_buttons_have_texts(open_window: Any) -> None:
    w = open_window(settings())
    for b in w.findChildren(QPushButton):
        assert b.text() or b.accessibleName(), b


def test_next_months_spreadsheet_same_account_plans_only_the_changes(
        qtbot: Any, open_window: Any, live_sandbox: KlaviyoSandbox, tmp_path: Any) -> None:
    from helpers.spreadsheet_make import write_csv

    def export(name: str, bumped: int) -> Any:
        rows = [["Email", "Points"]] + [[f"m{i:02d}@exemple.fr", str(150 if i < bumped else 100)] for i in range(20)]
        return write_csv(tmp_path / name, rows)

    first, second = export("novembre.csv", 0), export("decembre.csv", 5)
    secrets.save("klaviyo", live_sandbox.add_key())
    w = open_window(settings(demo=False, target="klaviyo", source="csv", source_options={"members": str(first)}))
    assert sync(qtbot, w).profiles_sent == 20

    def pick_new_file(wiz: Any) -> None:
        panel = wiz.source_page.sheet_panel
        assert wiz.source_page.sheet.isChecked() and panel.members_file.text() == str(first)  # prefilled
        panel.members_file.setText(str(second))
        panel.members_file.editingFinished.emit()
        qtbot.waitUntil(lambda: not panel.busy_reading and panel.ready(), timeout=TIMEOUT)

    wiz = walk_prefilled(qtbot, w, pick_new_file)
    preview = wiz.sync_page.preview_panel.preview
    # Same account, same file layout: not a first sync; only the five changed members are written.
    assert not preview.first_sync and preview.baseline is None
    assert (preview.profiles, preview.unchanged) == (5, 15)
    assert wiz.sync_page.title() == "Sync with your changes"
    writes = live_sandbox.count_requests(write_only=True)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    assert wiz.state.summary.profiles_sent == 5 and live_sandbox.count_requests(write_only=True) > writes
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert w.settings.source_options["members"] == str(second) == Settings.load().source_options["members"]
    assert sync(qtbot, w).profiles_sent == 0  # the main window reads the new file from now on


def test_switch_platform_from_the_main_window(qtbot: Any, open_window: Any) -> None:
    w = open_window(settings())
    assert w.kit_panel is not None  # Klaviyo: the kit tab

    qtbot.mouseClick(w.connection_panel.setup_button, Qt.MouseButton.LeftButton)
    wiz = w.setup_again.wizard
    wiz.welcome_page.demo_platform.setCurrentIndex(wiz.welcome_page.demo_platform.findData("splio"))

    def next_() -> None:
        click_next(qtbot, wiz)

    next_()
    assert wiz.key_page.title() == "Create an API key in Splio"
    next_()
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    next_()
    next_()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    assert wiz.mapping_page.preset.currentData().startswith("splio")
    next_()
    qtbot.waitUntil(wiz.sync_page.preview_panel.start_button.isEnabled, timeout=TIMEOUT)
    assert wiz.sync_page.preview_panel.preview.first_sync  # another platform: a first sync, said before Start
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    next_()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert w.settings.platform == "splio" and w.controller.platform_label() == "Splio"
    # Splio's own kit tab in place of Klaviyo's (as a window opened on Splio has)
    assert isinstance(w.kit_panel, SplioKitPanel) and "Splio" in w.connection_panel.platform_value.text()
    assert w.tabs.tabText(w.tabs.indexOf(w.kit_panel)).replace("&", "") == "Splio kit"
    assert w.settings_tab.options.create_missing.isVisibleTo(w.settings_tab)
    summary = sync(qtbot, w)
    assert summary.status.value in ("completed", "completed_with_rejects")


def test_open_folder_says_where_when_nothing_opens_it_and_first_launch_is_centred(
        qtbot: Any, open_window: Any, monkeypatch: pytest.MonkeyPatch, data_dir: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    w = open_window(settings())
    w.tabs.setCurrentWidget(w.settings_tab)
    qtbot.mouseClick(w.settings_tab.folder_button, Qt.MouseButton.LeftButton)
    status = w.settings_tab.folder_status
    assert status.isVisible() and "Nothing could open it" in status.text() and str(data_dir.name) in status.text()
    # No saved size: the window opens in the middle of the screen.
    area = QGuiApplication.primaryScreen().availableGeometry()
    frame = w.frameGeometry()
    assert abs(frame.center().x() - area.center().x()) <= max(4, (frame.width() - area.width()) // 2 + 4)


def test_change_synced_then_another_not_synced_then_cancel_keeps_the_synced_one(qtbot: Any, open_window: Any) -> None:
    w = open_window(settings())
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    old_conn = w.connection
    wiz = walk_prefilled(qtbot, w)
    page = wiz.mapping_page
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    other = next(page.preset.itemData(i) for i in range(page.preset.count())
                 if page.preset.itemData(i) != page.preset.currentData())
    page.preset.setCurrentIndex(page.preset.findData(other))
    b = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(b.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.sync_page.preview_panel.start_button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    # The window keeps what was synced (not the preset chosen after), and connects again from it.
    assert w.settings.mapping.get("preset") != other and Settings.load().mapping.get("preset") != other
    qtbot.waitUntil(lambda: w.connection is not None and w.connection is not old_conn, timeout=TIMEOUT)
    assert sync(qtbot, w).status.value in ("completed", "completed_with_rejects")


def test_change_the_set_up_twice(qtbot: Any, open_window: Any) -> None:
    w = open_window(settings())
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    for _ in range(2):  # closed without a sync: nothing changes, and it opens again
        qtbot.mouseClick(w.connection_panel.setup_button, Qt.MouseButton.LeftButton)
        wiz = w.setup_again.wizard
        assert wiz is not None and wiz.isVisible()
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.setup_again.wizard is None, timeout=TIMEOUT)
    assert w.connection is not None and w.sync_panel.sync_button.isEnabled()


def test_replay_history_ticked_in_the_settings_tab_applies_to_the_first_sync(qtbot: Any, open_window: Any) -> None:
    w = open_window(settings())
    opts = w.settings_tab.options
    assert opts is not None
    w.tabs.setCurrentWidget(w.settings_tab)
    qtbot.mouseClick(opts.backfill, Qt.MouseButton.LeftButton, pos=QPoint(8, opts.backfill.height() // 2))
    assert w.settings.source_options["backfill"] is True
    summary = sync(qtbot, w)
    events = w.connection.sandbox.events()
    assert summary.first_sync and summary.events_sent == len(events) > 0
    assert all(e.backfill for e in events)  # history: no flow starts
