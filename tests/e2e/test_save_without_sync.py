""""Save without syncing" (issue 16, item 1): the set-up changed from the main window is kept without
running a sync — settings saved as a completed change would, the main window adopts the new choices
and says what the next sync will do; nothing is recorded or written until that next sync, which then
uses the new choices. Through the real widgets, against a Klaviyo sandbox account over real HTTP."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from helpers.spreadsheet_make import write_csv
from helpers.window_sync import click_sync as sync
from helpers.wizard_walk import walk_prefilled
from loyalty_desktop import service
from loyalty_desktop.core import secrets
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.splio_kit_panel import SplioKitPanel
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_emulators.klaviyo.server import KlaviyoSandbox

TIMEOUT = 60_000
MEMBERS = 20

pytestmark = [pytest.mark.usefixtures("english")]


def export(path: Path, bumped: int = 0) -> Path:
    rows = [["Email", "Points"]] + [[f"m{i:02d}@exemple.fr", str(150 if i < bumped else 100)]
                                    for i in range(MEMBERS)]
    return write_csv(path, rows)


@pytest.fixture
def make_window(open_window: Callable[..., MainWindow], live_sandbox: KlaviyoSandbox) -> Callable[..., MainWindow]:
    def make(members: Path) -> MainWindow:
        secrets.save("klaviyo", live_sandbox.add_key())
        s = Settings(platform="klaviyo", target="klaviyo", source="csv", source_options={"members": str(members)},
                     wizard_done=True)
        s.save()
        return open_window(s)

    return make


def data_writes(sandbox: Any) -> list[str]:
    """The writes a sandbox received, but logging in (Splio's POST /authenticate reads nothing)."""
    return [r.operation for r in sandbox.requests if r.method in ("POST", "PUT", "PATCH", "DELETE")
            and r.operation != "authenticate"]


def run_count() -> int:
    with service.open_store() as store:
        return len(store.runs())


def save_without_syncing(qtbot: Any, w: MainWindow, wiz: Any) -> None:
    button = wiz.sync_page.preview_panel.save_button
    assert button.isVisible() and button.isEnabled() and button.text() == "Save &without syncing"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.setup_again.wizard is None, timeout=TIMEOUT)  # closed, deleted on close


def test_a_new_spreadsheet_file_saved_without_syncing(qtbot: Any, make_window: Any, live_sandbox: KlaviyoSandbox,
                                                      tmp_path: Path) -> None:
    first, second = export(tmp_path / "novembre.csv"), export(tmp_path / "decembre.csv", bumped=5)
    w = make_window(first)
    assert sync(qtbot, w).profiles_sent == MEMBERS

    def pick_new_file(wiz: Any) -> None:
        panel = wiz.source_page.sheet_panel
        panel.members_file.setText(str(second))
        panel.members_file.editingFinished.emit()
        qtbot.waitUntil(lambda: not panel.busy_reading and panel.ready(), timeout=TIMEOUT)

    wiz = walk_prefilled(qtbot, w, pick_new_file)
    assert (wiz.sync_page.preview_panel.preview.profiles, wiz.sync_page.preview_panel.preview.unchanged) == (5, 15)
    runs, writes = run_count(), live_sandbox.count_requests(write_only=True)
    save_without_syncing(qtbot, w, wiz)

    # Nothing recorded, nothing written; the choices are saved and the window uses them.
    assert run_count() == runs and live_sandbox.count_requests(write_only=True) == writes
    assert w.settings.source_options["members"] == str(second) == Settings.load().source_options["members"]
    assert w.status.status_label.text() == "Set-up saved without syncing: nothing was sent."
    note = w.sync_panel.next_label
    assert note.isVisible() and note.text().startswith(
        "Next sync: 5 contacts will be written in Klaviyo (15 already up to date, out of 20 members).")
    assert w.connection is not None and w.sync_panel.sync_button.isEnabled()  # the wizard's verified connection

    # The next sync from the main window reads the new file: the five changed members, nothing else.
    after = sync(qtbot, w)
    assert (after.profiles_sent, after.unchanged) == (5, 15)
    points = {str(p.email): p.properties.get("Loyalty Points Balance") for p in live_sandbox.profiles()}
    assert sorted(e for e, v in points.items() if v == 150) == [f"m{i:02d}@exemple.fr" for i in range(5)]
    assert not note.isVisible()  # said until the next sync ran


def test_a_new_mapping_saved_without_syncing(qtbot: Any, make_window: Any, live_sandbox: KlaviyoSandbox,
                                             tmp_path: Path) -> None:
    w = make_window(export(tmp_path / "membres.csv"))
    assert sync(qtbot, w).profiles_sent == MEMBERS
    assert all("Smile Points Balance" not in p.properties for p in live_sandbox.profiles())
    wiz = walk_prefilled(qtbot, w)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert wiz.currentPage() is wiz.mapping_page
    page = wiz.mapping_page
    page.preset.setCurrentIndex(page.preset.findData("klaviyo-smile"))  # Smile.io's own property names
    qtbot.waitUntil(page.isComplete, timeout=TIMEOUT)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.sync_page.preview_panel.save_button.isEnabled, timeout=TIMEOUT)
    assert wiz.sync_page.preview_panel.preview.profiles == MEMBERS
    runs, writes = run_count(), live_sandbox.count_requests(write_only=True)
    save_without_syncing(qtbot, w, wiz)

    assert run_count() == runs and live_sandbox.count_requests(write_only=True) == writes
    assert Settings.load().mapping["preset"] == w.settings.mapping["preset"] == "klaviyo-smile"
    assert "Next sync: 20 contacts will be written in Klaviyo" in w.sync_panel.next_label.text()
    assert all("Smile Points Balance" not in p.properties for p in live_sandbox.profiles())

    after = sync(qtbot, w)
    assert after.profiles_sent == MEMBERS
    assert all(p.properties.get("Smile Points Balance") == 100 for p in live_sandbox.profiles())


def test_the_button_is_only_offered_when_changing_the_set_up(make_wizard: Any) -> None:
    wiz = make_wizard()  # the first set-up: a first sync, Start only
    assert wiz.sync_page.preview_panel.save_button.isHidden()


def test_another_platform_saved_without_syncing(qtbot: Any, tasks: TaskManager) -> None:
    """The offline demo moved from Klaviyo to Splio without syncing: the window switches (Splio's kit tab,
    Splio's options), says the next sync is a first sync, and nothing reached Splio before it."""
    s = Settings(platform="klaviyo", demo=True, target="klaviyo-sandbox", source="demo",
                 source_options={"members": "120", "seed": 42}, wizard_done=True)
    s.save()
    w = MainWindow(s, tasks)
    qtbot.addWidget(w, before_close_func=lambda win: win.shutdown())
    w.show()
    assert w.kit_panel is not None
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)

    def to_splio(wiz: Any) -> None:
        wiz.welcome_page.demo_platform.setCurrentIndex(wiz.welcome_page.demo_platform.findData("splio"))

    wiz = walk_prefilled(qtbot, w, at_welcome=to_splio)
    qtbot.waitUntil(wiz.sync_page.preview_panel.save_button.isEnabled, timeout=TIMEOUT)
    preview, conn = wiz.sync_page.preview_panel.preview, wiz.state.connection
    assert preview is not None and preview.first_sync and conn is not None
    splio = conn.sandbox
    runs = run_count()
    save_without_syncing(qtbot, w, wiz)

    assert run_count() == runs and data_writes(splio) == []
    assert Settings.load().platform == w.settings.platform == "splio" and w.controller.platform_label() == "Splio"
    assert isinstance(w.kit_panel, SplioKitPanel) and w.connection is not None and w.connection.sandbox is splio
    assert "First sync to this account: contacts only" in w.sync_panel.next_label.text()
    first = sync(qtbot, w)
    assert first.first_sync and first.profiles_sent > 0 and data_writes(splio)
