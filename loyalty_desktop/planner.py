"""Planner: what must go to one destination, written to the outbox in one transaction.

- Profiles: members whose *mapped* payload differs from the one the destination last
  acknowledged (fingerprint of the encoded payload, so a mapping edit re-sends what it changes).
  A field the member lacks (its source does not provide it: `Member.unknown`) is in no payload,
  so the platform keeps its value; no tier event is derived from a tier that is not provided.
- Events: records new or changed since this destination's last plan, tier upgrades against the
  tier last planned, and expiry warnings due at the program's clock, each with a deterministic
  unique_id; the outbox keeps every event it ever queued, so none is queued twice.
- First plan for a destination: profiles only; history is marked as such, or replayed with
  `backfill: true` when asked.
- Later plans: a record a source reveals late — dated before the first plan (a ledger file added
  to members already synced), well before the previous plan, or long ago (`events.live_since`) —
  gives history, not live events (with `backfill`, events marked `backfill: true`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .destinations.base import Destination
from .events import (
    LoyaltyEvent, expiry_windows, from_record, live_since, points_expiring, reward_expiring, tier_achieved,
)
from .fields import Mapping
from .model import utc
from .store import DestState, Store


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


Progress = Callable[[int, int], None]


def fingerprint(payload: str) -> str:
    return hashlib.blake2b(payload.encode(), digest_size=12).hexdigest()


class Planner:
    def __init__(self, store: Store, dest: Destination, mapping: Mapping) -> None:
        self.store = store
        self.dest = dest
        self.mapping = mapping

    def plan(self, as_of: datetime, tiers: list[dict[str, Any]], *, backfill: bool = False,
             progress: Progress | None = None) -> PlanSummary:
        store, name = self.store, self.dest.name
        state = store.dest_state(name)
        first = state is None
        summary = PlanSummary(first_sync=first, backfill=backfill and first,
                              members_total=store.member_count())
        remap = first or state is None or state.mapping_fp != self.mapping.fingerprint()
        after_seq = 0 if remap else state.planned_seq  # type: ignore[union-attr]
        rank = {t["id"]: t["threshold"] for t in tiers}
        tier_names = {t["id"]: t["name"] for t in tiers}
        with store.tx():
            seq = store.current_seq()
            self._plan_profiles(after_seq, first, as_of, rank, tier_names, summary, progress)
            if self.dest.supports_events:
                self._plan_events(0 if first else state.planned_seq, first,  # type: ignore[union-attr]
                                  backfill, as_of, summary, state)
            store.set_dest_state(name, self.mapping.to_json(), self.mapping.fingerprint(), seq, as_of)
        summary.unchanged = summary.members_total - summary.profiles_queued
        return summary

    # -- profiles and tier changes ------------------------------------------------------------

    def _plan_profiles(self, after_seq: int, first: bool, as_of: datetime, rank: dict[int, int],
                       tier_names: dict[int, str], summary: PlanSummary, progress: Progress | None) -> None:
        store, name, dest = self.store, self.dest.name, self.dest
        encode = dest.profile_encoder(self.mapping)
        tier_events = self.dest.supports_events and not first
        for chunk in store.iter_members_for(name, after_seq):
            queue: list[tuple[str, str, str]] = []
            drop: list[str] = []
            tiers: list[tuple[str, int | None]] = []
            events: list[LoyaltyEvent] = []
            for email, data, acked_fp, planned_tier in chunk:
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
                if tier != planned_tier:
                    tiers.append((email, tier))
                    if tier_events and tier is not None and rank.get(tier, tier) > rank.get(planned_tier, -1):
                        prev = ({"id": planned_tier, "name": tier_names.get(planned_tier, str(planned_tier))}
                                if planned_tier is not None else None)
                        cur = {"id": tier, "name": member.get("tier_name") or tier_names.get(tier, str(tier))}
                        events.append(tier_achieved(email, prev, cur, as_of))
            store.queue_profiles(name, queue)
            store.drop_profiles(name, drop)
            store.set_planned_tiers(name, tiers)
            if events:
                summary.events_queued += store.queue_events(
                    name, [(e.unique_id, dest.encode_event(e)) for e in events])
            summary.considered += len(chunk)
            summary.profiles_queued += len(queue)
            if progress:
                progress(summary.considered, summary.members_total)

    # -- events -------------------------------------------------------------------------------

    def _plan_events(self, after_seq: int, first: bool, backfill: bool, as_of: datetime,
                     summary: PlanSummary, state: DestState | None) -> None:
        store, name, dest = self.store, self.dest.name, self.dest
        since = None if state is None else live_since(
            utc(as_of), *(utc(t) if t else None for t in (state.first_as_of, state.planned_as_of)))
        if not first or backfill:
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
                            summary.events_history += store.queue_events(
                                name, [(e.unique_id, dest.encode_event(e)) for e in late], status="history")
                elif backfill:
                    events = [_as_backfill(e) for e in events]
                summary.events_queued += store.queue_events(name, [(e.unique_id, dest.encode_event(e))
                                                                  for e in events])
        # Warnings due now. On a first sync without backfill they are history: remembered so the
        # same warning is not sent on the next run, but not sent.
        (p_start, p_end), (r_start, r_end) = expiry_windows(as_of)
        due = [e for m in store.members_expiring(p_start, p_end) if (e := points_expiring(m, as_of))]
        due += [reward_expiring(r, as_of) for r in store.rewards_expiring(r_start, r_end)]
        backfill = backfill and first
        if first and not backfill:
            summary.events_history += store.queue_events(
                name, [(e.unique_id, dest.encode_event(e)) for e in due], status="history")
        else:
            if backfill:
                due = [_as_backfill(e) for e in due]
            summary.events_queued += store.queue_events(name, [(e.unique_id, dest.encode_event(e)) for e in due])


def _as_backfill(e: LoyaltyEvent) -> LoyaltyEvent:
    return LoyaltyEvent(e.metric, e.email, e.time, e.unique_id, e.properties, True)
