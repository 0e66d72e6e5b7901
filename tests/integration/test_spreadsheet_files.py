"""File-level problems give one clear message naming the file and change nothing; `inspect`."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers.spreadsheet_make import (
    write_compound_file,
    write_csv,
    write_docx,
    write_encrypted_xlsx,
    write_ods,
    write_old_xls,
    write_xlsx,
)
from loyalty_desktop.core.errors import (
    CancelledError,
    ConfigError,
    ErrorKind,
    user_message,
)
from loyalty_desktop.core.model import Tier
from loyalty_desktop.core.options import SpreadsheetOptions
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.inspection import main as inspect_main
from loyalty_desktop.sources.spreadsheet.read import Problem, SpreadsheetError
from loyalty_desktop.sources.spreadsheet.source import FACTORY, SpreadsheetSource
from loyalty_desktop.store.store import Store


def _bytes(data: bytes) -> Callable[[Path], Path]:
    def make(p: Path) -> Path:
        p.write_bytes(data)
        return p
    return make


def _truncated_xlsx(p: Path) -> Path:
    write_xlsx(p, {"S": [["Email"], ["a@b.fr"]]})
    p.write_bytes(p.read_bytes()[:300])
    return p


BAD_FILES: list[tuple[str, Callable[[Path], Path], Problem, str]] = [
    ("empty.csv", _bytes(b""), Problem.EMPTY, "is empty"),
    ("blank.csv", _bytes(b"\xef\xbb\xbf \r\n\r\n"), Problem.EMPTY, "is empty"),
    ("separators.csv", _bytes(b";;;\r\n;;;\r\n"), Problem.EMPTY, "is empty"),
    ("empty.xlsx", lambda p: write_xlsx(p, {"Feuil1": []}), Problem.EMPTY, "is empty"),
    ("header-only.csv", lambda p: write_csv(p, [["Email", "Points"], ["", ""]]), Problem.NO_ROWS, "no rows"),
    ("no-email.csv", lambda p: write_csv(p, [["Nom", "Points"], ["Dupont", "12"]], delimiter=";"),
     Problem.NO_EMAIL_COLUMN, "has no email column (columns found: 'Nom', 'Points')"),
    ("no-email.xlsx", lambda p: write_xlsx(p, {"S": [["Client", "Solde"], ["Dupont", 12]]}),
     Problem.NO_EMAIL_COLUMN, "has no email column"),
    ("no-header.csv", lambda p: write_csv(p, [["a@b.fr", "12"], ["c@d.fr", "3"]]), Problem.NO_HEADER,
     "starts with data (a@b.fr, 12) instead of column names"),
    # a quoted cell spanning two lines is quoted on one line in the message (found by test_hostile_bytes_never_crash)
    ("no-header-multiline.csv", lambda p: write_csv(p, [["a@b.fr", "12\nbis"], ["c@d.fr", "3"]]), Problem.NO_HEADER,
     "starts with data (a@b.fr, 12 bis) instead of column names"),
    ("export.pdf.csv", _bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), Problem.NOT_SPREADSHEET, "is a PDF document"),
    ("photo.csv", _bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Problem.NOT_SPREADSHEET, "is a PNG image"),
    ("blob.csv", _bytes(bytes(range(256)) * 4), Problem.NOT_SPREADSHEET, "is a binary file"),
    ("page.csv", _bytes(b"<!DOCTYPE html><html><body>Login</body></html>"), Problem.NOT_SPREADSHEET, "web page"),
    ("data.json", _bytes(b'[{"email": "a@b.fr"}]'), Problem.NOT_SPREADSHEET, "web page or data file"),
    ("letter.docx", write_docx, Problem.NOT_SPREADSHEET, "is a Word document"),
    ("locked.xlsx", write_encrypted_xlsx, Problem.PASSWORD_PROTECTED, "is protected by a password"),
    ("old.xls", write_old_xls, Problem.OLD_EXCEL, "old Excel 97–2003 workbook (.xls)"),
    ("calc.ods", write_ods, Problem.OPENDOCUMENT, "OpenDocument spreadsheet (.ods)"),
    ("other.doc", lambda p: write_compound_file(p, {"WordDocument": b"x"}), Problem.NOT_SPREADSHEET, "Office document"),
    ("damaged.xlsx", _truncated_xlsx, Problem.UNREADABLE, "is damaged"),
    ("missing.csv", lambda p: p, Problem.NOT_FOUND, "does not exist"),
]


@pytest.mark.parametrize("name, make, problem, words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_give_one_clear_message(tmp_path: Path, name: str, make: Callable[[Path], Path],
                                          problem: Problem, words: str) -> None:
    path = make(tmp_path / name)
    with pytest.raises(SpreadsheetError) as exc:
        SpreadsheetSource.open(path)
    err = exc.value
    assert err.problem is problem and err.kind is ErrorKind.CONFIG and isinstance(err, ConfigError)
    msg = user_message(err)
    assert name in msg and words in msg, msg
    assert msg.count(".") >= 1 and "\n" not in msg and "Traceback" not in msg
    if problem is not Problem.NOT_FOUND:
        assert "nothing was imported" in msg
    # `inspect` says the same and exits 1.
    out = io.StringIO()
    assert inspect_main(str(path), out) == 1
    assert out.getvalue() == f"error: {msg}\n"


def test_a_ledger_given_as_members_and_the_reverse(tmp_path: Path) -> None:
    ledger = write_csv(tmp_path / "mouvements.csv",
                       [["Email", "Date", "Points", "Motif"], ["a@b.fr", "01/01/2026", "5", "Commande"]])
    members = write_csv(tmp_path / "membres.csv", [["Email", "Solde de points", "Palier"], ["a@b.fr", "5", "Or"]])
    with pytest.raises(SpreadsheetError) as exc:
        SpreadsheetSource.open(ledger)
    assert exc.value.problem is Problem.WRONG_KIND and "--ledger" in exc.value.message
    with pytest.raises(SpreadsheetError) as exc:
        SpreadsheetSource.open(members, members)
    assert exc.value.problem is Problem.WRONG_KIND and "members list" in exc.value.message
    no_date = write_csv(tmp_path / "sans-date.csv", [["Email", "Variation", "Motif"], ["a@b.fr", "5", "Commande"]])
    with pytest.raises(SpreadsheetError) as exc:
        SpreadsheetSource.open(members, no_date)
    assert exc.value.problem is Problem.MISSING_COLUMN and "a date column" in exc.value.message


def test_a_file_without_one_valid_row_changes_nothing(tmp_path: Path) -> None:
    good = write_csv(tmp_path / "m.csv", [["Email", "Points"], ["a@b.fr", "5"], ["c@d.fr", "7"]])
    bad = write_csv(tmp_path / "m2.csv", [["Email", "Points"], ["a@b", "5"], ["c@d.fr", "sept"]])
    now = datetime(2026, 3, 1, tzinfo=UTC)
    with Store(tmp_path / "store.sqlite3") as store:
        src = SpreadsheetSource.open(good, now=now)
        store.ingest(src.store_name, src.read(None))
        before = (store.member_count(), store.current_seq(), store.source_state(src.store_name))
        bad_src = SpreadsheetSource.open(bad, now=now)
        with pytest.raises(SpreadsheetError) as exc:
            store.ingest(bad_src.store_name, bad_src.read(None))
        assert exc.value.problem is Problem.NO_VALID_ROWS
        assert "None of the 2 rows of m2.csv could be read" in exc.value.message
        assert "line 2 [Email] 'a@b': invalid email" in exc.value.message
        assert (store.member_count(), store.current_seq(), store.source_state(src.store_name)) == before
        assert store.member("a@b.fr") == {**store.member("a@b.fr"), "points_balance": 5}  # type: ignore[dict-item]


def test_a_cancelled_import_changes_nothing(tmp_path: Path) -> None:
    rows = [["Email", "Points"]] + [[f"m{i}@b.fr", str(i)] for i in range(9000)]
    path = write_csv(tmp_path / "m.csv", rows)
    cancel = CancelToken()
    cancel.cancel()
    with Store(tmp_path / "store.sqlite3") as store:
        src = SpreadsheetSource.open(path, cancel=cancel)
        with pytest.raises(CancelledError):
            store.ingest(src.store_name, src.read(None))
        assert store.member_count() == 0 and store.source_state(src.store_name) == (None, None, [])


def test_factory_needs_a_members_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as exc:
        FACTORY.open(SpreadsheetOptions(Path("500")), CancelToken())  # a count where a file is expected
    assert "--members FILE" in exc.value.message
    path = write_csv(tmp_path / "m.csv", [["Email", "Points"], ["a@b.fr", "5"]])
    opened = FACTORY.open(SpreadsheetOptions(path), CancelToken())
    assert opened.name.startswith("csv:") and opened.label == "m.csv"
    assert hdr.load_saved(["Email", "Points"], hdr.MEMBERS) is not None  # the mapping is remembered
    opened.close()


def test_tiers_from_file_ids_are_ranked_by_lifetime_points(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [
        ["Email", "Smile VIP Tier ID", "Smile VIP Tier Name", "Lifetime points"],
        ["a@b.fr", "9071", "Ambassadeur", "5000"], ["b@b.fr", "9070", "Fan", "100"],
        ["c@b.fr", "9071", "Ambassadeur", "2500"], ["d@b.fr", "", "", "0"]])
    src = SpreadsheetSource.open(path)
    read = src.read(None)
    assert [m.tier_id for m in read.members] == [9071, 9070, 9071, None]
    assert read.tiers == [Tier(9070, "Fan", 100), Tier(9071, "Ambassadeur", 2500)]


def test_inspect_report(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", [
        ["Export du 01/03/2026"], [],
        ["Courriel", "Prénom", "Solde de points", "Palier", "Date de naissance", "Colonne libre"],
        ["Alice@Example.com", "Alice", "1 234", "Or", "15/03/1985", "x"],
        ["bob@", "Bob", "12", "Argent", "", ""],
        ["carl@example.fr", "Carl", "12,5", "", "", ""],
        ["alice@example.com", "Alice", "1 300", "Or", "15/03/1985", ""],
    ], encoding="cp1252", delimiter=";")
    out = io.StringIO()
    assert inspect_main(str(path), out) == 0
    text = out.getvalue()
    for line in ["Format: CSV, Windows-1252, semicolon-separated; header on line 3",
                 "Numbers: decimal comma (1 234,5)",
                 "Dates in 'Date de naissance': day/month/year",
                 "Kind: members (one row per member)",
                 "Courriel          → email (text)",
                 "Solde de points   → points_balance (int)",
                 "Palier            → tier_name (text)",
                 "Colonne libre     → (not imported)",
                 "Rows: 4 read; members: 1; rejected: 3",
                 "Tier ids from the standard tier names (no tier id column): Or=3",
                 "  line 4 [Courriel] 'alice@example.com': duplicate email (also on line 7; line 7 is used)",
                 "  line 5 [Courriel] 'bob@': invalid email",
                 "  line 6 [Solde de points] '12,5': not a whole number"]:
        assert line.strip() in [t.strip() for t in text.splitlines()], (line, text)
    assert "suggested; saved for this file shape at the first sync" in text


def test_inspect_a_ledger(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "historique.xlsx", {"Historique": [
        ["Email", "Date", "Points", "Motif", "Code promo"],
        ["a@b.fr", datetime(2026, 1, 5, 10, 30), 50, "Commande", None],
        ["a@b.fr", datetime(2026, 1, 6), -100, "Récompense", "BON-1"],
        ["a@b.fr", "demain", 5, "Commande", None]]})
    out = io.StringIO()
    assert inspect_main(str(path), out) == 0
    text = out.getvalue()
    assert "Format: Excel workbook (.xlsx); header on line 1" in text
    assert "Kind: points ledger (one row per points movement)" in text
    assert "Rows: 3 read; points movements: 2 (1 with a reward code); rejected: 1" in text
    assert "line 4 [Date] 'demain': unknown date" in text
