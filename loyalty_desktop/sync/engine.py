"""The sync engine (no Qt): read the source, plan, drain the outbox, record the run.

Phases run in order; each outbox batch is checkpointed once the destination acknowledged it, so a
crash or kill resumes where it stopped: jobs already submitted are confirmed rather than sent
again, queued rows are sent, acknowledged rows are never re-sent. `cancel` is checked between
batches and inside every wait (rate limits, Retry-After, job polling), so it takes effect within
a second.

A plan that would send more live events than the confirmation threshold ends the run before
anything is sent, with status NEEDS_CONFIRMATION and the counts by metric (`baseline.py`); the
caller asks and runs again with `confirmed=True`.

Counts: rows the platform rejected are "rejected" (the platform answered no for that row, with a
reason kept in the run's rejected rows); rows of the source that could not be used are
"source_rejected" (kept there too, origin 'source'). The member counts come from the store at the
end of the run and add up: members = profiles_sent + unchanged + members_rejected +
members_not_sent (store_counts).
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, Protocol

from loyalty_desktop.core import clock, disk_errors
from loyalty_desktop.core.errors import CancelledError, LoyaltyError, user_message
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.model import SourceRead
from loyalty_desktop.destinations.base import (
    Destination,
    JobLostError,
    RowOutcome,
    Submitted,
)
from loyalty_desktop.net.client import CancelToken, HttpClient
from loyalty_desktop.net.policy import Wait
from loyalty_desktop.store.store import OutboxRow, Store
from loyalty_desktop.sync.baseline import Baseline, ConfirmationNeeded
from loyalty_desktop.sync.planner import Planner, PlanSummary, source_reading
from loyalty_desktop.sync.summary import (  # re-exported: callers import them from the engine
    LATE_LISTED,
    Phase,
    Progress,
    ProgressCallback,
    RunStatus,
    RunSummary,
)

__all__ = ["Phase", "Progress", "ProgressCallback", "RunStatus", "RunSummary", "Source", "SyncEngine"]

log = logging.getLogger(__name__)


_BASELINE_NOTES = {
    Baseline.NEW_SOURCE: "The loyalty data comes from another source than at the last sync (another program, "
                         "file layout or account): this sync updates profiles only. What happened before it is "
                         "kept as history, not sent as live events.",
    Baseline.MEMBERS_JUMP: "More than half as many members again as at the last sync are new: this sync updates "
                           "profiles only. What happened before it is kept as history, not sent as live events.",
}


class _Counted:
    """Items read in part by someone else (the store keeps at most so many), then counted."""

    def __init__(self, items: Iterable[Any]) -> None:
        self._it = iter(items)

    def __iter__(self) -> Iterator[Any]:
        return self._it

    def rest(self) -> int:
        return sum(1 for _ in self._it)


class Source(Protocol):
    """What the engine reads from. `http`: the client of a source read over the network (its
    retry waits are shown in the progress), None for a local one."""

    @property
    def http(self) -> HttpClient | None: ...

    def read(self, cursor: str | None, history: bool = True) -> SourceRead: ...


class _Meter:
    """Rate and ETA for one phase."""

    def __init__(self, phase: Phase, total: int, emit: ProgressCallback | None) -> None:
        self.phase, self.total, self.emit = phase, total, emit
        self.start = clock.monotonic()
        self.done = 0
        self._last = 0.0

    def add(self, n: int, force: bool = False) -> None:
        self.done += n
        now = clock.monotonic()
        if self.emit and (force or now - self._last >= 0.1 or self.done >= self.total):
            self._last = now
            elapsed = max(now - self.start, 1e-6)
            rate = self.done / elapsed
            eta = (self.total - self.done) / rate if rate > 0 and self.total >= self.done else None
            self.emit(Progress(self.phase, self.done, self.total, rate, eta))


class SyncEngine:
    def __init__(self, store: Store, source: Source, source_name: str, dest: Destination, mapping: Mapping, *,
                 backfill: bool = False, cancel: CancelToken | None = None,
                 on_progress: ProgressCallback | None = None, poll_interval: float = 0.5,
                 confirmed: bool = False) -> None:
        self.store, self.source, self.source_name = store, source, source_name
        self.dest, self.mapping, self.backfill = dest, mapping, backfill
        self.confirmed = confirmed  # send live events even beyond the confirmation threshold
        self.cancel = cancel or dest.http.cancel
        self._report = on_progress
        self._last: Progress | None = None
        self.on_progress: ProgressCallback | None = self._remember if on_progress else None
        self._hooked: list[HttpClient] = []  # clients whose retry waits this run reports (unhooked at the end)
        if on_progress:  # retry waits of the destination's and the source's clients, shown in the phase
            for http in (dest.http, source.http):
                if http is not None:
                    http.on_wait = self._waiting
                    self._hooked.append(http)
        self.poll_interval = poll_interval
        self._jobs: deque[Submitted] = deque()
        self.notes: list[str] = []  # what the destination's preparation wants the user to know
        self.run_id = 0
        self.source_rejected = 0

    def run(self) -> RunSummary:
        started = clock.monotonic()
        try:
            run_id = self.run_id = self.store.start_run(self.dest.name, self.source_name)
        except sqlite3.Error as exc:  # e.g. a read-only store: nothing started, nothing to record
            error = disk_errors.from_sqlite(exc, self.store.path)
            if error is None:
                raise
            raise error from exc
        summary = RunSummary(run_id, RunStatus.COMPLETED)
        try:
            self._confirm_previous(summary)
            try:
                plan = self._read_and_plan()
            except ConfirmationNeeded as exc:
                summary.source_rejected = self.source_rejected
                summary.notes = list(self.notes)
                summary.status = RunStatus.NEEDS_CONFIRMATION
                summary.live_events = dict(exc.live.by_metric)
                summary.confirm_threshold = exc.live.threshold
                self._finish(summary, started)
                return summary
            summary.first_sync = plan.first_sync
            summary.baseline = plan.baseline.value if plan.baseline else None
            if plan.live is not None:
                summary.live_events = dict(plan.live.by_metric)
                summary.confirm_threshold = plan.live.threshold
            summary.events_too_late = len(plan.late)  # a catch-up run: listed, not sent
            summary.too_late = [x.to_json() for x in plan.late[:LATE_LISTED]]
            if plan.baseline in _BASELINE_NOTES and self.dest.supports_events:
                self.notes.append(_BASELINE_NOTES[plan.baseline])
            summary.source_rejected = self.source_rejected
            summary.notes = list(self.notes)
            self._send_profiles(summary)
            if self.dest.supports_events:
                self._send_events(summary)
            self._after_sync(summary)
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

    def _after_sync(self, summary: RunSummary) -> None:
        """The destination's follow-up (Klaviyo: the kit's flows waiting for a metric). Its failure
        is a note, never the sync's: everything was sent."""
        try:
            notes = self.dest.after_sync(self.store, self.mapping)
        except CancelledError:
            raise
        except LoyaltyError as exc:
            notes = [user_message(exc, self.dest.label)]
        summary.notes.extend(notes)

    def _finish(self, summary: RunSummary, started: float) -> None:
        for http in self._hooked:  # the connection outlives the run (the Klaviyo kit uses it next)
            http.on_wait = None
        try:
            m = self.store.member_outcomes(self.dest.name, summary.run_id)
        except Exception:  # the run's outcome matters more than its counts
            log.info("counting the run's members failed", exc_info=True)
        else:
            summary.members, summary.profiles_sent, summary.unchanged = m.members, m.sent, m.unchanged
            summary.members_rejected, summary.members_rejected_earlier = m.rejected, m.rejected_earlier
            summary.members_not_sent = m.not_sent
        stats = self.dest.http.stats
        summary.seconds = clock.monotonic() - started
        summary.retries, summary.throttled = stats.retries, stats.throttled
        summary.requests, summary.write_requests = stats.requests, stats.writes
        self.store.finish_run(summary.run_id, summary.status.value, summary.counts(), summary.error)

    def _remember(self, p: Progress) -> None:
        self._last = p
        if self._report:
            self._report(p)

    def _waiting(self, wait: Wait) -> None:
        if self._report:
            last = self._last or Progress(Phase.READING, 0, 0, 0.0, None)
            self._report(replace(last, wait=wait))

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
        reading = source_reading(self.store, self.source_name, self.dest.name, self.backfill)
        read = self.source.read(reading.cursor, history=reading.history)
        self.notes.extend(read.notes)  # e.g. customers skipped by the source
        self.store.ingest(self.source_name, read)
        self._record_source_rejects(read)
        self.cancel.check()
        _, as_of, tiers = self.store.source_state(self.source_name)
        assert as_of is not None
        # A destination may need to look before planning (Splio: resolve custom fields by id,
        # read current remote values on a first sync).
        self.notes.extend(self.dest.prepare(self.mapping, first_sync=reading.first_sync))
        self._retry_rejected()
        meter = _Meter(Phase.PLANNING, self.store.member_count(), self.on_progress)
        meter.add(0, force=True)
        last = [0]

        def progress(done: int, total: int) -> None:
            meter.add(done - last[0])
            last[0] = done
            self.cancel.check()  # rolls the planning transaction back: nothing half-planned

        return Planner(self.store, self.dest, self.mapping).plan(as_of, tiers, backfill=self.backfill,
                                                                 progress=progress, source=self.source_name,
                                                                 confirmed=self.confirmed, invented=read.invented)

    def _record_source_rejects(self, read: SourceRead) -> None:
        """Rows the source could not use go into the run's rejected rows (origin 'source')."""
        rows = iter(read.rejected_rows())
        first = next(rows, None)
        if first is None:  # nothing to record: no write transaction
            return
        counted = _Counted(itertools.chain((first,), rows))
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
        rows, why = self.dest.retry_rejected(self.store.rejected_profiles(self.dest.name))
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
                summary.profiles_sent += 1  # while running; the final figure is the store's (_finish)
            else:
                summary.events_sent += 1
        summary.rejected += len(rejected)
        summary.events_rejected += sum(1 for r, _, _ in rejected if r.kind == "event")
        for row, fld, why in rejected:
            if len(summary.rejected_samples) < 50:
                summary.rejected_samples.append((row.key, fld, why))
        meter.add(len(outcomes))


