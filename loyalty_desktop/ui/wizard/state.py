"""What the wizard has set up so far (no widgets here; pages read and fill it)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from loyalty_desktop import service
from loyalty_desktop.core import platforms
from loyalty_desktop.core.fields import PRESETS, Mapping
from loyalty_desktop.core.options import SyncOptions, from_saved
from loyalty_desktop.ui import sandbox_place

if TYPE_CHECKING:  # the engine (and the store) load with the first sync, not with the wizard
    from loyalty_desktop.sync.summary import RunSummary

# Where the Smile.io API is (tests and demos point it at a standalone Smile sandbox), like
# LOYALTY_DESKTOP_KLAVIYO_URL for Klaviyo.
SMILE_URL_ENV = platforms.SMILE.url_env


def smile_base_url() -> str | None:
    return os.environ.get(SMILE_URL_ENV) or None


@dataclass
class SetupState:
    platform: str = platforms.DEFAULT_DESTINATION.id
    demo: bool = False
    key_where: str = ""  # where the key was stored ("GNOME Keyring", "session", "demo")
    connection: service.Connection | None = None
    source_kind: str = "demo"
    source_options: dict[str, Any] = field(default_factory=lambda: {"members": "500", "seed": 42})
    source: service.OpenSource | None = None
    mapping: Mapping | None = None
    create_fields: bool = False
    summary: RunSummary | None = None
    sample: list[dict[str, Any]] = field(default_factory=list)  # a few members of the source, as JSON

    @property
    def descriptor(self) -> platforms.Platform:
        return platforms.get(self.platform)

    @property
    def label(self) -> str:
        return self.descriptor.label

    @property
    def target_name(self) -> str:
        return self.descriptor.sandbox_target if self.demo else self.platform

    def default_mapping(self) -> Mapping:
        preset = self.descriptor.preset_for(self.source_kind)
        if preset not in PRESETS:  # a preset not in this version
            preset = self.descriptor.default_preset
        if preset not in PRESETS:  # a platform whose presets are not in this version
            preset = self.presets()[0]
        return PRESETS[preset]

    def presets(self) -> list[str]:
        return self.descriptor.presets(list(PRESETS))

    def options(self) -> SyncOptions:
        """What service targets and sources expect, from the choices so far."""
        # seed_sandbox=False: a demo Splio sandbox starts empty; the source page fills it with the
        # members of the source the user picks (`read_sample`), so both hold the same people.
        saved = {"create_fields": self.create_fields, **self.source_options}
        return sandbox_place.applied(from_saved(self.source_kind, saved, seed_sandbox=False))

    def read_sample(self, src: service.OpenSource, size: int = 5) -> None:
        """Off the GUI thread, one pass over the source's members: keep `size` of them for the mapping
        page's preview, and in demo mode put them all in the destination sandbox when it keeps
        contacts of its own (Splio: about nine in ten of them, plus a few strangers), so that both
        hold the same people."""
        from loyalty_desktop.core.model import to_jsonable

        conn = self.connection
        seed = conn.demo_seeder() if conn is not None and self.demo else None
        members = src.source.read(None, history=False).members
        sample: list[dict[str, Any]] = []

        def tap() -> Any:
            for m in members:
                if len(sample) < size:
                    sample.append(to_jsonable(m))
                elif seed is None:
                    return
                yield m

        try:
            if seed is not None:
                seed(tap())
            else:
                for _ in tap():
                    pass
        finally:
            close = getattr(members, "close", None)
            if close:
                close()
        self.sample = sample

    def close(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None
        if self.connection is not None:
            self.connection.close()
            self.connection = None
