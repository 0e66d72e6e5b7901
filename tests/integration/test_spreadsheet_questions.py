"""Ambiguity is asked, not guessed (issue 12): what a spreadsheet leaves open is a question naming
the column and the choice; the import refuses to run until it is answered (command-line options or
the wizard), and the answer is remembered for files of the same shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_spreadsheet_sync import cli  # type: ignore[import-not-found]

from helpers.spreadsheet_make import write_csv, write_xlsx
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet import questions as ask
from loyalty_desktop.sources.spreadsheet.questions import Ask, Choices
from loyalty_desktop.sources.spreadsheet.sheet import open_sheet
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_emulators.klaviyo.server import KlaviyoSandbox


def asked(path: Path, choices: Choices | None = None) -> list[tuple[Ask, list[str], str | None, str]]:
    sheet = open_sheet(path, hdr.MEMBERS, choices)
    return [(q.ask, [sheet.mapping.headers[c] for c in q.columns], q.field, q.option) for q in sheet.questions]


def test_two_email_columns(tmp_path: Path) -> None:
    two_names = write_csv(tmp_path / "a.csv", [["Email", "E-mail", "Points"], ["a@b.fr", "c@d.fr", "1"],
                                                ["e@f.fr", "g@h.fr", "2"]])
    assert asked(two_names) == [(Ask.EMAIL_COLUMN, ["Email", "E-mail"], "email", "--email-column Email")]
    assert asked(two_names, Choices(email_column="e-mail")) == []  # the header, any case
    assert open_sheet(two_names, hdr.MEMBERS, Choices(email_column="E-MAIL")).mapping.column("email") == 1
    # No header names it; two columns hold addresses.
    two_holders = write_csv(tmp_path / "b.csv", [["Contact", "Mail perso", "Parrain"],
                                                 ["Ann", "a@b.fr", "x@y.fr"], ["Bo", "c@d.fr", "z@y.fr"]])
    [(kind, columns, _, option)] = asked(two_holders)
    assert kind is Ask.EMAIL_COLUMN and columns == ["Mail perso", "Parrain"] and option.startswith("--email-column")
    # One header says it plainly: nothing to ask, whatever else holds addresses.
    plain = write_csv(tmp_path / "c.csv", [["Email", "Referrer email"], ["a@b.fr", "x@y.fr"], ["c@d.fr", "z@y.fr"]])
    assert asked(plain) == []


def test_duplicate_headers_and_case_insensitive_matching(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [["EMAIL", "points", "Points"], ["a@b.fr", "1", "2"], ["c@d.fr", "3", "4"]])
    assert asked(path) == [(Ask.DUPLICATE_HEADER, ["points", "Points"], "points_balance",
                            "--map points_balance=#2")]
    sheet = open_sheet(path, hdr.MEMBERS, Choices(maps=(("points_balance", "#3"),)))
    assert sheet.questions == [] and sheet.mapping.fields == ("email", None, "points_balance")
    src = SpreadsheetSource.open(path, choices=Choices(maps=(("Points_Balance", "#3"),)))
    try:
        assert [(m.email, m.points_balance) for m in src.read().members] == [("a@b.fr", 2), ("c@d.fr", 4)]
    finally:
        src.close()


def test_dates_that_read_both_ways(tmp_path: Path) -> None:
    rows = [["Email", "Birthday", "Member since"], ["a@b.fr", "01/02/1990", "03/04/2021"],
            ["c@d.fr", "05/06/1991", "07/08/2022"]]
    path = write_csv(tmp_path / "e.csv", rows)
    assert asked(path) == [(Ask.DATE_ORDER, ["Birthday", "Member since"], None, "--date-order dmy|mdy")]
    for order, birthday in (("dmy", "1990-02-01"), ("mdy", "1990-01-02")):
        src = SpreadsheetSource.open(path, choices=Choices(date_order=order))
        try:
            assert str(next(iter(src.read().members)).birthday) == birthday
        finally:
            src.close()
    # Another date column of the file settles the order; the same day and month read alike; typed
    # workbook dates and ISO dates are never in doubt.
    settled = write_csv(tmp_path / "f.csv", [rows[0], rows[1], ["c@d.fr", "05/06/1991", "25/08/2022"]])
    assert asked(settled) == []
    same = write_csv(tmp_path / "g.csv", [rows[0], ["a@b.fr", "01/01/1990", "2021-04-03"]])
    assert asked(same) == []
    from datetime import date
    book = write_xlsx(tmp_path / "h.xlsx", {"M": [rows[0], ["a@b.fr", date(1990, 2, 1), date(2021, 4, 3)]]})
    assert asked(book) == []


def test_mixed_thousands_conventions(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "n.csv", [["Email", "Points"], ["a@b.fr", "1,234"], ["c@d.fr", "1.234,5"],
                                          ["e@f.fr", "12"]])
    [(kind, columns, field, option)] = asked(path)
    assert (kind, columns, field, option) == (Ask.DECIMAL, ["Points"], "points_balance", "--decimal comma|point")
    src = SpreadsheetSource.open(path, choices=Choices(decimal="point"))
    try:
        assert [(m.email, m.points_balance) for m in src.read().members] == [("a@b.fr", 1234), ("e@f.fr", 12)]
        assert [(r.line, r.value) for r in src.rejects] == [(3, "1.234,5")]  # not whole: rejected, not rounded
    finally:
        src.close()
    # One convention throughout: nothing to ask.
    assert asked(write_csv(tmp_path / "o.csv", [["Email", "Points"], ["a@b.fr", "1 234"], ["c@d.fr", "1,234"]])) == []


def test_a_text_column_matched_to_a_number_field(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["Email", "Points", "Rewards"], ["a@b.fr", "10", "10% off"],
                                          ["c@d.fr", "20", "Free shipping"], ["e@f.fr", "30", ""]])
    [(kind, columns, field, option)] = asked(path)
    assert (kind, columns, field) == (Ask.TEXT_IN_NUMBER, ["Rewards"], "rewards_claimed")
    assert option == "--map rewards_claimed=Rewards to import it, --map rewards_claimed= to leave it out"
    left_out = open_sheet(path, hdr.MEMBERS, Choices(maps=(("rewards_claimed", ""),)))
    assert left_out.questions == [] and left_out.mapping.column("rewards_claimed") is None


def test_an_answer_is_saved_with_the_file_shape(tmp_path: Path) -> None:
    """As the wizard answers: `answer` then save; next month's export of the same shape is not asked."""
    rows = [["Email", "E-mail", "Birthday"], ["a@b.fr", "x@y.fr", "01/02/1990"]]
    path = write_csv(tmp_path / "s.csv", rows)
    sheet = open_sheet(path, hdr.MEMBERS)
    assert [q.ask for q in sheet.questions] == [Ask.EMAIL_COLUMN, Ask.DATE_ORDER]
    mapping = sheet.mapping
    for q in sheet.questions:
        choice = 1 if q.ask is Ask.EMAIL_COLUMN else "mdy"
        assert choice in ask.options(q)
        mapping = ask.answer(mapping, q, choice)
    hdr.save(mapping)
    later = open_sheet(write_csv(tmp_path / "s2.csv", [*rows[:1], ["c@d.fr", "z@y.fr", "03/04/1991"]]), hdr.MEMBERS)
    assert later.questions == [] and later.mapping.column("email") == 1 and later.dayfirst == {2: False}


def test_the_import_refuses_until_answered(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [["Email", "E-mail", "Points"], ["a@b.fr", "x@y.fr", "1"]])
    with pytest.raises(ConfigError) as exc:
        SpreadsheetSource.open(path)
    assert "t.csv: Columns 'Email' and 'E-mail' could both be the member's email" in str(exc.value)
    assert "--email-column Email" in str(exc.value) and "nothing was imported" in str(exc.value)


def test_cli_asks_then_runs_with_the_answer_and_remembers_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = write_csv(tmp_path / "members.csv", [["Email", "Courriel", "Points", "Date de naissance"],
                                                ["a@b.fr", "x@y.fr", "10", "01/02/1990"],
                                                ["c@d.fr", "z@y.fr", "20", "03/04/1991"]])
    shown = cli(data, "inspect", str(path))
    assert shown.returncode == 1
    assert "? Columns 'Email' and 'Courriel' could both be the member's email" in shown.stdout
    assert "(--date-order dmy|mdy)" in shown.stdout
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        args = ["sync", "--source", "csv", "--members", str(path), "--to", "klaviyo", "--base-url", sb.base_url or ""]
        refused = cli(data, *args)
        assert refused.returncode == 1 and "--email-column Email" in refused.stderr, refused.stderr
        assert sb.profiles() == []
        ok = cli(data, *args, "--email-column", "courriel", "--date-order", "mdy")
        assert ok.returncode == 0, ok.stderr
        assert sorted(str(p.email) for p in sb.profiles()) == ["x@y.fr", "z@y.fr"]
        birthday = next(p for p in sb.profiles() if p.email == "x@y.fr").properties["Loyalty Birthday"]
        assert birthday == "1990-01-02T00:00:00+00:00"  # month/day, as answered
        again = cli(data, *args)  # remembered for this file shape
        assert again.returncode == 0 and "Contacts sent: 0" in again.stdout, again.stderr
    assert cli(data, "inspect", str(path)).returncode == 0
