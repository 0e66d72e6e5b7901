"""The one way into the emulators from the product: the demo keys, starting an emulator in this
process, serving one standalone (``loyalty-desktop sandbox``), and the clock they read.

    running = launch.start_klaviyo()
    try:
        sync_to(running.base_url, running.demo_key)
    finally:
        running.stop()

An emulator can also serve in a child process of the app (:func:`serve_in_child`, the
``CHILD_COMMAND`` entry; the app drives it with the ``Child*`` messages of child_protocol.py).

Whatever the emulators need from the product comes in as plain values: a Splio seed callable
(run on the sandbox before it serves), a Smile program (:class:`~.smile.feed.ProgramFeed`: the
demo program fits), the clock to follow (:func:`follow_clock`). Nothing here imports the product.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from loyalty_emulators import clock as emclock
from loyalty_emulators import demo_keys
from loyalty_emulators.base.faults import Faults
from loyalty_emulators.child_protocol import COMMAND as CHILD_COMMAND  # noqa: F401 - re-exported
from loyalty_emulators.child_protocol import Reply as ChildReply  # noqa: F401 - re-exported
from loyalty_emulators.child_protocol import ReplyKind as ChildReplyKind  # noqa: F401 - re-exported
from loyalty_emulators.child_protocol import Request as ChildRequest
from loyalty_emulators.child_protocol import RequestKind as ChildRequestKind  # noqa: F401 - re-exported
from loyalty_emulators.child_protocol import SeedFrom as SeedFrom
from loyalty_emulators.child_protocol import SeedMember as SeedMember
from loyalty_emulators.child_protocol import decode_reply as decode_reply
from loyalty_emulators.child_protocol import encode_request as encode_request
from loyalty_emulators.clock import ClockSource

if TYPE_CHECKING:
    from loyalty_emulators.klaviyo.server import KlaviyoSandbox
    from loyalty_emulators.smile.feed import ProgramFeed
    from loyalty_emulators.smile.server import SmileSandbox
    from loyalty_emulators.splio.server import SplioSandbox


class Platform(enum.StrEnum):
    KLAVIYO = "klaviyo"
    SPLIO = "splio"
    SMILE = "smile"


#: Always-valid keys of the emulators' demo accounts.
DEMO_KEYS = MappingProxyType({
    Platform.KLAVIYO: demo_keys.KLAVIYO,
    Platform.SPLIO: demo_keys.SPLIO,
    Platform.SMILE: demo_keys.SMILE,
})


def demo_key(platform: Platform | str) -> str:
    """The demo key of ``platform``; raises ValueError for a platform without an emulator."""
    return DEMO_KEYS[Platform(platform)]


def follow_clock(source: ClockSource, *, wall_only: bool = False) -> None:
    """The emulators in this process read time from ``source`` from now on, at every call (the
    product passes its clock module, so a pinned or fake clock holds for them too). ``wall_only``:
    only its wall time; monotonic time and latency waits stay the machine's."""
    emclock.set_clock(emclock.Clock.following(source, wall_only=wall_only))


@dataclass(frozen=True)
class FaultOptions:
    """Injected faults (see :class:`~.base.faults.Faults`): shares of requests answered 429, 500
    or dropped, and latency added to every answer."""

    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_drop: float = 0.0
    latency_s: float = 0.0
    seed: int = 0

    def faults(self) -> Faults:
        return Faults(rate_429=self.rate_429, rate_500=self.rate_500, rate_drop=self.rate_drop,
                      latency_s=self.latency_s, seed=self.seed)


class Serving(Protocol):
    def stop(self) -> None: ...

    def describe(self, sample: int = 1) -> list[str]: ...


S = TypeVar("S", bound=Serving)


@dataclass
class Running(Generic[S]):
    """A started emulator. ``sandbox`` is the server itself (inspection: what it holds)."""

    platform: Platform
    sandbox: S
    base_url: str
    demo_key: str
    lines: tuple[str, ...] = ()  # what `loyalty-desktop sandbox` prints about it
    on_stop: list[Callable[[], None]] = field(default_factory=list)  # after the server stops

    def stop(self) -> None:
        self.sandbox.stop()
        while self.on_stop:
            self.on_stop.pop(0)()

    def describe(self, sample: int = 1) -> list[str]:
        """A few lines on what the emulator's account holds."""
        return list(self.sandbox.describe(sample))

    def __enter__(self) -> Running[S]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _run(platform: Platform, sb: Any, port: int, faults: FaultOptions | None,
         prepare: Callable[[Any], Sequence[str]] | None = None) -> Running[Any]:
    """Apply the faults, let ``prepare`` fill the sandbox, start it; stops it on any failure."""
    if faults is not None:
        sb.faults = faults.faults()
    try:
        notes = tuple(prepare(sb)) if prepare is not None else ()
        url = sb.start(port)
    except BaseException:
        sb.stop()
        raise
    return Running(platform, sb, url, DEMO_KEYS[platform], notes)


def start_klaviyo(*, port: int = 0, job_seconds: float = 0.2, faults: FaultOptions | None = None
                  ) -> Running[KlaviyoSandbox]:
    """A Klaviyo emulator in this process, empty, with the demo key (full access)."""
    from loyalty_emulators.klaviyo.server import KlaviyoSandbox

    return _run(Platform.KLAVIYO, KlaviyoSandbox(job_seconds=job_seconds), port, faults)


def start_splio(*, port: int = 0, seed: Callable[[SplioSandbox], Sequence[str]] | None = None,
                contacts_rps: int = 20, other_rps: int = 10, max_recorded_requests: int = 100_000,
                faults: FaultOptions | None = None) -> Running[SplioSandbox]:
    """A Splio emulator in this process. ``seed`` fills its universe before it serves (e.g.
    ``sb.seed_demo(members)``) and returns lines to show; they end up in ``Running.lines``."""
    from loyalty_emulators.splio.server import SplioSandbox

    sb = SplioSandbox(contacts_rps=contacts_rps, other_rps=other_rps, max_recorded_requests=max_recorded_requests)
    return _run(Platform.SPLIO, sb, port, faults, seed)


def start_smile(*, port: int = 0, program: ProgramFeed | None = None, auto_refresh: bool = False,
                close_program: Callable[[], None] | None = None, faults: FaultOptions | None = None
                ) -> Running[SmileSandbox]:
    """A Smile.io emulator in this process (``base_url`` ends in ``/v1``), its account filled from
    ``program``; with ``auto_refresh`` it follows the program's ticks. ``close_program`` runs once
    the server has stopped (and when it fails to start)."""
    from loyalty_emulators.smile.server import SmileSandbox

    def load(sb: SmileSandbox) -> Sequence[str]:
        if program is not None:
            sb.load_program(program, auto_refresh=auto_refresh)
        return ()

    try:
        running = _run(Platform.SMILE, SmileSandbox(), port, faults, load)
    except BaseException:
        if close_program is not None:
            close_program()
        raise
    if close_program is not None:
        running.on_stop.append(close_program)
    return running


def serve_in_child(start: Callable[[ChildRequest], Running[Any]]) -> int:
    """The whole life of a child process serving one emulator for the app that started it (see
    child.py): ``start`` starts what a START request names. Returns the exit status."""
    from loyalty_emulators import child

    return child.main(start)


# ------------------------------------------------------------------ standalone (`loyalty-desktop sandbox`)


@dataclass(frozen=True)
class StandaloneOptions:
    """One emulator served on 127.0.0.1 until stopped (``loyalty-desktop sandbox``)."""

    port: int = 0  # 0: any free port
    faults: FaultOptions = FaultOptions()
    job_seconds: float = 0.5  # Klaviyo: how long a bulk import job takes
    contacts_rps: int = 20  # Splio: requests per second on /data/contacts*
    other_rps: int = 10  # Splio: elsewhere
    max_records: int = 10_000  # requests kept for inspection (a long-running server: bounded)


def standalone(platform: Platform | str, options: StandaloneOptions, *,
               splio_seed: Callable[[SplioSandbox], Sequence[str]] | None = None,
               smile_program: ProgramFeed | None = None, smile_program_name: str = "",
               close_program: Callable[[], None] | None = None) -> Running[Any]:
    """Start ``platform``'s emulator for a terminal; ``Running.lines`` say where it listens, the
    demo key and a command to try. Splio: ``splio_seed`` fills it. Smile.io: it serves
    ``smile_program`` and follows its ticks (``close_program`` when it stops)."""
    platform = Platform(platform)
    key = DEMO_KEYS[platform]
    running: Running[Any]
    if platform is Platform.KLAVIYO:
        running = start_klaviyo(port=options.port, job_seconds=options.job_seconds, faults=options.faults)
        url = running.base_url
        lines = [f"Klaviyo sandbox listening on {url}", f"Demo private key (full access): {key}",
                 f"Try: LOYALTY_DESKTOP_KLAVIYO_KEY={key} loyalty-desktop sync --to klaviyo --base-url {url}"]
    elif platform is Platform.SPLIO:
        running = start_splio(port=options.port, seed=splio_seed, contacts_rps=options.contacts_rps,
                              other_rps=options.other_rps, max_recorded_requests=options.max_records,
                              faults=options.faults)
        url = running.base_url
        lines = [f"Splio sandbox listening on {url}", f"Demo API key: {key}", *running.lines,
                 f"Try: LOYALTY_DESKTOP_SPLIO_KEY={key} loyalty-desktop sync --to splio --base-url {url}"]
    else:
        running = start_smile(port=options.port, program=smile_program, auto_refresh=True,
                              close_program=close_program, faults=options.faults)
        url = running.base_url
        about = f" ({smile_program_name})" if smile_program_name else ""
        lines = [f"Smile.io sandbox listening on {url}{about}", f"Demo API key (every read scope): {key}",
                 (f"Try: LOYALTY_DESKTOP_SMILE_KEY={key} loyalty-desktop sync --source smile "
                 f"--source-base-url {url} --to klaviyo-sandbox --preset klaviyo-smile")]
    running.lines = tuple(lines)
    return running
