"""What the GUI hands the worker process for a sync it set up (no Qt here)."""

from __future__ import annotations

from typing import Any

from loyalty_desktop import service
from loyalty_desktop.core import paths, platforms, secrets
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.worker.protocol import SyncJob


def sync_job(conn: service.Connection, source: str, source_options: dict[str, Any], mapping: Mapping, *,
             backfill: bool = False, confirmed: bool = False) -> SyncJob:
    """The job for a sync over `conn` (verified in the GUI) from the source `source` opened with
    its saved options. The worker connects again itself: to the same address, with the key from
    the keyring, or the session-only / demo key handed over here (it travels on stdin only)."""
    platform = conn.dest.platform
    if conn.sandbox is not None:  # an emulator (demo mode): its always-valid demo key, no secret
        from loyalty_emulators import launch  # loaded with the demo's first sync, not with the window

        key: str | None = launch.demo_key(platform)
    else:
        key = secrets.session_only(platform)
    source_platform = source.split("-")[0]  # "smile" for the Smile.io source
    source_key = secrets.session_only(source_platform) if source_platform in platforms.PLATFORMS else None
    return SyncJob(target=platform, source=source, source_options=dict(source_options), mapping=mapping.to_json(),
                   base_url=conn.dest.base_url, create_fields=conn.creates_fields, backfill=backfill,
                   confirmed=confirmed, data_dir=str(paths.data_dir()), key=key, source_key=source_key)
