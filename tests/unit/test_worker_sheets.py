"""The spreadsheet check the worker process hands the GUI (worker/sheets.py, worker/values.py):
read back, it is the check the GUI would have made itself, rejected rows included."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.spreadsheet_make import write_csv
from loyalty_desktop import service_sheets
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.service_sheets import SpreadsheetError
from loyalty_desktop.worker import sheets
from loyalty_desktop.worker.protocol import Message, MessageKind, SheetJob, decode_message, encode


def test_a_check_round_trips_through_the_protocol(tmp_path: Path) -> None:
    rows = [["Email", "First name", "Points", "Tier", "Joined"]]
    rows += [[f"m{i}@example.com" if i % 7 else "not an email", f"N{i}", str(i) if i % 11 else "lots", "Gold",
              "03/04/2024"] for i in range(300)]
    members = write_csv(tmp_path / "members.csv", rows, delimiter=";")
    job = SheetJob(str(members), str(tmp_path / "rejects.csv"))
    line = encode(Message(MessageKind.RESULT, result=sheets.run_check(job, CancelToken())))
    msg = decode_message(line)
    assert msg is not None and msg.result is not None
    got = sheets.read_result(msg.result, Path(job.rejects_file))
    want = service_sheets.check_files(members)
    try:
        assert got.members == want.members and got.ledger is None
        assert got.members.sheet.questions == want.members.sheet.questions  # e.g. the date order is open
        assert (got.rejected, got.rejects.first, got.rejects.reasons) == (want.rejected, want.rejects.first,
                                                                         want.rejects.reasons)
        assert list(got.rejects) == list(want.rejects) and got.rejected > 0
        assert got.export_rejects(tmp_path / "export.csv") == want.rejected
    finally:
        got.close()
        want.close()
    assert not Path(job.rejects_file).exists()  # the check took the file over and removed it


def test_a_file_problem_comes_back_as_the_same_error(tmp_path: Path) -> None:
    job = SheetJob(str(tmp_path / "missing.csv"), str(tmp_path / "rejects.csv"))
    msg = decode_message(encode(Message(MessageKind.RESULT, result=sheets.run_check(job, CancelToken()))))
    assert msg is not None and msg.result is not None
    with pytest.raises(SpreadsheetError) as got:
        sheets.read_result(msg.result, Path(job.rejects_file))
    with pytest.raises(SpreadsheetError) as want:
        service_sheets.check_files(job.members)
    assert (got.value.problem, got.value.path, got.value.message) == (want.value.problem, want.value.path,
                                                                       want.value.message)


@pytest.mark.parametrize("result", [{}, {"check": 1}, {"check": {"rejects": {}}}, {"problem": {"problem": "x"}},
                                    {"check": {"members": {"sheet": {}}, "rejects": {"count": 0}}}])
def test_a_result_of_the_wrong_shape_is_refused(result: dict[str, object], tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        sheets.read_result(result, tmp_path / "none.csv")
