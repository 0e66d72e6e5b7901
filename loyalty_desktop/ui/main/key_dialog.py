"""Enter the API key again, from the main window: after "Forget key", after a restart that lost a
session-only key, or to use another key (or account). Verified in the background, kept in the
system's keychain (or for this session), then the main window uses the new connection at once.
It says what the next sync does: the same account continues; another account is a first sync."""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop import service, service_preview
from loyalty_desktop.core import platforms, secrets
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.main.options import source_options
from loyalty_desktop.ui.main.sync_controller import SyncController
from loyalty_desktop.ui.widgets.open_url import open_page
from loyalty_desktop.ui.widgets.secret_edit import SecretEdit


class KeyDialog(QDialog):
    """`adopted(connection)` once a verified key is kept and handed to the controller."""

    adopted = Signal(object)

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.platform = controller.platform()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.key = SecretEdit()
        self.key.textChanged.connect(self._key_changed)
        self.key.edit.returnPressed.connect(self.verify)  # Enter verifies
        self.key_label = QLabel()
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        self.page_button = QPushButton()  # the platform's page where keys are made
        self.page_button.clicked.connect(self._open_page)
        self.page_status = QLabel()
        self.page_status.setWordWrap(True)
        self.page_status.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.session_only = QCheckBox()
        self.session_only.hide()
        self.session_only.toggled.connect(self._update)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAutoDefault(False)  # Enter in the key field verifies; it never closes
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.key_label, self.key)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        row.addWidget(self.page_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(self.page_status)
        lay.addWidget(self.status)
        lay.addWidget(self.session_only)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self._conn: service.Connection | None = None
        self._key = ""
        self._where: str | None = None
        self._busy = False
        self._cancel: CancelToken | None = None
        self.resize(600, 240)
        self.retranslate()
        self._update()

    @property
    def label(self) -> str:
        return platforms.label(self.platform)

    def retranslate(self) -> None:
        desc = platforms.find(self.platform)
        self.setWindowTitle(self.tr("Enter the {platform} key").format(platform=self.label))
        where = desc.key_where if desc is not None else ""
        self.intro.setText(self.tr("Paste the {platform} API key. It is checked with {platform}, then kept in "
                                   "your system's keychain — never in a file.").format(platform=self.label)
                           + (" " + self.tr("It is made in {platform}: {where}.").format(
                               platform=self.label, where=where) if where else ""))
        self.key_label.setText(self.tr("API key:"))
        self.key.edit.setAccessibleName(self.tr("{platform} API key").format(platform=self.label))
        self.verify_button.setText(self.tr("&Verify"))
        self.page_button.setText(self.tr("Open the {platform} page").format(platform=self.label))
        self.page_button.setVisible(bool(desc is not None and desc.key_page))
        self.ok_button.setText(self.tr("Use this key"))
        self.session_only.setText(self.tr("Keep the key for this session only (you will paste it again next "
                                          "time)"))

    def _open_page(self) -> None:
        desc = platforms.find(self.platform)
        problem = open_page(QUrl(desc.key_page if desc is not None else ""))
        self.page_status.setText(problem)
        self.page_status.setVisible(bool(problem))

    def _key_changed(self) -> None:
        self._drop()
        self.status.clear()
        self.session_only.hide()
        self.session_only.setChecked(False)
        self._update()

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _update(self) -> None:
        ready = self._conn is not None and (self._where is not None or self.session_only.isChecked())
        self.ok_button.setEnabled(ready and not self._busy)
        self.verify_button.setEnabled(not self._busy)

    def verify(self) -> None:
        key = self.key.text()
        if self._busy or (self._conn is not None and key == self._key):
            return
        if not key:
            self.status.setText(self.tr("Paste the key first."))
            return
        try:  # the key's shape first: nothing is sent for a key that cannot be right
            secrets.check_key(self.platform, key)
        except LoyaltyError as exc:
            self.status.setText("✗ " + user_message(exc, self.label, tr=i18n.translate_core))
            return
        self._busy, self._key = True, key
        self._update()
        self.status.setText(self.tr("Checking the key with {platform}…").format(platform=self.label))
        cancel = self._cancel = CancelToken()
        target, options = service.target(self.controller.target_name), source_options(self.controller.settings)

        def work() -> tuple[service.Connection, bool]:
            conn = target.connect(key, options.target, cancel)
            try:
                return conn, service_preview.known_destination(conn.dest.name)
            except BaseException:
                conn.close()
                raise

        self.controller.tasks.run(work, lambda f: self._verified(f, key))

    def _verified(self, fut: Future[tuple[service.Connection, bool]], key: str) -> None:
        self._busy = False
        try:
            conn, known = fut.result()
        except Exception as exc:  # noqa: BLE001 - shown in plain words
            self.status.setText("✗ " + user_message(exc, self.label, tr=i18n.translate_core))
            self._update()
            return
        if self.key.text() != key or not self.isVisible():
            conn.close()  # the key changed, or the dialog closed, while checking
            self._update()
            return
        self._drop()
        self._conn = conn
        account = conn.account.name
        lines = [self.tr("✓ Connected to {platform} account “{account}”.").format(platform=self.label,
                                                                                   account=account)]
        lines.append(self.tr("The next sync continues where the last one stopped.") if known else self.tr(
            "This account has not been synced from this computer: the next sync is a first sync (contacts "
            "only; no event starts a flow)."))
        try:
            self._where = secrets.save(self.platform, key)
        except secrets.NoKeyringError:
            self._where = None
            lines.append(self.tr("No system keychain is available on this computer, so the key cannot be saved. "
                                 "Keep it for this session only."))
            self.session_only.show()
        else:
            lines.append(self.tr("The key is saved in {where}.").format(where=self._where))
        self.status.setText("<br>".join(lines))
        self._update()

    def accept(self) -> None:
        conn = self._conn
        if conn is None:
            return
        where = self._where
        if where is None:
            secrets.keep_for_session(self.platform, self._key)
            where = self.tr("this session only")
        self._conn = None  # the controller owns it now
        self.controller.adopt(conn, secrets.mask(self._key), where)
        self.adopted.emit(conn)
        super().accept()

    def reject(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
        self._drop()
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
