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
- rejected rows are kept in `source.rejects` and, after a sync, written to
  `<data folder>/imports/<file>.rejected.csv` and summarised on the terminal.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from .. import paths
from ..errors import ConfigError
from ..model import Record, SourceRead, Tier
from ..net import CancelToken
from ..service import OpenSource
from ..source_rejects import SourceReject
from . import spreadsheet_headers as hdr
from .spreadsheet_rows import LedgerParser, MemberParser, RejectLog, RowReject, write_rejects_csv
from .spreadsheet_sheet import Sheet, open_sheet
from .. import clock as clocks

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
    rejected_rows: Callable[[], Iterator[SourceReject]] | None = None  # once the read was consumed


class SpreadsheetSource:
    def __init__(self, members: Sheet, ledger: Sheet | None = None, *, now: datetime | None = None,
                 cancel: CancelToken | None = None) -> None:
        self.members = members
        self.ledger = ledger
        self.now = now
        self.cancel = cancel  # checked while the files stream (a cancelled import changes nothing)
        self.rejects = RejectLog()
        self.stats = ImportStats()
        self._parsers: tuple[MemberParser, LedgerParser | None] | None = None

    @classmethod
    def open(cls, members: Path | str, ledger: Path | str | None = None, *, now: datetime | None = None,
             cancel: CancelToken | None = None, encoding: str | None = None) -> SpreadsheetSource:
        """Open both files (raising any file-level problem before anything is read); `encoding`:
        the CSVs' text encoding as the user chose it (`--encoding`), else detected."""
        m = open_sheet(members, hdr.MEMBERS, encoding)
        lg = open_sheet(ledger, hdr.LEDGER, encoding) if ledger else None
        return cls(m, lg, now=now, cancel=cancel)

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
        return SheetRead(as_of=self.now or clocks.now(), full=True,
                         members=mp.members(tiers), records=records, tiers=tiers, cursor=self.cursor,
                         member_texts=mp.member_texts(tiers), rejected_rows=self.rejected_rows)

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
        for line in self.summary():
            print(line, file=out)
        saved = None
        if self.rejects.count:
            for r in self.rejects.first[:5]:
                print(f"  {r.file} {r.describe()}", file=out)
            saved = paths.data_dir() / "imports" / f"{self.members.path.stem}.rejected.csv"
            self.export_rejects(saved)
            print(f"  all rejected rows: {saved}", file=out)
        log.info("spreadsheet import: %s", "; ".join(self.summary()))
        return saved

    def close(self) -> None:
        self.rejects.close()


@dataclass(frozen=True)
class SpreadsheetSourceFactory:
    name: str = "csv"

    def open(self, options: argparse.Namespace, cancel: CancelToken) -> OpenSource:
        members = getattr(options, "members", None)
        ledger = getattr(options, "ledger", None)
        if not members or (str(members).isdigit() and not Path(members).exists()):
            raise ConfigError("--source csv needs --members FILE: the members export (CSV or Excel .xlsx), and "
                              "optionally --ledger FILE, the points history.")
        source = SpreadsheetSource.open(members, ledger, cancel=cancel, encoding=getattr(options, "encoding", None))
        source.save_mappings()

        def close() -> None:
            try:
                source.report()
            finally:
                source.close()

        return OpenSource(source, source.store_name, source.label, close)


FACTORY = SpreadsheetSourceFactory()

__all__ = ["FACTORY", "ImportStats", "RowReject", "SpreadsheetSource", "SpreadsheetSourceFactory"]
