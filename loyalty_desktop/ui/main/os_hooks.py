"""The GUI's door to what the operating system does for us without the app: start at login
(`schedule.autostart`) and the OS scheduler entry (`schedule.os_scheduler`, the same one
`loyalty-desktop schedule install` registers). Tests replace `HOOKS` with a fake."""

from __future__ import annotations

import logging
import shutil

from loyalty_desktop.core.settings import Settings

log = logging.getLogger(__name__)

SCHEDULE_COMMAND = "loyalty-desktop schedule install"


class SystemHooks:
    """The real thing. The schedule modules load on first use (they are not needed to open a window)."""

    def autostart_available(self) -> bool:
        return True  # a Run value, a LaunchAgent or an XDG autostart entry: every OS we ship has one

    def autostart_enabled(self) -> bool:
        from loyalty_desktop.schedule import autostart

        try:
            return autostart.is_enabled()
        except OSError:
            log.info("could not read the start-at-login entry", exc_info=True)
            return False

    def set_autostart(self, enabled: bool) -> None:
        """Raises OSError when the entry cannot be written."""
        from loyalty_desktop.schedule import autostart

        if enabled:
            autostart.enable()
        else:
            autostart.disable()

    def os_schedule_available(self) -> bool:
        """Whether this computer has the scheduler tool the entry is registered with."""
        from loyalty_desktop.schedule.autostart import OS

        tool = {OS.LINUX: "systemctl", OS.WINDOWS: "schtasks", OS.MACOS: "launchctl"}[OS.current()]
        return shutil.which(tool) is not None

    def install_os_schedule(self, settings: Settings) -> None:
        """Register the saved set-up's sync with the OS scheduler; raises ConfigError saying why not
        (a key kept for this session only, no user scheduler…)."""
        from loyalty_desktop.core.errors import ConfigError
        from loyalty_desktop.schedule import saved
        from loyalty_desktop.schedule.os_scheduler import OsScheduler, install_saved
        from loyalty_desktop.ui.i18n import core_text

        problems = saved.key_problems(saved.saved_sync(settings))
        if problems:  # each made from its own template: worded one by one in the app's language
            raise ConfigError(" ".join(core_text(p) for p in problems))
        install_saved(OsScheduler(), settings)


HOOKS = SystemHooks()
