"""The Store's run history: a run started, finished (status, counts, error) and read back, and the
rows rejected during a run. A mixin of `store.store.Store`, which owns the connection."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core import clock as clocks
from loyalty_desktop.core.source_rejects import SourceReject

if TYPE_CHECKING:  # the codec, the rejects and sqlite3 load with the first store (the GUI's window reads RunState)
    import sqlite3

    from loyalty_desktop.store.rejects import RejectedRow


class RunState(str, enum.Enum):
    """A run as the history holds it: the engine's outcomes (`sync.summary.RunStatus`, same values),
    plus RUNNING while it runs and INTERRUPTED when the process died before saying how it ended."""

    RUNNING = "running"
    COMPLETED = "completed"
    COMPLETED_WITH_REJECTS = "completed_with_rejects"
    FAILED = "failed"
    CANCELLED = "cancelled"
    NEEDS_CONFIRMATION = "needs_confirmation"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True, slots=True)
class RunRecord:
    id: int
    dest: str
    source: str
    started_at: datetime
    finished_at: datetime | None
    status: RunState
    counts: dict[str, Any]
    error: str | None


class RunLog:
    """Store methods on the runs table and the rows rejected in a run."""

    db: sqlite3.Connection
    tx: Callable[[], AbstractContextManager[sqlite3.Connection]]  # Store.tx: one write transaction

    def start_run(self, dest: str, source: str) -> int:
        with self.tx() as db:
            # A run still "running" in the file was killed: say so in the history.
            db.execute("UPDATE runs SET status=?, finished_at=coalesce(finished_at, ?) WHERE status=?",
                       (RunState.INTERRUPTED.value, clocks.now_iso(), RunState.RUNNING.value))
            cur = db.execute("INSERT INTO runs(dest, source, started_at, status) VALUES (?,?,?,?)",
                             (dest, source, clocks.now_iso(), RunState.RUNNING.value))
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, counts: dict[str, Any], error: str | None = None) -> None:
        """`status`: how it ended, one of RunState's values (the engine passes its RunStatus)."""
        from loyalty_desktop.store.codec import dumps

        state = RunState(status)
        with self.tx() as db:
            db.execute("UPDATE runs SET status=?, finished_at=?, counts=?, error=? WHERE id=?",
                       (state.value, clocks.now_iso(), dumps(counts), error, run_id))

    def runs(self, limit: int = 50) -> list[RunRecord]:
        rows = self.db.execute("SELECT id, dest, source, started_at, finished_at, status, counts, error FROM runs"
                               " ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_run_record(r) for r in rows]

    def run(self, run_id: int) -> RunRecord | None:
        found = self.runs_between(run_id, run_id)
        return found[0] if found else None

    def runs_between(self, first: int, last: int) -> list[RunRecord]:
        rows = self.db.execute("SELECT id, dest, source, started_at, finished_at, status, counts, error FROM runs"
                               " WHERE id BETWEEN ? AND ? ORDER BY id DESC", (first, last)).fetchall()
        return [_run_record(r) for r in rows]

    def rejected_rows(self, run_id: int, origin: str | None = None) -> list[RejectedRow]:
        """What the destination rejected and (origin 'source') what the source could not use."""
        from loyalty_desktop.store import rejects as store_rejects

        return store_rejects.rejected_rows(self.db, run_id, origin)

    def add_source_rejects(self, run_id: int, source: str, rows: Iterable[SourceReject]) -> int:
        """Record the rows the source rejected with the run; returns how many were stored."""
        from loyalty_desktop.store import rejects as store_rejects

        return store_rejects.add_source_rejects(self.db, run_id, source, rows)


def _run_record(r: Sequence[Any]) -> RunRecord:
    return RunRecord(r[0], r[1], r[2], datetime.fromisoformat(r[3]), datetime.fromisoformat(r[4]) if r[4] else None,
                     RunState(r[5]), json.loads(r[6]), r[7])
