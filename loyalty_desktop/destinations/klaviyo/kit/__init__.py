"""The Klaviyo loyalty kit: segments, email templates (FR/EN) and draft flows, made in one click.

Public surface (no Qt): `plan_kit` lists the items, `run_kit` makes them, `KitReport` says how each
went. See runner.py for the run's rules (idempotent by name, daily caps deferred, flows as drafts).
"""

from loyalty_desktop.destinations.klaviyo.kit.client import (
    KIT_SCOPES,
    DailyCapError,
    KitClient,
)
from loyalty_desktop.destinations.klaviyo.kit.model import (
    ItemKind,
    ItemResult,
    ItemStatus,
    KitItem,
    KitReport,
    Resolved,
)
from loyalty_desktop.destinations.klaviyo.kit.runner import (
    LANGUAGES,
    ProgressCallback,
    languages_from,
    plan_kit,
    run_kit,
)

__all__ = ["KIT_SCOPES", "LANGUAGES", "DailyCapError", "ItemKind", "ItemResult", "ItemStatus", "KitClient",
           "KitItem", "KitReport", "ProgressCallback", "Resolved", "languages_from", "plan_kit", "run_kit"]
