"""What the disk and SQLite report, as the typed errors a user reads (errors.DiskError and
errors.StoreUnusableError), and keeping an unusable store aside when the user agrees.

Only conditions a user can act on are classified (read-only, full, a file where a folder should
be, a damaged or foreign store, a failing disk); anything else returns None and stays what it is,
a bug, so it still reaches the log with its traceback.
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
import tempfile
from pathlib import Path

from loyalty_desktop.core import clock
from loyalty_desktop.core.errors import (
    DiskError,
    DiskProblem,
    LoyaltyError,
    StoreProblem,
    StoreUnusableError,
)

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26

_OS_PROBLEMS = {
    errno.ENOSPC: DiskProblem.FULL,
    errno.EDQUOT: DiskProblem.FULL,
    errno.EROFS: DiskProblem.READ_ONLY,
    errno.EACCES: DiskProblem.READ_ONLY,
    errno.EPERM: DiskProblem.READ_ONLY,
    errno.ENOTDIR: DiskProblem.NOT_A_FOLDER,
    errno.EIO: DiskProblem.IO,
    errno.ENOENT: DiskProblem.NOT_FOUND,
}


def _file_in_the_way(path: Path) -> Path | None:
    """The first existing component of `path` (itself included) that is not a folder."""
    for p in (path, *path.parents):
        if p.exists():
            return None if p.is_dir() else p
    return None


def from_os(exc: OSError, path: Path | str | None = None) -> LoyaltyError | None:
    """An OSError met while creating or writing `path` (the folder or file concerned)."""
    where = Path(path if path is not None else exc.filename or ".")
    blocker = _file_in_the_way(where)
    if blocker is not None and isinstance(exc, (NotADirectoryError, FileExistsError, FileNotFoundError)):
        return DiskError(DiskProblem.NOT_A_FOLDER, str(blocker), exc.strerror or str(exc))
    problem = _OS_PROBLEMS.get(exc.errno or 0)
    if problem is None:
        return None
    if problem is DiskProblem.NOT_A_FOLDER and blocker is not None:
        where = blocker
    return DiskError(problem, str(where), exc.strerror or str(exc))


FULL_BELOW = 1 << 20  # bytes free under which an I/O error is taken for a full disk


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW
    except OSError:
        return False


def _folder_writable(folder: Path) -> OSError | None:
    """None if a file can be created in `folder`, else why not (os.access lies to root)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return None
    except OSError as exc:
        return exc


def is_busy(exc: BaseException) -> bool:
    """Another connection holds the lock (SQLITE_BUSY / SQLITE_LOCKED): a wait, not damage."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.OperationalError) and isinstance(code, int) and code & 0xFF in (5, 6)


def from_sqlite(exc: sqlite3.Error, path: Path | str) -> LoyaltyError | None:
    """A SQLite error met on the store (or another SQLite file) at `path`."""
    path = Path(path)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = str(exc)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreUnusableError(StoreProblem.DAMAGED, str(path), detail)
    if primary == SQLITE_FULL:
        return DiskError(DiskProblem.FULL, str(path.parent), detail)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return DiskError(DiskProblem.READ_ONLY, str(path), detail)
    if primary == SQLITE_IOERR:
        # SQLite says "disk I/O error" when it cannot grow its shared-memory or journal file on a
        # full disk: the free space tells which it is.
        if _nearly_full(path.parent):
            return DiskError(DiskProblem.FULL, str(path.parent), detail)
        return DiskError(DiskProblem.IO, str(path), detail)
    if primary == SQLITE_CANTOPEN:
        blocker = _file_in_the_way(path.parent)
        if blocker is not None:
            return DiskError(DiskProblem.NOT_A_FOLDER, str(blocker), detail)
        if path.is_dir():
            return StoreUnusableError(StoreProblem.FOREIGN, str(path), "a folder, not a file")
        why = _folder_writable(path.parent)
        if why is not None:
            return from_os(why, path.parent) or DiskError(DiskProblem.READ_ONLY, str(path.parent), detail)
        return DiskError(DiskProblem.IO, str(path), detail)
    return None


def classify(exc: BaseException, path: Path | str) -> LoyaltyError | None:
    """A user-actionable error for `exc` met on `path`, or None (a bug: let it surface)."""
    if isinstance(exc, LoyaltyError):
        return exc
    if isinstance(exc, sqlite3.Error):
        return from_sqlite(exc, path)
    if isinstance(exc, OSError):
        return from_os(exc, path if exc.filename is None else None)
    return None


def rollback_quietly(db: sqlite3.Connection) -> None:
    """Undo an open transaction without hiding why it failed: SQLite already rolls back by itself
    after a full disk or an I/O error, and a second ROLLBACK would replace that error by "cannot
    rollback - no transaction is active"."""
    if not db.in_transaction:
        return
    try:
        db.execute("ROLLBACK")
    except sqlite3.Error:
        log.info("rollback failed after an error", exc_info=True)


def set_aside(path: Path) -> Path:
    """Rename an unusable store (and its -wal/-shm files) beside itself; returns the new name.

    Nothing is deleted: the user may want it back or send it to support."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.stem}.unusable-{stamp}{path.suffix}")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.stem}.unusable-{stamp}-{n}{path.suffix}")
    for suffix in ("-wal", "-shm", ""):  # the main file last: a half-done move still reads as unusable
        src = Path(str(path) + suffix)
        if src.exists():
            src.replace(Path(str(kept) + suffix))
    log.info("unusable store %s kept aside as %s", path, kept)
    return kept
