"""Rows a source could not use, in one shape for every source (no I/O here).

A spreadsheet rejects rows (invalid email, duplicate email, a value that is not a number or not a
date…), Smile.io customers are skipped (no email) or share an email with another. The engine
records them with the run, beside the rows the destination rejected, so the run history says
everything that did not make it; `loyalty-desktop runs --rejected RUN` lists them.

A source offers them through its read: `read.rejected_rows()` (called once the read has been
consumed, when the source knows them all).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceReject:
    kind: str  # what the row was: "member" | "ledger" (spreadsheet rows) | "customer" (Smile.io)
    key: str  # the row's email when it had a usable one, else what identifies it (the cell, a customer id)
    field: str  # the column (spreadsheet header) or the source's field name
    reason: str  # plain English, e.g. "not a number", "duplicate email (also on line 9; line 9 is used)"
    value: str = ""  # the cell as read
    file: str = ""  # the file the row is in (spreadsheets)
    line: int | None = None  # its line (CSV) or row number (Excel)
