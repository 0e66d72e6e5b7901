"""What the next sync would send, without sending it: the GUI shows this before the first write and
waits for Start. The source is read into the local store (as a sync does: nothing leaves the
computer), the destination is looked at (reads only: field creation is not done here), and the
planner plans in a transaction it rolls back. Nothing here imports Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service import Connection, OpenSource, open_store
from loyalty_desktop.sync import lock as sync_lock
from loyalty_desktop.sync.planner import DryRun, Planner, source_reading

LOCK_WAIT_S = 5.0


@dataclass(frozen=True)
class SyncPreview:
    """The figures of a plan nobody queued. `baseline`: why no live events are sent (a
    sync.baseline.Baseline value: "first_sync", "new_source", "members_jump"; None: they are)."""

    members: int
    profiles: int  # contacts that would be written
    unchanged: int
    live_events: dict[str, int] = field(default_factory=dict)  # by metric: these can start flows
    history_events: int = 0  # past moments replayed (marked backfill: they start no flow)
    first_sync: bool = True
    baseline: str | None = None
    events_supported: bool = True  # the platform takes events at all (Splio does not)
    source_rejected: int = 0  # rows of the source that cannot be used
    fields_to_create: bool = False  # Splio: custom fields are created at Start (profiles: an upper bound)
    refused: int = 0  # contacts the platform refused earlier, data unchanged: not sent again

    @property
    def live_total(self) -> int:
        return sum(self.live_events.values())


def preview_sync(conn: Connection, src: OpenSource, mapping: Mapping, *, backfill: bool = False,
                 cancel: CancelToken | None = None) -> SyncPreview:
    """Plan the next sync of `src` to `conn` and roll it back (I/O: run it in the background)."""
    dest = conn.dest
    cancel = cancel or CancelToken()
    conn.use_cancel(cancel)
    # A few seconds' patience: the plan it replaces (an option ticked again) may still be ending.
    with open_store() as store, sync_lock.hold(store.path, LOCK_WAIT_S, cancel):
        name = src.name
        reading = source_reading(store, name, dest.name, backfill)
        first = reading.first_sync
        read = src.source.read(reading.cursor, history=reading.history)
        store.ingest(name, read)
        rejected = sum(1 for _ in read.rejected_rows())
        _, as_of, tiers = store.source_state(name)
        assert as_of is not None
        creates, dest.create_fields = dest.create_fields, False  # a preview creates nothing
        try:
            dest.prepare(mapping, first_sync=first)
        except ConfigError:
            if not creates:
                raise  # the sync itself would stop there: say it now
            # Fields to create at Start: until then the payloads cannot be encoded; every member
            # is written at most.
            members = store.member_count()
            return SyncPreview(members, members, 0, first_sync=first, events_supported=dest.supports_events,
                               source_rejected=rejected, fields_to_create=True,
                               baseline="first_sync" if first else None)
        finally:
            dest.create_fields = creates
        try:
            Planner(store, dest, mapping).plan(as_of, tiers, backfill=backfill, source=name, dry_run=True,
                                              invented=read.invented)
        except DryRun as done:
            s = done.summary
        else:  # pragma: no cover - plan(dry_run=True) always raises
            raise AssertionError("the dry run planned for real")
    live = dict(s.live.by_metric) if s.live is not None else {}
    return SyncPreview(s.members_total, s.to_write, s.unchanged, live,
                       s.events_queued - sum(live.values()), s.first_sync,
                       s.baseline.value if s.baseline else None, dest.supports_events, rejected, refused=s.refused)


def known_destination(dest_name: str) -> bool:
    """Whether this computer has synced to that destination (platform, account, address) before:
    if not, its next sync is a first sync (a store read)."""
    with open_store() as store:
        return store.dest_state(dest_name) is not None
