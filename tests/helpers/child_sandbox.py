"""Reading a sandbox that runs in another process: over its HTTP API, and whether its process lives."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import httpx

from loyalty_emulators.launch import DEMO_KEYS, Platform

KLAVIYO_HEADERS = {"Authorization": f"Klaviyo-API-Key {DEMO_KEYS[Platform.KLAVIYO]}", "revision": "2026-07-15",
                   "accept": "application/vnd.api+json", "content-type": "application/vnd.api+json"}


def klaviyo_profiles(base_url: str) -> list[dict[str, Any]]:
    """Every profile the Klaviyo sandbox holds, read page by page over its HTTP API."""
    rows: list[dict[str, Any]] = []
    url: str | None = f"{base_url}/api/profiles?page[size]=100"
    with httpx.Client(headers=KLAVIYO_HEADERS, timeout=30) as api:
        while url:
            body = api.get(url).raise_for_status().json()
            rows += body["data"]
            url = body["links"].get("next")
    return rows


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (our child, not yet reaped) is gone too
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return True


def wait_gone(pid: int, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False
