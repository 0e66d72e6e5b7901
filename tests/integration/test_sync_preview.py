"""service_preview: what the next sync would send, planned and rolled back, against the Klaviyo
sandbox over real HTTP. The preview writes nothing to the platform and records no run, and the
sync that follows sends exactly what it said (profiles, live events by metric, history)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from loyalty_desktop import service, service_preview
from loyalty_desktop.core.fields import KLAVIYO_LOYALTY
from loyalty_desktop.core.options import DemoOptions, TargetOptions
from loyalty_desktop.net.client import CancelToken

MEMBERS = 200


@pytest.fixture
def ends() -> Iterator[tuple[service.Connection, service.OpenSource]]:
    conn = service.target("klaviyo-sandbox").connect(None, TargetOptions(), CancelToken())
    src = service.source_factory("demo").open(DemoOptions(MEMBERS, 42), CancelToken())
    try:
        yield conn, src
    finally:
        src.close()
        conn.close()


def runs() -> int:
    with service.open_store() as store:
        return len(store.runs(100))


def sync(conn: service.Connection, src: service.OpenSource, **kw: Any) -> Any:
    conn.use_cancel(CancelToken())
    with service.open_store() as store:
        return service.sync(store, src.source, src.name, conn.dest, KLAVIYO_LOYALTY, poll_interval=0.05, **kw)


def test_preview_writes_nothing_and_the_sync_sends_what_it_said(ends: Any) -> None:
    conn, src = ends
    sb = conn.sandbox
    first = service_preview.preview_sync(conn, src, KLAVIYO_LOYALTY)
    assert (first.members, first.profiles, first.unchanged) == (MEMBERS, MEMBERS, 0)
    assert first.first_sync and first.baseline == "first_sync" and first.live_events == {}
    assert sb.count_requests(write_only=True) == 0 and sb.profiles() == [] and runs() == 0
    again = service_preview.preview_sync(conn, src, KLAVIYO_LOYALTY)  # a preview changes nothing
    assert again == first
    done = sync(conn, src)
    assert done.profiles_sent == first.profiles and done.events_sent == 0 and done.first_sync

    # A month of the program later: the plan has live events, by metric, still nothing sent.
    changed, _ = service.advance_demo(service.DemoSpec(MEMBERS, 42), 30)
    assert changed > 0
    writes = sb.count_requests(write_only=True)
    later = service_preview.preview_sync(conn, src, KLAVIYO_LOYALTY)
    assert not later.first_sync and later.baseline is None and later.live_total > 0
    assert sb.count_requests(write_only=True) == writes and runs() == 1
    done = sync(conn, src)
    assert done.profiles_sent == later.profiles and done.unchanged == later.unchanged
    assert done.live_events == later.live_events and done.events_sent == later.live_total
    by_metric: dict[str, int] = {}
    for e in sb.events():
        by_metric[e.metric_name] = by_metric.get(e.metric_name, 0) + 1
    assert by_metric == later.live_events


def test_preview_of_a_replayed_history_counts_the_backfill(ends: Any) -> None:
    conn, src = ends
    preview = service_preview.preview_sync(conn, src, KLAVIYO_LOYALTY, backfill=True)
    assert preview.history_events > 0 and preview.live_events == {}
    assert conn.sandbox.events() == []
    done = sync(conn, src, backfill=True)
    events = conn.sandbox.events()
    assert done.events_sent == preview.history_events == len(events) and all(e.backfill for e in events)


def test_known_destination(ends: Any) -> None:
    conn, src = ends
    assert not service_preview.known_destination(conn.dest.name)
    sync(conn, src)
    assert service_preview.known_destination(conn.dest.name)
