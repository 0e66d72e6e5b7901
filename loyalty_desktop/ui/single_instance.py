"""One Loyalty Desktop per user and data folder: a second launch asks the running one to come
forward and exits; it never opens a second app on the same store.

Qt's QLocalServer would do it, but it lives in QtNetwork, 2 MB the bundle does not otherwise need
(its budget is 80 MB). QtCore and an OS file lock suffice: the running app holds `<name>.lock` in
the data folder (the OS releases it when the app ends or crashes, so nothing stale is left), and a
launch that cannot take it appends a line to `<name>.activate`, which the running app watches
(QFileSystemWatcher) and answers by coming forward. The lock is the OS call itself (flock, or
msvcrt.locking on Windows, as `filelock` does): importing `filelock` cost 20 ms before the first
window (issue 18's start-up budget)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from loyalty_desktop.core import paths

log = logging.getLogger(__name__)

NAME = "app-instance"


class HeldElsewhere(Exception):
    """Another process (or another SingleInstance) holds the lock."""


def lock_file(path: Path) -> int:
    """Open `path` and lock it without waiting; the descriptor (closing it releases the lock).
    Raises HeldElsewhere when it is locked, OSError when it cannot be opened or locked."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if sys.platform == "win32":
            import msvcrt

            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except PermissionError as exc:  # Windows says "locked" as EACCES (msvcrt, like filelock)
                raise HeldElsewhere from exc
        else:
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise HeldElsewhere from exc
    except BaseException:
        os.close(fd)
        raise
    return fd


def unlock_file(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            log.info("single-instance lock: unlock failed; closing releases it", exc_info=True)
    os.close(fd)  # releases flock's lock


class SingleInstance(QObject):
    activated = Signal()  # another launch asked this one to come forward

    def __init__(self, name: str = NAME, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        folder = paths.ensure_folder(paths.data_dir())
        self.lock_path: Path = folder / f"{name}.lock"
        self.activate_path: Path = folder / f"{name}.activate"
        self._lock: int | None = None  # the locked file's descriptor
        self._watcher: QFileSystemWatcher | None = None

    @property
    def running(self) -> bool:
        """This object holds the instance (claim() returned True and close() was not called)."""
        return self._lock is not None

    def claim(self) -> bool:
        """True: this is the one instance (it now watches for others). False: another runs and was
        told to come forward; the caller exits."""
        try:
            self._lock = lock_file(self.lock_path)
        except HeldElsewhere:
            self._tell_running()
            return False
        except OSError as exc:  # a read-only data folder: run anyway, the store will say what is wrong
            log.info("single-instance lock not taken (%s); running without it", exc)
            return True
        self.activate_path.write_text("", encoding="utf-8")  # exists, so it can be watched
        self._watcher = QFileSystemWatcher([str(self.activate_path)], self)
        self._watcher.fileChanged.connect(self._asked)
        return True

    def _tell_running(self) -> None:
        try:
            with self.activate_path.open("a", encoding="utf-8") as f:
                f.write(f"show {os.getpid()}\n")
        except OSError as exc:
            log.info("could not ask the running app to come forward: %s", exc)

    def _asked(self, path: str) -> None:
        if self._watcher is not None and path not in self._watcher.files() and Path(path).exists():
            self._watcher.addPath(path)  # replaced rather than appended to: keep watching it
        try:
            asked = Path(path).read_text(encoding="utf-8").strip()
        except OSError:
            return
        if asked:
            Path(path).write_text("", encoding="utf-8")  # answered
            self.activated.emit()

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        if self._lock is not None:
            unlock_file(self._lock)
            self._lock = None
