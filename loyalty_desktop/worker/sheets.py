"""The spreadsheet check in the worker process: the child reads the export (service_sheets.check_files)
and hands the GUI a `SheetCheck` as JSON, its rejected rows in a file the GUI chose; a file-level
problem (SpreadsheetError) travels as its problem, path and message."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from loyalty_desktop import service_sheets
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service_sheets import FileCheck, SheetCheck, SpreadsheetError
from loyalty_desktop.sources.spreadsheet.read import Problem
from loyalty_desktop.sources.spreadsheet.rejects import RejectLog, RowReject
from loyalty_desktop.sources.spreadsheet.values import Reason
from loyalty_desktop.worker.protocol import SheetJob
from loyalty_desktop.worker.values import from_json, to_json


def run_check(job: SheetJob, cancel: CancelToken) -> dict[str, Any]:
    """What the child reports: {"check": …} or {"problem": …} (a file that cannot be imported)."""
    try:
        check = service_sheets.check_files(job.members, job.ledger, cancel)
    except SpreadsheetError as exc:
        return {"problem": {"problem": exc.problem.value, "path": str(exc.path), "message": exc.message}}
    try:
        check.rejects.dump(Path(job.rejects_file))
        r = check.rejects
        rejects = {"count": r.count, "first": to_json(r.first), "reasons": to_json(dict(r.reasons))}
        return {"check": {"members": to_json(check.members), "ledger": to_json(check.ledger), "rejects": rejects}}
    finally:
        check.close()


def read_result(result: dict[str, Any], rejects_file: Path) -> SheetCheck:
    """The check the child reported (raises its SpreadsheetError, or ValueError for a result that
    is not one); takes `rejects_file` over (deleted when the check is closed)."""
    if "problem" in result:
        p = result["problem"]
        if not isinstance(p, dict) or not all(isinstance(p.get(k), str) for k in ("problem", "path", "message")):
            raise ValueError("not a spreadsheet problem")
        raise SpreadsheetError(Problem(p["problem"]), Path(p["path"]), p["message"])
    c = result.get("check")
    if not isinstance(c, dict) or not isinstance(c.get("rejects"), dict):
        raise ValueError("not a spreadsheet check")
    r = c["rejects"]
    members = from_json(FileCheck, c.get("members"))
    ledger = from_json(FileCheck | None, c.get("ledger"))
    count = from_json(int, r.get("count"))
    first = from_json(list[RowReject], r.get("first"))
    reasons = Counter(from_json(dict[Reason, int], r.get("reasons")))
    rejects = RejectLog.restore(count, first, reasons, rejects_file if rejects_file.exists() else None)
    return SheetCheck(members, ledger, rejects)
