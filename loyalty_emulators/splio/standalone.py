"""`loyalty-desktop sandbox --platform splio`: the Splio emulator as a standalone server.

It is seeded from the demo program `sync` uses by default (500 members, seed 42): most members are
Splio contacts, some are not, and some contacts are unknown to the program. Run as a module for
more knobs (benchmarks)::

    python -m loyalty_emulators.splio.standalone --members 5000 --present 1 --unknown 0 \\
        --stale-fields --contacts-rps 20 --latency 0.15
"""

from __future__ import annotations

import argparse
import signal
import sys
import time

from loyalty_emulators.http_base import Faults
from loyalty_emulators.splio.server import DEMO_KEY, SplioSandbox


def _seed(sb: SplioSandbox, options: argparse.Namespace) -> str:
    from loyalty_desktop.service import DemoSpec, open_demo

    members, seed = int(getattr(options, "members", 500) or 500), int(getattr(options, "seed", 42) or 42)
    with open_demo(DemoSpec(members, seed)) as program:
        all_members = list(program.read(None, history=False).members)
    counts = sb.seed_demo(all_members, present=getattr(options, "present", 0.9),
                          unknown=getattr(options, "unknown", 0.05))
    if getattr(options, "stale_fields", False):
        from loyalty_desktop.core.fields import CATALOG_BY_KEY, PRESETS, FieldType

        stale = {FieldType.INT: ("int", "-1"), FieldType.TEXT: ("text", "stale"),
                 FieldType.DATE: ("date", "1900-01-01 00:00:00")}
        values = {}
        for f in PRESETS["splio-loyoly"].enabled:
            type_, value = stale[CATALOG_BY_KEY[f.source].type]
            if sb.field_id(f.target) is None:
                sb.add_field(f.target, type_)
            values[f.target] = value
        sb.set_values(values)
    return (f"Seeded with {counts['members_present']} of the {members} members of the demo program "
            f"(seed {seed}) and {counts['unknown_contacts']} contacts unknown to it")


def standalone(port: int, options: argparse.Namespace) -> tuple[SplioSandbox, list[str]]:
    sb = SplioSandbox(contacts_rps=getattr(options, "contacts_rps", 20), other_rps=getattr(options, "other_rps", 10),
                      max_recorded_requests=getattr(options, "max_records", 10_000))
    sb.faults = Faults(rate_429=options.rate_429, rate_500=options.rate_500, rate_drop=options.rate_drop,
                       latency_s=options.latency)
    seeded = _seed(sb, options)
    url = sb.start(port=port)
    return sb, [f"Splio sandbox listening on {url}",
                f"Demo API key: {DEMO_KEY}",
                seeded,
                f"Try: LOYALTY_DESKTOP_SPLIO_KEY={DEMO_KEY} loyalty-desktop sync --to splio --base-url {url}"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m loyalty_emulators.splio.standalone")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--members", type=int, default=500)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--present", type=float, default=0.9, help="share of the members that are Splio contacts")
    ap.add_argument("--unknown", type=float, default=0.05, help="contacts unknown to the program, per member")
    ap.add_argument("--stale-fields", action="store_true",
                    help="create the splio-loyoly fields with values that all differ from the program's")
    ap.add_argument("--contacts-rps", type=int, default=20)
    ap.add_argument("--other-rps", type=int, default=10)
    ap.add_argument("--latency", type=float, default=0.0)
    ap.add_argument("--rate-429", type=float, default=0.0)
    ap.add_argument("--rate-500", type=float, default=0.0)
    ap.add_argument("--rate-drop", type=float, default=0.0)
    ap.add_argument("--max-records", type=int, default=1000)
    options = ap.parse_args(argv)
    sb, lines = standalone(options.port, options)
    for line in lines:
        print(line)
    sys.stdout.flush()
    stop = [False]
    signal.signal(signal.SIGINT, lambda *_: stop.__setitem__(0, True))
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    try:
        while not stop[0]:
            time.sleep(0.2)
    finally:
        print(f"throttled={sb.throttled_count} requests={sb.total_requests}", file=sys.stderr)
        sb.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
