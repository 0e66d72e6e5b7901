"""Warnings a plan missed because no sync ran when they fell due (a catch-up run): the planner
sends those still due and lists the others as too late (core/lateness.py decides which is which).

A warning falls due on a day (30 or 7 days before points expire, 7 days before a reward expires);
a plan queues the warnings due on its own day. When the previous plan is days old, some fell due in
between: still due ones are found by the usual query, the others are these.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from loyalty_desktop.core.events import (
    POINTS_EXPIRY_WARNINGS,
    REWARD_EXPIRY_WARNING,
    LoyaltyEvent,
    points_warning,
    reward_expiring,
)
from loyalty_desktop.core.lateness import LateEvent, missed_warning_days, split_late
from loyalty_desktop.core.model import utc
from loyalty_desktop.store.store import Store


def missed_warnings(store: Store, dest: str, previous: datetime, as_of: datetime, after_seq: int) -> list[LateEvent]:
    """The warnings that fell due after the `previous` plan, were never queued for `dest`, and are
    too late at `as_of`."""
    prev, today = utc(previous).date(), utc(as_of).date()
    if prev >= today:
        return []
    candidates: list[LoyaltyEvent] = []
    # Points still to expire: a 30-day warning whose day passed while only 7 days or fewer are left.
    horizon = (today + timedelta(days=max(POINTS_EXPIRY_WARNINGS))).isoformat()
    for m in store.members_expiring(prev.isoformat(), horizon):
        expiry = date.fromisoformat(m["points_expiry_date"])
        candidates += [points_warning(m["email"], m["points_expiring"], expiry, w, as_of, m.get("points_balance"))
                       for w in missed_warning_days(expiry, prev, today)]
    # Points that expired since: the expiry entries of the ledger (the member now shows the next expiry).
    for chunk in store.records_after(after_seq):
        for kind, _id, data in chunk:
            if kind != "ledger" or '"expire"' not in data:
                continue
            r = json.loads(data)
            if r.get("kind") != "expire" or not r.get("email"):
                continue
            expiry = utc(datetime.fromisoformat(r["at"])).date()
            candidates += [points_warning(r["email"], -int(r["points_change"]), expiry, w, as_of)
                           for w in missed_warning_days(expiry, prev, today)]
    # Rewards that expired unused after their warning's day.
    start = datetime.combine(prev, datetime.min.time(), utc(as_of).tzinfo) + timedelta(days=REWARD_EXPIRY_WARNING)
    candidates += [reward_expiring(r, as_of) for r in store.rewards_expiring(start.isoformat(), utc(as_of).isoformat())]
    _, late = split_late(candidates, as_of)
    known = store.known_events(dest, [x.event.unique_id for x in late])
    seen: set[str] = set()
    out = []
    for x in late:
        if x.event.unique_id not in known and x.event.unique_id not in seen:
            seen.add(x.event.unique_id)
            out.append(x)
    return out
