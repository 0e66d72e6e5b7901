"""`--source demo`: the demo loyalty program, created on first use in the data folder."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.service import DemoSpec, OpenSource, open_demo


@dataclass(frozen=True)
class DemoSourceFactory:
    name: str = "demo"

    def spec(self, options: argparse.Namespace) -> DemoSpec:
        """The demo program the options describe (ConfigError if they make no sense)."""
        raw = getattr(options, "members", None) or "500"
        try:
            members = int(str(raw).replace("_", ""))
        except ValueError:
            raise ConfigError(f"--members for the demo source is a number of members, not {raw!r}") from None
        return DemoSpec(members, int(getattr(options, "seed", 42) or 42))

    def open(self, options: argparse.Namespace, cancel: CancelToken) -> OpenSource:
        spec = self.spec(options)
        program = open_demo(spec)
        return OpenSource(program, spec.source_name, f"demo program ({spec.members} members)", program.close)


FACTORY = DemoSourceFactory()
