"""Measure how long the GUI event loop stalls while a sync runs in the worker thread (used by
tests/test_gui_responsiveness.py and bench/gui_responsiveness.py)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from loyalty_desktop import service
from loyalty_desktop.fields import KLAVIYO_LOYALTY
from loyalty_desktop.net import CancelToken
from loyalty_desktop.sandbox.klaviyo import DEMO_KEY
from loyalty_desktop.ui.sync_runner import SyncRunner


def start_sandbox_process(env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    """The Klaviyo sandbox in its own process, as the real platform would be: its work must not
    count against the app's GUI thread."""
    proc = subprocess.Popen([sys.executable, "-m", "loyalty_desktop", "sandbox", "--platform", "klaviyo", "--port",
                             "0", "--job-seconds", "0.2"], env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    url = proc.stdout.readline().split()[-1]
    return proc, url


def measure_stalls(members: int, data_dir: Path) -> dict[str, float]:
    """Run a full sync of `members` demo members from the GUI's SyncRunner; return the worst gap
    between ticks of a 5 ms timer on the GUI thread, and how long the sync took."""
    from loyalty_desktop.ui.app import configure_runtime

    configure_runtime()
    app = QApplication.instance() or QApplication(["probe"])
    env = {**os.environ, "LOYALTY_DESKTOP_DATA_DIR": str(data_dir)}
    os.environ["LOYALTY_DESKTOP_DATA_DIR"] = str(data_dir)
    proc, url = start_sandbox_process(env)
    try:
        opts = argparse.Namespace(members=str(members), seed=42, base_url=url)
        src = service.source_factory("demo").open(opts, CancelToken())  # creates the program (not measured)
        conn = service.target("klaviyo").connect(DEMO_KEY, opts, CancelToken())
        runner = SyncRunner()
        done: list[object] = []

        def finished(result: object) -> None:
            done.append(result)

        runner.finished.connect(finished)
        runner.failed.connect(finished)
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]
        worst = [0]
        ticks = [0]

        def tick() -> None:
            now = clock.elapsed()
            worst[0] = max(worst[0], now - last[0])
            last[0] = now
            ticks[0] += 1

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        started = time.monotonic()
        runner.start(conn, src, KLAVIYO_LOYALTY)
        while not done:
            app.processEvents()
            time.sleep(0.001)
        seconds = time.monotonic() - started
        timer.stop()
        runner.wait()
        timer.deleteLater()
        runner.deleteLater()
        src.close()
        conn.close()
        summary = done[0]
        sent = getattr(summary, "profiles_sent", -1)
        return {"worst_stall_ms": float(worst[0]), "ticks": float(ticks[0]), "sync_seconds": seconds,
                "profiles_sent": float(sent)}
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout:
            proc.stdout.close()
