"""Text from outside (a spreadsheet cell, a platform's error message) made inert where we show or
export it.

- `csv_cell` / `csv_writer`: every CSV the app writes goes through them. A cell that starts with
  `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by Excel, LibreOffice or
  Google Sheets (OWASP "CSV injection"): it gets a leading single quote, which those show as text.
  A cell that is exactly a number (`-12`, `+3.5`, `-1e3`) stays as it is, so numbers stay numbers.
- `printable`: for a terminal line or a GUI log line. ANSI escape sequences (colours, cursor moves,
  window titles, hyperlinks) are removed, and every other C0/C1 control, DEL and bidirectional
  override becomes a space (except a newline or tab where the caller says it is meant).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def csv_cell(value: object) -> object:
    """`value` as safe to put in a CSV cell (see the module's note); non-text values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


class InertCsvWriter:
    """csv.writer whose rows go through `csv_cell`."""

    def __init__(self, inner: _Writer) -> None:
        self._inner = inner

    def writerow(self, row: Iterable[object]) -> Any:
        return self._inner.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(f: Any, **kw: Any) -> InertCsvWriter:
    """Like `csv.writer(f, **kw)`, for files people open in a spreadsheet."""
    return InertCsvWriter(csv.writer(f, **kw))


# ESC [ … final (CSI), ESC ] … BEL or ESC \ (OSC), ESC P/X/^/_ … ESC \ (DCS, SOS, PM, APC),
# ESC + one character; and their 8-bit forms (0x9B CSI, 0x9D OSC, 0x90/0x98/0x9E/0x9F … 0x9C).
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
# C0 but tab and newline (decided below), DEL, C1, and the bidi embeddings/overrides/isolates that
# can make a line read differently from what it holds.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: object, *, newlines: bool = False, tabs: bool = False) -> str:
    """`text` safe to print on a terminal or show in a log view: escape sequences removed, other
    control characters turned into spaces. `newlines` / `tabs` keep those where they are meant."""
    s = str(text)
    if s.isprintable():
        return s  # the usual case, fast: no control, format or separator character at all
    s = _ESCAPES.sub("", s)
    s = _CONTROLS.sub(" ", s)
    if not newlines:
        s = s.replace("\n", " ")
    if not tabs:
        s = s.replace("\t", " ")
    return s
