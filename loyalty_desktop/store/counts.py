"""Run counts from the store: where every member stands with a destination after a run.

A run's members are counted once each, in the first of these that applies, so the figures add
up (members = sent + unchanged + rejected + not sent), also after a resume (a resumed run reports
what it sent itself; what the interrupted run sent is "unchanged": the platform already had it):

- not sent: the member's update is still queued (the run was cancelled or failed before it);
- rejected: the platform rejected the member's current data, in this run or an earlier one (an
  earlier rejection is not sent again until the data changes; `rejected_earlier` says how many);
- sent: the platform acknowledged the member's current data in this run;
- unchanged: the rest, whose current data the platform already had.

Only members still in the snapshot count: a member who left the program is none of these.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MemberOutcomes:
    members: int
    sent: int
    unchanged: int
    rejected: int  # in this run or earlier (data unchanged since)
    rejected_earlier: int  # of `rejected`, those rejected by an earlier run
    not_sent: int  # still queued: the run stopped before sending them

    def adds_up(self) -> bool:
        return self.members == self.sent + self.unchanged + self.rejected + self.not_sent


def member_outcomes(db: sqlite3.Connection, dest: str, run_id: int) -> MemberOutcomes:
    members = int(db.execute("SELECT count(*) FROM members").fetchone()[0])
    queued = ("SELECT o.status, o.run_id FROM outbox o JOIN members m ON m.email=o.key WHERE o.dest=? AND"
              " o.kind='profile' AND o.status=?")
    not_sent = sum(int(db.execute(f"SELECT count(*) FROM ({queued})", (dest, st)).fetchone()[0])
                   for st in ("pending", "in_flight"))
    rejected = earlier = 0
    for (run,) in db.execute(f"SELECT run_id FROM ({queued})", (dest, "rejected")):
        rejected += 1
        earlier += run != run_id
    sent = int(db.execute(
        "SELECT count(*) FROM dest_members d JOIN members m ON m.email=d.email WHERE d.dest=? AND d.acked_run=?"
        " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dest=d.dest AND o.kind='profile' AND o.key=d.email"
        " AND o.status IN ('pending','in_flight','rejected'))", (dest, run_id)).fetchone()[0])
    unchanged = members - sent - rejected - not_sent
    return MemberOutcomes(members, sent, unchanged, rejected, earlier, not_sent)
