"""Ids of ledger entries a source gives without an id of its own (a spreadsheet without a
transaction id column).

An event's identity (Klaviyo's `unique_id`, the outbox key) is the ledger entry's id, so that id
must name the *movement*, not the way the export words it: the member, the moment, the points and
the kind of movement. Reason texts, descriptions and reward names are labels; an export that says
"Order" where the previous one said "Commande" describes the same movement and must give the
same id (and so no second event). Identical movements in one file (same member, moment, points
and kind) are told apart by their occurrence: the second is `-1`, the third `-2`…

A source that has its own id for a movement (Smile.io's transaction id, a spreadsheet's mapped id
column) uses it instead; this module is only the fallback.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

from loyalty_desktop.core.model import LedgerKind

PREFIX = "sheet:"
# What an id made here looks like (and what ids made by earlier versions looked like: same form,
# other content; see store_migrate).
DERIVED_ID = re.compile(r"sheet:[0-9a-f]{20}(?:-\d+)?")


def _utc_iso(at: datetime) -> str:
    # As the store writes it (model._iso_dt): the key reads the same from a row and from the store.
    if at.tzinfo is not UTC:
        at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return at.isoformat()


def movement_key(email: str, at: datetime | str, change: int, kind: LedgerKind | str) -> str:
    """What identifies a movement without an id: member, moment (UTC), points and kind."""
    when = at if isinstance(at, str) else _utc_iso(at)
    k = kind.value if isinstance(kind, LedgerKind) else kind
    return f"{email}|{when}|{change}|{k}"


def derived_id(key: str, nth: int = 0) -> str:
    """The id of the `nth` (0-based) movement with this key in one source read."""
    return PREFIX + hashlib.blake2b(key.encode(), digest_size=10).hexdigest() + (f"-{nth}" if nth else "")
