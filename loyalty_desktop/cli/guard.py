"""The command line's last line of defence: a user's mistake or a disk problem is one message and
an exit code; a genuine bug is a short note on the terminal and its traceback in the log.

Exit codes: 0 done, 1 a problem the message explains, 2 a wrong option (argparse), 75 another sync
holds the data folder (try again later; EX_TEMPFAIL), 70 a bug (EX_SOFTWARE), 130 interrupted.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from loyalty_desktop.core import paths, platforms
from loyalty_desktop.core.errors import (
    LoyaltyError,
    SyncBusyError,
    cli_hint,
    user_message,
)
from loyalty_desktop.core.textsafe import printable
from loyalty_desktop.core.translate import cli_tr

log = logging.getLogger(__name__)

EXIT_PROBLEM, EXIT_BUG, EXIT_BUSY, EXIT_INTERRUPTED = 1, 70, 75, 130


def expected(exc: BaseException) -> LoyaltyError | None:
    """The user-actionable error behind `exc`, or None for a bug."""
    if isinstance(exc, LoyaltyError):
        return exc
    # Imported when something went wrong, not at every start (disk_errors loads sqlite3: 7 ms).
    from loyalty_desktop.core.disk_errors import from_os, from_sqlite

    sqlite3 = sys.modules.get("sqlite3")  # only a loaded sqlite3 raises its errors
    if sqlite3 is not None and isinstance(exc, sqlite3.Error):
        try:
            where = paths.store_path()
        except (LoyaltyError, OSError):
            where = Path("store.sqlite3")
        return from_sqlite(exc, where)
    if isinstance(exc, OSError):
        return from_os(exc)
    return None


def _log_file() -> str:
    try:
        return str(paths.log_dir() / "loyalty-desktop.log")
    except (LoyaltyError, OSError):
        return "the log"


def run(command: Callable[[], int],
        platform_label: Callable[[], str] = lambda: platforms.DEFAULT_DESTINATION.label) -> int:
    try:
        return int(command())
    except KeyboardInterrupt:
        tr = cli_tr()
        print(tr("Interrupted."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the one place that turns everything into an exit code
        err = expected(exc)
        if err is None:
            log.exception("unexpected error")  # the traceback, for a bug report
            tr = cli_tr()
            print(tr("error: an unexpected problem stopped the command ({error}). The details are in {log}; please "
                     "send it with a bug report.").format(error=f"{type(exc).__name__}: {printable(str(exc))}",
                                                          log=_log_file()), file=sys.stderr)
            return EXIT_BUG
        tr = cli_tr()
        print(tr("error: {message}").format(message=printable(user_message(err, platform_label(), tr=tr),
                                                              newlines=True)), file=sys.stderr)
        hint = cli_hint(err, tr)
        if hint:
            print(hint, file=sys.stderr)
        log.info("command failed: %s (%s)", err.kind.value, err.message)
        return EXIT_BUSY if isinstance(err, SyncBusyError) else EXIT_PROBLEM
