"""The sync engine (no Qt): read the source, plan, drain the outbox, record the run.

Phases run in order; each outbox batch is checkpointed once the destination acknowledged it, so a
crash or kill resumes where it stopped: jobs already submitted are confirmed rather than sent
again, queued rows are sent, acknowledged rows are never re-sent. `cancel` is checked between
batches and inside every wait (rate limits, Retry-After, job polling), so it takes effect within
a second.
"""

from __future__ import annotations

import enum
import logging
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from . import disk_errors
from .destinations.base import Destination, JobLostError, RowOutcome, Submitted
from .errors import CancelledError, LoyaltyError, user_message
from .fields import Mapping
from .model import SourceRead
from .net import CancelToken
from .planner import PlanSummary, Planner
from .store import OutboxRow, Store

log = logging.getLogger(__name__)


class Phase(str, enum.Enum):
    CONFIRMING = "confirming"  # results of jobs submitted by an earlier, interrupted run
    READING = "reading"
    PLANNING = "planning"
    SENDING_PROFILES = "sending_profiles"
    SENDING_EVENTS = "sending_events"
    DONE = "done"


class RunStatus(str, enum.Enum):
    COMPLETED = "completed"
    COMPLETED_WITH_REJECTS = "completed_with_rejects"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Progress:
    phase: Phase
    done: int
    total: int
    rate: float  # items per second in this phase
    eta_s: float | None


@dataclass(slots=True)
class RunSummary:
    run_id: int
    status: RunStatus
    seconds: float = 0.0
    members: int = 0
    profiles_sent: int = 0
    events_sent: int = 0
    unchanged: int = 0
    rejected: int = 0  # rows the destination refused
    source_rejected: int = 0  # rows the source could not use (invalid email, bad value…), also in the run's rejects
    retries: int = 0
    throttled: int = 0
    requests: int = 0
    write_requests: int = 0
    first_sync: bool = False
    rejected_samples: list[tuple[str, str, str]] = field(default_factory=list)  # (key, field, reason)
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    def counts(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("run_id", "status", "rejected_samples", "notes", "error"):
            d.pop(k)
        return d


class _Counted:
    """Items read in part by someone else (the store keeps at most so many), then counted."""

    def __init__(self, items: Iterable[Any]) -> None:
        self._it = iter(items)

    def __iter__(self) -> Iterator[Any]:
        return self._it

    def rest(self) -> int:
        return sum(1 for _ in self._it)


class Source(Protocol):
    def read(self, cursor: str | None, history: bool = True) -> SourceRead: ...


ProgressCallback = Callable[[Progress], None]


class _Meter:
    """Rate and ETA for one phase."""

    def __init__(self, phase: Phase, total: int, emit: ProgressCallback | None) -> None:
        self.phase, self.total, self.emit = phase, total, emit
        self.start = time.monotonic()
        self.done = 0
        self._last = 0.0

    def add(self, n: int, force: bool = False) -> None:
        self.done += n
        now = time.monotonic()
        if self.emit and (force or now - self._last >= 0.1 or self.done >= self.total):
            self._last = now
            elapsed = max(now - self.start, 1e-6)
            rate = self.done / elapsed
            eta = (self.total - self.done) / rate if rate > 0 and self.total >= self.done else None
            self.emit(Progress(self.phase, self.done, self.total, rate, eta))


class SyncEngine:
    def __init__(self, store: Store, source: Source, source_name: str, dest: Destination, mapping: Mapping, *,
                 backfill: bool = False, cancel: CancelToken | None = None,
                 on_progress: ProgressCallback | None = None, poll_interval: float = 0.5) -> None:
        self.store, self.source, self.source_name = store, source, source_name
        self.dest, self.mapping, self.backfill = dest, mapping, backfill
        self.cancel = cancel or dest.http.cancel
        self.on_progress = on_progress
        self.poll_interval = poll_interval
        self._jobs: deque[Submitted] = deque()
        self.notes: list[str] = []  # what the destination's preparation wants the user to know
        self.run_id = 0
        self.source_rejected = 0

    def run(self) -> RunSummary:
        started = time.monotonic()
        try:
            run_id = self.run_id = self.store.start_run(self.dest.name, self.source_name)
        except sqlite3.Error as exc:  # e.g. a read-only store: nothing started, nothing to record
            raise disk_errors.from_sqlite(exc, self.store.path) or exc
        summary = RunSummary(run_id, RunStatus.COMPLETED)
        try:
            self._confirm_previous(summary)
            plan = self._read_and_plan()
            summary.first_sync = plan.first_sync
            summary.source_rejected = self.source_rejected
            summary.notes = list(self.notes)
            summary.members = plan.members_total
            summary.unchanged = plan.unchanged
            self._send_profiles(summary)
            if self.dest.supports_events:
                self._send_events(summary)
            self._progress(Phase.DONE, 1, 1)
        except CancelledError as exc:
            summary.status, summary.error = RunStatus.CANCELLED, user_message(exc, self.dest.label)
        except LoyaltyError as exc:
            summary.status, summary.error = RunStatus.FAILED, user_message(exc, self.dest.label)
        except sqlite3.Error as exc:
            # The store failed (full disk, I/O error, damaged file): the history records what
            # really happened, if the store can still take it; the caller gets the typed error.
            err = disk_errors.from_sqlite(exc, self.store.path)
            summary.status, summary.error = RunStatus.FAILED, user_message(err or exc)
            try:
                self._finish(summary, started)
            except sqlite3.Error:
                log.info("could not record the end of run %d", run_id, exc_info=True)
            if err is None:
                raise
            raise err from exc
        except Exception as exc:  # recorded in the history, then re-raised for the caller
            summary.status, summary.error = RunStatus.FAILED, user_message(exc)
            self._finish(summary, started)
            raise
        if summary.status is RunStatus.COMPLETED and summary.rejected:
            summary.status = RunStatus.COMPLETED_WITH_REJECTS
        self._finish(summary, started)
        return summary

    def _finish(self, summary: RunSummary, started: float) -> None:
        stats = self.dest.http.stats
        summary.seconds = time.monotonic() - started
        summary.retries, summary.throttled = stats.retries, stats.throttled
        summary.requests, summary.write_requests = stats.requests, stats.writes
        self.store.finish_run(summary.run_id, summary.status.value, summary.counts(), summary.error)

    def _progress(self, phase: Phase, done: int, total: int) -> None:
        if self.on_progress:
            self.on_progress(Progress(phase, done, total, 0.0, None))

    # -- phases -------------------------------------------------------------------------------

    def _confirm_previous(self, summary: RunSummary) -> None:
        pending = self.store.in_flight(self.dest.name)
        if not pending:
            return
        meter = _Meter(Phase.CONFIRMING, sum(len(r) for r in pending.values()), self.on_progress)
        for job, rows in pending.items():
            self._jobs.append(Submitted(job, rows))
        self._drain_jobs(summary, meter, keep=0)

    def _read_and_plan(self) -> PlanSummary:
        self._progress(Phase.READING, 0, 1)
        cursor, _, _ = self.store.source_state(self.source_name)
        first = self.store.dest_state(self.dest.name) is None
        # History (the whole ledger) is only read when a first sync replays it as backfill;
        # otherwise a first read takes members and what is still open, later reads the changes.
        history = first and self.backfill
        if history:
            cursor = None
        read = self.source.read(cursor, history=history)
        self.notes.extend(getattr(read, "notes", ()))  # e.g. customers skipped by the source
        self.store.ingest(self.source_name, read)
        self._record_source_rejects(read)
        self.cancel.check()
        _, as_of, tiers = self.store.source_state(self.source_name)
        assert as_of is not None
        # A destination may need to look before planning (Splio: resolve custom fields by id,
        # read current remote values on a first sync).
        prepare = getattr(self.dest, "prepare", None)
        if prepare is not None:
            self.notes.extend(prepare(self.mapping, first_sync=first))
        self._retry_rejected()
        meter = _Meter(Phase.PLANNING, self.store.member_count(), self.on_progress)
        meter.add(0, force=True)
        last = [0]

        def progress(done: int, total: int) -> None:
            meter.add(done - last[0])
            last[0] = done
            self.cancel.check()  # rolls the planning transaction back: nothing half-planned

        return Planner(self.store, self.dest, self.mapping).plan(as_of, tiers, backfill=self.backfill,
                                                                 progress=progress)

    def _record_source_rejects(self, read: SourceRead) -> None:
        """Rows the source could not use go into the run's rejected rows (origin 'source')."""
        rejects = getattr(read, "rejected_rows", None)
        if rejects is None:
            return
        counted = _Counted(rejects())
        stored = self.store.add_source_rejects(self.run_id, self.source_name, counted)
        self.source_rejected = stored + counted.rest()
        if self.source_rejected:
            kept = "" if stored == self.source_rejected else f" (the first {stored:,} kept in the history)"
            self.notes.append(f"{self.source_rejected:,} row(s) of the source could not be used; they are listed "
                              f"with this run's rejected rows{kept}.")

    def _retry_rejected(self) -> None:
        """Rows a destination rejected stay out of the outbox until their data changes, unless the
        destination says a reason no longer holds (Splio: "not in Splio" once contacts may be
        created, or once its contact list shows the contact)."""
        retry = getattr(self.dest, "retry_rejected", None)
        if retry is None:
            return
        rows, why = retry(self.store.rejected_profiles(self.dest.name))
        if rows:
            self.store.requeue([r.id for r in rows])
            self.notes.append(f"Trying again {len(rows):,} member(s) rejected earlier: {why}.")

    def _send_profiles(self, summary: RunSummary) -> None:
        name = self.dest.name
        meter = _Meter(Phase.SENDING_PROFILES, self.store.count_outbox(name, "profile"), self.on_progress)
        meter.add(0, force=True)
        after = 0
        while True:
            self.cancel.check()
            rows = self.store.pending(name, "profile", self.dest.profile_page, after)
            if not rows:
                break
            after = rows[-1].id
            result = self.dest.send_profiles(rows)
            self._settle(result.outcomes, summary, meter)
            for job in result.jobs:
                self.store.mark_in_flight([r.id for r in job.rows], job.job, summary.run_id)
                self._jobs.append(job)
            self._drain_jobs(summary, meter, keep=self.dest.max_jobs_in_flight - 1)
        self._drain_jobs(summary, meter, keep=0)

    def _drain_jobs(self, summary: RunSummary, meter: _Meter, keep: int) -> None:
        """Poll submitted jobs, oldest first, until at most `keep` remain in flight."""
        while len(self._jobs) > keep:
            job = self._jobs[0]
            try:
                outcomes = self.dest.poll(job)
            except JobLostError:
                log.warning("job %s lost by %s; its %d rows will be sent again", job.job, self.dest.label,
                            len(job.rows))
                self.store.requeue([r.id for r in job.rows])
                self._jobs.popleft()
                continue
            if outcomes is None:
                self.cancel.sleep(self.poll_interval)
                continue
            self._jobs.popleft()
            self._settle(outcomes, summary, meter)

    def _send_events(self, summary: RunSummary) -> None:
        name = self.dest.name
        meter = _Meter(Phase.SENDING_EVENTS, self.store.count_outbox(name, "event"), self.on_progress)
        meter.add(0, force=True)
        after = 0
        while True:
            self.cancel.check()
            rows = self.store.pending(name, "event", 1000, after)
            if not rows:
                break
            after = rows[-1].id
            self._settle(self.dest.send_events(rows), summary, meter)

    def _settle(self, outcomes: list[RowOutcome], summary: RunSummary, meter: _Meter) -> None:
        if not outcomes:
            return
        acked: list[OutboxRow] = [o.row for o in outcomes if o.ok]
        rejected = [(o.row, o.field, o.reason) for o in outcomes if not o.ok]
        self.store.settle(self.dest.name, summary.run_id, acked, rejected)
        for row in acked:
            if row.kind == "profile":
                summary.profiles_sent += 1
            else:
                summary.events_sent += 1
        summary.rejected += len(rejected)
        for row, fld, why in rejected:
            if len(summary.rejected_samples) < 50:
                summary.rejected_samples.append((row.key, fld, why))
        meter.add(len(outcomes))


