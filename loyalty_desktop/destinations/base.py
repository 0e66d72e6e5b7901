"""What the engine needs from a destination adapter, and the shapes they exchange."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from loyalty_desktop.core.events import LoyaltyEvent
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.net.client import HttpClient
from loyalty_desktop.store.store import OutboxRow


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


class Destination(Protocol):
    name: str  # store key for per-destination state, e.g. "klaviyo"
    label: str  # platform name for messages
    http: HttpClient
    supports_events: bool
    profile_page: int  # outbox rows the engine hands over at once
    max_jobs_in_flight: int

    def verify(self) -> AccountInfo: ...

    def profile_encoder(self, mapping: Mapping) -> Callable[[dict[str, Any]], str]:
        """A function from a member (catalog keys) to its wire payload (JSON text)."""
        ...

    def encode_event(self, event: LoyaltyEvent) -> str: ...

    def send_profiles(self, rows: Sequence[OutboxRow]) -> SendResult: ...

    def poll(self, job: Submitted) -> list[RowOutcome] | None:
        """Per-row outcomes once the job is done; None while it runs. Raises if the job is gone."""
        ...

    def send_events(self, rows: Sequence[OutboxRow]) -> list[RowOutcome]: ...

    def close(self) -> None: ...

    # Optional: `prepare(mapping, first_sync: bool) -> list[str]`, called after reading and before
    # planning; returns notes for the user. Raise a LoyaltyError to stop the run before any write.
