"""The command line the OS runs to start the app (at login) or a sync (on schedule): always the
app's own executable, so a frozen build starts itself and a source checkout starts its venv.

Also `tr`, for the user-facing sentences of the schedule commands, in the OS locale's language
(core/translate.py: the app's catalogue read without Qt)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from loyalty_desktop import APP_NAME

# The GUI entry's flag: start with no window, in the tray (cli/main.py accepts it).
HIDDEN_FLAG = "--hidden"
# Identifiers of the OS entries (one of each per user; the same names find them to remove them).
LABEL = "app.loyalty-desktop.LoyaltyDesktop"  # macOS launchd label (the bundle id, build.spec)
SYNC_LABEL = f"{LABEL}.sync"
RUN_VALUE = "Loyalty Desktop"  # Windows HKCU\...\Run value name
TASK_NAME = "Loyalty Desktop sync"  # Windows Task Scheduler task
UNIT = "loyalty-desktop-sync"  # systemd user service/timer


def tr(text: str) -> str:
    """A user-facing sentence of the schedule commands and catch-up report, translated (lupdate
    extracts the `tr("…")` calls with an empty context; French in resources/i18n/fr_sched.json)."""
    from loyalty_desktop.core.translate import cli_tr  # the catalogue is read on first use

    return cli_tr()(text)


@dataclass(frozen=True)
class Command:
    """An argv; `windows()` and `posix()` give it quoted for the OS that parses it."""

    argv: tuple[str, ...]

    def windows(self) -> str:
        return subprocess.list2cmdline(self.argv)

    def posix(self) -> str:
        return shlex.join(self.argv)

    def plus(self, *args: str) -> Command:
        return Command((*self.argv, *args))


def executable(platform: str | None = None) -> Command:
    """The app itself: frozen, `sys.executable` (on Windows the windowed one even when this process
    is its `-cli` twin: what the OS starts at login or on schedule opens no console); from source,
    the venv's `loyalty-desktop` script beside the interpreter, else `python -m loyalty_desktop`."""
    platform = platform or sys.platform
    exe = Path(sys.executable)
    if getattr(sys, "frozen", False):
        if platform == "win32" and exe.stem == f"{APP_NAME}-cli":
            windowed = exe.with_name(f"{APP_NAME}{exe.suffix}")
            if windowed.is_file():
                return Command((str(windowed),))
        return Command((str(exe),))
    script = exe.with_name(APP_NAME + (".exe" if platform == "win32" else ""))
    if script.is_file():
        return Command((str(script),))
    return Command((str(exe), "-m", "loyalty_desktop"))


def data_dir_args() -> tuple[str, ...]:
    """`--data-dir` when this process was given another data folder than the default: the OS
    entry must sync the same store and settings the merchant set up."""
    from loyalty_desktop.core import paths

    if paths._override is not None or os.environ.get(paths.ENV_DATA_DIR):
        return ("--data-dir", str(paths.data_dir()))
    return ()
