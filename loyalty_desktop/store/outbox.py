"""The Store's outbox: what waits to be sent to each destination, what is in flight in which job,
and the checkpoint of an acknowledged batch (acked rows leave, rejected rows stay with the reason).
A mixin of `store.store.Store`, which owns the connection and its transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from loyalty_desktop.store import counts as store_counts
from loyalty_desktop.store.counts import MemberOutcomes


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    kind: str
    key: str
    payload: str  # JSON text, ready for the wire
    fp: str | None


class Outbox:
    """Store methods on the outbox table (and the acknowledged state of each member)."""

    db: sqlite3.Connection
    tx: Callable[[], AbstractContextManager[sqlite3.Connection]]  # Store.tx: one write transaction

    def queue_profiles(self, dest: str, rows: Sequence[tuple[str, str, str]]) -> None:
        """(email, payload, fp) → pending; replaces a not-yet-sent row for the same email."""
        self.db.executemany(
            "INSERT INTO outbox(dest, kind, key, payload, fp, status) VALUES (?, 'profile', ?, ?, ?, 'pending')"
            " ON CONFLICT(dest, kind, key) DO UPDATE SET payload=excluded.payload, fp=excluded.fp,"
            " status='pending', job=NULL WHERE outbox.fp IS NOT excluded.fp OR outbox.status != 'pending'",
            [(dest, *r) for r in rows])

    def drop_profiles(self, dest: str, emails: Sequence[str]) -> None:
        """Forget queued updates that are no longer needed (the member went back to what was acked)."""
        self.db.executemany("DELETE FROM outbox WHERE dest=? AND kind='profile' AND key=? AND status='pending'",
                            [(dest, e) for e in emails])

    def queue_events(self, dest: str, rows: Sequence[tuple[str, str]], status: str = "pending") -> int:
        """(unique_id, payload); an event already known to this destination is ignored."""
        before = self.db.total_changes
        self.db.executemany(
            "INSERT OR IGNORE INTO outbox(dest, kind, key, payload, status) VALUES (?, 'event', ?, ?, ?)",
            [(dest, u, p, status) for u, p in rows])
        return self.db.total_changes - before

    def known_events(self, dest: str, keys: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            q = ",".join("?" * len(part))
            found.update(r[0] for r in self.db.execute(
                f"SELECT key FROM outbox WHERE dest=? AND kind='event' AND key IN ({q})", (dest, *part)))
        return found

    def count_outbox(self, dest: str, kind: str, status: str = "pending") -> int:
        return int(self.db.execute("SELECT count(*) FROM outbox WHERE dest=? AND kind=? AND status=?",
                                   (dest, kind, status)).fetchone()[0])

    def pending(self, dest: str, kind: str, limit: int, after_id: int = 0) -> list[OutboxRow]:
        rows = self.db.execute(
            "SELECT id, kind, key, payload, fp FROM outbox WHERE dest=? AND kind=? AND status='pending'"
            " AND id > ? ORDER BY id LIMIT ?", (dest, kind, after_id, limit)).fetchall()
        return [OutboxRow(*r) for r in rows]

    def mark_in_flight(self, ids: Sequence[int], job: str, run_id: int) -> None:
        with self.tx():
            self.db.executemany("UPDATE outbox SET status='in_flight', job=?, run_id=? WHERE id=?",
                                [(job, run_id, i) for i in ids])

    def in_flight(self, dest: str) -> dict[str, list[OutboxRow]]:
        jobs: dict[str, list[OutboxRow]] = {}
        for job, *r in self.db.execute(
                "SELECT job, id, kind, key, payload, fp FROM outbox WHERE dest=? AND status='in_flight'"
                " ORDER BY id", (dest,)):
            jobs.setdefault(job, []).append(OutboxRow(*r))
        return jobs

    def settle(self, dest: str, run_id: int, acked: Sequence[OutboxRow],
               rejected: Sequence[tuple[OutboxRow, str, str]]) -> None:
        """Checkpoint one acknowledged batch: acked rows leave the outbox, rejected rows are kept
        (not re-sent until their data changes) with the platform's reason."""
        with self.tx() as db:
            prof = [(dest, r.key, r.fp, run_id) for r in acked if r.kind == "profile"]
            if prof:
                db.executemany(
                    "INSERT INTO dest_members(dest, email, acked_fp, acked_run) VALUES (?,?,?,?)"
                    " ON CONFLICT(dest, email) DO UPDATE SET acked_fp=excluded.acked_fp, acked_run=excluded.acked_run",
                    prof)
                db.executemany("DELETE FROM outbox WHERE id=?", [(r.id,) for r in acked if r.kind == "profile"])
            ev = [(run_id, r.id) for r in acked if r.kind == "event"]
            if ev:
                db.executemany("UPDATE outbox SET status='acked', job=NULL, run_id=? WHERE id=?", ev)
            if rejected:
                db.executemany("UPDATE outbox SET status='rejected', job=NULL, run_id=? WHERE id=?",
                               [(run_id, r.id) for r, _, _ in rejected])
                db.executemany("INSERT INTO rejected_rows(run_id, dest, kind, key, field, reason) VALUES (?,?,?,?,?,?)",
                               [(run_id, dest, r.kind, r.key, f, why) for r, f, why in rejected])

    def requeue(self, ids: Sequence[int]) -> None:
        """A job the destination lost or cancelled: send its rows again."""
        with self.tx():
            self.db.executemany("UPDATE outbox SET status='pending', job=NULL WHERE id=?", [(i,) for i in ids])

    def rejected_profiles(self, dest: str) -> list[tuple[OutboxRow, str]]:
        """Profiles the destination rejected last time they were sent, with its reason."""
        return [(OutboxRow(*r[:5]), r[5]) for r in self.db.execute(
            "SELECT o.id, o.kind, o.key, o.payload, o.fp, r.reason FROM outbox o JOIN rejected_rows r"
            " ON r.run_id=o.run_id AND r.dest=o.dest AND r.kind=o.kind AND r.key=o.key"
            " WHERE o.dest=? AND o.kind='profile' AND o.status='rejected' ORDER BY o.id", (dest,))]

    def member_outcomes(self, dest: str, run_id: int) -> MemberOutcomes:
        """Where each member stands with this destination after run `run_id` (they add up)."""
        return store_counts.member_outcomes(self.db, dest, run_id)
