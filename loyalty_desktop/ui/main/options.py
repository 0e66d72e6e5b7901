"""What the saved settings say about the sync's two ends: the destination's name and the options
sources and targets expect (the CLI's option names)."""

from __future__ import annotations

import argparse
from typing import Any

from loyalty_desktop.core.settings import Settings


def source_options(settings: Settings) -> argparse.Namespace:
    """What service targets and sources expect (the CLI's option names), from the saved settings."""
    o: dict[str, Any] = dict(members="500", seed=42, ledger=None, source_base_url=None, base_url=None,
                             create_fields=False, create_missing=False, remote_diff=False, backfill=False,
                             preset=None)
    o.update(settings.source_options)
    return argparse.Namespace(**o)


def target_name(settings: Settings) -> str:
    if settings.target:
        return settings.target
    platform = settings.platform or "klaviyo"
    return f"{platform}-sandbox" if settings.demo else platform
