"""What the engine needs from a destination adapter, and the shapes they exchange."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlparse

from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.platforms import Platform

if TYPE_CHECKING:  # annotations only: the GUI's first window needs the account's type, not the store (issue 18)
    from loyalty_desktop.core.events import LoyaltyEvent
    from loyalty_desktop.net.client import HttpClient
    from loyalty_desktop.store.store import OutboxRow, Store


@dataclass(frozen=True, slots=True)
class RowOutcome:
    row: OutboxRow
    ok: bool
    field: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Submitted:
    """The destination took a batch as an asynchronous job; poll it for per-row outcomes."""

    job: str
    rows: Sequence[OutboxRow]


@dataclass(slots=True)
class SendResult:
    """Outcomes known now, plus jobs whose outcomes come later (rows sent but not yet acknowledged)."""

    outcomes: list[RowOutcome] = field(default_factory=list)
    jobs: list[Submitted] = field(default_factory=list)


class JobLostError(Exception):
    """The destination no longer knows the job (expired or cancelled): its rows must be sent again."""


@dataclass(frozen=True, slots=True)
class AccountInfo:
    name: str  # organization / universe name shown to the user
    account_id: str
    test_account: bool = False
    detail: str = ""
    missing_scopes: tuple[str, ...] = ()  # the key works for the sync but lacks these (e.g. the kit's)


class Destination(Protocol):
    """What the engine and the service call on a destination adapter. The optional steps
    (`prepare`, `retry_rejected`) are declared here; `DestinationBase` gives them their
    do-nothing behaviour, so the engine calls them on every destination."""

    name: str  # store key for per-destination state: the platform id, then "<id>:<account>@<host>" once bound
    platform: str  # core.platforms id
    label: str  # platform name for messages
    base_url: str
    http: HttpClient
    supports_events: bool
    profile_page: int  # outbox rows the engine hands over at once
    max_jobs_in_flight: int

    def verify(self) -> AccountInfo: ...

    def bind(self, info: AccountInfo) -> None:
        """Key per-destination state to this account at this address (after `verify`)."""
        ...

    def profile_encoder(self, mapping: Mapping) -> Callable[[dict[str, Any]], str]:
        """A function from a member (catalog keys) to its wire payload (JSON text)."""
        ...

    def encode_event(self, event: LoyaltyEvent) -> str: ...

    def accepts_event(self, event: LoyaltyEvent) -> bool:
        """Whether this destination takes this kind of event at all (DestinationBase: every kind)."""
        ...

    create_fields: bool  # may a sync create missing custom fields (DestinationBase: False)

    @property
    def field_plan(self) -> object | None:
        """How the mapping is written once prepared (DestinationBase: None)."""
        ...

    def prepare(self, mapping: Mapping, first_sync: bool) -> list[str]:
        """Called after reading and before planning; returns notes for the user. Raise a
        LoyaltyError to stop the run before any write."""
        ...

    def retry_rejected(self, rejected: Sequence[tuple[OutboxRow, str]]) -> tuple[list[OutboxRow], str]:
        """Of the rows rejected earlier (row, reason), those to send again now, and why."""
        ...

    def verify_scopes(self) -> tuple[str, ...]:
        """Check what the key can do (the user's "Verify"); the optional features' missing scopes."""
        ...

    def after_sync(self, store: Store, mapping: Mapping) -> list[str]:
        """At the end of a sync that sent everything: follow-up work that needs the whole snapshot
        (Splio's static groups, Klaviyo's kit flows waiting for a metric); notes for the user."""
        ...

    def send_profiles(self, rows: Sequence[OutboxRow]) -> SendResult: ...

    def poll(self, job: Submitted) -> list[RowOutcome] | None:
        """Per-row outcomes once the job is done; None while it runs. Raises if the job is gone."""
        ...

    def send_events(self, rows: Sequence[OutboxRow]) -> list[RowOutcome]: ...

    def close(self) -> None: ...


class DestinationBase:
    """The default behaviour of `Destination`'s optional steps, for adapters to inherit."""

    name: str
    platform: str
    base_url: str
    # Whether a sync may create the custom fields the mapping needs (Splio asks the user; others have none).
    create_fields: bool = False

    @property
    def field_plan(self) -> object | None:
        """How the mapping is written to the account once `prepare` resolved it (Splio's FieldPlan:
        custom fields by id, the contact's key); None where profiles take the mapping as it is."""
        return None

    def accepts_event(self, event: LoyaltyEvent) -> bool:
        return True

    def bind(self, info: AccountInfo) -> None:
        self.name = f"{self.platform}:{info.account_id}@{urlparse(self.base_url).netloc}"

    def prepare(self, mapping: Mapping, first_sync: bool) -> list[str]:
        return []  # nothing to look up before planning

    def retry_rejected(self, rejected: Sequence[tuple[OutboxRow, str]]) -> tuple[list[OutboxRow], str]:
        return [], ""  # a rejected row waits until its data changes

    def verify_scopes(self) -> tuple[str, ...]:
        """The user's "Verify": raise MissingScopeError when the key cannot do what the sync needs;
        return the scopes only optional features (Klaviyo's kit) lack. Writes nothing."""
        return ()

    def after_sync(self, store: Store, mapping: Mapping) -> list[str]:
        return []  # nothing derives from the whole snapshot


@dataclass(frozen=True)
class PlatformTarget:
    """A `--to` name: the live platform or its offline sandbox; what it is called and which preset it
    starts with come from the platform's descriptor. Subclasses add `connect`."""

    name: str
    sandbox: bool
    descriptor: Platform

    @property
    def platform(self) -> str:
        return self.descriptor.id

    @property
    def label(self) -> str:
        return self.descriptor.label

    @property
    def default_preset(self) -> str:
        return self.descriptor.default_preset
