"""Store migrations that need more than SQL (run inside the migration's transaction).

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
from collections.abc import Callable

from .ledger_ids import DERIVED_ID, derived_id, movement_key

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


def _ledger_data(new: str, d: dict, renamed: dict[str, str]) -> dict:
    out = {**d, "id": new}
    rid = d.get("reward_id")
    if rid and rid.endswith(":reward") and rid[:-len(":reward")] in renamed:
        out["reward_id"] = renamed[rid[:-len(":reward")]] + ":reward"
    return out


def _rewrite_records(db: sqlite3.Connection, kind: str, renamed: dict[str, str],
                     convert: Callable[[str, dict], dict]) -> None:
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


# Python steps by the schema version they complete.
STEPS: dict[int, Callable[[sqlite3.Connection], object]] = {3: rekey_sheet_ledger}
