"""The main window's Connection box: platform, account, the key (masked), the health of the last
verification, "Verify again", "Paste the key…" (the one way back after "Forget key" or a lost
session-only key: key_dialog) and "Change the set-up…" (the wizard, prefilled: setup_again). It
shows the SyncController's state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core.known_texts import account_label
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.sync_controller import Health, SyncController
from loyalty_desktop.ui.runs_model import local_datetime

if TYPE_CHECKING:
    from loyalty_desktop.ui.main.key_dialog import KeyDialog


def value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConnectionPanel(QGroupBox):
    setupRequested = Signal()  # "Change the set-up…"

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.key_dialog: KeyDialog | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.platform_caption, self.platform_value = QLabel(), value_label()
        self.account_caption, self.account_value = QLabel(), value_label()
        self.key_caption, self.key_value = QLabel(), value_label()
        self.health_caption, self.health_value = QLabel(), QLabel()
        self.health_value.setWordWrap(True)
        self.health_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.platform_caption, self.platform_value)
        form.addRow(self.account_caption, self.account_value)
        form.addRow(self.key_caption, self.key_value)
        form.addRow(self.health_caption, self.health_value)
        self.verify_button = QPushButton()
        self.verify_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.verify_button.clicked.connect(controller.verify_again)
        self.key_button = QPushButton()  # the key is missing or refused: enter it again, here
        self.key_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOkButton))
        self.key_button.clicked.connect(self.enter_key)
        self.key_button.hide()
        self.setup_button = QPushButton()
        self.setup_button.clicked.connect(self.setupRequested)
        row = QHBoxLayout()
        row.addWidget(self.key_button)
        row.addWidget(self.verify_button)
        row.addWidget(self.setup_button)
        row.addStretch(1)
        form.addRow(row)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Connection"))
        self.platform_caption.setText(self.tr("Platform:"))
        self.account_caption.setText(self.tr("Account:"))
        self.key_caption.setText(self.tr("API key:"))
        self.health_caption.setText(self.tr("Health:"))
        self.verify_button.setText(self.tr("&Verify again"))
        self.verify_button.setToolTip(self.tr("Check the key with the platform again"))
        self.key_button.setText(self.tr("&Paste the key…"))
        self.key_button.setToolTip(self.tr("Paste the API key (the same one, or another: another account's "
                                           "next sync is a first sync)"))
        self.setup_button.setText(self.tr("C&hange the set-up…"))
        self.setup_button.setToolTip(self.tr("Platform, account, loyalty data (a new spreadsheet file), mapping "
                                             "and preset, with the live preview"))
        self.show_state()

    def enter_key(self) -> KeyDialog:
        """The key dialog (one at a time); the controller uses the new connection once verified."""
        if self.key_dialog is None or not self.key_dialog.isVisible():
            from loyalty_desktop.ui.main.key_dialog import KeyDialog  # loads when first opened

            self.key_dialog = KeyDialog(self.controller, self.window())
            self.key_dialog.open()
        return self.key_dialog

    def show_state(self) -> None:
        ctl = self.controller
        label = ctl.platform_label()
        self.platform_value.setText(self.tr("{platform} — offline demo (sandbox on this computer)").format(
            platform=label) if ctl.demo else label)
        conn = ctl.connection
        if conn is not None:
            info = conn.account
            self.account_value.setText(account_label(info.name, info.test_account, i18n.translate_core))
        else:
            self.account_value.setText("–")
        if ctl.demo:
            key_text = self.tr("Demo key (nothing stored)")
        else:  # the key the connection was made with, else the stored one
            key_text = (conn.key_mask if conn is not None and conn.key_mask else ctl.key_mask) or "–"
        self.key_value.setText(key_text)
        self.health_value.setText(self.health_text())
        # The one button back to a working connection when the key is missing or refused (and the
        # way to use another key or account); the demo needs none.
        self.key_button.setVisible(not ctl.demo)

    def health_text(self) -> str:
        ctl = self.controller
        state = ctl.health
        if state is Health.CONNECTING:
            return self.tr("Connecting…")
        if state is Health.VERIFYING:
            return self.tr("Verifying…")
        if state is Health.OK:
            when = QLocale().toString(local_datetime(ctl.verified_at or clocks.local_now()),
                                      QLocale.FormatType.ShortFormat)
            return "✓ " + self.tr("Connected · verified {when}").format(when=when)
        if state is Health.NO_KEY:
            return "✗ " + self.tr("No key stored for {platform}: click “Paste the key…” to connect again.").format(
                platform=ctl.platform_label())
        if state is Health.ERROR:
            return "✗ " + ctl.health_error
        return self.tr("Not connected yet")
