"""Email cells: normalized (trimmed, lower-cased, `mailto:` dropped) and checked."""

from __future__ import annotations

import re
from typing import Any

# Pragmatic address check, the rule Klaviyo applies plus dots: one @, no spaces or separators, a
# dotted domain, at most 100 characters; no dot leading, trailing or doubled in the local part
# (the domain's labels are never empty), which mail servers refuse.
_LOCAL_CHAR = r"[^@\s\"(),:;<>\[\]\\.]"
LOCAL_RE = re.compile(rf"{_LOCAL_CHAR}+(?:\.{_LOCAL_CHAR}+)*")
DOMAIN_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")
EMAIL_RE = re.compile(f"{LOCAL_RE.pattern}@{DOMAIN_RE.pattern}")
_EMAIL_JUNK = "\u200b\ufeff\u00a0 \t\r\n\"'<>"


def normalize_email(cell: Any) -> str:
    """Lower-cased, trimmed, `mailto:` dropped; "" when the cell is empty."""
    if cell is None:
        return ""
    s = cell if cell.__class__ is str else str(cell)
    return s.strip(_EMAIL_JUNK).lower().removeprefix("mailto:")


def valid_email(email: str) -> bool:
    return len(email) <= 100 and EMAIL_RE.fullmatch(email) is not None
