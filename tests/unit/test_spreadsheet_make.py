"""The spreadsheet builders of helpers/spreadsheet_make.py make what they claim."""

from __future__ import annotations

import struct
from datetime import date, datetime
from pathlib import Path

import openpyxl

from helpers.spreadsheet_make import (
    _END,
    _FATSECT,
    Formula,
    write_encrypted_xlsx,
    write_xlsx,
)


def test_xlsx_builder_saves_formula_results_and_typed_cells(tmp_path: Path) -> None:
    p = write_xlsx(tmp_path / "f.xlsx", {"Membres": [["Email", "Points", "Double", "Né le"],
                                                     ["a@b.fr", 10, Formula("B2*2", 20), date(1990, 5, 17)],
                                                     ["c@d.fr", 5, Formula('IF(B3>1,"oui","non")', "oui"), None]]})
    wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    rows = list(wb["Membres"].iter_rows(values_only=True))
    wb.close()
    assert rows[1] == ("a@b.fr", 10, 20, datetime(1990, 5, 17))
    assert rows[2][:3] == ("c@d.fr", 5, "oui")


def test_compound_file_builder_is_well_formed(tmp_path: Path) -> None:
    p = write_encrypted_xlsx(tmp_path / "locked.xlsx")
    raw = p.read_bytes()
    assert raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and len(raw) % 512 == 0
    # The FAT (sector 0) marks itself, the directory and two chained streams.
    fat = struct.unpack("<128I", raw[512:1024])
    assert fat[0] == _FATSECT and fat[1] == _END
    names = [raw[1024 + i * 128:1024 + i * 128 + 64].decode("utf-16-le").rstrip("\0") for i in range(3)]
    assert names == ["Root Entry", "EncryptionInfo", "EncryptedPackage"]
    start, size = struct.unpack("<IQ", raw[1024 + 2 * 128 + 116:1024 + 2 * 128 + 128])
    assert size == 9008 and fat[start] == start + 1
