"""The demo loyalty program: a simulated loyalty platform for "Maison Lumière", a small
French/English shop. Used for offline demos, tests and benchmarks.

It keeps its own state in its own SQLite file, evolves with `tick(days)` and answers full and
incremental reads, like a merchant's loyalty platform would::

    with DemoProgram.create(path, members=2000, seed=42) as prog:
        first = prog.read(None)          # full: every member and record
        prog.tick(30)                    # a month of orders, missions, redemptions, referrals…
        delta = prog.read(first.cursor)  # only what changed since `first`

Rules (earning, tiers, FIFO expiry…) are documented in `demo_rules`; the storage in `demo_store`.
Reads are at-least-once: a row changed while a read is being consumed may also come back in the
next incremental read. A `DemoProgram` is not thread-safe, but may be used from a thread other
than the one that opened it (one at a time).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core import disk_errors
from loyalty_desktop.core.errors import DiskError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.model import Member, Record, SourceRead, Tier, utc
from loyalty_desktop.net.client import HttpClient
from loyalty_desktop.sources.demo import db as st
from loyalty_desktop.sources.demo.history import generate
from loyalty_desktop.sources.demo.rules import DAY, day_of, ts_of_day
from loyalty_desktop.sources.demo.state import Row
from loyalty_desktop.sources.demo.tick import run_day

__all__ = ["DemoProgram", "TickSummary"]

_CURSOR_PREFIX = "demo1"
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class TickSummary:
    """What `tick(days)` did. Counts are numbers of events (not points)."""

    days: int = 0
    points_earned: int = 0  # earning ledger entries (orders, missions, referrals, birthdays)
    points_redeemed: int = 0  # redemptions (points → voucher)
    tier_changes: int = 0  # upgrades (Bronze → Silver, Silver → Gold, Bronze → Gold)
    referrals_started: int = 0
    referrals_completed: int = 0
    points_expired: int = 0  # expiry ledger entries
    rewards_issued: int = 0  # vouchers of every origin
    birthday_rewards: int = 0
    members_changed: int = 0  # distinct members whose visible data changed
    orders: int = 0
    missions: int = 0
    rewards_used: int = 0
    referrals_claimed: int = 0
    referrals_expired: int = 0
    new_members: int = 0  # sign-ups, candidates joining, referred friends joining

    def lines(self) -> list[str]:
        """What happened in the program, in words (`demo tick`)."""
        # Marked for translation (the CLI words them in the reader's language: core.translate.translate_text).
        n = {k: f"{v:,}" for k, v in asdict(self).items()}
        n["elsewhere"] = f"{max(0, self.points_earned - self.orders - self.missions):,}"
        return [(tr("{orders} order(s) and {missions} mission(s) earned points ({elsewhere} more earnings from "
                    "birthdays and referrals)") if n["elsewhere"] != "0"
                 else tr("{orders} order(s) and {missions} mission(s) earned points")).format(**n),
                tr("{points_redeemed} redemption(s) of points for a voucher; {rewards_issued} reward(s) issued "
                   "({birthday_rewards} for a birthday), {rewards_used} used").format(**n),
                tr("{tier_changes} tier upgrade(s)").format(**n),
                tr("{referrals_started} referral(s) started, {referrals_completed} completed, {referrals_claimed} "
                   "claimed, {referrals_expired} expired").format(**n),
                tr("{points_expired} expiration(s) of unused points").format(**n),
                tr("{new_members} new member(s)").format(**n),
                tr("{members_changed} member(s) changed in all").format(**n)]


def _setup(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -32000")  # 32 MB page cache
    # Checkpoint rarely (and after each tick) rather than every ~4 MB of WAL: creation and ticks
    # rewrite the same pages many times, and one checkpoint copies each page once.
    conn.execute("PRAGMA wal_autocheckpoint = 16000")


class DemoProgram:
    """A demo loyalty program stored in one SQLite file. Use `create` or `open`."""

    http: HttpClient | None = None  # a local file: no network client (sync.engine.Source)

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != st.SCHEMA_VERSION:
            raise ValueError(f"{path}: not a demo program (schema {meta.get('schema')!r})")
        self.seed = int(meta["seed"])
        self.uid = meta["uid"]
        self.start = datetime.fromtimestamp(int(meta["start"]), UTC)
        self._state = self._load_state(meta)

    @staticmethod
    def _load_state(meta: dict[str, str]) -> dict[str, int]:
        return {k: int(meta[k]) for k in ("seq", "as_of", "code_n", "next_num", "members_total")}

    def _refresh(self) -> None:
        """Pick up ticks made through another `DemoProgram` on the same file."""
        self._state = self._load_state(dict(self.conn.execute("SELECT key, value FROM meta")))

    # -- life cycle ------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, members: int = 500, seed: int = 42,
               start: datetime | None = None) -> DemoProgram:
        """Write a new program with ~2 years of history ending at `start` (default: today 00:00
        UTC; a given `start` is taken as UTC and floored to midnight). Fails if `path` exists."""
        path = Path(path)
        if members < 0:
            raise ValueError("members must be >= 0")
        if start is None:
            start = clocks.now()
        start_ts = ts_of_day(day_of(int(utc(start).timestamp())))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb"):  # atomically claims the name; raises FileExistsError
            pass
        conn = None
        try:
            conn = sqlite3.connect(str(path), check_same_thread=False)
            _setup(conn)
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(st.SCHEMA)
            counters = generate(conn, members, seed, start_ts)
            meta = {"schema": st.SCHEMA_VERSION, "seed": seed, "members": members,
                    "uid": uuid.uuid4().hex[:12], "start": start_ts, "as_of": start_ts, "seq": 1,
                    "members_total": members, **counters}
            with conn:
                conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
            conn.executescript(st.INDEXES)
            conn.execute("ANALYZE")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            if conn is not None:
                conn.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            raise
        return cls(path, conn)

    @classmethod
    def open(cls, path: Path | str) -> DemoProgram:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(path)
        conn = sqlite3.connect(str(path), check_same_thread=False)
        try:
            _setup(conn)
            return cls(path, conn)
        except sqlite3.DatabaseError as e:
            conn.close()
            # A full or read-only disk is said as such; a damaged file stays "not a demo program".
            problem = disk_errors.from_sqlite(e, path)
            if isinstance(problem, DiskError):
                raise problem from e
            raise ValueError(f"{path}: not a demo program ({e})") from e
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> DemoProgram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("demo program is closed")
        return self._conn

    # -- state -----------------------------------------------------------------------------------
    @property
    def as_of(self) -> datetime:
        """The program clock (aware UTC): midnight after the last simulated day."""
        if self._conn is not None:
            self._refresh()
        return datetime.fromtimestamp(self._state["as_of"], UTC)

    @property
    def tiers(self) -> list[Tier]:
        return list(st.TIER_OBJS)

    def stats(self) -> dict[str, int]:
        """Cheap counts for a UI: members by state and tier, records by kind."""
        c = self.conn
        out: dict[str, int] = {}
        for state, tier, n in c.execute("SELECT state, tier, count(*) FROM members GROUP BY state, tier"):
            key = ("members", "candidates", "disabled")[state]
            out[key] = out.get(key, 0) + n
            if state == 0:
                out[st.TIER_OBJS[tier - 1].name.lower()] = n
        for table in ("ledger", "rewards", "referrals"):
            out[table] = c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    # -- evolution -------------------------------------------------------------------------------
    def tick(self, days: int = 1) -> TickSummary:
        """Simulate `days` days (each day under its own change sequence number) in one
        transaction; returns what happened."""
        if days < 0:
            raise ValueError("days must be >= 0")
        totals: dict[str, int] = {}
        changed: set[int] = set()
        conn = self.conn
        if not days:
            return TickSummary()
        conn.execute("BEGIN IMMEDIATE")  # the write lock first, then the latest state
        try:
            self._refresh()
            state = dict(self._state)
            for _ in range(days):
                eng = run_day(conn, self.seed, day_of(state["as_of"]), state, changed)
                for name in eng.c.__slots__:
                    totals[name] = totals.get(name, 0) + getattr(eng.c, name)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        self._state = state
        try:  # best effort, never blocks: a read being consumed may hold pages
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.OperationalError:
            pass
        names = {f.name for f in fields(TickSummary)}
        return TickSummary(days=days, members_changed=len(changed),
                           **{k: v for k, v in totals.items() if k in names})

    # -- reads -----------------------------------------------------------------------------------
    def _parse_cursor(self, cursor: str | None) -> int | None:
        """The change sequence a cursor stands for, or None (→ full read) if it is not ours."""
        if cursor is None:
            return None
        parts = str(cursor).split(":")
        if len(parts) != 3 or parts[0] != _CURSOR_PREFIX or parts[1] != self.uid:
            return None
        try:
            seq = int(parts[2])
        except ValueError:
            return None
        return seq if 0 <= seq <= self._state["seq"] else None

    def read(self, cursor: str | None = None, history: bool = True) -> SourceRead:
        """Full read (cursor None, or a cursor from another program) or changes since `cursor`.

        `members` and `records` are lazy iterators streaming from SQLite (ledger entries, then
        rewards, then referrals); consume them before closing the program. A full read with
        `history=False` leaves out records that are over (the ledger, used or expired rewards,
        completed or expired referrals): a first sync without backfill has no use for them, and
        they are most of the volume."""
        self._refresh()
        since = self._parse_cursor(cursor)
        records = self._iter_records(since) if since is not None or history else self._iter_open_records()
        return SourceRead(
            as_of=self.as_of, full=since is None, members=self._iter_members(since),
            records=records, tiers=self.tiers,
            cursor=f"{_CURSOR_PREFIX}:{self.uid}:{self._state['seq']}", invented=True)

    def _stream(self, sql: str, since: int | None, alias: str, render: Callable[[Row], _T], where: str = "",
                args: tuple[Any, ...] = ()) -> Iterator[_T]:
        if since is not None:
            sql += f" WHERE {alias}seq > ?"
            cur = self.conn.execute(sql, (since,))
        elif where:
            cur = self.conn.execute(f"{sql} WHERE {where}", args)
        else:
            cur = self.conn.execute(sql)
        try:
            yield from map(render, cur)
        finally:
            cur.close()

    def _iter_members(self, since: int | None) -> Iterator[Member]:
        now, seq = self._state["as_of"], self._state["seq"]
        # One change sequence per simulated day: the program's clock at `since`.
        args = {"as_of": now, "since": since, "before": now - (seq - (since or 0)) * DAY}
        sql = st.SQL_READ_MEMBERS + (st.SQL_CHANGED_MEMBERS if since is not None else "")
        cur = self.conn.execute(sql, args)
        try:
            yield from map(st.render_member, cur)
        finally:
            cur.close()

    def _iter_open_records(self) -> Iterator[Record]:
        now = self._state["as_of"]
        yield from self._stream(st.SQL_READ_REWARDS, None, "r.", st.render_reward,
                                "r.used IS NULL AND (r.expires IS NULL OR r.expires >= ?)", (now,))
        yield from self._stream(st.SQL_READ_REFERRALS, None, "f.", st.render_referral, "f.state IN (0, 1)")

    def _iter_records(self, since: int | None) -> Iterator[Record]:
        yield from self._stream(st.SQL_READ_LEDGER, since, "l.", st.render_ledger)
        yield from self._stream(st.SQL_READ_REWARDS, since, "r.", st.render_reward)
        yield from self._stream(st.SQL_READ_REFERRALS, since, "f.", st.render_referral)

