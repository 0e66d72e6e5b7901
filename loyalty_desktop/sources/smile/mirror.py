"""A local mirror of what the Smile.io API returned: the state incremental reads build on.

Smile gives no per-customer counters beyond the points balance, so lifetime points, missions,
rewards and referrals are derived from the customer's points transactions and reward
fulfillments. An incremental read (`updated_at_min`) only returns what changed, so the source
keeps every customer, transaction and fulfillment it has seen here (one SQLite file per Smile
account in the data folder, or in memory) and derives the counters from the whole set. Rows are
upserted by Smile id, so reading the same changes twice (overlapping windows, a run interrupted
before its cursor was saved) changes nothing.

Duplicate emails (Smile does not enforce uniqueness): one customer per email "wins" and is the
member; the others are reported and their records left out. The winner is the customer in state
`member` if any, then the most recently updated, then the highest id: a candidate or disabled
duplicate (a POS guest, an old account) never hides the account the shopper actually uses, and
among real members the latest write wins, as with Smile's own Klaviyo sync.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loyalty_desktop.sources.smile.mapping import (
    REDEEM_WINDOW_S,
    as_int,
    as_opt_int,
    classify_reward,
    classify_transaction,
    format_datetime,
    normalize_email,
    parse_datetime,
)
from loyalty_desktop.sources.smile.mirror_render import MirrorRendering

SCHEMA_VERSION = "1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS customers (
  id INTEGER PRIMARY KEY, email TEXT, email_problem TEXT NOT NULL, state TEXT, first_name TEXT,
  last_name TEXT, dob TEXT, points_balance INTEGER NOT NULL, referral_url TEXT, vip_tier_id INTEGER,
  created_at TEXT, updated_at TEXT NOT NULL, winner INTEGER NOT NULL DEFAULT 0, progress REAL);
CREATE INDEX IF NOT EXISTS customers_email ON customers(email);
CREATE TABLE IF NOT EXISTS txns (
  id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, points_change INTEGER NOT NULL,
  description TEXT, internal_note TEXT, created_at TEXT NOT NULL, ts REAL NOT NULL,
  updated_at TEXT NOT NULL, kind TEXT, reward_id INTEGER);
CREATE INDEX IF NOT EXISTS txns_customer ON txns(customer_id, ts);
CREATE TABLE IF NOT EXISTS rewards (
  id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, name TEXT, code TEXT, status TEXT,
  usage TEXT, expires_at TEXT, used_at TEXT, created_at TEXT NOT NULL, ts REAL NOT NULL,
  updated_at TEXT NOT NULL, origin TEXT, points_spent INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS rewards_customer ON rewards(customer_id, ts);
"""

_EPOCH = "1970-01-01T00:00:00.000Z"


def _ts(raw: object) -> tuple[str, float]:
    dt = parse_datetime(raw)
    if dt is None:
        return _EPOCH, 0.0
    return format_datetime(dt), dt.timestamp()


def _progress(raw: object) -> float | None:
    """vip_status.progress_value (points or money, per the program), None when absent or garbled."""
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != raw or raw < 0:
        return None
    return float(raw)


def _iso(raw: object) -> str | None:
    dt = parse_datetime(raw)
    return format_datetime(dt) if dt else None


@dataclass(slots=True)
class Skipped:
    customer_id: int
    reason: str  # "no email" | "invalid email"


class Mirror(MirrorRendering):
    """The SQLite mirror. `path=None` keeps it in memory (the in-process sandbox)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                  isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL" if path else "PRAGMA journal_mode = MEMORY")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(SCHEMA)
        if "progress" not in {r[1] for r in self.db.execute("PRAGMA table_info(customers)")}:
            # vip_status.progress_value, added after schema 1: the next read is a full one anyway
            self.db.execute("ALTER TABLE customers ADD COLUMN progress REAL")
            self.db.execute("DELETE FROM meta WHERE key = 'schema'")
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != SCHEMA_VERSION:
            self._reset()
        else:
            self.uid = meta["uid"]

    def _reset(self) -> None:
        self.uid = uuid.uuid4().hex[:12]
        with self.tx():
            for table in ("customers", "txns", "rewards", "meta"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), ("uid", self.uid)])

    def close(self) -> None:
        self.db.close()

    def tx(self) -> sqlite3.Connection:
        return _Tx(self.db)  # type: ignore[return-value]

    def clear(self) -> None:
        """Forget everything (a full read starts over) under a new uid: old cursors stop matching."""
        self._reset()

    def reload(self) -> None:
        """After a rolled-back transaction: the uid is the one on disk again."""
        self.uid = self.get_meta("uid") or self.uid

    # -- meta -------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (key, value))

    # -- upserts ----------------------------------------------------------------------------------

    def upsert_customers(self, items: Iterable[dict[str, Any]]) -> list[int]:
        rows = []
        for c in items:
            cid = as_opt_int(c.get("id"))
            if cid is None:
                continue
            email, problem = normalize_email(c.get("email"))
            vip = c.get("vip_status") if isinstance(c.get("vip_status"), dict) else None
            # vip_status.vip_tier_id; the top-level vip_tier_id is deprecated (only a fallback).
            tier = as_opt_int(vip.get("vip_tier_id")) if vip is not None else as_opt_int(c.get("vip_tier_id"))
            rows.append((cid, email, problem, str(c.get("state") or "member"), c.get("first_name") or None,
                         c.get("last_name") or None, c.get("date_of_birth") or None,
                         as_int(c.get("points_balance")), c.get("referral_url") or None, tier,
                         _iso(c.get("created_at")), _ts(c.get("updated_at"))[0],
                         _progress(vip.get("progress_value") if vip is not None else None)))
        self.db.executemany(
            "INSERT INTO customers (id, email, email_problem, state, first_name, last_name, dob, points_balance,"
            " referral_url, vip_tier_id, created_at, updated_at, progress) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET email=excluded.email, email_problem=excluded.email_problem,"
            " state=excluded.state, first_name=excluded.first_name, last_name=excluded.last_name,"
            " dob=excluded.dob, points_balance=excluded.points_balance, referral_url=excluded.referral_url,"
            " vip_tier_id=excluded.vip_tier_id, created_at=excluded.created_at, updated_at=excluded.updated_at,"
            " progress=excluded.progress",
            rows)
        return [r[0] for r in rows]

    def upsert_transactions(self, items: Iterable[dict[str, Any]]) -> list[tuple[int, int]]:
        """Returns (transaction id, customer id) of every row written."""
        rows = []
        for t in items:
            tid, cid = as_opt_int(t.get("id")), as_opt_int(t.get("customer_id"))
            if tid is None or cid is None:
                continue
            created, ts = _ts(t.get("created_at"))
            rows.append((tid, cid, as_int(t.get("points_change")), t.get("description") or "",
                         t.get("internal_note") or None, created, ts,
                         _ts(t.get("updated_at") or t.get("created_at"))[0]))
        self.db.executemany(
            "INSERT INTO txns (id, customer_id, points_change, description, internal_note, created_at, ts,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET customer_id=excluded.customer_id,"
            " points_change=excluded.points_change, description=excluded.description,"
            " internal_note=excluded.internal_note, created_at=excluded.created_at, ts=excluded.ts,"
            " updated_at=excluded.updated_at", rows)
        return [(r[0], r[1]) for r in rows]

    def upsert_rewards(self, items: Iterable[dict[str, Any]]) -> list[tuple[int, int]]:
        rows = []
        for f in items:
            fid, cid = as_opt_int(f.get("id")), as_opt_int(f.get("customer_id"))
            if fid is None or cid is None:
                continue
            created, ts = _ts(f.get("created_at"))
            rows.append((fid, cid, f.get("name") or "", f.get("code") or "", f.get("fulfillment_status") or "issued",
                         f.get("usage_status") or "untracked", _iso(f.get("expires_at")), _iso(f.get("used_at")),
                         created, ts, _ts(f.get("updated_at") or f.get("created_at"))[0]))
        self.db.executemany(
            "INSERT INTO rewards (id, customer_id, name, code, status, usage, expires_at, used_at, created_at, ts,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
            " customer_id=excluded.customer_id, name=excluded.name, code=excluded.code, status=excluded.status,"
            " usage=excluded.usage, expires_at=excluded.expires_at, used_at=excluded.used_at,"
            " created_at=excluded.created_at, ts=excluded.ts, updated_at=excluded.updated_at", rows)
        return [(r[0], r[1]) for r in rows]

    def known_customers(self, ids: Iterable[int]) -> set[int]:
        self._load_ids("want", ids)
        return {r[0] for r in self.db.execute("SELECT id FROM customers WHERE id IN (SELECT id FROM temp.want)")}

    def max_updated(self, table: str) -> str | None:
        row = self.db.execute(f"SELECT max(updated_at) FROM {table}").fetchone()  # fixed names
        return row[0] if row else None

    # -- derivations ------------------------------------------------------------------------------

    def _load_ids(self, name: str, ids: Iterable[int]) -> None:
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
        self.db.execute(f"DELETE FROM temp.{name}")
        self.db.executemany(f"INSERT OR IGNORE INTO temp.{name} VALUES (?)", ((i,) for i in ids))

    def classify(self, customer_ids: Iterable[int] | None, tier_names: Sequence[str]) -> None:
        """(Re)derive transaction kinds and reward origins for these customers (None: all)."""
        if customer_ids is None:
            scope = ""
        else:
            self._load_ids("aff", customer_ids)
            scope = " AND {c} IN (SELECT id FROM temp.aff)"
        # 1. Redemptions: a negative transaction and a fulfillment of the same customer created
        #    within the window, paired one to one, nearest first.
        pairs = self.db.execute(
            "SELECT t.id, r.id, abs(t.ts - r.ts) AS d, -t.points_change FROM txns t JOIN rewards r"
            " ON r.customer_id = t.customer_id AND r.ts BETWEEN t.ts - ? AND t.ts + ?"
            " WHERE t.points_change < 0" + scope.format(c="t.customer_id") + " ORDER BY d, t.id, r.id",
            (REDEEM_WINDOW_S, REDEEM_WINDOW_S)).fetchall()
        txn_reward: dict[int, int] = {}
        reward_points: dict[int, int] = {}
        for tid, rid, _d, spent in pairs:
            if tid not in txn_reward and rid not in reward_points:
                txn_reward[tid] = rid
                reward_points[rid] = spent
        # 2. Transaction kinds.
        cache: dict[tuple[int, str, str | None, bool], str] = {}
        updates = []
        for tid, change, desc, note in self.db.execute(
                "SELECT id, points_change, description, internal_note FROM txns WHERE 1=1"
                + scope.format(c="customer_id")).fetchall():
            matched = tid in txn_reward
            key = (max(-1, min(1, change)), desc, note, matched)
            kind = cache.get(key)
            if kind is None:
                kind = cache[key] = classify_transaction(change, desc, note, redemption=matched).value
            updates.append((kind, txn_reward.get(tid), tid))
        self.db.executemany("UPDATE txns SET kind = ?, reward_id = ? WHERE id = ?", updates)
        # 3. Reward origins.
        names = tuple(tier_names)
        rcache: dict[tuple[str, bool], str] = {}
        rupdates = []
        for rid, name in self.db.execute("SELECT id, name FROM rewards WHERE 1=1"
                                         + scope.format(c="customer_id")).fetchall():
            matched = rid in reward_points
            origin = rcache.get((name, matched))
            if origin is None:
                origin = rcache[(name, matched)] = classify_reward(name, names, redemption=matched).value
            rupdates.append((origin, reward_points.get(rid, 0), rid))
        self.db.executemany("UPDATE rewards SET origin = ?, points_spent = ? WHERE id = ?", rupdates)

    def pick_winners(self) -> None:
        """One customer per email: state member first, then latest update, then highest id."""
        self.db.execute("UPDATE customers SET winner = 0 WHERE winner != 0")
        self.db.execute(
            "UPDATE customers SET winner = 1 WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER"
            " (PARTITION BY email ORDER BY state = 'member' DESC, updated_at DESC, id DESC) AS rn"
            " FROM customers WHERE email IS NOT NULL) WHERE rn = 1)")

    # -- reports ----------------------------------------------------------------------------------

    def skipped(self, customer_ids: Iterable[int] | None) -> list[Skipped]:
        sql = "SELECT id, email_problem FROM customers WHERE email IS NULL"
        if customer_ids is not None:
            self._load_ids("want", customer_ids)
            sql += " AND id IN (SELECT id FROM temp.want)"
        return [Skipped(i, why) for i, why in self.db.execute(sql + " ORDER BY id")]

    def duplicates(self, emails: Iterable[str] | None) -> list[tuple[str, int, list[int]]]:
        """(email, kept customer id, other customer ids) for every email several customers share."""
        sql = ("SELECT email, group_concat(id || ':' || winner) FROM customers WHERE email IS NOT NULL"
               "{} GROUP BY email HAVING count(*) > 1 ORDER BY email")
        if emails is not None:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS emails (email TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM temp.emails")
            self.db.executemany("INSERT OR IGNORE INTO temp.emails VALUES (?)", ((e,) for e in emails))
            sql = sql.format(" AND email IN (SELECT email FROM temp.emails)")
        else:
            sql = sql.format("")
        out = []
        for email, pairs in self.db.execute(sql):
            ids = [tuple(map(int, p.split(":"))) for p in pairs.split(",")]
            kept = next(i for i, w in ids if w)
            out.append((email, kept, sorted(i for i, w in ids if not w)))
        return out

    def emails_of(self, customer_ids: Iterable[int]) -> set[str]:
        self._load_ids("want", customer_ids)
        return {r[0] for r in self.db.execute(
            "SELECT DISTINCT email FROM customers WHERE email IS NOT NULL AND id IN (SELECT id FROM temp.want)")}

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("customers", "txns", "rewards")}


class _Tx:
    """BEGIN … COMMIT (ROLLBACK on error); inside an open transaction, a no-op."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            self.outer = True
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self.outer:
            self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")

