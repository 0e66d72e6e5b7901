"""Store.ingest: what a full read changes, that a kill in the middle of a big import changes nothing,
and the schema 1 → 2 migration of an existing store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from loyalty_desktop.core.model import LedgerEntry, LedgerKind, Member, SourceRead
from loyalty_desktop.store.migrate import MIGRATIONS
from loyalty_desktop.store.store import SCHEMA_VERSION, Store

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def read(members: list[Member], full: bool = True, records: list[LedgerEntry] | None = None) -> SourceRead:
    return SourceRead(T0, full, iter(members), iter(records or []))


def test_full_read_changes_what_differs_and_drops_who_left(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite3") as store:
        first = store.ingest("src", read([Member("a@x.fr", points_balance=1), Member("b@x.fr"), Member("c@x.fr")],
                                         records=[LedgerEntry("l1", "a@x.fr", T0, 5, LedgerKind.ORDER)]))
        assert (first.members_changed, first.records_changed) == (3, 1)
        same = store.ingest("src", read([Member("a@x.fr", points_balance=1), Member("b@x.fr"), Member("c@x.fr")],
                                        records=[LedgerEntry("l1", "a@x.fr", T0, 5, LedgerKind.ORDER)]))
        assert (same.members_changed, same.records_changed) == (0, 0)
        # a@ changed, b@ left the program, d@ joined; c@ keeps its sequence.
        later = store.ingest("src", read([Member("a@x.fr", points_balance=2), Member("c@x.fr"), Member("d@x.fr")]))
        assert later.members_changed == 3
        assert store.member("b@x.fr") is None and store.member("a@x.fr")["points_balance"] == 2  # type: ignore[index]
        assert [r[0] for r in store.db.execute("SELECT email FROM members WHERE seq=? ORDER BY email",
                                               (later.seq,))] == ["a@x.fr", "d@x.fr"]
        # A partial read (changes only) never drops anyone.
        store.ingest("src", read([Member("e@x.fr")], full=False))
        assert store.member_count() == 4
        assert store.db.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0] == 0  # no leftover


CHILD = r"""
import sys, time
from datetime import datetime, timezone
from loyalty_desktop.core import clock
from loyalty_desktop.core.model import Member, SourceRead
from loyalty_desktop.store.store import Store

def members():
    for i in range(10_000_000):
        if i == 30_000:
            open(sys.argv[2], "w").close()  # tell the parent: six chunks are written, uncommitted
        if i >= 30_000:
            time.sleep(0.0002)
        yield Member(f"new{i}@x.fr", points_balance=i, first_name="Zoé")

with Store(sys.argv[1]) as s:
    s.ingest("src", SourceRead(clock.now(), True, members(), []))
"""


def test_a_kill_in_the_middle_of_an_import_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with Store(path) as store:
        store.ingest("src", read([Member(f"m{i}@x.fr", points_balance=i) for i in range(10)]))
        before = store.db.execute("SELECT email, data, seq FROM members ORDER BY email").fetchall()
        state = store.source_state("src")
    marker = tmp_path / "writing"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(marker)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None and time.monotonic() < deadline, "the import did not start"
            time.sleep(0.02)
        time.sleep(0.3)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("SELECT email, data, seq FROM members ORDER BY email").fetchall() == before
        assert store.source_state("src") == state
        # And the store takes the next import as usual.
        assert store.ingest("src", read([Member("m0@x.fr")])).members_changed == 9  # the nine others left


def test_schema_1_store_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(f"BEGIN;{MIGRATIONS[0]};PRAGMA user_version=1;COMMIT;")
    db.execute("INSERT INTO destinations VALUES ('klaviyo:1', '{}', 'fp', 3, '2026-10-01T00:00:00+00:00')")
    db.execute("INSERT INTO runs(dest, source, started_at, status) VALUES ('klaviyo:1', 'demo', "
               "'2026-10-01T00:00:00+00:00', 'completed_with_rejects')")
    db.execute("INSERT INTO rejected_rows VALUES (1, 'klaviyo:1', 'profile', 'a@x.fr', 'phone_number', 'invalid')")
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 3
        [row] = store.rejected_rows(1)
        assert (row.kind, row.key, row.field, row.reason) == ("profile", "a@x.fr", "phone_number", "invalid")
        assert (row.origin, row.line, row.value, row.file, row.from_source) == ("destination", None, "", "", False)
        state = store.dest_state("klaviyo:1")
        assert state is not None and (state.planned_seq, state.first_as_of, state.planned_as_of) == (3, None, None)
        # The next plan records its clock; the first sync's stays unknown for a store planned before.
        store.set_dest_state("klaviyo:1", {}, "fp", 4, T0)
        state = store.dest_state("klaviyo:1")
        assert state is not None and (state.first_as_of, state.planned_as_of) == (None, T0)
        store.set_dest_state("new", {}, "fp", 4, T0)
        assert store.dest_state("new").first_as_of == T0  # type: ignore[union-attr]
