"""The Splio sandbox as a server for the benchmarks, seeded from the demo program (run as a script;
`bench/sync_splio.py` starts it in a child process). Prints its address first::

    .venv/bin/python bench/splio_sandbox.py --members 5000 --present 1 --unknown 0 \\
        --stale-fields --contacts-rps 20 --latency 0.15
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from typing import TYPE_CHECKING

from loyalty_desktop import service
from loyalty_desktop.core import clock
from loyalty_desktop.core.fields import CATALOG_BY_KEY, PRESETS, FieldType
from loyalty_emulators import launch

if TYPE_CHECKING:  # the type only: the server is started through launch
    from loyalty_emulators.splio.server import SplioSandbox


def seed(sb: SplioSandbox, options: argparse.Namespace) -> list[str]:
    with service.open_demo(service.DemoSpec(options.members, options.seed)) as program:
        members = list(program.read(None, history=False).members)
    counts = sb.seed_demo(members, present=options.present, unknown=options.unknown)
    if options.stale_fields:  # every splio-loyoly field holds a value the program's differs from
        stale = {FieldType.INT: ("int", "-1"), FieldType.TEXT: ("text", "stale"),
                 FieldType.DATE: ("date", "1900-01-01 00:00:00")}
        values = {}
        for f in PRESETS["splio-loyoly"].enabled:
            type_, value = stale[CATALOG_BY_KEY[f.source].type]
            if sb.field_id(f.target) is None:
                sb.add_field(f.target, type_)
            values[f.target] = value
        sb.set_values(values)
    return [(f"Seeded with {counts['members_present']} of the {options.members} members of the demo program "
            f"(seed {options.seed}) and {counts['unknown_contacts']} contacts unknown to it")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/splio_sandbox.py")
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
    launch.follow_clock(clock, wall_only=True)
    faults = launch.FaultOptions(rate_429=options.rate_429, rate_500=options.rate_500,
                                 rate_drop=options.rate_drop, latency_s=options.latency)
    running = launch.standalone(
        launch.Platform.SPLIO,
        launch.StandaloneOptions(port=options.port, faults=faults, contacts_rps=options.contacts_rps,
                                 other_rps=options.other_rps, max_records=options.max_records),
        splio_seed=lambda sb: seed(sb, options))
    for line in running.lines:
        print(line)
    sys.stdout.flush()
    stop = [False]
    signal.signal(signal.SIGINT, lambda *_: stop.__setitem__(0, True))
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    try:
        while not stop[0]:
            time.sleep(0.2)
    finally:
        sb = running.sandbox
        print(f"throttled={sb.throttled_count} requests={sb.total_requests}", file=sys.stderr)
        running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
