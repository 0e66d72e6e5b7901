"""Send only what is true (issue 12), end to end over real HTTP to the Klaviyo sandbox:

- a new or changed source after a first sync sends profiles, not live events for the whole base;
- a ledger re-exported with other labels sends no second event (also after an upgrade from the
  label-based ids: the store migration re-keys them);
- more live events than the threshold: the sync stops with the figures by metric, and sends them
  once confirmed (service and CLI);
- after a cancel and a resume, members = sent + unchanged + rejected."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from test_spreadsheet_sync import day, ledger_file, sent, small_members  # type: ignore[import-not-found]
from test_spreadsheet_sync import sync as sheet_sync

from helpers.cli import cli
from helpers.sync_helpers import (
    RejectedEmails,
    destination,
    new_program,
    run_sync,
)
from loyalty_desktop import service
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE
from loyalty_desktop.core.ledger_ids import derived_id
from loyalty_desktop.sources.demo.program import DemoProgram
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import Phase, Progress, RunStatus, RunSummary
from loyalty_emulators.klaviyo.server import KlaviyoSandbox


def sync_as(store: Store, program: DemoProgram, name: str, sb: KlaviyoSandbox, **kw: object) -> RunSummary:
    with destination(sb) as dest:
        s = service.sync(store, program, name, dest, KLAVIYO_LOYALTY, poll_interval=0.02, **kw)  # type: ignore[arg-type]
    assert s.status in (RunStatus.COMPLETED, RunStatus.NEEDS_CONFIRMATION), s.error
    return s


def adds_up(s: RunSummary) -> bool:
    return s.members == s.profiles_sent + s.unchanged + s.members_rejected + s.members_not_sent


# -- a new or changed source --------------------------------------------------------------------------

@pytest.mark.parametrize("same_name", [False, True], ids=["another-program", "same-name-member-jump"])
def test_growing_the_demo_after_a_first_sync_sends_no_live_events(tmp_path: Path, store: Store,
                                                                   sandbox: KlaviyoSandbox, same_name: bool) -> None:
    with new_program(tmp_path / "p500.sqlite3", 500) as small:
        first = sync_as(store, small, "demo" if same_name else "demo:500:7", sandbox)
    assert first.first_sync and sandbox.events() == []
    # The reported bug: 500 → 2,000 members sent 1,794 live "VIP Tier Achieved".
    with new_program(tmp_path / "p2000.sqlite3", 2000) as big:
        grown = sync_as(store, big, "demo" if same_name else "demo:2000:7", sandbox)
        assert grown.status is RunStatus.COMPLETED
        assert grown.baseline == ("members_jump" if same_name else "new_source")
        assert grown.events_sent == 0 and sandbox.events() == []
        assert grown.profiles_sent > 0 and len({p.email for p in sandbox.profiles()}) >= 2000
        assert any("profiles only" in n for n in grown.notes)
        assert adds_up(grown)
        # From then on, what happens is sent: a day of activity. A tier event for a member who was
        # there before is a real upgrade during the day (never the tier they had when they arrived).
        tier_of = "SELECT email, tier FROM members"
        before = dict(big.conn.execute(tier_of).fetchall())
        big.tick(1)
        after = dict(big.conn.execute(tier_of).fetchall())
        day1 = sync_as(store, big, "demo" if same_name else "demo:2000:7", sandbox)
    assert day1.baseline is None and 0 < day1.events_sent < 200
    tiers = [e.email for e in sandbox.events() if e.metric_name == "VIP Tier Achieved"]
    assert all(after[e] != before[e] for e in tiers if e in before)
    assert not any(e.backfill for e in sandbox.events())
    assert len(sandbox.events()) == day1.events_sent


def test_cli_new_demo_size_then_threshold_stops_then_yes_sends(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        def sync(members: str, *extra: str):
            return cli(data, "sync", "--source", "demo", "--members", members, "--to", "klaviyo",
                       "--base-url", sb.base_url or "", *extra)

        assert sync("500").returncode == 0
        grown = sync("2000")
        assert grown.returncode == 0, grown.stderr
        assert "another source" in grown.stdout and "Events sent: 0" in grown.stdout
        assert sb.events() == []

        # A month passes in the 2,000-member program: more live events than the threshold.
        assert cli(data, "demo", "tick", "30", "--members", "2000").returncode == 0
        writes = sb.count_requests(write_only=True)
        stopped = sync("2000")
        assert stopped.returncode == 3, stopped.stderr
        assert "stopped before sending anything" in stopped.stdout and "--yes" in stopped.stdout
        figures = {m: int(n.replace(",", "")) for m, n in re.findall(r"^  ([A-Z][A-Za-z ]+): ([\d,]+)$",
                                                                      stopped.stdout, re.MULTILINE)}
        assert {"Points Earned", "VIP Tier Achieved"} <= set(figures) and sum(figures.values()) > 500
        assert sb.count_requests(write_only=True) == writes and sb.events() == []  # nothing sent
        assert "needs_confirmation" in cli(data, "runs").stdout

        confirmed = sync("2000", "--yes")
        assert confirmed.returncode == 0, confirmed.stderr
        live = Counter(e.metric_name for e in sb.events() if not e.backfill)
        assert dict(live) == figures  # exactly what was announced, by metric
        m = re.search(r"Members: ([\d,]+) · Contacts sent: ([\d,]+) · Unchanged: ([\d,]+) · Refused by \w+: ([\d,]+)",
                      confirmed.stdout)
        assert m and (n := [int(x.replace(",", "")) for x in m.groups()])[0] == sum(n[1:])


def test_service_returns_confirmation_needed_and_sends_nothing(tmp_path: Path, store: Store,
                                                              sandbox: KlaviyoSandbox) -> None:
    with new_program(tmp_path / "p.sqlite3", 2000) as prog:
        sync_as(store, prog, "demo", sandbox)
        prog.tick(30)
        planned = store.dest_state(store.runs()[0].dest)
        sandbox.clear_requests()
        s = sync_as(store, prog, "demo", sandbox)
        assert s.status is RunStatus.NEEDS_CONFIRMATION
        assert s.live_events_total > s.confirm_threshold == 500 and s.live_events["Points Earned"] > 0
        assert sandbox.count_requests(write_only=True) == 0 and sandbox.events() == []
        assert store.dest_state(planned.name) == planned  # type: ignore[union-attr]  # nothing planned
        assert store.runs()[0].status == "needs_confirmation"
        yes = sync_as(store, prog, "demo", sandbox, confirmed=True)
    assert yes.status is RunStatus.COMPLETED and yes.events_sent == s.live_events_total == len(sandbox.events())


# -- labels are not identity --------------------------------------------------------------------------

ORDERS_FR = [("alice@x.fr", -40, 100, "Commande #1", ""), ("bob@x.fr", -10, 50, "Commande #2", "")]


def relabel(rows: list[tuple[str, int, int, str, str]]) -> list[tuple[str, int, int, str, str]]:
    return [(e, d, p, why.replace("Commande", "Order"), code) for e, d, p, why, code in rows]


def first_then_new_order(store: Store, sb: KlaviyoSandbox, tmp_path: Path) -> tuple[Path, list]:
    members = small_members(tmp_path)
    sheet_sync(store, sb, (members, ledger_file(tmp_path, "l1.csv", ORDERS_FR)), now=day(-5))
    rows = [*ORDERS_FR, ("alice@x.fr", -1, 30, "Commande #3", "")]
    s, _ = sheet_sync(store, sb, (members, ledger_file(tmp_path, "l2.csv", rows)))
    assert s.events_sent == 1 and sent(sb) == [("Points Earned", "alice@x.fr", day(-1).date().isoformat(), False)]
    return members, rows


def test_relabelled_ledger_export_sends_no_second_event(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    members, rows = first_then_new_order(store, sandbox, tmp_path)
    # The same movements, exported in English ("Order" for "Commande"): same ids, no new event.
    s, _ = sheet_sync(store, sandbox, (members, ledger_file(tmp_path, "l3.csv", relabel(rows))))
    assert s.baseline is None and s.events_sent == 0
    assert sent(sandbox) == [("Points Earned", "alice@x.fr", day(-1).date().isoformat(), False)]
    assert {json.loads(d)["description"] for (d,) in store.db.execute(
        "SELECT data FROM records WHERE kind='ledger'")} == {"Order #1", "Order #2", "Order #3"}


def _ledger_ids(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT id FROM records WHERE kind='ledger' ORDER BY rowid")]


def test_upgrade_rekeys_label_based_ids_so_nothing_is_sent_again(store: Store, sandbox: KlaviyoSandbox,
                                                                  tmp_path: Path) -> None:
    members, rows = first_then_new_order(store, sandbox, tmp_path)
    path = store.path
    new_ids = _ledger_ids(store)
    # Make the store what the previous version left: schema 2, ids hashed from the row's labels.
    old = {rid: derived_id("label-based|" + rid) for rid in new_ids}
    db = store.db
    with store.tx():
        for rid, oid in old.items():
            data = json.loads(db.execute("SELECT data FROM records WHERE kind='ledger' AND id=?", (rid,)).fetchone()[0])
            db.execute("UPDATE records SET id=?, data=? WHERE kind='ledger' AND id=?",
                       (oid, json.dumps({**data, "id": oid}, sort_keys=True, separators=(",", ":")), rid))
            db.execute("UPDATE outbox SET key=replace(key, ?, ?) WHERE kind='event' AND key LIKE ?",
                       (rid, oid, rid + ":%"))
        db.execute("DROP INDEX dest_members_run")
        db.execute("ALTER TABLE dest_members DROP COLUMN acked_run")
        db.execute("ALTER TABLE destinations DROP COLUMN source")
        db.execute("PRAGMA user_version=2")
    store.close()
    with Store(path) as upgraded:
        assert upgraded.schema_version == 3
        assert _ledger_ids(upgraded) == new_ids  # re-keyed to what the source derives now
        for files in ((members, ledger_file(tmp_path, "l2.csv", rows)),
                      (members, ledger_file(tmp_path, "l3.csv", relabel(rows)))):
            s, _ = sheet_sync(upgraded, sandbox, files)
            assert s.events_sent == 0
    assert len(sandbox.events()) == 1


# -- counts that add up -------------------------------------------------------------------------------

def test_counts_add_up_after_a_cancel_and_a_resume(tmp_path: Path, store: Store, sandbox: KlaviyoSandbox) -> None:
    program = new_program(tmp_path / "p.sqlite3", 400)
    bad = [r[0] for r in program.conn.execute("SELECT email FROM members ORDER BY email LIMIT 2")]


    with destination(sandbox) as dest:
        dest.profile_page = 50  # several batches, so a cancel lands between them

        def cancel_after_first_batch(p: Progress) -> None:
            if p.phase is Phase.SENDING_PROFILES and p.done >= 50:
                dest.http.cancel.cancel()

        cancelled = service.sync(store, RejectedEmails(program, bad), "demo", dest, KLAVIYO_SMILE,
                                 poll_interval=0.02, on_progress=cancel_after_first_batch)
    assert cancelled.status is RunStatus.CANCELLED
    assert cancelled.members == 400 and 0 < cancelled.profiles_sent < 400 and cancelled.members_not_sent > 0
    assert adds_up(cancelled)
    with destination(sandbox) as dest:
        resumed = service.sync(store, RejectedEmails(program, bad), "demo", dest, KLAVIYO_SMILE,
                               poll_interval=0.02)
    # The two bad emails were in the first batch: rejected by the cancelled run, still rejected (not
    # sent again until their data changes), so counted as rejected here too.
    assert resumed.status is RunStatus.COMPLETED and resumed.rejected == 0
    assert resumed.members_not_sent == 0 and resumed.members_rejected == resumed.members_rejected_earlier == 2
    assert resumed.members == 400 == resumed.profiles_sent + resumed.unchanged + resumed.members_rejected
    assert resumed.unchanged == cancelled.profiles_sent  # what the cancelled run sent is not counted again
    assert len(sandbox.profiles()) == 398
    stored = store.runs()[0].counts
    assert stored["members"] == stored["profiles_sent"] + stored["unchanged"] + stored["members_rejected"]
    # Nothing changed: everything is unchanged but the two still rejected (not sent again).
    again = run_sync(store, RejectedEmails(program, bad), sandbox, KLAVIYO_SMILE)  # type: ignore[arg-type]
    assert (again.profiles_sent, again.unchanged, again.members_rejected, again.members_rejected_earlier) == \
        (0, 398, 2, 2)
    program.close()


def test_late_by_a_day_still_news_after_new_baseline(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    """After a new baseline, the moment before which everything is history is that sync's clock."""
    members = small_members(tmp_path)
    sheet_sync(store, sandbox, (members,), now=day(-10))
    sheet_sync(store, sandbox, (members, ledger_file(tmp_path, "l1.csv", ORDERS_FR)), now=day(-3))  # new shape
    rows = [*ORDERS_FR, ("bob@x.fr", -2, 5, "Commande #4", "")]
    s, _ = sheet_sync(store, sandbox, (members, ledger_file(tmp_path, "l2.csv", rows)),
                      now=day(-1) + timedelta(hours=1))
    assert s.events_sent == 1 and sent(sandbox) == [("Points Earned", "bob@x.fr", day(-2).date().isoformat(), False)]


def test_another_destination_account_starts_with_profiles_only(tmp_path: Path, store: Store,
                                                               sandbox: KlaviyoSandbox) -> None:
    with new_program(tmp_path / "p.sqlite3", 500) as prog:
        sync_as(store, prog, "demo", sandbox)
        prog.tick(7)
        with KlaviyoSandbox(job_seconds=0.05) as other:  # another account (state is keyed by account@address)
            s = sync_as(store, prog, "demo", other)
            assert s.first_sync and s.baseline == "first_sync" and s.events_sent == 0 and other.events() == []
            assert len(other.profiles()) == s.members == s.profiles_sent
        # The first account still gets the week's events.
        back = sync_as(store, prog, "demo", sandbox)
    assert back.baseline is None and back.events_sent > 0
