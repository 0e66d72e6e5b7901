"""The wizard's mapping page shows the derived fields (next tier, points to it and to the next
reward, reward ready, unused rewards, last reward code, pending referrals) in its preview of real
demo contacts, with the values the demo's tiers give, in English and in French."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWizard

from loyalty_desktop.core.fields import CATALOG_BY_KEY, KLAVIYO_DERIVED
from loyalty_desktop.core.program import DERIVED_FIELDS

TIMEOUT = 60_000


def click_next(qtbot: Any, wiz: Any) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=TIMEOUT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_mapping_preview_shows_the_derived_fields(qtbot: Any, make_wizard: Any, tasks: Any, language: str,
                                                      tmp_path: Any) -> None:
    wiz = make_wizard(language=language)
    click_next(qtbot, wiz)  # welcome → create key
    click_next(qtbot, wiz)  # → verify
    qtbot.mouseClick(wiz.verify_page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wiz.verify_page.isComplete, timeout=TIMEOUT)
    click_next(qtbot, wiz)  # → source
    wiz.source_page.members.setValue(300)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    page = wiz.mapping_page
    preview = page.preview
    qtbot.waitUntil(lambda: preview.rowCount() == 5, timeout=TIMEOUT)
    columns = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    for _source, target in KLAVIYO_DERIVED:
        assert target in columns, (target, columns)
    rows = [{c: (preview.item(r, i).text() if preview.item(r, i) else "") for i, c in enumerate(columns)}
            for r in range(preview.rowCount())]
    tiers = {"Bronze": "Silver", "Silver": "Gold", "Gold": ""}
    for row in rows:
        tier = row["Loyalty Tier Name"]
        if tier in tiers:  # a member: the next tier follows the demo's Bronze → Silver → Gold
            assert row["Loyalty Next Tier Name"] == tiers[tier], row
            ready, to_reward = row["Loyalty Reward Ready"], int(row["Loyalty Points To Next Reward"])
            assert (ready, to_reward == 0) in (("1", True), ("0", False)), row
    assert "Next tier" not in page.unprovided.text() and "Palier suivant" not in page.unprovided.text()
    # The field list names them through the translations (the French .qm is compiled at merge from
    # resources/i18n/fr_derived.json, which has every label: test_derived_labels_have_french).
    from loyalty_desktop.ui.wizard.mapping_model import FIELD

    labels = {page.model.index(r, FIELD).data() for r in range(page.model.rowCount())}
    assert QCoreApplication.translate("Catalog", "Next tier") in labels
    # A picture with the derived fields in view (the field list's end, the preview's last columns).
    page.table.scrollToBottom()
    preview.scrollTo(preview.model().index(0, columns.index("Loyalty Next Tier Name")))
    preview.horizontalScrollBar().setValue(preview.horizontalScrollBar().maximum())
    wiz.grab().save(str(tmp_path / f"mapping-{language}.png"))
    if os.environ.get("LOYALTY_SHOTS"):
        wiz.grab().save(str(Path(os.environ["LOYALTY_SHOTS"]) / f"mapping-derived-{language}.png"))


def test_derived_labels_have_french() -> None:
    import json

    french = json.loads((Path(__file__).parents[2] / "resources/i18n/fr_derived.json").read_text("utf-8"))["Catalog"]
    for key in DERIVED_FIELDS:
        label = CATALOG_BY_KEY[key].label
        assert french.get(label), label
