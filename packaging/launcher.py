"""PyInstaller entry script: the `loyalty-desktop` command (GUI by default, subcommands as the CLI).

`loyalty_desktop/__main__.py` uses a relative import, so the frozen app needs this absolute one.

Start-up probe (what `packaging/measure_startup.py` uses): with LOYALTY_DESKTOP_STARTUP_PROBE set
to a file path, the app runs exactly as usual, but when its first top-level window has been exposed
on screen and painted it appends one JSON line to that file (wall-clock time, window class and
title, Qt platform) and quits. A file rather than stdout because a Windows GUI build has no
console. Without the variable this costs one environment lookup.
"""

from __future__ import annotations

import os
import sys
import time

STARTED = time.time()  # the interpreter is up and runs this script (the probe reports it)
PROBE_ENV = "LOYALTY_DESKTOP_STARTUP_PROBE"


def install_startup_probe(out_path: str) -> object:
    """Create the QApplication early (ui/app.py reuses `QApplication.instance()`) and watch for the
    first visible top-level window to be exposed; returns the watcher (keep a reference).

    The watcher looks at `QGuiApplication.topLevelWindows()` on every pass of the event loop (a
    repeating zero timer) rather than filtering the application's events: with a Python event
    filter on the whole application, the first event sent to a QObject of a C++ class PySide6 has
    no wrapper for (the file watcher's inotify engine, for one) makes shiboken initialise every
    QtCore type, building their Python enums: 55–110 ms the app itself never spends, which the
    probe counted as start-up. A widget window is painted and flushed while its Expose event is
    delivered, so the first pass that sees it exposed comes after its first frame, and before any
    zero timer the paint started (ui/first_paint's start-up work): that timer is queued behind
    this one. The loop spins instead of sleeping until then, which only the probe's runs do.
    """
    import json

    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtGui import QGuiApplication, QWindow
    from PySide6.QtWidgets import QApplication

    imported = time.time()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    qapp = time.time()

    class FirstExposed(QObject):
        def __init__(self) -> None:
            super().__init__(app)
            self._timer = QTimer(self)
            self._timer.setInterval(0)
            self._timer.timeout.connect(self._poll)
            self._timer.start()

        def _poll(self) -> None:
            window = next((w for w in QGuiApplication.topLevelWindows() if w.isVisible() and w.isExposed()), None)
            if window is None:
                return
            self._timer.stop()
            exposed = time.time()
            self._report(window, exposed)

        def _report(self, window: QWindow, exposed: float) -> None:
            painted = time.time()
            widget = next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)
            line = {"exposed": exposed, "painted": painted, "window": type(widget).__name__ if widget else "?",
                    "title": window.title(), "platform": QGuiApplication.platformName(), "pid": os.getpid(),
                    "frozen": bool(getattr(sys, "frozen", False)),
                    "cpu": time.process_time(), "started": STARTED, "qt_imported": imported,
                    "qapp": qapp}
            with open(out_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(line) + "\n")
            app.quit()

    return FirstExposed()


def tolerate_unencodable_output() -> None:
    """Windows: when stdout/stderr are a pipe or a file (CI logs, `> out.txt`), Python writes them in
    the ANSI code page (cp1252…), which has no "→" or "…": a print would raise UnicodeEncodeError
    and stop the command (`self-test` did, under Wine). Such characters become "?" instead. A
    console is unaffected (Python writes to it in UTF-16)."""
    if sys.platform == "win32":
        for stream in (sys.stdout, sys.stderr):
            if stream is not None and hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")


if __name__ == "__main__":
    tolerate_unencodable_output()
    # The GUI's worker process (`__worker__`, the same executable) inherits the variable: no probe there.
    probe_wanted = os.environ.get(PROBE_ENV) and sys.argv[1:2] != ["__worker__"]
    _probe = install_startup_probe(os.environ[PROBE_ENV]) if probe_wanted else None

    from loyalty_desktop.cli.start import main

    sys.exit(main())
