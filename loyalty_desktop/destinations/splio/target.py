"""`--to splio` and `--to splio-sandbox`: open, verify and bind a Splio destination.

`--create-fields`, `--create-missing` and `--remote-diff` become the adapter's options. The
sandbox target starts the Splio emulator in-process, seeded (for the demo source) with most of the
demo program's members plus contacts the program does not know, so "every contact present in
Splio" means something; being a sandbox, it creates the missing custom fields without asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loyalty_desktop.core import secrets
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.options import TargetOptions
from loyalty_desktop.core.platforms import SPLIO, Platform
from loyalty_desktop.destinations.base import AccountInfo
from loyalty_desktop.destinations.splio.adapter import BASE_URL, SplioDestination
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.service import Connection, connect


def connect_splio(dest: SplioDestination) -> AccountInfo:
    """Verify the key and bind per-destination state to this universe at this address."""
    return connect(dest)


def seed_sandbox(sb: Any, options: TargetOptions) -> list[str]:
    """Fill a sandbox universe from the demo program the run uses (other sources: left empty)."""
    from loyalty_desktop.service import DemoSpec, open_demo

    demo = options.seed_from
    if demo is None:
        return ["The Splio sandbox starts empty for this source: use --create-missing to create the contacts."]
    with open_demo(DemoSpec(demo.members, demo.seed)) as program:
        counts = sb.seed_demo(program.read(None, history=False).members)
    return [f"Splio sandbox universe seeded with {counts['members_present']} of the {demo.members} demo members "
            f"and {counts['unknown_contacts']} contacts unknown to the loyalty program."]


@dataclass(frozen=True)
class SplioTarget:
    name: str
    sandbox: bool
    descriptor: Platform = SPLIO

    @property
    def platform(self) -> str:
        return self.descriptor.id

    @property
    def label(self) -> str:
        return self.descriptor.label

    @property
    def default_preset(self) -> str:
        return self.descriptor.default_preset

    def connect(self, key: str | None, options: TargetOptions, cancel: CancelToken) -> Connection:
        sb = None
        notes: list[str] = []
        base_url = options.base_url
        create_fields = options.create_fields
        if self.sandbox:
            from loyalty_emulators.splio.server import DEMO_KEY, SplioSandbox

            sb = SplioSandbox()
            try:
                notes += seed_sandbox(sb, options)
            except BaseException:
                sb.stop()
                raise
            base_url, key, create_fields = sb.start(port=0), DEMO_KEY, True
            notes.insert(0, f"Splio sandbox started at {base_url}")
        key = key or secrets.load(SPLIO.id)
        if not key:
            raise ConfigError(f"No {SPLIO.label} key: store one with `loyalty-desktop key set {SPLIO.id}` "
                              f"or set {SPLIO.key_env}.")
        secrets.check_key(SPLIO.id, key)  # a mangled key is named before any request
        dest = SplioDestination(key, base_url or BASE_URL, cancel=cancel, create_fields=create_fields,
                                create_missing=options.create_missing, remote_diff=options.remote_diff)
        try:
            info = connect_splio(dest)
        except BaseException:
            dest.close()
            if sb is not None:
                sb.stop()
            raise
        notes.append(f"Splio {info.detail}.")
        return Connection(dest, info, sb, notes)


LIVE = SplioTarget(SPLIO.id, sandbox=False)
SANDBOX = SplioTarget(SPLIO.sandbox_target, sandbox=True)
