"""Wizard pages 1–3: choose the platform, create the key, paste and verify it."""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from loyalty_desktop import service
from loyalty_desktop.core import platforms, secrets
from loyalty_desktop.core.errors import LoyaltyError, user_message
from loyalty_desktop.core.known_texts import account_label
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.ui import i18n
from loyalty_desktop.ui.widgets.open_url import open_page
from loyalty_desktop.ui.wizard.base import Page, busy_bar, wrapping_label


class WelcomePage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.intro = wrapping_label()
        # One choice per destination platform (core.platforms), then the offline demo.
        self.platform_buttons = {p.id: QRadioButton(p.label) for p in platforms.DESTINATIONS.values()}
        self.klaviyo = self.platform_buttons[platforms.DEFAULT_DESTINATION.id]  # the default, for tests
        self.demo = QRadioButton()
        self.demo_platform = QComboBox()
        for p in platforms.DESTINATIONS.values():
            self.demo_platform.addItem(p.label, p.id)
        self.group = QButtonGroup(self)
        for i, b in enumerate((*self.platform_buttons.values(), self.demo)):
            self.group.addButton(b, i)
        self.demo.setChecked(True)
        self.demo.toggled.connect(self.demo_platform.setEnabled)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_label = QLabel()
        demo_row = QHBoxLayout()
        demo_row.addSpacing(24)
        self.demo_platform_label = QLabel()
        demo_row.addWidget(self.demo_platform_label)
        demo_row.addWidget(self.demo_platform)
        demo_row.addStretch(1)
        lang_row = QHBoxLayout()
        lang_row.addStretch(1)
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language)
        lay = QVBoxLayout(self)
        lay.addLayout(lang_row)
        lay.addWidget(self.intro)
        lay.addSpacing(8)
        for b in (*self.platform_buttons.values(), self.demo):
            lay.addWidget(b)
        lay.addLayout(demo_row)
        lay.addStretch(1)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.retranslate()

    def initializePage(self) -> None:
        lang = self.setup_wizard().language
        i = self.language.findData(lang)
        if i >= 0:
            self.language.blockSignals(True)
            self.language.setCurrentIndex(i)
            self.language.blockSignals(False)

    def _language_changed(self) -> None:
        self.setup_wizard().set_language(self.language.currentData())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Loyalty Desktop"))
        self.setSubTitle(self.tr("Put your loyalty program on every contact of your email platform."))
        self.intro.setText(self.tr(
            "Loyalty Desktop copies each member's points, tier, rewards, referrals and expiring points to the "
            "contact in your email platform, and sends loyalty moments as events that can start email flows. "
            "Where are your contacts?"))
        self.demo.setText(self.tr("Offline demo (no account, no network)"))
        self.demo_platform_label.setText(self.tr("Demo platform:"))
        self.demo_platform.setAccessibleName(self.tr("Demo platform"))
        self.language_label.setText(self.tr("Language:"))
        self.language.setAccessibleName(self.tr("Language"))

    def validatePage(self) -> bool:
        st = self.state
        before = (st.platform, st.demo)
        st.demo = self.demo.isChecked()
        st.platform = (self.demo_platform.currentData() if st.demo
                       else next(p for p, b in self.platform_buttons.items() if b.isChecked()))
        if (st.platform, st.demo) != before and st.mapping is not None and st.mapping.preset not in st.presets():
            st.mapping = None  # another platform's fields: its own preset next
        return True


class CreateKeyPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.steps = wrapping_label()
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open)
        self.open_status = wrapping_label()  # no browser could be opened: the address to copy
        self.open_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.addWidget(self.steps)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.open_status)
        lay.addStretch(1)

    def initializePage(self) -> None:
        pass  # the wizard calls entered() each time the page is shown

    def entered(self) -> None:
        self.open_status.clear()
        self.retranslate()  # the platform may have changed since the page was first shown

    def _open(self) -> None:
        self.open_status.setText(open_page(QUrl(self.state.descriptor.key_page)))

    def retranslate(self) -> None:
        if self.wizard() is None:  # not yet in a wizard (Qt's stub says it always is)
            return
        st = self.state
        self.setTitle(self.tr("Create an API key in {platform}").format(platform=st.label))
        self.setSubTitle(self.tr("Loyalty Desktop writes to {platform} with a key that only you create and can "
                                 "revoke.").format(platform=st.label))
        # The steps are each platform's own words (translated); a platform without them yet gets
        # one line and the button to its key page.
        steps_of = {platforms.KLAVIYO.id: self._klaviyo_steps, platforms.SPLIO.id: self._splio_steps}
        steps = steps_of[st.platform]() if st.platform in steps_of else [
            self.tr("Create an API key in {platform}").format(platform=st.label)]
        html = "<ol>" + "".join(f"<li style='margin-bottom:6px'>{s}</li>" for s in steps) + "</ol>"
        if st.demo:
            html += "<p><i>" + self.tr("This is the offline demo: a demo key is ready for you on the next page, "
                                       "nothing is sent over the network.") + "</i></p>"
        self.steps.setText(html)
        self.open_button.setText(self.tr("Open the {platform} page").format(platform=st.label))
        self.open_button.setEnabled(not st.demo)

    def _klaviyo_steps(self) -> list[str]:
        scopes = self.state.descriptor.sync_scopes
        return [self.tr("In Klaviyo, open <b>Settings → API keys</b>."),
                self.tr("Click <b>Create private key</b> and name it “Loyalty Desktop”."),
                self.tr("Choose <b>Custom key</b> and tick exactly these scopes: {scopes}.").format(
                    scopes=", ".join(f"<b>{s}</b>" for s in scopes)),
                self.tr("For the loyalty kit (segments, email templates and draft flows), also tick: {scopes}."
                        ).format(scopes=", ".join(f"<b>{s}</b>" for s in self.state.descriptor.kit_scopes)),
                self.tr("Click <b>Create</b>, then <b>copy</b> the key (it starts with pk_).")]

    def _splio_steps(self) -> list[str]:
        return [self.tr("In Splio, open <b>Users → API users</b>."),
                self.tr("Click <b>New user</b>."),
                self.tr("<b>Rename</b> it “Loyalty Desktop” so you recognise it later."),
                self.tr("<b>Copy the key</b> shown for this API user.")]


class VerifyKeyPage(Page):
    """Paste, verify in the background, store in the OS keyring (or this session only)."""

    def __init__(self) -> None:
        super().__init__()
        from loyalty_desktop.ui.widgets.secret_edit import SecretEdit

        self.key = SecretEdit()
        self.key.textChanged.connect(self._key_changed)
        self.key.edit.returnPressed.connect(self.verify)  # Enter verifies (then Enter again: Next)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        self.busy = busy_bar()
        self.status = wrapping_label()
        self.status.setOpenExternalLinks(False)
        self.session_only = QCheckBox()
        self.session_only.hide()
        self.session_only.toggled.connect(self._session_only)
        form = QFormLayout()
        self.key_label = wrapping_label()
        form.addRow(self.key_label, self.key)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.busy, 1)
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(self.session_only)
        lay.addStretch(1)
        self._verified = False
        self._busy = False
        self._cancel: CancelToken | None = None
        self._pending_key = ""
        self._for: tuple[str, bool] | None = None  # the platform and mode the page was set up for
        self.prefill = False  # read the key saved for the platform (the wizard opened prefilled)

    # -- life cycle -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        pass  # the wizard calls entered() each time the page is shown

    def entered(self) -> None:
        """Shown (again): a platform or mode chosen since starts over with its own key."""
        st = self.state
        self.retranslate()
        if self._for == (st.platform, st.demo):
            return
        changed = self._for is not None
        self._for = (st.platform, st.demo)
        self.cancel()
        self.key.blockSignals(True)
        self.key.setText(_demo_key(st.platform) if st.demo else "")
        self.key.blockSignals(False)
        self._key_changed(force=changed)
        self.status.clear()
        if self.prefill and st.demo:
            self.verify()  # the set-up is being changed: the demo key is checked at once
        elif self.prefill:
            platform = st.platform
            self.tasks.run(lambda: secrets.load(platform), lambda f: self._saved_key(f, platform))

    def _saved_key(self, fut: Future[str | None], platform: str) -> None:
        try:
            key = fut.result()
        except Exception:  # noqa: BLE001 - an unusable keychain only means nothing is prefilled
            key = None
        if key and platform == self.state.platform and not self.key.text():
            self.key.setText(key)
            self.verify()  # the key saved on this computer, checked at once (another can be pasted)

    def cleanupPage(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def isComplete(self) -> bool:
        return self._verified and not self._busy and (
            self.state.key_where != "" or self.session_only.isChecked())

    def retranslate(self) -> None:
        if self.wizard() is None:  # not yet in a wizard (Qt's stub says it always is)
            return
        st = self.state
        self.setTitle(self.tr("Paste and verify your {platform} key").format(platform=st.label))
        self.setSubTitle(self.tr("The key is checked with {platform}, then kept in your system's keychain — "
                                 "never in a file.").format(platform=st.label))
        self.key_label.setText(self.tr("API key:"))
        self.key.edit.setAccessibleName(self.tr("{platform} API key").format(platform=st.label))
        prefix = st.descriptor.key_shape.prefix
        self.key.edit.setPlaceholderText(prefix + "…" if prefix else self.tr("{platform} API key").format(
            platform=st.label))
        self.verify_button.setText(self.tr("Verify"))
        self.session_only.setText(self.tr("Keep the key for this session only (you will paste it again next "
                                          "time)"))

    # -- verification -------------------------------------------------------------------------

    def _key_changed(self, force: bool = False) -> None:
        if self._verified or force:  # a new key must be verified again
            self._verified = False
            self.state.key_where = ""
            if self.state.connection is not None:
                self.state.connection.close()
                self.state.connection = None
            self.status.clear()
            self.session_only.hide()
            self.completeChanged.emit()

    def verify(self) -> None:
        if self._busy or (self._verified and self.key.text() == self._pending_key):
            return
        key = self.key.text()
        if not key:
            self.status.setText(self.tr("Paste the key first."))
            return
        st = self.state
        try:  # spaces, line breaks, accents, the wrong kind of key: said at once, nothing sent
            secrets.check_key(st.platform, key)
        except LoyaltyError as exc:
            self.status.setText("✗ " + user_message(exc, st.label, tr=i18n.translate_core))
            return
        self._busy = True
        self._pending_key = key
        self.verify_button.setEnabled(False)
        self.busy.show()
        self.status.setText(self.tr("Checking the key with {platform}…").format(platform=st.label))
        self._cancel = CancelToken()
        name, options, cancel = st.target_name, st.options().target, self._cancel
        self.completeChanged.emit()
        self.tasks.run(lambda: service.connect_checked(name, key, options, cancel), self._verified_done)

    def _verified_done(self, future: Future[service.Connection]) -> None:
        self._busy = False
        self.busy.hide()
        self.verify_button.setEnabled(True)
        st = self.state
        try:
            conn = future.result()
        except LoyaltyError as exc:
            self.status.setText("✗ " + user_message(exc, st.label, tr=i18n.translate_core))
            self.completeChanged.emit()
            return
        if self.key.text() != self._pending_key or self._cancel is None or self._cancel.cancelled:
            conn.close()  # the key changed or the page was left while checking
            self.completeChanged.emit()
            return
        if st.connection is not None:
            st.connection.close()
        st.connection = conn
        self._verified = True
        account = account_label(conn.account.name, conn.account.test_account, i18n.translate_core)
        lines = [self.tr("✓ Connected to {platform} account “{account}”.").format(platform=st.label,
                                                                                   account=account)]
        if conn.account.missing_scopes:  # the sync can run; the kit would fail without them
            lines.append(self.tr("The loyalty kit would also need these scopes: {scopes}. Keys cannot be changed: "
                                 "create a new key with them to use the kit.").format(
                scopes=", ".join(conn.account.missing_scopes)))
        if st.demo:
            st.key_where = "demo"
            lines.append(self.tr("Demo key: nothing is stored."))
        else:
            try:
                where = secrets.save(st.platform, self._pending_key)
            except secrets.NoKeyringError:
                st.key_where = ""
                lines.append(self.tr("No system keychain is available on this computer, so the key cannot be "
                                     "saved. Keep it for this session only, or set up a keychain and verify "
                                     "again."))
                self.session_only.show()
            else:
                st.key_where = where
                lines.append(self.tr("The key is saved in {where}.").format(where=where))
        self.status.setText("<br>".join(lines))
        self.completeChanged.emit()

    def _session_only(self, checked: bool) -> None:
        if checked and self._verified:
            secrets.keep_for_session(self.state.platform, self._pending_key)
            self.state.key_where = "session"
        self.completeChanged.emit()


def _demo_key(platform: str) -> str:
    """The key the platform's offline sandbox accepts ("demo" when this version has no sandbox)."""
    from loyalty_emulators import launch

    try:
        return launch.demo_key(platform)
    except ValueError:  # a platform without an emulator
        return "demo"

