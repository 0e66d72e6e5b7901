"""What the wizard has set up so far (no widgets here; pages read and fill it)."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from typing import Any

from loyalty_desktop import service
from loyalty_desktop.core.fields import PRESETS, Mapping
from loyalty_desktop.sync.engine import RunSummary

PLATFORM_LABELS = {"klaviyo": "Klaviyo", "splio": "Splio"}
DEFAULT_PRESETS = {"klaviyo": "klaviyo-loyalty", "splio": "splio-loyoly"}
# Where the Smile.io API is (tests and demos point it at a standalone Smile sandbox), like
# LOYALTY_DESKTOP_KLAVIYO_URL for Klaviyo.
SMILE_URL_ENV = "LOYALTY_DESKTOP_SMILE_URL"


def smile_base_url() -> str | None:
    return os.environ.get(SMILE_URL_ENV) or None


@dataclass
class SetupState:
    platform: str = "klaviyo"
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
    def label(self) -> str:
        return PLATFORM_LABELS[self.platform]

    @property
    def target_name(self) -> str:
        return f"{self.platform}-sandbox" if self.demo else self.platform

    def default_mapping(self) -> Mapping:
        preset = DEFAULT_PRESETS[self.platform]
        if self.platform == "klaviyo" and self.source_kind.startswith("smile") and "klaviyo-smile" in PRESETS:
            preset = "klaviyo-smile"  # Smile's own property names: the merchant's Smile flows keep working
        if preset not in PRESETS:  # a platform whose presets are not in this version
            preset = next(p for p in PRESETS if p.startswith(self.platform))
        return PRESETS[preset]

    def presets(self) -> list[str]:
        return [p for p in PRESETS if p.startswith(self.platform)]

    def options(self) -> argparse.Namespace:
        """What service targets and sources expect (the CLI's option names)."""
        # source="wizard": a demo Splio sandbox starts empty; the source page fills it with the
        # members of the source the user picks (`read_sample`), so both hold the same people.
        o = dict(members="500", seed=42, ledger=None, source_base_url=None, base_url=None, backfill=False,
                 create_fields=self.create_fields, create_missing=False, remote_diff=False, preset=None,
                 source="wizard")
        o.update(self.source_options)
        return argparse.Namespace(**o)

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
