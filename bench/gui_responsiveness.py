"""Benchmark: the worst GUI event-loop stall during a full sync of 100,000 demo members run by the
GUI's sync worker (sandbox in its own process). Prints the figures; not a test.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_responsiveness.py [--members 100000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from gui_probe import measure_stalls  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ld-gui-bench-") as tmp:
        r = measure_stalls(args.members, Path(tmp))
    print(f"{args.members:,} members: sync {r['sync_seconds']:.1f} s, profiles sent {int(r['profiles_sent']):,}, "
          f"worst GUI stall {r['worst_stall_ms']:.0f} ms ({int(r['ticks'])} ticks of a 5 ms timer)")


if __name__ == "__main__":
    main()
