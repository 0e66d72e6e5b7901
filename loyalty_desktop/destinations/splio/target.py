"""`--to splio` and `--to splio-sandbox`: open, verify and bind a Splio destination.

`--create-fields`, `--create-missing` and `--remote-diff` become the adapter's options. The
sandbox target starts the Splio emulator in-process, seeded (for the demo source) with most of the
demo program's members plus contacts the program does not know, so "every contact present in
Splio" means something; being a sandbox, it creates the missing custom fields without asking.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from loyalty_desktop.core import secrets
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.destinations.base import AccountInfo
from loyalty_desktop.destinations.splio.adapter import BASE_URL, SplioDestination
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.service import Connection


def connect_splio(dest: SplioDestination) -> AccountInfo:
    """Verify the key and bind per-destination state to this universe at this address."""
    info = dest.verify()
    dest.name = f"splio:{info.account_id}@{urlparse(dest.base_url).netloc}"
    return info


def seed_sandbox(sb: Any, options: argparse.Namespace) -> list[str]:
    """Fill a sandbox universe from the demo program the run uses (other sources: left empty)."""
    from loyalty_desktop.service import DemoSpec, open_demo

    if (getattr(options, "source", None) or "demo") != "demo":
        return ["The Splio sandbox starts empty for this source: use --create-missing to create the contacts."]
    try:
        members = int(getattr(options, "members", None) or 500)
    except ValueError:
        return []
    with open_demo(DemoSpec(members, int(getattr(options, "seed", 42) or 42))) as program:
        counts = sb.seed_demo(program.read(None, history=False).members)
    return [(f"Splio sandbox universe seeded with {counts['members_present']} of the {members} demo members "
            f"and {counts['unknown_contacts']} contacts unknown to the loyalty program.")]


@dataclass(frozen=True)
class SplioTarget:
    name: str
    sandbox: bool
    platform: str = "splio"
    label: str = "Splio"
    default_preset: str = "splio-loyoly"

    def connect(self, key: str | None, options: argparse.Namespace, cancel: CancelToken) -> Connection:
        sb = None
        notes: list[str] = []
        base_url = getattr(options, "base_url", None)
        create_fields = bool(getattr(options, "create_fields", False))
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
        key = key or secrets.load("splio")
        if not key:
            raise ConfigError("No Splio key: store one with `loyalty-desktop key set splio` "
                              f"or set {secrets.ENV_VARS['splio']}.")
        secrets.check_key("splio", key)  # a mangled key is named before any request
        dest = SplioDestination(key, base_url or BASE_URL, cancel=cancel, create_fields=create_fields,
                                create_missing=bool(getattr(options, "create_missing", False)),
                                remote_diff=bool(getattr(options, "remote_diff", False)))
        try:
            info = connect_splio(dest)
        except BaseException:
            dest.close()
            if sb is not None:
                sb.stop()
            raise
        notes.append(f"Splio {info.detail}.")
        return Connection(dest, info, sb, notes)


LIVE = SplioTarget("splio", sandbox=False)
SANDBOX = SplioTarget("splio-sandbox", sandbox=True)
