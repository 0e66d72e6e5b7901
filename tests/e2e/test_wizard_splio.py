"""The set-up wizard for Splio, driven through its real widgets (pytest-qt, offscreen): the demo
walk-through ends with the Splio sandbox holding the mapped custom fields on the contacts that are
both in Splio and in the loyalty program; the mapping page says which custom fields exist and which
will be created, and waits for the permission to create them."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QFormLayout, QRadioButton, QWizard

from helpers.wizard_walk import start_sync
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.destinations.splio.adapter import SplioDestination
from loyalty_desktop.service import DemoSpec, open_demo
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.wizard.wizard import SetupWizard

TIMEOUT = 60_000
MEMBERS = 60  # Splio is paced at 20 contacts/s: keep the walk short
LOYOLY_FIELDS = ("customer_point_balance", "customer_missions_count", "customer_rewards_count",
                 "customer_referrals_count", "customer_vip_tier_name")


@pytest.fixture
def wizard(qtbot, tasks: TaskManager) -> Iterator[SetupWizard]:
    i18n.install("en")
    w = SetupWizard(Settings(language="en"), tasks, demo=True)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.sync_page.runner.cancel()
    w.sync_page.runner.wait()
    w.source_page.close_files()
    w.state.close()


def click(qtbot, widget) -> None:
    qtbot.waitUntil(widget.isEnabled, timeout=TIMEOUT)
    # A radio button or check box reacts on its indicator and text, not on the empty rest of its row.
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, (QCheckBox, QRadioButton)) else QPoint()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def click_next(qtbot, wiz: SetupWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    if not button.isVisible():
        button = wiz.button(QWizard.WizardButton.CommitButton)
    click(qtbot, button)


def walk_to_mapping(qtbot, wiz: SetupWizard) -> None:
    combo = wiz.welcome_page.demo_platform
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Klaviyo → Splio, as a keyboard user would
    assert combo.currentData() == "splio"
    click_next(qtbot, wiz)  # → create key
    assert "Users → API users" in wiz.key_page.steps.text()
    click_next(qtbot, wiz)  # → verify
    click(qtbot, wiz.verify_page.verify_button)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    click_next(qtbot, wiz)  # → loyalty data
    assert wiz.source_page.demo.isChecked()
    wiz.source_page.members.setValue(MEMBERS)
    click_next(qtbot, wiz)  # opens the demo program, fills the Splio sandbox with its members, moves on
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    box = wiz.mapping_page.splio_box
    qtbot.waitUntil(lambda: box.remote is not None, timeout=TIMEOUT)


def test_demo_walkthrough_splio_ends_with_the_sandbox_holding_the_fields(qtbot, wizard: SetupWizard) -> None:
    wiz = wizard
    walk_to_mapping(qtbot, wiz)
    assert wiz.state.connection is not None
    sandbox = wiz.state.connection.sandbox
    page, box = wiz.mapping_page, wiz.mapping_page.splio_box
    # The sandbox holds this program's members (about nine in ten) and a few strangers.
    with open_demo(DemoSpec(MEMBERS, 42)) as program:
        members = {m.email: m for m in program.read(None, history=False).members}
    emails = {c["email"] for c in sandbox.contacts()}
    both = emails & set(members)
    assert len(both) >= MEMBERS * 0.75 and emails - set(members)
    # Splio has none of the Loyoly fields yet: all of them are to be created, with the sandbox's consent.
    assert box.isVisible() and box.allow.isVisible() and box.allow.isChecked()
    assert "none" in box.existing.text()
    for name in LOYOLY_FIELDS:
        assert name in box.created.text()
    assert page.preview.rowCount() == 5
    headers = [page.preview.horizontalHeaderItem(i).text() for i in range(page.preview.columnCount())]  # type: ignore[union-attr]
    assert "email" in headers and "customer_point_balance" in headers
    # Without the permission, Next waits and the page says why.
    click(qtbot, box.allow)
    assert not box.allow.isChecked()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "Tick the box" in page.status.text()
    # A field created in Splio meanwhile is found on "Check again" and reused, not created.
    balance_id = sandbox.add_field("customer_point_balance", "int")
    click(qtbot, box.refresh_button)
    qtbot.waitUntil(lambda: "customer_point_balance" in box.existing.text(), timeout=TIMEOUT)
    assert "customer_point_balance" not in box.created.text()
    click(qtbot, box.allow)
    assert box.allow.isChecked() and page.status.text() == ""
    click_next(qtbot, wiz)  # → sync: what will be sent, then Start
    assert wiz.state.connection is not None
    dest = wiz.state.connection.dest
    assert isinstance(dest, SplioDestination) and dest.create_fields
    assert wiz.state.source_options["create_fields"] is True
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    summary = wiz.state.summary
    assert summary is not None
    assert summary.profiles_sent == len(both)
    assert summary.rejected == MEMBERS - len(both)  # members not in Splio are reported, not created
    # What Splio holds: every contact in both carries its member's values in the Loyoly fields.
    assert sandbox.field_id("customer_point_balance") == balance_id
    for email in both:
        m, custom = members[email], sandbox.contact(email)["custom"]
        assert custom["customer_point_balance"] == str(m.points_balance), email
        assert custom["customer_missions_count"] == str(m.missions_completed), email
        assert custom["customer_rewards_count"] == str(m.rewards_claimed), email
        assert custom["customer_referrals_count"] == str(m.referrals_completed), email
        assert custom.get("customer_vip_tier_name", "") == (m.tier_name or ""), email
    for c in sandbox.contacts():  # strangers are untouched
        if c["email"] not in members:
            assert set(c["custom"]) == {"civility"}, c["email"]
    click_next(qtbot, wiz)  # → done
    assert wiz.currentPage() is wiz.done_page
    # The sample contact card names Splio's custom fields, as Splio's contact view does.
    card = wiz.done_page.card_form
    qtbot.waitUntil(lambda: card.rowCount() > 0, timeout=30_000)  # the sample is read off the GUI thread
    labels = [card.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text() for i in range(card.rowCount())]  # type: ignore[union-attr]
    assert "<b>customer_point_balance</b>" in labels and not any(la.startswith("<b>c") and
                                                                 la[4:-4].isdigit() for la in labels), labels
    assert not wiz.done_page.kit_button.isVisible()  # the Klaviyo kit is for Klaviyo
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    saved = Settings.load()
    assert saved.target == "splio-sandbox" and saved.mapping["preset"] == "splio-loyoly"
    assert saved.source_options["create_fields"] is True


def test_splio_mapping_page_reports_a_type_clash_and_waits(qtbot, wizard: SetupWizard) -> None:
    wiz = wizard
    walk_to_mapping(qtbot, wiz)
    assert wiz.state.connection is not None
    sandbox = wiz.state.connection.sandbox
    page, box = wiz.mapping_page, wiz.mapping_page.splio_box
    sandbox.add_field("customer_vip_tier_name", "date")  # exists, but holds dates: a tier name cannot go there
    sandbox.add_contact("typed@example.com", custom={"customer_vip_tier_name": "2024-01-01 00:00:00"})
    click(qtbot, box.refresh_button)
    qtbot.waitUntil(lambda: "customer_vip_tier_name" in box.existing.text(), timeout=TIMEOUT)
    assert "customer_vip_tier_name" in page.status.text()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()


def test_demo_splio_with_a_spreadsheet_fills_the_contacts_it_shares(qtbot, wizard: SetupWizard, tmp_path,
                                                                    monkeypatch) -> None:
    """The demo's Splio universe is filled from the source the user picks (here a spreadsheet), so the
    contacts in both get the loyalty fields."""
    from helpers.spreadsheet_make import write_csv

    rows = [["Email", "Points", "Tier"]] + [[f"client{i:02d}@example.com", str(7 * i), "Gold"] for i in range(40)]
    path = write_csv(tmp_path / "clients.csv", rows)
    wiz = wizard
    combo = wiz.welcome_page.demo_platform
    combo.setCurrentIndex(combo.findData("splio"))
    click_next(qtbot, wiz)
    click_next(qtbot, wiz)
    click(qtbot, wiz.verify_page.verify_button)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    click_next(qtbot, wiz)
    assert wiz.state.connection is not None
    sandbox = wiz.state.connection.sandbox
    assert sandbox.contacts() == []  # filled once the loyalty data is chosen
    click(qtbot, wiz.source_page.sheet)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    click(qtbot, wiz.source_page.sheet_panel.members_browse)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    qtbot.waitUntil(wiz.mapping_page.isComplete, timeout=TIMEOUT)
    both = {c["email"] for c in sandbox.contacts()} & {r[0] for r in rows[1:]}
    assert len(both) >= 30
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    assert wiz.state.summary is not None and wiz.state.summary.profiles_sent == len(both)
    for email in both:
        custom = sandbox.contact(email)["custom"]
        i = int(email[6:8])
        assert (custom["customer_point_balance"], custom["customer_vip_tier_name"]) == (str(7 * i), "Gold")
