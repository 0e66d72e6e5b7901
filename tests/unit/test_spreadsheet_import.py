"""Members and ledger exports in every variant a French or English spreadsheet produces, generated
here, read end to end: the parsed values and the reasons of every rejected row are asserted."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from helpers.spreadsheet_make import Formula, write_csv, write_xlsx
from helpers.spreadsheet_rows import (
    EN,
    FR,
    assert_members,
    check_rejects,
    members_rows,
    read_all,
)
from loyalty_desktop.core import clock
from loyalty_desktop.core.model import (
    LedgerEntry,
    LedgerKind,
    Member,
    Reward,
    RewardOrigin,
    Tier,
)
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.read import SpreadsheetError
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_desktop.sources.spreadsheet.values import Reason

ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]
DELIMITERS = [";", ",", "\t", "|"]


@pytest.mark.parametrize("lang, encoding, delimiter", list(itertools.product(["fr", "en"], ENCODINGS, DELIMITERS)))
def test_members_csv_every_language_encoding_and_delimiter(tmp_path: Path, lang: str, encoding: str,
                                                           delimiter: str) -> None:
    loc = FR if lang == "fr" else EN
    # "Œ" exists in Windows-1252 and Unicode, not in Latin-1.
    special = "Lefèvre" if encoding == "latin-1" else "Cœur"
    rows, expected, rejects = members_rows(loc, special)
    path = write_csv(tmp_path / f"members-{lang}.csv", rows, encoding=encoding, delimiter=delimiter)
    src, members, records, tiers, got = read_all(path)
    assert_members(members, expected)
    assert records == []
    check_rejects(got, rejects, loc.headers)
    assert src.members.fmt.delimiter == delimiter
    assert src.members.decimal_comma is (lang == "fr") or delimiter != ";"
    standard = ["Bronze", "Argent", "Or", "Platine", "Diamant"] if lang == "fr" else [
        "Bronze", "Silver", "Gold", "Platinum", "Diamond"]
    assert tiers == [Tier(i, name, i) for i, name in enumerate(standard, 1)]
    stats = src.finish_stats()
    assert (stats.member_rows, stats.members, stats.duplicates, stats.rejected) == (10, 2, 1, 8)


@pytest.mark.parametrize("encoding, label", [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 with BOM"),
                                             ("cp1252", "Windows-1252"), ("utf-16", "UTF-16")])
def test_encoding_is_detected(tmp_path: Path, encoding: str, label: str) -> None:
    # "œ" and "€" are where Windows-1252 and Latin-1 differ.
    name = "Cœur €"
    path = write_csv(tmp_path / "m.csv", [["Email", "Nom"], ["a@b.fr", name]], encoding=encoding, delimiter=";")
    src, members, *_ = read_all(path)
    assert src.members.fmt.encoding_label == label
    assert_members(members, [Member("a@b.fr", last_name=name)])


def test_a_byte_read_as_a_control_character_is_rejected_not_sent(tmp_path: Path) -> None:
    """Byte 0x81 has no Windows-1252 meaning: the file is read as Latin-1, where it is a control
    character; that row is rejected (naming the column and the --encoding choice), not sent."""
    path = write_csv(tmp_path / "m.csv", [["Email", "Nom"], ["a@b.fr", "Lefèvre \x81"], ["b@b.fr", "Noël"]],
                     encoding="latin-1", delimiter=";")
    src, members, _, _, rejects = read_all(path)
    assert src.members.fmt.encoding_label == "Latin-1"
    assert [replace(x, unknown=frozenset()) for x in members] == [Member("b@b.fr", last_name="Noël",
                                                                         unknown=frozenset())]
    assert [(r.line, r.column, r.reason) for r in rejects] == [(2, "Nom", Reason.CONTROL)]
    assert "U+0081" in rejects[0].detail and "--encoding mac_roman" in rejects[0].detail


def test_title_rows_quotes_and_line_numbers(tmp_path: Path) -> None:
    """A title above the table, a quoted cell spanning two lines: lines are the file's lines."""
    path = tmp_path / "m.csv"
    path.write_text('Export Loyoly du 01/03/2026\n\n"Email";"Nom";"Points"\n"a@b.fr";"Dupont\nJean";"12"\n'
                    '"bad";"X";"1"\n', encoding="utf-8")
    src, members, _, _, rejects = read_all(path)
    assert src.members.header_line == 3
    assert_members(members, [Member("a@b.fr", last_name="Dupont\nJean", points_balance=12)])
    assert [(r.line, r.reason) for r in rejects] == [(6, Reason.INVALID_EMAIL)]


def test_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("sep=|\nEmail|Nom;Prénom|Points\na@b.fr|Dupont;Jean|3\n", encoding="utf-8")
    src, members, *_ = read_all(path)
    assert (src.members.fmt.delimiter, src.members.header_line) == ("|", 2)
    assert_members(members, [Member("a@b.fr", first_name="Dupont;Jean", points_balance=3)])


@pytest.mark.parametrize("quote_all", [False, True], ids=["unquoted", "quoted"])
def test_every_duplicate_is_reported_and_an_unreadable_last_row_keeps_the_earlier(tmp_path: Path,
                                                                                  quote_all: bool) -> None:
    rows = [["Points", "Email"], ["1", "a@b.fr"], ["2", "a@b.fr"], ["5", "c@d.fr"], ["3", "A@B.FR"],
            ["oops", "c@d.fr"]]
    _, members, _, _, rejects = read_all(write_csv(tmp_path / "m.csv", rows, quote_all=quote_all))
    assert_members(members, [Member("a@b.fr", points_balance=3), Member("c@d.fr", points_balance=5)])
    assert [(r.line, r.reason, r.detail) for r in rejects] == [
        (2, Reason.DUPLICATE_EMAIL, "also on line 5; line 5 is used"),
        (3, Reason.DUPLICATE_EMAIL, "also on line 5; line 5 is used"),
        (6, Reason.NOT_A_NUMBER, "")]


def test_members_xlsx_typed_cells_formulas_and_trailing_blanks(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Export fidélité — mars 2026"],  # a title row
        ["Courriel", "Prénom", "Solde de points", "Points cumulés", "Palier", "Date de naissance", "Membre depuis",
         "Téléphone", None, None],
        ["Alice@Example.com", "Alice", 1234, Formula("C3*2", 2468), "Or", date(1985, 3, 15),
         datetime(2021, 6, 1, 14, 30), 33612345678, None, " "],
        ["bob@example.fr", "Bob", "1 300", 1300.0, "argent", "15/04/1990", "2022-01-02", "+33 6 12 34 56 78"],
        ["carl@example.fr", "Carl", Formula("1/0", "#DIV/0!"), None, None, None, None, None],
        ["dan@example.fr", "Dan", 12.5, None, None, None, None, None],
        [None], [" "], [None, None, None],
    ]
    path = write_xlsx(tmp_path / "membres.xlsx", {"Membres": rows})
    src, members, _, tiers, rejects = read_all(path)
    assert src.members.fmt.type == "xlsx" and src.members.header_line == 2
    assert_members(members, [
        Member("alice@example.com", first_name="Alice", points_balance=1234, points_earned_lifetime=2468,
               tier_name="Or", tier_id=3, birthday=date(1985, 3, 15), member_since=date(2021, 6, 1),
               phone="33612345678"),
        Member("bob@example.fr", first_name="Bob", points_balance=1300, points_earned_lifetime=1300,
               tier_name="argent", tier_id=2, birthday=date(1990, 4, 15), member_since=date(2022, 1, 2),
               phone="+33 6 12 34 56 78"),
    ])
    assert [(r.line, r.column, r.value, r.reason) for r in rejects] == [
        (5, "Solde de points", "#DIV/0!", Reason.FORMULA_ERROR), (6, "Solde de points", "12.5", Reason.NOT_WHOLE)]
    # Ids and ranks from the standard names; the standard tiers nobody holds are named too.
    assert tiers == [Tier(1, "Bronze", 1), Tier(2, "argent", 2), Tier(3, "Or", 3), Tier(4, "Platine", 4),
                     Tier(5, "Diamant", 5)]


def test_workbook_with_a_members_and_a_ledger_sheet(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "programme.xlsx", {
        "Mouvements": [["Email", "Date", "Points", "Motif"], ["a@b.fr", datetime(2026, 1, 5, 10), 50, "Commande"]],
        "Membres": [["Email", "Points"], ["a@b.fr", 50]],
    })
    src, members, records, _, rejects = read_all(book, book)
    assert (src.members.sheet, src.ledger.sheet if src.ledger else None) == ("Membres", "Mouvements")
    assert_members(members, [Member("a@b.fr", points_balance=50)])
    assert [(type(r), r.points_change, r.kind) for r in records] == [(LedgerEntry, 50, LedgerKind.ORDER)]
    assert rejects == []


def ledger_rows(lang: str) -> list[list[Any]]:
    if lang == "fr":
        return [["Courriel", "Date", "Points", "Motif", "Code promo", "Expiration du code", "Solde après"],
                ["alice@example.com", "05/01/2026 10:30", "+120", "Commande n°1001", "", "", "1 120"],
                ["ALICE@example.com ", "20/01/2026", "-100", "Récompense échangée", "BON5-AB12", "31/12/2026", "1 020"],
                ["bob@example.fr", "15/02/2026", "50", "Anniversaire", "ANNIV-BOB", "15/03/2026", ""],
                ["bob@example.fr", "16/02/2026", "200", "Points expirés", "", "", ""],  # written positive
                ["alice@example.com", "05/01/2026 10:30", "+120", "Commande n°1001", "", "", "1 120"],  # twice
                ["zed@example.fr", "15/02/2026", "50", "Commande", "", "", ""],  # not a member
                ["alice@example.com", "", "10", "Commande", "", "", ""],  # no date
                ["alice@example.com", "le 3 mars", "10", "Commande", "", "", ""],  # unknown date
                ["alice@example.com", "03/03/2026", "dix", "Commande", "", "", ""],  # not a number
                ["alice@example.com", "03/03/2026", "", "Commande", "", "", ""],  # no points
                ["", "", "", "", "", "", ""]]
    return [["Email", "Created at", "Points change", "Reason", "Reward code", "Reward expires at", "Balance after"],
            ["alice@example.com", "2026-01-05 10:30", "120", "Points earned on order #1001", "", "", "1,120"],
            ["ALICE@example.com ", "2026-01-20", "-100", "Reward redeemed", "SAVE5-AB12", "2026-12-31", "1,020"],
            ["bob@example.fr", "2026-02-15", "50", "Birthday", "BDAY-BOB", "2026-03-15", ""],
            ["bob@example.fr", "2026-02-16", "200", "Points expired", "", "", ""],
            ["alice@example.com", "2026-01-05 10:30", "120", "Points earned on order #1001", "", "", "1,120"],
            ["zed@example.fr", "2026-02-15", "50", "Order", "", "", ""],
            ["alice@example.com", "", "10", "Order", "", "", ""],
            ["alice@example.com", "March 3rd", "10", "Order", "", "", ""],
            ["alice@example.com", "2026-03-03", "ten", "Order", "", "", ""],
            ["alice@example.com", "2026-03-03", "", "Order", "", "", ""],
            ["", "", "", "", "", "", ""]]


@pytest.mark.parametrize("lang, fmt", [("fr", "csv"), ("en", "csv"), ("fr", "xlsx"), ("en", "xlsx")])
def test_ledger_export(tmp_path: Path, lang: str, fmt: str) -> None:
    members = write_csv(tmp_path / "m.csv",
                        [["Email", "Points"], ["alice@example.com", "1020"], ["bob@example.fr", "0"]])
    rows = ledger_rows(lang)
    if fmt == "csv":
        ledger = write_csv(tmp_path / "l.csv", rows, encoding="cp1252" if lang == "fr" else "utf-8",
                           delimiter=";" if lang == "fr" else ",")
    else:
        ledger = write_xlsx(tmp_path / "l.xlsx", {"Ledger": rows})
    _, got_members, records, _, rejects = read_all(members, ledger)
    assert [m.email for m in got_members] == ["alice@example.com", "bob@example.fr"]
    entries = [r for r in records if isinstance(r, LedgerEntry)]
    rewards = {r.id: r for r in records if isinstance(r, Reward)}
    summary = [(e.email, e.at, e.points_change, e.kind, e.balance_after) for e in entries]
    assert summary == [
        ("alice@example.com", datetime(2026, 1, 5, 10, 30, tzinfo=UTC), 120, LedgerKind.ORDER, 1120),
        ("alice@example.com", datetime(2026, 1, 20, tzinfo=UTC), -100, LedgerKind.REDEEM, 1020),
        ("bob@example.fr", datetime(2026, 2, 15, tzinfo=UTC), 50, LedgerKind.BIRTHDAY, None),
        ("bob@example.fr", datetime(2026, 2, 16, tzinfo=UTC), -200, LedgerKind.EXPIRE, None),
        ("alice@example.com", datetime(2026, 1, 5, 10, 30, tzinfo=UTC), 120, LedgerKind.ORDER, 1120),
    ]
    # Identical rows are two movements with distinct, content-derived ids.
    assert len({e.id for e in entries}) == 5 and entries[4].id == entries[0].id + "-1"
    redeem, birthday = entries[1], entries[2]
    assert redeem.reward_id in rewards and birthday.reward_id in rewards
    r1, r2 = rewards[redeem.reward_id], rewards[birthday.reward_id]
    assert (r1.code, r1.origin, r1.points_spent, r1.expires_at) == (
        rows[2][4], RewardOrigin.REDEMPTION, 100, datetime(2026, 12, 31, tzinfo=UTC))
    assert (r2.code, r2.origin, r2.email) == (rows[3][4], RewardOrigin.BIRTHDAY, "bob@example.fr")
    col = rows[0]
    assert [(r.line, r.column, r.reason) for r in rejects] == [
        (7, col[0], Reason.UNKNOWN_MEMBER), (8, col[1], Reason.MISSING_VALUE), (9, col[1], Reason.UNKNOWN_DATE),
        (10, col[2], Reason.NOT_A_NUMBER), (11, col[2], Reason.MISSING_VALUE)]
    # The same file read again gives the same ids (events derive their unique_id from them).
    _, _, again, _, _ = read_all(members, ledger)
    assert [r.id for r in again] == [r.id for r in records]


def test_ledger_with_earned_and_spent_columns_and_transaction_ids(tmp_path: Path) -> None:
    members = write_csv(tmp_path / "m.csv", [["Email"], ["a@b.fr"]])
    ledger = write_csv(tmp_path / "l.csv", [
        ["ID", "E-mail", "Date", "Points gagnés", "Points dépensés", "Description"],
        ["T-1", "a@b.fr", "14/02/2026", "40", "", "Avis produit"],  # day > 12: the order is settled
        ["T-2", "a@b.fr", "02/02/2026", "", "30", "Bon d'achat 5 €"],
    ], delimiter=";")
    _, _, records, _, rejects = read_all(members, ledger)
    assert [(r.id, r.points_change, r.kind, r.description) for r in records if isinstance(r, LedgerEntry)] == [
        ("sheet:T-1", 40, LedgerKind.MISSION, "Avis produit"), ("sheet:T-2", -30, LedgerKind.REDEEM, "Bon d'achat 5 €")]
    assert rejects == []


def test_rejected_rows_export_as_csv(tmp_path: Path) -> None:
    rows, _, expected, = members_rows(FR, "Cœur")
    src, *_ = read_all(write_csv(tmp_path / "membres.csv", rows, encoding="cp1252", delimiter=";"))
    out = tmp_path / "rejets.csv"
    assert src.export_rejects(out) == len(expected)
    text = out.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "file;line;column;value;reason;detail"
    assert "membres.csv;4;Courriel;bob@;invalid email;" in text
    assert "membres.csv;2;Courriel;alice@example.com;duplicate email;also on line 11; line 11 is used" not in text
    assert 'membres.csv;2;Courriel;alice@example.com;duplicate email;"also on line 11; line 11 is used"' in text
    assert len(text) == 1 + len(expected)


def test_store_key_and_cursor(tmp_path: Path) -> None:
    a = write_csv(tmp_path / "a.csv", [["Email", "Points"], ["a@b.fr", "1"]])
    b = write_csv(tmp_path / "export-avril.csv", [["email", "POINTS"], ["a@b.fr", "2"]])
    sa, sb = SpreadsheetSource.open(a), SpreadsheetSource.open(b)
    assert sa.store_name == sb.store_name  # same shape: next month's export continues the same source
    assert sa.cursor != sb.cursor  # different content
    assert sa.store_name != SpreadsheetSource.open(a, write_csv(tmp_path / "l.csv", [
        ["Email", "Date", "Points"], ["a@b.fr", "2026-01-01", "1"]])).store_name


def test_read_as_of_is_the_import_time(tmp_path: Path) -> None:
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    src = SpreadsheetSource.open(write_csv(tmp_path / "a.csv", [["Email"], ["a@b.fr"]]), now=now)
    assert src.read(None).as_of == now
    before = clock.now() - timedelta(seconds=1)
    assert SpreadsheetSource.open(tmp_path / "a.csv").read(None).as_of >= before


def test_ledger_needs_members_read_first(tmp_path: Path) -> None:
    src = SpreadsheetSource.open(write_csv(tmp_path / "m.csv", [["Email"], ["a@b.fr"]]),
                                 write_csv(tmp_path / "l.csv",
                                           [["Email", "Date", "Points"], ["a@b.fr", "2026-01-01", "1"]]))
    read = src.read(None)
    with pytest.raises(RuntimeError):
        list(read.records)


def test_saved_mapping_is_used_for_the_same_shape(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["Adresse", "Pts"], ["a@b.fr", "7"]])
    with pytest.raises(SpreadsheetError):
        SpreadsheetSource.open(path)  # no column is recognisably the email
    hdr.save(hdr.ColumnMapping(hdr.MEMBERS, ("Adresse", "Pts"), ("email", "points_balance")))
    _, members, *_ = read_all(path)
    assert_members(members, [Member("a@b.fr", points_balance=7)])
