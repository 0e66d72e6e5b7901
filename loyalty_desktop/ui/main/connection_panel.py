"""The main window's Connection box: platform, account, the key (masked), the health of the last
verification and "Verify again". It only shows the SyncController's state."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
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
from loyalty_desktop.ui.main.sync_controller import Health, SyncController
from loyalty_desktop.ui.runs_model import local_datetime


def value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConnectionPanel(QGroupBox):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
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
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
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
        self.show_state()

    def show_state(self) -> None:
        ctl = self.controller
        label = ctl.platform_label()
        self.platform_value.setText(self.tr("{platform} — offline demo (sandbox on this computer)").format(
            platform=label) if ctl.demo else label)
        conn = ctl.connection
        if conn is not None:
            info = conn.account
            self.account_value.setText(self.tr("{name} (test account)").format(name=info.name)
                                       if info.test_account else info.name)
        else:
            self.account_value.setText("–")
        if ctl.demo:
            key_text = self.tr("Demo key (nothing stored)")
        else:  # the key the connection was made with, else the stored one
            key_text = (conn.key_mask if conn is not None and conn.key_mask else ctl.key_mask) or "–"
        self.key_value.setText(key_text)
        self.health_value.setText(self.health_text())

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
            return "✗ " + self.tr("No key stored for {platform}. Run the setup again to connect.").format(
                platform=ctl.platform_label())
        if state is Health.ERROR:
            return "✗ " + ctl.health_error
        return self.tr("Not connected yet")
