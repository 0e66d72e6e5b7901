"""`loyalty-desktop sandbox --platform smile`: the Smile.io emulator as a standalone server, seeded
from the demo program in the data folder (created on first use) and following its ticks
(`loyalty-desktop demo tick 30` in another terminal: the next sync reads the changes)."""

from __future__ import annotations

import argparse

from loyalty_emulators.http_base import Faults
from loyalty_emulators.smile.server import DEMO_KEY, SmileSandbox


def standalone(port: int, options: argparse.Namespace) -> tuple[SmileSandbox, list[str]]:
    from loyalty_desktop.service import DemoSpec, open_demo

    members = int(getattr(options, "members", None) or 500)
    seed = int(getattr(options, "seed", None) or 42)
    spec = DemoSpec(members, seed)
    program = open_demo(spec)
    sb = _Standalone(program)
    sb.load_program(program, auto_refresh=True)
    sb.faults = Faults(rate_429=getattr(options, "rate_429", 0.0), rate_500=getattr(options, "rate_500", 0.0),
                       rate_drop=getattr(options, "rate_drop", 0.0), latency_s=getattr(options, "latency", 0.0))
    url = sb.start(port=port)
    return sb, [f"Smile.io sandbox listening on {url} (demo program {spec.source_name}, {members} members)",
                f"Demo API key (every read scope): {DEMO_KEY}",
                f"Try: LOYALTY_DESKTOP_SMILE_KEY={DEMO_KEY} loyalty-desktop sync --source smile "
                f"--source-base-url {url} --to klaviyo-sandbox --preset klaviyo-smile"]


class _Standalone(SmileSandbox):
    """Closes the demo program with the server."""

    def __init__(self, program: object) -> None:
        super().__init__()
        self._owned = program

    def stop(self) -> None:
        super().stop()
        close = getattr(self._owned, "close", None)
        if close is not None:
            close()
