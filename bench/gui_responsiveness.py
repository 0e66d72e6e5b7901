"""Benchmark: the worst GUI event-loop stall during a full sync of 100,000 demo members run by the
GUI's sync worker (sandbox in its own process), and why each stall over 25 ms happened (see
tests/stall_watchdog.py for the kinds). Prints the figures; not a test.

.venv/bin/python bench/gui_responsiveness.py [--members N] [--sandbox-in-app|--sandbox-child]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers.gui_probe import measure_stalls


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--sandbox-in-app", action="store_true",
                    help="run the sandbox inside the app's process, as the offline demo did")
    ap.add_argument("--sandbox-child", action="store_true",
                    help="run the sandbox in a child process of the app, as the GUI's offline demo does")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ld-gui-bench-") as tmp:
        r = measure_stalls(args.members, Path(tmp), sandbox_in_app=args.sandbox_in_app,
                           sandbox_child=args.sandbox_child)
    print(f"{args.members:,} members: sync {r.seconds:.1f} s, profiles sent {r.profiles_sent:,}, "
          f"worst GUI stall {r.worst_stall_ms:.0f} ms ({r.ticks} ticks of a 5 ms timer, "
          f"{r.progress_signals} progress signals)")
    print(f"worst stall from the app's own work (GIL held, GC, GUI thread busy): {r.worst('gil', 'gc', 'gui'):.0f} ms"
          f" ({r.worst_own_work():.0f} ms of CPU); "
          f"other processes used {r.others_cpus:.2f} CPUs, steal {r.steal_share:.0%}")
    print(r.table)


if __name__ == "__main__":
    main()
