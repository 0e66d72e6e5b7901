"""Where this GUI's offline demo runs its sandboxes (TargetOptions.sandbox_place).

The app (ui/app.run) puts them in a child process of its own executable, so their HTTP work never
competes with the GUI thread for the interpreter. Windows built without it (GUI tests that inspect
the sandbox's objects in this process) keep the default, IN_PROCESS. Every GUI connect takes its
options through `applied`.
"""

from __future__ import annotations

from dataclasses import replace

from loyalty_desktop.core.options import SandboxPlace, SmileOptions, SyncOptions

_place = SandboxPlace.IN_PROCESS


def set_place(place: SandboxPlace) -> SandboxPlace:
    """Where the GUI's sandboxes start from now on; returns the previous place."""
    global _place
    previous, _place = _place, place
    return previous


def place() -> SandboxPlace:
    return _place


def applied(options: SyncOptions) -> SyncOptions:
    """`options` with the GUI's sandbox place (the destination's sandbox, Smile.io's)."""
    source = options.source
    if isinstance(source, SmileOptions):
        source = replace(source, sandbox_place=_place)
    return replace(options, source=source, target=replace(options.target, sandbox_place=_place))
