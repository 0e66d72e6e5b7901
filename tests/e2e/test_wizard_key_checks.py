"""Issue 13 point 1 in the wizard: the key page names a mangled key, and refuses a plain http://
address to another computer, before anything is sent (the sandbox receives no request)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from test_wizard import go_to_verify, verify_with  # type: ignore[import-not-found]


@pytest.mark.parametrize("key, words", [
    ("pk_" + "a" * 17 + " " + "a" * 16, "contains a space"),
    ("pk_" + "a" * 17 + "é" + "a" * 16, "not a plain letter"),
    ("sk_" + "a" * 34, "start with pk_"),
])
def test_key_page_names_a_mangled_key_before_sending_it(qtbot, make_wizard, live_sandbox, key: str,
                                                        words: str) -> None:
    wiz = make_wizard(demo=False)
    go_to_verify(qtbot, wiz)
    live_sandbox.clear_requests()
    wiz.verify_page.key.setText(key)  # pasted (keyClicks cannot type every character offscreen)
    qtbot.mouseClick(wiz.verify_page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wiz.verify_page._busy, timeout=10_000)
    text = wiz.verify_page.status.text()
    assert words in text and key not in text
    assert live_sandbox.count_requests() == 0
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()


def test_key_page_refuses_plain_http_to_another_computer(qtbot, make_wizard, live_sandbox,
                                                         monkeypatch) -> None:
    monkeypatch.setenv("LOYALTY_DESKTOP_KLAVIYO_URL", "http://example.test:8080")
    wiz = make_wizard(demo=False)
    go_to_verify(qtbot, wiz)
    verify_with(qtbot, wiz, live_sandbox.add_key())
    text = wiz.verify_page.status.text()
    assert "unencrypted" in text and "https://" in text
    assert live_sandbox.count_requests() == 0
