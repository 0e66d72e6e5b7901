"""Offline emulators of the remote APIs the app talks to (used by demo mode, tests, benchmarks)."""

from loyalty_emulators.klaviyo.server import DEMO_KEY, Faults, KlaviyoSandbox

__all__ = ["DEMO_KEY", "Faults", "KlaviyoSandbox"]
