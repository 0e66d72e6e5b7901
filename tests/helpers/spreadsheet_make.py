"""Builders for the spreadsheet files the import tests generate (CSV in every encoding and
delimiter, .xlsx with evaluated formulas, password-protected workbooks, old .xls, .ods…). Checked by
unit/test_spreadsheet_make.py."""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl

Rows = Sequence[Sequence[Any]]


def write_csv(path: Path, rows: Rows, *, encoding: str = "utf-8", delimiter: str = ",",
              newline: str = "\r\n", quote_all: bool = False) -> Path:
    """A CSV as a spreadsheet program writes it (`encoding` "utf-8-sig" for a BOM)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline,
                   quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


@dataclass(frozen=True)
class Formula:
    """A formula cell with the value Excel computed and saved with it."""

    text: str  # without the leading "="
    cached: Any


def write_xlsx(path: Path, sheets: dict[str, Rows], *, date_format: str = "DD/MM/YYYY") -> Path:
    """A workbook whose cells keep their types (numbers, dates, text), with formula cells saved
    with their computed values as Excel does (openpyxl alone writes formulas without them)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]  # a new workbook's one worksheet
    formulas: dict[str, dict[str, Any]] = {}
    for si, (name, rows) in enumerate(sheets.items()):
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, v in enumerate(row, 1):
                if v is None:
                    continue
                cell = ws.cell(r, c)
                if isinstance(v, Formula):
                    cell.value = "=" + v.text
                    formulas.setdefault(f"xl/worksheets/sheet{si + 1}.xml", {})[cell.coordinate] = v.cached
                else:
                    if isinstance(v, datetime) and v.tzinfo is not None:
                        v = v.astimezone(UTC).replace(tzinfo=None)  # Excel has no time zones
                    cell.value = v
                    if isinstance(v, (date, datetime)):
                        cell.number_format = date_format if type(v) is date else date_format + " hh:mm"
    wb.save(path)
    if formulas:
        _add_cached_values(path, formulas)
    return path


def _add_cached_values(path: Path, formulas: dict[str, dict[str, Any]]) -> None:
    src = zipfile.ZipFile(path)
    items = [(i, src.read(i)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            cells = formulas.get(info.filename)
            if cells:
                xml = data.decode()
                for ref, value in cells.items():
                    pat = re.compile(rf'<c r="{ref}"( [^>]*)?><f>(.*?)</f><v ?/></c>')
                    kind = ' t="str"' if isinstance(value, str) else ""
                    cached = escape(str(value))
                    xml, n = pat.subn(lambda m, ref=ref, kind=kind, cached=cached:  # type: ignore[misc]
                                      f'<c r="{ref}"{kind}><f>{m[2]}</f><v>{cached}</v></c>', xml)
                    assert n == 1, (ref, xml)
                data = xml.encode()
            z.writestr(info, data)


# -- OLE compound files (encrypted .xlsx, old .xls) -----------------------------------------------

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def write_compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal, well-formed OLE compound file (version 3, 512-byte sectors) holding `streams`
    (each padded to ≥ 4096 bytes so none goes to the mini stream). This is the container Excel
    writes for a password-protected workbook ("EncryptionInfo" + "EncryptedPackage") and for an
    old .xls ("Workbook")."""
    assert len(streams) <= 3
    sec = 512
    data = [s.ljust(4096, b"\0") for s in streams.values()]
    nsec = [-(-len(d) // sec) for d in data]
    fat: list[int] = [_FATSECT, _END]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for n in nsec:
        start = len(fat)
        starts.append(start)
        fat.extend(range(start + 1, start + n))
        fat.append(_END)
    assert len(fat) <= sec // 4
    fat.extend([_FREE] * (sec // 4 - len(fat)))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", _NOSTREAM, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    names = list(streams)
    # Siblings in a chain to the right, sorted by (length, upper-case name) as the format asks.
    order = sorted(range(len(names)), key=lambda i: (len(names[i]), names[i].upper()))
    right = {order[k]: order[k + 1] + 1 for k in range(len(order) - 1)}
    dir_entries = entry("Root Entry", 5, order[0] + 1, _NOSTREAM, _END, 0)
    for i, name in enumerate(names):
        dir_entries += entry(name, 2, _NOSTREAM, right.get(i, _NOSTREAM), starts[i], len(streams[name]))
    dir_entries = dir_entries.ljust(sec, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              # directory sectors, FAT sectors, first directory sector, transaction, mini cutoff,
              # first mini FAT sector, mini FAT sectors, first DIFAT sector, DIFAT sectors
              + struct.pack("<9I", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", 0, *([_FREE] * 108)))  # DIFAT: the FAT is sector 0
    assert len(header) == 512, len(header)
    body = struct.pack(f"<{sec // 4}I", *fat) + dir_entries
    for d, n in zip(data, nsec, strict=True):
        body += d.ljust(n * sec, b"\0")
    path.write_bytes(header + body)
    return path


def write_encrypted_xlsx(path: Path) -> Path:
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
    return write_compound_file(path, {"EncryptionInfo": info,
                                      "EncryptedPackage": struct.pack("<Q", 9000) + b"\x9c" * 9000})


def write_old_xls(path: Path) -> Path:
    return write_compound_file(path, {"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\0" * 100})


def write_ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    return path


def write_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path
