"""Spreadsheet files at the byte level: what a file is, how its text is encoded, how its rows stream.

`detect(path)` looks at a file once (one streaming pass: content digest and, for text, which
encoding decodes all of it) and says what it is: a CSV (encoding, delimiter) or an Excel `.xlsx`
workbook (its sheets). Everything else raises a `SpreadsheetError` naming the file and what to do:
empty, password-protected workbook, old `.xls`, OpenDocument, PDF, image, not tabular text…

`iter_rows(fmt, sheet)` streams `(line, cells)`: for a CSV, cells are strings (or a `BadRow` when
the record is malformed: `spreadsheet_csv`) and `line` is the physical line where the record starts
(what a text editor shows); for a workbook, cells are the
values openpyxl reads in read-only mode with formulas already evaluated (`data_only`), and `line`
is the Excel row number. Memory stays flat whatever the file's size.
"""

from __future__ import annotations

import csv
import enum
import hashlib
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loyalty_desktop.core.errors import CancelledError, ConfigError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.sources.spreadsheet import encoding as enc
from loyalty_desktop.sources.spreadsheet.csvfile import (
    RowShape,
    iter_csv,
    iter_csv_column,
)

CHUNK = 1 << 20
SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": tr("comma"), ";": tr("semicolon"), "\t": tr("tab"), "|": tr("vertical bar")}

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
_ZIP_MAGIC = b"PK\x03\x04"
# Control bytes (not tab, CR, LF): a text export holds a stray one at most; a binary file many.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BINARY_MAGICS = {
    b"%PDF": tr("a PDF document"),
    b"\x89PNG": tr("a PNG image"),
    b"\xff\xd8\xff": tr("a JPEG image"),
    b"GIF8": tr("a GIF image"),
    b"\x1f\x8b": tr("a gzip archive"),
    b"Rar!": tr("a RAR archive"),
    b"7z\xbc\xaf": tr("a 7-Zip archive"),
    b"SQLite format 3": tr("a SQLite database"),
}


EMPTY = tr("{file} is empty: export it again from your loyalty program (nothing was imported).")


class Problem(str, enum.Enum):
    """Why a whole file cannot be imported (the UI translates by this key)."""

    NOT_FOUND = "not_found"
    EMPTY = "empty"
    NO_ROWS = "no_rows"
    NO_HEADER = "no_header"
    NO_EMAIL_COLUMN = "no_email_column"
    MISSING_COLUMN = "missing_column"
    NOT_SPREADSHEET = "not_spreadsheet"
    PASSWORD_PROTECTED = "password_protected"
    OLD_EXCEL = "old_excel"
    OPENDOCUMENT = "opendocument"
    UNREADABLE = "unreadable"
    WRONG_KIND = "wrong_kind"
    NO_VALID_ROWS = "no_valid_rows"
    MIXED_ENCODING = "mixed_encoding"
    UNKNOWN_ENCODING = "unknown_encoding"


class SpreadsheetError(ConfigError):
    """A file-level problem: one clear message naming the file; nothing was imported."""

    def __init__(self, problem: Problem, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.path = Path(path)


@dataclass(frozen=True, slots=True)
class FileFormat:
    path: Path
    type: str  # "csv" | "xlsx"
    digest: str  # of the file's bytes
    size: int
    encoding: str | None = None  # Python codec for a CSV
    encoding_label: str = ""  # as shown to the user
    delimiter: str | None = None
    sheets: tuple[str, ...] = ()
    quotes: bool = True  # a CSV holding a `"` somewhere (without any, a record is one line)
    controls: bool = False  # a CSV whose rows must be checked for control characters / undecodable bytes

    @property
    def label(self) -> str:
        if self.type == "xlsx":
            return tr("Excel workbook (.xlsx)")
        assert self.delimiter is not None
        return tr("CSV, {encoding}, {delimiter}-separated").format(encoding=self.encoding_label,
                                                                   delimiter=DELIMITER_NAMES[self.delimiter])


def detect(path: Path | str, encoding: str | None = None) -> FileFormat:
    """What this file is, or a SpreadsheetError saying why it cannot be imported. `encoding` (a
    CSV's, as the user chose it) replaces the detection."""
    p = Path(path)
    if not p.is_file():
        raise SpreadsheetError(Problem.NOT_FOUND, p, tr("{path} does not exist or is not a file: check the path of "
                                                        "the export.").format(path=p))
    size = p.stat().st_size
    with p.open("rb") as f:
        head = f.read(SAMPLE_BYTES)
    if not head.strip(b" \t\r\n\xef\xbb\xbf\x00\xff\xfe"):
        raise SpreadsheetError(Problem.EMPTY, p, EMPTY.format(file=p.name))
    if head.startswith(_CFB_MAGIC):
        raise _compound_file_error(p)
    if head.startswith(_ZIP_MAGIC):
        return _detect_zip(p, size)
    for magic, what in _BINARY_MAGICS.items():
        if head.startswith(magic):
            raise _not_spreadsheet(p, what)
    return _detect_text(p, head, size, encoding)


def _not_spreadsheet(p: Path, what: str) -> SpreadsheetError:
    return SpreadsheetError(Problem.NOT_SPREADSHEET, p, tr(
        "{file} is {what}, not a spreadsheet: export the loyalty data as CSV or Excel (.xlsx) and choose that file "
        "(nothing was imported).").format(file=p.name, what=what))


def _compound_file_error(p: Path) -> SpreadsheetError:
    # An encrypted .xlsx is an OLE compound file holding "EncryptionInfo" and "EncryptedPackage"
    # streams; an old .xls holds a "Workbook" (or "Book") stream. Directory names are UTF-16.
    data = p.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return SpreadsheetError(Problem.PASSWORD_PROTECTED, p, tr(
            "{file} is protected by a password: open it in Excel, remove the password (File → Info → Protect "
            "Workbook → Encrypt with Password, then clear it), save, and import it again (nothing was imported)."
        ).format(file=p.name))
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return SpreadsheetError(Problem.OLD_EXCEL, p, tr(
            "{file} is an old Excel 97–2003 workbook (.xls): open it in Excel and save it as .xlsx or CSV, then "
            "import that file (nothing was imported).").format(file=p.name))
    return _not_spreadsheet(p, tr("an Office document"))


def _detect_zip(p: Path, size: int) -> FileFormat:
    try:
        with zipfile.ZipFile(p) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError) as exc:
        raise SpreadsheetError(Problem.UNREADABLE, p, tr(
            "{file} looks like an Excel file but is damaged ({detail}): export it again (nothing was imported)."
        ).format(file=p.name, detail=_plain(exc))) from None
    if "opendocument.spreadsheet" in mimetype:
        raise SpreadsheetError(Problem.OPENDOCUMENT, p, tr(
            "{file} is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV, then import that file (nothing "
            "was imported).").format(file=p.name))
    if "xl/workbook.xml" not in names:
        what = tr("a Word document") if "word/document.xml" in names else (
            tr("a PowerPoint presentation") if "ppt/presentation.xml" in names else tr("a ZIP archive"))
        raise _not_spreadsheet(p, what)
    sheets = _xlsx_sheet_names(p)
    if not sheets:
        raise SpreadsheetError(Problem.UNREADABLE, p, tr(
            "{file} holds no worksheet that can be read (the workbook is damaged): open it in Excel, save it again "
            "as .xlsx or CSV, and import that file (nothing was imported).").format(file=p.name))
    return FileFormat(p, "xlsx", _digest(p), size, sheets=sheets)


def _open_workbook(p: Path) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    # Opened here, not by openpyxl: a workbook that fails to load would leave openpyxl's file open.
    f = p.open("rb")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles/extensions it drops: irrelevant here
            wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
        wb._loyalty_file = f  # type: ignore[attr-defined]  # ours: closed with the workbook (`_close_workbook`)
        return wb
    except (InvalidFileException, Exception) as exc:  # noqa: BLE001 - a damaged workbook fails in many ways
        f.close()
        raise SpreadsheetError(Problem.UNREADABLE, p, tr(
            "{file} could not be read as an Excel workbook ({detail}): open it in Excel, save it again as .xlsx or "
            "CSV, and import that file (nothing was imported).").format(file=p.name, detail=_plain(exc))) from None


def _plain(exc: BaseException) -> str:
    """What went wrong, in one short printable line (never the file's bytes)."""
    text = str(exc) or type(exc).__name__
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 120 else text[:117] + "…"


def _close_workbook(wb: Any) -> None:
    try:
        wb.close()
    finally:
        wb._loyalty_file.close()


def _xlsx_sheet_names(p: Path) -> tuple[str, ...]:
    wb = _open_workbook(p)
    try:
        return tuple(ws.title for ws in wb.worksheets)
    finally:
        _close_workbook(wb)


def _digest(p: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with p.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _detect_text(p: Path, head: bytes, size: int, chosen: str | None = None) -> FileFormat:
    encoding = enc.bom_encoding(head)
    if encoding is None and b"\x00" in head:
        # Excel's "Unicode text" export is UTF-16 (normally with a BOM); many NULs otherwise mean binary.
        if head[1::2].count(0) > len(head) // 4:
            encoding = "utf-16-le"
        elif head[0::2].count(0) > len(head) // 4:
            encoding = "utf-16-be"
    if encoding is None and len(_BINARY_BYTES.findall(head)) > max(2, len(head) // 100):
        raise _not_spreadsheet(p, tr("a binary file"))
    s = enc.scan(p)
    # Rows are checked one by one when the text may hold control characters or bytes its encoding
    # cannot decode: UTF-16 (checked after decoding) or a BOM-named UTF-8 that does not decode.
    controls = s.controls or (encoding or "").startswith("utf-16") or (encoding == "utf-8-sig" and not s.utf8_ok)
    if chosen:
        if not enc.known(chosen):
            raise SpreadsheetError(Problem.UNKNOWN_ENCODING, p, tr(
                "{encoding} is not an encoding this program knows: give one such as utf-8, cp1252 (Windows), "
                "mac_roman or utf-16 (nothing was imported).").format(encoding=repr(chosen)))
        encoding, controls = chosen, True  # bytes it cannot decode are rejected row by row
    elif encoding is None:
        if s.utf8_ok:
            encoding = "utf-8"
        elif s.utf8_sequences:
            raise _mixed_error(p)
        else:
            encoding = enc.code_page(s)
            controls = controls or encoding == "latin-1"  # its bytes 80-9F are control characters
    sample = head.decode(encoding, errors="ignore")
    if encoding.replace("_", "-").lower().startswith("utf-8"):
        sample = sample.removeprefix("\ufeff")
    if len(head) == SAMPLE_BYTES and "\n" in sample:
        sample = sample[:sample.rfind("\n")]  # never sniff a cut last line
    if not sample.strip(" \t\r\n;,|\"'\ufeff"):
        raise SpreadsheetError(Problem.EMPTY, p, EMPTY.format(file=p.name))
    first = sample.lstrip()[:1]
    if first in ("<", "{", "["):
        raise _not_spreadsheet(p, tr("a web page or data file (HTML, XML or JSON)"))
    # Excel honours (and some exports write) a first line "sep=;" naming the delimiter.
    first_line = sample.lstrip("\ufeff").split("\n", 1)[0].strip()
    if len(first_line) == 5 and first_line.lower().startswith("sep="):
        delimiter = first_line[4]
    else:
        delimiter = sniff_delimiter(sample)
    return FileFormat(p, "csv", s.digest, size, encoding, enc.label(encoding), delimiter, quotes=s.quotes,
                      controls=controls)


def _mixed_error(p: Path) -> SpreadsheetError:
    m = enc.find_mixed(p)
    return SpreadsheetError(Problem.MIXED_ENCODING, p, tr(
        "{file} mixes two text encodings: line {utf8_line} (character {utf8_char}) is UTF-8 but line {other_line} "
        "(character {other_char}) is not, so one part would be sent garbled (“Ã©” instead of “é”). Save the whole "
        "file in one encoding (UTF-8) and import it again, or choose the encoding to read it with: --encoding "
        "utf-8 (the lines that are not UTF-8 are rejected) or --encoding cp1252 (Windows; the UTF-8 lines' accents "
        "come out wrong) (nothing was imported).").format(
        file=p.name, utf8_line=m.utf8_at[0], utf8_char=m.utf8_at[1], other_line=m.other_at[0],
        other_char=tr("{character}, byte 0x{hex}").format(character=m.other_at[1], hex=m.other_bytes.hex().upper())
        if m.other_bytes else m.other_at[1]))


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the sample's lines into the most consistent number of columns (> 1).

    Trailing empty columns are not counted, so `a;b;;` and `a;b` agree. A file with a single
    column gets ",". Lines are split one by one (a multi-line cell counts as cut short).
    """
    lines = [ln for ln in sample.splitlines() if ln.strip()][:50]
    best: tuple[float, int, int] = (0.0, 0, 0)
    choice = ","
    for rank, d in enumerate(DELIMITERS):
        counts = []
        # Each line on its own: a quote opened and never closed must not swallow the lines below.
        for row in (next(csv.reader([ln], delimiter=d, skipinitialspace=True), []) for ln in lines):
            while row and not row[-1].strip():
                row.pop()
            counts.append(len(row))
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        share = counts.count(mode) / len(counts)
        score = (share, mode, -rank)
        if score > best:
            best, choice = score, d
    return choice


def iter_rows(fmt: FileFormat, sheet: str | None = None, after: int = 0, cancel: Any = None,
              shape: RowShape | None = None) -> Iterator[tuple[int, Sequence[Any]]]:
    """(line, cells) for every row of the file or sheet below line `after`, blank ones included;
    for a CSV, a malformed record comes as a `BadRow` (checked against `shape` once the header is
    known). `cancel` (a CancelToken) is checked every few thousand rows."""
    if fmt.type == "xlsx":
        return _iter_xlsx(fmt.path, sheet or fmt.sheets[0], after, cancel)
    return iter_csv(fmt, after, cancel, shape)  # type: ignore[return-value]


def iter_column(fmt: FileFormat, sheet: str | None, column: int, after: int = 0, cancel: Any = None,
                shape: RowShape | None = None) -> Iterator[tuple[int, Any]]:
    """(line, cell) of one column below line `after`, for the rows `iter_rows` hands over as cells;
    rows too short for it are left out."""
    if fmt.type == "csv":
        yield from iter_csv_column(fmt, column, after, cancel, shape)
        return
    for line, cells in iter_rows(fmt, sheet, after, cancel):
        if column < len(cells):
            yield line, cells[column]


def _iter_xlsx(path: Path, sheet: str, after: int = 0, cancel: Any = None, batch: int = 2000
               ) -> Iterator[tuple[int, Sequence[Any]]]:
    wb = _open_workbook(path)
    rows: Any = None
    try:
        ws = wb[sheet]
        ws.reset_dimensions()  # some writers store a wrong sheet size; read the rows as they are
        rows = ws.iter_rows(values_only=True)
        line = 0
        while True:
            # openpyxl may warn about features it skips; silence that per batch, not per row.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                chunk = []
                for row in rows:
                    chunk.append(row)
                    if len(chunk) >= batch:
                        break
            for row in chunk:
                line += 1
                if line > after:
                    yield line, row
            if cancel is not None:
                cancel.check()
            if len(chunk) < batch:
                return
    except CancelledError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet fails in many ways (zip, XML, values)
        raise SpreadsheetError(Problem.UNREADABLE, path, tr(
            "{file} could not be read ({detail}): open it in Excel, save it again as .xlsx or CSV and retry (nothing "
            "was imported).").format(file=path.name, detail=_plain(exc))) from None
    finally:
        if rows is not None:
            rows.close()  # the sheet's reader, before its archive
        _close_workbook(wb)
