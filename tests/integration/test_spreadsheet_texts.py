"""The import's fast path: the members parser can hand the store each member as its JSON text
(`member_texts`) instead of a `Member`, through row conversions compiled per file. Both paths
must agree exactly — same members, same text, same rejects — whatever the file holds."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from helpers.spreadsheet_make import write_csv, write_xlsx
from helpers.spreadsheet_rows import EN, FR, members_rows
from loyalty_desktop.core.model import to_jsonable
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_desktop.store.store import Store, dumps


def both_paths(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[Any], list[Any]]:
    slow = SpreadsheetSource.open(path)
    read = slow.read(None)
    members = [(m.email, dumps(to_jsonable(m))) for m in read.members]
    slow_tiers = list(read.tiers)
    fast = SpreadsheetSource.open(path)
    read = fast.read(None)
    texts = list(read.member_texts)  # type: ignore[attr-defined]
    assert read.tiers == slow_tiers
    rejects = list(slow.rejects), list(fast.rejects)
    slow.close()
    fast.close()
    return members, texts, *rejects


@pytest.mark.parametrize("loc", [FR, EN], ids=["fr", "en"])
def test_csv_texts_equal_encoded_members(tmp_path: Path, loc: Any) -> None:
    rows, expected, _ = members_rows(loc, "Cœur")
    path = write_csv(tmp_path / "m.csv", rows, encoding="cp1252" if loc is FR else "utf-8",
                     delimiter=";" if loc is FR else ",")
    members, texts, slow_rejects, fast_rejects = both_paths(path)
    assert texts == members and [e for e, _ in texts] == [m.email for m in expected]
    assert fast_rejects == slow_rejects and len(fast_rejects) == 8


def _short_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [["Email", "Points", "Palier", "Date de naissance", "Parrainages"]]
    for i in range(300):
        rows.append([f"m{i}@x.fr", str(i % 7), ["Or", "Argent", "Bronze"][i % 3], f"{1 + i % 28:02d}/03/1990",
                     str(i % 4)][:5 - i % 4])  # every fourth row is whole, the others are cut short
    rows.append(["bad@x.fr", "beaucoup", "Or", "01/01/1990", "1"])
    rows.append(["bad2@x.fr", "1", "Or", "31/02/1990", "1"])
    return rows


def test_short_rows_and_repeated_cells(tmp_path: Path) -> None:
    """A workbook's rows missing trailing cells take the generic loop; memoised columns give the
    same values as converting each cell."""
    path = write_xlsx(tmp_path / "m.xlsx", {"Membres": _short_rows()})
    members, texts, slow_rejects, fast_rejects = both_paths(path)
    assert texts == members and len(texts) == 300
    assert [(r.line, r.column, r.value, r.reason.value, r.email) for r in fast_rejects] == [
        (302, "Points", "beaucoup", "not a number", "bad@x.fr"),
        (303, "Date de naissance", "31/02/1990", "unknown date", "bad2@x.fr")]
    assert fast_rejects == slow_rejects


def test_csv_rows_cut_short_are_rejected(tmp_path: Path) -> None:
    """In a CSV, a row with fewer cells than the header is cut short (or lost a cell): rejected
    with its line, whole rows go through; both paths agree."""
    path = write_csv(tmp_path / "m.csv", _short_rows(), delimiter=";")
    members, texts, slow_rejects, fast_rejects = both_paths(path)
    assert texts == members and len(texts) == 75
    short = [r for r in fast_rejects if r.reason.value == "wrong number of cells"]
    assert [r.line for r in short] == [i + 2 for i in range(300) if i % 4]
    assert short[0].detail.startswith("4 cells where the header has 5")
    assert fast_rejects == slow_rejects


def test_workbook_zeros_and_booleans_are_values(tmp_path: Path) -> None:
    """In a workbook 0 is a value (not an empty cell) and True is not the number 1."""
    path = write_xlsx(tmp_path / "m.xlsx", {"Members": [
        ["Email", "Points", "Tier ID", "Date of birth"],
        ["a@x.fr", 1, 1, datetime(1990, 3, 1)],
        ["b@x.fr", 0, 0, date(1991, 4, 2)],
        ["c@x.fr", True, 1, None],
        ["d@x.fr", 1.0, 2, datetime(1990, 3, 1)],
    ]})
    members, texts, slow_rejects, fast_rejects = both_paths(path)
    assert texts == members
    assert [e for e, _ in texts] == ["a@x.fr", "b@x.fr", "d@x.fr"]
    assert '"tier_id":0' in texts[1][1]
    assert [(r.line, r.value, r.reason.value) for r in fast_rejects] == [(4, "True", "not a number")]
    assert fast_rejects == slow_rejects


def test_store_holds_the_same_text_either_way(tmp_path: Path) -> None:
    rows, _, _ = members_rows(FR, "Cœur")
    path = write_csv(tmp_path / "m.csv", rows, encoding="cp1252", delimiter=";")
    src = SpreadsheetSource.open(path)
    with Store(tmp_path / "fast.sqlite3") as fast, Store(tmp_path / "slow.sqlite3") as slow:
        fast.ingest(src.store_name, src.read(None))
        read = src.read(None)
        read.member_texts = None  # type: ignore[attr-defined]  # the Member path
        slow.ingest(src.store_name, read)
        dump = "SELECT email, data FROM members ORDER BY email"
        assert fast.db.execute(dump).fetchall() == slow.db.execute(dump).fetchall()
        # Re-importing through the other path changes nothing.
        again = src.read(None)
        again.member_texts = None  # type: ignore[attr-defined]
        assert fast.ingest(src.store_name, again).members_changed == 0
    src.close()


def test_email_check_agrees_with_the_pattern() -> None:
    from loyalty_desktop.sources.spreadsheet.rows import email_check
    from loyalty_desktop.sources.spreadsheet.values import EMAIL_RE

    valid = email_check()
    samples = ["a@b.fr", "a@@b.fr", "a@b", "@b.fr", "a b@c.fr", "a@b..fr", "a@-b.fr", "a@b-.fr", "a@b.fr@c.fr",
               "x" * 95 + "@b.fr", "x" * 96 + "@b.fr", "a.b+c@sub.domain.co.uk", "é@b.fr", "a@bé.fr", "a@b.fr.",
               '"a"@b.fr', "a@b.fr\n", "a\n@b.fr", "²³@b.fr", "ａ@b.fr", "\u00a0@b.fr", "a;b@c.fr", "a\\b@c.fr",  # noqa: RUF001 - hostile input on purpose
               "o'neil@x.ie", "a@1.2", "a@b.f"]
    for email in samples * 2:  # the second time, domains come from the memo
        assert valid(email) == (len(email) <= 100 and EMAIL_RE.fullmatch(email) is not None), email
