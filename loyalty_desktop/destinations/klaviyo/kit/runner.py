"""Plan and run the Klaviyo loyalty kit (no Qt: the UI calls these from a worker thread).

    items = plan_kit(store, mapping, ("fr", "en"))          # what the kit would make, for checkboxes
    report = run_kit(conn, store, mapping, items=chosen, progress=cb, cancel=token)

Every item is looked up by name first: existing and identical → unchanged; existing and different
→ updated (segments: definition; templates: HTML and text); flows that exist are left as they are,
since the merchant may have edited them. A second run therefore creates nothing, and the names in
the account are the whole resumable state: a run stopped by Klaviyo's daily cap (100 new segments
or flows a day) defers the rest, and the next run finishes them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from loyalty_desktop.core.errors import (
    CancelledError,
    ConfigError,
    LoyaltyError,
    NetworkError,
    RateLimitedError,
    TlsProxyError,
    WrongKeyError,
    user_message,
)
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.destinations.klaviyo.adapter import KlaviyoDestination
from loyalty_desktop.destinations.klaviyo.kit.client import (
    DailyCapError,
    KitClient,
    Remote,
)
from loyalty_desktop.destinations.klaviyo.kit.flows import (
    TemplateSpecLike,
    flow_items,
    template_items,
)
from loyalty_desktop.destinations.klaviyo.kit.model import (
    ItemKind,
    ItemResult,
    ItemStatus,
    KitItem,
    KitReport,
    Pace,
    Resolved,
)
from loyalty_desktop.destinations.klaviyo.kit.pending import remember
from loyalty_desktop.destinations.klaviyo.kit.segments import segment_items
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.store import kit_state
from loyalty_desktop.store.store import Store

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")
ProgressCallback = Callable[[int, int, ItemResult], None]
# Errors that no other item can get past: stop and say so once.
_FATAL = (WrongKeyError, NetworkError, TlsProxyError)
_NOUNS = {ItemKind.SEGMENT: "segments", ItemKind.TEMPLATE: "templates", ItemKind.FLOW: "flows"}
# The report's note on a daily cap, by kind (marked: the command line words it in the reader's language).
_CAP_NOTES = {
    ItemKind.SEGMENT: tr("Klaviyo allows {limit} new segments per day; {left} remain, run the kit again tomorrow."),
    ItemKind.TEMPLATE: tr("Klaviyo allows {limit} new templates per day; {left} remain, run the kit again tomorrow."),
    ItemKind.FLOW: tr("Klaviyo allows {limit} new flows per day; {left} remain, run the kit again tomorrow."),
}


def languages_from(choice: str | Sequence[str]) -> tuple[str, ...]:
    """"fr", "en", "both" (or a sequence of codes) as the tuple of languages to make templates in."""
    if isinstance(choice, str):
        return LANGUAGES if choice == "both" else (choice,)
    return tuple(choice)


def plan_kit(store: Store, mapping: Mapping, languages: str | Sequence[str] = LANGUAGES, *,
             points_buckets: bool = False, templates: Sequence[TemplateSpecLike] | None = None) -> list[KitItem]:
    """Every item the kit makes, in the order it makes them: segments, templates, flows."""
    langs = languages_from(languages)
    if templates is None:
        from loyalty_desktop.destinations.klaviyo.kit.templates import load_templates

        templates = load_templates()
    t_items, rendered = template_items(templates, mapping, langs)
    # Segments serve every language: named in the first one chosen (French for "fr" and "both").
    return [*segment_items(store, mapping, points_buckets=points_buckets, language=langs[0]), *t_items,
            *flow_items(templates, mapping, langs, rendered, kit_state.last_source(store))]


def _clean(x: Any) -> Any:
    """Drop null members (Klaviyo echoes optional fields as null) so definitions compare by content."""
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items() if v is not None}
    if isinstance(x, list):
        return [_clean(v) for v in x]
    return x


def _differences(kind: ItemKind, remote: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The attributes to PATCH so Klaviyo holds what the kit wants (empty: nothing differs)."""
    if kind is ItemKind.SEGMENT:
        same = _clean(remote.get("definition")) == _clean(wanted["definition"])
        return {} if same else {"definition": wanted["definition"]}
    if kind is ItemKind.TEMPLATE:
        same = ((remote.get("html") or "") == (wanted.get("html") or "")
                and (remote.get("text") or "") == (wanted.get("text") or ""))
        return {} if same else {"html": wanted["html"], "text": wanted["text"]}
    return {}


class _Run:
    def __init__(self, client: KitClient, plan: Sequence[KitItem], dry_run: bool) -> None:
        self.client = client
        self.dry_run = dry_run
        self.by_key = {i.key: i for i in plan}
        self.ids: dict[str, str] = {}  # item key → Klaviyo id (found or created in this run)
        self.planned: set[str] = set()  # dry run: keys that would be created
        # Kinds whose daily cap is reached. Klaviyo caps segment creates and updates apart; once
        # either is used up the rest of the segments wait too (the simplest state to explain).
        self.capped: dict[ItemKind, DailyCapError] = {}
        self._metrics: dict[str, str] | None = None
        self.missing_template = ""

    def metric_ids(self) -> dict[str, str]:
        if self._metrics is None:
            self._metrics = self.client.metric_ids()
        return self._metrics

    def deferred(self, item: KitItem) -> ItemResult:
        cap = self.capped[item.kind]
        return ItemResult(item, ItemStatus.DEFERRED,
                          f"Klaviyo allows {cap.limit} new {_NOUNS[item.kind]} per day and today's are used up; "
                          "run the kit again tomorrow to finish", reason="daily_cap", args=(("limit", str(cap.limit)),))

    def _dependency_ids(self, item: KitItem) -> tuple[dict[str, str], str]:
        ids: dict[str, str] = {}
        for dep in item.depends_on:
            if dep in self.ids:
                ids[dep] = self.ids[dep]
                continue
            if dep in self.planned:
                ids[dep] = "(new)"
                continue
            needed = self.by_key.get(dep)
            found = self.client.find(needed.kind, needed.name) if needed else None
            if found is None:
                name = needed.name if needed else dep
                self.missing_template = name
                return ids, (f"its email template “{name}” is not in Klaviyo yet; include the templates "
                             "and run the kit again")
            self.ids[dep] = ids[dep] = found.id
        return ids, ""

    def _find(self, item: KitItem) -> Remote | None:
        """The item in the account: by its name, else by a name it had before (see KitItem)."""
        for name in (item.name, *item.former_names):
            remote = self.client.find(item.kind, name)
            if remote is not None:
                return remote
        return None

    def do(self, item: KitItem) -> ItemResult:
        if item.skip_reason:
            code, values = item.skip_code
            return ItemResult(item, ItemStatus.SKIPPED, item.skip_reason, reason=code, args=values)
        remote = self._find(item)
        if remote is not None:
            self.ids[item.key] = remote.id
        if remote is not None and item.kind is ItemKind.FLOW:
            return ItemResult(item, ItemStatus.UNCHANGED,
                              "exists; left as is, since the merchant may have edited it", remote.id,
                              reason="flow_exists")
        metric_ids: dict[str, str] = {}
        if item.metrics:
            known = self.metric_ids()
            missing = [m for m in item.metrics if m not in known]
            if missing:  # Klaviyo makes a metric with its first event: the sync that sends one makes the flow
                return ItemResult(item, ItemStatus.PENDING,
                                  f"waits for the first {missing[0]} event; the sync that sends one creates it",
                                  remote.id if remote else None, reason="pending_metric",
                                  args=(("metric", missing[0]),))
            metric_ids = {m: known[m] for m in item.metrics}
        dep_ids, why_not = self._dependency_ids(item)
        if why_not:
            return ItemResult(item, ItemStatus.SKIPPED, why_not, reason="no_template",
                              args=(("template", self.missing_template),))
        assert item.build is not None
        wanted = item.build(Resolved(metric_ids, dep_ids))
        if remote is not None:
            return self._update(item, remote, wanted)
        return self._create(item, wanted)

    def _update(self, item: KitItem, remote: Remote, wanted: dict[str, Any]) -> ItemResult:
        patch = _differences(item.kind, remote.attributes, wanted)
        if not patch:
            return ItemResult(item, ItemStatus.UNCHANGED, "already in Klaviyo, as the kit makes it", remote.id,
                              reason="exists")
        what = "definition" if item.kind is ItemKind.SEGMENT else "content"
        if item.kind in self.capped:
            return self.deferred(item)
        if self.dry_run:
            return ItemResult(item, ItemStatus.UPDATED, f"would be updated: its {what} differs", remote.id,
                              reason="would_update")
        self.client.update(item.kind, remote.id, patch)
        return ItemResult(item, ItemStatus.UPDATED, f"updated: its {what} differed from the kit's", remote.id,
                          reason="updated")

    def _create(self, item: KitItem, wanted: dict[str, Any]) -> ItemResult:
        if item.kind in self.capped:
            return self.deferred(item)
        if self.dry_run:
            self.planned.add(item.key)
            return ItemResult(item, ItemStatus.CREATED, "would be created", reason="would_create")
        made = self.client.create(item.kind, wanted)
        self.ids[item.key] = made.id
        draft = item.kind is ItemKind.FLOW
        return ItemResult(item, ItemStatus.CREATED, "created as a draft" if draft else "created", made.id,
                          reason="created_draft" if draft else "created")


def run_kit(conn: Any, store: Store, mapping: Mapping, *, items: Sequence[KitItem | str] | None = None,
            languages: str | Sequence[str] = LANGUAGES, progress: ProgressCallback | None = None,
            cancel: CancelToken | None = None, dry_run: bool = False, points_buckets: bool = False,
            templates: Sequence[TemplateSpecLike] | None = None,
            waiting: Callable[[Pace], None] | None = None) -> KitReport:
    """Make the kit's items in the Klaviyo account behind `conn` (a service.Connection or a
    KlaviyoDestination). `items`: the items (or their keys) to make, default all of `plan_kit`.
    `dry_run`: look everything up, write nothing, report what would happen. Cancel stops between
    items and inside any wait; the report then says `cancelled`. `waiting` is told before each wait
    for Klaviyo's pace (15 new flows a minute), so the UI can say what it waits for."""
    dest = getattr(conn, "dest", conn)
    if not isinstance(dest, KlaviyoDestination):
        raise ConfigError(tr("The loyalty kit is made in Klaviyo: connect a Klaviyo account first."))
    http = dest.http
    plan = plan_kit(store, mapping, languages, points_buckets=points_buckets, templates=templates)
    chosen: list[KitItem]
    if items is None:
        chosen = plan
    else:
        wanted_keys = {i if isinstance(i, str) else i.key for i in items}
        chosen = [i for i in plan if i.key in wanted_keys]
    report = KitReport(dry_run=dry_run)
    run = _Run(KitClient(http, waiting), plan, dry_run)
    # The HTTP client waits (rate limits, Retry-After) on its own token: let this run's token
    # interrupt those waits too, for the length of the run.
    previous_cancel = http.cancel
    token = cancel or previous_cancel
    http.cancel = token
    fatal: str = ""
    try:
        for n, item in enumerate(chosen, 1):
            if fatal:
                result = ItemResult(item, ItemStatus.FAILED, f"not attempted: {fatal}", reason="not_attempted",
                                    args=(("reason", fatal),))
            else:
                token.check()
                try:
                    result = run.do(item)
                except DailyCapError as exc:
                    run.capped[item.kind] = exc
                    result = run.deferred(item)
                except CancelledError:
                    raise
                except RateLimitedError:
                    result = ItemResult(item, ItemStatus.DEFERRED, "Klaviyo asked us to slow down for longer than "
                                        "we wait; run the kit again in a few minutes", reason="slow_down")
                except _FATAL as exc:
                    fatal = user_message(exc, "Klaviyo")
                    result = ItemResult(item, ItemStatus.FAILED, fatal)
                    report.notes.append(fatal)
                except LoyaltyError as exc:
                    result = ItemResult(item, ItemStatus.FAILED, user_message(exc, "Klaviyo"))
            log.info("kit %s %s: %s", item.kind.value, item.key, result.status.value)
            report.results.append(result)
            if progress is not None:
                progress(n, len(chosen), result)
    except CancelledError:
        report.cancelled = True
    finally:
        http.cancel = previous_cancel
    if not dry_run:  # a stopped run's results so far are real too
        remember(store, dest, report)
    for kind, cap in run.capped.items():
        left = len(report.with_status(ItemStatus.DEFERRED, kind))
        report.notes.append(_CAP_NOTES[kind].format(limit=cap.limit, left=left))
    return report
