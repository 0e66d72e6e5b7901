"""Benchmark: 5,000 Splio contacts whose loyalty values all change, synced at Splio's own limit.

The Splio sandbox runs in a child process (so it does not share this process's interpreter lock)
with 150 ms of latency on every request, holding all 5,000 demo members with stale values in the
"Splio — Loyoly-compatible" fields. This process runs the sync engine with a fresh store: a first
sync, so it reads the contacts first (remote diff), then PATCHes every contact.

Two runs: Splio's documented 20 requests/s on /data/contacts (bound: 5,000 / 20 = 250 s; the issue
asks for ≤ 1.05 × the bound with zero 429), then the limit raised to 200 requests/s (the client's
own ceiling on this machine). Prints the figures; not a test.

    .venv/bin/python bench/sync_splio.py [--contacts 5000] [--latency 0.15] [--rates 20,200]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(contacts: int, rps: int, latency: float, tmp: Path) -> dict[str, float]:
    from loyalty_desktop import service
    from loyalty_desktop.core.fields import PRESETS
    from loyalty_desktop.destinations.splio.adapter import SplioDestination
    from loyalty_desktop.destinations.splio.target import connect_splio
    from loyalty_desktop.store.store import Store
    from loyalty_desktop.sync.engine import Phase, Progress
    from loyalty_emulators import launch

    demo_key = launch.demo_key(launch.Platform.SPLIO)

    spec = service.DemoSpec(contacts, 42)
    service.open_demo(spec).close()  # created outside the timed part
    sandbox = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("splio_sandbox.py")), "--members", str(contacts),
         "--present", "1", "--unknown", "0", "--stale-fields", "--contacts-rps", str(rps), "--latency", str(latency)],
        env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert sandbox.stdout is not None
        url = sandbox.stdout.readline().split()[-1]
        phases: dict[Phase, float] = {}

        def progress(p: Progress) -> None:
            phases.setdefault(p.phase, time.monotonic())

        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.monotonic()
        dest = SplioDestination(demo_key, url, contacts_rps=rps)
        try:
            connect_splio(dest)
            with Store(tmp / f"store-{rps}.sqlite3") as store, service.open_demo(spec) as program:
                summary = service.sync(store, program, spec.source_name, dest, PRESETS["splio-loyoly"],
                                       on_progress=progress)
        finally:
            dest.close()
        wall = time.monotonic() - t0
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        sandbox.terminate()
        _, err = sandbox.communicate(timeout=10)
    server_429 = int(err.rsplit("throttled=", 1)[1].split()[0]) if "throttled=" in err else -1
    sending = phases.get(Phase.DONE, time.monotonic()) - phases[Phase.SENDING_PROFILES]
    assert summary.error is None, summary.error
    return {"wall": wall, "bound": contacts / rps, "patched": dest.stats.patched, "sending": sending,
            "before_sending": phases[Phase.SENDING_PROFILES] - t0, "requests": summary.requests,
            "client_429": summary.throttled, "server_429": server_429, "retries": summary.retries,
            "cpu": (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime), "page": dest.profile_page,
            "workers": dest.workers}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=5000)
    ap.add_argument("--latency", type=float, default=0.15)
    ap.add_argument("--rates", default="20,200", help="requests/s on /data/contacts, one run each")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ld-bench-splio-") as tmp:
        os.environ["LOYALTY_DESKTOP_DATA_DIR"] = tmp
        for rps in (int(r) for r in args.rates.split(",")):
            f = run_once(args.contacts, rps, args.latency, Path(tmp))
            print(f"{args.contacts:,} contacts at {rps} req/s, {args.latency * 1000:.0f} ms latency: "
                  f"wall {f['wall']:.1f} s = {f['wall'] / f['bound']:.3f} × the bound {f['bound']:.0f} s; "
                  f"PATCHes {f['patched']:,.0f} in {f['sending']:.1f} s = {f['patched'] / f['sending']:.1f} req/s "
                  f"(before sending: {f['before_sending']:.1f} s); requests {f['requests']:,.0f}; "
                  f"429 seen by the client {f['client_429']:.0f}, counted by the sandbox {f['server_429']:.0f}; "
                  f"retries {f['retries']:.0f}; client CPU {f['cpu']:.1f} s; "
                  f"batch {f['page']:.0f} rows, {f['workers']:.0f} workers", flush=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
