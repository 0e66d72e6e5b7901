"""What the Klaviyo kit left in the store: the last result of each item (the Kit tab shows them at
the next launch) and the flows waiting for their metric (the next sync that sees the metric makes
them; see destinations/klaviyo/kit/pending.py).

Two small tables, created on first use (`CREATE TABLE IF NOT EXISTS`, in the write transaction that
first needs them): a store that never ran the kit has neither, and older versions ignore them.
Rows are per destination account (`dest`, the bound destination name), so switching account does
not show another account's kit.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from loyalty_desktop.core import clock
from loyalty_desktop.store.store import Store

_SCHEMA = (
    ("CREATE TABLE IF NOT EXISTS kit_results (dest TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL,"
     " name TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, args TEXT NOT NULL,"
     " message TEXT NOT NULL, remote_id TEXT, at TEXT NOT NULL, PRIMARY KEY (dest, key))"),
    ("CREATE TABLE IF NOT EXISTS kit_pending (dest TEXT NOT NULL, key TEXT NOT NULL, metric TEXT NOT NULL,"
     " language TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (dest, key))"),
)


@dataclass(frozen=True, slots=True)
class KitRecord:
    """The last outcome of one kit item, as the kit reported it (status/reason: model.ItemStatus
    values and kit_texts codes, kept as text so this layer does not import the destination)."""

    key: str
    kind: str
    name: str
    status: str
    reason: str = ""
    args: tuple[tuple[str, str], ...] = ()
    message: str = ""
    remote_id: str | None = None
    at: str = ""  # ISO time of the outcome


@dataclass(frozen=True, slots=True)
class PendingFlow:
    key: str  # the kit item's key ("flow:points-expiring-7d:fr")
    metric: str  # the metric whose first event it waits for
    language: str
    since: str


def _tables(db: sqlite3.Connection) -> None:
    for statement in _SCHEMA:
        db.execute(statement)


def _has_tables(store: Store) -> bool:
    names = {r[0] for r in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name IN ('kit_results','kit_pending')")}
    return len(names) == 2


def save_results(store: Store, dest: str, records: list[KitRecord], pending: list[PendingFlow],
                 done: list[str]) -> None:
    """Keep `records` as each item's last outcome, add `pending` flows and drop the `done` ones
    (created, or found in Klaviyo), in one transaction."""
    now = clock.now().isoformat()
    with store.tx() as db:
        _tables(db)
        db.executemany(
            "INSERT OR REPLACE INTO kit_results(dest,key,kind,name,status,reason,args,message,remote_id,at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(dest, r.key, r.kind, r.name, r.status, r.reason, json.dumps([list(a) for a in r.args]), r.message,
              r.remote_id, r.at or now) for r in records])
        db.executemany("INSERT OR REPLACE INTO kit_pending(dest,key,metric,language,since) VALUES (?,?,?,?,?)",
                       [(dest, p.key, p.metric, p.language, p.since or now) for p in pending])
        db.executemany("DELETE FROM kit_pending WHERE dest=? AND key=?", [(dest, k) for k in done])


def results(store: Store, dest: str | None) -> list[KitRecord]:
    """The last outcome of every item the kit ran on `dest` (None: the account it ran on last), in
    the order they were recorded."""
    if not _has_tables(store):
        return []
    if dest is None:
        last = store.db.execute("SELECT dest FROM kit_results ORDER BY at DESC, rowid DESC LIMIT 1").fetchone()
        if last is None:
            return []
        dest = str(last[0])
    rows = store.db.execute("SELECT key,kind,name,status,reason,args,message,remote_id,at FROM kit_results"
                            " WHERE dest=? ORDER BY rowid", (dest,)).fetchall()
    return [KitRecord(k, kind, name, status, reason, tuple((str(a[0]), str(a[1])) for a in json.loads(args)),
                      message, remote_id, at) for k, kind, name, status, reason, args, message, remote_id, at in rows]


def last_source(store: Store) -> str:
    """The source the last sync read (its store name, e.g. "smile:acct"), "" before any sync."""
    row = store.db.execute("SELECT source FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return str(row[0]) if row else ""


def pending(store: Store, dest: str) -> list[PendingFlow]:
    """The flows waiting for their metric on `dest`."""
    if not _has_tables(store):
        return []
    rows = store.db.execute("SELECT key,metric,language,since FROM kit_pending WHERE dest=? ORDER BY since, key",
                            (dest,)).fetchall()
    return [PendingFlow(*r) for r in rows]
