"""The members files of the spreadsheet tests in French and English (rows and the members they
must give), and how they are read and checked: shared by the unit and integration spreadsheet tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from loyalty_desktop.core.model import (
    Member,
    MembershipState,
    Tier,
    to_jsonable,
)
from loyalty_desktop.sources.spreadsheet.rows import RowReject
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_desktop.sources.spreadsheet.values import Reason

# The French members export of the end-to-end spreadsheet syncs (integration and e2e).
MEMBER_HEADERS = ["Courriel", "Prénom", "Nom", "Solde de points", "Points cumulés", "Palier", "Date de naissance",
                  "Points à expirer", "Date d'expiration des points"]


@dataclass(frozen=True)
class Locale:
    headers: list[str]
    gold: str
    silver: str
    member: str
    number: Any  # int → text
    decimal: Any  # int → text with two decimals
    day: Any  # date → text
    moment: Any  # datetime → text


FR = Locale(
    ["Courriel", "Prénom", "Nom", "Solde de points", "Points cumulés", "Palier", "Date de naissance",
     "Membre depuis", "Lien de parrainage", "Parrainages", "Statut"],
    "Or", "Argent", "Membre",
    lambda n: f"{n:,}".replace(",", "\u00a0" if n % 2 else " "),
    lambda n: f"{n:,}".replace(",", " ") + ",00",
    lambda d: d.strftime("%d/%m/%Y"),
    lambda t: t.strftime("%d/%m/%Y %H:%M"))
EN = Locale(
    ["Email", "First name", "Last name", "Points balance", "Lifetime points", "VIP tier", "Date of birth",
     "Member since", "Referral URL", "Referrals", "State"],
    "Gold", "Silver", "member",
    lambda n: f"{n:,}",
    lambda n: f"{n:,}.00",
    lambda d: d.strftime("%m/%d/%Y"),  # US order, recognised from the values
    lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ"))


def members_rows(loc: Locale, special_name: str
                 ) -> tuple[list[list[Any]], list[Member], list[tuple[int, int, str, Reason]]]:
    """(rows to write, members expected, rejects expected as (line, column index, value, reason))."""
    n, dec, day, moment = loc.number, loc.decimal, loc.day, loc.moment
    since = datetime(2021, 6, 1, 14, 30)
    rows: list[list[Any]] = [
        [*loc.headers, "", ""],  # empty trailing columns
        [" ALICE@Example.com ", "Alice", "Martin", n(1234), dec(5000), loc.gold, day(date(1985, 3, 15)),
         moment(since), "https://shop.fr/r/alice", "2", loc.member],
        ["bob@example.fr", "Hélène", special_name, "300", "300", loc.silver, "", "", "", "0", loc.member.upper()],
        ["bob@", "Bob", "X", "10", "", "", "", "", "", "", ""],  # invalid email
        ["", "Nobody", "Y", "10", "", "", "", "", "", "", ""],  # missing email
        ["carl@example.fr", "Carl", "Z", "beaucoup", "", "", "", "", "", "", ""],  # not a number
        ["dan@example.fr", "Dan", "Z", "-5", "", "", "", "", "", "", ""],  # negative
        ["eve@example.fr", "Eve", "Z", "12,5" if loc is FR else "12.5", "", "", "", "", "", "", ""],  # not whole
        ["fay@example.fr", "Fay", "Z", "1", "", "", "31/02/1990" if loc is FR else "02/31/1990", "", "", "", ""],
        ["gus@example.fr", "Gus", "Z", "1", "", "", "", "", "", "", "Gold-ish"],  # unknown state
        ["alice@example.com", "Alice", "Martin", n(1300), dec(5100), loc.gold, day(date(1985, 3, 15)),
         moment(since), "https://shop.fr/r/alice", "3", loc.member],  # duplicate: this later row wins
        ["", "", "", "", "", "", "", "", "", "", ""],  # empty trailing rows
        [],
    ]
    members = [
        Member("bob@example.fr", first_name="Hélène", last_name=special_name, points_balance=300,
               points_earned_lifetime=300, tier_name=loc.silver, tier_id=2, referrals_completed=0),
        Member("alice@example.com", first_name="Alice", last_name="Martin", points_balance=1300,
               points_earned_lifetime=5100, tier_name=loc.gold, tier_id=3, birthday=date(1985, 3, 15),
               member_since=date(2021, 6, 1), referral_url="https://shop.fr/r/alice", referrals_completed=3,
               membership_state=MembershipState.MEMBER),
    ]
    rejects = [(2, 0, " ALICE@Example.com ".strip().lower(), Reason.DUPLICATE_EMAIL),
               (4, 0, "bob@", Reason.INVALID_EMAIL), (5, 0, "", Reason.MISSING_EMAIL),
               (6, 3, "beaucoup", Reason.NOT_A_NUMBER), (7, 3, "-5", Reason.NEGATIVE),
               (8, 3, rows[7][3], Reason.NOT_WHOLE), (9, 6, rows[8][6], Reason.UNKNOWN_DATE),
               (10, 10, "Gold-ish", Reason.UNKNOWN_STATE)]
    return rows, members, rejects


def assert_members(got: list[Member], expected: list[Member]) -> None:
    """The members read are those expected, as the store holds them: a field the file does not
    provide for a member (no column, a blank number or date) is unknown, never 0 nor a default."""
    defaults = Member("x@y.fr")
    assert len(got) == len(expected), (got, expected)
    for g, e in zip(got, expected, strict=True):
        wanted = {k: v for k, v in to_jsonable(e).items() if k not in g.unknown}
        assert to_jsonable(g) == wanted
        assert all(getattr(e, k) == getattr(defaults, k) for k in g.unknown), (g.unknown, e)


def read_all(members: Path, ledger: Path | None = None, now: datetime | None = None
             ) -> tuple[SpreadsheetSource, list[Member], list[Any], list[Tier], list[RowReject]]:
    src = SpreadsheetSource.open(members, ledger, now=now)
    read = src.read(None)
    got = list(read.members)
    records = list(read.records)
    assert read.full and read.cursor and read.cursor.startswith("sheet:")
    return src, got, records, read.tiers, sorted(src.rejects, key=lambda r: (r.file, r.line))


def check_rejects(got: list[RowReject], expected: list[tuple[int, int, str, Reason]], headers: list[str]) -> None:
    assert [(r.line, r.column, r.value, r.reason) for r in got] == [
        (line, headers[col], value, reason) for line, col, value, reason in expected]
