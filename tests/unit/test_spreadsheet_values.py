"""Cell values as French and English spreadsheets write them, and the headers that name them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from loyalty_desktop.core.model import LedgerKind, Member, MembershipState
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.read import sniff_delimiter
from loyalty_desktop.sources.spreadsheet.rows import make_member, tier_rank
from loyalty_desktop.sources.spreadsheet.values import (
    BadValue,
    Reason,
    guess_dayfirst,
    guess_decimal_comma,
    ledger_kind,
    make_date,
    make_datetime,
    make_int,
    normalize_email,
    to_state,
    to_text,
    valid_email,
)


@pytest.mark.parametrize("cell, comma, expected", [
    ("1234", False, 1234), (" 1234 ", True, 1234), ("1 234", True, 1234), ("1\u00a0234", True, 1234),
    ("1\u202f234", True, 1234), ("1,234", False, 1234), ("1.234", True, 1234), ("1,234,567", True, 1234567),
    ("1.234.567", False, 1234567), ("1 234,00", True, 1234), ("1,234.00", False, 1234), ("1.234,00", True, 1234),
    ("120,00", True, 120), ("120.0", False, 120), ("+50", False, 50), ("150 pts", True, 150),
    ("150 points", False, 150), ("1'234", False, 1234), ("0", True, 0), ("", True, None), ("-", True, None),
    ("n/a", False, None), (12, False, 12), (12.0, True, 12), (None, False, None),
])
def test_whole_numbers(cell: object, comma: bool, expected: int | None) -> None:
    assert make_int(comma)(cell) == expected


@pytest.mark.parametrize("cell, comma, reason", [
    ("abc", False, Reason.NOT_A_NUMBER), ("12a", True, Reason.NOT_A_NUMBER), ("1,2,3", True, Reason.NOT_A_NUMBER),
    ("-5", False, Reason.NEGATIVE), ("-1 200", True, Reason.NEGATIVE), ("(30)", False, Reason.NEGATIVE),
    ("12,5", True, Reason.NOT_WHOLE), ("12.5", False, Reason.NOT_WHOLE), ("1,234", True, Reason.NOT_WHOLE),
    ("1.234", False, Reason.NOT_WHOLE), (12.5, False, Reason.NOT_WHOLE), (True, False, Reason.NOT_A_NUMBER),
    ("#VALUE!", False, Reason.FORMULA_ERROR), ("#N/A", True, Reason.FORMULA_ERROR),
])
def test_whole_numbers_rejected(cell: object, comma: bool, reason: Reason) -> None:
    with pytest.raises(BadValue) as exc:
        make_int(comma)(cell)
    assert exc.value.reason is reason


def test_signed_numbers_for_ledger_changes() -> None:
    conv = make_int(True, signed=True)
    assert (conv("-1 200"), conv("−30"), conv("+15"), conv("(40)"), conv(-7.0)) == (-1200, -30, 15, -40, -7)


@pytest.mark.parametrize("samples, delimiter, expected", [
    (["12,50", "3"], ",", True), (["1,234", "12"], ";", False), (["1.234,5"], ",", True), (["3.5"], ";", False),
    (["12", "40"], ";", True), (["12", "40"], ",", False),
])
def test_decimal_comma_is_decided_on_the_numbers_then_the_delimiter(samples: list[str], delimiter: str,
                                                                     expected: bool) -> None:
    assert guess_decimal_comma(samples, delimiter) is expected


@pytest.mark.parametrize("cell, dayfirst, expected", [
    ("15/03/1985", True, date(1985, 3, 15)), ("03/15/1985", False, date(1985, 3, 15)),
    ("1985-03-15", True, date(1985, 3, 15)), ("1985-03-15 14:30", True, date(1985, 3, 15)),
    ("1985-03-15T14:30:00Z", True, date(1985, 3, 15)), ("15/03/1985 14:30", True, date(1985, 3, 15)),
    ("15-03-1985", True, date(1985, 3, 15)), ("15.03.1985", True, date(1985, 3, 15)),
    ("5/3/1985", True, date(1985, 3, 5)), ("15/03/85", True, date(1985, 3, 15)),
    ("1985/03/15", True, date(1985, 3, 15)),
    (" 15/03/1985 ", True, date(1985, 3, 15)), ("", True, None),
    (datetime(1985, 3, 15, 10, 0), True, date(1985, 3, 15)), (date(1985, 3, 15), True, date(1985, 3, 15)),
    (31121.0, True, date(1985, 3, 15)),  # an Excel serial date in a cell left as a number
])
def test_dates(cell: object, dayfirst: bool, expected: date | None) -> None:
    assert make_date(dayfirst)(cell) == expected


@pytest.mark.parametrize("cell", ["31/02/1990", "15/13/1990", "hier", "1990", "15 mars", "2024-13-01", "#REF!", True])
def test_unknown_dates(cell: object) -> None:
    with pytest.raises(BadValue) as exc:
        make_date(True)(cell)
    assert exc.value.reason in (Reason.UNKNOWN_DATE, Reason.FORMULA_ERROR)


def test_moments_are_utc() -> None:
    conv = make_datetime(True)
    utc = UTC
    assert conv("05/01/2026 10:30") == datetime(2026, 1, 5, 10, 30, tzinfo=utc)
    assert conv("2026-01-05") == datetime(2026, 1, 5, tzinfo=utc)
    assert conv("2026-01-05T10:30:00+01:00") == datetime(2026, 1, 5, 9, 30, tzinfo=utc)
    assert conv("05/01/2026 10h30") == datetime(2026, 1, 5, 10, 30, tzinfo=utc)
    assert make_datetime(False)("01/05/2026 2:30 PM") == datetime(2026, 1, 5, 14, 30, tzinfo=utc)
    assert conv(datetime(2026, 1, 5, 10, 30)) == datetime(2026, 1, 5, 10, 30, tzinfo=utc)


def test_day_or_month_first_is_decided_per_column() -> None:
    assert guess_dayfirst(["03/04/2020", "25/12/2020"]) is True
    assert guess_dayfirst(["03/04/2020", "12/25/2020"]) is False
    assert guess_dayfirst(["03/04/2020", "04/05/2021"]) is True  # ambiguous: the French order


@pytest.mark.parametrize("cell, expected", [
    (" JEAN.Dupont@Example.COM ", "jean.dupont@example.com"), ("mailto:a@b.fr", "a@b.fr"),
    ("\ufeffa@b.fr\u00a0", "a@b.fr"), ('"a@b.fr"', "a@b.fr"), (None, ""),
])
def test_emails_are_normalized(cell: object, expected: str) -> None:
    assert normalize_email(cell) == expected


@pytest.mark.parametrize("email, ok", [
    ("jean@example.com", True), ("j.d+promo@mail.example.fr", True), ("bob@", False), ("bob", False),
    ("a b@c.fr", False), ("a@b", False), ("a@@b.fr", False), ("a@b..fr", False), ("x" * 96 + "@b.fr", False),
])
def test_email_validity(email: str, ok: bool) -> None:
    assert valid_email(email) is ok


def test_text_and_states() -> None:
    assert to_text("  Or ") == "Or" and to_text("-") is None and to_text(33612345678.0) == "33612345678"
    assert to_state("Membre") is MembershipState.MEMBER and to_state("désactivé") is MembershipState.DISABLED
    assert to_state("Candidate") is MembershipState.CANDIDATE and to_state("") is None
    with pytest.raises(BadValue) as exc:
        to_state("Gold")
    assert exc.value.reason is Reason.UNKNOWN_STATE
    with pytest.raises(BadValue):
        to_text("#DIV/0!")


@pytest.mark.parametrize("reason, change, kind", [
    ("Commande #1001", 50, LedgerKind.ORDER), ("Points earned on order", 50, LedgerKind.ORDER),
    ("Récompense échangée", -200, LedgerKind.REDEEM), ("Reward redeemed", 200, LedgerKind.REDEEM),
    ("Points expirés", -40, LedgerKind.EXPIRE), ("Anniversaire", 100, LedgerKind.BIRTHDAY),
    ("Birthday reward", 100, LedgerKind.BIRTHDAY), ("Parrainage réussi", 150, LedgerKind.REFERRAL),
    ("Avis produit", 20, LedgerKind.MISSION), ("Inscription", 50, LedgerKind.MISSION),
    ("redeem", -10, LedgerKind.REDEEM),
    ("Correction manuelle", -5, LedgerKind.ADJUST), ("???", 5, LedgerKind.ADJUST), (None, 5, LedgerKind.ADJUST),
])
def test_ledger_reasons(reason: str | None, change: int, kind: LedgerKind) -> None:
    assert ledger_kind(reason, change) is kind


def test_standard_tier_names_rank() -> None:
    assert [tier_rank(n) for n in ("Bronze", "ARGENT", "Palier Or", "VIP Gold", "Platine", "Diamant", "Étoile")] == [
        1, 2, 3, 3, 4, 5, None]


def test_fast_member_equals_the_dataclass() -> None:
    from dataclasses import fields

    values = [f.default for f in fields(Member)]
    values[0] = "a@b.fr"
    values[5] = 120
    m = make_member(values)
    assert m == Member(email="a@b.fr", points_balance=120) and hash(m) == hash(Member("a@b.fr", points_balance=120))
    with pytest.raises(AttributeError):
        m.points_balance = 3  # type: ignore[misc]


# -- headers ----------------------------------------------------------------------------------------

FR_HEADERS = ["Courriel", "Prénom", "Nom", "Solde de points", "Points cumulés", "Palier", "Date de naissance",
              "Membre depuis", "Lien de parrainage", "Parrainages", "Nombre de missions", "Récompenses", "Statut",
              "Téléphone", "Points à expirer", "Date d'expiration des points", "Dernière activité", "ID client"]
EN_HEADERS = ["E-mail", "First Name", "Last Name", "Points Balance", "Lifetime Points", "VIP Tier", "Date of Birth",
              "Member since", "Referral URL", "Referrals", "Missions completed", "Rewards claimed", "State",
              "Phone", "Points expiring", "Points expiry date", "Last activity", "Customer ID"]
CATALOG_ORDER = ["email", "first_name", "last_name", "points_balance", "points_earned_lifetime", "tier_name",
                 "birthday", "member_since", "referral_url", "referrals_completed", "missions_completed",
                 "rewards_claimed", "membership_state", "phone", "points_expiring", "points_expiry_date",
                 "last_activity_at", "external_id"]


@pytest.mark.parametrize("headers", [FR_HEADERS, EN_HEADERS, CATALOG_ORDER], ids=["fr", "en", "catalog-keys"])
def test_member_headers_in_both_languages(headers: list[str]) -> None:
    assert list(hdr.suggest_fields(headers, hdr.MEMBERS)) == CATALOG_ORDER
    assert hdr.detect_kind(headers) == hdr.MEMBERS


@pytest.mark.parametrize("header, field", [
    ("Points", "points_balance"), ("Solde", "points_balance"), ("Smile Points Balance", "points_balance"),
    ("Customer point balance", "points_balance"), ("Solde de points du client", "points_balance"),
    ("Mail", "email"), ("Adresse e-mail", "email"), ("EMAIL", "email"), ("Email du client", "email"),
    ("Tier", "tier_name"), ("Niveau VIP", "tier_name"), ("Smile VIP Tier Name", "tier_name"),
    ("Smile VIP Tier ID", "tier_id"), ("Smile State", "membership_state"), ("Smile Referral URL", "referral_url"),
    ("pointsBalance", "points_balance"), ("Customer missions count", "missions_completed"),
    ("Nombre de parrainages", "referrals_completed"), ("Customer VIP tier name", "tier_name"),
    ("Customer birthdate", "birthday"), ("Phone number", "phone"), ("Colonne sans rapport", None),
])
def test_single_headers(header: str, field: str | None) -> None:
    assert hdr.suggest_fields([header], hdr.MEMBERS)[0] == field


@pytest.mark.parametrize("headers, fields", [
    (["Email", "Date", "Points", "Motif", "Code promo", "Expiration du code"],
     ["email", "at", "points_change", "reason", "reward_code", "reward_expires_at"]),
    (["Courriel", "Date de l'opération", "Variation", "Type", "Libellé", "Solde après"],
     ["email", "at", "points_change", "reason", "description", "balance_after"]),
    (["Customer email", "Created at", "Points change", "Reason", "Reward code", "Reward expires at", "Used at"],
     ["email", "at", "points_change", "reason", "reward_code", "reward_expires_at", "reward_used_at"]),
    (["E-mail", "Date", "Points gagnés", "Points dépensés", "Description"],
     ["email", "at", "points_credit", "points_debit", "description"]),
    (["ID", "Email", "Date", "Points"], ["transaction_id", "email", "at", "points_change"]),
])
def test_ledger_headers(headers: list[str], fields: list[str]) -> None:
    assert hdr.detect_kind(headers) == hdr.LEDGER
    assert list(hdr.suggest_fields(headers, hdr.LEDGER)) == fields


def test_members_with_dates_are_not_a_ledger() -> None:
    assert hdr.detect_kind(["Email", "Points", "Date d'inscription", "Palier"]) == hdr.MEMBERS
    assert hdr.detect_kind(["Email", "Solde de points", "Date de naissance"]) == hdr.MEMBERS


def test_mapping_corrections_and_saving(data_dir: object) -> None:
    headers = ["Adresse", "Pts", "Niveau"]
    m = hdr.mapping_for(headers, hdr.MEMBERS)
    assert m.fields == (None, None, "tier_name") and not m.saved
    fixed = m.with_column("Adresse", "email").with_column(1, "points_balance")
    hdr.save(fixed)
    again = hdr.mapping_for(headers, hdr.MEMBERS)
    assert again.fields == ("email", "points_balance", "tier_name") and again.saved
    assert hdr.mapping_for([" adresse ", "PTS", "niveau"], hdr.MEMBERS).saved  # same shape
    moved = again.with_column(2, "points_balance")  # a field moves to its new column
    assert moved.fields == ("email", None, "points_balance")
    with pytest.raises(ValueError):
        hdr.ColumnMapping(hdr.MEMBERS, ("a", "b"), ("email", "email"))


@pytest.mark.parametrize("sample, delimiter", [
    ("email,points\na@b.fr,12\n", ","), ("email;points\na@b.fr;12,5\n", ";"), ("email\tpoints\na@b.fr\t1,5\n", "\t"),
    ("email|points\na@b.fr|3\n", "|"), ('email;nom\n"a@b.fr";"Dupont, Jean"\n', ";"), ("email\na@b.fr\n", ","),
    ("email;points;;\na@b.fr;12;;\nb@c.fr;1\n", ";"),
])
def test_delimiter_sniffing(sample: str, delimiter: str) -> None:
    assert sniff_delimiter(sample) == delimiter
