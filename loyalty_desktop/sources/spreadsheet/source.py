"""`--source csv`: a members export (CSV or .xlsx) and optionally a points ledger export.

A spreadsheet is always read whole (`SourceRead.full`): members absent from the file have left
the program. Rows stream from the file into the store; nothing is held per row but a small entry
per email. The store compares what it receives with what it holds, so importing the same file
again changes nothing, and a later export changes exactly what differs in it.

- `as_of` is the time of the import (the clock for "points expiring in 30 days");
- `cursor` names the files' contents and mappings (informational: a file is always read whole);
- the store key (`OpenSource.name`) is `csv:` + the members file shape (+ the ledger's), stable
  from one month's export to the next of the same shape;
- file-level problems are raised by `open` (and a file without one valid row at the end of the
  members stream, which rolls the import back), so a bad file changes nothing;
- what the files leave open (`spreadsheet_questions`: two email columns, dates that read both
  ways…) stops `open` with a ConfigError naming each doubt and the option answering it;
- a field the members file has no column for, or a blank number/date cell, is unknown for that
  member (`Member.unknown`): never sent, so the platform keeps its value;
- the derived fields (next tier, points to it / to the next reward, reward ready…) come from the
  export's own columns, else from the merchant's tiers/rewards tables (`program_table`), else
  are not sent (`derived_notes` says why);
- rejected rows are kept in `source.rejects` and, after a sync, written to a list of this import's
  own, `<data folder>/imports/<file>-<folder tag>-<time of the import>.rejected.csv` (two files
  of the same name from different folders, or two imports, never share one; a clean import writes
  none), and summarised on the terminal.
"""

from __future__ import annotations

import glob
import hashlib
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core import paths
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.model import Record, SourceRead, Tier
from loyalty_desktop.core.options import SourceOptions, SpreadsheetOptions, members_file
from loyalty_desktop.core.program import Program, derive
from loyalty_desktop.core.source_rejects import SourceReject
from loyalty_desktop.core.translate import cli_language, translate_text
from loyalty_desktop.net.client import CancelToken, HttpClient
from loyalty_desktop.service import OpenSource
from loyalty_desktop.sources.spreadsheet import headers as hdr
from loyalty_desktop.sources.spreadsheet.derived import derivable, derived_notes
from loyalty_desktop.sources.spreadsheet.program_table import load_program
from loyalty_desktop.sources.spreadsheet.questions import Choices, Question
from loyalty_desktop.sources.spreadsheet.rows import (
    LedgerParser,
    MemberParser,
    RejectLog,
    RowReject,
    write_rejects_csv,
)
from loyalty_desktop.sources.spreadsheet.sheet import Sheet, open_sheet

log = logging.getLogger(__name__)


@dataclass
class ImportStats:
    member_rows: int = 0
    members: int = 0
    duplicates: int = 0
    ledger_rows: int = 0
    ledger_entries: int = 0
    rejected: int = 0


@dataclass(slots=True)
class SheetRead(SourceRead):
    """A SourceRead whose members also come as the store's JSON text (`Store.ingest` takes that,
    skipping a Member per row). Either `members` or `member_texts` is read, not both."""

    member_texts: Iterator[tuple[str, str]] | None = None


class SpreadsheetSource:
    http: HttpClient | None = None  # local files: no network client (sync.engine.Source)

    def __init__(self, members: Sheet, ledger: Sheet | None = None, *, now: datetime | None = None,
                 cancel: CancelToken | None = None, program: Program | None = None) -> None:
        self.members = members
        self.program = program  # the merchant's tiers/rewards tables (program_table), if given
        self.ledger = ledger
        self.now = now
        self.cancel = cancel  # checked while the files stream (a cancelled import changes nothing)
        self.rejects = RejectLog()
        self.stats = ImportStats()
        self._parsers: tuple[MemberParser, LedgerParser | None] | None = None
        self.read_at: datetime | None = None  # when the last read started (names its rejected rows list)

    @classmethod
    def open(cls, members: Path | str, ledger: Path | str | None = None, *, now: datetime | None = None,
             cancel: CancelToken | None = None, choices: Choices | None = None) -> SpreadsheetSource:
        """Open both files (raising any file-level problem before anything is read, and a
        ConfigError naming what the files leave open: `spreadsheet_questions`)."""
        m = open_sheet(members, hdr.MEMBERS, choices)
        lg = open_sheet(ledger, hdr.LEDGER, choices) if ledger else None
        open_questions = [(s.name, q) for s in (m, lg) if s is not None for q in s.questions]
        if open_questions:
            raise ConfigError(refusal(open_questions))
        return cls(m, lg, now=now, cancel=cancel, program=load_program(m.fmt))

    def provided_fields(self) -> frozenset[str]:
        """The catalog fields the members file has a column for (the others are left untouched)."""
        fields = {f for f in self.members.mapping.fields if f}
        if "tier_name" in fields:
            fields.add("tier_id")  # derived from standard tier names when there is no id column
        return frozenset(fields) | derivable(self.program, frozenset(fields))

    def derived_notes(self) -> list[str]:
        """Why derived fields the export has no column for are not sent (shown with the preview)."""
        return derived_notes(self.program, self.provided_fields(), self.members.path)

    # -- identity -------------------------------------------------------------------------------

    @property
    def store_name(self) -> str:
        name = f"csv:{self.members.mapping.shape_id}"
        return name + (f"+{self.ledger.mapping.shape_id}" if self.ledger else "")

    @property
    def label(self) -> str:
        return self.members.name + (f" + {self.ledger.name}" if self.ledger else "")

    @property
    def cursor(self) -> str:
        parts = [f"{self.members.fmt.digest}/{self.members.mapping.fingerprint()}"]
        if self.ledger:
            parts.append(f"{self.ledger.fmt.digest}/{self.ledger.mapping.fingerprint()}")
        return "sheet:" + "+".join(parts)

    def save_mappings(self, force: bool = False) -> None:
        """Remember the mappings used for these file shapes (kept as they are if already saved)."""
        for sheet in (self.members, self.ledger):
            if sheet is not None and (force or not sheet.mapping.saved):
                hdr.save(sheet.mapping)

    # -- reading --------------------------------------------------------------------------------

    def read(self, cursor: str | None = None, history: bool = True) -> SourceRead:
        """The whole program as the files hold it. `members` then `records` must be consumed in
        that order (as `Store.ingest` does); `tiers` is filled when the members stream ends.
        The ledger is always read: a movement the store has not seen would otherwise look new later."""
        self.rejects.close()
        self.rejects = RejectLog()
        mp = MemberParser(self.members, self.rejects, self.cancel)
        lp = LedgerParser(self.ledger, self.rejects, self.cancel) if self.ledger else None
        self._parsers = (mp, lp)
        tiers: list[Tier] = []
        records: Iterator[Record] = lp.records(mp) if lp else iter(())
        self.read_at = self.now or clocks.now()
        program = self.program
        if program is not None:  # derived fields: Members, not the texts' shortcut
            return SheetRead(as_of=self.read_at, full=True, tiers=tiers, cursor=self.cursor,
                             members=(derive(program, m) for m in mp.members(tiers)), records=records,
                             rejected_rows=self.rejected_rows, notes=self.derived_notes())
        return SheetRead(as_of=self.read_at, full=True,
                         members=mp.members(tiers), records=records, tiers=tiers, cursor=self.cursor,
                         member_texts=mp.member_texts(tiers), rejected_rows=self.rejected_rows,
                         notes=self.derived_notes())

    def rejected_rows(self) -> Iterator[SourceReject]:
        """The last read's rejected rows, as the sync run records them."""
        members = self.members.name
        for r in self.rejects:
            yield r.for_run("member" if r.file == members else "ledger")

    def finish_stats(self) -> ImportStats:
        if self._parsers:
            mp, lp = self._parsers
            self.stats = ImportStats(mp.rows, mp.valid, mp.duplicates, lp.rows if lp else 0,
                                     lp.valid if lp else 0, self.rejects.count)
        return self.stats

    def export_rejects(self, dest: Path | str | TextIO) -> int:
        """Write every rejected row of the last read as CSV (in the members file's delimiter)."""
        return write_rejects_csv(self.rejects, dest, self.members.fmt.delimiter or ",")

    def summary(self) -> list[str]:
        s = self.finish_stats()
        lines = [f"{self.members.name}: {s.member_rows:,} rows, {s.members:,} members imported"
                 + (f", {s.duplicates:,} duplicate emails (the later row is used)" if s.duplicates else "")]
        if self.ledger:
            lines.append(f"{self.ledger.name}: {s.ledger_rows:,} rows, {s.ledger_entries:,} movements imported")
        if s.rejected:
            reasons = ", ".join(f"{n:,} {r.value}" for r, n in self.rejects.reasons.most_common())
            lines.append(f"rejected rows: {s.rejected:,} ({reasons})")
        return lines

    def report(self, out: TextIO | None = None) -> Path | None:
        """After a sync: say what was imported and save the rejected rows; returns their file."""
        if self._parsers is None:
            return None
        out = out or sys.stderr
        lang = cli_language()  # the command line's: the OS locale's language
        for line in self.summary():
            print(translate_text(line, lang), file=out)
        saved = None
        if self.rejects.count:
            for r in self.rejects.first[:5]:
                print(f"  {r.file} {translate_text(r.describe(), lang)}", file=out)
            saved = self.rejects_path()
            write_rejects_csv(self.rejects, saved, self.members.fmt.delimiter or ",", lang)
            print("  " + translate_text(f"all rejected rows: {saved}", lang), file=out)
        log.info("spreadsheet import: %s", "; ".join(self.summary()))
        return saved

    def rejects_path(self) -> Path:
        """A new file for this import's rejected rows, named after the members file, its folder (a
        short hash: same-named files of two folders differ) and the time of the import."""
        return rejects_path(self.members.path, self.read_at or clocks.now())

    def close(self) -> None:
        self.rejects.close()


def refusal(questions: list[tuple[str, Question]]) -> str:
    """Why an import does not run yet: each doubt, its file and the option answering it."""
    lines = [f"{name}: {q.describe()}." for name, q in questions]
    return tr("Some columns can be read more than one way, so nothing was imported:\n  {questions}\nAnswer with these "
              "options (or in the wizard's column list); the answer is remembered for files of the same shape."
              ).format(questions="\n  ".join(lines))


KEEP_REJECT_LISTS = 20  # per members file: older lists are removed (the run history keeps every row)


def rejects_path(members: Path, when: datetime) -> Path:
    folder = paths.data_dir() / "imports"
    where = hashlib.blake2b(str(members.resolve().parent).encode(), digest_size=4).hexdigest()
    prefix = f"{members.stem}-{where}-"
    stamp = when.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{prefix}{stamp}.rejected.csv", 1
    while path.exists():  # two imports within a second
        n += 1
        path = folder / f"{prefix}{stamp}-{n}.rejected.csv"
    if folder.is_dir():
        older = sorted(folder.glob(f"{glob.escape(prefix)}*.rejected.csv"), key=lambda p: p.stat().st_mtime)
        for old in older[:max(0, len(older) - KEEP_REJECT_LISTS + 1)]:
            old.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class SpreadsheetSourceFactory:
    name: str = "csv"

    def open(self, options: SourceOptions, cancel: CancelToken) -> OpenSource:
        if not isinstance(options, SpreadsheetOptions):
            raise TypeError(f"the csv source takes SpreadsheetOptions, not {type(options).__name__}")
        members = members_file(str(options.members_file))  # a bare number names no export
        source = SpreadsheetSource.open(members, options.ledger_file, cancel=cancel,
                                        choices=Choices.from_options(options))
        source.save_mappings()

        def close() -> None:
            try:
                source.report()
            finally:
                source.close()

        return OpenSource(source, source.store_name, source.label, close)


FACTORY = SpreadsheetSourceFactory()

__all__ = ["FACTORY", "ImportStats", "RowReject", "SpreadsheetSource", "SpreadsheetSourceFactory"]
