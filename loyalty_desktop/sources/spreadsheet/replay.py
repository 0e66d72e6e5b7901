"""Rows read once from a slow reader and replayed from a temporary file (see `Replay`)."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Sequence
from typing import Any

from loyalty_desktop.sources.spreadsheet.csvfile import BadRow


class Replay:
    """Rows read once from a slow reader (a workbook) and replayed from a temporary file.

    `first()` streams the rows while spooling them (pickled in batches) to disk; `again()` streams
    them back, much faster than parsing the workbook a second time. Memory stays flat."""

    BATCH = 1000

    def __init__(self, rows: Iterator[tuple[int, Sequence[Any] | BadRow]]) -> None:
        self._rows = rows
        self._spool: Any = None

    def first(self) -> Iterator[tuple[int, Sequence[Any] | BadRow]]:
        self.close()
        self._spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by again() or close()
        batch: list[tuple[int, Sequence[Any] | BadRow]] = []
        for item in self._rows:
            batch.append(item)
            if len(batch) >= self.BATCH:
                pickle.dump(batch, self._spool, pickle.HIGHEST_PROTOCOL)
                batch = []
            yield item
        if batch:
            pickle.dump(batch, self._spool, pickle.HIGHEST_PROTOCOL)

    def again(self) -> Iterator[tuple[int, Sequence[Any] | BadRow]]:
        assert self._spool is not None, "first() before again()"
        self._spool.seek(0)
        try:
            while True:
                try:
                    batch = pickle.load(self._spool)
                except EOFError:
                    break
                yield from batch
        finally:
            self.close()

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __del__(self) -> None:
        self.close()
