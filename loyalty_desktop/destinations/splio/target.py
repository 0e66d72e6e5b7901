"""`--to splio` and `--to splio-sandbox`: open, verify and bind a Splio destination.

`--create-fields`, `--create-missing` and `--remote-diff` become the adapter's options. The
sandbox target starts the Splio emulator (destinations/sandboxes.py), seeded (for the demo source) with most of the
demo program's members plus contacts the program does not know, so "every contact present in
Splio" means something; being a sandbox, it creates the missing custom fields without asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core import secrets
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.options import DemoOptions, TargetOptions
from loyalty_desktop.core.platforms import SPLIO, Platform
from loyalty_desktop.destinations import sandboxes
from loyalty_desktop.destinations.base import AccountInfo, PlatformTarget
from loyalty_desktop.destinations.splio.adapter import BASE_URL, SplioDestination
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service import Connection, connect

if TYPE_CHECKING:
    from loyalty_emulators.launch import Running, StandaloneOptions


def connect_splio(dest: SplioDestination) -> AccountInfo:
    """Verify the key and bind per-destination state to this universe at this address."""
    return connect(dest)


def seed_sandbox(sb: Any, demo: DemoOptions | None) -> list[str]:
    """Fill a sandbox universe from the demo program the run uses (None, other sources: left empty)."""
    if demo is None:
        return [("The Splio sandbox starts empty for this source: tick \"Create missing contacts\" (Settings → Sync "
                 "options) or use --create-missing to create the contacts.")]
    counts = seed_from_demo(sb, demo.members, demo.seed)
    return [(f"Splio sandbox universe seeded with {counts['members_present']} of the {demo.members} demo members "
            f"and {counts['unknown_contacts']} contacts unknown to the loyalty program.")]


def seed_from_demo(sb: Any, members: int, seed: int) -> dict[str, int]:
    """Most of the demo program's members become contacts, plus contacts it does not know; the counts."""
    from loyalty_desktop.service import DemoSpec, open_demo

    with open_demo(DemoSpec(members, seed)) as program:
        return dict(sb.seed_demo(program.read(None, history=False).members))


@dataclass(frozen=True)
class SplioTarget(PlatformTarget):
    descriptor: Platform = SPLIO

    def connect(self, key: str | None, options: TargetOptions, cancel: CancelToken) -> Connection:
        sb = None
        notes: list[str] = []
        base_url = options.base_url
        create_fields = options.create_fields
        if self.sandbox:
            sb = sandboxes.start(SPLIO.id, options)
            base_url, key, create_fields = sb.base_url, sb.key, True
            notes += [f"Splio sandbox started at {base_url}", *sb.lines]
        key = key or secrets.load(SPLIO.id)
        if not key:
            raise ConfigError(tr("No {platform} key: store one with `loyalty-desktop key set {id}` or set {env}.")
                              .format(platform=SPLIO.label, id=SPLIO.id, env=SPLIO.key_env))
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
        return Connection(dest, info, sb.handle if sb is not None else None, notes,
                          seed_demo=sb.seed_demo if sb is not None else None)


def serve_sandbox(options: StandaloneOptions) -> Running[Any]:
    """`loyalty-desktop sandbox --platform splio`: seeded from the demo program `sync` uses by default."""
    from loyalty_emulators import launch

    def seed(sb: Any) -> list[str]:
        counts = seed_from_demo(sb, 500, 42)
        return [(f"Seeded with {counts['members_present']} of the 500 members of the demo program (seed 42) "
                f"and {counts['unknown_contacts']} contacts unknown to it")]

    return launch.standalone(launch.Platform.SPLIO, options, splio_seed=seed)


LIVE = SplioTarget(SPLIO.id, sandbox=False)
SANDBOX = SplioTarget(SPLIO.sandbox_target, sandbox=True)
