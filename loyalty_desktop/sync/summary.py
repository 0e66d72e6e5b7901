"""What a sync run reports: its phases, its progress while it runs, and its summary at the end
(sync/engine.py makes them; the CLI and the GUI show them)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from loyalty_desktop.net.policy import Wait


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
    NEEDS_CONFIRMATION = "needs_confirmation"  # more live events than the threshold: nothing sent


@dataclass(frozen=True, slots=True)
class Progress:
    phase: Phase
    done: int
    total: int
    rate: float  # items per second in this phase
    eta_s: float | None
    wait: Wait | None = None  # set while a request waits to be retried (429, 5xx, network): say so


@dataclass(slots=True)
class RunSummary:
    run_id: int
    status: RunStatus
    seconds: float = 0.0
    # Members, counted once each (store_counts): they add up to `members`.
    members: int = 0
    profiles_sent: int = 0  # the platform acknowledged the member's current data in this run
    unchanged: int = 0  # the platform already had it
    members_rejected: int = 0  # the platform rejected the member's current data (this run or earlier)
    members_rejected_earlier: int = 0  # of those, rejected by an earlier run (not sent again until changed)
    members_not_sent: int = 0  # still queued: the run stopped first
    events_sent: int = 0
    events_rejected: int = 0
    rejected: int = 0  # rows (profiles and events) the platform rejected in this run
    source_rejected: int = 0  # rows the source could not use (invalid email, bad value…), also in the run's rejects
    retries: int = 0
    throttled: int = 0
    requests: int = 0
    write_requests: int = 0
    first_sync: bool = False
    baseline: str | None = None  # why no live event was sent (baseline.Baseline value)
    live_events: dict[str, int] = field(default_factory=dict)  # live events planned, by metric
    confirm_threshold: int = 0  # NEEDS_CONFIRMATION: more live events than this
    rejected_samples: list[tuple[str, str, str]] = field(default_factory=list)  # (key, field, reason)
    # Notices too late to send (a catch-up run): counted, the first LATE_LISTED listed
    # (core.lateness.LateEvent.to_json), remembered as history, never sent. `late_text` words each.
    events_too_late: int = 0
    too_late: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    def counts(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("run_id", "status", "rejected_samples", "notes", "error"):
            d.pop(k)
        return d

    @property
    def live_events_total(self) -> int:
        return sum(self.live_events.values())


ProgressCallback = Callable[[Progress], None]

LATE_LISTED = 200  # the run's record keeps the first ones; the count says how many there were


def _same(text: str) -> str:
    return text


def late_text(entry: dict[str, Any], tr: Callable[[str], str] = _same) -> str:
    """Why a notice of the run's `too_late` list was not sent, in one line (`tr`: the UI's
    translator; lupdate extracts the `tr("…")` strings with an empty context)."""
    reason = entry.get("reason")
    if reason == "points_expired":
        why = tr("the points expired on {date} before it could be sent").format(date=entry.get("expiry_date", "?"))
    elif reason == "later_warning":
        from loyalty_desktop.core.lateness import current_window  # the events' rules: not for the GUI's start-up

        days = int(entry.get("days_left") or 0)
        why = tr("only {days} day(s) were left: the {window}-day warning is the one due").format(
            days=days, window=current_window(days))
    elif reason == "reward_expired":
        why = tr("the reward expired before it could be sent")
    else:
        why = tr("the moment is too old to announce as new")
    return tr("{email}: {metric} not sent, {why}").format(email=entry.get("email", "?"),
                                                         metric=entry.get("metric", "?"), why=why)
