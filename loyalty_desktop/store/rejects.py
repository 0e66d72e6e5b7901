"""Rejected rows of a run, in the store: what the destination rejected and what the source could not use.

"Rejected" means one thing everywhere (store, CLI, GUI): a row that was not taken, with the reason
kept. Both kinds live in the `rejected_rows` table. `origin` tells them apart ('destination': the
platform rejected the row, `dest` is the destination and `kind` profile/event; 'source': the source could
not use it, `dest` is the source's store name and `kind` member/ledger/customer), and source rows
also keep their file, line and cell value (schema 2).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TextIO

from loyalty_desktop.core.disk_errors import rollback_quietly
from loyalty_desktop.core.source_rejects import SourceReject
from loyalty_desktop.core.textsafe import csv_writer, printable
from loyalty_desktop.core.translate import catalogue, translate_text

# At most this many source rejects are kept per run (the rest are counted; a spreadsheet's full
# list is also written beside the import, see spreadsheet_source).
MAX_SOURCE_REJECTS = 100_000

DESTINATION = "destination"
SOURCE = "source"


@dataclass(frozen=True, slots=True)
class RejectedRow:
    run_id: int
    dest: str  # the destination, or for a source reject the source's store name
    kind: str  # profile | event, or for a source reject member | ledger | customer
    key: str  # email (profile), unique_id (event); a source reject: the row's email, or its cell
    field: str
    reason: str
    origin: str = DESTINATION  # destination | source
    line: int | None = None  # source rejects: line (CSV) or row (Excel) in `file`
    value: str = ""  # source rejects: the cell as read
    file: str = ""  # source rejects: the file name

    @property
    def from_source(self) -> bool:
        return self.origin == SOURCE


def add_source_rejects(db: sqlite3.Connection, run_id: int, source: str, rows: Iterable[SourceReject],
                       limit: int = MAX_SOURCE_REJECTS) -> int:
    """Record the source's rejected rows with the run (one transaction); returns how many were
    stored (at most `limit`)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        before = db.total_changes
        db.executemany(
            "INSERT INTO rejected_rows(run_id, dest, kind, key, field, reason, origin, line, value, file)"
            " VALUES (?,?,?,?,?,?,'source',?,?,?)",
            ((run_id, source, r.kind, r.key, r.field, r.reason, r.line, r.value, r.file)
             for r in islice(rows, limit)))
        stored = db.total_changes - before
        db.execute("COMMIT")
    except BaseException:
        rollback_quietly(db)
        raise
    return stored


def rejected_rows(db: sqlite3.Connection, run_id: int, origin: str | None = None) -> list[RejectedRow]:
    """A run's rejected rows in the order they were recorded (the source's come first: they are
    known once the source was read, before anything is sent); `origin` keeps one kind."""
    sql = ("SELECT run_id, dest, kind, key, field, reason, origin, line, value, file FROM rejected_rows"
           " WHERE run_id=?")
    args: tuple[object, ...] = (run_id,)
    if origin is not None:
        sql += " AND origin=?"
        args += (origin,)
    return [RejectedRow(*r) for r in db.execute(sql + " ORDER BY rowid", args)]


CSV_COLUMNS = ("origin", "kind", "key", "field", "reason", "file", "line", "value")


def csv_header(language: str = "en") -> list[str]:
    """CSV_COLUMNS in the reader's language (lupdate extracts each `tr("…")`)."""
    tr = catalogue(language).core
    return [tr("origin"), tr("kind"), tr("key"), tr("field"), tr("reason"), tr("file"), tr("line"), tr("value")]


def origin_word(origin: str, language: str = "en") -> str:
    tr = catalogue(language).core
    return tr("source") if origin == SOURCE else tr("destination")


def kind_word(kind: str, language: str = "en") -> str:
    tr = catalogue(language).core
    words = {"profile": tr("profile"), "event": tr("event"), "member": tr("member"), "ledger": tr("ledger"),
             "customer": tr("customer")}
    return words.get(kind, kind)


def write_rejected_csv(rows: Iterable[RejectedRow], dest: Path | TextIO, *, terminal: bool = False,
                       language: str = "en") -> int:
    """Rejected rows as CSV (a file: UTF-8 with a BOM, so Excel shows accents); returns how many.

    Cells that a spreadsheet would run as formulas are made inert (textsafe.csv_cell); for a
    `terminal`, control characters and escape sequences in the cells are removed as well. `language`
    words the header, the origin and kind and our reasons in the reader's language (English by default)."""
    if isinstance(dest, Path):
        with dest.open("w", newline="", encoding="utf-8-sig") as f:
            return write_rejected_csv(rows, f, language=language)
    w = csv_writer(dest)
    w.writerow(csv_header(language))
    n = 0
    for r in rows:
        ours = r.kind == "customer"  # "Smile customer 12": our words; a spreadsheet's cells are the file's
        cells = (origin_word(r.origin, language), kind_word(r.kind, language),
                 translate_text(r.key, language) if ours else r.key, r.field, translate_text(r.reason, language),
                 r.file, "" if r.line is None else r.line, translate_text(r.value, language) if ours else r.value)
        w.writerow([printable(c) for c in cells] if terminal else cells)
        n += 1
    return n
