"""What the members and ledger parsers share: the sheet, the reject log, how a row's email is
read, and how a row that could not be split into cells (`BadRow`) is rejected."""

from __future__ import annotations

from typing import Any

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.csvfile import BadRow
from loyalty_desktop.sources.spreadsheet.read import Problem, SpreadsheetError
from loyalty_desktop.sources.spreadsheet.rejects import RejectLog, RowReject
from loyalty_desktop.sources.spreadsheet.sheet import Sheet
from loyalty_desktop.sources.spreadsheet.values import (
    Converter,
    Reason,
    make_date,
    make_datetime,
    make_int,
    to_state,
    to_text,
)

EMAIL_JUNK = "\u200b\ufeff\u00a0 \t\r\n\"'<>"


def show(value: Any) -> str:
    s = "" if value is None else str(value)
    return s if len(s) <= 200 else s[:200] + "…"


def is_blank_row(cells: Any) -> bool:
    return all(c is None or (c.__class__ is str and not c.strip()) for c in cells)


def email_of(cell: Any) -> str:
    if cell is None:
        return ""
    s = (cell if cell.__class__ is str else str(cell)).strip(EMAIL_JUNK).lower()
    return s.removeprefix("mailto:")


class Parser:
    def __init__(self, sheet: Sheet, rejects: RejectLog, cancel: CancelToken | None = None) -> None:
        self.sheet = sheet
        self.rejects = rejects
        self.cancel = cancel
        self.rows = 0  # non-blank rows read
        self.valid = 0
        self.done = False
        self.email_col = sheet.mapping.column("email")
        assert self.email_col is not None
        self.email_header = sheet.header(self.email_col)

    def _reject(self, line: int, column: str, value: Any, reason: Reason, detail: str = "", email: str = "") -> None:
        self.rejects.add(RowReject(self.sheet.name, line, column, show(value), reason, detail, email))

    def _reject_bad(self, line: int, bad: BadRow) -> None:
        """A row whose cells could not be told apart (or read): rejected whole, with its line."""
        self.rows += 1
        column = self.sheet.header(bad.column) if bad.column is not None else "(row)"
        self._reject(line, column, bad.text, bad.reason, bad.detail)

    def _converter(self, col: int, field: str) -> Converter:
        kind, sheet = self.sheet.kind, self.sheet
        ftype = hdr.field_type(kind, field)
        if ftype == "int":
            return make_int(sheet.decimal_comma)
        if ftype == "signed int":
            return make_int(sheet.decimal_comma, signed=True)
        if ftype == "date":
            return make_date(sheet.dayfirst.get(col, True), birthday=field == "birthday")
        if ftype == "datetime":
            return make_datetime(sheet.dayfirst.get(col, True))
        if field == "membership_state":
            return to_state
        return to_text

    def _plan(self) -> list[tuple[int, str, Converter, str]]:
        return [(col, f, self._converter(col, f), self.sheet.header(col))
                for col, _h, f in self.sheet.mapping.mapped() if f != "email"]

    def _no_valid_rows(self) -> SpreadsheetError:
        first = self.rejects.first[0].describe() if self.rejects.first else tr("no rows")
        return SpreadsheetError(Problem.NO_VALID_ROWS, self.sheet.path, tr(
            "None of the {rows} rows of {file} could be read (first problem: {first}); check the column mapping and "
            "the file (nothing was imported).").format(rows=self.rows, file=self.sheet.name, first=first))
