"""One spreadsheet cell before it becomes a catalog value: blank (empty, or a null word an export
writes), an Excel error shown in place of a value, or text; and why a value is refused (`Reason`,
raised as `BadValue`). The converters in `values` build on these."""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime
from typing import Any


class Reason(str, enum.Enum):
    """Why a row was rejected (the UI translates by this key; the value is the English text)."""

    MISSING_EMAIL = "missing email"
    INVALID_EMAIL = "invalid email"
    DUPLICATE_EMAIL = "duplicate email"
    NOT_A_NUMBER = "not a number"
    NEGATIVE = "negative number"
    NOT_WHOLE = "not a whole number"
    UNKNOWN_DATE = "unknown date"
    UNKNOWN_STATE = "unknown membership state"
    FORMULA_ERROR = "formula error"
    MISSING_VALUE = "missing value"
    UNKNOWN_MEMBER = "email not in the members file"
    TOO_LARGE = "number too large"
    IMPLAUSIBLE_DATE = "implausible date"
    # The row's structure (spreadsheet_csv): its cells could not be told apart or read.
    QUOTE = "unbalanced quote"
    CELL_COUNT = "wrong number of cells"
    CONTROL = "control character"
    ENCODING = "not in the file's encoding"
    TOO_LONG = "cell too long"


class BadValue(Exception):
    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.detail = detail


Converter = Callable[[Any], Any]

# Cells that mean "nothing here" in exports.
NULLS = frozenset({"-", "–", "—", "n/a", "N/A", "NA", "na", "null", "NULL", "Null", "none", "None", "NONE",
                   "nan", "NaN", "nil"})
EXCEL_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!",
                          "#CALC!", "#GETTING_DATA"})


def is_blank(cell: Any) -> bool:
    return cell is None or (cell.__class__ is str and (not cell.strip() or cell.strip() in NULLS))


def check_excel_error(cell: Any) -> None:
    if cell.__class__ is str and cell.startswith("#") and cell.strip() in EXCEL_ERRORS:
        raise BadValue(Reason.FORMULA_ERROR, f"the cell shows the Excel error {cell.strip()}")


# -- text -----------------------------------------------------------------------------------------

def to_text(cell: Any) -> str | None:
    if cell is None:
        return None
    if cell.__class__ is str:
        s = cell.strip()
        if not s or s in NULLS:
            return None
        if s[0] == "#":
            check_excel_error(s)
        return s
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a phone or an id Excel stored as a number
    if isinstance(cell, datetime):
        return cell.isoformat()
    return str(cell)
