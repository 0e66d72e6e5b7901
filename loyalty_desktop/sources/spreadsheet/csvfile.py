"""A CSV's records, each checked for structure before anyone reads its cells.

The csv module is lenient: a quote opened and never closed swallows the following lines into one
cell (members folded into a first name, gone without a word), a row with a cell too many or too
few is handed over as it is, a NUL byte or a control character passes. Here every record comes
out either as its cells or as a `BadRow` saying what is wrong, on which line and in which column;
the parsers reject a `BadRow` with that reason, and every other row still goes through.

- Quotes: the file is parsed strictly (a closing quote must end its cell). A record that breaks
  that rule, or runs to the end of the file inside quotes, or spans several lines of which one,
  on its own, reads as a row of the table (its email cell holds an address), is a quote opened
  and never closed: its first line is rejected ("unbalanced quote", naming the column where the
  quote opens) and the lines after it are read again as rows of their own, so the rows it had
  swallowed go through (or are rejected with their own line).
- Cells: a row must have the header's cells (`RowShape`): more cells (if the extra ones hold
  something) or fewer is a delimiter inside an unquoted cell or a cell missing; blank rows pass
  (the parsers skip them).
- Characters: a cell holding a NUL byte or another control character, or bytes the file's
  encoding cannot decode (an explicit `--encoding`), and a cell longer than Excel allows
  (32,767 characters) are rejected with their column.

Memory stays flat: only the lines of the record being read are kept (a cell is bounded by the
csv module's field limit, so a quote never closed keeps at most that much).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from loyalty_desktop.sources.spreadsheet.values import Reason

if TYPE_CHECKING:
    from loyalty_desktop.sources.spreadsheet.read import FileFormat

CELL_LIMIT = 32_767  # characters: Excel's own limit for a cell
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\udc00-\udcff]")
UNDECODABLE = "loyalty-undecodable"


def _undecodable(exc: UnicodeError) -> tuple[str, int]:
    """Each byte the encoding cannot decode becomes U+DC00 + byte (as `surrogateescape`, which
    refuses bytes below 0x80: a broken UTF-16 unit may hold some), found and rejected per row."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(UNDECODABLE, _undecodable)
_LOOSE_EMAIL = re.compile(r"\s*[^@\s\"';,<>]+@[^@\s\"';,<>]+\.[^@\s\"';,<>]+\s*")


@dataclass(frozen=True, slots=True)
class BadRow:
    """A CSV record the reader could not split into the header's cells."""

    reason: Reason
    detail: str
    text: str  # the record's first line, control characters and undecodable bytes shown as �
    column: int | None = None  # where the problem is, when one cell is at fault


@dataclass(frozen=True, slots=True)
class RowShape:
    """What a data row must look like: the header's cells, and where the email is."""

    width: int  # cells in the header row
    named: int  # up to the last named header cell: rows may omit the unnamed cells after it
    email_col: int | None = None

    @classmethod
    def of(cls, headers: Sequence[Any], email_col: int | None) -> RowShape:
        texts = ["" if h is None else str(h).strip() for h in headers]
        named = len(texts)
        while named and not texts[named - 1]:
            named -= 1
        return cls(len(texts), named, email_col)

    def misfit(self, row: Sequence[str]) -> str | None:
        """Why `row` does not have the header's cells, or None (blank rows fit)."""
        n = len(row)
        if self.named <= n <= self.width:
            return None
        if n > self.width and not any(c.strip() for c in row[self.width:]):
            return None  # trailing delimiters: nothing in the extra cells
        if not any(c.strip() for c in row):
            return None
        if n > self.width:
            return (f"{n} cells where the header has {self.width}: a delimiter inside a cell that is not quoted "
                    "shifts the cells after it; quote that cell or remove the delimiter")
        return (f"{n} cells where the header has {self.width}: a cell is missing or the row is cut short; "
                "complete the row")

    def looks_like_row(self, text: str, delimiter: str) -> bool:
        """Does this line, on its own, read as a row of the table (its email cell an address)?"""
        if self.email_col is None:
            return False
        try:
            row = next(csv.reader([text], delimiter=delimiter, skipinitialspace=True), [])
        except csv.Error:
            return False
        return (self.misfit(row) is None and len(row) > self.email_col
                and _LOOSE_EMAIL.fullmatch(row[self.email_col]) is not None)


def open_quote_column(text: str, delimiter: str) -> int | None:
    """The cell (0-based) where a quote opens and the line ends inside it, if it does."""
    col, i, n = 0, 0, len(text)
    while i < n:
        while i < n and text[i] == " ":
            i += 1
        if i < n and text[i] == '"':  # a quoted cell
            start, i = col, i + 1
            while True:
                j = text.find('"', i)
                if j < 0:
                    return start
                if text.startswith('"', j + 1):
                    i = j + 2
                    continue
                i = j + 1
                break
        k = text.find(delimiter, i)
        if k < 0:
            return None
        col, i = col + 1, k + 1
    return None


def _describe_quote(text: str, delimiter: str, exc: str) -> tuple[str, int | None]:
    col = open_quote_column(text, delimiter)
    if col is not None or "end of data" in exc or "field larger" in exc:
        return ('a quote (") opens a cell and is never closed, so the lines below were read into that cell; '
                "close the quote (or remove it): the lines below were read again as rows of their own"), col
    return (f"a quote (\") closes a cell but text follows it ({exc}); quote the whole cell, doubling the quotes "
            "inside it (\"\"), or remove them"), None


def _lines(src: Iterator[str], pending: deque[str], buf: list[str]) -> Iterator[str]:
    """The file's lines, lines given back to be read again first; each one handed out is noted in
    `buf` (the lines of the record being read)."""
    while True:
        if pending:
            line = pending.popleft()
        else:
            got = next(src, None)
            if got is None:
                return
            line = got
        buf.append(line)
        yield line


def iter_csv(fmt: FileFormat, after: int = 0, cancel: Any = None, shape: RowShape | None = None
             ) -> Iterator[tuple[int, Sequence[str] | BadRow]]:
    """(line, cells or BadRow) for each record starting below line `after`. Without `shape`
    (the header not found yet) the cell count is not checked."""
    assert fmt.encoding is not None and fmt.delimiter is not None
    d = fmt.delimiter
    check_chars = fmt.controls
    if not fmt.quotes:
        yield from _iter_plain(fmt, after, cancel, shape)
        return
    with fmt.path.open("r", encoding=fmt.encoding, errors=UNDECODABLE, newline="") as f:
        src = iter(f)
        pending: deque[str] = deque()
        buf: list[str] = []
        start = 1  # the line the next record starts on
        count = 0
        while True:
            # A fresh reader (and line feed: the last one may have ended with the file) after each error.
            reader = csv.reader(_lines(src, pending, buf), delimiter=d, skipinitialspace=True, strict=True)
            try:
                for row in reader:
                    line, n = start, len(buf)
                    if line > after:
                        bad = None
                        if n > 1 and shape is not None and (
                                shape.misfit(row) is not None
                                or any(shape.looks_like_row(t, d) for t in buf[1:])):
                            raise csv.Error("rows inside a quoted cell")
                        if shape is not None and len(row) != shape.width:
                            why = shape.misfit(row)
                            if why is not None:
                                bad = BadRow(Reason.CELL_COUNT, why, shown(buf[0]))
                        if bad is None and (check_chars or (len(buf[0]) > CELL_LIMIT or n > 1)):
                            bad = _cell_problem(row, buf[0], fmt.encoding_label)
                        yield line, (row if bad is None else bad)
                    start += n
                    buf.clear()
                    count += 1
                    if cancel is not None and count & 0xFFF == 0:
                        cancel.check()
                return
            except csv.Error as exc:
                # The record starting on `start` is malformed: reject its first line, read the rest again.
                first = buf[0] if buf else ""
                pending.extendleft(reversed(buf[1:]))
                buf.clear()
                line, start = start, start + 1
                if line > after:
                    detail, col = _describe_quote(first, d, str(exc))
                    yield line, BadRow(Reason.QUOTE, detail, shown(first), col)


def _iter_plain(fmt: FileFormat, after: int, cancel: Any, shape: RowShape | None
                ) -> Iterator[tuple[int, Sequence[str] | BadRow]]:
    """`iter_csv` for a file without any quote: a record is one line and cannot be malformed
    but for its cell count, characters and length (the common big export: a quicker loop)."""
    assert fmt.encoding is not None and fmt.delimiter is not None
    d, check_chars = fmt.delimiter, fmt.controls
    width = shape.width if shape is not None else -1
    with fmt.path.open("r", encoding=fmt.encoding, errors=UNDECODABLE, newline="") as f:
        reader = csv.reader(f, delimiter=d, skipinitialspace=True, strict=True)
        for row in reader:
            line = reader.line_num
            if line > after:
                bad = None
                if len(row) != width and shape is not None and (why := shape.misfit(row)) is not None:
                    bad = BadRow(Reason.CELL_COUNT, why, shown(d.join(row)))
                elif check_chars or sum(map(len, row)) > CELL_LIMIT:
                    bad = _cell_problem(row, d.join(row), fmt.encoding_label)
                yield line, (row if bad is None else bad)
            if cancel is not None and line & 0xFFF == 0:
                cancel.check()


def shown(text: str) -> str:
    """A line as a reject shows it: no newline, no control character, no undecodable byte."""
    return _CONTROL.sub("\ufffd", text.rstrip("\r\n"))


def _cell_problem(row: Sequence[str], first: str, encoding: str) -> BadRow | None:
    for col, cell in enumerate(row):
        if len(cell) > CELL_LIMIT:
            return BadRow(Reason.TOO_LONG, f"the cell holds {len(cell):,} characters; a cell holds at most "
                          f"{CELL_LIMIT:,} (as in Excel): shorten it", shown(first)[:200], col)
        m = _CONTROL.search(cell)
        if m is not None:
            return BadRow(*_control_text(m.group(), encoding), shown(first), col)
    return None


def _control_text(ch: str, encoding: str) -> tuple[Reason, str]:
    code = ord(ch)
    if 0xDC00 <= code <= 0xDCFF:
        return Reason.ENCODING, (f"the byte 0x{code - 0xDC00:02X} is not text in {encoding}, the encoding the file "
                                 "is read with: save the file in one encoding (UTF-8), or choose the encoding that "
                                 "reads it (--encoding)")
    if code == 0:
        return Reason.CONTROL, ("a NUL byte (U+0000) is in the cell: the file is damaged or was not saved as text; "
                                "remove it or export the file again")
    what = f"the control character U+{code:04X}"
    if 0x80 <= code <= 0x9F and encoding == "Latin-1":
        return Reason.CONTROL, (f"the byte 0x{code:02X} reads as {what} in Latin-1, the encoding guessed for this "
                                "file: if the file comes from a Mac, import it with --encoding mac_roman; else "
                                "fix the cell (or choose the encoding with --encoding)")
    if 0x80 <= code <= 0x9F:
        return Reason.CONTROL, (f"{what} is in the cell: Windows-1252 text converted to Unicode the wrong way; "
                                "fix the cell, or export the file again as UTF-8")
    return Reason.CONTROL, f"{what} is in the cell (it cannot be sent): remove it"


def iter_csv_column(fmt: FileFormat, column: int, after: int, cancel: Any, shape: RowShape | None
                    ) -> Iterator[tuple[int, str]]:
    """(line, cell) of one column, for rows `iter_csv` would hand over as cells (not a `BadRow`)
    and that have that column. A file without quotes nor control characters is split line by line
    (a quick pass); any other goes through `iter_csv`."""
    if fmt.quotes or fmt.controls:
        for line, cells in iter_csv(fmt, after, cancel, shape):
            if not isinstance(cells, BadRow) and column < len(cells):
                yield line, cells[column]
        return
    assert fmt.encoding is not None and fmt.delimiter is not None
    d = fmt.delimiter
    need = column + 1
    width = shape.width - 1 if shape is not None else -1
    with fmt.path.open("r", encoding=fmt.encoding, errors=UNDECODABLE, newline="") as f:
        for line, text in enumerate(f, 1):
            if line > after:
                if (shape is not None and text.count(d) != width
                        and shape.misfit(text.rstrip("\r\n").split(d)) is not None):
                    continue
                if len(text) > CELL_LIMIT and any(len(c) > CELL_LIMIT for c in text.split(d)):
                    continue
                parts = text.split(d, need)
                if len(parts) >= need:
                    yield line, parts[column]
            if cancel is not None and line & 0xFFF == 0:
                cancel.check()
