"""Logging set-up: a rotating file in the log folder, with secrets redacted from every record."""

from __future__ import annotations

import logging
import logging.handlers
import re

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


def setup(level: int = logging.INFO) -> None:
    handler = logging.handlers.RotatingFileHandler(paths.log_dir() / "loyalty-desktop.log",
                                                   maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    # httpx logs every request line at INFO (URL only, no headers); keep it out of the file's noise.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
