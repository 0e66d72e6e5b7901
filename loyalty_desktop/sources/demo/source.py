"""`--source demo`: the demo loyalty program, created on first use in the data folder."""

from __future__ import annotations

from dataclasses import dataclass

from loyalty_desktop.core.options import DemoOptions, SourceOptions
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service import DemoSpec, OpenSource, open_demo


@dataclass(frozen=True)
class DemoSourceFactory:
    name: str = "demo"

    def spec(self, options: SourceOptions) -> DemoSpec:
        """The demo program the options describe (ConfigError if they make no sense)."""
        if not isinstance(options, DemoOptions):
            raise TypeError(f"the demo source takes DemoOptions, not {type(options).__name__}")
        return DemoSpec(options.members, options.seed)

    def open(self, options: SourceOptions, cancel: CancelToken) -> OpenSource:
        spec = self.spec(options)
        program = open_demo(spec)
        return OpenSource(program, spec.source_name, f"demo program ({spec.members} members)", program.close)


FACTORY = DemoSourceFactory()
