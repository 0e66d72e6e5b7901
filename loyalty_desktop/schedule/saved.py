"""The saved set-up as a sync the OS can run unattended (`loyalty-desktop sync --saved`): the same
source, destination and mapping the wizard saved and the main window syncs.

An unattended run has no one to type a key: it reads the keyring. A key kept for this session only
(the GUI's "don't store it") or given in an environment variable of one shell is not there for the
OS scheduler; `key_problems` says so before anything is registered.
"""

from __future__ import annotations

from dataclasses import dataclass

from loyalty_desktop import service
from loyalty_desktop.core import platforms, secrets
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr  # kept in English; worded in the reader's language when shown
from loyalty_desktop.core.fields import Mapping
from loyalty_desktop.core.options import SyncOptions, from_saved
from loyalty_desktop.core.settings import Settings


@dataclass(frozen=True)
class SavedSync:
    source: str  # service.SOURCES key
    target: str  # service.TARGETS key
    options: SyncOptions
    mapping: Mapping | None  # None: the target's default preset

    @property
    def sandbox(self) -> bool:
        return self.target.endswith("-sandbox")


def saved_sync(settings: Settings | None = None) -> SavedSync:
    """The saved set-up, or ConfigError when the set-up was never completed."""
    settings = settings or Settings.load()
    if not settings.wizard_done and not settings.target and not settings.platform:
        raise ConfigError(tr("Nothing is set up yet: open Loyalty Desktop and complete the set-up (or give "
                             "--to and --source to sync without it)."))
    source = settings.source or "demo"
    target = settings.target_name()
    if source not in service.SOURCES or target not in service.TARGETS:
        raise ConfigError(tr("The saved set-up names a source or destination this version does not know "
                             "({source} → {target}): run the set-up again.").format(source=source, target=target))
    mapping = Mapping.from_json(settings.mapping) if settings.mapping else None
    return SavedSync(source, target, from_saved(source, settings.source_options), mapping)


def key_problems(saved: SavedSync) -> list[str]:
    """Why a run started by the OS could not connect: a key missing from the keyring. In English, made
    from marked templates: the command line and the GUI each word them in their reader's language
    (core.translate.translate_text, ui.i18n.core_text)."""
    needed: list[platforms.Platform] = []
    if not saved.sandbox:
        needed.append(platforms.get(str(service.target(saved.target).platform)))
    if saved.source == "smile":
        needed.append(platforms.SMILE)
    return [tr("The {platform} key is not in the system keyring (kept for one session only, or never stored), "
               "so a sync started by the system cannot use it. Store it with `loyalty-desktop key set {id}`.")
            .format(platform=p.label, id=p.keyring_entry) for p in needed if not secrets.stored(p.keyring_entry)]
