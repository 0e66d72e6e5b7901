"""Planner: what must go to one destination, written to the outbox in one transaction.

- Profiles: members whose *mapped* payload differs from the one the destination last
  acknowledged (fingerprint of the encoded payload, so a mapping edit re-sends what it changes).
  A field the member lacks (its source does not provide it: `Member.unknown`) is in no payload,
  so the platform keeps its value; no tier event is derived from a tier that is not provided.
- Events: records new or changed since this destination's last plan, tier upgrades against the
  tier last planned, and expiry warnings due at the program's clock, each with a deterministic
  unique_id; the outbox keeps every event it ever queued, so none is queued twice.
- First plan for a destination, or a new baseline (another source, a jump in members: see
  `baseline`): profiles only; history is marked as such, or replayed with `backfill: true` when
  asked. Members new to the destination get no tier event for the tier they arrive with unless
  they joined since the last sync.
- More live events than `baseline.confirm_threshold` and not confirmed: `ConfirmationNeeded` is
  raised inside the planning transaction, so nothing is planned (the caller asks, then re-plans).
- A catch-up plan (days after the previous one) sends the warnings and moments still due and lists
  those that became too late (`PlanSummary.late`, remembered as history, never sent): the rule is
  core/lateness.py, the missed warnings come from sync/late.py.
- Later plans: a record a source reveals late — dated before the first plan (a ledger file added
  to members already synced), well before the previous plan, or long ago (`events.live_since`) —
  gives history, not live events (with `backfill`, events marked `backfill: true`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from loyalty_desktop.core.events import (
    LoyaltyEvent,
    expiry_windows,
    from_record,
    live_since,
    points_expiring,
    reward_expiring,
    tier_achieved,
)
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.lateness import LateEvent, split_late
from loyalty_desktop.core.model import utc
from loyalty_desktop.destinations.base import Destination
from loyalty_desktop.store.store import DestState, Store
from loyalty_desktop.sync.baseline import (
    Baseline,
    ConfirmationNeeded,
    LiveEvents,
    members_jumped,
)
from loyalty_desktop.sync.late import missed_warnings


def baseline_of(store: Store, dest: str, state: DestState | None, source: str | None,
                members: int) -> Baseline | None:
    """Why the plan for `dest` must send no live events, if it must not (baseline.py, rule 1)."""
    if state is None:
        return Baseline.FIRST_SYNC
    if source is not None and state.source is not None and state.source != source:
        return Baseline.NEW_SOURCE  # (a store from before schema 3 does not know: same source)
    new = store.members_new_to(dest, state.planned_seq)
    if members_jumped(new, members - new):
        return Baseline.MEMBERS_JUMP
    return None


@dataclass(slots=True)
class PlanSummary:
    first_sync: bool
    backfill: bool
    members_total: int = 0
    considered: int = 0
    profiles_queued: int = 0
    unchanged: int = 0
    events_queued: int = 0
    events_history: int = 0
    baseline: Baseline | None = None  # why this plan sends no live events (None: it may)
    live: LiveEvents | None = None  # the live events queued, by metric
    # A dry run's contacts as the run would count them (sync/run_counts.py): written at Start (this
    # plan's and a stopped run's still queued) and refused earlier (not sent again until changed).
    to_write: int = 0
    refused: int = 0
    late: list[LateEvent] = field(default_factory=list)  # too late to send (a catch-up run): listed, not sent


@dataclass(frozen=True)
class SourceReading:
    """Which read of the source the next plan starts from (the sync's and the preview's)."""

    cursor: str | None  # what the store last read up to (None: the whole program)
    history: bool  # the past too (the whole ledger), to be replayed as backfill
    first_sync: bool  # the destination has never been planned for


def source_reading(store: Store, source_name: str, dest_name: str, backfill: bool) -> SourceReading:
    """History (the whole ledger) is only read when a first sync (or a new source) replays it as
    backfill; otherwise a first read takes members and what is still open, later reads the changes."""
    cursor, _, _ = store.source_state(source_name)
    state = store.dest_state(dest_name)
    first = state is None
    new_source = state is not None and state.source is not None and state.source != source_name
    history = (first or new_source) and backfill
    return SourceReading(None if history else cursor, history, first)


class DryRun(Exception):
    """Raised inside the planning transaction by `plan(dry_run=True)`: the plan is rolled back,
    `summary` says what it would have queued (the GUI's "what will be sent" before Start)."""

    def __init__(self, summary: PlanSummary) -> None:
        super().__init__("dry run")
        self.summary = summary


Progress = Callable[[int, int], None]


def fingerprint(payload: str) -> str:
    return hashlib.blake2b(payload.encode(), digest_size=12).hexdigest()


class Planner:
    def __init__(self, store: Store, dest: Destination, mapping: Mapping) -> None:
        self.store = store
        self.dest = dest
        self.mapping = mapping
        self._invented = False  # planning for invented people (plan() sets it)

    def plan(self, as_of: datetime, tiers: list[dict[str, Any]], *, backfill: bool = False,
             progress: Progress | None = None, source: str | None = None, confirmed: bool = False,
             dry_run: bool = False, invented: bool = False) -> PlanSummary:
        """Plan what changed since the last plan. `source`: the source's name (a different one
        than last time starts a new baseline); `confirmed`: send live events even beyond the
        confirmation threshold (otherwise ConfirmationNeeded, with nothing planned); `dry_run`:
        plan, then roll back and raise DryRun with the figures (nothing queued, nothing sent);
        `invented`: the source's people are invented (SourceRead.invented: the demo program)."""
        store, name = self.store, self.dest.name
        self._invented = invented
        state = store.dest_state(name)
        first = state is None
        members = store.member_count()
        baseline = baseline_of(store, name, state, source, members)
        summary = PlanSummary(first_sync=first, backfill=backfill and baseline is not None,
                              members_total=members, baseline=baseline, live=LiveEvents(members))
        remap = state is None or state.mapping_fp != self.mapping.fingerprint()
        after_seq = 0 if remap else state.planned_seq  # type: ignore[union-attr]
        since = None if state is None or baseline else live_since(
            utc(as_of), *(utc(t) if t else None for t in (state.first_as_of, state.planned_as_of)))
        rank = {t["id"]: t["threshold"] for t in tiers}
        tier_names = {t["id"]: t["name"] for t in tiers}
        with store.tx():
            seq = store.current_seq()
            self._plan_profiles(after_seq, since, as_of, rank, tier_names, summary, progress)
            if self.dest.supports_events:
                self._plan_events(0 if state is None else state.planned_seq, baseline is not None,
                                  backfill, as_of, summary, since, None if state is None else state.planned_as_of)
            assert summary.live is not None
            if dry_run:
                outcomes = store.member_outcomes(name, 0)
                summary.to_write, summary.refused = outcomes.not_sent, outcomes.rejected
                summary.unchanged = summary.members_total - summary.to_write - summary.refused
                raise DryRun(summary)  # rolls the plan back
            if summary.live.needs_confirmation and not confirmed:
                raise ConfirmationNeeded(summary.live)  # rolls the plan back
            store.set_dest_state(name, self.mapping.to_json(), self.mapping.fingerprint(), seq, as_of,
                                 source=source, rebase=baseline is not None)
        summary.unchanged = summary.members_total - summary.profiles_queued
        return summary

    # -- profiles and tier changes ------------------------------------------------------------

    def _plan_profiles(self, after_seq: int, since: datetime | None, as_of: datetime, rank: dict[int, int],
                       tier_names: dict[int, str], summary: PlanSummary, progress: Progress | None) -> None:
        """`since`: live events are due from this moment (None: a first plan or new baseline, none are)."""
        store, name, dest = self.store, self.dest.name, self.dest
        encode = dest.profile_encoder(self.mapping)
        tier_events = self.dest.supports_events and since is not None
        # History replayed as backfill (a first sync, asked): the tier a member holds above the
        # lowest is a "VIP Tier Achieved" of the past, so the metric exists and no flow starts.
        # Only for invented people (the demo program): a real source does not say when a member
        # reached their tier, and an achievement dated today would be a false fact in the account.
        replay_tiers = self.dest.supports_events and summary.backfill and self._invented
        lowest = min(rank.values(), default=0)
        joined_since = since.date().isoformat() if since is not None else ""
        for chunk in store.iter_members_for(name, after_seq):
            queue: list[tuple[str, str, str]] = []
            drop: list[str] = []
            tiers: list[tuple[str, int | None]] = []
            events: list[LoyaltyEvent] = []
            for email, data, acked_fp, planned_tier, known in chunk:
                member = json.loads(data)
                payload = encode(member)
                fp = fingerprint(payload)
                if fp != acked_fp:
                    queue.append((email, payload, fp))
                else:
                    drop.append(email)
                if "tier_id" not in member:  # not provided: the tier last planned still stands
                    continue
                tier = member["tier_id"]
                if tier != planned_tier or not known:
                    tiers.append((email, tier))  # every member planned with a tier is known from now on
                    # A member new to this destination: the tier they arrive with is news only if
                    # they joined since live events are due (baseline.py, rule 2).
                    news = known or (member.get("member_since") or "") >= joined_since
                    if tier_events and news and tier is not None \
                            and rank.get(tier, tier) > (-1 if planned_tier is None else rank.get(planned_tier, -1)):
                        prev = ({"id": planned_tier, "name": tier_names.get(planned_tier, str(planned_tier))}
                                if planned_tier is not None else None)
                        cur = {"id": tier, "name": member.get("tier_name") or tier_names.get(tier, str(tier))}
                        events.append(tier_achieved(email, prev, cur, as_of))
                    elif replay_tiers and tier is not None and rank.get(tier, tier) > lowest:
                        cur = {"id": tier, "name": member.get("tier_name") or tier_names.get(tier, str(tier))}
                        events.append(_as_backfill(tier_achieved(email, None, cur, as_of)))
            store.queue_profiles(name, queue)
            store.drop_profiles(name, drop)
            store.set_planned_tiers(name, tiers)
            self._queue(events, summary)
            summary.considered += len(chunk)
            summary.profiles_queued += len(queue)
            if progress:
                progress(summary.considered, summary.members_total)

    # -- events -------------------------------------------------------------------------------

    def _plan_events(self, after_seq: int, baseline: bool, backfill: bool, as_of: datetime,
                     summary: PlanSummary, since: datetime | None, previous: datetime | None = None) -> None:
        """`baseline`: a first plan or new baseline (no live event; history replayed as backfill
        when asked); otherwise records dated before `since` are history (events.live_since)."""
        store = self.store
        if not baseline or backfill:
            for chunk in store.records_after(after_seq):
                events = [e for kind, _id, data in chunk
                          for e in from_record(kind, json.loads(data), lambda rid: store.record("reward", rid))]
                if since is not None:  # a later plan: what the source revealed late is history
                    late = [e for e in events if utc(e.time) < since]
                    if late:
                        events = [e for e in events if utc(e.time) >= since]
                        if backfill:
                            events += [_as_backfill(e) for e in late]
                        else:
                            self._queue(late, summary, status="history")
                    events, too_late = split_late(events, as_of)  # e.g. a birthday greeting days late
                    self._queue_late(too_late, summary)
                elif backfill:
                    events = [_as_backfill(e) for e in events]
                self._queue(events, summary)
        # Warnings due now. On a baseline without backfill they are history: remembered so the
        # same warning is not sent on the next run, but not sent.
        (p_start, p_end), (r_start, r_end) = expiry_windows(as_of)
        due = [e for m in store.members_expiring(p_start, p_end) if (e := points_expiring(m, as_of))]
        due += [reward_expiring(r, as_of) for r in store.rewards_expiring(r_start, r_end)]
        if baseline and not backfill:
            self._queue(due, summary, status="history")
        elif not baseline:  # what fell due since the previous plan and is too late now: listed, not sent
            due, too_late = split_late(due, as_of)
            if previous is not None:
                too_late += missed_warnings(store, self.dest.name, previous, as_of, after_seq)
            self._queue_late(too_late, summary)
            self._queue(due, summary)
        else:
            self._queue([_as_backfill(e) for e in due], summary)

    def _queue_late(self, late: list[LateEvent], summary: PlanSummary) -> None:
        """Remember too-late notices as history (never sent, not listed again); list the new ones."""
        if not late:
            return
        known = self.store.known_events(self.dest.name, [x.event.unique_id for x in late])
        new = [x for x in late if x.event.unique_id not in known]
        self.store.queue_events(self.dest.name, [(x.event.unique_id, self.dest.encode_event(x.event)) for x in new],
                                status="history")
        summary.late += new

    def _queue(self, events: list[LoyaltyEvent], summary: PlanSummary, status: str = "pending") -> None:
        """Queue events not yet known to the destination; count them (live ones by metric)."""
        events = [e for e in events if self.dest.accepts_event(e)]
        if not events:
            return
        groups: dict[tuple[str, bool], list[LoyaltyEvent]] = {}
        for e in events:
            groups.setdefault((e.metric.value, e.backfill), []).append(e)
        encode = self.dest.encode_event
        for (metric, backfill), group in groups.items():
            n = self.store.queue_events(self.dest.name, [(e.unique_id, encode(e)) for e in group], status=status)
            if status == "history":
                summary.events_history += n
                continue
            summary.events_queued += n
            if not backfill and summary.live is not None:
                summary.live.add(metric, n)


def _as_backfill(e: LoyaltyEvent) -> LoyaltyEvent:
    return LoyaltyEvent(e.metric, e.email, e.time, e.unique_id, e.properties, True)
