"""What the Klaviyo loyalty kit is made of and what a run reports (no I/O, no Qt).

A `KitItem` is one thing the kit makes in the merchant's Klaviyo account: a segment, an email
template (one per language) or a draft flow. Its `name` is its identity there: the runner finds an
item by name before creating it, which makes a run idempotent and a stopped run resumable.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Every name starts with this, so the kit's segments, templates and flows sort together in Klaviyo.
NAME_PREFIX = "Loyalty · "


class ItemKind(str, enum.Enum):
    SEGMENT = "segment"
    TEMPLATE = "template"
    FLOW = "flow"


class ItemStatus(str, enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"  # Klaviyo refused it (the message carries its reason)
    DEFERRED = "deferred"  # a daily cap or the rate limit: the next run does it
    SKIPPED = "skipped"  # cannot be made (field not sent, template missing…)
    PENDING = "pending"  # a flow whose metric has no event yet: the first sync that sends one makes it


@dataclass(frozen=True, slots=True)
class Resolved:
    """Account ids a payload needs, known only while running: metric name → id, item key → id."""

    metric_ids: Mapping[str, str] = field(default_factory=dict)
    item_ids: Mapping[str, str] = field(default_factory=dict)


PayloadBuilder = Callable[[Resolved], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class KitItem:
    """One segment, template or flow. `build` returns the resource's `attributes` as Klaviyo's
    create request takes them; `metrics` are the metric names it needs ids for and `depends_on`
    the keys of the items it refers to (a flow's templates)."""

    key: str  # stable: "segment:tier-gold", "template:points_earned:fr", "flow:points-earned:fr"
    kind: ItemKind
    name: str  # the name in Klaviyo
    build: PayloadBuilder | None = field(default=None, compare=False, repr=False)
    language: str | None = None  # templates and flows
    metrics: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    skip_reason: str = ""  # known when planning (e.g. a field the mapping does not send)
    skip_code: tuple[str, tuple[tuple[str, str], ...]] = ("", ())  # skip_reason as ItemResult.reason/args
    preview_count: int | None = None  # segments: members the app counts in it today
    description: str = ""  # one line for the UI: what it is for
    former_names: tuple[str, ...] = ()  # names it may have in the account already (the other language)


@dataclass(frozen=True, slots=True)
class Pace:
    """The kit is about to wait for Klaviyo's rate limit before creating an item of `kind`:
    `seconds`, since Klaviyo allows `per_minute` new ones a minute (and `per_second` a second)."""

    kind: ItemKind
    seconds: float
    per_minute: int
    per_second: int


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: KitItem
    status: ItemStatus
    message: str = ""  # plain words, with Klaviyo's own reason when it refused something
    remote_id: str | None = None  # the id in Klaviyo, when it exists there
    # What the message says, for a UI that words it in the user's language (ui/kit_texts.py):
    # a code ("created", "daily_cap", "no_metric", …) and its values; "" when only `message` says it.
    reason: str = ""
    args: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class KitReport:
    results: list[ItemResult] = field(default_factory=list)
    dry_run: bool = False
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)  # run-wide sentences (e.g. "N segments remain")

    def counts(self) -> Counter[ItemStatus]:
        return Counter(r.status for r in self.results)

    def by_key(self) -> dict[str, ItemResult]:
        return {r.item.key: r for r in self.results}

    def with_status(self, status: ItemStatus, kind: ItemKind | None = None) -> list[ItemResult]:
        return [r for r in self.results if r.status is status and (kind is None or r.item.kind is kind)]

    @property
    def failed(self) -> bool:
        """Some item failed (a cancelled run says so in `cancelled`)."""
        return any(r.status is ItemStatus.FAILED for r in self.results)

    @property
    def created(self) -> int:
        return sum(1 for r in self.results if r.status is ItemStatus.CREATED)
