"""End to end: a members + ledger export → engine → Klaviyo sandbox over real HTTP.

The right properties, the events derived from the ledger (and from what changed between two
exports), nothing sent when the same file is imported again; and the command line (`sync
--source csv`, `inspect`) as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from helpers.spreadsheet_make import write_csv, write_encrypted_xlsx, write_xlsx
from helpers.spreadsheet_rows import MEMBER_HEADERS
from helpers.sync_helpers import destination
from loyalty_desktop import service
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY, KLAVIYO_SMILE, Mapping
from loyalty_desktop.sources.spreadsheet.questions import Choices
from loyalty_desktop.sources.spreadsheet.source import SpreadsheetSource
from loyalty_desktop.store.store import Store
from loyalty_desktop.sync.engine import RunStatus, RunSummary
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox

TODAY = datetime(2026, 11, 2, tzinfo=UTC)  # the date the tests' clock is pinned to (helpers.fixtures.PINNED_NOW)


def day(offset: int) -> datetime:
    return TODAY + timedelta(days=offset)


def fr(d: datetime) -> str:
    return d.strftime("%d/%m/%Y")


LEDGER_HEADERS = ["Email", "Date", "Points", "Reason", "Reward code", "Reward expires at"]


def export_1(folder: Path) -> tuple[Path, Path]:
    """A French members CSV (Windows-1252, semicolons) and an English ledger workbook."""
    members = write_csv(folder / "membres.csv", [
        MEMBER_HEADERS,
        ["Alice@Martin.FR", "Alice", "Martin", "1 020", "3 000", "Or", "15/03/1985", "", ""],
        ["bob@example.fr", "Bob", "Dupont", "350", "350", "Argent", "", "", ""],
        ["chloe@example.fr", "Chloé", "Faure", "50", "50", "Bronze", "", "40", fr(day(20))],
        ["dan@", "Dan", "Typo", "0", "0", "Bronze", "", "", ""],
    ], encoding="cp1252", delimiter=";")
    ledger = write_xlsx(folder / "historique.xlsx", {"History": [
        LEDGER_HEADERS,
        ["alice@martin.fr", day(-60) + timedelta(hours=10), 500, "Order #1001", None, None],
        ["alice@martin.fr", day(-30), -200, "Reward redeemed", "ALICE-5", day(60)],
        ["bob@example.fr", day(-20), 350, "Order #1002", None, None],
        ["chloe@example.fr", day(-10), 50, "Birthday", "BDAY-CHLOE", day(5)],
    ]})
    return members, ledger


def export_2(folder: Path) -> tuple[Path, Path]:
    """The next export of the same program: Alice ordered (and has points expiring in 5 days),
    Bob reached Or and redeemed, Chloé left, Dan joined (with a birthday code)."""
    members = write_csv(folder / "membres-2.csv", [
        MEMBER_HEADERS,
        ["alice@martin.fr", "Alice", "Martin", "1 170", "3 150", "Or", "15/03/1985", "100", fr(day(5))],
        ["bob@example.fr", "Bob", "Dupont", "250", "350", "Or", "", "", ""],
        ["dan@example.fr", "Dan", "Marchal", "0", "0", "Bronze", "", "", ""],
    ], encoding="cp1252", delimiter=";")
    ledger = write_xlsx(folder / "historique-2.xlsx", {"History": [
        LEDGER_HEADERS,
        ["alice@martin.fr", day(-60) + timedelta(hours=10), 500, "Order #1001", None, None],
        ["alice@martin.fr", day(-30), -200, "Reward redeemed", "ALICE-5", day(60)],
        ["bob@example.fr", day(-20), 350, "Order #1002", None, None],
        ["alice@martin.fr", day(-1), 150, "Order #1003", None, None],
        ["bob@example.fr", day(-1), -100, "Reward redeemed", "BOB-10", day(30)],
        ["dan@example.fr", day(-1), 0, "Birthday", "BDAY-DAN", day(20)],
    ]})
    return members, ledger


def sync(store: Store, sb: KlaviyoSandbox, files: tuple[Path, ...], mapping: Mapping = KLAVIYO_LOYALTY,
         backfill: bool = False, now: datetime | None = None) -> tuple[RunSummary, SpreadsheetSource]:
    """Import the files as if at `now` (default: now) and sync them. Dates are day/month/year (a
    ledger whose days are all ≤ 12 would otherwise be asked about)."""
    src = SpreadsheetSource.open(*files, now=now, choices=Choices(date_order="dmy"))
    with destination(sb) as dest:
        summary = service.sync(store, src, src.store_name, dest, mapping, backfill=backfill, poll_interval=0.02)
    assert summary.status is RunStatus.COMPLETED, summary.error
    return summary, src


def loyalty(points: int, lifetime: int, tier: str, tier_id: int, **extra: Any) -> dict[str, Any]:
    """The properties the members file gives. Missions, rewards, referrals and the state are not in
    the file, and a blank "Points à expirer" is not 0: none of them is sent (never as 0)."""
    return {"Loyalty Points Balance": points, "Loyalty Points Earned Lifetime": lifetime,
            "Loyalty Tier Name": tier, "Loyalty Tier ID": tier_id, **extra}


def test_export_synced_then_reimported_then_next_export(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    files_1 = export_1(tmp_path)
    # 1. First sync, two days ago: every valid member becomes a profile with the right
    #    properties; the ledger is history (no live event), the bad row is reported.
    s1, src = sync(store, sandbox, files_1, now=day(-2) + timedelta(hours=9))
    assert (s1.profiles_sent, s1.events_sent, s1.rejected, s1.first_sync) == (3, 0, 0, True)
    assert [(r.line, r.reason.value) for r in src.rejects] == [(5, "invalid email")]
    profiles = {p.email: p for p in sandbox.profiles()}
    assert set(profiles) == {"alice@martin.fr", "bob@example.fr", "chloe@example.fr"}
    assert profiles["alice@martin.fr"].properties == loyalty(
        1020, 3000, "Or", 3, **{"Loyalty Birthday": "1985-03-15T00:00:00+00:00"})
    assert profiles["bob@example.fr"].properties == loyalty(350, 350, "Argent", 2)
    assert profiles["chloe@example.fr"].properties == loyalty(50, 50, "Bronze", 1, **{
        "Loyalty Points Expiring": 40, "Loyalty Points Expiry Date": f"{day(20).date()}T00:00:00+00:00"})
    assert (profiles["chloe@example.fr"].first_name, profiles["chloe@example.fr"].last_name) == ("Chloé", "Faure")
    assert sandbox.events() == []

    # 2. The same files again: nothing changes, not one write request.
    seq = store.current_seq()
    sandbox.clear_requests()
    s2, _ = sync(store, sandbox, files_1)
    assert (s2.profiles_sent, s2.events_sent, s2.unchanged) == (0, 0, 3)
    assert sandbox.count_requests(write_only=True) == 0
    assert store.current_seq() == seq

    # 3. The next export (today): exactly the changed profiles, and the events its new rows stand for.
    files_2 = export_2(tmp_path)
    sandbox.clear_requests()
    s3, _ = sync(store, sandbox, files_2)
    assert (s3.profiles_sent, s3.rejected) == (3, 0)
    profiles = {p.email: p for p in sandbox.profiles()}
    assert profiles["alice@martin.fr"].properties == loyalty(1170, 3150, "Or", 3, **{
        "Loyalty Birthday": "1985-03-15T00:00:00+00:00", "Loyalty Points Expiring": 100,
        "Loyalty Points Expiry Date": f"{day(5).date()}T00:00:00+00:00"})
    assert profiles["bob@example.fr"].properties == loyalty(250, 350, "Or", 3)
    assert profiles["dan@example.fr"].properties == loyalty(0, 0, "Bronze", 1)
    assert store.member("chloe@example.fr") is None  # she left the program
    events = {(e.metric_name, e.email): e for e in sandbox.events()}
    # Dan is new and arrives in Bronze: the export does not say when he reached it (no sign-up
    # date), so no "VIP Tier Achieved" for him (baseline.py, rule 2); his dated birthday code is news.
    assert sorted(events) == [
        ("Birthday Reward Issued", "dan@example.fr"), ("Points Earned", "alice@martin.fr"),
        ("Points Expiring", "alice@martin.fr"), ("Points Redeemed", "bob@example.fr"),
        ("VIP Tier Achieved", "bob@example.fr")]
    assert s3.events_sent == 5 and not any(e.backfill for e in events.values())
    earned = events[("Points Earned", "alice@martin.fr")]
    assert earned.properties["points_change"] == 150 and earned.properties["description"] == "Order #1003"
    assert earned.time == day(-1)
    redeemed = events[("Points Redeemed", "bob@example.fr")].properties
    assert (redeemed["points_spent"], redeemed["reward_fulfillment"]["code"]) == (100, "BOB-10")
    tier = events[("VIP Tier Achieved", "bob@example.fr")].properties
    assert (tier["previous_vip_tier"]["name"], tier["current_vip_tier"]["name"]) == ("Argent", "Or")
    assert events[("Birthday Reward Issued", "dan@example.fr")].properties["code"] == "BDAY-DAN"
    expiring = events[("Points Expiring", "alice@martin.fr")].properties
    assert (expiring["points_expiring"], expiring["days_before"]) == (100, 7)

    # 4. That export again: nothing.
    sandbox.clear_requests()
    s4, _ = sync(store, sandbox, files_2)
    assert (s4.profiles_sent, s4.events_sent) == (0, 0)
    assert sandbox.count_requests(write_only=True) == 0


def test_first_sync_with_backfill_replays_the_ledger(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    s, _ = sync(store, sandbox, export_1(tmp_path), mapping=KLAVIYO_SMILE, backfill=True)
    events = sorted((e.metric_name, e.email, e.backfill) for e in sandbox.events())
    assert events == [
        ("Birthday Reward Issued", "chloe@example.fr", True), ("Points Earned", "alice@martin.fr", True),
        ("Points Earned", "bob@example.fr", True), ("Points Earned", "chloe@example.fr", True),
        ("Points Expiring", "chloe@example.fr", True), ("Points Redeemed", "alice@martin.fr", True),
        ("Reward Expiring", "chloe@example.fr", True)]
    assert s.events_sent == 7
    redeemed = next(e for e in sandbox.events() if e.metric_name == "Points Redeemed")
    assert redeemed.properties["reward_fulfillment"]["code"] == "ALICE-5"
    # The Smile.io-compatible names: what the file said (it has no state column: no state is sent).
    alice = next(p for p in sandbox.profiles() if p.email == "alice@martin.fr")
    assert alice.properties == {"Smile Points Balance": 1020, "Smile VIP Tier Name": "Or", "Smile VIP Tier ID": 3}
    sandbox.clear_requests()
    again, _ = sync(store, sandbox, export_1(tmp_path), mapping=KLAVIYO_SMILE, backfill=True)
    assert (again.profiles_sent, again.events_sent) == (0, 0) and sandbox.count_requests(write_only=True) == 0


# -- the command line -------------------------------------------------------------------------------

def cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOYALTY_DESKTOP_")}
    env.update(LOYALTY_DESKTOP_DATA_DIR=str(data), LOYALTY_DESKTOP_KLAVIYO_KEY=DEMO_KEY)
    return subprocess.run([sys.executable, "-m", "loyalty_desktop", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_cli_sync_and_inspect(tmp_path: Path) -> None:
    data = tmp_path / "data"
    members, ledger = export_1(tmp_path)
    with KlaviyoSandbox(job_seconds=0.05) as sb:
        args = ["sync", "--source", "csv", "--members", str(members), "--ledger", str(ledger),
                "--to", "klaviyo", "--base-url", sb.base_url or ""]
        first = cli(data, *args)
        assert first.returncode == 0, first.stderr
        assert "Contacts sent: 3" in first.stdout
        assert "membres.csv: 4 rows, 3 members imported" in first.stderr
        assert "historique.xlsx: 4 rows, 4 movements imported" in first.stderr
        assert "rejected rows: 1 (1 invalid email)" in first.stderr
        assert "membres.csv line 5 [Courriel] 'dan@': invalid email" in first.stderr
        shown = re.search(r"all rejected rows: (.*)$", first.stderr, re.MULTILINE)
        assert shown, first.stderr
        saved = Path(shown[1])  # this import's own list
        assert saved.parent == data / "imports" and re.fullmatch(r"membres-[0-9a-f]{8}-\d{8}-\d{6}\.rejected\.csv",
                                                                  saved.name), saved
        assert saved.read_text(encoding="utf-8-sig").splitlines()[1] == "membres.csv;5;Courriel;dan@;invalid email;"
        assert (data / "spreadsheet-mappings.json").exists()
        assert "1 row(s) of the source could not be used; they are listed with this run's rejected rows." \
            in first.stdout

        # The run history keeps the source's rejected rows: listed, and exported as CSV.
        runs = cli(data, "runs")
        assert runs.returncode == 0 and re.search(
            r"#1 .* completed .* Refused by Klaviyo: 0 · Rejected in the loyalty data: 1 · Events sent: \d+$",
            runs.stdout, re.MULTILINE), runs.stdout
        listed = cli(data, "runs", "--rejected", "1")
        assert listed.stdout.splitlines() == ["source:member\tdan@\tCourriel\tinvalid email\tmembres.csv line 5\tdan@"]
        exported = tmp_path / "run-1-rejected.csv"
        written = cli(data, "runs", "--rejected", "1", "--csv", str(exported))
        assert written.stdout.strip() == f"1 refused or rejected row(s) of run 1 written to {exported}"
        assert exported.read_text(encoding="utf-8-sig").splitlines() == [
            "origin,kind,key,field,reason,file,line,value",
            "source,member,dan@,Courriel,invalid email,membres.csv,5,dan@"]

        again = cli(data, *args)
        assert again.returncode == 0, again.stderr
        assert "Contacts sent: 0" in again.stdout and "Events sent: 0" in again.stdout
        assert re.search(r"requests: \d+ \(0 writes\)", again.stdout), again.stdout
        assert len(sb.profiles()) == 3

        locked = write_encrypted_xlsx(tmp_path / "membres-protégé.xlsx")
        bad = cli(data, "sync", "--source", "csv", "--members", str(locked), "--to", "klaviyo",
                  "--base-url", sb.base_url or "")
        assert bad.returncode == 1
        assert bad.stderr.strip().splitlines()[-1].startswith("error: membres-protégé.xlsx is protected by a password")
        with Store(data / "store.sqlite3") as s:
            assert len(s.runs()) == 2  # the refused file started no run and changed nothing

    inspected = cli(data, "inspect", str(members))
    assert inspected.returncode == 0, inspected.stderr
    assert "Format: CSV, Windows-1252, semicolon-separated; header on line 1" in inspected.stdout
    assert "saved for this file shape" in inspected.stdout
    assert "line 5 [Courriel] 'dan@': invalid email" in inspected.stdout
    refused = cli(data, "inspect", str(locked))
    assert refused.returncode == 1 and "is protected by a password" in refused.stdout


def test_store_holds_iso_dates_and_rewards(tmp_path: Path) -> None:
    """Whatever the file wrote, dates reach the store as ISO dates and reward codes as rewards."""
    members, ledger = export_1(tmp_path)
    with Store(tmp_path / "s.sqlite3") as store:
        src = SpreadsheetSource.open(members, ledger)
        store.ingest(src.store_name, src.read(None))
        assert store.member("alice@martin.fr")["birthday"] == date(1985, 3, 15).isoformat()  # type: ignore[index]
        rewards = store.rewards_expiring(day(0).isoformat(), day(10).isoformat())
        assert [(r["code"], r["origin"], r["email"]) for r in rewards] == [
            ("BDAY-CHLOE", "birthday", "chloe@example.fr")]
        _, as_of, tiers = store.source_state(src.store_name)
        assert as_of is not None and [(t["id"], t["name"], t["threshold"]) for t in tiers] == [
            (1, "Bronze", 1), (2, "Argent", 2), (3, "Or", 3), (4, "Platine", 4), (5, "Diamant", 5)]


# -- history a source reveals late ------------------------------------------------------------------

def ledger_file(folder: Path, name: str, rows: list[tuple[str, int, int, str, str]]) -> Path:
    """A ledger CSV: (email, day offset, points, reason, reward code)."""
    return write_csv(folder / name, [LEDGER_HEADERS[:5]] + [[e, fr(day(d)), str(p), why, code]
                                                            for e, d, p, why, code in rows], delimiter=";")


def small_members(folder: Path) -> Path:
    return write_csv(folder / "members.csv", [["Email", "Points"], ["alice@x.fr", "100"], ["bob@x.fr", "80"]])


def sent(sb: KlaviyoSandbox) -> list[tuple[str, str | None, str, bool]]:
    return sorted((e.metric_name, e.email, e.time.date().isoformat(), e.backfill) for e in sb.events())


def history(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM outbox WHERE kind='event' AND status='history'").fetchone()[0])


LATER_LEDGER = [
    ("alice@x.fr", -90, 100, "Order #1", ""),  # months before the first sync
    ("bob@x.fr", -40, 50, "Order #2", ""),
    ("alice@x.fr", -31, 20, "Review", ""),  # the day before the first sync
    ("bob@x.fr", -20, 30, "Order #3", ""),  # after the first sync
    ("alice@x.fr", -1, -50, "Reward redeemed", "ALICE-5"),
]


def test_ledger_added_later_does_not_replay_its_history(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    members = small_members(tmp_path)
    first, _ = sync(store, sandbox, (members,), now=day(-30) + timedelta(hours=9))
    assert first.first_sync and sandbox.events() == []
    # A month later the merchant adds the points history: a ledger file changes the source's
    # shape, so this sync is a new baseline (baseline.py): profiles only, the ledger is history.
    ledger = ledger_file(tmp_path, "ledger.csv", LATER_LEDGER)
    s2, _ = sync(store, sandbox, (members, ledger))
    assert sent(sandbox) == [] and s2.events_sent == 0 and s2.baseline == "new_source"
    assert any("another source" in n for n in s2.notes)
    # From then on, the same files: nothing; a new movement: a live event.
    sandbox.clear_requests()
    s3, _ = sync(store, sandbox, (members, ledger))
    assert s3.events_sent == 0 and sandbox.count_requests(write_only=True) == 0
    more = ledger_file(tmp_path, "ledger-2.csv", [*LATER_LEDGER, ("bob@x.fr", 1, 5, "Order #9", "")])
    s4, _ = sync(store, sandbox, (members, more), now=day(2))
    assert sent(sandbox) == [("Points Earned", "bob@x.fr", day(1).date().isoformat(), False)]
    assert s4.events_sent == 1 and s4.baseline is None


def test_ledger_added_later_with_backfill(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    members = small_members(tmp_path)
    sync(store, sandbox, (members,), now=day(-30) + timedelta(hours=9))
    ledger = ledger_file(tmp_path, "ledger.csv", LATER_LEDGER)
    s2, _ = sync(store, sandbox, (members, ledger), backfill=True)
    # A new baseline (the ledger file changes the source's shape) with backfill: every movement is
    # replayed marked backfill, none as a live event.
    assert sent(sandbox) == [
        ("Points Earned", "alice@x.fr", day(-90).date().isoformat(), True),
        ("Points Earned", "alice@x.fr", day(-31).date().isoformat(), True),
        ("Points Earned", "bob@x.fr", day(-40).date().isoformat(), True),
        ("Points Earned", "bob@x.fr", day(-20).date().isoformat(), True),
        ("Points Redeemed", "alice@x.fr", day(-1).date().isoformat(), True)]
    assert s2.events_sent == 5 and history(store) == 0


def test_late_rows_and_a_long_pause(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    members = small_members(tmp_path)
    base = [("alice@x.fr", -120, 100, "Order #1", "")]
    sync(store, sandbox, (members, ledger_file(tmp_path, "l1.csv", base)), now=day(-100))
    sync(store, sandbox, (members, ledger_file(tmp_path, "l2.csv", base)), now=day(-20))
    # The next export holds rows dated before the previous import: a few days before (an export
    # made before it was imported) is still news, ten days before is history; and a movement
    # older than 45 days at today's clock is history even though no sync saw it.
    late = [*base, ("bob@x.fr", -25, 10, "Order #2", ""), ("bob@x.fr", -30, 20, "Order #3", ""),
            ("alice@x.fr", -70, 5, "Order #4", ""), ("alice@x.fr", -2, 7, "Order #5", "")]
    s3, _ = sync(store, sandbox, (members, ledger_file(tmp_path, "l3.csv", late)))
    assert sent(sandbox) == [("Points Earned", "alice@x.fr", day(-2).date().isoformat(), False),
                             ("Points Earned", "bob@x.fr", day(-25).date().isoformat(), False)]
    assert s3.events_sent == 2 and history(store) == 2


def test_a_messy_export_sends_only_its_good_rows(store: Store, sandbox: KlaviyoSandbox, tmp_path: Path) -> None:
    """A members CSV with an unbalanced quote (which used to fold the next members into a first
    name), a row with a cell too many, one cut short, a NUL byte, a control character and a
    duplicate: the good members reach the sandbox over HTTP with their own values, each bad
    line is in the run's rejected rows with its line and reason."""
    members = tmp_path / "membres-abîmé.csv"
    members.write_bytes((
        "Courriel;Prénom;Nom;Solde de points;Palier\r\n"
        'alice@martin.fr;"Alice;Martin;100;Or\r\n'            # 2: quote never closed
        "bob@example.fr;Bob;Dupont;200;Argent\r\n"             # 3: was folded into Alice's first name
        "chloe@example.fr;Chloé;Faure;300;Bronze\r\n"          # 4: idem
        "dan@example.fr;Dan;Mar;chal;400;Or\r\n"               # 5: a cell too many
        "eve@example.fr;Eve;Roux\r\n"                          # 6: cut short
        "fay@example.fr;Fa\x00y;Blanc;600;Or\r\n"              # 7: NUL byte
        "gus@example.fr;Gus;Noir\x07;700;Or\r\n"               # 8: control character (bell)
        'hal@example.fr;"Hal ""H"";Ha";Gris;800;Argent\r\n'    # 9: quotes done right
        "bob@example.fr;Bob;Dupont;250;Argent\r\n"             # 10: Bob again (this line is used)
    ).encode())
    summary, src = sync(store, sandbox, (members,))
    profiles = {p.email: p for p in sandbox.profiles()}
    assert set(profiles) == {"bob@example.fr", "chloe@example.fr", "hal@example.fr"}
    assert (profiles["bob@example.fr"].first_name, profiles["bob@example.fr"].last_name) == ("Bob", "Dupont")
    assert profiles["bob@example.fr"].properties["Loyalty Points Balance"] == 250
    assert profiles["chloe@example.fr"].first_name == "Chloé"
    assert profiles["chloe@example.fr"].properties["Loyalty Points Balance"] == 300
    assert profiles["hal@example.fr"].first_name == 'Hal "H";Ha'
    assert summary.profiles_sent == 3
    rows = sorted(store.rejected_rows(summary.run_id, origin="source"), key=lambda r: r.line or 0)
    assert [(r.line, r.field, r.reason.split(" (")[0]) for r in rows] == [
        (2, "Prénom", "unbalanced quote"), (3, "Courriel", "duplicate email"), (5, "(row)", "wrong number of cells"),
        (6, "(row)", "wrong number of cells"), (7, "Prénom", "control character"), (8, "Nom", "control character")]
    assert all(r.file == members.name for r in rows)
    assert "also on line 10; line 10 is used" in rows[1].reason
    assert rows[0].value.startswith('alice@martin.fr;"Alice')
    src.close()
