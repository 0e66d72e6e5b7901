"""How long the app takes from launch to its first window on screen, painted.

    .venv/bin/python packaging/measure_startup.py                    # the frozen bundle in dist/, main window
    .venv/bin/python packaging/measure_startup.py --window wizard    # first launch: the set-up wizard
    .venv/bin/python packaging/measure_startup.py --source           # the same from source (python launcher.py)

Each run starts the real executable with LOYALTY_DESKTOP_STARTUP_PROBE set (packaging/launcher.py):
the app runs as usual and, once its first top-level window has been exposed and painted, writes a
timestamp, the window's class and Qt's platform to a file and quits. Start-up time = that
timestamp − the moment just before the process was spawned (wall clock, same machine).

The display is a real X server (Xvfb, the xcb plugin a Linux desktop uses) when Xvfb is installed,
else Qt's offscreen plugin (`--platform` forces one). The data folder is a fresh temporary one: for
the main window it holds the settings of a finished offline-demo set-up (Klaviyo sandbox, demo
source), so the app opens straight on its main window, as on every launch after the first.
The first run is reported apart (cold file cache after a build); the budget applies to the median
of the others. Exits 1 when the median is over budget.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE_ENV = "LOYALTY_DESKTOP_STARTUP_PROBE"
DEMO_SETTINGS = {"language": "en", "platform": "klaviyo", "demo": True, "target": "klaviyo-sandbox",
                 "source": "demo", "source_options": {"members": "500", "seed": 42}, "wizard_done": True}


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb on a free display number (it tells us which, once it accepts connections)."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    return proc, f":{number}"


def one_run(command: list[str], env: dict[str, str], data_dir: Path, window: str, timeout: float) -> dict:
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    if window == "main":
        (data_dir / "settings.json").write_text(json.dumps(DEMO_SETTINGS), encoding="utf-8")
    probe = data_dir.parent / "probe.jsonl"
    probe.unlink(missing_ok=True)
    run_env = dict(env, LOYALTY_DESKTOP_DATA_DIR=str(data_dir), **{PROBE_ENV: str(probe)})
    t0 = time.time()
    proc = subprocess.run(command, env=run_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
    t_exit = time.time()
    if not probe.exists():
        raise SystemExit(f"no window appeared (exit {proc.returncode}):\n{proc.stdout.decode(errors='replace')}")
    rec = json.loads(probe.read_text(encoding="utf-8").splitlines()[0])
    rec.update(t0=t0, exposed_s=rec["exposed"] - t0, painted_s=rec["painted"] - t0, exit_s=t_exit - t0,
               returncode=proc.returncode)
    return rec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=str(ROOT / "dist" / "loyalty-desktop" / "loyalty-desktop"))
    ap.add_argument("--source", action="store_true", help="run from source (python packaging/launcher.py)")
    ap.add_argument("--window", choices=["main", "wizard"], default="main")
    ap.add_argument("--platform", choices=["auto", "xcb", "offscreen"], default="auto")
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--budget", type=float, default=2.0, help="seconds (default 2.0)")
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args(argv)

    command = [sys.executable, str(ROOT / "packaging" / "launcher.py")] if args.source else [args.binary]
    if not args.source and not os.access(args.binary, os.X_OK):
        raise SystemExit(f"{args.binary} not found: build it with `make dist`")
    if args.window == "wizard":
        command.append("--demo")
    platform = args.platform
    if platform == "auto":
        platform = "xcb" if shutil.which("Xvfb") else "offscreen"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", PROBE_ENV)}
    xvfb = None
    if platform == "xcb":
        xvfb, display = start_xvfb()
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        env.update(QT_QPA_PLATFORM="offscreen")
    try:
        with tempfile.TemporaryDirectory(prefix="loyalty-desktop-startup-") as tmp:
            runs = [one_run(command, env, Path(tmp) / "data", args.window, args.timeout) for _ in range(args.runs)]
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)

    what = "from source" if args.source else "frozen"
    first, rest = runs[0], runs[1:] or runs
    painted = [r["painted_s"] for r in rest]
    median = statistics.median(painted)
    print(f"start-up, launch → first window painted ({what}, {first['window']} \"{first['title']}\", "
          f"Qt platform {first['platform']}, {os.cpu_count()} CPUs):")
    print(f"  first run (cold cache): {first['painted_s']:.2f} s")
    print(f"  next {len(painted)} runs: " + " ".join(f"{s:.2f}" for s in painted)
          + f" s; median {median:.2f} s, max {max(painted):.2f} s")
    print(f"  (window exposed {statistics.median(r['exposed_s'] for r in rest):.2f} s, process gone "
          f"{statistics.median(r['exit_s'] for r in rest):.2f} s after launch, median)")
    if all("cpu" in r for r in rest):  # CPU time spent by then: the figure to compare on a busy machine
        print(f"  CPU time to the painted window: median {statistics.median(r['cpu'] for r in rest):.2f} s")
    if all("qapp" in r for r in rest):  # where the time goes, launch -> each step (median)
        steps = [("Python running", "started"), ("PySide6 imported", "qt_imported"),
                 ("QApplication", "qapp"), ("window exposed", "exposed")]
        print("  steps: " + ", ".join(f"{name} {statistics.median(r[key] - r['t0'] for r in rest):.2f} s"
                                      for name, key in steps))
    ok = median <= args.budget
    print(f"  budget {args.budget:.1f} s: {'OK' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
