"""The Splio kit in one call: create the moment fields, create (or refresh) the static groups, and
hand back what was done with the guide to the trigger campaigns."""

from __future__ import annotations

from dataclasses import dataclass, field

from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.destinations.splio.adapter import SplioDestination
from loyalty_desktop.destinations.splio.kit.groups import GroupsReport, refresh_groups
from loyalty_desktop.store.store import Store


@dataclass
class SplioKitReport:
    fields_created: list[str] = field(default_factory=list)
    fields_existing: int = 0
    groups: GroupsReport = field(default_factory=GroupsReport)
    note: str = ""  # why part of the kit could not be made ("" when all of it was)


def run_kit(dest: SplioDestination, store: Store, language: str = "en") -> SplioKitReport:
    """Make the kit in the universe behind `dest` (connected), its groups named in `language` ("en" /
    "fr"; groups made earlier in the other language are found by that name). Groups need contacts
    keyed by email."""
    created, existing = dest.ensure_moment_fields()
    report = SplioKitReport(created, existing)
    if dest.unique_key != "email":
        report.note = tr("Groups are not made: this universe identifies contacts by {key}; the kit fills groups "
                         "with contacts identified by email.").format(key=dest.unique_key)
        return report
    report.groups = refresh_groups(dest.call, store, create=True, dest=dest.name, language=language)
    return report
