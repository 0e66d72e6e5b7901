"""The UI's way into Splio's custom fields: list them from the account, and check a mapping
against them with the adapter's own rules (what exists, what the first sync would create, how
it would write). Nothing here imports Qt."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr

if TYPE_CHECKING:  # the adapter, its field rules, the kit and the store load where used (the wizard's
    # mapping page holds a FieldStatus from the start, for every platform: 0.1 s of its opening)
    from loyalty_desktop.core.fields import Mapping
    from loyalty_desktop.destinations.splio.fields import FieldPlan, Missing, RemoteField, Slot
    from loyalty_desktop.destinations.splio.kit.guide import CampaignGuide
    from loyalty_desktop.destinations.splio.kit.runner import SplioKitReport
    from loyalty_desktop.service import Connection
    from loyalty_desktop.store.store import Store


def splio_fields(conn: Connection) -> tuple[list[RemoteField], str]:
    """The Splio account's contact fields and its contacts' unique key (I/O: run it in the background)."""
    dest: Any = conn.dest
    return dest.remote_fields(), dest.unique_key or "email"


@dataclass
class FieldStatus:
    slots: list[Slot] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # type mismatches (the adapter's English sentences)
    why: str = ""  # why contacts cannot be addressed with this mapping ("" when they can)
    plan: FieldPlan | None = None  # how the sync would write (fields to create have placeholder ids)
    names: dict[int, str] = field(default_factory=dict)  # custom field id → name, for the preview

    @property
    def existing(self) -> list[str]:
        return [s.target for s in self.slots if s.is_custom]

    def preview(self, member: dict[str, Any]) -> dict[str, Any] | None:
        """The body Splio would get for this member (None when the mapping cannot be written)."""
        if self.plan is None:
            return None
        body: dict[str, Any] = json.loads(self.plan.encoder()(member))
        return body


def field_status(mapping: Mapping, remote: list[RemoteField], unique_key: str) -> FieldStatus:
    from loyalty_desktop.destinations.splio.fields import Slot, plan_for, resolve

    slots, missing, problems = resolve(mapping, remote)
    # Placeholder ids for the fields to create, so the plan (and the preview) can be built now.
    planned = slots + [Slot(m.source, m.name, -(i + 1), m.type) for i, m in enumerate(missing)]
    plan, why = plan_for(mapping, planned, unique_key)
    names = {s.field_id: s.target for s in planned if s.field_id is not None}
    return FieldStatus(slots, missing, problems, why or "", None if problems else plan, names)


def run_splio_kit(conn: Connection, store: Store, language: str = "en") -> SplioKitReport:
    """The Splio kit on the universe behind `conn`: moment fields, static groups named in `language`
    (I/O: run it in the background). Every sync afterwards refreshes the groups."""
    from loyalty_desktop.destinations.splio.adapter import SplioDestination
    from loyalty_desktop.destinations.splio.kit import runner as splio_kit

    dest = conn.dest
    if not isinstance(dest, SplioDestination):
        raise ConfigError(tr("The Splio kit needs a Splio connection."))
    return splio_kit.run_kit(dest, store, language)


def splio_guide() -> tuple[CampaignGuide, ...]:
    """How to create each trigger campaign in Splio (English and French), with example bodies."""
    from loyalty_desktop.destinations.splio.kit.guide import GUIDES

    return GUIDES


def splio_guide_steps(language: str) -> tuple[str, str]:
    """(how to create a trigger campaign, what the static groups are) in `language`."""
    from loyalty_desktop.destinations.splio.kit.guide import GROUPS, STEPS

    return STEPS.get(language), GROUPS.get(language)


def splio_guide_text(language: str) -> str:
    """The same guide as plain text in `language` ("fr…" or English)."""
    from loyalty_desktop.destinations.splio.kit.guide import guide_text

    return guide_text(language)
