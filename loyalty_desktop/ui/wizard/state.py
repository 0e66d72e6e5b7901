"""What the wizard has set up so far (no widgets here; pages read and fill it)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any

from ... import service
from ...engine import RunSummary
from ...fields import PRESETS, Mapping

PLATFORM_LABELS = {"klaviyo": "Klaviyo", "splio": "Splio"}
DEFAULT_PRESETS = {"klaviyo": "klaviyo-loyalty", "splio": "splio-loyoly"}


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

    @property
    def label(self) -> str:
        return PLATFORM_LABELS[self.platform]

    @property
    def target_name(self) -> str:
        return f"{self.platform}-sandbox" if self.demo else self.platform

    def default_mapping(self) -> Mapping:
        preset = DEFAULT_PRESETS[self.platform]
        if preset not in PRESETS:  # a platform whose presets are not in this version
            preset = next(p for p in PRESETS if p.startswith(self.platform))
        return PRESETS[preset]

    def presets(self) -> list[str]:
        return [p for p in PRESETS if p.startswith(self.platform)]

    def options(self) -> argparse.Namespace:
        """What service targets and sources expect (the CLI's option names)."""
        o = dict(members="500", seed=42, ledger=None, source_base_url=None, base_url=None, backfill=False,
                 create_fields=self.create_fields, create_missing=False, remote_diff=False, preset=None)
        o.update(self.source_options)
        return argparse.Namespace(**o)

    def close(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None
        if self.connection is not None:
            self.connection.close()
            self.connection = None
