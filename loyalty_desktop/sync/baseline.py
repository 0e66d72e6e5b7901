"""When a sync must not send live events: a new baseline, and the confirmation threshold.

Live events trigger flows: each one may mail a customer. Two guards keep a sync from mailing the
whole base about things that did not just happen.

1. A new baseline. The first sync to a destination sends profiles only (history is remembered,
   or replayed marked `backfill` when asked). So does the next sync after the data it compares
   against stops being comparable:
   - the source changed: another demo program, another spreadsheet shape (members or ledger file
     columns, a ledger file added), another Smile.io account (`OpenSource.name` differs from the
     one the destination was last planned from);
   - the member count jumped: more members new to this destination than `JUMP_SHARE` of those it
     knew, and at least `JUMP_MIN` (a fuller export of the same file, an import of another list);
   - the destination account changed: that is a new destination (its state is keyed by account),
     so its first sync.
   Moments dated before a new baseline are history afterwards (events.live_since).

2. Members new to a destination after its first sync get no "VIP Tier Achieved" for the tier
   they arrive with: a snapshot says which tier they hold, not when they reached it. The event is
   sent only when the source says it just happened: the member joined the program (`member_since`)
   at or after the moment from which this sync sends live events (they reached the tier since).
   Their dated records (ledger, rewards, referrals) follow the rule of every record: live if dated
   after that moment, history otherwise. Expiry warnings are about the future and hold for them.

3. Confirmation. Before a sync sends more live events than `confirm_threshold(members)`, it stops
   with the counts by metric (RunStatus.NEEDS_CONFIRMATION; nothing sent, nothing planned) and
   sends only once confirmed (`--yes`, or the dialog's Yes). The threshold is the larger of
   `CONFIRM_MIN` events and `CONFIRM_SHARE` of the members: 5 % alone stops ordinary weekly syncs
   of small programs (the demo's 500 members give 120+ events in a week), 500 alone stops every
   daily sync of a program of 100,000; together they stop a run that would mail a large part of
   the base (the reported 1,794 tier events for 2,000 members) and let day-to-day syncs through.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field

JUMP_SHARE = 0.5
JUMP_MIN = 100
CONFIRM_MIN = 500
CONFIRM_SHARE = 0.05


class Baseline(str, enum.Enum):
    """Why a plan sends no live events."""

    FIRST_SYNC = "first_sync"
    NEW_SOURCE = "new_source"
    MEMBERS_JUMP = "members_jump"


def members_jumped(new: int, known: int) -> bool:
    return new >= JUMP_MIN and new > JUMP_SHARE * known


def confirm_threshold(members: int) -> int:
    """A sync sending more live events than this asks first."""
    return max(CONFIRM_MIN, math.ceil(CONFIRM_SHARE * members))


@dataclass(slots=True)
class LiveEvents:
    """The live events a plan queued, by metric name."""

    members: int
    by_metric: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_metric.values())

    @property
    def threshold(self) -> int:
        return confirm_threshold(self.members)

    @property
    def needs_confirmation(self) -> bool:
        return self.total > self.threshold

    def add(self, metric: str, n: int) -> None:
        if n:
            self.by_metric[metric] = self.by_metric.get(metric, 0) + n


class ConfirmationNeeded(Exception):
    """Raised inside the planning transaction: the plan is rolled back, nothing is sent."""

    def __init__(self, live: LiveEvents) -> None:
        super().__init__(f"{live.total} live events (more than {live.threshold})")
        self.live = live
