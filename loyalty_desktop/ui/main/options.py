"""What the saved settings say about the sync's two ends: the destination's name and the typed options
sources and targets expect."""

from __future__ import annotations

from loyalty_desktop.core import platforms
from loyalty_desktop.core.options import SyncOptions, from_saved
from loyalty_desktop.core.settings import Settings


def source_options(settings: Settings) -> SyncOptions:
    """What service targets and sources expect, from the saved settings."""
    return from_saved(settings.source or "demo", settings.source_options)


def target_name(settings: Settings) -> str:
    if settings.target:
        return settings.target
    platform = settings.platform or platforms.DEFAULT_DESTINATION.id
    return f"{platform}-sandbox" if settings.demo else platform
