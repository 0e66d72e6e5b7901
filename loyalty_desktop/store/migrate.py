"""The store's schema migrations, and the steps that need more than SQL (run inside the
migration's transaction).

Schema 3 re-keys the ledger entries a spreadsheet gave without an id of its own. Their id used to
be a hash of the row's text, labels included (reason, description, reward code): re-exporting the
same movements worded differently gave new ids, so new events. The id is now a hash of the
movement (member, moment, points, kind; see `ledger_ids`). Without this step an upgrade would see
every such movement as new on the next import and queue its events again; with it, the store holds
the ids the new version derives, so nothing is sent twice:

- ledger records `sheet:<hash>[-n]` get the new id (the n-th identical movement in the order they
  were first stored gets `-n`, as a source read numbers them), in their data too;
- the reward a movement carried (`<id>:reward`) and the ledger's `reward_id` follow;
- outbox event keys derived from those ids (`<id>:earned`, `<id>:reward:expiring`…) follow, so
  the events already sent or kept as history are recognised under their new key.

Rows are rewritten without a new sequence number: this is not a change of the program.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from loyalty_desktop.core.ledger_ids import DERIVED_ID, derived_id, movement_key

_canonical = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode
_EVENT_KEY = re.compile(r"(sheet:[0-9a-f]{20}(?:-\d+)?)(:.*)")

# 3: the source each destination was last planned from (a new or changed source is planned like a
# first sync), the run that last acknowledged each member's profile (run counts that add up), the
# spreadsheet ledger ids re-keyed (rekey_sheet_ledger)
SCHEMA_3 = """
ALTER TABLE destinations ADD COLUMN source TEXT;
ALTER TABLE dest_members ADD COLUMN acked_run INTEGER;
CREATE INDEX dest_members_run ON dest_members(dest, acked_run);
"""


# The schema, as ordered migrations (store.Store applies those a file lacks, each in one transaction).
MIGRATIONS: tuple[str, ...] = (
    # 1: initial schema
    """
    CREATE TABLE members (
        email TEXT PRIMARY KEY,
        data  TEXT NOT NULL,          -- model.Member as JSON (catalog keys)
        seq   INTEGER NOT NULL        -- store sequence of the ingest that last changed it
    );
    CREATE INDEX members_seq ON members(seq);
    CREATE TABLE records (
        kind  TEXT NOT NULL,          -- ledger | reward | referral
        id    TEXT NOT NULL,
        email TEXT NOT NULL,
        data  TEXT NOT NULL,
        seq   INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
    );
    CREATE INDEX records_seq ON records(seq);
    CREATE TABLE sources (
        name   TEXT PRIMARY KEY,
        cursor TEXT,
        as_of  TEXT NOT NULL,
        tiers  TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE destinations (
        name         TEXT PRIMARY KEY,
        mapping      TEXT NOT NULL,   -- Mapping.to_json()
        mapping_fp   TEXT NOT NULL,
        planned_seq  INTEGER NOT NULL,
        first_synced TEXT NOT NULL
    );
    CREATE TABLE dest_members (
        dest     TEXT NOT NULL,
        email    TEXT NOT NULL,
        acked_fp TEXT,                -- fingerprint of the last payload the destination acknowledged
        tier_id  INTEGER,             -- tier as last planned (VIP Tier Achieved is derived from it)
        PRIMARY KEY (dest, email)
    ) WITHOUT ROWID;
    CREATE TABLE outbox (
        id       INTEGER PRIMARY KEY,
        dest     TEXT NOT NULL,
        kind     TEXT NOT NULL,       -- profile | event
        key      TEXT NOT NULL,       -- email for profiles, unique_id for events
        payload  TEXT NOT NULL,
        fp       TEXT,
        status   TEXT NOT NULL,       -- pending | in_flight | acked | rejected | history
        job      TEXT,                -- destination job id while in flight
        run_id   INTEGER,
        UNIQUE (dest, kind, key)
    );
    CREATE INDEX outbox_status ON outbox(dest, kind, status);
    CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        dest        TEXT NOT NULL,
        source      TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        status      TEXT NOT NULL,    -- running | completed | completed_with_rejects | failed | cancelled | interrupted
        counts      TEXT NOT NULL DEFAULT '{}',
        error       TEXT
    );
    CREATE TABLE rejected_rows (
        run_id INTEGER NOT NULL,
        dest   TEXT NOT NULL,
        kind   TEXT NOT NULL,
        key    TEXT NOT NULL,
        field  TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE INDEX rejected_run ON rejected_rows(run_id);
    """,
    # 2: source rejects recorded with the run (store_rejects); the program clock of each
    # destination's last plan (the planner sends as events only what happened after it, minus a
    # grace period: history a source reveals later is not replayed as live events)
    """
    ALTER TABLE rejected_rows ADD COLUMN origin TEXT NOT NULL DEFAULT 'destination';
    ALTER TABLE rejected_rows ADD COLUMN line INTEGER;
    ALTER TABLE rejected_rows ADD COLUMN value TEXT NOT NULL DEFAULT '';
    ALTER TABLE rejected_rows ADD COLUMN file TEXT NOT NULL DEFAULT '';
    ALTER TABLE destinations ADD COLUMN first_as_of TEXT;
    ALTER TABLE destinations ADD COLUMN planned_as_of TEXT;
    """,
    SCHEMA_3,
)

def rekey_sheet_ledger(db: sqlite3.Connection) -> int:
    """Give derived spreadsheet ledger ids their label-free form; returns how many changed."""
    counts: dict[str, int] = {}
    renamed: dict[str, str] = {}
    for rid, data in db.execute("SELECT id, data FROM records WHERE kind='ledger' AND id GLOB 'sheet:*'"
                                " ORDER BY rowid"):
        if not DERIVED_ID.fullmatch(rid):
            continue  # the export's own transaction id: kept
        d = json.loads(data)
        key = movement_key(d["email"], d["at"], int(d["points_change"]), d["kind"])
        nth = counts.get(key, 0)
        counts[key] = nth + 1
        new = derived_id(key, nth)
        if new != rid:
            renamed[rid] = new
    if not renamed:
        return 0
    _rewrite_records(db, "ledger", renamed, lambda new, d: _ledger_data(new, d, renamed))
    rewards = {f"{old}:reward": f"{new}:reward" for old, new in renamed.items()}
    _rewrite_records(db, "reward", rewards, lambda new, d: {**d, "id": new})
    _rewrite_event_keys(db, renamed)
    return len(renamed)


def _ledger_data(new: str, d: dict[str, Any], renamed: dict[str, str]) -> dict[str, Any]:
    out = {**d, "id": new}
    rid = d.get("reward_id")
    if rid and rid.endswith(":reward") and rid[:-len(":reward")] in renamed:
        out["reward_id"] = renamed[rid[:-len(":reward")]] + ":reward"
    return out


def _rewrite_records(db: sqlite3.Connection, kind: str, renamed: dict[str, str],
                     convert: Callable[[str, dict[str, Any]], dict[str, Any]]) -> None:
    # Read, delete, insert: the renaming may chain (an old id equal to another's new id), which a
    # row-by-row UPDATE would trip over on the primary key.
    olds = list(renamed)
    rows: list[tuple[int, str, str, str, int]] = []
    for i in range(0, len(olds), 500):
        part = olds[i:i + 500]
        q = ",".join("?" * len(part))
        rows += db.execute(f"SELECT rowid, id, email, data, seq FROM records WHERE kind=? AND id IN ({q})",
                           (kind, *part)).fetchall()
    rows.sort()  # re-inserted in their first-stored order (the order the next migration would number)
    db.executemany("DELETE FROM records WHERE kind=? AND id=?", [(kind, r[1]) for r in rows])
    db.executemany("INSERT INTO records(kind, id, email, data, seq) VALUES (?,?,?,?,?)",
                   [(kind, renamed[rid], email, _canonical(convert(renamed[rid], json.loads(data))), seq)
                    for _, rid, email, data, seq in rows])


def _rewrite_event_keys(db: sqlite3.Connection, renamed: dict[str, str]) -> None:
    moves: list[tuple[int, str]] = []
    for oid, key in db.execute("SELECT id, key FROM outbox WHERE kind='event' AND key GLOB 'sheet:*'"):
        m = _EVENT_KEY.fullmatch(key)
        if m and m.group(1) in renamed:
            moves.append((oid, renamed[m.group(1)] + m.group(2)))
    # Two steps for the same reason as above (UNIQUE(dest, kind, key)).
    db.executemany("UPDATE outbox SET key='~' || key WHERE id=?", [(i,) for i, _ in moves])
    db.executemany("UPDATE outbox SET key=? WHERE id=?", [(k, i) for i, k in moves])


def statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one by one (so they can run inside an open transaction,
    which `executescript` would commit first)."""
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\r\n;"):
                yield pending
            pending = ""
    if pending.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement in a migration: {pending[:80]!r}")


# Python steps by the schema version they complete.
STEPS: dict[int, Callable[[sqlite3.Connection], object]] = {3: rekey_sheet_ledger}
