"""`--to klaviyo` and `--to klaviyo-sandbox`: open, verify and bind a Klaviyo destination."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from loyalty_desktop.core import secrets
from loyalty_desktop.core.errors import ConfigError
from loyalty_desktop.core.errors import english as tr
from loyalty_desktop.core.options import TargetOptions
from loyalty_desktop.core.platforms import KLAVIYO, Platform
from loyalty_desktop.destinations import sandboxes
from loyalty_desktop.destinations.base import PlatformTarget
from loyalty_desktop.destinations.klaviyo.adapter import BASE_URL, KlaviyoDestination
from loyalty_desktop.net.cancel import CancelToken
from loyalty_desktop.service import Connection, connect

if TYPE_CHECKING:
    from loyalty_emulators.launch import Running, StandaloneOptions


@dataclass(frozen=True)
class KlaviyoTarget(PlatformTarget):
    descriptor: Platform = KLAVIYO

    def connect(self, key: str | None, options: TargetOptions, cancel: CancelToken) -> Connection:
        sb = None
        # LOYALTY_DESKTOP_KLAVIYO_URL points the app at another address (a sandbox, a proxy).
        base_url = options.base_url or os.environ.get(KLAVIYO.url_env)
        if self.sandbox:
            sb = sandboxes.start(KLAVIYO.id, options)
            base_url, key = sb.base_url, sb.key
        key = key or secrets.load(KLAVIYO.id)
        if not key:
            raise ConfigError(tr("No {platform} key: store one with `loyalty-desktop key set {id}` or set {env}.")
                              .format(platform=KLAVIYO.label, id=KLAVIYO.id, env=KLAVIYO.key_env))
        secrets.check_key(KLAVIYO.id, key)  # a mangled key is named before any request
        dest = KlaviyoDestination(key, base_url or BASE_URL, cancel=cancel)
        try:
            info = connect(dest)
        except BaseException:
            dest.close()
            if sb is not None:
                sb.stop()
            raise
        if sb is None:
            return Connection(dest, info, key_mask=secrets.mask(key))
        # The sandbox's segments count "expiring within 30 days" on a clock the app can align.
        return Connection(dest, info, sb.handle, [f"Klaviyo sandbox started at {base_url}"], set_clock=sb.set_clock,
                          key_mask=secrets.mask(key))


def serve_sandbox(options: StandaloneOptions) -> Running[Any]:
    """`loyalty-desktop sandbox --platform klaviyo`: an empty account."""
    from loyalty_emulators import launch

    return launch.standalone(launch.Platform.KLAVIYO, options)


LIVE = KlaviyoTarget(KLAVIYO.id, sandbox=False)
SANDBOX = KlaviyoTarget(KLAVIYO.sandbox_target, sandbox=True)
