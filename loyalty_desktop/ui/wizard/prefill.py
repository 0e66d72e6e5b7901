"""Open the wizard with the saved set-up chosen (the main window's "Change the set-up…"): the
platform and mode, the loyalty data (demo size, spreadsheet files, Smile.io), the mapping and the
sync's options. The key is read from the keychain by the key page when it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from loyalty_desktop.core import platforms
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.settings import Settings

if TYPE_CHECKING:
    from loyalty_desktop.ui.wizard.wizard import SetupWizard


def apply(wiz: SetupWizard, s: Settings) -> None:
    st = wiz.state
    if platforms.find(s.platform) is None:
        return  # a platform this version does not know: start from the defaults
    st.platform, st.demo = s.platform, s.demo
    welcome = wiz.welcome_page
    if s.demo:
        welcome.demo.setChecked(True)
        i = welcome.demo_platform.findData(s.platform)
        welcome.demo_platform.setCurrentIndex(max(i, 0))
    elif s.platform in welcome.platform_buttons:
        welcome.platform_buttons[s.platform].setChecked(True)
    st.source_kind, st.source_options = s.source or "demo", dict(s.source_options)
    src = wiz.source_page
    opts = s.source_options
    if st.source_kind == "demo":
        src.demo.setChecked(True)
        members = str(opts.get("members", "")).strip()
        if members.isdigit():
            src.members.setValue(int(members))
    elif st.source_kind == "csv":
        src.sheet.setChecked(True)
        panel = src.sheet_panel
        panel.members_file.setText(str(opts.get("members") or ""))
        panel.ledger_file.setText(str(opts.get("ledger") or ""))
        if panel.members_file.text():
            panel.read_files()
    elif st.source_kind.startswith("smile"):
        src.smile.setChecked(True)
        members = str(opts.get("members", "")).strip()
        if members.isdigit():
            src.smile_panel.members.setValue(int(members))
    st.create_fields = bool(opts.get("create_fields", False))
    if s.mapping:
        try:
            st.mapping = Mapping.from_json(s.mapping)
        except (ValueError, KeyError, TypeError):
            st.mapping = None  # a mapping this version cannot read: the preset's
    wiz.verify_page.prefill = True  # the key page checks the demo key, or the saved key, when shown
