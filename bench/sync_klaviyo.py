"""Benchmark: 100,000 demo members, full sync to the Klaviyo sandbox, then a no-change re-sync.

Runs the real CLI in a child process (so its peak RSS is the sync's alone) against a sandbox in
another child process enforcing Klaviyo's documented rate limits. Prints the figures; not a test.

    .venv/bin/python bench/sync_klaviyo.py [--members 100000] [--job-seconds 0.5]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

from loyalty_emulators import launch


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str, float]:
    """(wall seconds, peak RSS MB, stdout, CPU seconds: user + system) of one child process."""
    t = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - t
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out}")
    return wall, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=100_000)
    ap.add_argument("--job-seconds", type=float, default=0.5)
    args = ap.parse_args()
    exe = [sys.executable, "-m", "loyalty_desktop"]
    with tempfile.TemporaryDirectory(prefix="ld-bench-") as tmp:
        env = {**os.environ, "LOYALTY_DESKTOP_DATA_DIR": tmp,
               "LOYALTY_DESKTOP_KLAVIYO_KEY": launch.demo_key(launch.Platform.KLAVIYO)}
        wall, rss, _, _ = run([*exe, "demo", "show", "--members", str(args.members)], env)
        print(f"demo program, {args.members:,} members: created in {wall:.1f} s (peak RSS {rss:.0f} MB)")

        sandbox = subprocess.Popen([*exe, "sandbox", "--port", "0", "--job-seconds", str(args.job_seconds)],
                                   env=env, stdout=subprocess.PIPE, text=True)
        try:
            assert sandbox.stdout is not None
            url = sandbox.stdout.readline().split()[-1]
            sync = [*exe, "sync", "--members", str(args.members), "--to", "klaviyo", "--base-url", url]
            for label in ("full sync", "no-change re-sync"):
                wall, rss, out, cpu = run(sync, env)
                sent = re.search(r"Contacts sent: ([\d,]+)", out)  # the CLI's summary (sync/run_counts.py)
                throttled = re.search(r"429 answers: (\d+)", out)
                req = re.search(r"requests: (\d+) \((\d+) writes\)", out)
                assert sent and throttled and req, out
                print(f"{label}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB, "
                      f"profiles sent {int(sent[1].replace(',', '')):,}, 429 responses {throttled[1]}, "
                      f"requests {req[1]} ({req[2]} writes)")
        finally:
            sandbox.terminate()
            sandbox.wait(10)
            if sandbox.stdout is not None:
                sandbox.stdout.close()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {load}")


if __name__ == "__main__":
    main()
