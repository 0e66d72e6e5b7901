"""Logging set-up: a rotating file in the log folder, with secrets redacted from every record."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from loyalty_desktop.core import paths

_SECRET = re.compile(r"(pk_[A-Za-z0-9]{20,}|Klaviyo-API-Key\s+\S+|Bearer\s+[A-Za-z0-9._\-]+)")


class RedactSecrets(logging.Filter):
    """Belt and braces: nothing logs headers, but a key pasted into a message is masked anyway."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        if _SECRET.search(msg):
            record.msg = _SECRET.sub("[redacted]", msg)
            record.args = ()
        return True


class RotatingLog(logging.FileHandler):
    """The log file, renamed to `.1` (and older ones to `.2` … `.{backups}`) before it would pass
    `max_bytes`, as logging.handlers.RotatingFileHandler does; that module also imports socket,
    pickle and queue for its other handlers, 10–15 ms of the app's start-up. The GUI and its
    worker process each write the file: when one cannot rename it (Windows, the other has it open),
    it goes on writing to it and tries again at the next record."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        # Called with the handler's lock held (Handler.handle): one thread rolls over at a time.
        if self.stream is not None and self.max_bytes > 0 and self.backups > 0:
            try:
                if self.stream.tell() + len(self.format(record)) + 1 > self.max_bytes:
                    self._roll_over()
            except (OSError, ValueError):  # cannot rename or measure it now: keep writing where we are
                pass
        super().emit(record)

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
        try:
            base = Path(self.baseFilename)
            for n in range(self.backups - 1, 0, -1):
                older = base.with_name(f"{base.name}.{n}")
                if older.exists():
                    older.replace(base.with_name(f"{base.name}.{n + 1}"))
            base.replace(base.with_name(f"{base.name}.1"))
        finally:
            self.stream = self._open()


def setup(level: int = logging.INFO) -> None:
    handler = RotatingLog(paths.log_dir() / "loyalty-desktop.log", max_bytes=2_000_000, backups=5)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    # httpx logs every request line at INFO (URL only, no headers); keep it out of the file's noise.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
