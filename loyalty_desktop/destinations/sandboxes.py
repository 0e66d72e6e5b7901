"""Starting a destination's sandbox where the options say (TargetOptions.sandbox_place), and the
child-process side of the `__sandbox__` entry.

IN_PROCESS (the CLI, tests that inspect the emulator's objects): the emulator's threads serve in
this process and `handle` is the server itself. CHILD_PROCESS (the GUI): a SandboxProcess, whose
emulator has its own interpreter; the Connection uses either through the same few calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from loyalty_desktop.core.options import DemoOptions, SandboxPlace, TargetOptions
from loyalty_desktop.core.platforms import KLAVIYO, SMILE, SPLIO


@dataclass
class StartedSandbox:
    """A destination's emulator, serving: what the target connects to and the Connection keeps."""

    handle: Any  # what Connection.sandbox holds: the server (in process) or a SandboxProcess
    base_url: str
    key: str  # the emulator's demo key
    lines: list[str] = field(default_factory=list)  # what the user is told about it
    set_clock: Callable[[datetime], None] | None = None  # Klaviyo: relative dates in segments
    seed_demo: Callable[[Iterable[Any]], Any] | None = None  # Splio: contacts of its own

    def stop(self) -> None:
        self.handle.stop()


def start(platform: str, options: TargetOptions) -> StartedSandbox:
    """`platform`'s emulator (Klaviyo: empty; Splio: seeded from `options.seed_from`), serving."""
    from loyalty_emulators import launch

    key = launch.demo_key(platform)
    if options.sandbox_place is SandboxPlace.CHILD_PROCESS:
        from loyalty_desktop.destinations.sandbox_process import SandboxProcess

        seed = options.seed_from
        proc = SandboxProcess.start(platform, launch.SeedFrom(seed.members, seed.seed) if seed is not None else None)
        return StartedSandbox(proc, proc.base_url, key, list(proc.lines),
                              set_clock=proc.set_clock if platform == KLAVIYO.id else None,
                              seed_demo=proc.seed_demo if platform == SPLIO.id else None)
    running = _start_here(platform, options.seed_from)
    sb = running.sandbox
    return StartedSandbox(sb, running.base_url, key, list(running.lines),
                          set_clock=getattr(sb, "set_clock", None), seed_demo=getattr(sb, "seed_demo", None))


def _start_here(platform: str, seed_from: DemoOptions | None) -> Any:
    """The emulator in this process (launch.Running); Smile.io's serves the demo program `seed_from`."""
    from loyalty_emulators import launch

    if platform == SPLIO.id:
        from loyalty_desktop.destinations.splio.target import seed_sandbox

        return launch.start_splio(seed=lambda s: seed_sandbox(s, seed_from))
    if platform == KLAVIYO.id:
        return launch.start_klaviyo()
    if platform == SMILE.id and seed_from is not None:  # a source: it serves the demo program
        from loyalty_desktop.service import DemoSpec, open_demo

        program = open_demo(DemoSpec(seed_from.members, seed_from.seed))
        return launch.start_smile(program=program, close_program=program.close)
    raise ValueError(f"no sandbox for {platform!r}")


def child_main() -> int:
    """`<the app's executable> __sandbox__`: serve one emulator for the app that started us, over
    stdin/stdout (loyalty_emulators.child), until it says stop or goes away."""
    from loyalty_desktop.core import clock
    from loyalty_emulators import launch

    def start(req: launch.ChildRequest) -> Any:
        if req.now is not None:  # the product's clock too: the Splio seed may create the demo program
            clock.set_clock(clock.SystemClock(req.now - clock.SystemClock().now()))
        seed = DemoOptions(req.seed_from.members, req.seed_from.seed) if req.seed_from is not None else None
        return _start_here(req.platform, seed)

    return launch.serve_in_child(start)
