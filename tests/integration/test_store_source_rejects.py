"""Rows a source could not use are recorded with the sync run, beside what the destination refused:
spreadsheet rows (invalid email, duplicate email with both lines, bad points, unknown date, a
ledger row for nobody) and Smile.io customers (no email, invalid email, shared email)."""

from __future__ import annotations

import io
from pathlib import Path

from helpers.smile_helpers import fast_sandbox, new_program, source
from helpers.spreadsheet_make import write_csv, write_xlsx
from helpers.sync_helpers import destination
from loyalty_desktop import service
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE
from loyalty_desktop.core.source_rejects import SourceReject
from loyalty_desktop.sources.spreadsheet.questions import Choices
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_desktop.store.rejects import write_rejected_csv
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus
from loyalty_emulators.klaviyo.server import KlaviyoSandbox


def test_store_keeps_both_kinds_apart(store: Store) -> None:
    run = store.start_run("klaviyo:1", "csv:x")
    stored = store.add_source_rejects(run, "csv:x", [
        SourceReject("member", "bob@", "Courriel", "invalid email", "bob@", "membres.csv", 4),
        SourceReject("ledger", "zoe@x.fr", "Email", "email not in the members file", "zoe@x.fr", "h.xlsx", 7)])
    assert stored == 2
    store.queue_profiles("klaviyo:1", [("a@x.fr", "{}", "fp")])
    [row] = store.pending("klaviyo:1", "profile", 10)
    store.settle("klaviyo:1", run, [], [(row, "phone_number", "Invalid phone number")])
    rows = store.rejected_rows(run)
    assert [(r.origin, r.dest, r.kind, r.key, r.field, r.reason, r.file, r.line, r.value) for r in rows] == [
        ("source", "csv:x", "member", "bob@", "Courriel", "invalid email", "membres.csv", 4, "bob@"),
        ("source", "csv:x", "ledger", "zoe@x.fr", "Email", "email not in the members file", "h.xlsx", 7, "zoe@x.fr"),
        ("destination", "klaviyo:1", "profile", "a@x.fr", "phone_number", "Invalid phone number", "", None, "")]
    assert [r.key for r in store.rejected_rows(run, origin="destination")] == ["a@x.fr"]
    assert [r.from_source for r in rows] == [True, True, False]
    # The destination's own retry logic only ever sees its rows.
    assert [(r.key, why) for r, why in store.rejected_profiles("klaviyo:1")] == [("a@x.fr", "Invalid phone number")]
    out = io.StringIO()
    assert write_rejected_csv(rows, out) == 3
    assert out.getvalue().splitlines() == [
        "origin,kind,key,field,reason,file,line,value", "source,member,bob@,Courriel,invalid email,membres.csv,4,bob@",
        "source,ledger,zoe@x.fr,Email,email not in the members file,h.xlsx,7,zoe@x.fr",
        "destination,profile,a@x.fr,phone_number,Invalid phone number,,,"]


def test_store_keeps_at_most_the_limit(store: Store) -> None:
    from loyalty_desktop.store import rejects as store_rejects

    run = store.start_run("d", "s")
    rows = (SourceReject("member", f"m{i}@x", "Email", "invalid email", f"m{i}@x", "f.csv", i + 2) for i in range(50))
    assert store_rejects.add_source_rejects(store.db, run, "s", rows, limit=20) == 20
    assert len(store.rejected_rows(run)) == 20
    assert next(rows).line == 22  # the rest is left to the caller (the engine counts it)


def test_spreadsheet_rejects_are_recorded_with_the_run(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    members = write_csv(tmp_path / "membres.csv", [
        ["Courriel", "Solde de points", "Date de naissance"],
        ["alice@x.fr", "10", "15/03/1985"],  # line 2: superseded by line 6
        ["bob@", "10", ""],  # 3: invalid email
        ["carl@x.fr", "beaucoup", ""],  # 4: not a number
        ["dan@x.fr", "5", "31/02/1990"],  # 5: unknown date
        ["alice@x.fr", "20", "15/03/1985"],  # 6: used
        ["eve@x.fr", "-3", ""],  # 7: negative
        ["fay@x.fr", "7", ""],
    ], delimiter=";")
    ledger = write_xlsx(tmp_path / "historique.xlsx", {"Ledger": [
        ["Email", "Date", "Points", "Reason"],
        ["alice@x.fr", "01/10/2026", 20, "Order"],
        ["zoe@x.fr", "02/10/2026", 5, "Order"],  # row 3: not a member
        ["fay@x.fr", "someday", 7, "Order"],  # row 4: unknown date
    ]})
    src = SpreadsheetSource.open(members, ledger, choices=Choices(date_order="dmy"))  # the ledger's days are ≤ 12
    with destination(sandbox) as dest:
        summary = service.sync(store, src, src.store_name, dest, KLAVIYO_LOYALTY, poll_interval=0.02)
    src.close()
    assert summary.status is RunStatus.COMPLETED and (summary.profiles_sent, summary.rejected) == (2, 0)
    assert summary.source_rejected == 7
    assert "7 row(s) of the source could not be used; they are listed with this run's rejected rows." in summary.notes
    rows = store.rejected_rows(summary.run_id)
    assert all(r.origin == "source" and r.dest == src.store_name for r in rows)
    assert sorted((r.kind, r.file, r.line, r.field, r.key, r.value, r.reason) for r in rows) == [
        ("ledger", "historique.xlsx", 3, "Email", "zoe@x.fr", "zoe@x.fr", "email not in the members file"),
        ("ledger", "historique.xlsx", 4, "Date", "fay@x.fr", "someday",
         "unknown date (expected day/month/year or year-month-day)"),
        ("member", "membres.csv", 2, "Courriel", "alice@x.fr", "alice@x.fr",
         "duplicate email (also on line 6; line 6 is used)"),
        ("member", "membres.csv", 3, "Courriel", "bob@", "bob@", "invalid email"),
        ("member", "membres.csv", 4, "Solde de points", "carl@x.fr", "beaucoup", "not a number"),
        ("member", "membres.csv", 5, "Date de naissance", "dan@x.fr", "31/02/1990",
         "unknown date (expected day/month/year or year-month-day)"),
        ("member", "membres.csv", 7, "Solde de points", "eve@x.fr", "-3", "negative number")]
    assert store.runs(1)[0].counts["source_rejected"] == 7


def test_smile_customers_left_out_are_recorded_with_the_run(store: Store, sandbox: KlaviyoSandbox,
                                                            tmp_path: Path) -> None:
    program = new_program(tmp_path / "program.sqlite3", 120)
    smile = fast_sandbox(program)
    try:
        with source(smile) as src, destination(sandbox) as dest:
            summary = service.sync(store, src, "smile:test", dest, KLAVIYO_SMILE, poll_interval=0.02)
            report = src.report
        assert summary.status is RunStatus.COMPLETED, summary.error
        assert report is not None and report.skipped_no_email >= 2 and report.skipped_invalid_email >= 1
        rows = store.rejected_rows(summary.run_id)
        expected = len(report.skipped) + sum(len(others) for _, _, others in report.duplicates)
        assert summary.source_rejected == len(rows) == expected
        assert {(r.origin, r.kind, r.field, r.file) for r in rows} == {("source", "customer", "email", "Smile.io")}
        reasons = {r.reason.split(" (")[0] for r in rows}
        assert {"no email", "invalid email"} <= reasons
        for email, kept, others in report.duplicates:
            assert sorted(r.value for r in rows if r.key == email) == sorted(f"Smile customer {o}" for o in others)
            assert all(r.reason == f"duplicate email (Smile customer {kept} is used)" for r in rows if r.key == email)
        assert {r.key for r in rows if r.reason == "no email"} == {
            f"Smile customer {s.customer_id}" for s in report.skipped if s.reason == "no email"}
    finally:
        smile.stop()
        program.close()


def test_sources_without_rejects_record_none(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    program = new_program(tmp_path / "program.sqlite3", 30)
    try:
        with destination(sandbox) as dest:
            summary = service.sync(store, program, "demo", dest, KLAVIYO_LOYALTY, poll_interval=0.02)
    finally:
        program.close()
    assert summary.source_rejected == 0 and store.rejected_rows(summary.run_id) == []
    assert not any("could not be used" in n for n in summary.notes)


def test_a_failed_destination_keeps_the_source_rejects(store: Store, tmp_path: Path) -> None:
    """Rejects are recorded as soon as the source was read: a run that fails later still has them."""
    members = write_csv(tmp_path / "m.csv", [["Email", "Points"], ["a@x.fr", "1"], ["nope", "2"]])
    src = SpreadsheetSource.open(members)
    with KlaviyoSandbox(job_seconds=0.05) as sb, destination(sb) as dest:
        sb.stop()  # the platform goes away after the key check
        summary = service.sync(store, src, src.store_name, dest, KLAVIYO_LOYALTY, poll_interval=0.02)
    src.close()
    assert summary.status is RunStatus.FAILED
    assert [(r.line, r.reason) for r in store.rejected_rows(summary.run_id)] == [(3, "invalid email")]
