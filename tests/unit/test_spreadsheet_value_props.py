"""Property tests of the spreadsheet value parsers: any cell either reads as the exact number, date
or address it writes, or is rejected with a reason — never a silent 0, never a rounded number,
never a date from another century."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from loyalty_desktop.core import clock
from loyalty_desktop.sources.spreadsheet.rows import email_check
from loyalty_desktop.sources.spreadsheet.values import (
    MAX_EXACT,
    NULLS,
    BadValue,
    Reason,
    date_bounds,
    make_date,
    make_datetime,
    make_int,
    valid_email,
)

settings.register_profile("sheet", max_examples=300, deadline=None)
settings.load_profile("sheet")


def group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@st.composite
def written_int(draw: st.DrawFn) -> tuple[int, str, bool]:
    """(n, n as a French or English sheet may write it, decimal comma)."""
    n = draw(st.integers(min_value=-(2 ** 62), max_value=2 ** 62))
    comma = draw(st.booleans())
    digits = str(abs(n))
    style = draw(st.sampled_from(["plain", "space", "nbsp", "grouped", "decimals", "unit"]))
    if style == "space":
        body = group(digits, " ")
    elif style == "nbsp":
        body = group(digits, "\u202f")
    elif style == "grouped":  # the file's own thousands separator
        body = group(digits, "." if comma else ",")
    elif style == "decimals":
        body = digits + ("," if comma else ".") + "0" * draw(st.integers(1, 3))
    elif style == "unit":
        body = digits + draw(st.sampled_from([" pts", " points", "pt"]))
    else:
        body = digits
    sign = "-" if n < 0 else draw(st.sampled_from(["", "+"]))
    pad = draw(st.sampled_from(["", " ", "  "]))
    return n, pad + sign + body + pad, comma


@given(written_int())
@example((2 ** 53, str(2 ** 53), False))
@example((2 ** 53 + 1, str(2 ** 53 + 1), False))
@example((9007199254740993, "9 007 199 254 740 993", True))
def test_a_written_whole_number_reads_exactly_or_is_too_large(case: tuple[int, str, bool]) -> None:
    n, text, comma = case
    conv = make_int(comma, signed=True)
    if abs(n) > MAX_EXACT:
        with pytest.raises(BadValue) as exc:
            conv(text)
        assert exc.value.reason is Reason.TOO_LARGE
    else:
        assert conv(text) == n
        unsigned = make_int(comma)
        if n < 0:
            with pytest.raises(BadValue) as exc:
                unsigned(text)
            assert exc.value.reason is Reason.NEGATIVE
        else:
            assert unsigned(text) == n


@given(st.decimals(min_value=-10 ** 9, max_value=10 ** 9, places=4, allow_nan=False, allow_infinity=False),
       st.booleans())
def test_a_number_with_a_fraction_is_never_rounded_to_a_whole_one(d: Decimal, comma: bool) -> None:
    text = format(d, "f")
    if comma:
        text = text.replace(".", ",")
    conv = make_int(comma, signed=True)
    if d != d.to_integral_value():
        with pytest.raises(BadValue) as exc:
            conv(text)
        assert exc.value.reason is Reason.NOT_WHOLE
    else:
        assert conv(text) == int(d)


def _is_blank(text: str, number: bool = False) -> bool:
    if number:  # separators alone (an Excel text mark ', spaces, _) hold no number either
        text = text.translate(str.maketrans("", "", "'’_\u00a0\u202f\u2009"))
    return not text.strip() or text.strip() in NULLS


@given(st.one_of(st.text(max_size=30), st.text(alphabet="0123456789 ,.+-()ptsnaN/–#", max_size=25)),
       st.booleans(), st.booleans())
@example("n/a", False, False)
@example("NaN", True, False)
@example("-", False, True)
@example("", True, True)
@example("0,0", True, False)
def test_any_cell_is_a_number_it_writes_or_nothing_or_rejected(text: str, comma: bool, signed: bool) -> None:
    """Never a silent 0: a cell reads as 0 only when every digit it holds is 0; None (the value is
    unknown: left untouched) only for a blank or "n/a"-like cell."""
    try:
        value = make_int(comma, signed=signed)(text)
    except BadValue as exc:
        assert exc.reason in (Reason.NOT_A_NUMBER, Reason.NOT_WHOLE, Reason.NEGATIVE, Reason.TOO_LARGE,
                              Reason.FORMULA_ERROR)
        return
    if value is None:
        assert _is_blank(text, number=True)
        return
    assert isinstance(value, int) and abs(value) <= MAX_EXACT
    digits = [c for c in text if c.isdigit()]
    assert digits, text
    if value == 0:
        assert all(c == "0" for c in digits if c.isascii()), text
    else:
        assert any(c != "0" for c in digits), text


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_workbook_number_is_exact_or_rejected(x: float) -> None:
    try:
        value = make_int(False, signed=True)(x)
    except BadValue as exc:
        assert exc.reason in (Reason.NOT_A_NUMBER, Reason.NOT_WHOLE, Reason.TOO_LARGE)
        assert x != x or not x.is_integer() or abs(x) > MAX_EXACT
        return
    assert value == x and abs(value) <= MAX_EXACT


# -- dates ------------------------------------------------------------------------------------------

def _dates(birthday: bool = False) -> st.SearchStrategy[date]:
    """Plausible dates, at the tests' pinned clock (deferred: drawn inside the test)."""
    return st.deferred(lambda: st.dates(*date_bounds(birthday)))


@given(_dates(), st.sampled_from(["dmy", "mdy", "iso", "dmy-dot", "iso-time"]))
def test_a_written_date_reads_exactly(d: date, style: str) -> None:
    text = {"dmy": d.strftime("%d/%m/%Y"), "mdy": d.strftime("%m/%d/%Y"), "iso": d.isoformat(),
            "dmy-dot": d.strftime("%d.%m.%Y"), "iso-time": d.isoformat() + " 13:45:00"}[style]
    assert make_date(style != "mdy")(text) == d
    assert make_datetime(style != "mdy")(text).date() == d


@given(st.one_of(st.dates(max_value=date(1899, 12, 31)),
                 st.deferred(lambda: st.dates(min_value=date_bounds()[1] + timedelta(days=1)))))
def test_a_date_outside_the_plausible_range_is_rejected(d: date) -> None:
    for conv in (make_date(True), make_datetime(True)):
        with pytest.raises(BadValue) as exc:
            conv(d.isoformat())
        assert exc.value.reason is Reason.IMPLAUSIBLE_DATE


@given(st.deferred(lambda: st.dates(min_value=clock.today() + timedelta(days=1), max_value=date(2200, 1, 1))))
def test_a_birthday_is_never_in_the_future(d: date) -> None:
    with pytest.raises(BadValue) as exc:
        make_date(True, birthday=True)(d.strftime("%d/%m/%Y"))
    assert exc.value.reason is Reason.IMPLAUSIBLE_DATE
    assert make_date(True, birthday=True)(clock.today().isoformat()) == clock.today()


@given(st.one_of(st.text(max_size=25), st.text(alphabet="0123456789/-.: TtAPMh", max_size=22)), st.booleans())
def test_any_cell_is_a_plausible_date_or_nothing_or_rejected(text: str, dayfirst: bool) -> None:
    low, high = date_bounds()
    try:
        d = make_date(dayfirst)(text)
    except BadValue as exc:
        assert exc.reason in (Reason.UNKNOWN_DATE, Reason.IMPLAUSIBLE_DATE, Reason.FORMULA_ERROR)
        return
    assert (d is None and _is_blank(text)) or (d is not None and low <= d <= high)


# -- emails -----------------------------------------------------------------------------------------

_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_ATOM = st.from_regex(r"[a-z0-9_+'!#$%&*=?^`{|}~-]{1,8}", fullmatch=True)


@given(st.lists(_ATOM, min_size=1, max_size=3), st.lists(_LABEL, min_size=2, max_size=3))
def test_a_well_formed_address_is_valid(atoms: list[str], labels: list[str]) -> None:
    email = ".".join(atoms) + "@" + ".".join(labels)
    assert valid_email(email) is (len(email) <= 100)
    assert email_check()(email) is valid_email(email)


@given(st.lists(_ATOM, min_size=1, max_size=3), st.lists(_LABEL, min_size=2, max_size=3),
       st.sampled_from(["lead", "trail", "double", "domain-lead", "domain-trail", "domain-double"]))
def test_dots_leading_trailing_or_doubled_make_an_address_invalid(atoms: list[str], labels: list[str],
                                                                   where: str) -> None:
    local, domain = ".".join(atoms), ".".join(labels)
    if where == "lead":
        local = "." + local
    elif where == "trail":
        local += "."
    elif where == "double":
        local = local[:1] + ".." + local[1:]
    elif where == "domain-lead":
        domain = "." + domain
    elif where == "domain-trail":
        domain += "."
    else:
        domain = domain.replace(".", "..", 1)
    email = f"{local}@{domain}"
    assert not valid_email(email) and not email_check()(email)


@given(st.text(max_size=40))
def test_the_fast_email_check_agrees_with_the_rule(text: str) -> None:
    email = text.lower()
    ok = valid_email(email)
    assert email_check()(email) is ok
    if ok:
        local, _, domain = email.partition("@")
        assert "@" not in domain and ".." not in email
        assert not local.startswith(".") and not local.endswith(".")
        assert all(domain.split("."))


# -- the same rules on an imported file --------------------------------------------------------------

def test_rows_with_implausible_values_are_rejected_with_their_reason(tmp_path) -> None:
    from helpers.spreadsheet_make import write_csv
    from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource

    path = write_csv(tmp_path / "members.csv", [
        ["Email", "Points", "Birthday", "Member since"],
        ["ok@example.fr", "9007199254740992", "15/03/1985", "01/06/2021"],
        ["big@example.fr", "9007199254740993", "", ""],
        ["future@example.fr", "1", "03/11/2026", ""],  # the day after the pinned clock
        ["old@example.fr", "1", "", "01/01/1850"],
        ["far@example.fr", "1", "", "01/01/2099"],
        [".lead@example.fr", "1", "", ""],
        ["trail.@example.fr", "1", "", ""],
        ["dou..ble@example.fr", "1", "", ""],
        ["dom@example..fr", "1", "", ""],
    ])
    src = SpreadsheetSource.open(path)
    try:
        got = [m.email for m in src.read().members]
        rejects = [(r.line, r.column, r.reason, r.detail) for r in src.rejects]
    finally:
        src.close()
    assert got == ["ok@example.fr"]
    assert rejects == [
        (3, "Points", Reason.TOO_LARGE, ("at most 9,007,199,254,740,992: the platforms cannot store a larger whole "
                                        "number exactly")),
        (4, "Birthday", Reason.IMPLAUSIBLE_DATE, "a birthday in the future"),
        (5, "Member since", Reason.IMPLAUSIBLE_DATE, "before 1900"),
        (6, "Member since", Reason.IMPLAUSIBLE_DATE, "more than 5 years ahead (after 2031-11-02)"),
        (7, "Email", Reason.INVALID_EMAIL, ""), (8, "Email", Reason.INVALID_EMAIL, ""),
        (9, "Email", Reason.INVALID_EMAIL, ""), (10, "Email", Reason.INVALID_EMAIL, "")]
