"""French everywhere: every shipped string has its French, and French shows where merchants look.

The catalogue is rebuilt from the sources into a temporary folder (what update.py does: lupdate,
the fr_*.json translations, lrelease), so a string added without its French fails here even before
anyone regenerates the committed .ts/.qm; the French screens below read that fresh catalogue.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from helpers.catalogue import french, fresh  # noqa: F401 - fixtures
from helpers.catalogue import update_module as _update_module
from loyalty_desktop.core import known_texts, translate
from loyalty_desktop.core.paths import resources_dir
from loyalty_desktop.sources.spreadsheet.cells import Reason
from loyalty_desktop.store.rejects import RejectedRow, write_rejected_csv

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")


def _messages(ts: Path) -> Iterator[tuple[str, str, str]]:
    import xml.etree.ElementTree as ET

    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            if tr.get("type") in ("obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            for text in forms:
                yield name, msg.findtext("source") or "", text


# -- completeness ---------------------------------------------------------------------------------

def test_every_marked_string_has_a_french_translation(fresh: tuple[Path, list[str]]) -> None:
    # GUI (self.tr, QCoreApplication.translate), the core's and the CLI's tr("…"), kit and recipe
    # texts marked in core/known_texts: lupdate extracts them all; each needs its French.
    _, missing = fresh
    assert not missing, ("strings without French (add them to resources/i18n/fr_<branch>.json):\n"
                         + "\n".join(missing))


def test_french_keeps_every_placeholder_and_french_typography(fresh: tuple[Path, list[str]]) -> None:
    res, _ = fresh
    wrong = []
    for context, source, text in _messages(res / "i18n" / "loyalty_desktop_fr.ts"):
        if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(text))):
            wrong.append(f"{context}: {source!r} → {text!r}: placeholders differ")
        if re.search(r"[ \u202f][:;!?](\s|$)", text):
            wrong.append(f"{context}: {text!r}: a plain space before : ; ! ? (French wants U+00A0)")
        if re.search(r"[\w»)]:(\s|$)", text):
            wrong.append(f"{context}: {text!r}: no space before ':'")
    assert not wrong, "\n".join(wrong)


def test_typography_rule() -> None:
    t = _update_module().typography
    assert t("Plateforme :", "fr") == "Plateforme\u00a0:"
    assert t("Compte: {name}", "fr") == "Compte\u00a0: {name}"
    assert t("Envoyer ?", "fr") == "Envoyer\u00a0?"
    assert t("Langue des e-&mails :", "fr", "KitPanel") == "Langue des e\u2011&mails\u00a0:"
    assert t("e-mail invalide", "fr") == "e-mail invalide"  # the core's: CSV files and terminals
    assert t("http://127.0.0.1:8080 à 14:03", "fr") == "http://127.0.0.1:8080 à 14:03"
    assert t("Platform: x", "en") == "Platform: x"


def test_kit_templates_and_recipes_exist_in_french() -> None:
    flows = json.loads((resources_dir() / "flows" / "recommended.json").read_text(encoding="utf-8"))["flows"]
    for f in flows:
        assert set(f["fr"]) == set(f["en"]) and all(f["fr"].values()), f["id"]
        assert f["fr"]["name"] != f["en"]["name"], f["id"]
    kit = json.loads((resources_dir() / "kit" / "templates.json").read_text(encoding="utf-8"))
    assert set(kit["common"]["fr"]) == set(kit["common"]["en"])
    for t in kit["templates"]:
        assert set(t["fr"]) == set(t["en"]), t["id"]
    # The recipe filters are data: each one is marked for translation (known_texts.recipe_filters).
    marked = set(known_texts.recipe_filters(translate.same))
    assert {f["splio_filter"] for f in flows} <= marked


def test_the_core_texts_match_their_marked_templates(french: Path) -> None:
    """The English the sources and the engine make is found again by translate_text (a template
    that drifted from its maker would leave the text in English)."""
    from loyalty_desktop.sources.spreadsheet.rejects import RowReject

    made = [reason.value for reason in Reason]
    made += [RowReject("m.csv", 9, "Email", "a@b.fr", Reason.DUPLICATE_EMAIL, "also on line 3; line 3 is used")
             .for_run("member").reason,
             RowReject("m.csv", 4, "Born", "31/02/1990", Reason.UNKNOWN_DATE,
                       "expected day/month/year or year-month-day").for_run("member").reason]
    untranslated = [t for t in made if translate.translate_text(t, "fr") == t]
    assert not untranslated
    assert translate.translate_text("duplicate email (also on line 3; line 3 is used)", "fr") == \
        "e-mail en double (aussi à la ligne 3\u00a0; la ligne 3 est utilisée)"
    note = "12,345 row(s) of the source could not be used; they are listed with this run's rejected rows."
    assert translate.translate_text(note, "fr").startswith("12\u202f345 ligne(s) des données de fidélité")
    assert translate.translate_text("Invalid email format (Klaviyo's words)", "fr") == \
        "Invalid email format (Klaviyo's words)"  # a platform's own words stay as they are


# -- the command line follows the OS locale ------------------------------------------------------

def test_cli_language_follows_the_locale() -> None:
    assert translate.os_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert translate.os_language({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}) == "fr"
    assert translate.os_language({"LANGUAGE": "fr:en", "LANG": "en_US.UTF-8"}) == "fr"
    assert translate.os_language({"LANG": "de_DE.UTF-8"}) == "en"  # not shipped: English
    assert translate.os_language({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}) == "en"


def test_cli_summary_in_french(french: Path) -> None:
    from loyalty_desktop.cli.output import print_summary
    from loyalty_desktop.sync.summary import RunStatus, RunSummary

    s = RunSummary(7, RunStatus.COMPLETED_WITH_REJECTS, seconds=2.0, members=1234, profiles_sent=1200,
                   rejected=1, members_rejected=1, source_rejected=2,
                   notes=["2 row(s) of the source could not be used; they are listed with this run's rejected rows."],
                   rejected_samples=[("a@b.fr", "email", "invalid email")])
    out = io.StringIO()
    print_summary(s, "Klaviyo", out, language="fr")
    text = out.getvalue()
    assert "Synchronisation vers Klaviyo terminée, avec des refus" in text
    assert "Membres\u00a0: 1\u202f234 · Contacts envoyés\u00a0: 1\u202f200" in text
    assert "Refusés par Klaviyo\u00a0: 1 · Rejetés dans les données de fidélité\u00a0: 2" in text
    assert "2 ligne(s) des données de fidélité" in text
    assert "refusé a@b.fr [email]\u00a0: e-mail invalide" in text
    out = io.StringIO()
    print_summary(s, "Klaviyo", out, language="en")
    assert "completed, some refused" in out.getvalue()
    assert "Members: 1,234 · Contacts sent: 1,200 · Unchanged: 0 · Refused by Klaviyo: 1" in out.getvalue()


def test_run_counts_worded_once_in_english_and_french(french: Path, qapp) -> None:
    """The one wording of a run's figures (sync/run_counts.py): the command line's (core catalogue)
    and the screens' (Qt's, numbers by QLocale) read the same, in either language."""
    from loyalty_desktop.sync.run_counts import RunCounts, counts_line
    from loyalty_desktop.ui import i18n

    stored = {"members": 12345, "profiles_sent": 1200, "unchanged": 11000, "members_rejected": 145,
              "members_rejected_earlier": 100, "source_rejected": 3, "events_sent": 4567, "events_rejected": 2}
    c = RunCounts.of(stored)
    assert c.adds_up() and c.listed == 45 + 2 + 3
    english = ("Members: 12,345 · Contacts sent: 1,200 · Unchanged: 11,000 · Refused by Splio: 145 (100 in earlier "
               "runs) · Rejected in the loyalty data: 3 · Events sent: 4,567 · Events refused: 2")
    assert counts_line(c, "Splio", translate.cli_tr("en"), lambda n: translate.format_int(n, "en")) == english
    nb, thin = "\u00a0", "\u202f"
    french_line = (f"Membres{nb}: 12{thin}345 · Contacts envoyés{nb}: 1{thin}200 · Inchangés{nb}: 11{thin}000 · "
                   f"Refusés par Splio{nb}: 145 (100 lors de synchronisations précédentes) · Rejetés dans les données "
                   f"de fidélité{nb}: 3 · Événements envoyés{nb}: 4{thin}567 · Événements refusés{nb}: 2")
    assert counts_line(c, "Splio", translate.cli_tr("fr"), lambda n: translate.format_int(n, "fr")) == french_line
    try:
        # On screen, each figure keeps to one line (no-break spaces): the same words.
        assert i18n.install("en") == "en" and i18n.run_counts_line(stored, "Splio").replace(nb, " ") == english
        assert i18n.install("fr") == "fr"
        assert i18n.run_counts_line(stored, "Splio").replace(nb, " ") == french_line.replace(nb, " ")
    finally:
        i18n.install("en")
    # Nothing refused, nothing waiting: the four figures every screen compares still show (as 0).
    assert counts_line(RunCounts(members=2, sent=2), "Klaviyo") == (
        "Members: 2 · Contacts sent: 2 · Unchanged: 0 · Refused by Klaviyo: 0 · Rejected in the loyalty data: 0 · "
        "Events sent: 0")


def test_cli_errors_follow_the_locale(french: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from loyalty_desktop.cli import guard
    from loyalty_desktop.core.errors import CancelledError

    def cancelled() -> int:
        raise CancelledError()

    monkeypatch.setenv(translate.ENV_LANG, "fr")
    guard.run(cancelled)
    assert capsys.readouterr().err.startswith("erreur\u00a0: Annulée")
    monkeypatch.setenv(translate.ENV_LANG, "en")
    guard.run(cancelled)
    assert capsys.readouterr().err.startswith("error: Cancelled")


# -- the rejected rows' CSV ---------------------------------------------------------------------------

ROWS = [RejectedRow(1, "klaviyo", "profile", "x@y.fr", "email", "Invalid email"),
        RejectedRow(1, "demo", "member", "a@b.fr", "Email", "duplicate email (also on line 3; line 3 is used)",
                    origin="source", line=9, value="a@b.fr", file="members.csv")]


def _csv(language: str) -> list[list[str]]:
    out = io.StringIO()
    write_rejected_csv(ROWS, out, language=language)
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_rejected_csv_in_french_and_english(french: Path) -> None:
    fr = _csv("fr")
    assert fr[0] == ["origine", "type", "clé", "champ", "motif", "fichier", "ligne", "valeur"]
    assert fr[2][:2] == ["données de fidélité", "membre"]
    assert fr[2][4] == "e-mail en double (aussi à la ligne 3\u00a0; la ligne 3 est utilisée)"
    assert fr[1][4] == "Invalid email"  # the platform's words
    en = _csv("en")
    assert en[0] == ["origin", "kind", "key", "field", "reason", "file", "line", "value"]
    assert en[2][4] == ROWS[1].reason


# -- French on screen (pytest-qt) --------------------------------------------------------------------

@pytest.fixture
def in_french(french: Path, qapp) -> Iterator[None]:
    from loyalty_desktop.ui import i18n

    assert i18n.install("fr") == "fr"
    yield
    i18n.install("en")


def test_file_dialog_speaks_french(qtbot, in_french: None) -> None:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

    # The app's language differs from this machine's (C/English): Qt's own dialog, translated.
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "Exporter", "", "CSV (*.csv)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert sorted(b.text() for b in box.buttons()) == ["&Enregistrer", "Annuler"]
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Voir dans\u00a0:", "&Nom de fichier\u00a0:", "Fichiers de &type\u00a0:"} <= labels


def test_rejected_rows_view_and_export_in_french(qtbot, in_french: None, tmp_path: Path) -> None:
    from loyalty_desktop.store.runs import RunRecord, RunState
    from loyalty_desktop.ui.run_dialog import RunDialog

    run = RunRecord(1, "klaviyo", "demo", datetime(2026, 12, 6, 9, 0, tzinfo=UTC), None,
                    RunState.COMPLETED_WITH_REJECTS, {}, None)
    dialog = RunDialog(run, ROWS, "Terminée")
    qtbot.addWidget(dialog)
    reason, title = dialog.table.item(1, 3), dialog.table.horizontalHeaderItem(3)
    assert reason is not None and title is not None
    assert reason.text() == "e-mail en double (aussi à la ligne 3\u00a0; la ligne 3 est utilisée)"
    assert title.text() == "Motif"
    out = dialog.export_csv(tmp_path / "rejets.csv")
    assert out is not None
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "origine,type,clé,champ,motif,fichier,ligne,valeur"


def test_sync_log_and_sample_contact_in_french(qtbot, make_wizard, french: Path) -> None:
    from loyalty_desktop.sync.summary import RunStatus, RunSummary
    from loyalty_desktop.ui import i18n

    wiz = make_wizard(language="fr")
    page = wiz.sync_page
    page._finished(RunSummary(0, RunStatus.FAILED, notes=[
        "3 row(s) of the source could not be used; they are listed with this run's rejected rows."],
        error="Cancelled; the next sync resumes where this one stopped."))
    log = page.log.toPlainText()
    assert "3 ligne(s) des données de fidélité n'ont pas pu être utilisées" in log
    assert "✗ Annulée" in log
    assert i18n.display_value("1984-10-18T00:00:00") == "18/10/1984"
    assert i18n.display_value(1234567) == "1\u202f234\u202f567"
    assert i18n.translate_core("Klaviyo — Loyalty") == "Klaviyo — Fidélité"


def test_test_account_in_one_bracket(french: Path) -> None:
    from loyalty_desktop.cli.output import print_connected
    from loyalty_desktop.destinations.base import AccountInfo

    tr = translate.catalogue("fr").core
    assert known_texts.account_label("Maison Lumière (sandbox)", True, tr) == "Maison Lumière (sandbox, compte de test)"
    assert known_texts.account_label("Maison Lumière", True, translate.same) == "Maison Lumière (test account)"
    assert known_texts.account_label("Maison Lumière", False, tr) == "Maison Lumière"
    out = io.StringIO()
    print_connected([], "Klaviyo", AccountInfo("Maison Lumière (sandbox)", "1", test_account=True), out, "fr")
    assert out.getvalue() == "Connecté au compte Klaviyo « Maison Lumière (sandbox, compte de test) »\n"


def test_message_box_buttons_and_splio_recipes_in_french(qtbot, in_french: None) -> None:
    from PySide6.QtWidgets import QMessageBox

    from loyalty_desktop import service
    from loyalty_desktop.core.fields import PRESETS
    from loyalty_desktop.ui import i18n

    box = QMessageBox(QMessageBox.Icon.Question, "Loyalty Desktop", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["&Non", "&Oui"]
    flows = service.recommended_flows("splio", PRESETS["splio-loyoly"], "fr", i18n.translate_core)
    # A moment's recipe names the Splio trigger campaign and the field it watches (the Splio kit's guide).
    assert flows[0].trigger == ("Campagne trigger sur «\u00a0Mise à jour du contact\u00a0» du champ "
                                "loyalty_points_earned_at (kit Splio)")


@given(st.binary(max_size=300))
def test_a_damaged_catalogue_is_refused_cleanly(data: bytes) -> None:
    qm = (resources_dir() / "i18n" / "loyalty_desktop_fr.qm").read_bytes()
    for blob in (data, qm[:16] + data, qm[: len(qm) // 2] + data):
        try:
            translate.read_qm(blob)
        except ValueError:
            pass  # the command line then speaks English


@given(st.text(max_size=200))
def test_any_text_is_returned_or_translated_never_raises(text: str) -> None:
    assert translate.translate_text(text, "en") == text
    assert isinstance(translate.translate_text(text, "fr"), str)
    assert isinstance(translate.translate_text(f"{text} ({text})", "fr"), str)


def test_every_known_core_text_reads_differently_in_french(french: Path) -> None:
    """The texts marked in known_texts (reasons, notes, recipe filters, preset names) all have French
    of their own (a copy of the English would pass the completeness check unnoticed)."""
    tr = translate.catalogue("fr").core
    same_in_both = {"{reason} ({detail})"}
    untranslated = [t for t in known_texts.templates(translate.same) if tr(t) == t and t not in same_in_both]
    assert not untranslated


def test_errors_made_from_marked_templates_are_worded_in_french(french: Path) -> None:
    """A ConfigError keeps its English (logs, the store); user_message words it in the reader's
    language from the template it was made from, numbers the reader's way, an error inside another
    worded too (core.translate.reword)."""
    from loyalty_desktop import service
    from loyalty_desktop.core.errors import CancelledError, ConfigError, NetworkError, user_message

    tr = translate.catalogue("fr").core
    with pytest.raises(ConfigError) as caught:
        service.DemoSpec(0)
    assert caught.value.message == "The demo program has between 1 and 1,000,000 members, not 0."
    assert user_message(caught.value, tr=tr) == \
        "Le programme de démonstration a entre 1 et 1\u202f000\u202f000 membres, pas 0."
    assert user_message(caught.value) == caught.value.message  # English: as made
    nested = ConfigError("the demo sync failed: Cancelled; the next sync resumes where this one stopped.")
    assert user_message(nested, tr=tr) == "la synchronisation de démonstration a échoué\u00a0: " + user_message(
        CancelledError(), tr=tr)
    assert user_message(CancelledError(), tr=tr).startswith("Annulée")
    assert "le serveur n'a pas répondu à temps" in user_message(
        NetworkError("the server did not answer in time"), "Klaviyo", tr=tr)
    assert user_message(ConfigError("Klaviyo's own words"), tr=tr) == "Klaviyo's own words"  # no template: as is
    # A run's stored error, read back later: the same French.
    assert translate.translate_text(caught.value.message, "fr") == user_message(caught.value, tr=tr)


def test_the_gui_words_errors_through_qt_the_same_way(qtbot, in_french: None) -> None:
    from loyalty_desktop import service
    from loyalty_desktop.core.errors import ConfigError, user_message
    from loyalty_desktop.ui import i18n

    with pytest.raises(ConfigError) as caught:
        service.mapping_for("nope")
    assert user_message(caught.value, tr=i18n.translate_core).startswith("Préréglage inconnu 'nope'\u00a0; choisissez")
    with pytest.raises(ConfigError) as caught:
        service.DemoSpec(2_000_000)
    assert "entre 1 et 1\u202f000\u202f000 membres, pas 2\u202f000\u202f000." in user_message(
        caught.value, tr=i18n.translate_core)
