"""The wizard's loyalty-data page driven through its real widgets (pytest-qt, offscreen): a spreadsheet
export (format, suggested and corrected mapping, rejected rows, file-level errors) and a Smile.io
account (the demo's in-process sandbox, and a key verified against a Smile sandbox and kept in the
keyring), each walked through to a sync that leaves the Klaviyo sandbox holding the right data."""

from __future__ import annotations

import csv
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import platformdirs
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QRadioButton, QWizard

from helpers.gui_probe import StallProbe, assert_responsive
from helpers.smile_helpers import api_all, api_get, fast_sandbox, new_program
from helpers.spreadsheet_make import write_csv, write_encrypted_xlsx
from helpers.wizard_walk import start_sync
from loyalty_desktop import APP_NAME
from loyalty_desktop.core import (
    logs,
    paths,
    secrets,
)
from loyalty_desktop.core.settings import Settings, config_path
from loyalty_desktop.service import DemoSpec, open_demo
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.ui.wizard.state import SMILE_URL_ENV
from loyalty_desktop.ui.wizard.wizard import SetupWizard
from loyalty_emulators.klaviyo.server import KlaviyoSandbox
from loyalty_emulators.smile.server import SmileSandbox

TIMEOUT = 60_000
TIERS = ("Bronze", "Argent", "Or")


# -- fixtures and walking -------------------------------------------------------------------------

@pytest.fixture
def klaviyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[KlaviyoSandbox]:
    """A 'real' Klaviyo for the paths that are not the demo: the app pointed at a local sandbox."""
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        monkeypatch.setenv("LOYALTY_DESKTOP_KLAVIYO_URL", sb.base_url or "")
        yield sb


@pytest.fixture
def smile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmileSandbox]:
    """A 'real' Smile.io account: a Smile sandbox on loopback, the app pointed at it."""
    program = new_program(tmp_path / "smile-program.sqlite3", 40)
    sb = fast_sandbox(program)
    monkeypatch.setenv(SMILE_URL_ENV, sb.base_url or "")
    yield sb
    sb.stop()
    program.close()


def click(qtbot, widget) -> None:
    qtbot.waitUntil(widget.isEnabled, timeout=TIMEOUT)
    # A radio button or check box reacts on its indicator and text, not on the empty rest of its row.
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, (QCheckBox, QRadioButton)) else QPoint()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def next_button(wiz: SetupWizard):
    button = wiz.button(QWizard.WizardButton.NextButton)
    return button if button.isVisible() else wiz.button(QWizard.WizardButton.CommitButton)


def click_next(qtbot, wiz: SetupWizard) -> None:
    click(qtbot, next_button(wiz))


def to_source_page(qtbot, wiz: SetupWizard, key: str | None = None) -> None:
    if key is not None:
        wiz.welcome_page.klaviyo.setChecked(True)
    click_next(qtbot, wiz)  # → create key
    click_next(qtbot, wiz)  # → verify
    if key is not None:
        qtbot.keyClicks(wiz.verify_page.key.edit, key)
    click(qtbot, wiz.verify_page.verify_button)
    qtbot.waitUntil(lambda: not wiz.verify_page._busy, timeout=TIMEOUT)
    if wiz.verify_page.session_only.isVisible():
        wiz.verify_page.session_only.setChecked(True)
    click_next(qtbot, wiz)  # → loyalty data
    assert wiz.currentPage() is wiz.source_page


def sync_to_the_end(qtbot, wiz: SetupWizard) -> None:
    click_next(qtbot, wiz)  # opens the source in the background, then moves on
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    assert wiz.mapping_page.preview.rowCount() == 5
    click_next(qtbot, wiz)  # → sync: what will be sent, then Start
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)


def choose_file(qtbot, monkeypatch, button, path: Path) -> None:
    """Click Browse… and pick `path` in the file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    click(qtbot, button)


def answer(qtbot, combo, choice: object) -> None:
    """Pick an answer in a question's list, as the user does (the panel then reads the files again)."""
    i = combo.findData(choice)
    assert i > 0, [combo.itemData(k) for k in range(combo.count())]
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def wait_read(qtbot, wiz: SetupWizard) -> None:
    qtbot.waitUntil(lambda: not wiz.source_page.sheet_panel.busy_reading, timeout=TIMEOUT)


def properties(sb: KlaviyoSandbox) -> dict[str, dict[str, Any]]:
    return {p.email or "": dict(p.properties) for p in sb.profiles()}  # (every profile has an email)


# -- spreadsheets ---------------------------------------------------------------------------------

def members_csv(path: Path) -> Path:
    """30 members in a French semicolon export with a BOM, an unrecognised "Club" column holding the
    tier, and four bad rows: an invalid email, a points cell that is not a number, a missing email,
    and a member listed twice (the later row is used)."""
    rows: list[list[str]] = [["E-mail", "Prénom", "Nom", "Solde de points", "Club", "Date de naissance"]]
    for i in range(30):
        rows.append([f"membre{i:02d}@exemple.fr", f"Prénom{i}", f"Nom{i}", str(10 * i), TIERS[i % 3],
                     f"{i % 28 + 1:02d}/05/1990"])
    rows.insert(5, ["pas-un-email", "X", "Y", "5", "Or", ""])
    rows.insert(8, ["membre99@exemple.fr", "Z", "W", "beaucoup", "Or", ""])
    rows.insert(10, ["", "Sans", "Email", "12", "Bronze", ""])
    rows.append(["MEMBRE03@exemple.fr", "Prénom3bis", "Nom3", "999", "Or", ""])
    return write_csv(path, rows, encoding="utf-8-sig", delimiter=";")


def test_spreadsheet_walkthrough_klaviyo(qtbot, make_wizard, monkeypatch, tmp_path: Path,
                                         data_dir: Path) -> None:
    wiz = make_wizard()
    to_source_page(qtbot, wiz)
    page, panel = wiz.source_page, wiz.source_page.sheet_panel
    click(qtbot, page.sheet)
    assert page.stack.currentWidget() is panel
    assert not next_button(wiz).isEnabled()  # no file yet

    # File-level problems: one clear message each, Next stays disabled.
    (tmp_path / "empty.csv").write_bytes(b"")
    choose_file(qtbot, monkeypatch, panel.members_browse, tmp_path / "empty.csv")
    wait_read(qtbot, wiz)
    assert "empty.csv is empty" in panel.status.text() and not panel.tabs.isVisible()
    assert not next_button(wiz).isEnabled()
    choose_file(qtbot, monkeypatch, panel.members_browse, write_encrypted_xlsx(tmp_path / "locked.xlsx"))
    wait_read(qtbot, wiz)
    assert "locked.xlsx is protected by a password" in panel.status.text()
    assert not next_button(wiz).isEnabled()
    no_email = write_csv(tmp_path / "no-email.csv", [["Nom", "Points"], ["Ana", "10"]])
    choose_file(qtbot, monkeypatch, panel.members_browse, no_email)
    wait_read(qtbot, wiz)
    assert "no-email.csv has no email column" in panel.status.text()
    assert not next_button(wiz).isEnabled()

    # The real export: its format, the suggested mapping, the rejected rows.
    path = members_csv(tmp_path / "membres.csv")
    choose_file(qtbot, monkeypatch, panel.members_browse, path)
    wait_read(qtbot, wiz)
    summary = panel.summary.text()
    assert "CSV, UTF-8 with BOM, separated by semicolons" in summary and "34 rows: 30 members, 4 rejected" in summary
    assert "Ready to import 30 members" in panel.status.text()
    combos = {panel.columns.item(r, 0).text(): panel.columns.cellWidget(r, 2) for r in range(panel.columns.rowCount())}
    assert {h: c.currentData() for h, c in combos.items()} == {
        "E-mail": "email", "Prénom": "first_name", "Nom": "last_name", "Solde de points": "points_balance",
        "Club": None, "Date de naissance": "birthday"}
    assert panel.tabs.tabText(2) == "Rejected rows (4)"
    shown = [[panel.rejected.item(r, c).text() for c in range(1, 5)] for r in range(panel.rejected.rowCount())]
    assert shown == [["5", "E-mail", "membre03@exemple.fr", "duplicate email"],
                     ["6", "E-mail", "pas-un-email", "invalid email"],
                     ["9", "Solde de points", "beaucoup", "not a number"],
                     ["11", "E-mail", "", "missing email"]]
    exported = tmp_path / "rejected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(exported), ""))
    click(qtbot, panel.export_button)
    with exported.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert sorted((r[1:5] for r in rows[1:]), key=lambda r: int(r[0])) == shown

    # The user maps the "Club" column to the tier: saved for this file shape, the file read again.
    combos["Club"].setCurrentIndex(combos["Club"].findData("tier_name"))
    wait_read(qtbot, wiz)
    saved = hdr.load_saved(("E-mail", "Prénom", "Nom", "Solde de points", "Club", "Date de naissance"), hdr.MEMBERS)
    assert saved is not None and saved.fields[4] == "tier_name"
    club = next(panel.columns.cellWidget(r, 2) for r in range(panel.columns.rowCount())
                if panel.columns.item(r, 0).text() == "Club")
    assert club.currentData() == "tier_name"
    # Unmapping the email is refused (not saved): Next waits for an email column.
    email = panel.columns.cellWidget(0, 2)
    email.setCurrentIndex(0)
    assert "email addresses" in panel.status.text() and not next_button(wiz).isEnabled()
    assert hdr.load_saved(saved.headers, hdr.MEMBERS) == saved
    email.setCurrentIndex(email.findData("email"))
    wait_read(qtbot, wiz)
    assert next_button(wiz).isEnabled()

    sync_to_the_end(qtbot, wiz)
    got = properties(wiz.state.connection.sandbox)
    assert set(got) == {f"membre{i:02d}@exemple.fr" for i in range(30)}
    for i in range(30):
        p = got[f"membre{i:02d}@exemple.fr"]
        assert p["Loyalty Points Balance"] == (999 if i == 3 else 10 * i)
        assert p["Loyalty Tier Name"] == ("Or" if i == 3 else TIERS[i % 3])
    assert wiz.state.summary.profiles_sent == 30
    click_next(qtbot, wiz)  # → done
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    s = Settings.load()
    assert s.source == "csv" and s.source_options == {"members": str(path)}


def test_spreadsheet_with_a_points_history(qtbot, make_wizard, monkeypatch, tmp_path: Path) -> None:
    wiz = make_wizard()
    to_source_page(qtbot, wiz)
    page, panel = wiz.source_page, wiz.source_page.sheet_panel
    click(qtbot, page.sheet)
    members = members_csv(tmp_path / "membres.csv")
    ledger = write_csv(tmp_path / "historique.csv", [
        ["Date", "E-mail", "Points", "Motif"],
        ["02/03/2026", "membre01@exemple.fr", "50", "Commande"],
        ["03/03/2026", "membre02@exemple.fr", "-20", "Récompense"],
        ["04/03/2026", "inconnu@exemple.fr", "10", "Commande"],
    ], delimiter=";")
    # Files given the wrong way round: said plainly.
    choose_file(qtbot, monkeypatch, panel.members_browse, ledger)
    wait_read(qtbot, wiz)
    assert "historique.csv looks like a points history" in panel.status.text()
    assert not next_button(wiz).isEnabled()
    choose_file(qtbot, monkeypatch, panel.members_browse, members)
    choose_file(qtbot, monkeypatch, panel.ledger_browse, ledger)
    wait_read(qtbot, wiz)
    # Every date reads both as day/month and month/day: asked, not guessed.
    assert panel.questions.isVisible() and len(panel.questions.combos) == 1
    assert "the dates in “Date” (column 1) read both as day/month/year and as month/day/year" in \
        panel.questions.grid.itemAtPosition(0, 0).widget().text()
    assert not next_button(wiz).isEnabled()
    answer(qtbot, panel.questions.combos[0], "dmy")
    wait_read(qtbot, wiz)
    assert not panel.questions.isVisible() and not panel.problem
    assert "3 rows: 2 points movements, 1 rejected" in panel.summary.text()
    assert panel.tabs.isTabVisible(1) and panel.tabs.tabText(1) == "Columns: historique.csv"
    assert panel.tabs.tabText(2) == "Rejected rows (5)"
    last = panel.rejected.rowCount() - 1
    assert [panel.rejected.item(last, c).text() for c in (0, 1, 4)] == [
        "historique.csv", "4", "email not in the members file"]
    assert not panel.rejected.isColumnHidden(0)
    sync_to_the_end(qtbot, wiz)
    assert len(wiz.state.connection.sandbox.profiles()) == 30
    assert wiz.state.source_options == {"members": str(members), "ledger": str(ledger)}


# -- Smile.io -------------------------------------------------------------------------------------

def test_smile_demo_walkthrough_klaviyo(qtbot, make_wizard) -> None:
    wiz = make_wizard()
    to_source_page(qtbot, wiz)
    page, panel = wiz.source_page, wiz.source_page.smile_panel
    click(qtbot, page.smile)
    assert panel.demo_note.isVisible() and not panel.key.isVisible() and not panel.verify_button.isVisible()
    assert next_button(wiz).isEnabled()  # the demo needs no key
    panel.members.setValue(40)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    assert wiz.mapping_page.preset.currentData() == "klaviyo-smile"  # Smile's own property names
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    assert wiz.state.source_kind == "smile-sandbox"
    got = properties(wiz.state.connection.sandbox)
    with open_demo(DemoSpec(40, 42)) as program:
        members = {m.email: m for m in program.read(None, history=False).members}
    assert set(got) == set(members)
    for email, m in members.items():
        assert got[email]["Smile Points Balance"] == m.points_balance, email


def smile_expected(sb: SmileSandbox) -> dict[str, int]:
    """Each valid email's points balance as Smile's API answers it (member first, then the latest update)."""
    best: dict[str, tuple[Any, ...]] = {}
    for c in api_all(sb, "/customers", "customers"):
        email = (c["email"] or "").strip().lower()
        if "@" in email:
            rank = (c["state"] == "member", c["updated_at"], c["id"], c["points_balance"])
            best[email] = max(best.get(email, rank), rank)
    return {e: r[3] for e, r in best.items()}


def test_smile_key_verified_kept_in_the_keyring_then_read(qtbot, make_wizard, klaviyo: KlaviyoSandbox,
                                                          smile: SmileSandbox, memory_keyring) -> None:
    wiz = make_wizard(demo=False)
    to_source_page(qtbot, wiz, key=klaviyo.add_key())
    page, panel = wiz.source_page, wiz.source_page.smile_panel
    click(qtbot, page.smile)
    assert panel.key.isVisible() and not panel.demo_note.isVisible()
    assert not next_button(wiz).isEnabled()
    qtbot.keyClicks(panel.key.edit, "smile_wrong_key_0000000000")
    click(qtbot, panel.verify_button)
    qtbot.waitUntil(lambda: "✗" in panel.status.text(), timeout=TIMEOUT)
    assert "Smile.io refused the API key" in panel.status.text()
    assert not next_button(wiz).isEnabled()
    good = smile.add_key()
    panel.key.clear()
    qtbot.keyClicks(panel.key.edit, good)
    qtbot.keyClick(panel.key.edit, Qt.Key.Key_Return)  # Enter verifies
    qtbot.waitUntil(lambda: "✓" in panel.status.text(), timeout=TIMEOUT)
    assert "saved in" in panel.status.text() and wiz.currentPage() is page
    assert memory_keyring.get_password("loyalty-desktop", "smile") == good
    assert next_button(wiz).isEnabled()
    sync_to_the_end(qtbot, wiz)
    assert wiz.state.source_kind == "smile"
    expected = smile_expected(smile)
    got = properties(klaviyo)
    assert {e: p["Smile Points Balance"] for e, p in got.items()} == expected
    assert api_get(smile, "/vip_tiers", good).status_code == 200


def test_smile_without_a_keyring_keeps_the_key_for_the_session_only(qtbot, make_wizard, klaviyo,
                                                                    smile: SmileSandbox, data_dir: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    wiz = make_wizard(demo=False)
    to_source_page(qtbot, wiz, key=klaviyo.add_key())
    page, panel = wiz.source_page, wiz.source_page.smile_panel
    click(qtbot, page.smile)
    key = smile.add_key()
    qtbot.keyClicks(panel.key.edit, key)
    click(qtbot, panel.verify_button)
    qtbot.waitUntil(panel.session_only.isVisible, timeout=TIMEOUT)
    assert "No system keychain" in panel.status.text()
    assert not next_button(wiz).isEnabled()
    click(qtbot, panel.session_only)
    assert next_button(wiz).isEnabled()
    assert secrets.load("smile") == key
    sync_to_the_end(qtbot, wiz)
    assert len(klaviyo.profiles()) == len(smile_expected(smile))
    for f in data_dir.rglob("*"):
        if f.is_file():
            assert key.encode() not in f.read_bytes(), f


def test_reading_a_large_export_keeps_the_window_responsive(qtbot, make_wizard, monkeypatch,
                                                            tmp_path: Path) -> None:
    rows = [["Email", "First name", "Points", "Tier"]]
    rows += [[f"member{i}@example.com", f"Name{i}", str(i % 900), TIERS[i % 3]] for i in range(100_000)]
    path = write_csv(tmp_path / "large.csv", rows)
    wiz = make_wizard()
    to_source_page(qtbot, wiz)
    panel = wiz.source_page.sheet_panel
    click(qtbot, wiz.source_page.sheet)
    started = time.perf_counter()
    with StallProbe(in_file=None) as probe:  # the read runs in the worker process
        choose_file(qtbot, monkeypatch, panel.members_browse, path)
        wait_read(qtbot, wiz)
    r = probe.result(time.perf_counter() - started)
    assert "100,000 members" in panel.summary.text()  # grouped the English way (1 000 in French)
    # A read on the GUI thread would freeze it for the whole read; in the worker process, the event
    # loop keeps turning (no Python work of the read in the GUI's process, no GIL shared with it).
    print(f"worst pause {r.worst_stall_ms:.0f} ms over a {r.seconds:.2f} s read\n{r.table}")
    assert_responsive(r)


def test_going_back_to_choose_another_source_reads_it(qtbot, make_wizard) -> None:
    wiz = make_wizard()
    to_source_page(qtbot, wiz)
    wiz.source_page.members.setValue(30)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    first = wiz.state.source
    assert wiz.mapping_page.preset.currentData() == "klaviyo-loyalty"
    click(qtbot, wiz.button(QWizard.WizardButton.BackButton))
    assert wiz.currentPage() is wiz.source_page
    click(qtbot, wiz.source_page.smile)
    wiz.source_page.smile_panel.members.setValue(30)
    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    assert wiz.state.source is not first and wiz.state.source_kind == "smile-sandbox"
    assert wiz.mapping_page.preset.currentData() == "klaviyo-smile"  # the page was set up again
    headers = [wiz.mapping_page.preview.horizontalHeaderItem(i).text()
               for i in range(wiz.mapping_page.preview.columnCount())]
    assert "Smile Points Balance" in headers
    # Back and Next again without changing anything: the same source, not read again.
    click(qtbot, wiz.button(QWizard.WizardButton.BackButton))
    second = wiz.state.source
    click_next(qtbot, wiz)
    assert wiz.currentPage() is wiz.mapping_page and wiz.state.source is second


def test_after_a_full_walk_through_the_key_is_in_no_file(qtbot, make_wizard, klaviyo: KlaviyoSandbox,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a merchant's app writes (no data-folder override): data, config, logs at DEBUG, cache."""
    home = tmp_path / "home"
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    paths.set_data_dir(None)
    folders = [paths.data_dir(), config_path().parent, paths.log_dir(),
               platformdirs.user_cache_path(APP_NAME, appauthor=False)]
    assert all(f.is_relative_to(home) for f in folders), folders
    root, levels = logging.getLogger(), {n: logging.getLogger(n).level for n in ("", "httpx", "httpcore")}
    before = set(root.handlers)
    logs.setup(logging.DEBUG)
    try:
        wiz = make_wizard(demo=False)
        key = klaviyo.add_key()
        to_source_page(qtbot, wiz, key=key)
        sync_to_the_end(qtbot, wiz)
        click_next(qtbot, wiz)  # → done
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    finally:
        for h in set(root.handlers) - before:
            root.removeHandler(h)
            h.close()
        for name, level in levels.items():
            logging.getLogger(name or None).setLevel(level)
    assert len(klaviyo.profiles()) > 0 and Settings.load().wizard_done
    assert secrets.load("klaviyo") == key  # in the keyring (the in-memory one in tests)
    written = {f.name for f in home.rglob("*") if f.is_file()}
    assert {"store.sqlite3", config_path().name, "loyalty-desktop.log"} <= written, written
    for f in home.rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            assert key.encode() not in data and key.encode("utf-16-le") not in data, f


def test_spreadsheet_questions_are_answered_in_the_wizard(qtbot, make_wizard, monkeypatch,
                                                          tmp_path: Path) -> None:
    """Two columns that could be the email and a text column matched to a number field: asked on the
    columns panel, answered there (saved for the file shape); the mapping page and its preview say
    which fields the file does not provide, and the sync leaves those untouched."""
    wiz = make_wizard()
    to_source_page(qtbot, wiz)
    page, panel = wiz.source_page, wiz.source_page.sheet_panel
    click(qtbot, page.sheet)
    headers = ["Email", "E-mail", "Points", "Rewards"]
    rows = [headers] + [[f"old{i}@exemple.fr", f"membre{i:02d}@exemple.fr", str(10 * i),
                         "10% off" if i % 2 else "Free shipping"] for i in range(8)]
    choose_file(qtbot, monkeypatch, panel.members_browse, write_csv(tmp_path / "export.csv", rows))
    wait_read(qtbot, wiz)
    assert panel.questions.isVisible() and len(panel.questions.combos) == 2
    asked = [panel.questions.grid.itemAtPosition(r, 0).widget().text() for r in range(2)]
    assert "“Email” (column 1), “E-mail” (column 2) could each be the member's email" in asked[0]
    assert "“Rewards” (column 4) holds text, not numbers or dates, yet its name matched “Rewards claimed”" in asked[1]
    assert "answer the questions below" in panel.status.text() and not next_button(wiz).isEnabled()
    assert "Not in this file" in panel.not_provided.text() and "Tier name" in panel.not_provided.text()
    answer(qtbot, panel.questions.combos[0], 1)  # the "E-mail" column
    assert not panel.busy_reading and not next_button(wiz).isEnabled()  # the other question first
    answer(qtbot, panel.questions.combos[1], "drop")  # leave "Rewards" out
    wait_read(qtbot, wiz)
    assert not panel.questions.isVisible() and not panel.problem and next_button(wiz).isEnabled()
    saved = hdr.load_saved(tuple(headers), hdr.MEMBERS)
    assert saved is not None and saved.fields == (None, "email", "points_balance", None)

    click_next(qtbot, wiz)
    qtbot.waitUntil(lambda: wiz.currentPage() is wiz.mapping_page, timeout=TIMEOUT)
    mp = wiz.mapping_page
    note = mp.unprovided.text()
    assert "Not provided by this source, so left as they are in Klaviyo" in note
    assert "Tier name" in note and "Rewards claimed" in note and "Points balance" not in note
    columns = [mp.preview.horizontalHeaderItem(c).text() for c in range(mp.preview.columnCount())]
    tier, points = columns.index("Loyalty Tier Name"), columns.index("Loyalty Points Balance")
    assert {mp.preview.item(r, tier).text() for r in range(mp.preview.rowCount())} == {"(left as is)"}
    assert mp.preview.item(0, points).text() == "0"  # a real 0 from the file
    click_next(qtbot, wiz)
    start_sync(qtbot, wiz)
    qtbot.waitUntil(wiz.sync_page.isComplete, timeout=TIMEOUT)
    got = properties(wiz.state.connection.sandbox)
    assert set(got) == {f"membre{i:02d}@exemple.fr" for i in range(8)}
    assert all(p == {"Loyalty Points Balance": 10 * i} for i, p in enumerate(got[e] for e in sorted(got)))
