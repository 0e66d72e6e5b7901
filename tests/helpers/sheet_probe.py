"""Measure how long the GUI event loop stalls while the wizard's spreadsheet panel checks a large
members export (used by bench/gui_sheet_check.py). Works on a checkout whose panel still reads in
a GUI-process thread with `configure_runtime` (before the worker process): it applies it as the app did."""

from __future__ import annotations

import csv
import gc
import os
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from helpers.gui_probe import ProbeResult, StallProbe
from loyalty_desktop.ui.main_thread_gc import MainThreadGC

TIERS = ("Bronze", "Silver", "Gold")


def write_export(path: Path, rows: int) -> None:
    """`rows` members, one in 500 without a usable email (rejected)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Email", "First name", "Last name", "Points", "Tier", "Joined"])
        for i in range(rows):
            email = f"member{i}@example.com" if i % 500 else f"not-an-email-{i}"
            w.writerow([email, f"Name{i}", f"Family{i % 977}", str(i % 9000), TIERS[i % 3],
                        f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"])


def measure_sheet_check(rows: int, folder: Path, bare: bool = False) -> tuple[ProbeResult, bool, str]:
    """(stalls, whether the check ran in a GUI-process thread, the panel's summary); `bare`: the timer
    alone, no watchdog (StallProbe)."""
    _app = QApplication.instance() or QApplication(["probe"])  # kept alive for the run
    was_enabled = gc.isenabled()
    collector = MainThreadGC()  # as the app runs: automatic collection off, collected on this thread
    from loyalty_desktop.ui import app as ui_app

    configure = getattr(ui_app, "configure_runtime", None)
    if configure is not None:
        configure()
    from loyalty_desktop.ui.tasks import TaskManager
    from loyalty_desktop.ui.wizard.sheet_panel import SheetPanel

    os.environ["LOYALTY_DESKTOP_DATA_DIR"] = str(folder / "data")
    export = folder / "members.csv"
    write_export(export, rows)
    tasks = TaskManager()
    panel = SheetPanel(lambda: tasks)
    panel.members_file.setText(str(export))
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: None if panel.busy_reading else loop.quit())
    started = time.perf_counter()
    in_file = "service_sheets.py" if configure is not None else None
    with StallProbe(in_file=in_file, function="check_files", bare=bare) as probe:
        panel.read_files()
        worker = getattr(getattr(panel, "checker", None), "worker", None)
        if worker is not None and not bare:
            probe.dog.add_child(worker.pid)  # the worker process's CPU is the app's
        poll.start(20)
        loop.exec()
    seconds = time.perf_counter() - started
    poll.stop()
    summary = panel.summary.text()
    panel.close_check()
    tasks.shutdown()
    collector.stop()
    if not was_enabled:  # the test session keeps automatic collection off (tests/conftest.py)
        gc.disable()
    return probe.result(seconds), configure is not None, summary
