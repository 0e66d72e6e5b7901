"""The Kit tab explains itself (issue 16.8) and the kit finishes itself (17.4), through the real main
window in demo mode against the in-process Klaviyo sandbox: flows waiting for their metric show as
pending, the sync that creates the metric makes them (pending → created in the tab), the results are
there again at the next launch, and the run says what it waits for."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from helpers.sync_helpers import demo_settings
from helpers.wizard_walk import start_sync
from loyalty_desktop import service
from loyalty_desktop.destinations.klaviyo.kit import ItemKind, ItemStatus
from loyalty_desktop.destinations.klaviyo.kit.model import Pace
from loyalty_desktop.ui.kit_panel import KitPanel
from loyalty_desktop.ui.main.window import MainWindow
from loyalty_desktop.ui.tasks import TaskManager

# The syncs run in the worker process (real time): the in-process sandbox's clock moves on with it.
pytestmark = [pytest.mark.usefixtures("english"), pytest.mark.usefixtures("moving_rate_clock")]

TIMEOUT = 120_000
MEMBERS = 300


def window(qtbot: Any, tasks: TaskManager) -> MainWindow:
    w = MainWindow(demo_settings(), tasks)
    qtbot.addWidget(w, before_close_func=lambda win: win.shutdown())
    w.show()
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    return w


def sync(qtbot: Any, w: MainWindow) -> Any:
    with qtbot.waitSignal(w.syncFinished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(w.sync_panel.sync_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def listed(qtbot: Any, w: MainWindow) -> KitPanel:
    kit = w.kit_panel
    assert kit is not None
    w.tabs.setCurrentWidget(kit)
    qtbot.waitUntil(lambda: bool(kit.plan) and kit.run_button.isEnabled(), timeout=TIMEOUT)
    if kit.languages() != "en":
        kit.language.setCurrentIndex(kit.language.findData("en"))
        qtbot.waitUntil(lambda: bool(kit.plan) and kit.run_button.isEnabled() and kit.languages() == "en",
                        timeout=TIMEOUT)
    return kit


def rows(kit: KitPanel) -> dict[str, tuple[str, str]]:
    return {str(c.data(0, Qt.ItemDataRole.UserRole + 1)): (c.text(1), c.text(2)) for c in kit._children()}


def test_pending_flows_become_created_and_the_tab_remembers(qtbot: Any, tasks: TaskManager) -> None:
    w = window(qtbot, tasks)
    assert sync(qtbot, w).events_sent == 0  # a first sync: profiles only, no metric in Klaviyo yet
    kit = listed(qtbot, w)
    with qtbot.waitSignal(kit.finished, timeout=TIMEOUT) as done:
        qtbot.mouseClick(kit.run_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    flows = [r for r in report.results if r.item.kind is ItemKind.FLOW]
    assert flows and {r.status for r in flows} == {ItemStatus.PENDING}
    shown = rows(kit)
    for r in flows:
        status, details = shown[r.item.key]
        assert status == "Pending" and f"“{r.item.metrics[0]}”" in details and "next sync" in details
    assert "wait for their first event" in kit.summary.text()

    # A month passes in the demo program: the next sync sends events and makes the flows of their metrics.
    service.advance_demo(service.DemoSpec(MEMBERS, 42), 30)  # a month in the demo program
    assert sync(qtbot, w).events_sent > 0
    assert w.connection is not None
    made = {f.name for f in w.connection.sandbox.flows()}
    assert made
    first_made = next(r.item.key for r in flows if r.item.name in made)
    qtbot.waitUntil(lambda: rows(kit).get(first_made, ("",))[0] == "Created", timeout=TIMEOUT)
    after = rows(kit)
    for r in flows:
        assert after[r.item.key][0] == ("Created" if r.item.name in made else "Pending"), r.item.key
    w.close()

    # The next launch: the tab shows the last results, not an empty list.
    again = window(qtbot, tasks)
    kit2 = listed(qtbot, again)
    qtbot.waitUntil(lambda: bool(kit2.results), timeout=TIMEOUT)
    remembered = rows(kit2)
    for r in flows:
        assert remembered[r.item.key][0] == after[r.item.key][0]
    assert "Results of the last run" in kit2.summary.text()
    # Columns are as wide as their text: nothing is cut.
    for column in range(3):
        assert kit2.tree.columnWidth(column) >= kit2.tree.sizeHintForColumn(column)


def test_the_run_says_what_it_waits_for(qtbot: Any, tasks: TaskManager) -> None:
    kit = KitPanel(tasks, lambda: None, lambda: None)
    qtbot.addWidget(kit)
    kit._bridge.waiting.emit(Pace(ItemKind.FLOW, 40.2, 15, 1))
    assert kit.progress.format() == "Waiting 40 s: Klaviyo allows 15 new flows a minute."
    kit._bridge.waiting.emit(Pace(ItemKind.SEGMENT, 3, 15, 1))
    assert kit.progress.format() == "Waiting 3 s: Klaviyo allows 15 new segments a minute."


def test_a_key_without_the_kits_scopes_is_told_before_anything_fails(qtbot: Any, tasks: TaskManager) -> None:
    """The key check found the kit's scopes missing: the kit says which, and makes nothing."""
    from dataclasses import replace

    w = window(qtbot, tasks)
    kit = listed(qtbot, w)
    conn = w.connection
    assert conn is not None
    conn.account = replace(conn.account, missing_scopes=("flows:write", "templates:write"))
    assert not kit.start() and not kit.running
    assert "flows:write, templates:write" in kit.summary.text()
    assert conn.sandbox.segments() == [] and conn.sandbox.flows() == []


def test_the_demo_wizard_kit_creates_every_flow_at_once(qtbot: Any, make_wizard: Any) -> None:
    """An agency demo: the wizard's demo first sync replays history as backfill (no flow starts), so
    every metric exists and the kit on the last page creates all its items, the flows included."""
    from PySide6.QtWidgets import QWizard

    def click_next() -> None:
        button = wiz.button(QWizard.WizardButton.NextButton)
        if not button.isVisible():
            button = wiz.button(QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(button.isEnabled, timeout=TIMEOUT)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    wiz = make_wizard()
    click_next()  # welcome → create key
    click_next()  # → verify
    qtbot.mouseClick(wiz.verify_page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    click_next()  # → source
    wiz.source_page.members.setValue(200)
    click_next()
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    click_next()  # → sync: what will be sent (history replayed, ticked in the demo), then Start
    assert wiz.sync_page.preview_panel.options.backfill.isChecked()
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    sandbox = wiz.state.connection.sandbox
    assert all(e.backfill for e in sandbox.events())  # history: recorded, nothing triggered
    click_next()  # → done
    kit = wiz.done_page.open_kit().panel
    qtbot.waitUntil(lambda: bool(kit.plan) and kit.run_button.isEnabled(), timeout=TIMEOUT)
    kit.language.setCurrentIndex(kit.language.findData("en"))
    qtbot.waitUntil(lambda: bool(kit.plan) and kit.run_button.isEnabled() and kit.languages() == "en",
                    timeout=TIMEOUT)
    with qtbot.waitSignal(kit.finished, timeout=TIMEOUT) as done:
        qtbot.mouseClick(kit.run_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert {r.status for r in report.results} == {ItemStatus.CREATED}, [
        (r.item.key, r.status, r.message) for r in report.results if r.status is not ItemStatus.CREATED]
    flows = [r for r in report.results if r.item.kind is ItemKind.FLOW]
    assert len(flows) == 9 and {f.name for f in sandbox.flows()} == {r.item.name for r in flows}
    wiz.done_page.kit_dialog.reject()
