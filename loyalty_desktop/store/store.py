"""The local SQLite store: snapshot of the loyalty program, per-destination state, outbox, runs.

One file per workspace, WAL mode, a schema version with ordered migrations. Every change the sync
makes is inside a transaction, so a kill at any point leaves a consistent file: the next run
resumes from the outbox (rows leave it only once the destination acknowledged them).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core import disk_errors
from loyalty_desktop.core.errors import StoreProblem, StoreUnusableError
from loyalty_desktop.core.model import Member, Record, Referral, SourceRead, record_kind
from loyalty_desktop.core.source_rejects import SourceReject
from loyalty_desktop.store import migrate as store_migrate
from loyalty_desktop.store.codec import dumps, text_encoder, to_text
from loyalty_desktop.store.migrate import MIGRATIONS
from loyalty_desktop.store.outbox import Outbox, OutboxRow
from loyalty_desktop.store.rejects import RejectedRow
from loyalty_desktop.store.runs import RunLog, RunRecord

__all__ = ["DestState", "IngestSummary", "OutboxRow", "RejectedRow", "RunRecord", "SourceReject", "Store",
           "StoreError", "dumps"]

SCHEMA_VERSION = len(MIGRATIONS)
BUSY_TIMEOUT = 30.0  # seconds a connection waits for another one's lock
_json_keys = json.JSONEncoder(ensure_ascii=False).encode


class StoreError(StoreUnusableError):
    """The store file cannot be used as it is (see errors.StoreProblem); a LoyaltyError, so the CLI and
    the UI word it for the user."""


@dataclass(frozen=True, slots=True)
class IngestSummary:
    seq: int
    members_changed: int
    records_changed: int
    as_of: datetime


@dataclass(frozen=True, slots=True)
class DestState:
    name: str
    mapping: dict[str, Any]
    mapping_fp: str
    planned_seq: int
    first_synced: datetime
    first_as_of: datetime | None = None  # the program's clock at the first plan or the last re-baseline
    planned_as_of: datetime | None = None  # … at the last plan
    source: str | None = None  # the source (OpenSource.name) last planned from (None: before schema 3)


def _now() -> str:
    return clocks.now_iso()


class Store(Outbox, RunLog):
    """The store file: the snapshot and per-destination state here; the outbox (store.outbox) and the
    run history (store.runs) are its mixins."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise disk_errors.from_os(exc, self.path.parent) or exc  # noqa: B904 - as in paths.ensure_dir
        db: sqlite3.Connection | None = None
        try:
            db = self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                           timeout=BUSY_TIMEOUT)
            self._check_shape()  # before anything writes: never touch another application's file
            self._use_wal()
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except (sqlite3.Error, StoreError) as exc:
            if db is not None:
                db.close()
            if isinstance(exc, StoreError) or disk_errors.is_busy(exc):
                raise  # busy is not damage: never offer to set a good store aside for it
            raise disk_errors.from_sqlite(exc, self.path) or StoreUnusableError(
                StoreProblem.DAMAGED, str(self.path), str(exc)) from exc

    def _use_wal(self) -> None:
        """WAL journal, once per file. Switching needs the file to itself for a moment, and SQLite
        then answers "database is locked" at once rather than waiting (another process may be
        creating or migrating the same store): retry for as long as a lock wait lasts."""
        if str(self.db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        deadline = clocks.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if not disk_errors.is_busy(exc) or clocks.monotonic() > deadline:
                    raise
                clocks.sleep(0.02)

    def _check_shape(self) -> None:
        """Refuse a file that is not ours (another application's SQLite database) or is newer.

        A random file or a truncated store fails here with SQLite's own "file is not a database"
        or "database disk image is malformed"."""
        # One read transaction: both answers from the same moment, or a store another process is
        # creating right now (tables committed between two reads) would look like a foreign file.
        self.db.execute("BEGIN")
        try:
            version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
            tables = sorted(r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'"))
        finally:
            disk_errors.rollback_quietly(self.db)  # a read: nothing to keep, and no error to hide
        ours = {"members", "records", "outbox", "runs"}
        if (version == 0 and tables) or (version > 0 and not ours <= set(tables)):
            shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
            raise StoreError(StoreProblem.FOREIGN, str(self.path), f"tables: {shown or 'none'}; version {version}")
        if version > SCHEMA_VERSION:
            raise StoreError(StoreProblem.NEWER, str(self.path),
                             f"schema {version}; this version reads up to schema {SCHEMA_VERSION}")

    # -- plumbing -----------------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT, rolled back on error, a failed COMMIT too)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            disk_errors.rollback_quietly(self.db)
            raise

    def _migrate(self) -> None:
        """Bring the schema up to date: every missing migration (its SQL, then its Python step if
        any) in one write transaction, applied whole or not at all. The version is read again
        once the write lock is held: another process (a CLI sync, the app) may have migrated the
        same file meanwhile, and running a migration twice would fail."""
        if self.schema_version >= SCHEMA_VERSION:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            version = self.schema_version
            for i in range(version, SCHEMA_VERSION):
                for statement in store_migrate.statements(MIGRATIONS[i]):
                    self.db.execute(statement)
                step = store_migrate.STEPS.get(i + 1)
                if step is not None:
                    step(self.db)
                self.db.execute(f"PRAGMA user_version={i + 1}")
            self.db.execute("COMMIT")
        except BaseException:
            disk_errors.rollback_quietly(self.db)  # the real error, not "cannot rollback"
            raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _seq(self) -> int:
        row = self.db.execute("SELECT max(coalesce((SELECT max(seq) FROM members),0),"
                              " coalesce((SELECT max(seq) FROM records),0))").fetchone()
        return int(row[0])

    # -- snapshot -----------------------------------------------------------------------------

    def ingest(self, source: str, read: SourceRead, chunk: int = 5000) -> IngestSummary:
        """Upsert what the source returned; rows whose data really changed get a new sequence.

        One transaction (a kill or an error mid-way changes nothing). Members are compared as
        canonical JSON text: a source may hand that text directly (`member_texts`, pairs of
        email and text, as the spreadsheet parser does) instead of `Member`s to encode."""
        texts: Iterable[tuple[str, str]] | None = getattr(read, "member_texts", None)
        if texts is None:
            encode = text_encoder(Member)
            texts = ((m.email, encode(m)) for m in read.members)
        with self.tx() as db:
            seq = self._seq() + 1
            if read.full:
                db.execute("DROP TABLE IF EXISTS temp.seen")
                db.execute("CREATE TEMP TABLE seen(email TEXT PRIMARY KEY) WITHOUT ROWID")
            members_changed = self._upsert(
                "INSERT INTO members(email, data, seq) VALUES (?,?,?) ON CONFLICT(email) DO UPDATE"
                " SET data=excluded.data, seq=excluded.seq WHERE members.data != excluded.data",
                ((e, t, seq) for e, t in texts), chunk,
                seen="INSERT OR IGNORE INTO temp.seen(email) SELECT value FROM json_each(?)" if read.full else None)
            if read.full:
                # Anything the source no longer has left the program: drop it from the snapshot.
                members_changed += db.execute(
                    "DELETE FROM members WHERE seq < ? AND email NOT IN (SELECT email FROM temp.seen)",
                    (seq,)).rowcount
                db.execute("DROP TABLE temp.seen")
            records_changed = self._upsert(
                "INSERT INTO records(kind, id, email, data, seq) VALUES (?,?,?,?,?)"
                " ON CONFLICT(kind, id) DO UPDATE SET data=excluded.data, email=excluded.email,"
                " seq=excluded.seq WHERE records.data != excluded.data",
                ((record_kind(r), r.id, _record_email(r), to_text(r), seq) for r in read.records), chunk)
            db.execute(
                "INSERT INTO sources(name, cursor, as_of, tiers) VALUES (?,?,?,?) ON CONFLICT(name) DO UPDATE"
                " SET cursor=excluded.cursor, as_of=excluded.as_of, tiers=excluded.tiers",
                (source, read.cursor, read.as_of.isoformat(), dumps([to_jsonable_tier(t) for t in read.tiers])))
        return IngestSummary(seq, members_changed, records_changed, read.as_of)

    def _upsert(self, sql: str, rows: Iterable[tuple[Any, ...]], chunk: int, seen: str | None = None) -> int:
        """executemany in chunks; `seen` (one JSON array parameter) records each chunk's keys."""
        changed = 0
        db = self.db
        it = iter(rows)
        while batch := list(islice(it, chunk)):
            before = db.total_changes
            db.executemany(sql, batch)
            changed += db.total_changes - before
            if seen:
                db.execute(seen, (_json_keys([r[0] for r in batch]),))
        return changed

    def source_state(self, source: str) -> tuple[str | None, datetime | None, list[dict[str, Any]]]:
        row = self.db.execute("SELECT cursor, as_of, tiers FROM sources WHERE name=?", (source,)).fetchone()
        if row is None:
            return None, None, []
        return row[0], datetime.fromisoformat(row[1]), json.loads(row[2])

    def member_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM members").fetchone()[0])

    def sample_members(self, n: int = 5) -> list[dict[str, Any]]:
        """The first `n` members by email (previews, the sample contact card)."""
        return [json.loads(r[0]) for r in self.db.execute("SELECT data FROM members ORDER BY email LIMIT ?", (n,))]

    def member(self, email: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM members WHERE email=?", (email,)).fetchone()
        return None if row is None else json.loads(row[0])

    def iter_members_for(self, dest: str, after_seq: int, chunk: int = 2000
                         ) -> Iterator[list[tuple[str, str, str | None, int | None, int]]]:
        """Chunks of (email, data, acked_fp, planned tier, known) for members changed after
        `after_seq`; `known` is 1 when the destination has planned or acknowledged the member before.

        Keyset pagination, so the caller may write between chunks on the same connection.
        """
        last = ""
        while True:
            rows = self.db.execute(
                "SELECT m.email, m.data, d.acked_fp, d.tier_id, d.email IS NOT NULL FROM members m"
                " LEFT JOIN dest_members d ON d.dest=? AND d.email=m.email"
                " WHERE m.seq > ? AND m.email > ? ORDER BY m.email LIMIT ?",
                (dest, after_seq, last, chunk)).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][0]

    def records_after(self, after_seq: int, chunk: int = 5000) -> Iterator[list[tuple[str, str, str]]]:
        """Chunks of (kind, id, data) for records new or changed after `after_seq`."""
        last = (after_seq, "", "")
        while True:
            rows = self.db.execute(
                "SELECT seq, kind, id, data FROM records WHERE seq > ? AND (seq, kind, id) > (?,?,?)"
                " ORDER BY seq, kind, id LIMIT ?", (after_seq, *last, chunk)).fetchall()
            if not rows:
                return
            yield [(k, i, d) for _, k, i, d in rows]
            last = tuple(rows[-1][:3])

    def record(self, kind: str, rid: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM records WHERE kind=? AND id=?", (kind, rid)).fetchone()
        return None if row is None else json.loads(row[0])

    def members_expiring(self, start: str, end: str) -> list[dict[str, Any]]:
        """Members with points expiring on a date in [start, end] (ISO dates)."""
        rows = self.db.execute(
            "SELECT data FROM members WHERE json_extract(data,'$.points_expiring') > 0"
            " AND json_extract(data,'$.points_expiry_date') BETWEEN ? AND ?", (start, end)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def rewards_expiring(self, start: str, end: str) -> list[dict[str, Any]]:
        """Unused rewards whose expiry (ISO datetime) falls in [start, end]."""
        rows = self.db.execute(
            "SELECT data FROM records WHERE kind='reward' AND json_extract(data,'$.used_at') IS NULL"
            " AND json_extract(data,'$.expires_at') BETWEEN ? AND ?", (start, end)).fetchall()
        return [json.loads(r[0]) for r in rows]

    # -- destinations -------------------------------------------------------------------------

    def dest_state(self, dest: str) -> DestState | None:
        row = self.db.execute("SELECT name, mapping, mapping_fp, planned_seq, first_synced, first_as_of,"
                              " planned_as_of, source FROM destinations WHERE name=?", (dest,)).fetchone()
        if row is None:
            return None
        first_as_of, planned_as_of = (datetime.fromisoformat(v) if v else None for v in row[5:7])
        return DestState(row[0], json.loads(row[1]), row[2], row[3], datetime.fromisoformat(row[4]),
                         first_as_of, planned_as_of, row[7])

    def set_dest_state(self, dest: str, mapping: dict[str, Any], mapping_fp: str, planned_seq: int,
                       as_of: datetime | None = None, source: str | None = None, rebase: bool = False) -> None:
        """After a plan: the mapping and store sequence it covered, the program's clock and the
        source. `rebase`: this plan was a re-baseline (a new source): its clock becomes the one
        before which everything is history, as a first plan's is."""
        when = as_of.isoformat() if as_of is not None else None
        self.db.execute(
            "INSERT INTO destinations(name, mapping, mapping_fp, planned_seq, first_synced, first_as_of, planned_as_of,"
            " source) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET mapping=excluded.mapping,"
            " mapping_fp=excluded.mapping_fp, planned_seq=excluded.planned_seq,"
            " planned_as_of=coalesce(excluded.planned_as_of, planned_as_of),"
            " source=coalesce(excluded.source, source)"
            + (", first_as_of=coalesce(excluded.first_as_of, first_as_of)" if rebase else ""),
            (dest, dumps(mapping), mapping_fp, planned_seq, _now(), when, when, source))

    def members_new_to(self, dest: str, after_seq: int) -> int:
        """Members changed after `after_seq` that this destination has never planned nor acknowledged."""
        return int(self.db.execute(
            "SELECT count(*) FROM members m WHERE m.seq > ? AND NOT EXISTS"
            " (SELECT 1 FROM dest_members d WHERE d.dest=? AND d.email=m.email)", (after_seq, dest)).fetchone()[0])

    def current_seq(self) -> int:
        return self._seq()

    def set_planned_tiers(self, dest: str, rows: Sequence[tuple[str, int | None]]) -> None:
        self.db.executemany(
            "INSERT INTO dest_members(dest, email, tier_id) VALUES (?,?,?) ON CONFLICT(dest, email)"
            " DO UPDATE SET tier_id=excluded.tier_id", [(dest, e, t) for e, t in rows])


def _record_email(r: Record) -> str:
    return r.sender_email if isinstance(r, Referral) else r.email


def to_jsonable_tier(t: Any) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "threshold": t.threshold}


