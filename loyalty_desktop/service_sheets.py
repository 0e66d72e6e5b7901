"""The UI's way into the spreadsheet source: what an export would give, read in full before
anything is imported (no Qt here: the source page runs `check_files` in the background and shows
the result), the questions a file leaves open, and the names the wizard shows.

The same readers as the import (`open_sheet`, `MemberParser`, `LedgerParser`): the detected
format, the column mapping (saved for this file shape, or suggested), how many rows are good, and
every rejected row with its reason. A file-level problem raises `SpreadsheetError` (one message).
A corrected mapping is saved per file shape exactly as the import saves it (`spreadsheet_headers.save`),
so the import that follows, and next month's export of the same shape, read it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loyalty_desktop.core.fields import CATALOG
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet import questions as ask
from loyalty_desktop.sources.spreadsheet.csvfile import BadRow
from loyalty_desktop.sources.spreadsheet.headers import FIELD_TYPES, LEDGER, MEMBERS, ColumnMapping
from loyalty_desktop.sources.spreadsheet.questions import Ask, Question
from loyalty_desktop.sources.spreadsheet.read import (
    DELIMITER_NAMES,
    FileFormat,
    Problem,
    SpreadsheetError,
)
from loyalty_desktop.sources.spreadsheet.rows import (
    LedgerParser,
    MemberParser,
    RejectLog,
    write_rejects_csv,
)
from loyalty_desktop.sources.spreadsheet.sheet import Sheet, open_sheet

# The value types and names the wizard shows, re-exported so the UI imports no source module.
__all__ = [
    "DELIMITER_NAMES", "FIELD_TYPES", "LEDGER", "MEMBERS", "Ask", "ColumnMapping", "FileCheck",
    "FileFormat", "Problem", "Question", "SheetCheck", "SpreadsheetError", "answer_question",
    "check_files", "question_options", "save_mapping",
]

EXAMPLE_ROWS = 20  # rows looked at for an example value per column


@dataclass
class FileCheck:
    sheet: Sheet
    rows: int = 0  # non-blank rows read
    good: int = 0  # members (members file) or points movements (ledger)
    duplicates: int = 0
    examples: list[str] = field(default_factory=list)  # per column: the first non-empty value

    @property
    def mapping(self) -> ColumnMapping:
        return self.sheet.mapping


@dataclass
class SheetCheck:
    members: FileCheck
    ledger: FileCheck | None
    rejects: RejectLog

    @property
    def rejected(self) -> int:
        return self.rejects.count

    @property
    def questions(self) -> list[tuple[FileCheck, Question]]:
        """What the files leave open (each file's doubts), to answer before importing."""
        return [(fc, q) for fc in (self.members, self.ledger) if fc is not None for q in fc.sheet.questions]

    @property
    def importable(self) -> bool:
        """At least one good member, its email column mapped (and a ledger, if any, readable),
        nothing left open."""
        return (self.members.good > 0 and self.members.mapping.column("email") is not None
                and not self.questions)

    def not_provided(self) -> list[str]:
        """The catalog fields the members file has no column for (left as they are on the platform)."""
        fields = {f for f in self.members.mapping.fields if f}
        if "tier_name" in fields:
            fields.add("tier_id")
        return [f.key for f in CATALOG if f.key not in fields]

    def export_rejects(self, path: Path | str, language: str = "en") -> int:
        """Every rejected row (not only those shown) as CSV, in the members file's delimiter, the
        header and reasons in `language`."""
        return write_rejects_csv(self.rejects, path, self.members.sheet.fmt.delimiter or ",", language)

    def close(self) -> None:
        self.rejects.close()


def _examples(sheet: Sheet, cancel: CancelToken | None) -> list[str]:
    width = len(sheet.mapping.headers)
    out = [""] * width
    rows = sheet.data_rows(cancel)
    try:
        for n, (_line, cells) in enumerate(rows):
            if isinstance(cells, BadRow):  # a CSV record that could not be split: no example in it
                continue
            for i, c in enumerate(cells[:width]):
                if not out[i] and c is not None and str(c).strip():
                    out[i] = str(c).strip()
            if n >= EXAMPLE_ROWS or all(out):
                break
    finally:
        close: Any = getattr(rows, "close", None)
        if close:
            close()
    return out


def check_files(members: Path | str, ledger: Path | str | None = None,
                cancel: CancelToken | None = None) -> SheetCheck:
    """Read the members file (and the points history) as the import would, keeping nothing but
    counts and the rejected rows. Raises `SpreadsheetError` for a file that cannot be imported and
    `CancelledError` when `cancel` is set."""
    msheet = open_sheet(members, MEMBERS)
    lsheet = open_sheet(ledger, LEDGER) if ledger else None
    rejects = RejectLog()
    try:
        mp = MemberParser(msheet, rejects, cancel)
        for _ in mp.members(require_valid=False):  # to the end: the ledger checks its emails against it
            pass
        mcheck = FileCheck(msheet, mp.rows, mp.valid, mp.duplicates, _examples(msheet, cancel))
        lcheck = None
        if lsheet is not None:
            lp = LedgerParser(lsheet, rejects, cancel)
            for _ in lp.records(mp):
                pass
            lcheck = FileCheck(lsheet, lp.rows, lp.valid, 0, _examples(lsheet, cancel))
    except BaseException:
        rejects.close()
        raise
    return SheetCheck(mcheck, lcheck, rejects)


def save_mapping(mapping: ColumnMapping) -> None:
    """Remember the user's correction for this file shape (what the import then uses)."""
    hdr.save(mapping)


def question_options(question: Question) -> list[Any]:
    """The answers the wizard offers to `question`, in order."""
    return ask.options(question)


def answer_question(mapping: ColumnMapping, question: Question, choice: Any) -> ColumnMapping:
    """`mapping` with the user's `choice` for `question` applied."""
    return ask.answer(mapping, question, choice)
