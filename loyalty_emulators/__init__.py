"""Offline emulators of the remote APIs the app talks to (used by demo mode, tests, benchmarks).

The product starts them through :mod:`loyalty_emulators.launch` only; nothing here imports the product.
"""

from typing import Any

__all__ = ["DEMO_KEY", "Faults", "KlaviyoSandbox"]


def __getattr__(name: str) -> Any:  # the Klaviyo names, imported on first use (launch stays light)
    if name in __all__:
        from loyalty_emulators.klaviyo import server

        return getattr(server, name)
    raise AttributeError(name)
