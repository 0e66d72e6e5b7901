"""The Smile.io part of the loyalty-data page: paste the private API key, verify it in the background,
keep it in the OS keyring (or, with no keyring, for this session only: never on disk).

In demo mode nothing is asked: a Smile.io sandbox seeded with demo members starts on this computer
when the page moves on (the `smile-sandbox` source), read with its demo key.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service
from loyalty_desktop.core import secrets
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.platforms import SMILE
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.tasks import TaskManager
from loyalty_desktop.ui.widgets.secret_edit import SecretEdit
from loyalty_desktop.ui.wizard.base import busy_bar, wrapping_label
from loyalty_desktop.ui.wizard.state import smile_base_url

PLATFORM = SMILE.label
ACCOUNT = "smile"  # keyring account name


def verify_smile_key(key: str, cancel: CancelToken) -> None:
    """One authenticated read with the key (raises WrongKeyError, MissingScopeError, NetworkError…)."""
    service.verify_smile_key(key, smile_base_url(), cancel)


class SmilePanel(QWidget):
    changed = Signal()  # ready() may have changed

    def __init__(self, tasks: Callable[[], TaskManager]) -> None:
        super().__init__()
        self._tasks = tasks
        self.demo_note = wrapping_label()
        self.members = QSpinBox()
        self.members.setRange(10, 100_000)
        self.members.setValue(500)
        self.members.setSingleStep(100)
        self.members.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.key = SecretEdit()
        self.key.textChanged.connect(self._key_changed)
        self.key.edit.returnPressed.connect(self.verify)  # Enter verifies, as on the platform key page
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        self.busy = busy_bar()
        self.status = wrapping_label()
        self.session_only = QCheckBox()
        self.session_only.hide()
        self.session_only.toggled.connect(self._session_only)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.key_label = QLabel()
        self.members_label = QLabel()
        self.form.addRow(self.members_label, self.members)
        self.form.addRow(self.key_label, self.key)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.demo_note)
        lay.addLayout(self.form)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.busy, 1)
        row.addStretch(0)  # the button keeps its size while the busy bar is hidden
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(self.session_only)
        lay.addStretch(1)
        self.demo = False
        self.verified = False  # the pasted key was accepted and is stored (keyring or session)
        self.stored = False  # a key saved earlier is there (keyring or environment)
        self._busy = False
        self._cancel: CancelToken | None = None
        self._pending = ""
        self.retranslate()

    def set_demo(self, demo: bool) -> None:
        self.demo = demo
        self.demo_note.setVisible(demo)
        self.form.setRowVisible(self.members, demo)
        self.form.setRowVisible(self.key, not demo)
        self.verify_button.setVisible(not demo)
        if not demo and not self.verified:
            try:
                self.stored = bool(secrets.load(ACCOUNT))
            except Exception:  # noqa: BLE001 - an unusable keyring only means nothing is stored
                self.stored = False
            if self.stored:
                self.status.setText(self.tr("A Smile.io key is already saved on this computer: Next uses it. "
                                            "Paste another key to replace it."))
        self.retranslate()

    def ready(self) -> bool:
        if self.demo:
            return True
        if self._busy:
            return False
        return self.verified or (self.stored and not self.key.text())

    def retranslate(self) -> None:
        self.demo_note.setText(self.tr("Offline demo: a Smile.io sandbox with demo members starts on this computer "
                                       "and is read like a real Smile.io account. No key is needed."))
        self.members_label.setText(self.tr("Demo members:"))
        self.members.setAccessibleName(self.tr("Number of members in the Smile.io sandbox"))
        self.key_label.setText(self.tr("Smile.io private key:"))
        self.key.edit.setAccessibleName(self.tr("Smile.io API key"))
        self.key.edit.setPlaceholderText(self.tr("Smile Admin → Settings → Developer tools → private key"))
        self.verify_button.setText(self.tr("Verify"))
        self.session_only.setText(self.tr("Keep the key for this session only (you will paste it again next time)"))

    # -- verification -------------------------------------------------------------------------

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def _key_changed(self) -> None:
        if self.verified:  # a new key must be verified again
            self.verified = False
            self.session_only.hide()
            self.session_only.setChecked(False)
        if not self._busy:
            self.status.clear()
        self.changed.emit()

    def verify(self) -> None:
        if self._busy or self.demo or (self.verified and self.key.text() == self._pending):
            return
        key = self.key.text()
        if not key:
            self.status.setText(self.tr("Paste the key first."))
            return
        try:  # spaces, line breaks, accents, a Klaviyo key: said at once, nothing sent
            secrets.check_key(ACCOUNT, key)
        except LoyaltyError as exc:
            self.status.setText("✗ " + user_message(exc, PLATFORM, tr=i18n.translate_core))
            return
        self._busy = True
        self._pending = key
        self.verify_button.setEnabled(False)
        self.busy.show()
        self.status.setText(self.tr("Checking the key with Smile.io…"))
        cancel = self._cancel = CancelToken()
        self.changed.emit()
        self._tasks().run(lambda: verify_smile_key(key, cancel), self._verified_done)

    def _verified_done(self, future: Future[None]) -> None:
        self._busy = False
        self.busy.hide()
        self.verify_button.setEnabled(True)
        try:
            future.result()
        except Exception as exc:  # noqa: BLE001 - said to the user in plain words
            if self._cancel is None or not self._cancel.cancelled:
                self.status.setText("✗ " + user_message(exc, PLATFORM, tr=i18n.translate_core))
            self.changed.emit()
            return
        if self.key.text() != self._pending or self._cancel is None or self._cancel.cancelled:
            self.changed.emit()  # the key changed (or the page was left) while checking
            return
        lines = [self.tr("✓ Smile.io accepted the key: the loyalty program can be read.")]
        try:
            where = secrets.save(ACCOUNT, self._pending)
        except secrets.NoKeyringError:
            lines.append(self.tr("No system keychain is available on this computer, so the key cannot be saved. "
                                 "Keep it for this session only, or set up a keychain and verify again."))
            self.session_only.show()
        else:
            self.verified = True
            lines.append(self.tr("The key is saved in {where}.").format(where=where))
        self.status.setText("<br>".join(lines))
        self.changed.emit()

    def _session_only(self, checked: bool) -> None:
        if checked and self._pending and self.key.text() == self._pending:
            secrets.keep_for_session(ACCOUNT, self._pending)
            self.verified = True
        elif not checked and self.session_only.isVisible():
            self.verified = False
        self.changed.emit()
