"""The main window's "Splio kit" tab, driven through its widgets against the in-process Splio
sandbox (demo mode): a first sync, a month later a second one sending moments, then one click makes
the groups, whose contacts plus the members without a contact are the Segments tab's figures; the
guide shows each moment's field in the chosen language, and the groups are named in it (found again, not made twice,
after a switch)."""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from helpers.sync_helpers import demo_settings
from helpers.window_sync import sync
from loyalty_desktop import service
from loyalty_desktop.destinations.splio.moments import MOMENTS
from loyalty_desktop.ui.splio_kit_panel import SplioKitPanel

pytestmark = pytest.mark.usefixtures("english")

TIMEOUT = 120_000
MEMBERS = 300


def test_splio_kit_tab_makes_groups_equal_to_the_segments_tab(qtbot: Any, open_window: Any) -> None:
    w = open_window(demo_settings(MEMBERS, platform="splio", target="splio-sandbox"))
    qtbot.waitUntil(w.sync_panel.sync_button.isEnabled, timeout=TIMEOUT)
    sync(qtbot, w)
    service.advance_demo(service.DemoSpec(MEMBERS, 42), 30)  # a month in the demo program
    assert sync(qtbot, w).events_sent > 0  # moments went to Splio

    kit = w.kit_panel
    assert isinstance(kit, SplioKitPanel)
    assert w.tabs.tabText(w.tabs.indexOf(kit)) == "Splio k&it"
    w.tabs.setCurrentWidget(kit)
    qtbot.waitUntil(lambda: bool(kit.plan))
    guide = kit.guide.toPlainText()
    assert all(m.trigger in guide for m in MOMENTS) and "Field to watch:" in guide
    kit.language.setCurrentIndex(kit.language.findData("fr"))
    assert "Champ à surveiller" in kit.guide.toPlainText()  # (toPlainText turns the no-break space into a space)

    with qtbot.waitSignal(kit.finished, timeout=TIMEOUT) as done:
        qtbot.mouseClick(kit.run_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert report is not None and not kit.running, kit.summary.text()
    counts = service.run_history(1)[1].by_key()  # what the Segments tab shows
    rows = [kit.groups.topLevelItem(i) for i in range(kit.groups.topLevelItemCount())]
    assert len(rows) == len(report.groups.results) >= 5
    for row, g in zip(rows, report.groups.results, strict=True):
        assert row is not None and row.text(0) == g.name
        assert int(row.text(1)) + int(row.text(3)) == int(row.text(2)) == g.members  # contacts + no contact = tab
        assert g.members == counts[g.key].members
    sb = w.connection.sandbox if w.connection else None
    assert sb is not None
    held = {name: len(keys) for name, keys in sb.groups().items()}
    assert held == {g.name: g.in_group for g in report.groups.results}
    # The kit was made with the guide in French: its groups are named in French…
    assert all(g.name.startswith("Fidélité\u00a0: ") for g in report.groups.results)
    # …and made again with the guide in English, the same groups are found by their French names: no twins.
    kit.language.setCurrentIndex(kit.language.findData("en"))
    with qtbot.waitSignal(kit.finished, timeout=TIMEOUT) as again:
        qtbot.mouseClick(kit.run_button, Qt.MouseButton.LeftButton)
    second = again.args[0]
    assert second is not None and not any(g.created for g in second.groups.results)
    assert [g.name for g in second.groups.results] == [g.name for g in report.groups.results]
    assert set(sb.groups()) == set(held)
