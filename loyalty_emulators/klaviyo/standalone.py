"""`loyalty-desktop sandbox`: the Klaviyo emulator as a standalone server."""

from __future__ import annotations

import argparse

from loyalty_emulators.http_base import Faults
from loyalty_emulators.klaviyo.server import DEMO_KEY, KlaviyoSandbox


def standalone(port: int, options: argparse.Namespace) -> tuple[KlaviyoSandbox, list[str]]:
    sb = KlaviyoSandbox(job_seconds=getattr(options, "job_seconds", 0.5))
    sb.faults = Faults(rate_429=options.rate_429, rate_500=options.rate_500, rate_drop=options.rate_drop,
                       latency_s=options.latency)
    url = sb.start(port=port)
    return sb, [f"Klaviyo sandbox listening on {url}",
                f"Demo private key (full access): {DEMO_KEY}",
                f"Try: LOYALTY_DESKTOP_KLAVIYO_KEY={DEMO_KEY} loyalty-desktop sync --to klaviyo --base-url {url}"]
