"""What the saved settings say about the sync's source: the typed options sources and targets expect
(the destination's name: Settings.target_name)."""

from __future__ import annotations

from loyalty_desktop.core.options import SyncOptions, from_saved
from loyalty_desktop.core.settings import Settings
from loyalty_desktop.ui import sandbox_place


def source_options(settings: Settings) -> SyncOptions:
    """What service targets and sources expect, from the saved settings (a demo sandbox starts
    where the GUI runs them: ui/sandbox_place)."""
    return sandbox_place.applied(from_saved(settings.source or "demo", settings.source_options))

