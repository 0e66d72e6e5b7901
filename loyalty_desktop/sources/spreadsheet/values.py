"""Cell values as French and English spreadsheets write them, turned into catalog values.

Each converter takes one cell (a string from a CSV; a string, number or datetime from a workbook)
and returns the value, `None` for an empty cell, or raises `BadValue` with the reason the row is
rejected. Converters are built once per column with the file's conventions (decimal comma or
point, day/month or month/day order), so the per-cell work is a fast path plus a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core.model import MembershipState
from loyalty_desktop.sources.spreadsheet.cells import (
    NULLS,
    BadValue,
    Converter,
    Reason,
    check_excel_error,
    to_text,
)
from loyalty_desktop.sources.spreadsheet.emails import (
    DOMAIN_RE,
    EMAIL_RE,
    LOCAL_RE,
    normalize_email,
    valid_email,
)

# States and ledger reasons (words in both languages) live in words.py.
from loyalty_desktop.sources.spreadsheet.words import REASON_KINDS, STATE_WORDS, fold, ledger_kind

# -- numbers --------------------------------------------------------------------------------------

_NUM_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'’_")
_NUM_UNITS = ("points", "point", "pts", "pt")
_GROUPED_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+")
_GROUPED_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PLAIN_NUM = re.compile(r"\d+(?:\.\d+)?")


def parse_number(text: str, decimal_comma: bool) -> Decimal:
    """A number as written in a French or English sheet: `1 234`, `1,234`, `1.234,50`, `12,5`, `+50`,
    `150 pts`. `decimal_comma` settles `1,234` / `1.234` (French: 1.234 and 1234). Exact (a
    Decimal): "120.0000000000000001" is not 120."""
    s = text.strip().translate(_NUM_SPACES)
    low = s.lower()
    for unit in _NUM_UNITS:
        if low.endswith(unit):
            s = s[:-len(unit)]
            break
    neg = False
    if s.startswith("(") and s.endswith(")"):  # accounting style
        neg, s = True, s[1:-1]
    if s[:1] in ("+", "-", "−"):
        neg, s = s[0] != "+", s[1:]
    comma, dot = "," in s, "." in s
    if comma and dot:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif comma:
        if _GROUPED_COMMA.fullmatch(s) and (not decimal_comma or s.count(",") > 1):
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif dot and _GROUPED_DOT.fullmatch(s) and (decimal_comma or s.count(".") > 1):
        s = s.replace(".", "")
    if not _PLAIN_NUM.fullmatch(s):
        raise BadValue(Reason.NOT_A_NUMBER)
    value = Decimal(s)
    return -value if neg else value


# Klaviyo and Splio store numbers as IEEE doubles: a whole number beyond 2^53 would not be kept
# exactly (9007199254740993 would come back as …992), so it is rejected rather than altered.
MAX_EXACT = 2 ** 53
_TOO_LARGE = f"at most {MAX_EXACT:,}: the platforms cannot store a larger whole number exactly"


def _checked(n: int, signed: bool) -> int:
    if n < 0 and not signed:
        raise BadValue(Reason.NEGATIVE)
    if n > MAX_EXACT or n < -MAX_EXACT:
        raise BadValue(Reason.TOO_LARGE, _TOO_LARGE)
    return n


def make_int(decimal_comma: bool, *, signed: bool = False) -> Converter:
    """Whole numbers (points, counts). Negative ones are rejected unless `signed` (ledger changes)."""

    def conv(cell: Any) -> int | None:
        if cell.__class__ is str:
            if cell.isdecimal() and len(cell) < 16:  # < 10^15: exact
                return int(cell)
            s = cell.strip().translate(_NUM_SPACES)
            if s.isdecimal():
                n = int(s)  # "1 234", " 12 "
            elif not s or s in NULLS:
                return None
            else:
                head, sep, tail = s.partition("," if decimal_comma else ".")
                if sep and head.isdecimal() and tail.strip("0") == "" and tail:
                    n = int(head)  # "120,00"
                else:
                    if s[0] == "#":
                        check_excel_error(s)
                    v = parse_number(s, decimal_comma)
                    if v != v.to_integral_value():
                        raise BadValue(Reason.NOT_WHOLE)
                    n = int(v)
        elif cell is None:
            return None
        elif isinstance(cell, bool):
            raise BadValue(Reason.NOT_A_NUMBER)
        elif isinstance(cell, int):
            n = cell
        elif isinstance(cell, float):
            if cell != cell or not cell.is_integer():
                raise BadValue(Reason.NOT_WHOLE if cell == cell else Reason.NOT_A_NUMBER)
            n = int(cell)
        else:
            raise BadValue(Reason.NOT_A_NUMBER)
        return _checked(n, signed)

    return conv


def guess_decimal_comma(samples: Iterable[str], delimiter: str | None) -> bool:
    """Does this file write decimals with a comma? Decided on the numbers it holds, else on its
    delimiter (a `;`-separated file comes from a French Excel)."""
    comma = point = 0
    for s in samples:
        s = s.strip().translate(_NUM_SPACES)
        if re.fullmatch(r"[+-]?\d+,\d{1,2}|[+-]?\d{1,3}(?:\.\d{3})+,\d+|[+-]?\d+,\d{4,}", s):
            comma += 1
        elif re.fullmatch(r"[+-]?\d+\.\d{1,2}|[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+\.\d{4,}", s):
            point += 1
    if comma != point:
        return comma > point
    return delimiter == ";"


# -- dates ----------------------------------------------------------------------------------------

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})"
                  r"(?:[ T]+(\d{1,2})[:hH](\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:([AaPp])\.?[Mm]\.?)?")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_EXCEL_EPOCH = datetime(1899, 12, 30)


def _year(y: str) -> int:
    n = int(y)
    if len(y) == 2:
        pivot = clocks.today().year % 100
        n += 2000 if n <= pivot else 1900
    return n


def _parse_dt(s: str, dayfirst: bool) -> datetime:
    """Naive or aware datetime from a string; raises ValueError."""
    if s[:4].isdigit() and len(s) >= 8 and s[4] == "-":
        return datetime.fromisoformat(s.replace(" UTC", "+00:00"))
    m = _DMY.fullmatch(s)
    if m:
        a, b = int(m[1]), int(m[2])
        day, month = (a, b) if dayfirst else (b, a)
        hour = int(m[4] or 0)
        if m[7]:
            if not 1 <= hour <= 12:
                raise ValueError("bad 12-hour time")
            hour = hour % 12 + (12 if m[7] in "Pp" else 0)
        return datetime(_year(m[3]), month, day, hour, int(m[5] or 0), int(m[6] or 0))
    m = _YMD.fullmatch(s)
    if m:
        return datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    raise ValueError(s)


def _excel_serial(v: float) -> datetime:
    if not 1 <= v < 2958466:  # 1900-01-01 … 9999-12-31
        raise ValueError(v)
    return _EXCEL_EPOCH + timedelta(days=v)


# Plausible dates: from 1900 (Excel's own start; earlier is a typo or a placeholder such as
# 01/01/0001) to a few years after today (expiry dates lie ahead; 2099 is a placeholder).
# A birthday is never after today.
EARLIEST = date(1900, 1, 1)
YEARS_AHEAD = 5


def date_bounds(birthday: bool = False) -> tuple[date, date]:
    today = clocks.today()
    return EARLIEST, today if birthday else today + timedelta(days=round(365.25 * YEARS_AHEAD))


def _implausible(d: date, low: date, high: date, birthday: bool) -> BadValue:
    if d < low:
        why = f"before {low.year}"
    elif birthday:
        why = "a birthday in the future"
    else:
        why = f"more than {YEARS_AHEAD} years ahead (after {high.isoformat()})"
    return BadValue(Reason.IMPLAUSIBLE_DATE, why)


def make_date(dayfirst: bool, *, birthday: bool = False) -> Converter:
    """A calendar date: `dd/mm/yyyy`, `yyyy-mm-dd`, with or without a time; workbook dates. A date
    outside `date_bounds` is rejected (`birthday`: none after today)."""
    parse = _make_date(dayfirst)
    low, high = date_bounds(birthday)

    def conv(cell: Any) -> date | None:
        d: date | None = parse(cell)
        if d is not None and not low <= d <= high:
            raise _implausible(d, low, high, birthday)
        return d

    return conv


def _make_date(dayfirst: bool) -> Converter:
    order = "day/month/year" if dayfirst else "month/day/year"
    cache: dict[str, date] = {}

    def conv(cell: Any) -> date | None:
        if cell.__class__ is str:
            hit = cache.get(cell)
            if hit is not None:
                return hit
            s = cell.strip()
            if not s or s in NULLS:
                return None
            if s[0] == "#":
                check_excel_error(s)
            try:
                d = date.fromisoformat(s) if len(s) == 10 and s[4] == "-" else _parse_dt(s, dayfirst).date()
            except ValueError:
                raise BadValue(Reason.UNKNOWN_DATE, f"expected {order} or year-month-day") from None
            if len(cache) > 100_000:
                cache.clear()
            cache[cell] = d
            return d
        if cell is None:
            return None
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        if isinstance(cell, (int, float)) and not isinstance(cell, bool):
            try:
                return _excel_serial(float(cell)).date()
            except (ValueError, OverflowError):
                pass
        raise BadValue(Reason.UNKNOWN_DATE, f"expected {order} or year-month-day")

    return conv


def make_datetime(dayfirst: bool) -> Converter:
    """A moment (ledger dates): naive times are taken as UTC, a date alone as midnight UTC; one
    outside `date_bounds` is rejected."""
    parse = _make_datetime(dayfirst)
    low, high = date_bounds()

    def conv(cell: Any) -> datetime | None:
        dt: datetime | None = parse(cell)
        if dt is not None and not low <= dt.date() <= high:
            raise _implausible(dt.date(), low, high, False)
        return dt

    return conv


def _make_datetime(dayfirst: bool) -> Converter:
    order = "day/month/year" if dayfirst else "month/day/year"

    def conv(cell: Any) -> datetime | None:
        if cell is None:
            return None
        try:
            if cell.__class__ is str:
                s = cell.strip()
                if not s or s in NULLS:
                    return None
                if s[0] == "#":
                    check_excel_error(s)
                dt = _parse_dt(s, dayfirst)
            elif isinstance(cell, datetime):
                dt = cell
            elif isinstance(cell, date):
                dt = datetime(cell.year, cell.month, cell.day)
            elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
                dt = _excel_serial(float(cell))
            else:
                raise ValueError(cell)
        except (ValueError, OverflowError):
            raise BadValue(Reason.UNKNOWN_DATE, f"expected {order} or year-month-day") from None
        if dt.tzinfo is None:
            return dt.replace(tzinfo=UTC)
        return dt.astimezone(UTC)

    return conv


_DATE_PARTS = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\b")


def guess_dayfirst(samples: Iterable[str]) -> bool:
    """Day/month/year unless the column's values only make sense as month/day/year."""
    day_first = month_first = 0
    for s in samples:
        m = _DATE_PARTS.match(s)
        if m:
            a, b = int(m[1]), int(m[2])
            day_first += a > 12
            month_first += b > 12
    return not (month_first and not day_first)


def to_state(cell: Any) -> MembershipState | None:
    text = to_text(cell)
    if text is None:
        return None
    state = STATE_WORDS.get(fold(text))
    if state is None:
        raise BadValue(Reason.UNKNOWN_STATE, "expected member, candidate or disabled (membre, candidat, désactivé)")
    return state

__all__ = ["DOMAIN_RE", "EMAIL_RE", "LOCAL_RE", "MAX_EXACT", "NULLS", "REASON_KINDS", "STATE_WORDS", "BadValue",
           "Converter", "Reason", "date_bounds", "fold", "guess_dayfirst", "guess_decimal_comma", "ledger_kind",
           "make_date", "make_datetime", "make_int", "normalize_email", "parse_number", "to_state", "to_text",
           "valid_email"]
