"""Benchmark of the demo loyalty program (not a test).

    python bench/demo_program.py [--members 100000] [--seed 42] [--days 30]

Prints: create N members (seconds, peak RSS), full read of N (seconds, peak RSS), incremental
read with no change (ms), tick(days) (seconds), then the incremental read after the tick.
Each phase runs in its own child process so that every peak RSS is that phase's own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START = datetime(2026, 11, 1, tzinfo=UTC)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def phase(name: str, path: Path, members: int, seed: int, days: int) -> dict:
    from loyalty_desktop.sources.demo.program import DemoProgram

    out: dict = {"rss_before_mb": round(_peak_mb(), 1)}
    t = time.perf_counter()
    cpu = time.process_time()
    if name == "create":
        with DemoProgram.create(path, members=members, seed=seed, start=START) as prog:
            out["seconds"] = time.perf_counter() - t
            out["cpu"] = time.process_time() - cpu
            out["stats"] = prog.stats()
    elif name == "full":
        with DemoProgram.open(path) as prog:
            r = prog.read(None)
            nm = sum(1 for _ in r.members)
            nr = sum(1 for _ in r.records)
            out.update(seconds=time.perf_counter() - t, cpu=time.process_time() - cpu,
                       members=nm, records=nr)
    elif name == "noop":
        with DemoProgram.open(path) as prog:
            cursor = prog.read(None).cursor
            times = []
            for _ in range(20):
                t = time.perf_counter()
                r = prog.read(cursor)
                n = sum(1 for _ in r.members) + sum(1 for _ in r.records)
                times.append((time.perf_counter() - t) * 1000)
                assert n == 0, n
            out.update(ms_median=statistics.median(times), ms_max=max(times))
    elif name == "tick":
        with DemoProgram.open(path) as prog:
            cursor = prog.read(None).cursor
            t = time.perf_counter()
            cpu = time.process_time()
            summary = prog.tick(days)
            out["seconds"] = time.perf_counter() - t
            out["cpu"] = time.process_time() - cpu
            out["summary"] = {k: getattr(summary, k) for k in summary.__slots__}
            t = time.perf_counter()
            r = prog.read(cursor)
            nm = sum(1 for _ in r.members)
            nr = sum(1 for _ in r.records)
            out["delta_read"] = {"seconds": time.perf_counter() - t, "members": nm, "records": nr}
    out["peak_rss_mb"] = round(_peak_mb(), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--path", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        print(json.dumps(phase(a.phase, Path(a.path), a.members, a.seed, a.days)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        res = {}
        for name in ("create", "full", "noop", "tick"):
            cmd = [sys.executable, __file__, "--phase", name, "--path", str(path),
                   "--members", str(a.members), "--seed", str(a.seed), "--days", str(a.days)]
            res[name] = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
    c, f, n, t = res["create"], res["full"], res["noop"], res["tick"]
    load = os.getloadavg()[0]
    print(f"demo program, {a.members:,} members, seed {a.seed}  (python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, load average {load:.2f})")
    print(f"  create          {c['seconds']:7.2f} s   peak RSS {c['peak_rss_mb']:6.1f} MB"
          f"   (CPU {c['cpu']:.2f} s; interpreter alone {c['rss_before_mb']} MB; file {size:.0f} MB)")
    print(f"                  {c['stats']}")
    print(f"  full read       {f['seconds']:7.2f} s   peak RSS {f['peak_rss_mb']:6.1f} MB"
          f"   (CPU {f['cpu']:.2f} s; {f['members']:,} members, {f['records']:,} records)")
    print(f"  no-change read  {n['ms_median']:7.2f} ms  (median of 20; max {n['ms_max']:.2f} ms)")
    print(f"  tick({a.days})        {t['seconds']:7.2f} s   peak RSS {t['peak_rss_mb']:6.1f} MB"
          f"   (CPU {t['cpu']:.2f} s)")
    print(f"                  {t['summary']}")
    d = t["delta_read"]
    print(f"  read after tick {d['seconds']:7.2f} s   ({d['members']:,} members, {d['records']:,} records)")


if __name__ == "__main__":
    main()
