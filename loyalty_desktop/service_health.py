"""What the health display and the automatic sync read from the store: the last run, the last
successful one, the run the schedule counts from, and what the outbox still holds undelivered.
One store opening, off the GUI thread (the caller runs it in a worker). Nothing here imports Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.service import open_store
from loyalty_desktop.store.runs import RunRecord, RunState

# A run the schedule counts the next one from: it ran to an end the user accepts (a cancel is the
# user's choice; a run waiting for confirmation would stop at the same place again). A failed or
# interrupted run is not one: the schedule tries again (with back-off) instead of waiting a day.
SCHEDULE_ANCHORS = frozenset({RunState.COMPLETED, RunState.COMPLETED_WITH_REJECTS, RunState.CANCELLED,
                              RunState.NEEDS_CONFIRMATION})
SUCCESSES = frozenset({RunState.COMPLETED, RunState.COMPLETED_WITH_REJECTS})


@dataclass(frozen=True, slots=True)
class SyncHealth:
    last_run: RunRecord | None  # the newest run, any outcome
    last_success: datetime | None  # when the newest successful run finished (aware)
    schedule_anchor: datetime | None  # when the newest run the schedule counts from finished
    pending_profiles: int  # outbox rows queued or in flight, not yet delivered
    pending_events: int

    @property
    def pending(self) -> int:
        return self.pending_profiles + self.pending_events


def _newest_finished(db_rows: list[tuple[str | None]]) -> datetime | None:
    for (finished,) in db_rows:
        if finished:
            return datetime.fromisoformat(finished)
    return None


def sync_health() -> SyncHealth:
    """Read the facts the health display shows (a store read: call it from a worker thread)."""
    with open_store() as store:
        db = store.db  # read-only queries on the store's own tables; writes stay in the store's modules

        def finished_with(states: frozenset[RunState]) -> datetime | None:
            marks = ",".join("?" * len(states))
            rows = db.execute(f"SELECT finished_at FROM runs WHERE status IN ({marks}) AND finished_at IS NOT NULL"
                              " ORDER BY id DESC LIMIT 1", [s.value for s in states]).fetchall()
            return _newest_finished(rows)

        newest = store.runs(1)
        counts = dict(db.execute("SELECT kind, count(*) FROM outbox WHERE status IN ('pending', 'in_flight')"
                                 " GROUP BY kind").fetchall())
        return SyncHealth(newest[0] if newest else None, finished_with(SUCCESSES), finished_with(SCHEDULE_ANCHORS),
                          int(counts.get("profile", 0)), int(counts.get("event", 0)))
