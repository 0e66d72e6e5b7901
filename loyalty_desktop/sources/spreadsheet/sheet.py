"""One spreadsheet opened for import: its format, header row, kind, column mapping and conventions.

`open_sheet(path, kind)` reads only the start of the file (after `detect`'s one pass): it finds
the header row (the first row, among the first ten non-blank ones, that names an email column, so
a title line above the table is skipped), recognises the kind of file, takes the saved mapping for
this file shape or suggests one, and decides the file's conventions from its first rows: decimal
comma or point, and for each date column day/month or month/day. Every file-level problem is
raised here, before anything is imported.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet import questions as ask
from loyalty_desktop.sources.spreadsheet.csvfile import BadRow, RowShape
from loyalty_desktop.sources.spreadsheet.questions import Choices, Question
from loyalty_desktop.sources.spreadsheet.read import (
    EMPTY,
    FileFormat,
    Problem,
    SpreadsheetError,
    detect,
    iter_column,
    iter_rows,
)
from loyalty_desktop.sources.spreadsheet.values import (
    guess_decimal_comma,
    normalize_email,
    valid_email,
)

HEADER_SEARCH_ROWS = 10
SAMPLE_ROWS = 1000


@dataclass
class Sheet:
    fmt: FileFormat
    sheet: str | None  # the workbook sheet read (None for a CSV)
    header_line: int
    mapping: hdr.ColumnMapping
    detected_kind: str
    decimal_comma: bool
    dayfirst: dict[int, bool] = field(default_factory=dict)  # per date column
    questions: list[Question] = field(default_factory=list)  # doubts to answer before importing

    @property
    def path(self) -> Path:
        return self.fmt.path

    @property
    def name(self) -> str:
        return self.fmt.path.name

    @property
    def kind(self) -> str:
        return self.mapping.kind

    @property
    def shape(self) -> RowShape:
        """What a data row must look like (the header's cells, the email column)."""
        return RowShape.of(self.mapping.headers, self.mapping.column("email"))

    def data_rows(self, cancel: CancelToken | None = None) -> Iterator[tuple[int, Sequence[Any] | BadRow]]:
        """(line, cells) of every row below the header, blank rows included; a CSV record that
        cannot be split into the header's cells comes as a `BadRow` (to reject with its line).
        `cancel` is checked every few thousand rows (raising CancelledError)."""
        return iter_rows(self.fmt, self.sheet, self.header_line, cancel, self.shape)

    def column(self, column: int, cancel: CancelToken | None = None) -> Iterator[tuple[int, Any]]:
        """(line, cell) of one column below the header, for the rows `data_rows` hands over as
        cells (a quick pass for a plain CSV)."""
        return iter_column(self.fmt, self.sheet, column, self.header_line, cancel, self.shape)

    def header(self, column: int) -> str:
        h = self.mapping.headers[column] if column < len(self.mapping.headers) else ""
        return h or f"column {column + 1}"

    def describe(self) -> list[str]:
        """The format, in English sentences marked for translation (`inspect` words them)."""
        lines = [tr("Format: {format}, sheet {sheet}; header on line {line}").format(
            format=self.fmt.label, sheet=repr(self.sheet), line=self.header_line)
            if self.sheet and len(self.fmt.sheets) > 1 else
            tr("Format: {format}; header on line {line}").format(format=self.fmt.label, line=self.header_line)]
        if any(hdr.is_numeric(self.kind, f) for f in self.mapping.fields if f):
            lines.append(tr("Numbers: decimal comma (1 234,5)") if self.decimal_comma
                         else tr("Numbers: decimal point (1,234.5)"))
        for col, first in sorted(self.dayfirst.items()):
            lines.append((tr("Dates in {column}: day/month/year") if first
                          else tr("Dates in {column}: month/day/year")).format(column=repr(self.header(col))))
        return lines


def _cells_text(cells: Sequence[Any]) -> list[str]:
    out = ["" if c is None else str(c).strip() for c in cells]
    while out and not out[-1]:
        out.pop()
    return out


def _is_blank(cells: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _names_email(headers: list[str]) -> bool:
    for kind in hdr.KINDS:
        saved = hdr.load_saved(headers, kind)
        if saved is not None and "email" in saved.fields:
            return True
    return "email" in hdr.suggest_fields(headers, hdr.MEMBERS)


@dataclass
class _Found:
    sheet: str | None
    line: int
    headers: list[str]
    sample: list[Sequence[Any]]
    bad_rows: bool = False  # rows that could not be read among the first ones (rejected when imported)


def _find_header(fmt: FileFormat, sheet: str | None) -> _Found | tuple[Problem, str]:
    rows = iter_rows(fmt, sheet)
    non_blank: list[tuple[int, Sequence[Any]]] = []
    bad: tuple[int, BadRow] | None = None
    try:
        for line, cells in rows:
            if isinstance(cells, BadRow):
                bad = bad or (line, cells)
                non_blank.append((line, []))
                if len(non_blank) >= HEADER_SEARCH_ROWS:
                    break
                continue
            if _is_blank(cells):
                continue
            non_blank.append((line, cells))
            headers = _cells_text(cells)
            if _names_email(headers):
                sample = [c for _, c in itertools.islice(rows, SAMPLE_ROWS)]
                return _Found(sheet, line, headers, [c for c in sample if not isinstance(c, BadRow)],
                              any(isinstance(c, BadRow) for c in sample))
            if len(non_blank) >= HEADER_SEARCH_ROWS:
                break
    finally:
        close = getattr(rows, "close", None)
        if close:
            close()
    if not non_blank:
        return Problem.EMPTY, ""
    if bad is not None:  # the column names are likely on a line that cannot be read
        return Problem.UNREADABLE, tr("line {line} cannot be read ({reason}: {detail})").format(
            line=bad[0], reason=bad[1].reason.value, detail=bad[1].detail)
    first = _cells_text(non_blank[0][1])
    if any(valid_email(normalize_email(c)) for c in first):
        return Problem.NO_HEADER, ", ".join(printable(c) for c in first[:6])  # one line, even with a multi-line cell
    return Problem.NO_EMAIL_COLUMN, ", ".join(repr(h) for h in first[:12] if h)


def _file_error(p: Path, problem: Problem, detail: str, sheet: str | None = None) -> SpreadsheetError:
    name = tr("{file} (sheet {sheet})").format(file=p.name, sheet=repr(sheet)) if sheet else p.name
    if problem is Problem.EMPTY:
        msg = EMPTY.format(file=name)
    elif problem is Problem.UNREADABLE:
        msg = tr("{file}: no row naming the columns could be read; {detail}. Fix that line and import the file "
                 "again (nothing was imported).").format(file=name, detail=detail)
    elif problem is Problem.NO_HEADER:
        msg = tr("{file} starts with data ({detail}) instead of column names: add a first row naming the columns "
                 "(for example Email, Points, Tier) and import it again (nothing was imported).").format(
            file=name, detail=detail)
    else:
        msg = tr("{file} has no email column (columns found: {columns}). Name the column that holds the email "
                 "addresses “Email” (or “E-mail”, “Courriel”) and import it again; nothing was imported.").format(
            file=name, columns=detail or tr("none"))
    return SpreadsheetError(problem, p, msg)


def open_sheet(path: Path | str, kind: str | None = None, choices: Choices | None = None) -> Sheet:
    """Open a members or ledger export (`kind` None: recognise it from the headers), with the
    command line's answers (`choices`); what the file leaves open is in `Sheet.questions`."""
    fmt = detect(path, choices.encoding if choices is not None else None)
    found: _Found | None = None
    failure: tuple[Problem, str, str | None] | None = None
    for sheet in (fmt.sheets or (None,)):
        res = _find_header(fmt, sheet)
        if isinstance(res, tuple):
            failure = failure or (res[0], res[1], sheet)
            continue
        # In a workbook with a members sheet and a ledger sheet, take the one asked for.
        if kind is None or hdr.detect_kind(res.headers) == kind or len(fmt.sheets) <= 1:
            found = res
            break
        found = found or res
    if found is None:
        assert failure is not None
        problem, detail, sheet = failure
        raise _file_error(fmt.path, problem, detail, sheet if len(fmt.sheets) > 1 else None)

    detected = hdr.detect_kind(found.headers)
    saved = {k: hdr.load_saved(found.headers, k) for k in hdr.KINDS}
    if kind is None:
        kind = next((k for k in hdr.KINDS if saved[k] is not None), detected)
    elif detected != kind and saved[kind] is None:
        raise _wrong_kind(fmt.path, kind)
    mapping = saved[kind] or hdr.suggest(found.headers, kind)
    mapping, problems = ask.apply(mapping, choices)
    if problems:
        raise SpreadsheetError(Problem.MISSING_COLUMN, fmt.path, tr("{file}: {problems} (nothing was imported).")
                               .format(file=fmt.path.name, problems="; ".join(problems)))
    _check_required(fmt.path, mapping)
    if not found.bad_rows and not any(not _is_blank(r) for r in found.sample):
        raise SpreadsheetError(Problem.NO_ROWS, fmt.path, tr(
            "{file} has column names but no rows: export it again with the data (nothing was imported).").format(
            file=fmt.path.name))
    decimal_comma, dayfirst, questions = ask.conventions(mapping, found.sample, fmt.delimiter, guess_decimal_comma)
    questions = ask.mapping_questions(mapping, found.sample, decimal_comma, dayfirst, choices) + questions
    return Sheet(fmt, found.sheet, found.line, mapping, detected, decimal_comma, dayfirst, questions)


def _wrong_kind(p: Path, wanted: str) -> SpreadsheetError:
    if wanted == hdr.MEMBERS:
        msg = tr("{file} looks like a points history (one row per points movement: date, points, reason), not a "
                 "members list: give it as the ledger (--ledger) and the members export as --members (nothing was "
                 "imported).").format(file=p.name)
    else:
        msg = tr("{file} looks like a members list (one row per member), not a points history: give it as the "
                 "members file (--members) (nothing was imported).").format(file=p.name)
    return SpreadsheetError(Problem.WRONG_KIND, p, msg)


def _check_required(p: Path, mapping: hdr.ColumnMapping) -> None:
    fields = {f for f in mapping.fields if f}
    if "email" not in fields:
        cols = ", ".join(repr(h) for h in mapping.headers[:12] if h)
        raise _file_error(p, Problem.NO_EMAIL_COLUMN, cols)
    if mapping.kind == hdr.LEDGER:
        no_date = "at" not in fields
        no_points = not fields & {"points_change", "points_credit", "points_debit"}
        said = (tr("{file} is a points history without a date column (“Date”) and a points column (“Points”): "
                   "name those columns and import it again (nothing was imported).") if no_date and no_points else
                tr("{file} is a points history without a date column (“Date”): name that column and import it "
                   "again (nothing was imported).") if no_date else
                tr("{file} is a points history without a points column (“Points”): name that column and import it "
                   "again (nothing was imported).") if no_points else "")
        if said:
            raise SpreadsheetError(Problem.MISSING_COLUMN, p, said.format(file=p.name))
