"""`--to klaviyo` and `--to klaviyo-sandbox`: open, verify and bind a Klaviyo destination."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core import secrets
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.destinations.klaviyo.adapter import BASE_URL, KlaviyoDestination
from loyalty_desktop.net.client import CancelToken
from loyalty_desktop.service import Connection, connect_klaviyo

if TYPE_CHECKING:
    from loyalty_emulators.launch import Running, StandaloneOptions


@dataclass(frozen=True)
class KlaviyoTarget:
    name: str
    sandbox: bool
    platform: str = "klaviyo"
    label: str = "Klaviyo"
    default_preset: str = "klaviyo-loyalty"

    def connect(self, key: str | None, options: argparse.Namespace, cancel: CancelToken) -> Connection:
        sb = None
        # LOYALTY_DESKTOP_KLAVIYO_URL points the app at another address (a sandbox, a proxy).
        base_url = getattr(options, "base_url", None) or os.environ.get("LOYALTY_DESKTOP_KLAVIYO_URL")
        if self.sandbox:
            from loyalty_emulators import launch

            running = launch.start_klaviyo()
            sb, base_url, key = running.sandbox, running.base_url, running.demo_key
        key = key or secrets.load("klaviyo")
        if not key:
            raise ConfigError("No Klaviyo key: store one with `loyalty-desktop key set klaviyo` "
                              f"or set {secrets.ENV_VARS['klaviyo']}.")
        secrets.check_key("klaviyo", key)  # a mangled key is named before any request
        dest = KlaviyoDestination(key, base_url or BASE_URL, cancel=cancel)
        try:
            info = connect_klaviyo(dest)
        except BaseException:
            dest.close()
            if sb is not None:
                sb.stop()
            raise
        notes = [f"Klaviyo sandbox started at {base_url}"] if sb is not None else []
        return Connection(dest, info, sb, notes)


def serve_sandbox(options: StandaloneOptions) -> Running[Any]:
    """`loyalty-desktop sandbox --platform klaviyo`: an empty account."""
    from loyalty_emulators import launch

    return launch.standalone(launch.Platform.KLAVIYO, options)


LIVE = KlaviyoTarget("klaviyo", sandbox=False)
SANDBOX = KlaviyoTarget("klaviyo-sandbox", sandbox=True)
