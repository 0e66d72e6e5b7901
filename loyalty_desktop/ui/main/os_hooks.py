"""The GUI's door to what the operating system does for us without the app: start at login
(`loyalty_desktop.schedule.autostart`) and the OS scheduler entry (`loyalty-desktop schedule
install`). Both are built beside the GUI and may be missing from this version: every call says
whether it could. Tests replace `HOOKS` with a fake."""

from __future__ import annotations

import importlib
import logging
from types import ModuleType

log = logging.getLogger(__name__)

SCHEDULE_COMMAND = "loyalty-desktop schedule install"


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class SystemHooks:
    """The real thing: the Qt-free modules, when this version has them."""

    def autostart_available(self) -> bool:
        return _module("loyalty_desktop.schedule.autostart") is not None

    def autostart_enabled(self) -> bool:
        mod = _module("loyalty_desktop.schedule.autostart")
        try:
            return bool(mod.is_enabled()) if mod is not None else False
        except Exception:
            log.info("could not read the start-at-login entry", exc_info=True)
            return False

    def set_autostart(self, enabled: bool) -> None:
        """Raises ImportError where this version cannot, or the OS module's error."""
        mod = _module("loyalty_desktop.schedule.autostart")
        if mod is None:
            raise ImportError("start at login is not available in this version")
        if enabled:
            mod.enable()
        else:
            mod.disable()

    def os_schedule_available(self) -> bool:
        return self._scheduler() is not None

    def install_os_schedule(self) -> None:
        """Register the saved schedule with the OS scheduler (raises where it cannot)."""
        mod = self._scheduler()
        if mod is None:
            raise ImportError("the OS scheduler is not available in this version")
        mod.install()

    @staticmethod
    def _scheduler() -> ModuleType | None:
        mod = _module("loyalty_desktop.schedule.os_scheduler")
        return mod if mod is not None and callable(getattr(mod, "install", None)) else None


HOOKS = SystemHooks()
