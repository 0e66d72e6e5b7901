"""The app's own executable, started again as one of its helper processes: the GUI's sync worker
(`__worker__`) and the demo's sandboxes (`__sandbox__`), dispatched in cli/start.py.

From source it is this Python with `-m loyalty_desktop`; frozen it is the bundle's binary. The
Windows bundle has two (build.spec): the windowed `loyalty-desktop.exe` and the console
`loyalty-desktop-cli.exe`, and either may be running the GUI (the console one starts it too when
given no command). The helpers are always the windowed one:
- a console executable started from a windowless GUI opens a console window of its own unless
  every starter passes CREATE_NO_WINDOW; one started from the console executable shares that
  console, so a Ctrl+C typed there would stop the helpers before the GUI could stop them in order;
- a windowed executable still gets working standard streams when its starter hands it pipes (both
  subprocess and QProcess do: STARTF_USESTDHANDLES), which is all the helpers talk through.
  Without pipes (started by hand) Python sets sys.stdin/stdout to None; the helpers say so and
  leave at once with status 2 (cli/start.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

WINDOWED_EXE = "loyalty-desktop.exe"  # build.spec's NAME on Windows (the console one is NAME-cli.exe)


def executable() -> str:
    """The program a helper process runs (its arguments: `command`)."""
    if getattr(sys, "frozen", False) and sys.platform == "win32":
        windowed = Path(sys.executable).with_name(WINDOWED_EXE)
        if windowed.is_file():
            return str(windowed)
    return sys.executable


def command(hidden: str) -> list[str]:
    """The app's own executable with the hidden first argument `hidden`, as an argv list."""
    if getattr(sys, "frozen", False):
        return [executable(), hidden]
    return [sys.executable, "-m", "loyalty_desktop", hidden]


def has_std_streams() -> bool:
    """False when stdin or stdout is missing: a windowed Windows executable started without
    redirected handles (by hand, not by the app) gets None for each, and a helper has nobody to
    talk to."""
    return sys.stdin is not None and sys.stdout is not None
