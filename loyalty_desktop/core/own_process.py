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

WINDOWED_EXE = "loyalty-desktop.exe"  # build.spec's NAME on Windows
CONSOLE_EXE = "loyalty-desktop-cli.exe"
_chosen: str | None = None  # the self-test checks the console executable as a helper too (use_executable)


def executable() -> str:
    """The program a helper process runs (its arguments: `command`)."""
    if _chosen is not None:
        return _chosen
    windowed = sibling(WINDOWED_EXE) if sys.platform == "win32" else None
    return str(windowed) if windowed is not None else sys.executable


def use_executable(path: str | None) -> str | None:
    """Frozen: start the helpers from `path` instead (None: the usual choice); the previous choice."""
    global _chosen
    previous, _chosen = _chosen, path
    return previous


def sibling(name: str) -> Path | None:
    """Frozen: the bundle's executable `name` beside the running one, if there is one."""
    path = Path(sys.executable).with_name(name)
    return path if getattr(sys, "frozen", False) and path.is_file() else None


def command(hidden: str) -> list[str]:
    """The app's own executable with the hidden first argument `hidden`, as an argv list."""
    if getattr(sys, "frozen", False):
        return [executable(), hidden]
    return [sys.executable, "-m", "loyalty_desktop", hidden]


def give_missing_std_streams() -> None:
    """The windowed Windows executable has no standard streams (None), and the OS scheduler runs
    it for `sync --saved` so that no console window opens on the merchant's screen at each run
    (schedule/os_scheduler.sync_command). What a command prints goes nowhere then: the run history
    and the log keep what happened. Without this, the first print or progress line would raise."""
    import os

    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 (open for the process's life)


def has_std_streams() -> bool:
    """False when stdin or stdout is missing: a windowed Windows executable started without
    redirected handles (by hand, not by the app) gets None for each, and a helper has nobody to
    talk to."""
    return sys.stdin is not None and sys.stdout is not None
