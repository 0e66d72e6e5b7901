"""The kit finishes itself: flows whose metric had no event yet are recorded as pending, and the
first sync after that metric appears in Klaviyo makes them (KlaviyoDestination.after_sync).

Klaviyo creates a metric with its first event, and a flow can only be triggered by a metric that
exists. A kit run right after a first sync used to skip every flow; now those flows wait in the
store (store/kit_state.py) with the run's other results, which the Kit tab shows at next launch.
"""

from __future__ import annotations

import logging
from typing import Any

from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.destinations.klaviyo.kit.model import ItemKind, ItemResult, ItemStatus, KitReport
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.store import kit_state
from loyalty_desktop.store.store import Store

log = logging.getLogger(__name__)

# Flows in these states exist in Klaviyo, or cannot be made (the Kit tab says why): nothing waits.
_SETTLED = (ItemStatus.CREATED, ItemStatus.UNCHANGED, ItemStatus.UPDATED, ItemStatus.SKIPPED)


def record(r: ItemResult) -> kit_state.KitRecord:
    return kit_state.KitRecord(r.item.key, r.item.kind.value, r.item.name, r.status.value, r.reason, r.args,
                               r.message, r.remote_id)


def remember(store: Store, dest: Any, report: KitReport) -> None:
    """Keep the report's results as each item's last outcome, its pending flows as waiting and its
    made (or found) flows as no longer waiting."""
    pending = [kit_state.PendingFlow(r.item.key, r.item.metrics[0], r.item.language or "", "")
               for r in report.results if r.status is ItemStatus.PENDING and r.item.metrics]
    done = [r.item.key for r in report.results if r.item.kind is ItemKind.FLOW and r.status in _SETTLED]
    kit_state.save_results(store, dest.name, [record(r) for r in report.results], pending, done)


def finish_pending(dest: Any, store: Store, mapping: Mapping, cancel: CancelToken | None = None) -> KitReport | None:
    """Make the pending flows whose metric now exists in the account behind `dest` (a
    KlaviyoDestination); None when none waits or none is ready. Their results replace "pending"."""
    from loyalty_desktop.destinations.klaviyo.kit.client import KitClient
    from loyalty_desktop.destinations.klaviyo.kit.runner import run_kit

    waiting = kit_state.pending(store, dest.name)
    if not waiting:
        return None
    metrics = KitClient(dest.http).metric_ids()
    ready = [p for p in waiting if p.metric in metrics]
    if not ready:
        return None
    languages = tuple(sorted({p.language for p in ready if p.language}))
    report = run_kit(dest, store, mapping, items=[p.key for p in ready], languages=languages or ("en",),
                     cancel=cancel)
    gone = [p.key for p in ready if p.key not in report.by_key()]  # no longer in the kit (mapping changed)
    if gone:
        kit_state.save_results(store, dest.name, [], [], gone)
    log.info("kit: %d pending flow(s) made after the sync", report.created)
    return report
