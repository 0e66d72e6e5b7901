"""`--source demo`: the demo loyalty program, created on first use in the data folder."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from ..errors import ConfigError
from ..net import CancelToken
from ..service import DemoSpec, OpenSource, open_demo


@dataclass(frozen=True)
class DemoSourceFactory:
    name: str = "demo"

    def open(self, options: argparse.Namespace, cancel: CancelToken) -> OpenSource:
        raw = getattr(options, "members", None) or "500"
        try:
            members = int(raw)
        except ValueError:
            raise ConfigError(f"--members for the demo source is a number of members, not {raw!r}") from None
        spec = DemoSpec(members, int(getattr(options, "seed", 42) or 42))
        program = open_demo(spec)
        return OpenSource(program, spec.source_name, f"demo program ({members} members)", program.close)


FACTORY = DemoSourceFactory()
