"""Rejected spreadsheet rows: one per row that cannot be used, with its line, column, value and
reason; kept in a `RejectLog` (the first ones in memory, all of them spooled to a temporary
file) and exported as CSV with `write_rejects_csv`."""

from __future__ import annotations

import csv
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from loyalty_desktop.core.source_rejects import SourceReject
from loyalty_desktop.core.textsafe import csv_writer
from loyalty_desktop.core.translate import catalogue, translate_text
from loyalty_desktop.sources.spreadsheet.values import Reason


@dataclass(frozen=True, slots=True)
class RowReject:
    file: str
    line: int
    column: str
    value: str
    reason: Reason
    detail: str = ""
    email: str = ""  # the row's (normalized) email when it had a usable one

    def describe(self) -> str:
        value = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        out = f"line {self.line} [{self.column}] {value!r}: {self.reason.value}"
        return out + (f" ({self.detail})" if self.detail else "")

    def for_run(self, kind: str) -> SourceReject:
        """This reject as recorded with the sync run (`kind`: member or ledger)."""
        reason = self.reason.value + (f" ({self.detail})" if self.detail else "")
        return SourceReject(kind, self.email or self.value, self.column, reason, self.value, self.file, self.line)


REJECT_COLUMNS = ("file", "line", "column", "value", "reason", "detail")  # the exported CSV's columns


def reject_header(language: str = "en") -> list[str]:
    """REJECT_COLUMNS in the reader's language (marked for lupdate)."""
    tr = catalogue(language).core
    return [tr("file"), tr("line"), tr("column"), tr("value"), tr("reason"), tr("detail")]


class RejectLog:
    """Every rejected row: the first ones in memory (for display), all of them spooled to a
    temporary CSV (memory stays bounded whatever the file holds)."""

    KEEP = 1000

    def __init__(self) -> None:
        self.count = 0
        self.first: list[RowReject] = []
        self.reasons: Counter[Reason] = Counter()
        self._spool: Any = None  # created with the first reject
        self._writer: Any = None
        self._owned: Path | None = None  # a file handed over by `restore`: deleted at close

    def add(self, r: RowReject) -> None:
        self.count += 1
        self.reasons[r.reason] += 1
        if len(self.first) < self.KEEP:
            self.first.append(r)
        if self._spool is None:
            self._spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - lives as long as the rejects
                max_size=4 << 20, mode="w+", newline="", encoding="utf-8")
            self._writer = csv.writer(self._spool)
        self._writer.writerow((r.file, r.line, r.column, r.value, r.reason.value, r.detail, r.email))

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[RowReject]:
        if self._spool is None:
            return
        self._spool.flush()
        pos = self._spool.tell()
        self._spool.seek(0)
        try:
            for f, line, col, value, reason, detail, email in csv.reader(self._spool):
                yield RowReject(f, int(line), col, value, Reason(reason), detail, email)
        finally:
            self._spool.seek(pos)

    def dump(self, path: Path) -> None:
        """Every reject to `path`, as `restore` reads it (the worker process hands its check over)."""
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            for r in self:
                w.writerow((r.file, r.line, r.column, r.value, r.reason.value, r.detail, r.email))

    @classmethod
    def restore(cls, count: int, first: list[RowReject], reasons: Counter[Reason], path: Path | None) -> RejectLog:
        """The log `dump` wrote to `path` (taken over: deleted at close)."""
        log = cls()
        log.count, log.first, log.reasons = count, first, reasons
        if path is not None:
            log._spool = path.open("r+", newline="", encoding="utf-8")
            log._spool.seek(0, 2)
            log._writer = csv.writer(log._spool)
            log._owned = path
        return log

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
        owned, self._owned = getattr(self, "_owned", None), None
        if owned is not None:
            owned.unlink(missing_ok=True)

    def __del__(self) -> None:
        self.close()


def write_rejects_csv(rejects: Iterable[RowReject], dest: Path | str | TextIO, delimiter: str = ",",
                      language: str = "en") -> int:
    """Write rejected rows as CSV (file, line, column, value, reason, detail); returns how many.

    A path is written in UTF-8 with a BOM so Excel shows accents; pass the source file's delimiter
    so a French Excel opens it in columns."""
    if isinstance(dest, (str, Path)):
        p = Path(dest)
        p.parent.mkdir(parents=True, exist_ok=True)
        with p.open("w", encoding="utf-8-sig", newline="") as f:
            return write_rejects_csv(rejects, f, delimiter, language)
    w = csv_writer(dest, delimiter=delimiter)  # formula-looking cells made inert
    w.writerow(reject_header(language))
    n = 0
    for r in rejects:
        w.writerow((r.file, r.line, r.column, r.value, translate_text(r.reason.value, language),
                    translate_text(r.detail, language)))
        n += 1
    return n
