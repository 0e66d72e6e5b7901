"""The small service surface the CLI and the UI share: sources and destinations by name,
connecting (verify + bind state to the account), running a sync. Nothing here imports Qt.

Sources and targets are registered by name with the module that provides them, imported only when
used (so a missing optional piece never breaks the rest). A target module exposes objects with
`Target`'s shape; a source module objects with `SourceFactory`'s.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from loyalty_desktop.core import paths
from loyalty_desktop.core.errors import ConfigError, StoreUnusableError, SyncBusyError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.fields import PRESETS, Mapping
from loyalty_desktop.core.options import SourceOptions, TargetOptions
from loyalty_desktop.core.platforms import DESTINATIONS, PLATFORMS
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.net.policy import wait_message as wait_message  # the GUI words a retry wait with it
from loyalty_desktop.service_demo import MAX_DEMO_MEMBERS as MAX_DEMO_MEMBERS
from loyalty_desktop.service_demo import DemoSpec as DemoSpec
from loyalty_desktop.service_demo import open_demo as open_demo

if TYPE_CHECKING:  # imported where used: the store, engine, segments and flows load only when needed
    from loyalty_desktop.destinations.base import AccountInfo, Destination
    from loyalty_desktop.destinations.splio.fields import FieldPlan
    from loyalty_desktop.store.rejects import RejectedRow
    from loyalty_desktop.store.runs import RunRecord
    from loyalty_desktop.store.store import Store
    from loyalty_desktop.sync.engine import ProgressCallback, RunSummary, Source
    from loyalty_desktop.sync.flows import Flow
    from loyalty_desktop.sync.segments import SegmentReport

log = logging.getLogger(__name__)

# name → "module:attribute". Targets are where data goes (each destination platform's live and
# sandbox targets, from its descriptor); sources where it comes from.
TARGETS: dict[str, str] = {name: spec for p in DESTINATIONS.values() for name, spec in p.targets().items()}
SOURCES: dict[str, str] = {
    "demo": "loyalty_desktop.sources.demo.source:FACTORY",
    "csv": "loyalty_desktop.sources.spreadsheet.source:FACTORY",
    "smile": "loyalty_desktop.sources.smile.source:LIVE",
    "smile-sandbox": "loyalty_desktop.sources.smile.source:SANDBOX",
}
# Offline emulators `loyalty-desktop sandbox` starts: a function
# `(loyalty_emulators.launch.StandaloneOptions) -> loyalty_emulators.launch.Running` (lines to print, .stop()),
# `serve_sandbox` beside the platform's LIVE and SANDBOX.
SANDBOXES: dict[str, str] = {p.id: f"{p.adapter}:serve_sandbox" for p in PLATFORMS.values() if p.emulator}


@dataclass
class Connection:
    """A verified destination, plus the sandbox behind it in demo mode: the emulator's server (in
    this process) or a SandboxProcess (TargetOptions.sandbox_place)."""

    dest: Destination
    account: AccountInfo
    sandbox: Any = None
    notes: list[str] = field(default_factory=list)  # lines to show the user (e.g. fields created)
    key_mask: str = ""  # the key this connection uses, masked (secrets.mask); "" when not known
    # An in-process sandbox that evaluates relative dates on a clock of its own (Klaviyo's segments):
    # set to the demo program's clock (align_demo_clock). None: nothing to align.
    set_clock: Callable[[datetime], None] | None = None
    # Demo mode, an in-process sandbox that keeps contacts of its own (Splio): how to put a source's
    # members in it, so both hold the same people. None: nothing to seed.
    seed_demo: Callable[[Iterable[Any]], Any] | None = None

    def close(self) -> None:
        self.dest.close()
        if self.sandbox is not None:
            self.sandbox.stop()

    # Typed steps for the UI, so it never reaches into the destination's HTTP client.

    @property
    def label(self) -> str:
        """The platform's name for messages ("Klaviyo")."""
        return self.dest.label

    def use_cancel(self, cancel: CancelToken) -> None:
        """Make `cancel` the token that stops this connection's requests (a fresh one per run: an
        earlier run's cancel must not stick)."""
        self.dest.http.cancel = cancel

    def verify(self) -> AccountInfo:
        """Check the key with the platform again, every scope it needs included (nothing written),
        with a fresh cancel token. Raises MissingScopeError when the sync cannot run."""
        self.use_cancel(CancelToken())
        getattr(self.sandbox, "ensure_serving", lambda: None)()  # a sandbox process that went away: said so
        info = self.dest.verify()
        self.account = replace(info, missing_scopes=self.dest.verify_scopes())
        return self.account

    def resolve_fields(self, mapping: Mapping) -> None:
        """Look the mapping's fields up on the platform (Splio's custom fields, as a sync does first),
        for previews on this connection after a sync ran in the worker process. Network: off the GUI thread."""
        self.dest.prepare(mapping, first_sync=False)

    def profile_encoder(self, mapping: Mapping) -> Callable[[dict[str, Any]], str]:
        """How the destination writes a member's profile (the wizard's preview)."""
        return self.dest.profile_encoder(mapping)

    @property
    def creates_fields(self) -> bool:
        """Splio: whether a sync creates the missing custom fields (the sandbox does without asking)."""
        return self.dest.create_fields

    def field_plan(self) -> FieldPlan | None:
        """Splio: how the mapping is written (custom fields by id, the contact's key); None elsewhere."""
        from loyalty_desktop.destinations.splio.fields import FieldPlan as Plan  # Splio's, loaded when asked

        plan = self.dest.field_plan
        return plan if isinstance(plan, Plan) else None

    def allow_field_creation(self, allowed: bool) -> None:
        """Splio: whether a sync may create the custom fields the mapping needs (the user's choice)."""
        self.dest.create_fields = allowed

    def set_contact_options(self, create_missing: bool, remote_diff: bool) -> None:
        """Splio: whether a sync creates contacts it does not have yet, and reads every contact's
        current values first (the user's choices; no effect where the platform has neither)."""
        for name, value in (("create_missing", create_missing), ("remote_diff", remote_diff)):
            if hasattr(self.dest, name):
                setattr(self.dest, name, value)

    def demo_seeder(self) -> Callable[[Iterable[Any]], Any] | None:
        """Demo mode: how to put a source's members in the in-process sandbox when it keeps contacts
        of its own (Splio), so both hold the same people; None otherwise."""
        return self.seed_demo


class Target(Protocol):
    name: str  # as given to --to
    platform: str  # core.platforms id: keyring entry and descriptor
    label: str  # the platform's name for the user
    default_preset: str

    def connect(self, key: str | None, options: TargetOptions, cancel: CancelToken) -> Connection:
        """Open, verify the key, bind `dest.name` to the account; raise a LoyaltyError if not usable."""
        ...


@dataclass
class OpenSource:
    source: Source
    name: str  # store key for the source's cursor, e.g. "demo:500:42"
    label: str
    closer: Any = None

    def close(self) -> None:
        if self.closer is not None:
            self.closer()


class SourceFactory(Protocol):
    name: str

    def open(self, options: SourceOptions, cancel: CancelToken) -> OpenSource: ...


def _load(registry: dict[str, str], name: str, what: str) -> Any:
    try:
        spec = registry[name]
    except KeyError:
        raise ConfigError(tr("Unknown {what} {name}; choose one of: {choices}").format(
            what=what, name=repr(name), choices=", ".join(registry))) from None
    module, _, attr = spec.partition(":")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise ConfigError(tr("The {what} {name} is not available in this version.").format(
                what=what, name=repr(name))) from None
        raise
    return getattr(mod, attr) if attr else mod


def load_entry(spec: str, what: str) -> Any:
    """A "module:attribute" entry point, or a clear ConfigError when this version lacks it."""
    try:
        return _load({what: spec}, what, what)
    except ConfigError:
        raise ConfigError(tr("The {what} is not available in this version.").format(what=what)) from None


def connect_checked(name: str, key: str | None, options: TargetOptions, cancel: CancelToken) -> Connection:
    """The user's "Verify" of a key: connect to target `name`, then check every scope the sync and
    the optional features need (Connection.verify). Closed again when the key cannot sync."""
    conn = target(name).connect(key, options, cancel)
    try:
        conn.account = replace(conn.account, missing_scopes=conn.dest.verify_scopes())
    except BaseException:
        conn.close()
        raise
    return conn


def target(name: str) -> Target:
    return _load(TARGETS, name, "destination")  # type: ignore[no-any-return]


def source_factory(name: str) -> SourceFactory:
    return _load(SOURCES, name, "source")  # type: ignore[no-any-return]


def sandbox_module(name: str) -> Any:
    return _load(SANDBOXES, name, "sandbox")


def mapping_for(preset: str) -> Mapping:
    try:
        return PRESETS[preset]
    except KeyError:
        raise ConfigError(tr("Unknown preset {preset}; choose one of: {choices}").format(
            preset=repr(preset), choices=", ".join(PRESETS))) from None


# -- demo program (its spec and opening: service_demo) -------------------------------------------

def advance_demo(spec: DemoSpec, days: int) -> tuple[int, datetime]:
    """Move the demo program `days` days forward (`loyalty-desktop demo tick`): members earn, spend,
    reach tiers and refer friends. Returns how many members changed and the program's new date."""
    with sync_lock_for(), open_demo(spec) as program:  # never under a running sync
        tick = program.tick(days)
        return tick.members_changed, program.as_of


# -- store and sync -------------------------------------------------------------------------------

@contextmanager
def open_store(path: Path | None = None) -> Iterator[Store]:
    """The local store. A damaged, foreign or newer file raises StoreUnusableError and is left as
    it is: only `set_aside_store`, once the user agreed, moves it."""
    from loyalty_desktop.store.store import Store

    store = Store(path or paths.store_path())
    try:
        yield store
    finally:
        store.close()


def set_aside_store(path: Path | None = None) -> Path | None:
    """If the store cannot be opened as it is, keep it aside (renamed beside itself, never deleted)
    so a new one starts; returns where it went (None: the store was fine, nothing moved). Only
    when the user asked (CLI --set-aside-damaged-store) or agreed (GUI question)."""
    from loyalty_desktop.core import disk_errors
    from loyalty_desktop.store.store import Store
    from loyalty_desktop.sync import lock as sync_lock

    path = path or paths.store_path()
    with sync_lock.hold(path):  # no sync has it open meanwhile
        try:
            Store(path).close()
            return None
        except StoreUnusableError:
            return disk_errors.set_aside(path)


@contextmanager
def sync_lock_for(store: Path | None = None, wait: float = 0.0,
                  cancel: CancelToken | None = None) -> Iterator[None]:
    """Hold the data folder's sync lock (sync_lock.py: its store's) for a whole command, e.g. from
    before the source is opened; `sync` takes it again (re-entrant)."""
    from loyalty_desktop.sync import lock as sync_lock

    with sync_lock.hold(store or paths.store_path(), wait, cancel):
        yield


def sync(store: Store, source: Source, source_name: str, dest: Destination, mapping: Mapping, *,
         backfill: bool = False, on_progress: ProgressCallback | None = None,
         poll_interval: float = 0.5, confirmed: bool = False) -> RunSummary:
    """Run one sync. Every sync (CLI, GUI, kit, scheduled) comes through here and holds the sync
    lock of the store's folder: a second one on the same folder raises SyncBusyError before it
    records or sends anything (two overlapping runs used to send the same events twice).

    A run that would send more live events than the confirmation threshold sends nothing and
    returns status NEEDS_CONFIRMATION with `live_events` by metric, unless `confirmed` (the user
    said yes to those figures)."""
    from loyalty_desktop.sync import lock as sync_lock
    from loyalty_desktop.sync.engine import SyncEngine

    with sync_lock.hold(store.path):
        engine = SyncEngine(store, source, source_name, dest, mapping, backfill=backfill,
                            on_progress=on_progress, poll_interval=poll_interval, confirmed=confirmed)
        return engine.run()


def connect(dest: Destination) -> AccountInfo:
    """Verify a destination's key and bind its per-destination state to this account at this address."""
    info = dest.verify()
    dest.bind(info)
    return info


def align_demo_clock(conn: Connection, store: Store) -> None:
    """Demo mode: let an in-process sandbox evaluate relative dates ("expiring within 30 days") on
    the demo program's clock, as the app's own segment counts do. No effect on a real platform."""
    from loyalty_desktop.sync.segments import program_as_of

    as_of = program_as_of(store) if conn.set_clock is not None else None
    if conn.set_clock is not None and as_of is not None:
        conn.set_clock(as_of)


# What the UI reads and does beside a sync, typed, so it reaches no store, adapter or sync module
# (issue 14). The store reads open the store themselves: call them from a worker thread.

def run_history(limit: int) -> tuple[list[RunRecord], SegmentReport]:
    """The last `limit` runs, newest first, and the segments' counts now (store reads)."""
    from loyalty_desktop.sync.segments import segment_report

    with open_store() as store:
        return store.runs(limit), segment_report(store)


def preview_sample(conn: Connection, mapping: Mapping, n: int) -> list[dict[str, Any]]:
    """`sample_members(n)` to preview as `conn` writes them with `mapping`, its fields looked up first
    (the sync resolved them in the worker process, not on this connection). Store and network reads."""
    conn.resolve_fields(mapping)
    return sample_members(n)


def rejected_rows(run_id: int) -> list[RejectedRow]:
    """What run `run_id` rejected, in the order it was recorded (a store read)."""
    with open_store() as store:
        return store.rejected_rows(run_id)


def sample_members(n: int) -> list[dict[str, Any]]:
    """The first `n` members of the snapshot by email (a store read, for previews)."""
    with open_store() as store:
        return store.sample_members(n)


def write_rejected_csv(rows: Iterable[RejectedRow], dest: Path, language: str = "en") -> int:
    """Rejected rows as a CSV file Excel opens (formulas made inert), header and our reasons in
    `language` (the reader's); returns how many."""
    from loyalty_desktop.store import rejects

    return rejects.write_rejected_csv(rows, dest, language=language)


def sync_running_elsewhere() -> SyncBusyError | None:
    """Why another process is syncing this data folder now (None: free); a quick, non-blocking look."""
    from loyalty_desktop.sync import lock as sync_lock

    return sync_lock.is_busy(paths.store_path())


def recommended_flows(platform: str, mapping: Mapping, language: str,
                      tr: Callable[[str], str], source: str = "") -> list[Flow]:
    """The flows to build on `platform` in `language` ("en"/"fr"), trigger wording through `tr`;
    those needing a field the mapping leaves out or a moment `source` never produces say so."""
    from loyalty_desktop.sync import flows

    return flows.recommended_flows(platform, mapping, language, tr=tr, source=source)


def verify_smile_key(key: str, base_url: str | None, cancel: CancelToken) -> None:
    """One authenticated read with a Smile.io key (raises WrongKeyError, MissingScopeError, NetworkError…)."""
    from loyalty_desktop.sources.smile.api import BASE_URL, SmileClient, normalize_base_url

    client = SmileClient(key, normalize_base_url(base_url or BASE_URL), cancel=cancel)
    try:
        client.verify()
    finally:
        client.close()
