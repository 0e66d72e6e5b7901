"""The UI's way into Klaviyo's starter kit (segments, templates, flows) and its templates'
previews: thin, typed calls so the kit panel and the preview reach no destination module.
Nothing here imports Qt."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Mapping as TMapping
from typing import Any

from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.destinations.klaviyo.kit import runner, templates
from loyalty_desktop.destinations.klaviyo.kit.model import KitItem, KitReport, Pace
from loyalty_desktop.destinations.klaviyo.kit.runner import ProgressCallback
from loyalty_desktop.destinations.klaviyo.kit.templates import TemplateSpec
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.store import kit_state
from loyalty_desktop.store.kit_state import KitRecord
from loyalty_desktop.store.store import Store


def plan_kit(store: Store, mapping: Mapping, languages: str | Sequence[str]) -> list[KitItem]:
    """Every item the kit would make for this store and mapping, in order."""
    return runner.plan_kit(store, mapping, languages)


def run_kit(conn: Any, store: Store, mapping: Mapping, *, items: Sequence[KitItem | str] | None,
            languages: str | Sequence[str], cancel: CancelToken | None,
            progress: ProgressCallback | None, waiting: Callable[[Pace], None] | None = None) -> KitReport:
    """Make `items` (default all) in the Klaviyo account behind `conn` (a service.Connection);
    `waiting` hears each wait for Klaviyo's pace."""
    return runner.run_kit(conn, store, mapping, items=items, languages=languages, cancel=cancel,
                          progress=progress, waiting=waiting)


def remembered_results(store: Store, conn: Any) -> list[KitRecord]:
    """The last result of each kit item in the account behind `conn` (None: the account the kit
    last ran on), as the store keeps them across launches."""
    dest = getattr(getattr(conn, "dest", None), "name", None)
    found = kit_state.results(store, dest)
    if not found and getattr(conn, "sandbox", None) is not None:
        # Demo mode: each launch starts a new, empty sandbox account; show the last demo's results.
        found = kit_state.results(store, None)
    return found


def load_templates() -> list[TemplateSpec]:
    """The kit's email templates (read from the package's files)."""
    return templates.load_templates()


def profile_variable(key: str, mapping: Mapping) -> str | None:
    """The template variable for catalog field `key` under `mapping` (None: not synced)."""
    return templates.profile_variable(key, mapping)


def sample_render(html: str, values: TMapping[str, Any], *, strict: bool = False) -> str:
    """`html` with its variables filled from `values`, as Klaviyo would render it."""
    return templates.sample_render(html, values, strict=strict)
